# count FILE STATUS NAME: adds the TAP results in FILE, written by harness
# NAME that exited with STATUS, to $pass and $fail, and prints the failures.
# Sourced by tests/run.sh (POSIX sh). Each of these is a failure:
#  - a 'not ok' line;
#  - a non-zero exit with no 'not ok' line (a crash, a sanitizer abort);
#  - no plan line ('1..N'), or a number of results other than the plan's N:
#    a harness that stopped early, even with status 0. cmocka prints a plan
#    per group of tests, so the plans of one file add up.
# What is found beyond the file's own lines is appended to it as 'not ok'.
count() {
	p=$(grep -c '^ok ' "$1")
	f=$(grep -c '^not ok ' "$1")
	results=$((p + f))
	plans=$(grep -cE '^1\.\.[0-9]+([^0-9]|$)' "$1")
	planned=$(sed -n 's/^1\.\.\([0-9][0-9]*\).*/\1/p' "$1" |
	    awk '{ n += $1 } END { print n + 0 }')
	if [ "$2" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1
		echo "not ok - $3 exited with status $2" >> "$1"
	fi
	if [ "$plans" -eq 0 ]; then
		f=$((f + 1))
		echo "not ok - $3 printed no TAP plan (1..N) for its $results results" >> "$1"
	elif [ "$results" -ne "$planned" ]; then
		f=$((f + 1))
		echo "not ok - $3 planned $planned tests but reported $results" >> "$1"
	fi
	pass=$((pass + p))
	fail=$((fail + f))
	if [ "$f" -ne 0 ]; then
		echo "--- failures in $3:"
		grep -v '^ok ' "$1" | head -80
	fi
}

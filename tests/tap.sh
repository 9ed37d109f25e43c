# scratch_dir NAME: makes and prints a new directory for a test run's
# banks and files, on the /dev/shm tmpfs when there is one (the tests
# write hundreds of banks with synchronous=FULL: disk-bound work that
# tells nothing about lpcoach), else in LPCOACH_TEST_TMPDIR, TMPDIR or
# /tmp.  The caller removes it.
scratch_dir() {
	if [ -z "${LPCOACH_TEST_TMPDIR:-}" ] && [ -d /dev/shm ] &&
	    [ -w /dev/shm ] &&
	    [ "$(stat -f -c %T /dev/shm 2>/dev/null)" = tmpfs ]; then
		mktemp -d "/dev/shm/$1.XXXXXX"
	else
		mktemp -d "${LPCOACH_TEST_TMPDIR:-${TMPDIR:-/tmp}}/$1.XXXXXX"
	fi
}

# count FILE STATUS NAME: adds the TAP results in FILE, written by harness
# NAME that exited with STATUS, to $pass and $fail, and prints the failures.
# Sourced by tests/run.sh and tests/valgrind/run.sh (POSIX sh). Each of
# these is a failure:
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

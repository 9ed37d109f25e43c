#!/bin/sh
# The CLI tests of tests/valgrind/suite with every lpcoach call under
# valgrind (tests/valgrind/lpcoach), for 'make check-valgrind'.  The lines
# of the suite are dealt to JOBS shards (default 2, one per core), which
# run side by side; each line's TAP goes to its own log, counted by
# count() in tests/tap.sh.  A filter that selects no test is a failure, so
# a renamed test cannot drop out unseen.  Ends with 'N passed, N failed'.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
jobs=${JOBS:-2}
logdir=build/test-logs/valgrind
rm -rf "$logdir"
mkdir -p "$logdir"
pass=0
fail=0

. "$top/tests/tap.sh"

scratch=$(scratch_dir lpcoach-vg)
trap 'rm -rf "$scratch"' EXIT INT TERM
# valgrind writes its own files in TMPDIR, also when a test runs lpcoach
# as another user (the read-only bank tests): open to all, as /tmp is.
chmod 1777 "$scratch"
export TMPDIR="$scratch"
export LPCOACH_BIN="$top/tests/valgrind/lpcoach"

# The suite's lines, numbered: "N FILE [FILTER]".
grep -v -e '^#' -e '^[[:space:]]*$' tests/valgrind/suite | awk '{ print NR, $0 }' \
    > "$scratch/lines"

# shard K: runs the lines whose number is K modulo $jobs.
shard() {
	while read -r n file filter; do
		[ $((n % jobs)) -eq "$1" ] || continue
		log="$logdir/$n-${file%.bats}.tap"
		# Not the list's lines for input: a test that reads its
		# standard input would eat the rest of the shard.
		if [ -n "$filter" ]; then
			bats --tap -f "$filter" "tests/cli/$file" > "$log" 2>&1 \
			    < /dev/null
		else
			bats --tap "tests/cli/$file" > "$log" 2>&1 < /dev/null
		fi
		echo $? > "$log.rc"
	done < "$scratch/lines"
}

k=0
while [ "$k" -lt "$jobs" ]; do
	shard "$k" &
	k=$((k + 1))
done
wait

while read -r n file filter; do
	log="$logdir/$n-${file%.bats}.tap"
	if [ ! -f "$log" ]; then
		echo "not ok - $file did not run" > "$log"
		echo 1 > "$log.rc"
	elif grep -q '^1\.\.0$' "$log"; then
		echo "not ok - $file: the filter '$filter' selects no test" >> "$log"
	fi
	count "$log" "$(cat "$log.rc" 2>/dev/null || echo 99)" "valgrind/$file"
done < "$scratch/lines"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

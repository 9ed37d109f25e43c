#!/bin/sh
# Runs every unit test (cmocka) and CLI test (bats) against each build
# directory given, and ends with the line 'N passed, N failed', counted by
# count() in tests/tap.sh (which also checks each TAP file's plan).
# Exit status 1 when anything failed.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
logdir=build/test-logs
mkdir -p "$logdir"
pass=0
fail=0

. "$top/tests/tap.sh"

for build in "$@"; do
	name=$(basename "$build")
	echo "== $name build"
	export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:exitcode=86
	export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
	for t in "$build"/tests/test_*; do
		[ -x "$t" ] || continue
		log="$logdir/$name-$(basename "$t").tap"
		CMOCKA_MESSAGE_OUTPUT=TAP "$t" > "$log" 2>&1
		rc=$?
		count "$log" "$rc" "$name/$(basename "$t")"
	done
	log="$logdir/$name-cli.tap"
	LPCOACH_BIN="$top/$build/lpcoach" GENCORPUS="$top/$build/gencorpus" bats --tap tests/cli > "$log" 2>&1
	rc=$?
	count "$log" "$rc" "$name/cli"
	echo "   $(grep -c '^ok ' "$logdir/$name-cli.tap") CLI tests passed"
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

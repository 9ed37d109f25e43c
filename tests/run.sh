#!/bin/sh
# Runs every unit test (cmocka) and CLI test (bats) against each build
# directory given, and ends with the line 'N passed, N failed', counted by
# count() in tests/tap.sh (which also checks each TAP file's plan).
# Exit status 1 when anything failed.  With --unit first, only the unit
# tests run (check-clang: the CLI suite is the same for every compiler).
#
# The builds' suites run side by side (one per core is what two builds
# want), on a tmpfs when /dev/shm is one: the tests create hundreds of
# banks with synchronous=FULL, and the hostile fixtures are 100,000 files,
# which is disk-bound work that tells nothing about lpcoach.  The hostile
# fixtures and the test locales are written once for every build.
set -u
cli=yes
if [ "${1:-}" = --unit ]; then
	cli=no
	shift
fi
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
logdir=build/test-logs
mkdir -p "$logdir"
pass=0
fail=0

. "$top/tests/tap.sh"

scratch=$(scratch_dir lpcoach-tests)
trap 'rm -rf "$scratch"' EXIT INT TERM
export TMPDIR="$scratch"
if [ "$cli" = yes ]; then
	export HOSTILE_FIXTURES="$scratch/hostile"
	sh tests/hostile/fixtures.sh "$HOSTILE_FIXTURES" >/dev/null 2>&1
	# The locales the CLI tests run lpcoach under (make_locales in
	# tests/cli/helper.bash, which makes them itself if this failed).
	export LPCOACH_TEST_LOCALES="$scratch/locales"
	mkdir -p "$LPCOACH_TEST_LOCALES"
	for loc in tr_TR.UTF-8 en_US.ISO-8859-1; do
		localedef -i "${loc%%.*}" -f "${loc#*.}" \
		    "$LPCOACH_TEST_LOCALES/$loc" >/dev/null 2>&1
	done
fi

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:exitcode=86
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

# run_build BUILD: every test of BUILD, each log with its exit status
# beside it in LOG.rc.
run_build() {
	name=$(basename "$1")
	for t in "$1"/tests/test_*; do
		[ -x "$t" ] || continue
		log="$logdir/$name-$(basename "$t").tap"
		CMOCKA_MESSAGE_OUTPUT=TAP "$t" > "$log" 2>&1
		echo $? > "$log.rc"
	done
	[ "$cli" = yes ] || return 0
	log="$logdir/$name-cli.tap"
	mkdir -p "$scratch/$name"
	TMPDIR="$scratch/$name" LPCOACH_BIN="$top/$1/lpcoach" \
	    GENCORPUS="$top/$1/gencorpus" bats --tap tests/cli > "$log" 2>&1
	echo $? > "$log.rc"
}

for build in "$@"; do
	rm -f "$logdir/$(basename "$build")"-*.tap "$logdir/$(basename "$build")"-*.rc
	run_build "$build" &
done
wait

for build in "$@"; do
	name=$(basename "$build")
	echo "== $name build"
	for log in "$logdir/$name"-*.tap; do
		[ -f "$log" ] || continue
		what=$(basename "$log" .tap)
		count "$log" "$(cat "$log.rc" 2>/dev/null || echo 99)" \
		    "$name/${what#"$name"-}"
	done
	[ "$cli" = no ] ||
	    echo "   $(grep -c '^ok ' "$logdir/$name-cli.tap") CLI tests passed"
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

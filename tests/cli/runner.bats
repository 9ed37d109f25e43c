#!/usr/bin/env bats
# Not a command: the counting in tests/tap.sh that tests/run.sh uses for
# 'N passed, N failed', so that a harness that stops early cannot pass.
load helper

# tally FILE STATUS: runs count() as run.sh does (POSIX sh) and prints
# 'PASS FAIL'.
tally() {
	sh -c '. "$1"; pass=0; fail=0; count "$2" "$3" h >/dev/null; echo "$pass $fail"' \
	    sh "$TOP/tests/tap.sh" "$1" "$2"
}

@test "a whole TAP file counts its results" {
	printf '1..3\nok 1 - a\nnot ok 2 - b\n# a comment\nok 3 - c # skip\n' > t.tap
	[ "$(tally t.tap 1)" = "2 1" ]
	printf 'ok 1 - a\nok 2 - b\n1..2\n' > end.tap
	[ "$(tally end.tap 0)" = "2 0" ]
	printf '1..0 # skipped: nothing to test\n' > none.tap
	[ "$(tally none.tap 0)" = "0 0" ]
}

@test "a truncated TAP file is a failure, even with exit status 0" {
	printf '1..13\nok 1 - a\nok 2 - b\nok 3 - c\n' > t.tap
	[ "$(tally t.tap 0)" = "3 1" ]
	grep -qx 'not ok - h planned 13 tests but reported 3' t.tap
}

@test "a TAP file without a plan is a failure" {
	printf 'ok 1 - a\nok 2 - b\n' > t.tap
	[ "$(tally t.tap 0)" = "2 1" ]
	: > empty.tap
	[ "$(tally empty.tap 0)" = "0 1" ]
}

@test "plans of several cmocka groups add up" {
	printf '1..2\nok 1 - a\nok 2 - b\n1..1\nok 1 - c\n' > t.tap
	[ "$(tally t.tap 0)" = "3 0" ]
}

@test "a crash is a failure beside the results it cut short" {
	printf '1..3\nok 1 - a\n' > t.tap
	[ "$(tally t.tap 86)" = "1 2" ]
	grep -qx 'not ok - h exited with status 86' t.tap
}

#!/usr/bin/env bats
# Every command has -h, a man page section and a README entry, and they
# agree on the synopsis.
load helper

commands="init add edit show list tag rm import export principles principle questions lint rules cover loop drill report doctor backup"

@test "every command's -h and --help print its usage and exit 0" {
	for c in $commands; do
		run lp "$c" -h
		assert_success
		assert_line --index 0 --regexp "^usage: lpcoach $c"
		run lp "$c" --help
		assert_success
	done
}

@test "every command's synopsis is in the man page and the README" {
	for c in $commands; do
		syn=$(lp "$c" -h | head -1 | sed 's/^usage: //')
		# The man page escapes dashes as \-.
		grep -qF -- "$(printf '%s' "$syn" | sed 's/-/\\-/g')" "$TOP/lpcoach.1" ||
			fail "man page lacks: $syn"
		grep -qF -- "$syn" "$TOP/README.md" || fail "README lacks: $syn"
	done
}

@test "lpcoach --help lists every command" {
	run lp --help
	assert_success
	for c in $commands; do
		assert_output --partial "  lpcoach $c" || assert_output --partial "  $c"
	done
}

@test "--version prints the version" {
	run lp --version
	assert_success
	assert_output --regexp '^lpcoach [0-9]+\.[0-9]+\.[0-9]+$'
}

@test "an unknown command or option exits 2" {
	run lp frobnicate
	assert_failure 2
	assert_output --partial "unknown command 'frobnicate'"
	run lp list --frobnicate
	assert_failure 2
	assert_output --partial "unknown option '--frobnicate'"
	run lp
	assert_failure 2
	assert_output --partial "usage: lpcoach"
	run lp --color=sometimes list
	assert_failure 2
}

@test "--color=always colours and NO_COLOR does not" {
	lp init >/dev/null
	run lp --color=always principles
	assert_output --partial $'\e[1m'
	run lp principles
	refute_output --partial $'\e['
}

@test "a closed or full standard output is an error" {
	lp import "$SAMPLES" >/dev/null
	run sh -c "'$LPCOACH' list > /dev/full"
	assert_failure 2
	assert_output --partial "cannot write to standard output"
}

@test "dependencies point one way: cli, lp, rubrics, stories, base" {
	cd "$TOP"
	! grep -lE '#include "(cli|lp|rubrics|stories)/' base/*.c base/*.h
	! grep -lE '#include "(cli|lp|rubrics)/' stories/*.c stories/*.h
	! grep -lE '#include "(cli|lp)/' rubrics/*.[ch] 2>/dev/null
	! grep -lE '#include "cli/' lp/*.c lp/*.h
	! grep -l 'sqlite3_' lp/*.c cli/*.c
}

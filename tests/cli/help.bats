#!/usr/bin/env bats
# Every command has -h, a man page section and a README entry, and they
# agree on the synopsis.
load helper

commands="init add edit show list tag rm import export principles principle questions lint rules cover loop drill report doctor backup speak"

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

@test "every loop verb's synopsis is in loop -h, the man page and the README" {
	lp loop -h | sed -n 's/^  \(loop .*\)$/\1/p' > verbs
	[ "$(wc -l < verbs)" -eq 12 ] || fail "$(cat verbs)"
	while read -r syn; do
		verb=$(echo "$syn" | sed -E 's/^loop (round [a-z]+|[a-z]+).*/\1/')
		# shellcheck disable=SC2086
		[ "$(lp loop $verb -h | head -1)" = "usage: lpcoach $syn" ] ||
			fail "loop $verb -h does not start with: $syn"
		grep -qF -- "$(printf 'lpcoach %s' "$syn" | sed 's/-/\\-/g')" \
			"$TOP/lpcoach.1" || fail "man page lacks: $syn"
		grep -qF -- "lpcoach $syn" "$TOP/README.md" ||
			fail "README lacks: $syn"
	done < verbs
}

@test "-h is made from the option table: every option is in the synopsis and the list" {
	for c in $commands; do
		lp "$c" -h > help
		# Every --option in the synopsis has a line of its own below.
		for o in $(head -1 help | grep -oE -- '--[a-z][a-z-]*'); do
			grep -qE -- "^  (-[a-z], )?$o([ =[]|$)" help ||
				fail "$c -h: $o is in the synopsis but not listed"
		done
		for o in $(grep -oE -- '^  (-[a-z], )?--[a-z][a-z-]*' help |
		    grep -oE -- '--[a-z][a-z-]*'); do
			head -1 help | grep -qF -- "$o" ||
				fail "$c -h: $o is listed but not in the synopsis"
		done
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
	run lp list --color=sometimes
	assert_failure 2
	# tag takes "-P" operands, but its options are still checked.
	run lp tag 1 --color=bogus
	assert_failure 2
	assert_output --partial "--color takes auto, always or never, not 'bogus'"
	run lp list --wpm
	assert_failure 2
	assert_output --partial "option '--wpm' needs a value"
	run lp list --json=yes
	assert_failure 2
	assert_output --partial "option '--json' takes no value"
	run lp show 1 --json --md
	assert_failure 2
	assert_output --partial "give --json or --md, not both"
}

@test "a long option may be abbreviated to a unique prefix, not an ambiguous one" {
	lp import "$SAMPLES" >/dev/null
	run lp import --dry "$SAMPLES"
	assert_success
	assert_output --partial "dry run: would be"
	run lp drill --d
	assert_failure 2
	assert_output --partial "option '--d' is ambiguous: --dry-run, --due, --db"
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

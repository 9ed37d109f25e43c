#!/usr/bin/env bats
# Every command has -h, a man page section and a README entry, and they
# agree on the synopsis.
load helper

commands="init add edit show list tag rm import export principles principle questions lint rules cover match loop drill report partner doctor backup speak"

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

@test "a mistyped command, verb or option exits 2 with the nearest names" {
	run --separate-stderr "$LPCOACH" lsit
	[ "$status" -eq 2 ] && [[ "$stderr" == *"unknown command 'lsit'; did you mean 'list'?"* ]] ||
		fail "$status: $stderr"
	run --separate-stderr "$LPCOACH" list --principal ownership
	[ "$status" -eq 2 ] && [[ "$stderr" == *"unknown option '--principal'; did you mean '--principle'?"* ]] ||
		fail "$status: $stderr"
	run --separate-stderr "$LPCOACH" loop shwo l
	[ "$status" -eq 2 ] && [[ "$stderr" == *"unknown loop verb 'shwo'; did you mean 'show'?"* ]] ||
		fail "$status: $stderr"
	run --separate-stderr "$LPCOACH" loop round ad l r ownership
	[ "$status" -eq 2 ] && [[ "$stderr" == *"did you mean 'add'"* ]] ||
		fail "$status: $stderr"
	# Equally near names are all given.
	run --separate-stderr "$LPCOACH" lnit
	[[ "$stderr" == *"did you mean 'init' or 'lint'?"* ]] || fail "$stderr"
	# Nothing near: no guess.
	run --separate-stderr "$LPCOACH" frobnicate
	[ "$status" -eq 2 ]
	[[ "$stderr" != *"did you mean"* ]] || fail "$stderr"
}

# The {a, b, ...} field list in the part of a document from the line
# matching START to the next line matching END, one name a line, sorted.
doc_fields() {
	awk -v s="$2" -v e="$3" '$0 ~ s { on = 1; print; next }
	    on && $0 ~ e { exit } on' "$1" | tr '\n' ' ' |
		sed -E 's/\\f[BIR]//g; s/`//g' |
		grep -oE '\{[a-z, ]+\}' | head -1 | tr -d '{} ' | tr ',' '\n' | sort
}

@test "list --json has the fields the README and the man page name" {
	lp import "$SAMPLES" >/dev/null
	lp list --json | jq -r '.[0] | keys[]' | sort > code
	doc_fields "$TOP/README.md" '^### `lpcoach list ' '^###' > readme
	doc_fields "$TOP/lpcoach.1" '^\.B lpcoach list ' '^\.TP' > man
	[ -s code ] && [ -s readme ] && [ -s man ] || fail "no field list found"
	diff -u code readme || fail "README's list --json fields differ"
	diff -u code man || fail "man page's list --json fields differ"
}

@test "every option of every command's and verb's table is in its -h and its man page entry" {
	# The option tables, as lpcoach __complete reads them.
	opts() { "$LPCOACH" __complete -- "$@" -- | tail -n +2 |
		grep -vxE -- '--(db|color|help)'; }
	names=$commands
	for v in $("$LPCOACH" __complete -- loop "" | tail -n +2); do
		if [ "$v" = round ]; then
			for r in $("$LPCOACH" __complete -- loop round "" |
			    tail -n +2); do
				names="$names loop:round:$r"
			done
		else
			names="$names loop:$v"
		fi
	done
	n=0
	for name in $names; do
		# shellcheck disable=SC2086
		set -- ${name//:/ }
		lp "$@" -h > help
		# The man page entry: from '.B lpcoach NAME' to the next entry.
		sed 's/\\-/-/g' "$TOP/lpcoach.1" | awk -v s=".B lpcoach $*" '
		    on && (/^\.(TP|SH)/ || index($0, ".B lpcoach ") == 1) { exit }
		    $0 == s || index($0, s " ") == 1 { on = 1 } on' > man
		[ -s man ] || fail "no man page entry for '$*'"
		for o in $(opts "$@"); do
			n=$((n + 1))
			grep -qE -- "^  (-[a-z], )?$o([ =[]|$)" help ||
				fail "'$* -h' does not list $o"
			grep -qF -- "$o" man || fail "man page entry for '$*' lacks $o"
		done
	done
	[ "$n" -gt 40 ] || fail "only $n options found"
}

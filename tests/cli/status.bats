#!/usr/bin/env bats
# The exit status rule of the README, walked over every command and loop
# verb: 0 for a good call; 1 when something asked for is not there (a
# story, a loop, a round or slot of a loop); 2 for a usage error, an input
# error and a database error.  Each failing call must name on standard
# error the argument that made it fail.
load helper

setup() {
	hermetic_setup
	lp import "$SAMPLES" >/dev/null
	lp loop new l --template empty --date 2026-12-01 >/dev/null
	lp loop round add l r1 ownership >/dev/null
	story new.md "A new story" frugality
	export EDITOR=true
}

# is STATUS WORD ARGS...: lpcoach ARGS exits STATUS; unless STATUS is 0,
# its standard error contains WORD.
is() {
	local want=$1 word=$2
	shift 2
	run --separate-stderr "$LPCOACH" "$@"
	[ "$status" -eq "$want" ] ||
		fail "lpcoach $*: exit $status, not $want; stderr: $stderr"
	[ "$want" -eq 0 ] || [[ "$stderr" == *"$word"* ]] ||
		fail "lpcoach $*: stderr does not name '$word': $stderr"
}

# usage ARGS...: an unknown option, anywhere a command or verb takes
# options, is a usage error naming it.
usage() {
	is 2 "--no-such-option" "$@" --no-such-option
}

@test "story commands: ok, no such story, usage" {
	is 0 "" show 1
	is 1 "'999'" show 999
	usage show 1
	is 2 "'2'" show 1 2

	is 0 "" edit 1
	is 1 "'999'" edit 999
	is 2 "'2'" edit 1 2
	usage edit 1

	is 0 "" tag 1
	is 1 "'999'" tag 999 +ownership
	is 2 "'nosuch'" tag 1 +nosuch
	# tag reads "-P" as a principle to remove: its usage error is a value.
	is 2 "'bogus'" tag 1 --color=bogus

	is 1 "'999'" rm 999 --yes
	usage rm 1
	is 0 "" rm 1 --yes

	is 0 "" lint 2
	is 1 "'999'" lint 999
	is 2 "nosuch.md" lint nosuch.md
	usage lint 2

	is 0 "" list
	is 2 "'nosuch'" list --principle nosuch
	usage list
}

@test "commands that read or write files: ok, missing file, usage" {
	is 0 "" add new.md
	is 2 "nosuch.md" add nosuch.md
	usage add new.md

	is 0 "" import "$SAMPLES"
	is 2 "nosuch" import nosuch
	usage import "$SAMPLES"

	is 0 "" export --out out
	is 2 "missing/out" export --out missing/out
	usage export

	is 0 "" backup b.db
	is 2 "missing" backup missing/b.db
	usage backup c.db

	is 0 "" report
	is 1 "'nosuch'" report --loop nosuch
	usage report
}

@test "commands without operands: ok, unexpected argument, usage" {
	for c in init principles questions rules cover doctor; do
		is 0 "" "$c"
		is 2 "'extra'" "$c" extra
		usage "$c"
	done
	is 0 "" principle ownership
	is 2 "'nosuch'" principle nosuch
	is 2 "'extra'" principle ownership extra
	usage principle ownership
	is 2 "'nosuch'" questions --principle nosuch
	is 1 "'nosuch'" cover --loop nosuch
	is 0 "" drill --dry-run --seed 1
	is 1 "'nosuch'" drill --loop nosuch --dry-run
	usage drill --dry-run
}

@test "loop verbs: ok, no such loop, round or slot, usage" {
	is 0 "" loop list
	usage loop list
	is 2 "'frob'" loop frob

	is 0 "" loop new m
	is 2 "'m'" loop new m
	usage loop new n

	is 0 "" loop show l
	is 1 "'nosuch'" loop show nosuch
	is 2 "'extra'" loop show l extra
	usage loop show l

	is 0 "" loop plan l
	is 1 "'nosuch'" loop plan nosuch
	usage loop plan l

	is 0 "" loop check l
	is 1 "'nosuch'" loop check nosuch
	usage loop check l

	is 0 "" loop round add l r2 frugality
	is 1 "'nosuch'" loop round add nosuch r ownership
	usage loop round add l r3 ownership
	is 0 "" loop round set l r2 ownership
	is 1 "'nosuch'" loop round set l nosuch ownership
	usage loop round set l r2 ownership
	is 0 "" loop round rm l r2
	is 1 "'nosuch'" loop round rm l nosuch
	usage loop round rm l r1
	is 2 "'frob'" loop round frob

	is 0 "" loop pin l r1 ownership 4 --force
	is 1 "'nosuch'" loop pin nosuch r1 ownership 4
	is 1 "'nosuch'" loop pin l nosuch ownership 4
	is 1 "Frugality" loop pin l r1 frugality 4
	is 1 "'999'" loop pin l r1 ownership 999
	usage loop pin l r1 ownership 4

	is 0 "" loop unpin l r1 ownership
	is 1 "'nosuch'" loop unpin l nosuch ownership
	usage loop unpin l r1 ownership

	is 0 "" loop told l r1 4
	is 1 "'nosuch'" loop told nosuch r1 4
	is 1 "'999'" loop told l r1 999
	usage loop told l r1 4

	# loop rm asks first where rm does (see rm.bats and loop.bats).
	yes=
	if lp loop rm -h | grep -qF -- --yes; then yes=--yes; fi
	is 1 "'nosuch'" loop rm nosuch $yes
	usage loop rm m $yes
	is 0 "" loop rm m $yes
}

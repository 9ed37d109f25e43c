#!/usr/bin/env bats
# Shell completion: the scripts lpcoach __complete --script prints, driven
# as each shell would, and the hidden helper they call, which reads the
# bank without ever writing or upgrading it.  make install puts them where
# the shells look.
load helper

commands="init add edit show list tag rm import export principles principle questions lint rules match cover loop drill report partner doctor backup speak"

setup() {
	hermetic_setup
	"$LPCOACH" __complete --script bash > lpcoach.bash
}

# comp WORD...: what bash offers for the line "lpcoach WORD..." with the
# cursor at the end of the last word, one word a line: COMP_WORDS and
# COMP_CWORD set as bash sets them, then the function the script
# registered with 'complete'.
comp() {
	bash -c '
		script=$1; shift
		source "$script"
		fn=$(complete -p lpcoach | sed -E "s/.*-F ([^ ]+).*/\1/")
		COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
		COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
		"$fn"
		printf "%s\n" "${COMPREPLY[@]}"
	' bash "${SCRIPT:-lpcoach.bash}" "$LPCOACH" "$@"
}

# offers WORD... : EXPECTED...: comp WORD... offers exactly EXPECTED.
offers() {
	local words=() want
	while [ "$1" != : ]; do words+=("$1"); shift; done
	shift
	want=$(printf '%s\n' "$@" | sort)
	got=$(comp "${words[@]}" | sort)
	[ "$got" = "$want" ] ||
		fail "lpcoach ${words[*]}<TAB>: got [$(echo $got)], want [$(echo $want)]"
}

@test "bash completes commands and nested loop verbs" {
	# shellcheck disable=SC2086
	offers "" : $commands
	offers l : list lint loop
	offers lo : loop
	offers loop "" : new list show rm round pin unpin plan check told
	offers loop round "" : add set rm
	offers partner "" : import
	offers loop r : rm round
	# The helper itself is hidden.
	run comp __
	assert_output ""
}

@test "bash completes each command's and verb's options from its table" {
	for c in $commands "loop new" "loop show" "loop plan" "loop pin" \
	    "loop round add" "loop told"; do
		# shellcheck disable=SC2086
		want=$(lp $c -h | grep -oE -- '^  (-[a-z], )?--[a-z][a-z-]*' |
			grep -oE -- '--[a-z][a-z-]*'; printf '%s\n' --db --color --help)
		# shellcheck disable=SC2086
		offers $c -- : $want
	done
	offers list --p : --principle --project
	offers drill --d : --dry-run --due --db
}

@test "bash completes option values: choices, principles, roles" {
	offers export --format "" : md json
	# bash splits --format=j at '='; the value is offered alone.
	offers export --format = j : json
	offers export --format = : md json
	offers --color = a : auto always
	offers lint --min-severity "" : error warning suggestion
	offers list --principle fr : frugality
	offers questions --role m : mle manager
	offers loop new x --template "" : mle sde scientist manager empty
	# Names with spaces are quoted for the command line.
	offers principle Dive : 'Dive\ Deep'
	offers tag 1 +own : +ownership
	offers tag 1 -dive : -dive-deep
}

@test "bash completes story ids and uids, loop and round names from the bank" {
	lp import "$SAMPLES" >/dev/null
	lp loop new onsite --template sde >/dev/null
	lp loop new phone --template empty >/dev/null
	lp loop round add phone screen ownership >/dev/null
	# shellcheck disable=SC2046
	offers show "" : $(lp list --json | jq -r '.[].id, .[].uid')
	offers show gpu : gpu-training-cost
	offers loop show "" : onsite phone
	offers cover --loop o : onsite
	offers loop pin phone "" : screen
	offers loop pin phone screen own : ownership
	# --db names the bank the words come from.
	offers --db other.db show "" :
	offers --db="$LPCOACH_DB" loop show p : phone
}

@test "bash completes file names where a command takes files" {
	mkdir -p drafts
	story drafts/a.md "A story"
	offers import dr : drafts
	offers add drafts/ : drafts/a.md
	offers report --html dr : drafts
	# Not where none is taken.
	offers show dr :
}

@test "__complete opens the bank read-only and never upgrades it" {
	lp import "$SAMPLES" >/dev/null
	v=$(sqlite3 "$LPCOACH_DB" 'PRAGMA user_version')
	# An older schema version: what any reading command would upgrade.
	sqlite3 "$LPCOACH_DB" "PRAGMA user_version = $((v - 1));
		PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
	before=$(sha256sum "$LPCOACH_DB")
	find "$(dirname "$LPCOACH_DB")" -mindepth 1 -printf '%s %f\n' |
		sort > files.before
	run "$LPCOACH" __complete -- show ""
	assert_success
	assert_line 1
	assert_line gpu-training-cost
	[ "$(sha256sum "$LPCOACH_DB")" = "$before" ] || fail "the bank changed"
	[ "$(sqlite3 "$LPCOACH_DB" 'PRAGMA user_version')" -eq $((v - 1)) ]
	find "$(dirname "$LPCOACH_DB")" -mindepth 1 -printf '%s %f\n' |
		sort > files.after
	diff files.before files.after || fail "files beside the bank changed"

	# A bank that cannot be written, in a directory that cannot be.
	sqlite3 "$LPCOACH_DB" "PRAGMA user_version = $v" >/dev/null
	chmod a-w "$LPCOACH_DB" "$(dirname "$LPCOACH_DB")"
	before=$(sha256sum "$LPCOACH_DB")
	run "$LPCOACH" __complete -- show ""
	chmod u+w "$LPCOACH_DB" "$(dirname "$LPCOACH_DB")"
	assert_success
	assert_line 12
	[ "$(sha256sum "$LPCOACH_DB")" = "$before" ] || fail "the bank changed"

	# No bank at all: none is created.
	export LPCOACH_DB="$BATS_TEST_TMPDIR/none/bank.db"
	run "$LPCOACH" __complete -- show ""
	assert_success
	assert_output words
	[ ! -e "$BATS_TEST_TMPDIR/none" ]
}

@test "__complete --script prints a script for bash, zsh and fish only" {
	run "$LPCOACH" __complete --script bash
	assert_success
	assert_output --partial "complete -F"
	run "$LPCOACH" __complete --script zsh
	assert_line --index 0 "#compdef lpcoach"
	run "$LPCOACH" __complete --script fish
	assert_output --partial "complete -c lpcoach"
	run --separate-stderr "$LPCOACH" __complete --script tcsh
	assert_failure 2
	[[ "$stderr" == *"'tcsh'"* ]] || fail "$stderr"
}

@test "make install puts lpcoach, its man page and completions under PREFIX; uninstall removes them" {
	build=$LPCOACH_BUILD
	pfx="$BATS_TEST_TMPDIR/prefix"
	# The install rules only: -o keeps make from building anything (the
	# build under test was made with its own flags).
	make -C "$TOP" --no-print-directory -o "$build/lpcoach" \
		install PREFIX="$pfx" BUILD="$build" >/dev/null
	for f in bin/lpcoach share/man/man1/lpcoach.1 \
	    share/bash-completion/completions/lpcoach \
	    share/zsh/site-functions/_lpcoach \
	    share/fish/vendor_completions.d/lpcoach.fish; do
		[ -f "$pfx/$f" ] || fail "make install did not install $f"
	done
	[ -x "$pfx/bin/lpcoach" ]
	# The installed bash completion works with the installed lpcoach.
	PATH="$pfx/bin:$PATH" SCRIPT="$pfx/share/bash-completion/completions/lpcoach" \
		run comp lo
	assert_output loop
	make -C "$TOP" --no-print-directory uninstall PREFIX="$pfx" >/dev/null
	[ -z "$(find "$pfx" -type f)" ] || fail "left: $(find "$pfx" -type f)"
}

#!/usr/bin/env bats
# Shell completion: the scripts lpcoach __complete --script prints, driven
# as each shell would (bash, zsh and fish themselves run them), and the hidden helper they call, which reads the
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

# The zsh and fish scripts call the command as typed, so lpcoach must be
# on PATH: a wrapper in the test's directory.
on_path() {
	mkdir -p bin
	printf '#!/bin/sh\nexec "%s" "$@"\n' "$LPCOACH" > bin/lpcoach
	chmod +x bin/lpcoach
}

# zcomp WORD...: what the zsh script offers for "lpcoach WORD...", run by
# zsh itself: words and CURRENT set as the completion system sets them,
# compadd and _files stood in for by functions that print what they get
# ("<files>" for _files).
zcomp() {
	"$LPCOACH" __complete --script zsh > _lpcoach
	PATH="$PWD/bin:$PATH" zsh -f -c '
		compadd() { [[ $1 == -- ]] && shift; print -rl -- "$@"; }
		_files() { print -r -- "<files>"; }
		_lpcoach() { source ./_lpcoach; }
		words=(lpcoach "$@"); CURRENT=${#words}
		_lpcoach' zsh "$@"
}

# fcomp LINE: what fish offers for the command line LINE ('complete -C'),
# with the fish script sourced and no user configuration.
fcomp() {
	"$LPCOACH" __complete --script fish > lpcoach.fish
	PATH="$PWD/bin:$PATH" fish --no-config -c \
	    'source lpcoach.fish; complete -C $argv[1]' "$1" | cut -f1
}

# same GOT WANT...: GOT (lines) holds exactly the words WANT.
same() {
	local got want
	got=$(printf '%s\n' "$1" | sed '/^$/d' | sort)
	shift
	want=$(printf '%s\n' "$@" | sed '/^$/d' | sort)
	[ "$got" = "$want" ] || fail "got [$(echo $got)], want [$(echo $want)]"
}

@test "zsh completes commands, verbs, options, story ids and files" {
	on_path
	lp import "$SAMPLES" >/dev/null
	mkdir -p drafts
	story drafts/a.md "A story"
	# shellcheck disable=SC2086
	same "$(zcomp "")" $commands
	same "$(zcomp lo)" loop
	same "$(zcomp loop r)" rm round
	same "$(zcomp list --p)" --principle --project
	# shellcheck disable=SC2046
	same "$(zcomp show "")" $(lp list --json | jq -r '.[].id, .[].uid')
	same "$(zcomp show gpu)" gpu-training-cost
	# Files: zsh's own _files, asked for where a command takes files only.
	same "$(zcomp import dr)" "<files>"
	same "$(zcomp show dr)" ""
}

@test "fish completes commands, verbs, options, story ids and files" {
	on_path
	lp import "$SAMPLES" >/dev/null
	mkdir -p drafts
	story drafts/a.md "A story"
	# shellcheck disable=SC2086
	same "$(fcomp "lpcoach ")" $commands
	same "$(fcomp "lpcoach lo")" loop
	same "$(fcomp "lpcoach loop r")" rm round
	same "$(fcomp "lpcoach list --p")" --principle --project
	# shellcheck disable=SC2046
	same "$(fcomp "lpcoach show ")" $(lp list --json | jq -r '.[].id, .[].uid')
	same "$(fcomp "lpcoach show gpu")" gpu-training-cost
	same "$(fcomp "lpcoach import dr")" drafts/
	same "$(fcomp "lpcoach show dr")" ""
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

#!/usr/bin/env bats
load helper

editor() {
	# editor SCRIPT-BODY: writes ed.sh that edits the file in "$1".
	printf '#!/bin/sh\n%s\n' "$1" > ed.sh
	chmod +x ed.sh
	export EDITOR="$PWD/ed.sh"
}

@test "edit saves the edited story and bumps nothing else" {
	story a.md "Before" ownership e1
	lp add a.md
	editor 'sed -i "s/I profiled the job./I profiled the job with perf./" "$1"'
	run lp edit e1
	assert_success
	assert_output --regexp "^saved 1  Before  score [0-9]+$"
	run lp show 1 --json
	assert_output --partial '"action": "I profiled the job with perf."'
}

@test "edit of an unchanged file changes nothing" {
	story a.md "Same" ownership e2
	lp add a.md
	before=$(bank_hash)
	EDITOR=true run lp edit e2
	assert_success
	assert_output --partial "no changes"
	[ "$(bank_hash)" = "$before" ]
}

@test "edit with a parse error keeps the file and changes nothing" {
	story a.md "Keep me" ownership e3
	lp add a.md
	before=$(bank_hash)
	editor 'sed -i "s/^title: .*/title: [broken/" "$1"; echo "Typed line" >> "$1"'
	run lp edit e3 < /dev/null
	assert_failure 2
	assert_output --partial "your text is kept in"
	grep -q "Typed line" data/edits/edit-*.md
	[ "$(bank_hash)" = "$before" ]
}

@test "a second edit session does not overwrite the first" {
	story a.md "Contested" ownership e4
	lp add a.md
	# The editor, while open, lets another edit land first.
	editor "sed -i 's/Fix it./Second editor text./' \"\$1\"; EDITOR='$BATS_TEST_TMPDIR/first.sh' '$LPCOACH' edit e4 >/dev/null"
	printf '#!/bin/sh\nsed -i "s/Fix it./First editor text./" "$1"\n' > first.sh
	chmod +x first.sh
	run lp edit e4
	assert_failure 2
	assert_output --partial "changed (or was removed) since it was read"
	assert_output --partial "nothing was overwritten"
	run lp show e4 --json
	assert_output --partial '"task": "First editor text."'
	grep -q "Second editor text." data/edits/edit-*.md
}

@test "edit of an unknown story exits 1" {
	run lp edit nothing
	assert_failure 1
	assert_output --partial "no story 'nothing'"
}

@test "no database lock is held while the editor runs" {
	story a.md "Lock free" ownership e5
	lp add a.md
	story b.md "Added meanwhile" frugality e6
	editor "'$LPCOACH' add '$BATS_TEST_TMPDIR/b.md' >/dev/null || exit 7; sed -i 's/Fix it./Done./' \"\$1\""
	run lp edit e5
	assert_success
	run lp list --json
	assert_output --partial "Added meanwhile"
}

@test "titles with shell metacharacters never reach a shell" {
	story a.md "\$(touch pwned); rm -rf x \`id\`" ownership e7
	lp add a.md
	editor 'sed -i "s/Fix it./Safe./" "$1"'
	run lp edit e7
	assert_success
	[ ! -e pwned ]
}

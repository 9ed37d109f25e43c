#!/usr/bin/env bats
load helper

@test "add stores a story file and prints its id and uid" {
	story a.md "Cut p99 latency" "dive-deep, Ownership" p99-uid
	run lp add a.md
	assert_success
	assert_output --regexp "^added 1  Cut p99 latency  \(p99-uid\)  score [0-9]+$"
	run lp list --json
	assert_output --partial '"principles": [
      "dive-deep",
      "ownership"
    ]'
}

@test "add reads a story from standard input" {
	story a.md "From stdin"
	run sh -c "'$LPCOACH' add - < a.md"
	assert_success
	assert_output --partial "added 1  From stdin"
}

@test "add generates a uid from the title" {
	story a.md "Halved the GPU bill!"
	run lp add a.md
	assert_success
	assert_output --regexp '\(halved-the-gpu-bill-[0-9a-f]{4}\)  score'

}

@test "add is all or nothing and lists every bad file" {
	story good.md "Good"
	printf -- '---\ntitle: x\n---\nstray text\n' > bad1.md
	printf -- '---\ntitle: y\nprinciples: [frugalty]\n---\n' > bad2.md
	run lp add good.md bad1.md bad2.md
	assert_failure 2
	assert_output --partial "bad1.md:4:1: text before the first section"
	assert_output --partial "bad2.md:3: unknown principle 'frugalty'; did you mean 'Frugality'"
	assert_output --partial "nothing was added"
	run lp list --json
	assert_output "[]"
}

@test "add refuses a uid already in the bank" {
	story a.md "First" ownership same-uid
	lp add a.md
	before=$(bank_hash)
	run lp add a.md
	assert_failure 2
	assert_output --partial "uid 'same-uid' is already in the bank (story 1)"
	[ "$(bank_hash)" = "$before" ]
}

@test "add refuses two files with one uid" {
	story a.md "One" ownership dup
	story b.md "Two" ownership dup
	run lp add a.md b.md
	assert_failure 2
	assert_output --partial "b.md: uid 'dup' is also used by a.md"
}

@test "add with no file opens the editor on a template" {
	cat > ed.sh <<'SH'
#!/bin/sh
sed -i 's/^title: $/title: Written in the editor/; s/^principles: \[\]/principles: [earn-trust]/' "$1"
SH
	chmod +x ed.sh
	EDITOR="$PWD/ed.sh" run lp add
	assert_success
	assert_output --partial "added 1  Written in the editor"
	run lp list --principle earn-trust --json
	assert_output --partial '"title": "Written in the editor"'
	# The editor's file is removed once the story is safe.
	run sh -c 'ls data/edits | wc -l'
	assert_output "0"
}

@test "add from the editor with an unchanged template adds nothing" {
	EDITOR=true run lp add
	assert_failure 2
	assert_output --partial "the template was not changed"
}

@test "an editor that exits non-zero keeps its file" {
	cat > ed.sh <<'SH'
#!/bin/sh
sed -i 's/^title: $/title: Precious text/' "$1"
exit 3
SH
	chmod +x ed.sh
	EDITOR="$PWD/ed.sh" run lp add
	assert_failure 2
	assert_output --regexp "exited with status 3; your text is kept in .*/edits/new-.*\.md"
	grep -q "Precious text" data/edits/new-*.md
}

@test "a parse error without a terminal keeps the edited file" {
	cat > ed.sh <<'SH'
#!/bin/sh
printf -- '---\ntitle: Typed text\nbogus: 1\n---\n' > "$1"
SH
	chmod +x ed.sh
	EDITOR="$PWD/ed.sh" run lp add < /dev/null
	assert_failure 2
	assert_output --partial "unknown key 'bogus'"
	assert_output --partial "your text is kept in"
	grep -q "Typed text" data/edits/new-*.md
}

@test "an editor with arguments in EDITOR runs without a shell" {
	cat > ed.sh <<'SH'
#!/bin/sh
[ "$1" = "--flag" ] || exit 9
sed -i 's/^title: $/title: Args ok/' "$2"
SH
	chmod +x ed.sh
	EDITOR="$PWD/ed.sh --flag" run lp add
	assert_success
	assert_output --partial "Args ok"
}

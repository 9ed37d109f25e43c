#!/usr/bin/env bats
# The uid the bank gives a story file without one is written back into the
# file (add and import), so that the files a user keeps and the bank stay
# in step; and a story without a uid that the bank already holds is left
# alone on import, not added again.
load helper

# uid_of FILE: the uid line the file now has, if any.
uid_of() {
	sed -n 's/^uid: //p' "$1" | tr -d '\r'
}

@test "add writes the generated uid into each file and keeps every other byte" {
	story a.md "First story"
	story b.md "Second story"
	cp a.md a.orig
	chmod 640 a.md
	run --separate-stderr lp add a.md b.md
	assert_success
	assert_equal "$stderr" ""
	uid=$(uid_of a.md)
	[[ "$output" == *"(${uid})"* ]]
	[ "$(sed -n 2p a.md)" = "uid: $uid" ]
	cmp <(sed 2d a.md) a.orig
	[ "$(stat -c %a a.md)" = 640 ]
	[ -n "$(uid_of b.md)" ]
	ls -a | grep -q '\.tmp$' && fail "a temporary file was left"
	# Right after adding them, the folder and the bank agree.
	run lp import --dry-run a.md b.md
	assert_output "dry run: would be 0 added, 0 updated, 2 unchanged (2 files)"
}

@test "a CRLF file with a byte order mark gets a CRLF uid line after the mark" {
	printf '\357\273\277---\r\ntitle: Windows story\r\n---\r\n## Action\r\nI did it.\r\n' > w.md
	lp add w.md >/dev/null
	uid=$(uid_of w.md)
	[ -n "$uid" ]
	cmp w.md <(printf '\357\273\277---\r\nuid: %s\r\ntitle: Windows story\r\n---\r\n## Action\r\nI did it.\r\n' "$uid")
}

@test "import writes the uid back and a second import changes nothing" {
	mkdir notes
	story notes/a.md "From the folder"
	run lp import notes
	assert_output "imported: 1 added, 0 updated, 0 unchanged (1 files)"
	[ -n "$(uid_of notes/a.md)" ]
	before=$(bank_hash)
	run lp import notes
	assert_output "imported: 0 added, 0 updated, 1 unchanged (1 files)"
	[ "$(bank_hash)" = "$before" ]
}

@test "an identical story without a uid is unchanged, not added again, and gets its uid" {
	story a.md "Kept in git"
	lp add --no-write-uid a.md >/dev/null
	[ -z "$(uid_of a.md)" ]
	run lp import --dry-run a.md
	assert_output "dry run: would be 0 added, 0 updated, 1 unchanged (1 files)"
	[ -z "$(uid_of a.md)" ]
	run lp import a.md
	assert_output "imported: 0 added, 0 updated, 1 unchanged (1 files)"
	[ "$(uid_of a.md)" = "$(sqlite3 "$LPCOACH_DB" "SELECT uid FROM story")" ]
	# A story that differs is a new story.
	story b.md "Kept in git" frugality
	run lp import b.md
	assert_output "imported: 1 added, 0 updated, 0 unchanged (1 files)"
}

@test "a story the batch names by uid is not also matched by a file without one" {
	story a.md "Twin" ownership twin-uid
	lp add a.md >/dev/null
	story b.md "Twin"
	run lp import a.md b.md
	assert_output "imported: 1 added, 0 updated, 1 unchanged (2 files)"
	[ "$(uid_of b.md)" != twin-uid ]
}

@test "no uid is written with --no-write-uid, --dry-run, for '-' or for JSON" {
	story a.md "Opted out"
	cp a.md a.orig
	lp add --no-write-uid a.md >/dev/null
	cmp a.md a.orig
	story b.md "Dry"
	cp b.md b.orig
	lp import --dry-run b.md >/dev/null
	cmp b.md b.orig
	lp import --no-write-uid b.md >/dev/null
	cmp b.md b.orig
	story c.md "Piped"
	cp c.md c.orig
	run --separate-stderr sh -c "'$LPCOACH' add - < c.md"
	assert_success
	assert_equal "$stderr" ""
	cmp c.md c.orig
	printf '[{"title": "From JSON", "action": "I did."}]' > d.json
	cp d.json d.orig
	lp import d.json >/dev/null
	cmp d.json d.orig
}

@test "a file that cannot take the uid is named in a warning and left as it is" {
	story real.md "Behind a link"
	mkdir dir
	ln -s ../real.md dir/link.md
	cp real.md real.orig
	printf -- '---\n  title: Indented front matter\n---\n## Action\nI did.\n' > ind.md
	cp ind.md ind.orig
	story hard.md "Two names"
	ln hard.md other-name.md
	run --separate-stderr lp import dir ind.md hard.md
	assert_success
	assert_output "imported: 3 added, 0 updated, 0 unchanged (3 files)"
	uid=$(sqlite3 "$LPCOACH_DB" "SELECT uid FROM story WHERE title = 'Behind a link'")
	assert_equal "${stderr_lines[0]}" "lpcoach: dir/link.md: warning: the uid was not written into it (it is a symbolic link): add 'uid: $uid' to its front matter"
	[[ "${stderr_lines[1]}" == "lpcoach: ind.md: warning: the uid was not written into it (its front matter cannot take a 'uid:' line as it is written): add 'uid: indented-front-matter-"* ]]
	[[ "${stderr_lines[2]}" == "lpcoach: hard.md: warning: the uid was not written into it (it has other hard links, which would keep the old text): add 'uid: two-names-"* ]]
	[ -L dir/link.md ]
	cmp real.md real.orig
	cmp ind.md ind.orig
	cmp hard.md other-name.md
	# Nor a file in a directory named through a symbolic link.
	mkdir real
	story real/b.md "Linked directory"
	cp real/b.md b.orig
	ln -s real linked
	run --separate-stderr lp import linked/b.md
	assert_success
	[[ "$stderr" == "lpcoach: linked/b.md: warning: the uid was not written into it (it cannot be replaced: linked: is a symbolic link; refusing to write through it): add 'uid: linked-directory-"* ]]
	cmp real/b.md b.orig
}

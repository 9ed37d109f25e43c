#!/usr/bin/env bats
# A story's primary principle: front matter 'primary:', its errors, and
# list, show, export and import carrying it.
load helper

# story FILE TITLE PRINCIPLES PRIMARY: a story file with a primary line.
primary_story() {
	story "$1" "$2" "$3"
	sed -i "3a primary: $4" "$1"
}

@test "primary is read, resolved to a slug and shown by show and list" {
	primary_story a.md "Alpha" "ownership, frugality" "Frugal"
	run lp add a.md
	assert_success
	run lp show 1
	assert_success
	assert_line "primary     Frugality"
	run lp show 1 --json
	[ "$(echo "$output" | jq -r .primary)" = frugality ]
	run lp show 1 --md
	assert_line "primary: frugality"
	run lp list
	assert_output --partial "ownership, frugality*"
	run lp list --json
	[ "$(echo "$output" | jq -r '.[0].primary')" = frugality ]
	story b.md "Bravo" "ownership"
	lp add b.md >/dev/null
	run lp list --json
	[ "$(echo "$output" | jq -r '.[1].primary')" = null ]
}

@test "a primary that is not one of the principles is an error naming the file and line" {
	primary_story a.md "Alpha" "ownership" "frugality"
	run lp add a.md
	assert_failure 2
	assert_output --partial "a.md:4: primary principle 'frugality' is not among the story's principles"
	run lp list --json
	assert_output "[]"
}

@test "an unknown primary is an error naming the file, line and the nearest principle" {
	primary_story a.md "Alpha" "ownership" "ownershp"
	run lp add a.md
	assert_failure 2
	assert_output --partial "a.md:4: primary: "
	assert_output --partial "Ownership"
	primary_story b.md "Bravo" "ownership" "[ownership]"
	run lp add b.md
	assert_failure 2
	assert_output --partial "b.md:4:"
	assert_output --partial "'primary' must be a single line of text"
}

@test "the README's list of known keys names primary" {
	printf -- '---\ntitle: t\nprimry: x\n---\n## Action\nI did it.\n' > a.md
	run lp add a.md
	assert_failure 2
	assert_output --partial "known keys: uid, title, principles, primary, project"
	grep -q 'primary' "$BATS_TEST_DIRNAME/../../README.md"
}

@test "primary survives export and import, in Markdown and in JSON" {
	primary_story a.md "Alpha" "ownership, dive-deep" "dive-deep"
	story b.md "Bravo" "ownership"
	lp add a.md b.md >/dev/null
	run lp export --out out
	assert_success
	grep -qx "primary: dive-deep" out/*.md
	lp export --format json > before.json
	[ "$(jq -r '.[0].primary' before.json)" = dive-deep ] ||
	    [ "$(jq -r '.stories[0].primary' before.json)" = dive-deep ]
	export LPCOACH_DB="$BATS_TEST_TMPDIR/md.db"
	lp import out >/dev/null
	lp export --format json > after-md.json
	diff <(grep -v '"updated"' before.json) <(grep -v '"updated"' after-md.json)
	export LPCOACH_DB="$BATS_TEST_TMPDIR/json.db"
	lp import before.json >/dev/null
	lp export --format json > after-json.json
	diff before.json after-json.json
	# A JSON document's primary is checked like a file's.
	sed 's/"primary": "dive-deep"/"primary": "frugality"/' before.json > bad.json
	export LPCOACH_DB="$BATS_TEST_TMPDIR/bad.db"
	run lp import bad.json
	assert_failure 2
	assert_output --partial "primary principle 'frugality' is not among the story's principles"
}

@test "importing an edited primary updates the story" {
	primary_story a.md "Alpha" "ownership, dive-deep" "dive-deep"
	lp add a.md >/dev/null
	lp export --out out >/dev/null
	sed -i 's/^primary: dive-deep/primary: ownership/' out/*.md
	run lp import out
	assert_success
	run lp show 1 --json
	[ "$(echo "$output" | jq -r .primary)" = ownership ]
}

@test "removing the primary principle with tag drops the primary too" {
	primary_story a.md "Alpha" "ownership, dive-deep" "dive-deep"
	lp add a.md >/dev/null
	run lp tag 1 -dive-deep
	assert_success
	run lp show 1 --json
	[ "$(echo "$output" | jq -r .primary)" = null ]
	[ "$(echo "$output" | jq -r '.principles | join(",")')" = ownership ]
}

@test "a bank from before primary is upgraded with no primary for its stories" {
	story a.md "Alpha" "ownership"
	lp add a.md >/dev/null
	v=$(sqlite3 "$LPCOACH_DB" 'PRAGMA user_version')
	# Schema 7 added primary_slug and 8 the card: back to 6.
	sqlite3 "$LPCOACH_DB" "ALTER TABLE story DROP COLUMN card; ALTER TABLE story DROP COLUMN primary_slug; PRAGMA user_version = 6"
	run lp show 1 --json
	assert_success
	[ "$(echo "$output" | jq -r .primary)" = null ]
	[ "$(sqlite3 "$LPCOACH_DB" 'PRAGMA user_version')" -eq "$v" ]
}

#!/usr/bin/env bats
# A bank with damaged bytes (disk damage, a sqlite3 edit, someone else's
# bank): each damaged story is named by id and field, every other story
# still works, doctor finds it, and edit, rm or import repair it.
load helper

# damage ID COLUMN HEX: stores the bytes HEX as the text of COLUMN.
damage() {
	sqlite3 "$LPCOACH_DB" "UPDATE story SET $2 = CAST(X'$3' AS TEXT) WHERE id = $1"
}

setup() {
	hermetic_setup
	lp import "$SAMPLES" >/dev/null
	# "I fix" 0xFF "ed": not UTF-8.
	damage 7 result 4920666978ff6564
}

@test "every reading command names the damaged story and shows the rest" {
	local n p
	n=$(sqlite3 "$LPCOACH_DB" 'SELECT count(*) FROM story')
	p=$(sqlite3 "$LPCOACH_DB" 'SELECT slug FROM story_principle WHERE story_id = 7 LIMIT 1')
	for cmd in "list" "list --json" "lint" "lint --format json" "cover" \
	    "cover --json" "report" "principle $p" \
	    "export --format json --out -"; do
		run --separate-stderr $LPCOACH $cmd
		[ "$status" -eq 2 ] || fail "$cmd: exit $status"
		[[ "$stderr" == *"story 7 is damaged: invalid UTF-8 in its Result; restore it from a backup or fix it with 'lpcoach edit 7'"* ]] ||
			fail "$cmd: $stderr"
	done
	run --separate-stderr $LPCOACH list --json
	[ "$(jq length <<<"$output")" -eq $((n - 1)) ]
	[ "$(jq '[.[] | select(.id == 7)] | length' <<<"$output")" -eq 0 ]
	# Reported once, however often the command walked the bank.
	run --separate-stderr $LPCOACH report
	[ "$(grep -c 'story 7 is damaged' <<<"$stderr")" -eq 1 ]
}

@test "show of the damaged story is an error; of another, fine" {
	run --separate-stderr $LPCOACH show 7
	assert_failure 2
	[[ "$stderr" == *"story 7 is damaged: invalid UTF-8 in its Result"* ]]
	[ -z "$output" ]
	run lp show 2
	assert_success
}

@test "a NUL byte, a damaged title, tag or principle are damage too" {
	damage 2 title 41004200
	damage 3 situation c0af
	sqlite3 "$LPCOACH_DB" "UPDATE story_tag SET tag = CAST(X'ff' AS TEXT) WHERE rowid = (SELECT min(rowid) FROM story_tag WHERE story_id = 4)"
	sqlite3 "$LPCOACH_DB" "UPDATE story_principle SET slug = CAST(X'ff' AS TEXT) WHERE rowid = (SELECT min(rowid) FROM story_principle WHERE story_id = 5)"
	run --separate-stderr $LPCOACH list
	assert_failure 2
	[[ "$stderr" == *"story 2 is damaged: invalid UTF-8 in its title"* ]]
	[[ "$stderr" == *"story 3 is damaged: invalid UTF-8 in its Situation"* ]]
	[[ "$stderr" == *"story 4 is damaged: invalid UTF-8 in its tags"* ]]
	[[ "$stderr" == *"story 5 is damaged: invalid UTF-8 in its principles"* ]]
}

@test "doctor finds every damaged value and exits 1" {
	sqlite3 "$LPCOACH_DB" "INSERT INTO loop (name, template, created) VALUES (CAST(X'61ff' AS TEXT), 'mle', '2026-11-20T09:00:00Z')"
	run lp doctor
	assert_failure 1
	assert_output --partial "problem: story 7 is damaged: invalid UTF-8 in its Result"
	assert_output --regexp "problem: table loop, row [0-9]+, column name: invalid UTF-8"
	refute_output --partial "ok:"
}

@test "doctor survives a NULL principle slug (a schema edited by hand)" {
	sqlite3 "$LPCOACH_DB" "PRAGMA writable_schema = ON; UPDATE sqlite_schema SET sql = replace(sql, 'slug TEXT NOT NULL', 'slug TEXT') WHERE name = 'story_principle'"
	sqlite3 "$LPCOACH_DB" "UPDATE story_principle SET slug = NULL WHERE rowid = (SELECT min(rowid) FROM story_principle WHERE story_id = 5)"
	[ "$(sqlite3 "$LPCOACH_DB" 'SELECT count(*) FROM story_principle WHERE slug IS NULL')" -ge 1 ]
	run lp doctor
	assert_failure 1
	assert_output --partial "problem: a principle tag is NULL or damaged"
}

@test "a writing command still writes, and warns" {
	run --separate-stderr $LPCOACH tag 2 ownership
	assert_success
	[[ "$stderr" == *"warning: story 7 is damaged"* ]]
	[ "$(sqlite3 "$LPCOACH_DB" "SELECT count(*) FROM story_principle WHERE story_id = 2 AND slug = 'ownership'")" -eq 1 ]
}

@test "edit repairs a damaged story, even saved unchanged" {
	run --separate-stderr env EDITOR=true $LPCOACH edit 7
	assert_success
	[[ "$stderr" == *"story 7 is damaged: 1 byte that was not UTF-8 shows as U+FFFD; saving repairs it"* ]]
	run lp show 7 --md
	assert_success
	assert_output --partial $'I fix\xef\xbf\xbded'
	run lp doctor
	assert_success
}

@test "rm removes a damaged story" {
	run lp rm 7 --yes
	assert_success
	[ "$(sqlite3 "$LPCOACH_DB" 'SELECT count(*) FROM story WHERE id = 7')" -eq 0 ]
	run lp list
	assert_success
}

@test "importing a sound copy repairs it" {
	local uid
	uid=$(sqlite3 "$LPCOACH_DB" 'SELECT uid FROM story WHERE id = 7')
	run lp import "$SAMPLES"
	assert_success
	assert_output --partial "1 updated"
	[ "$(sqlite3 "$LPCOACH_DB" "SELECT id FROM story WHERE uid = '$uid'")" -eq 7 ]
	run lp doctor
	assert_success
}

@test "a damaged loop name is passed over by loop list" {
	lp loop new good --date 2026-12-20 >/dev/null
	sqlite3 "$LPCOACH_DB" "INSERT INTO loop (name, template, created) VALUES (CAST(X'61ff' AS TEXT), 'mle', '2026-11-20T09:00:00Z')"
	run --separate-stderr $LPCOACH loop list --json
	assert_failure 2
	[ "$(jq -r '.[].name' <<<"$output")" = good ]
	[[ "$stderr" == *"is damaged: invalid UTF-8 in its name"* ]]
}

@test "a loop slot naming no principle is damage, not a crash" {
	lp loop new onsite --template mle --date 2026-12-20 >/dev/null
	sqlite3 "$LPCOACH_DB" "UPDATE slot SET slug = 'delive-results' WHERE slug = 'deliver-results'"
	for cmd in "loop check onsite" "loop show onsite" "report --loop onsite" "cover --loop onsite"; do
		run --separate-stderr $LPCOACH $cmd
		assert_failure 2
		[[ "$stderr" == *"loop 1 is damaged: a slot names no principle"* ]]
	done
	run lp doctor
	assert_failure 1
	assert_output --partial "unknown principle 'delive-results' (a story tag, a loop slot or a drill answer)"
}

@test "a truncated bank is called damaged, not another program's file" {
	lp backup "$BATS_TEST_TMPDIR/copy.db" >/dev/null
	head -c 20000 "$BATS_TEST_TMPDIR/copy.db" > "$BATS_TEST_TMPDIR/cut.db"
	for cmd in doctor list; do
		run lp --db "$BATS_TEST_TMPDIR/cut.db" $cmd
		assert_failure 2
		assert_output --partial "cut.db: the bank is damaged ("
		assert_output --partial "restore it from a backup"
	done
	echo 'not a bank' > "$BATS_TEST_TMPDIR/junk.db"
	run lp --db "$BATS_TEST_TMPDIR/junk.db" list
	assert_failure 2
	assert_output --partial "junk.db: not an lpcoach bank"
}

#!/usr/bin/env bats
load helper

@test "export md then import reproduces the bank exactly" {
	lp import "$SAMPLES" >/dev/null
	lp tag 3 +think-big >/dev/null
	run lp export --out out
	assert_success
	assert_output "exported 14 stories to out"
	[ -f out/ranking-p99-latency.md ]
	lp export --format json > before.json
	export LPCOACH_DB="$BATS_TEST_TMPDIR/copy.db"
	lp import out >/dev/null
	lp export --format json > after.json
	# Same stories, same ids, same text; only 'updated' may differ.
	diff <(grep -v '"updated"' before.json) <(grep -v '"updated"' after.json)
}

# Sixteen stories without uids, added by one command within one second:
# their generated uids are random, so only their created times (to the
# millisecond, strictly increasing) can give them back their ids.
add_sixteen() {
	local i
	mkdir -p in
	for i in $(seq -w 1 16); do
		story "in/s$i.md" "Story number $i"
	done
	lp add in/s*.md >/dev/null
}

@test "stories added in one second keep their ids through export and import" {
	add_sixteen
	lp export --format json > before.json
	lp export --out out >/dev/null
	export LPCOACH_DB="$BATS_TEST_TMPDIR/copy.db"
	lp import out >/dev/null
	lp export --format json > after.json
	diff <(grep -v '"updated"' before.json) <(grep -v '"updated"' after.json)
	run sqlite3 "$LPCOACH_DB" "SELECT count(DISTINCT created) FROM story"
	assert_output 16
}

@test "the real clock gives one command's stories distinct times too" {
	unset LPCOACH_NOW
	add_sixteen
	lp export --format json > before.json
	export LPCOACH_DB="$BATS_TEST_TMPDIR/copy.db"
	lp import before.json >/dev/null
	lp export --format json > after.json
	diff before.json after.json
}

@test "the JSON round trip keeps updated" {
	add_sixteen
	lp tag 3 +think-big >/dev/null
	lp export --format json > before.json
	export LPCOACH_DB="$BATS_TEST_TMPDIR/copy.db"
	LPCOACH_NOW=2027-01-01T00:00:00Z lp import before.json >/dev/null
	lp export --format json > after.json
	diff before.json after.json
}

@test "created times order by value, with or without milliseconds" {
	story a.md "Second by text" ownership zz
	story b.md "First by text" ownership aa
	sed -i '2a created: 2026-11-20T09:00:00Z' a.md
	sed -i '2a created: 2026-11-20T09:00:00.500Z' b.md
	lp import b.md a.md >/dev/null
	run sqlite3 "$LPCOACH_DB" "SELECT id, uid, created FROM story ORDER BY id"
	assert_output "1|zz|2026-11-20T09:00:00Z
2|aa|2026-11-20T09:00:00.500Z"
}

@test "an impossible created time is an error naming the file and line" {
	story a.md "One" ownership x1
	sed -i '2a created: 2026-02-30T09:00:00Z' a.md
	run --separate-stderr lp import a.md
	assert_failure 2
	assert_equal "${stderr_lines[0]}" "lpcoach: a.md:3:10: bad created time '2026-02-30T09:00:00Z': use YYYY-MM-DDTHH:MM:SSZ or YYYY-MM-DDTHH:MM:SS.mmmZ, a real UTC time from 1970 to 9999"
	sed -i 's/^created: .*/created: last tuesday/' a.md
	run --separate-stderr lp add a.md
	assert_failure 2
	assert_equal "${stderr_lines[0]}" "lpcoach: a.md:3:10: bad created time 'last tuesday': use YYYY-MM-DDTHH:MM:SSZ or YYYY-MM-DDTHH:MM:SS.mmmZ, a real UTC time from 1970 to 9999"
	printf '[{"title": "T", "created": "2026-1-1", "updated": "2026-01-01T00:00:00Z"}]' > a.json
	run --separate-stderr lp import a.json
	assert_failure 2
	assert_equal "${stderr_lines[0]}" "lpcoach: a.json: story 1: bad 'created' time '2026-1-1': use YYYY-MM-DDTHH:MM:SSZ or YYYY-MM-DDTHH:MM:SS.mmmZ, a real UTC time from 1970 to 9999"
	[ ! -f "$LPCOACH_DB" ] ||
	    [ "$(sqlite3 "$LPCOACH_DB" "SELECT count(*) FROM story")" = 0 ]
}

@test "export never overwrites without --force" {
	story a.md "One" ownership x1
	lp add a.md
	lp export --out out >/dev/null
	echo "my notes" > out/x1.md
	run lp export --out out
	assert_failure 2
	assert_output --partial "out/x1.md: already exists (use --force to replace it)"
	[ "$(cat out/x1.md)" = "my notes" ]
	run lp export --out out --force
	assert_success
	grep -q "title: One" out/x1.md
}

@test "export never follows a symbolic link" {
	story a.md "One" ownership x2
	lp add a.md
	mkdir out
	echo "victim" > victim.txt
	ln -s ../victim.txt out/x2.md
	run lp export --out out --force
	assert_failure 2
	assert_output --partial "out/x2.md: is a symbolic link; refusing to replace it"
	[ "$(cat victim.txt)" = "victim" ]
	ln -s out linkdir
	run lp export --out linkdir
	assert_failure 2
	assert_output --partial "linkdir: is a symbolic link"
}

@test "exported files are private and no temporary files are left" {
	story a.md "One" ownership x3
	lp add a.md
	umask 022
	lp export --out out >/dev/null
	[ "$(stat -c %a out/x3.md)" = "600" ]
	[ "$(stat -c %a out)" = "700" ]
	run sh -c 'ls -A out'
	assert_output "x3.md"
}

@test "export --format json to a directory writes stories.json" {
	story a.md "One" ownership x4
	lp add a.md
	run lp export --format json --out out
	assert_success
	assert_output "exported 1 story to out/stories.json"
	grep -q '"uid": "x4"' out/stories.json
}

@test "export md needs --out, and --format is checked" {
	run lp export
	assert_failure 2
	assert_output --partial "give --out DIR"
	run lp export --format yaml --out x
	assert_failure 2
	assert_output --partial "--format takes md or json, not 'yaml'"
}

@test "export to a full disk fails clearly and leaves no partial file" {
	lp import "$SAMPLES" >/dev/null
	# One story of 200 KB; every file but its export stays under 100 KB.
	{ printf -- '---\nuid: zz-big\ntitle: Big\n---\n## Action\n'
	  head -c 150000 /dev/zero | tr '\0' 'a'; printf ' I did it.\n'; } > big.md
	lp add big.md >/dev/null
	mkdir out
	run bash -c "ulimit -f 100; '$LPCOACH' export --out out"
	assert_failure 2
	assert_output --partial "out/zz-big.md: cannot write: File too large"
	assert_output --partial "nothing was exported"
	run sh -c 'ls -A out | wc -l'
	assert_output "0"
}

@test "a story with a secret is not exported without --allow-secrets" {
	printf -- '---\nuid: leak\ntitle: Leaky\n---\n## Action\nI rotated AKIAIOSFODNN7EXAMPLE and told jo@example.com.\n' > l.md
	lp add l.md >/dev/null
	run lp export --out out
	assert_failure 2
	assert_output --partial "story 1 (Leaky) holds a secret in its Action: AKIA… (20 characters, redacted) [secret-token]"
	refute_output --partial "IOSFODNN7EXAMPLE"
	refute_output --partial "jo@example.com"
	[ ! -e out ]
	run lp export --format json
	assert_failure 2
	run lp export --out out --allow-secrets
	assert_success
	grep -q AKIAIOSFODNN7EXAMPLE out/leak.md
}

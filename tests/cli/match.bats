#!/usr/bin/env bats
# lpcoach match: ranking the stories for a question, its bad input, and
# the search index kept in step with every change to a story.
load helper

samples() {
	lp import "$SAMPLES" > /dev/null
}

# The uids match ranks for question $1, best first.
ranked() {
	lp match --json "$@" | jq -r '.stories[].uid'
}

# fresh: the bank's index is current (what fts_fresh checks), shown by
# doctor finding no problem with it.
index_ok() {
	run lp doctor
	assert_success
	assert_output --partial "search index"
}

@test "match ranks the story that answers the question first and says why" {
	samples
	run lp match "Tell me about a time you had to cut costs"
	assert_success
	assert_line --index 0 --partial "asks for: Frugality (from its words)"
	assert_line --index 1 --partial "Halved the GPU bill for nightly retraining"
	assert_output --partial "words: halve (for cut)"
	assert_output --partial "tagged: Frugality"
	[ "$(ranked "Tell me about a time you had to cut costs" | head -1)" = \
	    gpu-training-cost ]
}

@test "match finds a story by synonyms the story never shares with the question" {
	samples
	[ "$(ranked -n 1 "Tell me about a time you disagreed with your boss")" = \
	    disagree-offline-launch ]
	run lp match -n 1 "Tell me about a time you reduced spending"
	assert_output --partial "halve (for reduced)"
}

@test "match knows the bank's own questions by their id" {
	samples
	id=$(lp questions --principle frugality --json | jq -r '.[0].id')
	q=$(lp questions --json | jq -r --arg id "$id" '.[] | select(.id == $id) | .text')
	[ -n "$q" ]
	run lp match --json "$(echo "$q" | tr a-z A-Z)"
	assert_success
	[ "$(echo "$output" | jq -r .question.id)" = "$id" ]
	[ "$(echo "$output" | jq -r '.question.principles[0].slug')" = frugality ]
	[ "$(echo "$output" | jq -r '.question.principles[0].confidence')" = 100 ]
}

@test "match -n limits the list, --json carries every field, best first" {
	samples
	run lp match -n 2 --json "Tell me about a launch you shipped on time"
	assert_success
	[ "$(echo "$output" | jq '.stories | length')" -eq 2 ]
	echo "$output" | jq -e '.stories[0] | has("id") and has("uid") and
	    has("title") and has("score") and has("lint") and has("ready") and
	    has("terms") and has("principle_words") and has("principles") and
	    has("warnings")' > /dev/null
	echo "$output" | jq -e '.stories[0].score >= .stories[1].score' > /dev/null
	[ "$(lp match "Tell me about a launch you shipped on time" |
	    grep -cE '^ *[0-9]+\. ')" -eq 5 ]
}

@test "match warns about a story not ready, planned in the loop, or told to its company" {
	samples
	lp loop new onsite --template mle --date 2026-12-03 --company Amazon > /dev/null
	lp loop pin onsite bar-raiser "Disagree and Commit" disagree-offline-launch > /dev/null
	lp loop told onsite phone-screen disagree-offline-launch --date 2026-12-01 > /dev/null
	run lp match --loop onsite --json -n 1 "Tell me about a time you disagreed with your manager"
	assert_success
	[ "$(echo "$output" | jq -r '.stories[0].warnings | join("|")')" = \
	    "already planned in loop onsite: round bar-raiser, Have Backbone; Disagree and Commit|told to Amazon before" ]
	run lp match --loop onsite -n 1 "Tell me about a time you disagreed with your manager"
	assert_output --partial "      warning: told to Amazon before"
	run lp match "Tell me about a weekend outage"
	assert_output --partial "warning: not ready"
}

@test "match refuses an empty or overlong question and -n 0, naming the argument" {
	samples
	run --separate-stderr lp match ""
	assert_failure 2
	[[ "$stderr" == *"QUESTION is empty"* ]]
	run --separate-stderr lp match "   "
	assert_failure 2
	[[ "$stderr" == *"QUESTION is empty"* ]]
	run --separate-stderr lp match "$(printf 'a%.0s' $(seq 1001))"
	assert_failure 2
	[[ "$stderr" == *"QUESTION is 1001 bytes long; at most 1000"* ]]
	run lp match "$(printf 'a%.0s' $(seq 1000))"
	[ "$status" -ne 2 ]
	run --separate-stderr lp match -n 0 "Tell me about a cost"
	assert_failure 2
	[[ "$stderr" == *"--number"*"'0'"* ]]
	run --separate-stderr lp match
	assert_failure 2
}

@test "match with an unknown loop is not found (exit 1)" {
	samples
	run --separate-stderr lp match --loop nope "Tell me about a cost"
	assert_failure 1
	[[ "$stderr" == *"no loop 'nope'"* ]]
}

@test "match on an empty bank says how to add stories" {
	run --separate-stderr lp match "Tell me about a cost"
	assert_failure 1
	[[ "$stderr" == *"lpcoach import DIR"* ]]
	[ ! -e "$LPCOACH_DB" ]
}

# In the index: the stories whose indexed text holds word $1.
indexed() {
	sqlite3 "$LPCOACH_DB" "SELECT rowid FROM story_fts WHERE story_fts MATCH '$1' ORDER BY rowid"
}

@test "the index follows add, import, edit, tag and rm in their own transaction" {
	story a.md "Quokka story" ownership quokka
	sed -i 's/I profiled the job./I profiled the quokkaberry job./' a.md
	lp add a.md > /dev/null
	[ "$(indexed quokkaberry)" = 1 ]
	index_ok
	# import with new text: the old word leaves the index, the new one comes
	sed -i 's/quokkaberry/wallabyfern/' a.md
	lp import a.md > /dev/null
	[ -z "$(indexed quokkaberry)" ]
	[ "$(indexed wallabyfern)" = 1 ]
	index_ok
	# edit
	printf '#!/bin/sh\nsed -i "s/wallabyfern/numbatleaf/" "$1"\n' > ed.sh
	chmod +x ed.sh
	EDITOR="$PWD/ed.sh" lp edit quokka > /dev/null
	[ -z "$(indexed wallabyfern)" ]
	[ "$(indexed numbatleaf)" = 1 ]
	index_ok
	# tag changes no text, but the index stays current
	lp tag quokka +frugality > /dev/null
	index_ok
	[ "$(ranked -n 1 "Tell me about a numbatleaf")" = quokka ]
	lp rm quokka --yes > /dev/null
	[ -z "$(indexed numbatleaf)" ]
	[ "$(sqlite3 "$LPCOACH_DB" 'SELECT n FROM fts_state')" = 0 ]
}

@test "rm leaves no word of the removed story in the bank file or its log" {
	samples
	story a.md "Quokka story" ownership quokka
	sed -i 's/I profiled the job./I profiled the quokkaberry job./' a.md
	lp add a.md > /dev/null
	[ "$(indexed quokkaberry)" -ge 1 ]
	lp rm quokka --yes > /dev/null
	for f in "$LPCOACH_DB" "$LPCOACH_DB-wal"; do
		[ ! -e "$f" ] || ! grep -qa quokkaberry "$f" ||
			fail "$f still holds the removed text"
	done
	# so the index rebuilt by rm is current, and searching still works
	index_ok
	[ "$(ranked -n 1 "Tell me about a time you had to cut costs")" = gpu-training-cost ]
}

@test "a deleted index loses nothing: match reads the stories, the next write rebuilds it" {
	samples
	before=$(lp match "Tell me about a time you had to cut costs")
	sqlite3 "$LPCOACH_DB" "DROP TABLE story_fts"
	h=$(bank_hash)
	run lp match "Tell me about a time you had to cut costs"
	assert_success
	assert_output "$before"
	[ "$(bank_hash)" = "$h" ]	# a reader never writes
	lp tag gpu-training-cost +ownership > /dev/null
	[ "$(indexed halved)" != "" ]
	index_ok
	# emptied by hand, the same
	sqlite3 "$LPCOACH_DB" "INSERT INTO story_fts(story_fts) VALUES ('delete-all')"
	run lp match "Tell me about a time you had to cut costs"
	assert_output "$before"
	# made by another revision of lpcoach: read around, then made anew
	sqlite3 "$LPCOACH_DB" "UPDATE fts_state SET revision = 0"
	run lp match "Tell me about a time you had to cut costs"
	assert_output "$before"
	lp tag gpu-training-cost -ownership > /dev/null
	[ "$(sqlite3 "$LPCOACH_DB" 'SELECT revision FROM fts_state')" = 1 ]
	index_ok
}

@test "a damaged index is never trusted: doctor says so, match reads the stories" {
	samples
	before=$(lp match "Tell me about a time you had to cut costs")
	sqlite3 "$LPCOACH_DB" "UPDATE story_fts_data SET block = zeroblob(length(block)) WHERE id > 10"
	run lp doctor
	assert_failure 1
	assert_output --partial "problem: search index: damaged"
	run lp match "Tell me about a time you had to cut costs"
	assert_success
	assert_output "$before"
	lp tag gpu-training-cost +ownership > /dev/null
	index_ok
}

# A read-only bank in a directory nobody may write: as nobody when we
# are root (for whom permissions do not bite), else as ourselves.
teardown() {
	ro_cleanup
}

as() {
	as_nobody "$RO" "$@"
}

@test "a read-only bank is matched from an index in memory, and never written" {
	RO=$(mktemp -d /tmp/lpcoach-ro.XXXXXX)
	chmod 755 "$RO"
	# nobody may not reach the checkout: a copy of the binary it can run
	# (a wrapper script, as valgrind's, is run where it is).
	bin=$LPCOACH
	if [ "$(head -c 2 "$LPCOACH")" != "#!" ]; then
		cp -L "$LPCOACH" "$RO/lpcoach"
		chmod 755 "$RO/lpcoach"
		bin=$RO/lpcoach
	fi
	mkdir "$RO/d"
	"$LPCOACH" --db "$RO/d/b.db" import "$SAMPLES" > /dev/null
	before=$("$LPCOACH" --db "$RO/d/b.db" match "Tell me about a time you had to cut costs")
	sqlite3 "$RO/d/b.db" "DROP TABLE story_fts"
	[ "$(id -u)" != 0 ] || chown -R 65534:65534 "$RO/d"
	as chmod 400 "$RO/d/b.db"
	as chmod 500 "$RO/d"
	h=$(sha256sum < "$RO/d/b.db")
	run as "$bin" --db "$RO/d/b.db" match "Tell me about a time you had to cut costs"
	assert_success
	assert_output "$before"
	[ "$(sha256sum < "$RO/d/b.db")" = "$h" ]
	run as "$bin" --db "$RO/d/b.db" doctor
	assert_success
}

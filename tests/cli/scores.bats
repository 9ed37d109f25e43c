#!/usr/bin/env bats
# The lint score cache: writers fill it, readers use it only while the
# story, the rubric and the speaking rate are the ones it was computed for,
# and it never changes what a command shows.
load helper

scores() {
	lp list --json | jq -c '[.[] | [.id, .score, .ready]]'
}

cached() {
	sqlite3 "$LPCOACH_DB" 'SELECT story_id, score, ready FROM lint_score ORDER BY story_id'
}

# A user rubric (in $XDG_CONFIG_HOME) with an error rule that every sample
# story trips: it lowers every score by 15.
user_rubric() {
	export XDG_CONFIG_HOME="$BATS_TEST_TMPDIR/cfg"
	mkdir -p "$XDG_CONFIG_HOME/lpcoach/rubrics"
	printf "rules:\n  - id: needs-zebra\n    kind: require\n    category: structure\n    severity: error\n    scope: result\n    message: no zebra\n    patterns: ['zebra']\n    examples: {flag: [a, b], pass: [zebra, a zebra]}\n" \
		> "$XDG_CONFIG_HOME/lpcoach/rubrics/zebra.yaml"
}

@test "import fills the cache with the scores list shows" {
	lp import "$SAMPLES" >/dev/null
	n=$(sqlite3 "$LPCOACH_DB" 'SELECT count(*) FROM story')
	[ "$n" -gt 0 ]
	[ "$(sqlite3 "$LPCOACH_DB" 'SELECT count(*) FROM lint_score')" -eq "$n" ]
	want=$(scores)
	got=$(cached | jq -R -s -c 'split("\n") | map(select(length > 0) | split("|") | map(tonumber) | [.[0], .[1], (.[2] == 1)])')
	[ "$got" = "$want" ]
}

@test "scores are the same with the cache and without it" {
	lp import "$SAMPLES" >/dev/null
	warm=$(scores)
	sqlite3 "$LPCOACH_DB" 'DELETE FROM lint_score'
	[ "$(scores)" = "$warm" ]
	[ "$(lp cover --json | jq -c .)" = "$(lp cover --json | jq -c .)" ]
}

@test "readers use a cached score while the story is unchanged" {
	story a.md "Queue" ownership
	lp import a.md >/dev/null
	# Only a score read from the cache can be 7.
	sqlite3 "$LPCOACH_DB" 'UPDATE lint_score SET score = 7'
	run lp list --json
	assert_success
	[ "$(echo "$output" | jq '.[0].score')" -eq 7 ]
	run lp show 1 --json
	[ "$(echo "$output" | jq .score)" -eq 7 ]
	# Another speaking rate is another key: linted afresh.
	[ "$(lp list --wpm 100 --json | jq '.[0].score')" -ne 7 ]
}

@test "a changed story, a bad digest or a new rubric is linted again" {
	story a.md "Queue" ownership
	lp import a.md >/dev/null
	real=$(lp list --json | jq '.[0].score')
	sqlite3 "$LPCOACH_DB" 'UPDATE lint_score SET score = 7, digest = digest + 1'
	[ "$(lp list --json | jq '.[0].score')" -eq "$real" ]
	# A change made behind lpcoach's back changes the digest too.
	sqlite3 "$LPCOACH_DB" "UPDATE lint_score SET score = 7; UPDATE story SET result = 'It went well.'"
	run lp list --json
	[ "$(echo "$output" | jq '.[0].score')" -ne 7 ]
	[ "$(echo "$output" | jq '.[0].score')" -eq "$(lp lint 1 --format json | jq '.[0].score')" ]
	sqlite3 "$LPCOACH_DB" 'UPDATE lint_score SET score = 7'
	user_rubric
	new=$(lp list --json | jq '.[0].score')
	[ "$new" -ne 7 ]
	[ "$new" -eq "$(lp lint 1 --format json | jq '.[0].score')" ]
}

@test "readers never write the cache; writers bring it up to date" {
	lp import "$SAMPLES" >/dev/null
	before=$(cached)
	user_rubric
	h=$(bank_hash)
	lp list >/dev/null
	lp cover >/dev/null
	lp show 1 >/dev/null
	lp report >/dev/null
	[ "$(bank_hash)" = "$h" ]
	# tag (a writer) refreshes every stale score, not only its story's.
	lp tag 1 +frugality >/dev/null
	after=$(cached)
	[ "$after" != "$before" ]
	[ "$(sqlite3 "$LPCOACH_DB" 'SELECT count(*) FROM lint_score')" -eq \
	  "$(sqlite3 "$LPCOACH_DB" 'SELECT count(*) FROM story')" ]
	[ "$(sqlite3 "$LPCOACH_DB" 'SELECT count(*) FROM lint_score WHERE score = 7')" -eq 0 ]
	[ "$(scores)" = "$(lp list --json | jq -c '[.[] | [.id, .score, .ready]]')" ]
	sqlite3 "$LPCOACH_DB" 'UPDATE lint_score SET score = 7'
	# Fresh rows: read back, so 7 everywhere proves they match.
	[ "$(lp list --json | jq '[.[].score] | unique')" = "$(printf '[\n  7\n]')" ]
}

@test "loop plan, add and edit refresh the cache; rm drops the row" {
	lp import "$SAMPLES" >/dev/null
	lp loop new l --template sde >/dev/null
	user_rubric
	lp loop plan l >/dev/null || true
	sqlite3 "$LPCOACH_DB" 'UPDATE lint_score SET score = 7'
	[ "$(lp list --json | jq '[.[].score] | unique | length')" -eq 1 ]
	story b.md "New one" dive-deep
	lp add b.md >/dev/null
	id=$(lp list --json | jq '.[-1].id')
	[ "$(sqlite3 "$LPCOACH_DB" "SELECT count(*) FROM lint_score WHERE story_id = $id")" -eq 1 ]
	export EDITOR="sed -i s/profiled/rewrote/"
	lp edit "$id" >/dev/null
	[ "$(sqlite3 "$LPCOACH_DB" "SELECT score FROM lint_score WHERE story_id = $id")" -ne 7 ]
	lp rm "$id" --yes >/dev/null
	[ "$(sqlite3 "$LPCOACH_DB" "SELECT count(*) FROM lint_score WHERE story_id = $id")" -eq 0 ]
}

@test "a story lint cannot finish is stored, left uncached, and reported by readers" {
	export XDG_CONFIG_HOME="$BATS_TEST_TMPDIR/cfg"
	mkdir -p "$XDG_CONFIG_HOME/lpcoach/rubrics"
	printf "rules:\n  - id: slow\n    kind: existence\n    category: filler\n    severity: warning\n    scope: action\n    message: m\n    patterns: ['(a+)+\$', '(?=.*x)(?=.*y)']\n    examples: {flag: [a, b], pass: [c, d]}\n" \
		> "$XDG_CONFIG_HOME/lpcoach/rubrics/slow.yaml"
	{ printf -- '---\ntitle: Long\nprinciples: [ownership]\n---\n## Action\n'; head -c 100000 /dev/zero | tr '\0' a; printf 'b\n'; } > long.md
	run --separate-stderr timeout 60 "$LPCOACH" add long.md
	assert_success
	# add says why it cannot give the score; the story is stored.
	[[ "$stderr" == *"story 1: not linted"* ]]
	[[ "$stderr" == *"the story was saved"* ]]
	[ "$(sqlite3 "$LPCOACH_DB" 'SELECT count(*) FROM story')" -eq 1 ]
	[ "$(sqlite3 "$LPCOACH_DB" 'SELECT count(*) FROM lint_score')" -eq 0 ]
	run timeout 60 "$LPCOACH" list
	assert_failure 2
	assert_output --partial "story 1: not linted"
}

@test "a broken user rubric does not stop a write" {
	export XDG_CONFIG_HOME="$BATS_TEST_TMPDIR/cfg"
	mkdir -p "$XDG_CONFIG_HOME/lpcoach/rubrics"
	printf 'rules: [\n' > "$XDG_CONFIG_HOME/lpcoach/rubrics/bad.yaml"
	story a.md "Queue" ownership
	run lp add a.md
	assert_success
	[ "$(sqlite3 "$LPCOACH_DB" 'SELECT count(*) FROM story')" -eq 1 ]
	run lp list
	assert_failure 2
	assert_output --partial "bad.yaml"
}

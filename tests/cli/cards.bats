#!/usr/bin/env bats
# Cue cards in the report: under each round, one per planned story, with
# the marks 'loop plan' gives (pinned, not ready, why a slot is empty), and
# report --cards: the cards alone, to print two to a page.
load helper

sample_loop() {
	lp import "$SAMPLES" >/dev/null
	lp loop new onsite --template mle --date 2026-12-03 >/dev/null
	lp loop pin onsite bar-raiser "Disagree and Commit" disagree-offline-launch >/dev/null
}

# The (round, principle, reason) of every empty slot, as 'loop plan' says.
empty_slots() {
	lp loop plan onsite --json | jq -r '.unfilled[] | .reason'
}

@test "the terminal report shows a card under every planned story, with its marks" {
	sample_loop
	run lp report --loop onsite
	assert_success
	planned=$(lp loop plan onsite --json | jq '.assignments | length')
	# One card each: its Situation line and its time.
	[ "$(echo "$output" | grep -c '^      Situation   ')" -eq "$planned" ]
	[ "$(echo "$output" | grep -c '^      Time        ')" -eq "$planned" ]
	assert_output --regexp "Have Backbone; Disagree and… #[0-9]+ +[0-9]+  Argued for an A/B test[^[]*\[pinned\]"
	# A story that is not ready says so, with its card all the same.
	id=$(lp list --json | jq '[.[] | select(.ready | not)][0].id')
	echo "$output" | grep -qE "#$id +[0-9]+  .*\[(pinned, )?not ready\]" ||
		fail "no 'not ready' mark for #$id"
}

@test "every view gives an empty slot the reason 'loop plan' gives" {
	sample_loop
	lp loop plan onsite >/dev/null || true
	reasons=$(empty_slots)
	[ -n "$reasons" ] || fail "the samples' loop has no empty slot"
	lp report --loop onsite > text.out
	lp report --loop onsite --md r.md >/dev/null
	lp report --loop onsite --html r.html >/dev/null
	lp report --loop onsite --cards c.html >/dev/null
	while IFS= read -r why; do
		grep -qF -- "-  $why" text.out || fail "text: $why"
		grep -qF -- "no story ($(echo "$why" | sed 's/#/\\#/g'))" r.md || fail "md: $why"
		grep -qF -- "no story: $why" r.html || fail "html: $why"
		grep -qF -- "<p>$why</p>" c.html || fail "cards: $why"
	done <<< "$reasons"
}

@test "the Markdown and HTML reports carry each planned story's card" {
	sample_loop
	planned=$(lp loop plan onsite --json | jq '.assignments | length')
	lp report --loop onsite --md r.md >/dev/null
	[ "$(grep -c '^  - Situation: ' r.md)" -eq "$planned" ]
	[ "$(grep -c '^  - Time: ' r.md)" -eq "$planned" ]
	lp report --loop onsite --html r.html >/dev/null
	[ "$(grep -o '<table class="cue">' r.html | wc -l)" -eq "$planned" ]
	# The card is the one show --card gives.
	line=$(lp show ranking-p99-latency --card --json | jq -r '.lines[3].text')
	grep -qF -- "- Result: $line" r.md
	grep -qF -- "$line" r.html
}

@test "a ## Card line wins in the report too" {
	sample_loop
	lp show disagree-offline-launch --md > d.md
	printf '\n## Card\n\nResult: say the 3%% first\n' >> d.md
	lp import d.md >/dev/null
	run lp report --loop onsite
	assert_line "      Result*     say the 3% first"
	lp report --loop onsite --md r.md >/dev/null
	grep -qF -- '- Result (from the \#\# Card): say the 3% first' r.md
}

@test "--cards writes the cards alone, one per slot, two to a page" {
	sample_loop
	run lp report --loop onsite --cards cards.html
	assert_success
	assert_output "wrote cards.html"
	slots=$(lp loop plan onsite --json | jq '.slots')
	planned=$(lp loop plan onsite --json | jq '.assignments | length')
	[ "$(grep -o 'class="cue-card"' cards.html | wc -l)" -eq "$slots" ]
	[ "$(grep -o '<table class="cue">' cards.html | wc -l)" -eq "$planned" ]
	grep -qF '.cue-card:nth-of-type(2n){break-after:page;page-break-after:always}' cards.html
	grep -qF 'page-break-inside:avoid' cards.html
	# Nothing but the cards: no heatmap, no findings, no scripts or links.
	! grep -q 'class="heatmap"\|Findings\|Drill history' cards.html
	! grep -qi '<script' cards.html
	! grep -qiE 'https?:|src=|<link|@import|url\(' cards.html
	[ "$(stat -c %a cards.html)" = "600" ]
}

@test "--cards needs a loop, --force to replace a file, and never half-writes" {
	run lp report --cards c.html
	assert_failure 2
	assert_output --partial "--cards writes the cards of a loop's plan: which loop (--loop NAME)?"
	run lp report --loop nosuch --cards c.html
	assert_failure 1
	assert_output --partial "no loop 'nosuch'"
	[ ! -e c.html ]
	sample_loop
	echo keep > c.html
	run lp report --loop onsite --cards c.html
	assert_failure 2
	assert_output --partial "already exists (use --force to replace it)"
	[ "$(cat c.html)" = keep ]
	run lp report --loop onsite --cards c.html --force
	assert_success
	grep -q 'class="cue-card"' c.html
	run lp report --loop onsite --cards c.html --html r.html
	assert_failure 2
	# A full disk leaves the file it would replace, and no temporary: a
	# card with many notes makes a file larger than the bank's 32 KB -shm.
	lp show disagree-offline-launch --md > d.md
	{ printf '\n## Card\n\n'; seq -f 'note %g: say it slowly and look up' 2000; } >> d.md
	lp import d.md >/dev/null
	lp report --loop onsite --cards big.html >/dev/null
	[ "$(stat -c %s big.html)" -gt 80000 ]
	run bash -c "ulimit -f 64; '$LPCOACH' report --loop onsite --cards c.html --force"
	assert_failure 2
	assert_output --partial "cannot write"
	grep -q 'class="cue-card"' c.html
	[ "$(ls -A | grep -c '\.tmp$')" -eq 0 ]
}

#!/usr/bin/env bats
load helper

setup() {
	hermetic_setup
	lp import "$SAMPLES" >/dev/null
}

@test "show prints the story with its principles and length" {
	run lp show ranking-p99-latency
	assert_success
	assert_line "#10  Cut p99 latency of the ranking endpoint"
	assert_line "principles  Customer Obsession, Invent and Simplify"
	assert_line "length      157 words, 1:03 at 150 words a minute"
	assert_output --partial "p99 latency dropped from 340 ms to 85 ms"
}

@test "show finds a story by id, uid or title prefix" {
	run lp show 4
	assert_line --index 0 "#4  Halved the GPU bill for nightly retraining"
	run lp show "halved the"
	assert_line --index 0 "#4  Halved the GPU bill for nightly retraining"
}

@test "an ambiguous title prefix lists the candidates" {
	run lp show "C"
	assert_failure 2
	assert_output --partial "'C' matches 2 stories"
	assert_output --partial "Caught silent drift"
	assert_output --partial "Cut p99 latency"
}

@test "show --json has the documented fields" {
	run lp show 1 --json
	assert_success
	for f in id uid title principles project tags words seconds lint \
	    situation task action result reflection created updated; do
		echo "$output" | grep -q "\"$f\":" || fail "no field $f"
	done
	# Stored with milliseconds; the text view shows the second.
	assert_output --partial '"created": "2026-11-20T09:00:00.000Z"'
	run lp show 1
	assert_output --partial "created     2026-11-20T09:00:00Z"
}

@test "show --wpm changes the time estimate" {
	run lp show ranking-p99-latency --json --wpm 100
	assert_output --partial '"seconds": 94'
}

@test "show --md gives a story file that parses back the same" {
	lp show 5 --md > five.md
	run lp import --dry-run five.md
	assert_success
	assert_output "dry run: would be 0 added, 0 updated, 1 unchanged (1 files)"
}

@test "show of a missing story exits 1" {
	run lp show 999
	assert_failure 1
	assert_output --partial "no story '999'"
}

@test "control characters are escaped on a terminal and exact in JSON" {
	printf -- '---\nuid: esc\ntitle: "evil \\e]52;c;aGk=\\a \\e[2J \\u202e"\n---\n## Task\nx\x1b[31my\xc2\x9b\n' > esc.md
	lp add esc.md
	run lp show esc
	assert_success
	refute_output --partial $'\e'
	assert_output --partial 'evil \x1b]52;c;aGk=\x07 \x1b[2J \u202e'
	assert_output --partial 'x\x1b[31my\u009b'
	run lp show esc --json
	assert_output --partial '"task": "x\u001B[31my'
}

@test "a Card section is the candidate's: kept, not said, not linted" {
	story a.md "Cut the queue" ownership cut-queue
	lp add a.md >/dev/null
	before=$(lp show cut-queue --json | jq -c '{words, seconds, score}')
	printf '## Card\n\n- Result: say 40%%, then the queue.\nno STAR here we did it\n' >> a.md
	run lp import a.md
	assert_success
	assert_output --partial "1 updated"
	# No words, no time, and lint does not read it ("we" is not flagged).
	[ "$(lp show cut-queue --json | jq -c '{words, seconds, score}')" = "$before" ]
	run lp show cut-queue --json
	assert_output --partial '"card": "- Result: say 40%, then the queue.\nno STAR here we did it"'
	# The text view shows it last, under its heading.
	run lp show cut-queue
	[ "$(echo "$output" | tail -3 | head -1)" = "Card" ] || fail "$output"
	assert_line "- Result: say 40%, then the queue."
	# Stored, written back last, and the same story once read again.
	lp show cut-queue --md > back.md
	[ "$(tail -4 back.md | head -1)" = "## Card" ] || fail "$(cat back.md)"
	run lp import --dry-run back.md
	assert_output --partial "1 unchanged"
	lp export --format json --out - > all.json
	LPCOACH_DB="$BATS_TEST_TMPDIR/two.db" lp import all.json >/dev/null
	run env LPCOACH_DB="$BATS_TEST_TMPDIR/two.db" "$LPCOACH" show cut-queue --md
	assert_output "$(cat back.md)"
}

@test "a Card heading in a file written with labels" {
	printf -- '---\ntitle: Labels\nprinciples: [ownership]\n---\n' > l.md
	printf '**Situation:** The queue grew.\n\n**Action:** I fixed it.\n\n' >> l.md
	printf '**Result:** It fell 40%%.\n\n## Card\n\nAction: I fixed it fast.\n' >> l.md
	lp add l.md >/dev/null
	run lp show labels --json
	assert_output --partial '"card": "Action: I fixed it fast."'
	assert_output --partial '"result": "It fell 40%."'
}

@test "show --card --json: every line, figure and action is the story's own text" {
	for id in $(seq 1 14); do
		lp show "$id" --json | jq -r '[.situation, .task, .action,
		    .result, .reflection] | map(gsub("\\s+"; " ")) | join("\n")' \
		    > text
		lp show "$id" --card --json > card.json
		jq -r '.lines[].text, .lesson.text, .actions[], .figures[].text' \
		    card.json | while IFS= read -r piece; do
			[ -z "$piece" ] || grep -qF -- "$piece" text ||
				fail "story $id: '$piece' is not in its text"
		done
		# Four STAR lines, Result figures before Action figures.
		[ "$(jq '.lines | length' card.json)" -eq 4 ]
		order=$(jq -r '.figures[].section' card.json | tr '\n' ' ')
		[[ "$order" != *action*result* ]] || fail "story $id: $order"
		[ "$(jq '.seconds' card.json)" = "$(lp show "$id" --json | jq .seconds)" ]
	done
}

@test "show --card prints the card, the Result's figures first" {
	run lp show ranking-p99-latency --card
	assert_success
	assert_line --index 0 "#10  Cut p99 latency of the ranking endpoint"
	assert_line --regexp '^Result      .*340 ms to 85 ms'
	assert_line --regexp '^Say         340 ms to 85 ms'
	assert_line --regexp '^Time        1:03, 157 words at 150 words a minute$'
	refute_output --partial "## Card"
	run lp show ranking-p99-latency --card --md
	assert_failure 2
	assert_output --partial "--card is a view of its own"
}

@test "a ## Card line wins over the line the card would take" {
	lp show ranking-p99-latency --md > r.md
	printf '\n## Card\n\n- Result: p99 down to 85 ms, say it first\nopen with the pager\n' >> r.md
	lp import r.md >/dev/null
	run lp show ranking-p99-latency --card
	assert_line "Result*     p99 down to 85 ms, say it first"
	assert_line "Notes*      open with the pager"
	assert_line "* from the story's ## Card"
	run lp show ranking-p99-latency --card --json
	[ "$(echo "$output" | jq -r '.lines[3] | "\(.section) \(.card) \(.text)"')" = \
	    "result true p99 down to 85 ms, say it first" ]
	[ "$(echo "$output" | jq -r '.lines[0].card')" = false ]
}

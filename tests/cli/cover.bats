#!/usr/bin/env bats
load helper

status_of() { # principle slug: its status in cover --json
	echo "$output" | jq -r --arg s "$1" '.principles[] | select(.slug == $s) | .status'
}

@test "cover gives every principle a status from the sample bank" {
	lp import "$SAMPLES" >/dev/null
	run lp cover --json
	assert_success
	[ "$(echo "$output" | jq '.principles | length')" -eq 16 ]
	[ "$(status_of customer-obsession)" = ok ]	# two ready stories
	[ "$(status_of frugality)" = thin ]		# one ready story
	[ "$(status_of think-big)" = weak ]		# one story, not ready
	[ "$(status_of strive-to-be-earths-best-employer)" = thin ]
	[ "$(echo "$output" | jq .distinct_stories)" -eq 14 ]
	# Ready as lint and list judge it, not a number of its own.
	ready=$(lp list --json | jq '[.[] | select(.ready)] | length')
	[ "$ready" -ge 8 ]
	[ "$(echo "$output" | jq .ready_stories)" -eq "$ready" ]
	[ "$(echo "$output" | jq -r '.principles[0].stories[0] | keys_unsorted | join(",")')" = "id,title,score,ready" ]
	[ "$(echo "$output" | jq -r '.warnings[0]')" = "14 distinct stories; aim for 16, one for each principle" ]
	# A principle no story is tagged with is missing.
	lp tag wellbeing-on-call-pages -strive-to-be-earths-best-employer >/dev/null
	run lp cover --json
	[ "$(status_of strive-to-be-earths-best-employer)" = missing ]
}

@test "cover warns when most ready stories come from one project" {
	for i in 1 2 3; do
		story "s$i.md" "Ranking story $i" dive-deep "r$i"
		sed -i 's/^principles:/project: ranking\nprinciples:/' "s$i.md"
	done
	story s4.md "Other story" ownership o1
	lp add s1.md s2.md s3.md s4.md >/dev/null
	run lp cover --json
	echo "$output" | jq -r '.warnings[]' > warnings.txt
	grep -q "^3 of 4 ready stories come from project 'ranking'" warnings.txt
	grep -q "no story has a Reflection saying what you would do differently" warnings.txt
	# A reflection that says what would change clears that warning.
	printf '## Reflection\nNext time I would measure first.\n' >> s4.md
	lp import s4.md >/dev/null
	run lp cover --json
	refute_output --partial "would do differently"
}

@test "cover --loop covers only the loop's principles and --strict fails on missing" {
	lp import "$SAMPLES" >/dev/null
	lp tag wellbeing-on-call-pages -strive-to-be-earths-best-employer >/dev/null
	lp loop new small --template empty >/dev/null
	lp loop round add small r1 frugality "Earth's best employer" >/dev/null
	run lp cover --loop small --json
	assert_success
	[ "$(echo "$output" | jq -r '[.principles[].slug] | join(",")')" = "frugality,strive-to-be-earths-best-employer" ]
	run lp cover --loop small --strict
	assert_failure 1
	run lp cover --loop nosuch
	assert_failure 1
	assert_output --partial "no loop 'nosuch'"
}

@test "the matrix fits 80 columns for 20 stories and pages beyond" {
	for i in $(seq 1 25); do story "s$i.md" "Story number $i" ownership "u$i"; done
	lp add s*.md >/dev/null
	run lp cover
	assert_success
	[ "$(echo "$output" | LC_ALL=C.UTF-8 wc -L)" -le 80 ]
	assert_output --partial "stories 21 to 25 of 25"
	assert_line --regexp '^Ownership +ok +(● ){19}●$'
}

@test "cover colours only when asked" {
	lp import "$SAMPLES" >/dev/null
	run lp cover
	refute_output --partial $'\e['
	run lp --color=always cover
	assert_output --partial $'\e[32m'
}

@test "an empty bank gets a useful coverage" {
	run lp cover --json
	assert_success
	[ "$(echo "$output" | jq '[.principles[] | select(.status == "missing")] | length')" -eq 16 ]
	run lp cover --strict
	assert_failure 1
	assert_output --partial "0 of 16 principles have a ready story"
}

#!/usr/bin/env bats
# The rough edges of issue 14: nothing cut short, answers checked, past
# dates said as past, hints that paste, confirmations, scores said.
load helper

# A loop with one planned round, for the mock drill.
mock_loop() {
	lp import "$SAMPLES" >/dev/null
	lp loop new m --template empty >/dev/null
	lp loop round add m "$1" frugality >/dev/null
	lp loop plan m >/dev/null
}

@test "the editor command keeps every word" {
	printf '#!/bin/sh\necho "$#" > "%s/argc"\nexit 0\n' "$PWD" > ed.sh
	chmod +x ed.sh
	story a.md "Words" ownership w1
	lp add a.md >/dev/null
	words=$(seq 1 40 | tr '\n' ' ')
	EDITOR="$PWD/ed.sh $words" run lp edit w1
	assert_success
	# 40 words and the file.
	[ "$(cat argc)" = 41 ]
}

@test "the mock's recall list keeps whole round names" {
	name="a round with a name of forty characters!"
	mock_loop "$name"
	run sh -c "printf '\n\ny\n3\n' | '$LPCOACH' drill --loop m --mock --seed 3"
	assert_success
	assert_output --partial "in $name)"
}

@test "the mock's y/n answer is checked like a rating" {
	mock_loop first
	run sh -c "printf '\n\nmaybe\n3\n' | '$LPCOACH' drill --loop m --mock --seed 3"
	assert_failure 2
	assert_output --partial "input line 3: 'maybe' is not y or n"
	run sh -c "printf '\n\nYes\n3\n' | '$LPCOACH' drill --loop m --mock --seed 3"
	assert_success
	assert_output --partial "planned stories recalled: 1"
	run sh -c "printf '\n\nNO\n3\n' | '$LPCOACH' drill --loop m --mock --seed 3"
	assert_success
	assert_output --partial "planned stories missed: 1"
}

@test "printed hints are shell-quoted" {
	run lp loop new "My Onsite!" --template empty
	assert_success
	assert_output --partial "next: lpcoach loop plan 'My Onsite!'"
	run lp loop new "it's" --template empty
	assert_output --partial "next: lpcoach loop plan 'it'\\''s'"
	run lp loop new plain --template empty
	assert_output --partial "next: lpcoach loop plan plain"
	run sh -c "printf 'q\n' | '$LPCOACH' drill --loop 'My Onsite!' --mock"
	assert_output --partial "run 'lpcoach loop plan 'My Onsite!''"
}

@test "the demo transcript keeps the quotes it used" {
	cd "$TOP"
	run sh tests/demo.sh "$LPCOACH"
	assert_success
	assert_output --partial "\$ lpcoach list --principle 'Disagree and Commit'"
}

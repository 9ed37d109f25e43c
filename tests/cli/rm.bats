#!/usr/bin/env bats
load helper

@test "rm --yes removes stories and their tags" {
	story a.md "Gone" frugality r1
	story b.md "Stays" frugality r2
	lp add a.md b.md
	run lp rm r1 --yes
	assert_success
	assert_output "removed 1  Gone"
	run lp principles --json
	[ "$(echo "$output" | jq '.[] | select(.slug == "frugality") | .stories')" -eq 1 ]
}

@test "rm without --yes and without a terminal refuses" {
	story a.md "Kept" ownership r3
	lp add a.md
	before=$(bank_hash)
	run lp rm r3 < /dev/null
	assert_failure 2
	assert_output --partial "without --yes"
	[ "$(bank_hash)" = "$before" ]
}

@test "rm checks every story before removing any" {
	story a.md "Kept too" ownership r4
	lp add a.md
	before=$(bank_hash)
	run lp rm r4 missing --yes
	assert_failure 1
	assert_output --partial "no story 'missing'"
	assert_output --partial "nothing was removed"
	[ "$(bank_hash)" = "$before" ]
}

@test "rm leaves no trace of the text in the bank files" {
	printf -- '---\nuid: secret\ntitle: t\n---\n## Task\nZanzibarQuokkaSentinel\n' > s.md
	lp add s.md
	lp rm secret --yes
	run sh -c "cat data/bank.db* | grep -c ZanzibarQuokkaSentinel"
	assert_output "0"
}

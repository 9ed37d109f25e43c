#!/usr/bin/env bats
load helper

@test "tag adds and removes principles by any name" {
	story a.md "Tagged" ownership t1
	lp add a.md
	run lp tag t1 +frugal "Disagree & Commit" -ownership
	assert_success
	assert_line --index 0 "1  Tagged: Frugality, Have Backbone; Disagree and Commit"
	# The new principles' rules find what ownership's did not.
	assert_line --index 1 --regexp "^  score [0-9]+, not ready; it was ready \('lpcoach lint 1' says why\)$"
	run lp list --principle ownership --json
	assert_output "[]"
}

@test "tag with no changes shows the principles" {
	story a.md "Shown" "dive-deep, ownership" t2
	lp add a.md
	run lp tag t2
	assert_success
	assert_output "1  Shown: Dive Deep, Ownership"
}

@test "tag with an unknown principle changes nothing" {
	story a.md "Safe" ownership t3
	lp add a.md
	before=$(bank_hash)
	run lp tag t3 +frugality +bogus
	assert_failure 2
	assert_output --partial "unknown principle 'bogus'"
	assert_output --partial "nothing was changed"
	[ "$(bank_hash)" = "$before" ]
}

@test "tag of an unknown story exits 1" {
	run lp tag nope +frugality
	assert_failure 1
	assert_output --partial "no story 'nope'"
}

@test "removing a principle the story lacks is a note, not an error" {
	story a.md "Note" ownership t4
	lp add a.md
	run lp tag t4 -frugality
	assert_success
	assert_output --partial "was not tagged with Frugality"
}

#!/usr/bin/env bats
load helper

@test "list on a new bank says how to start and creates nothing" {
	run lp list
	assert_success
	assert_output --partial "the bank is empty"
	[ ! -e "$LPCOACH_DB" ]
}

@test "list shows stories in id order with words and time" {
	lp import "$SAMPLES" >/dev/null
	run lp list
	assert_success
	assert_line --index 0 --regexp '^ +ID +TITLE +SCORE +WORDS +TIME +PRINCIPLES$'
	assert_line --index 1 --regexp '^ +1  Argued for an A/B test .*  100    211  1:24  have-backbone-disagree-and-commit, are-right-a-lot$'
	assert_line --index 3 --regexp '^ +3  Caught silent drift .*  100    245  1:38  dive-deep, ownership$'
	assert_line --index 12 --regexp '^ +12  Weekend outage .*    0!   105  0:42  bias-for-action, deliver-results$'
	[ "${#lines[@]}" -eq 15 ]
}

@test "list filters by principle, project and tag" {
	lp import "$SAMPLES" >/dev/null
	run lp list --principle "Disagree and Commit" --json
	assert_output --partial '"uid": "disagree-offline-launch"'
	[ "$(echo "$output" | grep -c '"uid"')" -eq 1 ]
	run lp list --project fraud-detection --json
	[ "$(echo "$output" | grep -c '"uid"')" -eq 2 ]
	run lp list --tag latency --json
	assert_output --partial '"uid": "ranking-p99-latency"'
	[ "$(echo "$output" | grep -c '"uid"')" -eq 1 ]
	run lp list --project fraud-detection --principle earn-trust --json
	[ "$(echo "$output" | grep -c '"uid"')" -eq 1 ]
}

@test "list --json has exactly the documented fields" {
	story a.md "One" frugality
	lp add a.md
	run lp list --json
	assert_success
	keys=$(echo "$output" | grep -o '^    "[a-z]*"' | tr -d ' "' | tr '\n' ,)
	[ "$keys" = "id,uid,title,principles,primary,project,tags,words,seconds,score,ready," ]
	assert_output --partial '"words": 12'
	assert_output --partial '"seconds": 5'
	assert_output --partial '"project": null'
}

@test "list with an unknown principle exits 2 with suggestions" {
	run lp list --principle "ownershp"
	assert_failure 2
	assert_output --partial "unknown principle 'ownershp'; did you mean 'Ownership'"
}

@test "list rejects a bad --wpm" {
	run lp list --wpm fast
	assert_failure 2
	assert_output --partial "--wpm takes a whole number from 50 to 400, not 'fast'"
}

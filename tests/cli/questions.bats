#!/usr/bin/env bats
load helper

# The number of main questions with id prefix $1 in the bank's source.
in_data() {
	grep -c "{id: $1-q[0-9]*," "$TOP/lp/data/questions.yaml"
}

ids() {
	grep -o '"id": "[^"]*"' | sed 's/"id": "//; s/"$//' | tr '\n' ' '
}

@test "questions lists every main question, none of the probes" {
	run lp questions --json
	assert_success
	[ "$(echo "$output" | grep -c '"kind": "question"')" -ge 192 ]
	refute_output --partial '"kind": "follow-up"'
}

@test "questions --json has the documented fields" {
	run lp questions --principle frugality --json
	assert_success
	keys=$(echo "$output" | sed -n '2,30p' | grep -o '^    "[a-z]*"' | tr -d ' "' | head -6 | tr '\n' ,)
	[ "$keys" = "id,principle,also,roles,kind,text," ]
	[ "$(echo "$output" | grep -c '"principle": "frugality"')" -eq "$(in_data fru)" ]
}

@test "--principle takes any name and repeats" {
	run lp questions --principle "Disagree and Commit" --principle frug --json
	assert_success
	n1=$(echo "$output" | grep -c '"principle": "have-backbone-disagree-and-commit"')
	n2=$(echo "$output" | grep -c '"principle": "frugality"')
	[ "$n1" -eq "$(in_data hbd)" ] && [ "$n2" -eq "$(in_data fru)" ]
	[ "$(echo "$output" | grep -c '"id"')" -eq $((n1 + n2)) ]
}

@test "--follow-ups adds the principle's probes and the generic ones" {
	run lp questions --principle dive-deep --follow-ups --json
	assert_success
	assert_output --partial '"text": "How did you know that was the root cause and not a symptom?"'
	assert_output --partial '"principle": null'
	assert_output --partial '"text": "What exactly was your part, as opposed to the team'"'"'s?"'
	[ "$(echo "$output" | grep -c '"principle": null')" -ge 12 ]
}

@test "--role mle gives ML questions and general ones" {
	run lp questions --role mle --json
	assert_success
	assert_output --partial "training-serving skew"
	refute_output --regexp '"roles": \[
        "manager"
      \]'
}

# Pinned samples: SplitMix64 and the sampler are the same everywhere, so
# these change only when the question bank does (then re-pin them).
@test "the same seed gives the same sample on every machine" {
	run lp questions --random 4 --seed 42 --json
	assert_success
	[ "$(echo "$output" | ids)" = "hdb-q10 lbc-q03 bfa-q08 lbc-q09 " ]
	run lp questions --random 4 --seed 42 --follow-ups --principle frugality --json
	[ "$(echo "$output" | ids)" = "fru-f01 fru-q05 gen-f05 gen-f12 " ]
}

@test "different seeds give different samples" {
	a=$(lp questions --random 5 --seed 1 --json | ids)
	b=$(lp questions --random 5 --seed 2 --json | ids)
	[ "$a" != "$b" ]
	[ "$(lp questions --random 5 --seed 1 --json | ids)" = "$a" ]
}

@test "without --seed the seed is printed so the sample can be replayed" {
	run --separate-stderr lp questions --random 3 --json
	assert_success
	seed=$(echo "$stderr" | sed -n 's/^lpcoach: seed \([0-9]*\) (replay with --seed [0-9]*)$/\1/p')
	[ -n "$seed" ]
	first=$(echo "$output" | ids)
	[ "$(lp questions --random 3 --seed "$seed" --json | ids)" = "$first" ]
}

@test "--random larger than the bank returns all of it, shuffled, and says so" {
	run --separate-stderr lp questions --principle frugality --random 50 --seed 3 --json
	assert_success
	n=$(in_data fru)
	[ "$(echo "$output" | grep -c '"id"')" -eq "$n" ]
	[ "$stderr" = "lpcoach: only $n questions match; showing all of them in random order" ]
	[ "$(echo "$output" | ids)" != "$(lp questions --principle frugality --json | ids)" ]
}

@test "bad numbers, principles and roles exit 2" {
	for bad in 0 -1 abc 1.5 ""; do
		run lp questions --random "$bad"
		assert_failure 2
		assert_output --partial "--random takes a whole number"
	done
	run lp questions --random 3 --seed -4
	assert_failure 2
	assert_output --partial "--seed takes a whole number"
	run lp questions --seed 4
	assert_failure 2
	assert_output --partial "--seed goes with --random"
	run lp questions --principle "dive deeep"
	assert_failure 2
	assert_output --partial "unknown principle 'dive deeep'; did you mean 'Dive Deep'"
	run lp questions --role sdet
	assert_failure 2
	assert_output --partial "unknown role 'sdet'; did you mean 'sde'"
}

@test "principle shows the guide, questions, probes and the user's stories" {
	lp import "$SAMPLES" >/dev/null
	run lp principle "disagree & commit"
	assert_success
	assert_line --index 0 "Have Backbone; Disagree and Commit  (have-backbone-disagree-and-commit, 13 of 16)"
	assert_line "What interviewers listen for"
	assert_line "  - a disagreement argued with data, not personality"
	assert_line "How stories for it fail"
	assert_output --partial "  hbd-q01  Tell me about a time you strongly disagreed with your manager."
	assert_output --partial "  hbd-f01  What evidence did you bring"
	assert_line "Your stories"
	assert_output --partial "Argued for an A/B test before launching on offline metrics"
}

@test "principle with no stories says how to add one" {
	run lp principle "Earth's best employer"
	assert_success
	assert_output --partial "none yet: add 'strive-to-be-earths-best-employer' to a story's principles, or run 'lpcoach tag STORY +strive-to-be-earths-best-employer'"
}

@test "principle --json has the guide and the stories" {
	lp import "$SAMPLES" >/dev/null
	run lp principle frugality --json
	assert_success
	assert_output --partial '"slug": "frugality"'
	assert_output --partial '"listens_for": ['
	assert_output --partial '"pitfalls": ['
	assert_output --partial '"uid": "gpu-training-cost"'
	[ "$(echo "$output" | grep -c '"id": "fru-q')" -eq "$(in_data fru)" ]
}

@test "principle of an unknown name exits 2 with suggestions" {
	run lp principle frugalty
	assert_failure 2
	assert_output --partial "did you mean 'Frugality'"
	run lp principle
	assert_failure 2
}

@test "principles --json gains summary, listens_for and pitfalls" {
	run lp principles --json
	assert_success
	keys=$(echo "$output" | sed -n '2,40p' | grep -o '^    "[a-z_]*"' | tr -d ' "' | head -6 | tr '\n' ,)
	[ "$keys" = "slug,name,summary,listens_for,pitfalls,stories," ]
}

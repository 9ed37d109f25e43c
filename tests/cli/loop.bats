#!/usr/bin/env bats
load helper

@test "loop new from each template, list, show and rm" {
	for t in mle sde scientist manager empty; do
		run lp loop new "l-$t" --template "$t" --date 2026-12-03 --company Acme
		assert_success
	done
	run lp loop show l-mle --json
	assert_success
	[ "$(echo "$output" | jq -r '[.rounds[].name] | join(",")')" = \
	    "phone-screen,coding-1,coding-2,ml-depth,ml-system-design,bar-raiser" ]
	[ "$(echo "$output" | jq '[.rounds[] | .principles | length] | min')" -ge 2 ]
	[ "$(echo "$output" | jq '[.rounds[] | .principles | length] | max')" -le 3 ]
	[ "$(echo "$output" | jq -r '.rounds[5].principles[].slug' | tr '\n' ,)" = \
	    "earn-trust,have-backbone-disagree-and-commit,insist-on-the-highest-standards," ]
	run lp loop show l-sde --json
	[ "$(echo "$output" | jq -r '[.rounds[].name] | join(",")')" = \
	    "phone-screen,coding-1,coding-2,system-design,behavioral,bar-raiser" ]
	run lp loop show l-scientist --json
	echo "$output" | jq -e '.rounds[] | select(.name == "research-presentation")' >/dev/null
	run lp loop show l-manager --json
	echo "$output" | jq -e '.rounds[] | select(.name == "hiring-manager")' >/dev/null
	run lp loop show l-empty --json
	[ "$(echo "$output" | jq '.rounds | length')" -eq 0 ]
	run lp loop list --json
	[ "$(echo "$output" | jq length)" -eq 5 ]
	run lp loop show l-mle
	assert_line --index 0 "l-mle  (mle template, Acme, 2026-12-03, in 13 days, not planned yet)"
	run lp loop rm l-empty --yes
	assert_success
	run lp loop show l-empty
	assert_failure 1
	assert_output --partial "no loop 'l-empty'"
}

@test "loop new rejects bad templates, dates and duplicate names" {
	run lp loop new x --template ceo
	assert_failure 2
	assert_output --partial "unknown template 'ceo'"
	for date in 2026-02-30 2026-02-29 '2026- 1-01' 1969-12-31 2026-1-01; do
		run lp loop new x --date "$date"
		assert_failure 2
		assert_output --partial "--date takes a real date from 1970 to 9999 as YYYY-MM-DD, not '$date'"
	done
	lp loop new x >/dev/null
	run lp loop new x
	assert_failure 2
	assert_output --partial "a loop named 'x' already exists"
}

@test "rounds keep their order and are checked" {
	lp loop new l --template empty >/dev/null
	lp loop round add l first ownership frugality >/dev/null
	lp loop round add l second dive-deep >/dev/null
	lp loop round add l third "Disagree and Commit" >/dev/null
	lp loop round rm l second >/dev/null
	lp loop round set l first frugal ownership "Earth's best employer" >/dev/null
	run lp loop show l --json
	[ "$(echo "$output" | jq -r '[.rounds[].name] | join(",")')" = "first,third" ]
	[ "$(echo "$output" | jq -r '[.rounds[0].principles[].slug] | join(",")')" = \
	    "frugality,ownership,strive-to-be-earths-best-employer" ]
	run lp loop round add l third ownership
	assert_failure 2
	assert_output --partial "already has a round 'third'"
	run lp loop round add l fourth
	assert_failure 2
	assert_output --partial "needs 1 to 5 principles, not 0"
	run lp loop round add l fourth ownership frugality dive-deep think-big earn-trust deliver-results
	assert_failure 2
	assert_output --partial "needs 1 to 5 principles, not 6"
	run lp loop round add l fourth ownershp
	assert_failure 2
	assert_output --partial "did you mean 'Ownership'"
	run lp loop round add l fourth ownership ownership
	assert_failure 2
	run lp loop round rm l nosuch
	assert_failure 1
	assert_output --partial "no round 'nosuch'"
	run lp loop round add nosuch r ownership
	assert_failure 1
	assert_output --partial "no loop 'nosuch'"
}

# A small bank: stories tagged so that the best plan is known.
small_bank() {
	story a.md "Alpha" "ownership, frugality" alpha
	story b.md "Bravo" "ownership" bravo
	story c.md "Charlie" "frugality, dive-deep" charlie
	lp add a.md b.md c.md >/dev/null
	lp loop new l --template empty --company Acme >/dev/null
	lp loop round add l r1 ownership frugality >/dev/null
	lp loop round add l r2 dive-deep >/dev/null
}

@test "loop plan fills every slot once, saves it and prints JSON" {
	small_bank
	run lp loop plan l --json
	assert_success
	[ "$(echo "$output" | jq -r '"\(.loop) \(.feasible) \(.filled) \(.slots)"')" = "l true 3 3" ]
	[ "$(echo "$output" | jq -r '.assignments[0] | keys_unsorted | join(",")')" = \
	    "round,principle,story,title,score,fit,backup" ]
	# The total fit is the assignments' fits, summed, under its own name.
	[ "$(echo "$output" | jq '.fit')" -eq "$(echo "$output" | jq '[.assignments[].fit] | add')" ]
	[ "$(echo "$output" | jq '.score')" -eq "$(echo "$output" | jq '[.assignments[].score] | add')" ]
	[ "$(echo "$output" | jq '[.assignments[].story] | unique | length')" -eq 3 ]
	[ "$(echo "$output" | jq -r '.assignments[] | select(.principle == "dive-deep") | .title')" = "Charlie" ]
	[ "$(echo "$output" | jq '.unfilled | length')" -eq 0 ]
	[ "$(echo "$output" | jq '.assignments[0].backup')" = null ]
	run lp loop show l --json
	[ "$(echo "$output" | jq '[.rounds[].principles[].story] | map(select(. != null)) | length')" -eq 3 ]
	[ "$(echo "$output" | jq -r '.planned')" = "2026-11-20T09:00:00Z" ]
}

@test "an infeasible plan fills what it can, gives reasons and exits 1" {
	small_bank
	lp loop round add l r3 "Earth's best employer" ownership >/dev/null
	run lp loop plan l --json
	assert_failure 1
	[ "$(echo "$output" | jq -r '"\(.feasible) \(.filled) \(.slots)"')" = "false 3 5" ]
	[ "$(echo "$output" | jq -r '.unfilled[] | select(.principle == "strive-to-be-earths-best-employer") | .reason')" = \
	    "no story is tagged with Strive to be Earth's Best Employer" ]
	# Ownership and Frugality have two slots each for three stories: one
	# of those stays empty, and says which stories took its principle.
	[ "$(echo "$output" | jq '.unfilled | length')" -eq 2 ]
	echo "$output" | jq -r '.unfilled[] | select(.principle != "strive-to-be-earths-best-employer") | .reason' |
	    grep -Eq "^every story tagged with (Ownership|Frugality) is used: #[0-9] in r[0-9]"
}

# fit_bank: #1 tagged Ownership and Frugality, with no cost figure (an
# error of a Frugality rule), and #2 tagged Ownership alone, else the same.
fit_bank() {
	story x.md "Xray" "ownership, frugality"
	story y.md "Yankee" "ownership"
	lp add x.md y.md >/dev/null
	lp loop new l --template empty >/dev/null
	lp loop round add l r1 ownership >/dev/null
}

@test "loop plan weighs a story's fit for the slot, not its whole score" {
	fit_bank
	sed -i 's/40%/a lot/' x.md y.md
	lp import x.md y.md >/dev/null
	run lp list --json
	x=$(echo "$output" | jq '.[0].score')
	y=$(echo "$output" | jq '.[1].score')
	[ "$x" -lt "$y" ]
	# For an Ownership slot the Frugality rule's error does not count:
	# the two fit alike, and the lower id is preferred.
	run lp loop plan l --json
	assert_success
	[ "$(echo "$output" | jq '.assignments[0].story')" -eq 1 ]
	[ "$(echo "$output" | jq '.assignments[0].score')" -eq "$x" ]
	[ "$(echo "$output" | jq '.assignments[0].fit')" -eq "$y" ]
	[ "$(echo "$output" | jq '.score')" -eq "$x" ]
	[ "$(echo "$output" | jq '.fit')" -eq "$y" ]
	run lp loop plan l
	assert_success
	assert_line --regexp "^    Ownership +#1 +$x  Xray$"
	assert_line "filled 1 of 1 slots, total score $x, total fit $y"
	# With the score cache cold, the fits come from the lint that scores
	# each story, and are the same.
	warm=$(lp loop plan l --json | jq -c 'del(.loop)')
	sqlite3 "$LPCOACH_DB" 'DELETE FROM lint_score'
	[ "$(lp loop plan l --json | jq -c 'del(.loop)')" = "$warm" ]
	[ "$(sqlite3 "$LPCOACH_DB" 'SELECT count(*) FROM lint_score')" -eq 2 ]
}

@test "loop plan prefers a story for its primary principle" {
	fit_bank
	sed -i '3a primary: ownership' y.md
	lp import y.md >/dev/null
	run lp loop plan l --json
	assert_success
	[ "$(echo "$output" | jq '.assignments[0].story')" -eq 2 ]
	[ "$(echo "$output" | jq '.assignments[0].fit - .assignments[0].score')" -eq 5 ]
	# A primary principle elsewhere earns nothing here: #1 wins the tie
	# on its id, with the fit of #2, which has no primary.
	sed -i '/^primary:/d' y.md
	sed -i '3a primary: frugality' x.md
	lp import x.md y.md >/dev/null
	y=$(lp list --json | jq '.[1].score')
	run lp loop plan l --json
	[ "$(echo "$output" | jq '.assignments[0].story')" -eq 1 ]
	[ "$(echo "$output" | jq '.assignments[0].fit')" -eq "$y" ]
}

@test "backups are distinct from every story in the loop" {
	small_bank
	story d.md "Delta" "ownership" delta
	story e.md "Echo" "frugality, ownership" echo
	lp add d.md e.md >/dev/null
	run lp loop plan l --backups --json
	assert_success
	ids=$(echo "$output" | jq '[.assignments[] | .story, .backup] | map(select(. != null))')
	[ "$(echo "$ids" | jq length)" -eq "$(echo "$ids" | jq 'unique | length')" ]
	[ "$(echo "$output" | jq '[.assignments[].backup] | map(select(. != null)) | length')" -eq 2 ]
}

@test "pins are kept; an untagged pin needs --force and is reported" {
	small_bank
	run lp loop pin l r1 ownership charlie
	assert_failure 2
	assert_output --partial "is not tagged with Ownership"
	run lp loop pin l r1 ownership charlie --force
	assert_success
	run lp loop plan l --json
	[ "$(echo "$output" | jq -r '.assignments[] | select(.round == "r1" and .principle == "ownership") | .title')" = "Charlie" ]
	run lp loop check l --json
	assert_failure 1
	echo "$output" | jq -e '.problems[] | select(.kind == "untagged" and .round == "r1")' >/dev/null
	lp loop unpin l r1 ownership >/dev/null
	run lp loop show l --json
	[ "$(echo "$output" | jq '.rounds[0].principles[0].pinned')" = null ]
	run lp loop pin l r9 ownership alpha
	assert_failure 1
	run lp loop pin l r1 think-big alpha
	assert_failure 1
	assert_output --partial "does not probe Think Big"
	run lp loop pin l r1 ownership nosuchstory
	assert_failure 1
}

@test "loop check finds a story told twice, unready stories and contradictions" {
	lp import "$SAMPLES" >/dev/null
	lp loop new mle --template mle >/dev/null
	lp loop plan mle > /dev/null || true
	run lp loop check mle --json
	assert_failure 1
	[ "$(echo "$output" | jq -r '.problems[0] | keys_unsorted | join(",")')" = \
	    "kind,round,principle,story,other,message" ]
	echo "$output" | jq -e '.problems[] | select(.kind == "not-ready" and .story == 12)' >/dev/null
	echo "$output" | jq -r '.problems[] | select(.kind == "not-ready" and .story == 12) | .message' | grep -q "\[result-no-figure\]"
	msg=$(echo "$output" | jq -r '.problems[] | select(.kind == "contradiction") | .message')
	[[ "$msg" == *'"p99 latency went to 90 ms" against "p99 latency dropped from 340 ms to 85 ms"'* ]]
	# A hand edit: pin a story the plan already tells elsewhere.
	used=$(lp loop show mle --json | jq -r '.rounds[0].principles[0].story')
	lp loop pin mle bar-raiser earn-trust "$used" --force >/dev/null
	run lp loop check mle --json
	echo "$output" | jq -e --argjson id "$used" '.problems[] | select(.kind == "repeated" and .story == $id)' >/dev/null
}

@test "a clean loop checks clean" {
	story a.md "Alpha" ownership alpha
	sed -i 's/I profiled the job./I profiled the job, found the lock and rewrote the cache over two weeks, testing each change against a week of traffic./' a.md
	lp add a.md >/dev/null
	lp loop new l --template empty >/dev/null
	lp loop round add l r1 ownership >/dev/null
	run lp loop check l
	assert_failure 1
	assert_output --partial "no plan saved yet"
	lp loop plan l >/dev/null
	run lp loop check l --json
	# The story is short, so only "not ready" could be reported.
	[ "$(echo "$output" | jq '[.problems[] | select(.kind != "not-ready")] | length')" -eq 0 ]
}

@test "stories told to a company are not planned again for it" {
	small_bank
	lp loop plan l >/dev/null
	run lp loop told l r2 charlie --date 2026-11-01
	assert_success
	assert_output "recorded: #3 told in round 'r2' on 2026-11-01"
	lp loop new later --template empty --company acme >/dev/null
	lp loop round add later r dive-deep >/dev/null
	run lp loop plan later --json
	assert_failure 1
	[ "$(echo "$output" | jq -r '.unfilled[0].reason')" = \
	    "every story tagged with Dive Deep is used: #3 told to acme before" ]
	run lp loop plan later --allow-retell --json
	assert_success
	lp loop new elsewhere --template empty --company Other >/dev/null
	lp loop round add elsewhere r dive-deep >/dev/null
	run lp loop plan elsewhere --json
	assert_success
	run lp loop told l nosuchround charlie
	assert_failure 1
	run lp loop told l r2 charlie --date yesterday
	assert_failure 2
}

@test "lint --all reports numbers that disagree across a project" {
	lp import "$SAMPLES" >/dev/null
	run lp lint --all --format json
	[ "$(echo "$output" | jq -r '.[] | select(.title | startswith("Cut p99")) | .findings[] | select(.category == "consistency") | .rule')" = "numbers-disagree" ]
	run lp lint --all --format gnu
	# At the figure, naming the metric both stories give.
	assert_output --partial "ranking-p99-latency.md:32:36: warning: \"p99 latency dropped from 340 ms to 85 ms\" here, but story #2 of project 'ranking-service' says \"p99 latency went to 90 ms\" (p99 latency)"
	assert_output --partial "feature-store-vision.md:54:31: warning: \"p99 latency went to 90 ms\" here, but story #10"
	# Consistency is between stories: no story's score pays for it.
	[ "$(lp list --json | jq '.[] | select(.uid == "ranking-p99-latency") | .score')" -eq 100 ]
}

@test "unknown loop verbs and usage" {
	run lp loop
	assert_failure 2
	run lp loop frobnicate
	assert_failure 2
	assert_output --partial "unknown loop verb 'frobnicate'"
	run lp loop -h
	assert_success
	for v in new list show rm round pin unpin plan check told; do
		run lp loop "$v" -h
		assert_success
		assert_line --index 0 --regexp "^usage: lpcoach loop $v"
	done
	for v in add set rm; do
		run lp loop round "$v" -h
		assert_success
		assert_line --index 0 --regexp "^usage: lpcoach loop round $v "
	done
	run lp loop round frobnicate l r
	assert_failure 2
	assert_output --partial "unknown loop round verb 'frobnicate'"
}

@test "two pins at once are both kept: each reads the loop under the write lock" {
	lp import "$SAMPLES" >/dev/null
	lp loop new l --template empty >/dev/null
	lp loop round add l r1 ownership >/dev/null
	lp loop round add l r2 dive-deep >/dev/null
	# Hold the write lock so that both pins start while it is held; each
	# must wait for it before reading the loop, or one pin is lost.
	(echo 'BEGIN IMMEDIATE;'; sleep 2; echo 'COMMIT;') |
		sqlite3 "$LPCOACH_DB" &
	holder=$!
	sleep 0.5
	lp loop pin l r1 ownership feature-store-vision > pin1.out 2>&1 &
	p1=$!
	lp loop pin l r2 dive-deep training-serving-skew > pin2.out 2>&1 &
	p2=$!
	wait "$p1" || fail "first pin: $(cat pin1.out)"
	wait "$p2" || fail "second pin: $(cat pin2.out)"
	wait "$holder"
	run lp loop show l --json
	assert_success
	[ "$(echo "$output" | jq '[.rounds[].principles[].pinned] | map(select(. != null)) | length')" -eq 2 ] ||
		fail "a pin was lost: $output"
}

@test "global options work between loop and its verb, and after it" {
	lp import "$SAMPLES" >/dev/null
	export LPCOACH_DB="$BATS_TEST_TMPDIR/elsewhere.db"
	lp --db "$BATS_TEST_TMPDIR/data/bank.db" loop new l --template mle >/dev/null
	run lp loop --db "$BATS_TEST_TMPDIR/data/bank.db" plan l
	assert_failure 1
	assert_output --partial "filled 12 of 15 slots"
	run lp loop plan l --db="$BATS_TEST_TMPDIR/data/bank.db" --json
	assert_failure 1
	[ "$(echo "$output" | jq .filled)" -eq 12 ]
	run lp loop round --db "$BATS_TEST_TMPDIR/data/bank.db" add l extra frugality
	assert_success
	[ ! -e "$BATS_TEST_TMPDIR/elsewhere.db" ]
}

@test "a loop date in the past counts the days back correctly" {
	lp loop new old --template empty --date 2026-11-10 >/dev/null
	run lp loop show old
	assert_success
	assert_line --index 0 --partial "2026-11-10, 10 days ago"
	lp loop new soon --template empty --date 2026-11-21 >/dev/null
	run lp loop show soon
	assert_line --index 0 --partial "2026-11-21, in 1 day"
}

@test "names that would drive the terminal are refused, and quoted escaped" {
	local name
	for name in $'a\xc2\x9b31mX' $'a\xe2\x80\xaeb' $'a\xffb' $'a\x1b[2Jb' $'a\tb'; do
		run --separate-stderr $LPCOACH loop new "$name"
		assert_failure 2
		[[ "$stderr" == *"bad loop name"* ]]
		[[ "$stderr" != *$'\x1b'* && "$stderr" != *$'\xc2\x9b'* && "$stderr" != *$'\xe2\x80\xae'* ]] ||
			fail "raw control in: $stderr"
	done
	run --separate-stderr $LPCOACH loop new ok --company $'Ac\xe2\x80\xaeme'
	assert_failure 2
	[[ "$stderr" == *"bad --company 'Ac\\u202eme'"* ]]
	lp loop new ok >/dev/null
	run --separate-stderr $LPCOACH loop round add ok $'r\xc2\x9b' ownership
	assert_failure 2
	[[ "$stderr" == *"bad round name 'r\\u009b'"* ]]
	[ "$(sqlite3 "$LPCOACH_DB" 'SELECT count(*) FROM loop')" -eq 1 ]
	run lp loop new "Café onsite"
	assert_success
}

@test "an argument quoted in an error is escaped" {
	run --separate-stderr $LPCOACH $'x\x1b[31m'
	assert_failure 2
	[ "$stderr" = "lpcoach: unknown command 'x\\x1b[31m' (see 'lpcoach --help')" ]
	run --separate-stderr $LPCOACH list $'--\xe2\x80\xaebad'
	assert_failure 2
	[[ "$stderr" == *"'--\\u202ebad'"* ]]
}

@test "JSON on a terminal escapes every non-ASCII character, and is the same JSON" {
	lp loop new "Café onsite" >/dev/null
	run script -qec "$LPCOACH loop list --json" /dev/null
	assert_success
	assert_output --partial 'Caf\u00E9 onsite'
	[ "$(tr -d '\r' <<<"$output" | jq -r '.[0].name')" = "Café onsite" ]
	run lp loop list --json
	assert_output --partial 'Café onsite'
}

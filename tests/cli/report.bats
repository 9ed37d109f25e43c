#!/usr/bin/env bats
load helper

sample_loop() {
	lp import "$SAMPLES" >/dev/null
	lp loop new onsite --template mle --date 2026-12-03 >/dev/null
}

@test "the terminal report starts with the verdict and never changes the bank" {
	sample_loop
	before=$(bank_hash)
	run lp report --loop onsite
	assert_success
	assert_line --index 0 "not ready: no plan saved; 12/13 principles covered by a ready story; 0/13 drilled to good; 13 days left"
	assert_line --index 1 "13 days until onsite on 2026-12-03"
	assert_output --partial "== Today"
	assert_output --partial "== Coverage"
	assert_output --partial "== Loop plan: onsite (not saved: the plan lpcoach would make now)"
	assert_output --partial "== Stories with lint errors"
	# The score list gives it: one score per story, in every view.
	score=$(lp list --json | jq '.[] | select(.id == 12) | .score')
	assert_output --partial "  #12 Weekend outage of the recommendations service ($score)"
	assert_output --partial "== Drill progress"
	[ "$(bank_hash)" = "$before" ]
}

@test "an empty bank gets a report that says what to do first" {
	run lp report
	assert_success
	assert_line --index 0 "not started: 0/16 principles covered by a ready story; 0/16 drilled to good"
	assert_line --index 1 --partial "first: the bank has no stories: import the samples"
	assert_line --index 3 "    lpcoach import stories/samples"
	assert_output --partial "Start here: import the samples"
	run lp report --json
	[ "$(echo "$output" | jq -c '[.state, .loop, .days, .first_command]')" = '["not-started",null,null,"lpcoach import stories/samples"]' ]
}

@test "--md writes GitHub-flavoured Markdown that cmark reads back" {
	sample_loop
	run lp report --loop onsite --md report.md
	assert_success
	assert_output "wrote report.md"
	grep -q '^# Readiness report, ' report.md
	grep -q '^\*\*not ready: ' report.md
	grep -q '^## Loop plan: onsite' report.md
	[ "$(grep -c '^### ' report.md)" -eq 6 ]
	# cmark escapes what Markdown would misread, such as '#'.
	grep -qF -- '#### Dive Deep: \#11 Found a training-serving skew' report.md
	[ "$(stat -c %a report.md)" = "600" ]
}

@test "--html is one self-contained page with 16 rows and one card per round" {
	sample_loop
	run lp report --loop onsite --html report.html
	assert_success
	for p in "Customer Obsession" "Ownership" "Invent and Simplify" \
	    "Are Right, A Lot" "Learn and Be Curious" "Hire and Develop the Best" \
	    "Insist on the Highest Standards" "Think Big" "Bias for Action" \
	    "Frugality" "Earn Trust" "Dive Deep" \
	    "Have Backbone; Disagree and Commit" "Deliver Results" \
	    "Strive to be Earth&#39;s Best Employer" \
	    "Success and Scale Bring Broad Responsibility"; do
		grep -qF "$p" report.html || fail "missing principle $p"
	done
	[ "$(grep -o 'class="row"' report.html | wc -l)" -eq 16 ]
	[ "$(grep -o 'class="card round"' report.html | wc -l)" -eq 6 ]
	! grep -qi '<script' report.html
	! grep -qiE 'https?:|src=|<link|@import|//[a-z]' report.html
	[ "$(grep -o 'url([^)]*)' report.html | sort -u)" = "url(#hatch)" ]
	# One pattern for the page, however many heatmaps use it.
	[ "$(grep -o 'id="hatch"' report.html | wc -l)" -eq 1 ]
}

@test "--html: a legend, columns labelled with short titles, principles outside the loop in full" {
	sample_loop
	lp report --loop onsite --html report.html >/dev/null
	grep -qF '<ul class="legend">' report.html
	for l in "ready (no lint error, score 80 or more)" \
	    "not ready, score 50 or more (hatched)" \
	    "not ready, score below 50 (hatched)" \
	    "not tagged with the principle" \
	    "a principle outside the loop"; do
		grep -qF "$l" report.html || fail "no legend for $l"
	done
	# Each column: the id and the title cut to 22 characters, printed.
	grep -qF 'rotate(-60)">#7 Learned causal inferen…</text>' report.html
	grep -qF 'rotate(-60)">#9 Owned up to a bug I sh…</text>' report.html
	# Outside the loop: readable text, no faded row.
	! grep -q 'opacity=".45"' report.html
	grep -qF 'data-principle="hire-and-develop-the-best" data-outside="true"' report.html
	[ "$(grep -o 'data-outside="true"' report.html | wc -l)" -eq 3 ]
	# Scores on amber are in black, on green and red in white.
	grep -qF 'fill="#000" font-size="9">50<' report.html
	! grep -qF 'fill="#fff" font-size="9">50<' report.html
	grep -qF 'fill="#fff" font-size="9">49<' report.html
}

@test "--html leaves no story out of the heatmap: pages of 20 columns" {
	mkdir many
	for i in $(seq 1 45); do story "many/s$i.md" "Story number $i" ownership; done
	lp import many >/dev/null
	lp report --html r.html >/dev/null
	[ "$(grep -o '<svg class="heatmap"' r.html | wc -l)" -eq 3 ]
	grep -qF '<p class="muted">Stories 1 to 20 of 45</p>' r.html
	grep -qF '<p class="muted">Stories 41 to 45 of 45</p>' r.html
	for i in $(seq 1 45); do
		grep -qE "rotate\(-60\)\">#[0-9]+ Story number $i</text>" r.html ||
		    fail "story $i has no column"
	done
	! grep -qi 'the first .* of .* stories' r.html
}

@test "--html folds the drill history to one table while most principles are undrilled" {
	sample_loop
	printf '\n\n3\n' | lp drill --principle dive-deep --count 1 --seed 1 >/dev/null
	lp report --loop onsite --html r.html >/dev/null
	grep -qF '<table class="drill-table">' r.html
	! grep -qF '<div class="drill">' r.html
	grep -qF '<tr><td>Dive Deep</td><td>1</td><td>3 of 4</td>' r.html
	grep -qF '<p class="undrilled">Not drilled yet (15): Customer Obsession; ' r.html
	# Half or more drilled: a card each, with its ratings.
	for p in customer-obsession ownership invent-and-simplify are-right-a-lot \
	    learn-and-be-curious hire-and-develop-the-best think-big; do
		printf '\n\n3\n' | lp drill --principle $p --count 1 --seed 1 >/dev/null
	done
	lp report --loop onsite --html r.html --force >/dev/null
	! grep -qF 'class="drill-table"' r.html
	[ "$(grep -o '<div class="drill">' r.html | wc -l)" -eq 16 ]
}

@test "story text is escaped in the HTML report" {
	printf -- '---\nuid: x\ntitle: <script>alert(1)</script> & "quotes"\nprinciples: [ownership]\n---\n## Result\nIt fell 40%%.\n' > x.md
	lp add x.md >/dev/null
	run lp report --html r.html
	assert_success
	! grep -q '<script>alert' r.html
	grep -qF '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;' r.html
}

@test "report refuses directories, unwritable paths and existing files" {
	sample_loop
	mkdir out
	run lp report --html out
	assert_failure 2
	assert_output --partial "out: is a directory"
	run lp report --html nosuchdir/r.html
	assert_failure 2
	assert_output --partial "nosuchdir: no such directory"
	chmod 500 out
	if [ "$(id -u)" != 0 ]; then
		run lp report --html out/r.html
		assert_failure 2
	fi
	chmod 700 out
	echo keep > out/r.html
	run lp report --html out/r.html
	assert_failure 2
	assert_output --partial "already exists (use --force to replace it)"
	[ "$(cat out/r.html)" = keep ]
	run lp report --html out/r.html --force
	assert_success
	[ "$(ls -A out)" = "r.html" ]
	run lp report --loop nosuch
	assert_failure 1
	assert_output --partial "no loop 'nosuch'"
	run lp report --html a.html --md b.md
	assert_failure 2
}

@test "a full disk leaves no half report" {
	# Enough stories for a page larger than SQLite's 32 KB -shm file.
	mkdir many
	for i in $(seq 1 300); do story "many/s$i.md" "Story $i" ownership; done
	lp import many >/dev/null
	lp report --html full.html >/dev/null
	[ "$(stat -c %s full.html)" -gt 80000 ]
	run bash -c "ulimit -f 64; '$LPCOACH' report --html big.html"
	assert_failure 2
	assert_output --partial "cannot write"
	[ ! -e big.html ]
	[ "$(ls -A | grep -c '\.tmp$')" -eq 0 ]
}

@test "a story with a secret stops the HTML report without --allow-secrets" {
	printf -- '---\nuid: leak\ntitle: Leaky\n---\n## Action\npassword: hunter2222\n' > l.md
	lp add l.md >/dev/null
	run lp report --html r.html
	assert_failure 2
	assert_output --partial "holds a secret in its Action: pass… ("
	refute_output --partial "hunter2222"
	[ ! -e r.html ]
	run lp report --html r.html --allow-secrets
	assert_success
	! grep -q hunter2222 r.html
}

# verdict_loop: two ready stories of one project in a loop of one round
# (Ownership, Dive Deep), the second saying $1 about the same latency, and
# the plan saved.
verdict_story() {
	printf -- '---\ntitle: %s\nproject: ranking\nprinciples: [%s]\n---\n## Situation\nThe ranking endpoint was slow for our customers.\n## Task\nI had to cut its latency before the holiday peak.\n## Action\nI profiled the service and I rewrote the feature join.\n## Result\n%s\n' \
	    "$2" "$3" "$4" > "$1"
}

verdict_loop() {
	verdict_story a.md "Cut latency" ownership "p99 latency went to 90 ms."
	verdict_story b.md "Found the join" dive-deep "$1"
	lp add a.md b.md >/dev/null
	lp loop new onsite --template empty --date 2026-12-03 >/dev/null
	lp loop round add onsite r1 ownership dive-deep >/dev/null
	lp loop plan onsite >/dev/null
}

@test "verdict: a loop without a saved plan says to plan it" {
	sample_loop
	run lp report --loop onsite
	assert_success
	assert_line --index 0 --partial "not ready: no plan saved; "
	assert_line --index 2 "first: the loop onsite has no saved plan: make one, then review it with"
	assert_line --index 4 "    lpcoach loop plan onsite"
	run lp report --loop onsite --json
	[ "$(echo "$output" | jq -c '[.state, .first_command, (.today | length)]')" = '["not-planned","lpcoach loop plan onsite",3]' ]
	run lp report --json --md r.md
	assert_failure 2
	assert_output --partial "not both"
}

@test "verdict: loop check's problems are counted, the first named with its command" {
	sample_loop
	lp loop plan onsite >/dev/null || true
	run lp loop check onsite
	assert_failure 1
	run lp report --loop onsite
	assert_success
	assert_line --index 0 "not ready: loop check: 6 problems (3 empty slots, 2 stories not ready, 1 contradiction); 12/13 principles covered by a ready story; 0/13 drilled to good; 13 days left"
	assert_line --index 2 "first: coding-1 / Bias for Action: story #12 is not ready: fix what lint finds"
	assert_line --index 3 "    lpcoach lint 12"
	refute_output --partial "ready: 1"
}

@test "verdict: a contradiction between two stories is the first thing to fix" {
	verdict_loop "p99 latency dropped from 340 ms to 85 ms."
	run lp report --loop onsite
	assert_success
	assert_line --index 0 "not ready: loop check: 1 problem (1 contradiction); 2/2 principles covered by a ready story; 0/2 drilled to good; 13 days left"
	assert_line --index 2 --partial "first: stories #1 and #2 of project 'ranking' disagree:"
	assert_output --partial "make them agree"$'\n'"    lpcoach edit 1"$'\n'
	# The same in Markdown and HTML.
	lp report --loop onsite --md r.md >/dev/null
	grep -qF '**not ready: loop check: 1 problem (1 contradiction); ' r.md
	grep -qxF 'lpcoach edit 1' r.md
	lp report --loop onsite --html r.html >/dev/null
	grep -qF '<p class="verdict">not ready: loop check: 1 problem (1 contradiction); ' r.html
	grep -qF '<code>lpcoach edit 1</code>' r.html
	# And for scripts.
	run lp report --loop onsite --json
	assert_success
	[ "$(echo "$output" | jq -r '[.state, .ready, .problems, .first_command] | join(" ")')" = "problems false 1 lpcoach edit 1" ]
	[ "$(echo "$output" | jq -r '.verdict')" = "$(lp report --loop onsite | head -1)" ]
}

@test "verdict: undrilled principles make today's drill, whose command runs" {
	verdict_loop "p99 latency went to 90 ms."
	run lp report --loop onsite
	assert_success
	assert_line --index 0 "not ready: loop check: no problems; 2/2 principles covered by a ready story; 0/2 drilled to good; 13 days left"
	assert_line --index 2 "first: 2 of 2 principles not drilled to good yet: drill today's"
	cmd="lpcoach drill --loop onsite --principle ownership --principle dive-deep --count 2"
	assert_line --index 3 "    $cmd"
	assert_output --partial "== Today"$'\n'"  Ownership                            never drilled"$'\n'"  Dive Deep                            never drilled"$'\n'"    $cmd"$'\n'
	lp report --loop onsite --md r.md >/dev/null
	grep -qxF -- '  - Dive Deep: never drilled' r.md
	grep -qxF "$cmd" r.md
	lp report --loop onsite --html r.html >/dev/null
	grep -qF '<li><strong>Dive Deep</strong>: never drilled</li>' r.html
	grep -qF "<code>$cmd</code>" r.html
	# The command is a real one: it asks those two principles.
	run lp ${cmd#lpcoach } --dry-run --seed 3 --json
	assert_success
	[ "$(echo "$output" | jq -r '[.[].principle] | sort | join(" ")')" = "dive-deep ownership" ]
	# Rated "hard", a principle is still today's.
	printf '\n\n2\n' | lp drill --loop onsite --principle ownership --count 1 --seed 1 >/dev/null
	run lp report --loop onsite
	assert_line --index 0 --partial "; 0/2 drilled to good; "
	assert_output --partial "  Ownership                            last rated hard"
}

@test "verdict: all good is ready, with nothing to drill today" {
	verdict_loop "p99 latency went to 90 ms."
	printf '\n\n3\n\n\n3\n' | lp drill --loop onsite --count 2 --seed 1 >/dev/null
	run lp report --loop onsite
	assert_success
	assert_line --index 0 "ready: loop check: no problems; 2/2 principles covered by a ready story; 2/2 drilled to good; 13 days left"
	assert_line --index 1 "13 days until onsite on 2026-12-03"
	refute_output --partial "first:"
	assert_output --regexp $'== Today\n  nothing to drill today; the next question is due on 2026-11-2[0-9]\n'
	run lp report --loop onsite --json
	assert_success
	[ "$(echo "$output" | jq -c '[.state, .ready, .first, .first_command, .today, .today_command, .days, .drilled, .principles]')" = '["ready",true,null,null,[],null,13,2,2]' ]
	echo "$output" | jq -e '.next_due | test("^2026-11-2[0-9]T")'
	# Days later a question is due again, and today's drill names it.
	LPCOACH_NOW=2026-12-01T09:00:00Z run lp report --loop onsite
	assert_line --index 0 "ready: loop check: no problems; 2/2 principles covered by a ready story; 2/2 drilled to good; 2 days left"
	assert_output --regexp "  (Ownership|Dive Deep) +question [a-z]+-q[0-9]+ due since 2026-1[12]-[0-9]+"
}

@test "verdict: a past loop date reads 'the loop was N days ago'" {
	sample_loop
	lp loop new last --template mle --date 2026-11-01 >/dev/null 2>&1
	run lp report --loop last
	assert_success
	assert_line --index 0 --partial "not ready: the loop was 19 days ago; "
	assert_line --index 1 "the loop last was 19 days ago, on 2026-11-01"
	assert_line --index 2 "first: the loop last was on 2026-11-01: make a loop for the next onsite"
	assert_line --index 3 "    lpcoach loop new NAME --date YYYY-MM-DD"
	lp report --loop last --md r.md >/dev/null
	grep -qF '**not ready: the loop was 19 days ago; ' r.md
	run lp report --loop last --json
	[ "$(echo "$output" | jq -c '[.state, .days, .loop_date]')" = '["past",-19,"2026-11-01"]' ]
}

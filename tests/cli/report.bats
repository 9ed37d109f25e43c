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
	assert_line --index 0 "not ready: 12/13 principles covered by a ready story; 1 weak; 0 missing; loop plan fills 12/15 slots"
	assert_line --index 1 "13 days until onsite on 2026-12-03"
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
	assert_line --index 0 "not started: 0/16 principles covered by a ready story; 0 weak; 16 missing"
	assert_output --partial "Start here: import the samples"
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

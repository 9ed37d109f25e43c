#!/usr/bin/env bats
# The rough edges of issue 14: nothing cut short, answers checked, past
# dates said as past, hints that paste, confirmations, scores said.
load helper

teardown() {
	tmux -L "lpcoach-edges-$$" kill-server 2>/dev/null || true
}

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
	# 40 characters in 45 bytes: a 48-byte buffer once cut it.
	name="ronda de práctica: ñandú, pingüino, café"
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

@test "a past loop is said as past everywhere, and loop new warns of it" {
	run --separate-stderr lp loop new gone --template empty --date 2025-01-01
	assert_success
	[[ "$stderr" == *"warning: --date 2025-01-01 was 688 days ago"* ]]
	lp loop round add gone r frugality >/dev/null
	run lp loop list
	assert_output --partial "2025-01-01 (688 days ago)"
	refute_output --partial -- "-688"
	run lp loop show gone
	assert_output --partial "2025-01-01, 688 days ago"
	run lp report --loop gone
	assert_output --partial "the loop gone was 688 days ago, on 2025-01-01"
	refute_output --partial "days until"
	lp report --loop gone --md r.md >/dev/null
	grep -q "the loop gone was 688 days ago, on 2025-01-01." r.md
	lp report --loop gone --html r.html >/dev/null
	grep -q "on 2025-01-01 (688 days ago)" r.html
	run --separate-stderr lp drill --loop gone --dry-run --seed 1
	assert_success
	[[ "$stderr" == *"the loop gone was 688 days ago, on 2025-01-01"* ]]
	run lp loop new today --template empty --date 2026-11-20
	refute_output --partial warning
	run lp loop list
	assert_output --partial "2026-11-20 (today)"
	run lp loop new soon --template empty --date 2026-11-21
	run lp report --loop soon
	assert_output --partial "1 day until soon on 2026-11-21"
}

@test "a past loop's date caps no drill interval" {
	lp loop new gone --template empty --date 2025-01-01 >/dev/null
	lp loop round add gone r frugality >/dev/null
	printf '\n\n4\n' | lp drill --loop gone --count 1 --seed 1 >/dev/null 2>&1
	due=$(sqlite3 "$LPCOACH_DB" 'SELECT due FROM card')
	[ "$due" -gt "$(date -d '2026-11-20 09:00' +%s)" ]
}

@test "rm names the loop slots a story leaves empty" {
	mock_loop first
	lp loop pin m first frugality 4 --force >/dev/null
	lp loop new other --template empty >/dev/null
	lp loop round add other second frugality >/dev/null
	lp loop plan other >/dev/null
	[ "$(lp loop show other --json | jq '.rounds[0].principles[0].story')" = 4 ]
	run --separate-stderr lp rm 4 --yes
	assert_success
	[[ "$stderr" == *"warning: story 4 is in loop 'm', round 'first', Frugality (pinned); removing it leaves that slot empty"* ]]
	[[ "$stderr" == *"loop 'other', round 'second', Frugality (planned)"* ]]
	run --separate-stderr lp rm 1 --yes
	assert_success
	[[ "$stderr" != *warning* ]]
}

@test "loop rm asks on a terminal and needs --yes otherwise" {
	lp loop new keep --template empty >/dev/null
	run --separate-stderr lp loop rm keep </dev/null
	assert_failure 2
	[[ "$stderr" == *"refusing to remove loop 'keep' without --yes"* ]]
	lp loop show keep >/dev/null
	tm() { tmux -L "lpcoach-edges-$$" "$@"; }
	tm new-session -d -s rm -x 100 -y 20 \
	    "env LPCOACH_DB='$LPCOACH_DB' '$LPCOACH' loop rm keep; echo RM-EXIT=\$?; sleep 30"
	for i in $(seq 1 50); do
		tm capture-pane -p -t rm | grep -q "y/N" && break
		sleep 0.2
	done
	tm send-keys -t rm n Enter
	for i in $(seq 1 50); do
		tm capture-pane -p -t rm | grep -q "RM-EXIT=" && break
		sleep 0.2
	done
	tm capture-pane -p -t rm > screen.txt
	grep -q "remove loop 'keep' (0 rounds)?" screen.txt
	grep -q "nothing was removed" screen.txt
	grep -q "RM-EXIT=0" screen.txt
	lp loop show keep >/dev/null
	run lp loop rm keep --yes
	assert_success
	assert_output "removed loop 'keep'"
	run lp loop rm keep --yes
	assert_failure
}

@test "add, edit and tag say the score, a story made not ready, and empty STAR sections" {
	printf -- '---\ntitle: Thin\nuid: thin\nprinciples: [ownership]\n---\n## Situation\nThe queue grew.\n## Task\nFix it.\n## Action\n\n## Result\nIt fell 40%%.\n' > thin.md
	run --separate-stderr lp add thin.md
	assert_success
	[[ "$output" =~ ^"added 1  Thin  (thin)  score "[0-9]+ ]]
	[[ "$stderr" == *"warning: story 1 has an empty Action"* ]]
	[[ "$stderr" != *"empty Situation"* ]]
	story a.md "Tagged" ownership t1
	lp add a.md >/dev/null
	run lp tag t1 +frugal "Disagree & Commit" -ownership
	assert_success
	assert_output --partial "not ready; it was ready ('lpcoach lint 2' says why)"
	printf '#!/bin/sh\nsed -i "s/^I profiled the job.$//" "$1"\n' > ed.sh
	chmod +x ed.sh
	story b.md "Edited" ownership e1
	lp add b.md >/dev/null
	EDITOR="$PWD/ed.sh" run --separate-stderr lp edit e1
	assert_success
	[[ "$output" =~ ^"saved 3  Edited  score "[0-9]+ ]]
	[[ "$stderr" == *"warning: story 3 has an empty Action"* ]]
}

@test "a word only one principle has names it; role and template in any case" {
	lp import "$SAMPLES" >/dev/null
	run lp tag 4 disagree
	assert_success
	assert_output --partial "Have Backbone; Disagree and Commit"
	run lp principle earth
	assert_success
	assert_output --partial "Strive to be Earth's Best Employer"
	run lp principle best
	assert_failure
	assert_output --partial "did you mean 'Hire and Develop the Best', 'Strive to be Earth's Best Employer' or"
	run lp drill --role MLE --dry-run --count 1 --seed 1
	assert_success
	run lp questions --role Sde
	assert_success
	run lp loop new up --template SDE
	assert_success
	assert_output --partial "(sde template"
	run lp loop show up --json
	[ "$(echo "$output" | jq -r .template)" = sde ]
}

# widest FILE: the display width of FILE's widest line.
widest() {
	# The ellipsis is the only character not of one byte.
	sed 's/…/./g' "$1" | awk '{ if (length($0) > w) w = length($0) } END { print w + 0 }'
}

@test "list fits COLUMNS, the terminal, or nothing" {
	lp import "$SAMPLES" >/dev/null
	unset COLUMNS
	lp list > wide.txt
	# Not a terminal and no COLUMNS: nothing is cut.
	! grep -q "…" wide.txt
	grep -q "Caught silent drift in the fraud model before chargebacks spiked" wide.txt
	grep -q "have-backbone-disagree-and-commit, are-right-a-lot" wide.txt
	COLUMNS=80 lp list > 80.txt
	[ "$(widest 80.txt)" -le 80 ]
	# Too narrow for slugs: the initials of the names.
	grep -Eq '^ +1  Argued for an A/B test .*  HBDC ARAL$' 80.txt
	# Wide enough for the widest row: nothing to fit.
	COLUMNS=$(widest wide.txt) lp list > full.txt
	cmp wide.txt full.txt
	# Room for the slugs beside a title of 40 columns: slugs, titles cut.
	COLUMNS=160 lp list > 160.txt
	[ "$(widest 160.txt)" -le 160 ]
	grep -q "have-backbone-disagree-and-commit, are-right-a-lot" 160.txt
	grep -q "…" 160.txt
	[ "$(COLUMNS=80 lp list --json | sha256sum)" = "$(lp list --json | sha256sum)" ]
	# On a terminal of 70 columns without COLUMNS.
	tm() { tmux -L "lpcoach-edges-$$" "$@"; }
	tm new-session -d -s list -x 70 -y 40 \
	    "env -u COLUMNS LPCOACH_DB='$LPCOACH_DB' NO_COLOR=1 '$LPCOACH' list; echo LIST-DONE; sleep 30"
	for i in $(seq 1 50); do
		# -J joins a wrapped line: a row wider than 70 shows as one.
		tm capture-pane -p -J -t list > tty.txt
		grep -q LIST-DONE tty.txt && break
		sleep 0.2
	done
	grep -q "Halved the GPU" tty.txt
	[ "$(widest tty.txt)" -le 70 ]
	grep -q "…" tty.txt
}

@test "the principles' initials are distinct" {
	all=$(lp principles --json | jq -r '[.[].slug] | join(", ")')
	printf -- '---\ntitle: All\nprinciples: [%s]\n---\n## Action\nI did it.\n' "$all" > all.md
	lp add all.md >/dev/null 2>&1
	row=$(COLUMNS=60 lp list | sed -n 2p)
	inits=$(echo "$row" | sed 's/.*:[0-9][0-9]  //')
	[ "$(echo "$inits" | wc -w)" -eq 16 ]
	[ "$(echo "$inits" | tr ' ' '\n' | sort -u | wc -l)" -eq 16 ]
	[[ "$inits" =~ ^[A-Z\ ]+$ ]]
}

@test "long summary lines are wrapped" {
	lp import "$SAMPLES" >/dev/null
	run sh -c "printf '\n\n1\n\n\n1\n\n\n1\n\n\n1\n\n\n1\n\n\n1\n' | '$LPCOACH' drill --count 6 --seed 3"
	assert_success
	assert_output --partial "principles to revisit:"
	while IFS= read -r l; do
		[ "${#l}" -le 79 ] || fail "too long: $l"
	done <<< "$output"
}

@test "the drill's story list is the best stories, however many there are" {
	mkdir bank
	for i in $(seq 1 70); do
		printf -- '---\ntitle: Weak %s\nuid: weak-%s\nprinciples: [frugality]\n---\n## Action\nWe did it.\n' "$i" "$i" > "bank/w$i.md"
	done
	lp import bank >/dev/null 2>&1
	story best.md "The best one" frugality best
	lp add best.md >/dev/null
	run sh -c "printf '\n\n3\n' | '$LPCOACH' drill --principle frugality --count 1 --seed 1"
	assert_success
	assert_output --partial "your stories for Frugality:"
	# Story 71, past the first 64 by id, comes first.
	echo "$output" | grep -A1 "your stories for Frugality:" | tail -1 | grep -q "#71 .*The best one"
}

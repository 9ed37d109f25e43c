#!/usr/bin/env bats
load helper

@test "a scripted drill records each answer and prints a summary" {
	lp import "$SAMPLES" >/dev/null
	run sh -c "printf '\n\n3\n\n\n1\n\n\neasy\n' | '$LPCOACH' drill --count 3 --seed 7 --principle dive-deep"
	assert_success
	assert_output --partial "1. [Dive Deep]"
	assert_output --partial "follow-up:"
	assert_output --partial "your stories for Dive Deep:"
	assert_output --partial "== summary: 3 questions answered"
	assert_output --partial "ratings: 1 again, 0 hard, 1 good, 1 easy"
	assert_output --partial "principles to revisit: Dive Deep"
	[ "$(sqlite3 "$LPCOACH_DB" 'SELECT count(*) FROM answer')" -eq 3 ]
	[ "$(sqlite3 "$LPCOACH_DB" 'SELECT group_concat(rating) FROM answer ORDER BY id')" = "3,1,4" ]
	[ "$(sqlite3 "$LPCOACH_DB" 'SELECT count(*) FROM card')" -eq 3 ]
}

@test "q or the end of input stops and keeps what was answered" {
	run sh -c "printf '\n\n2\n\nq\n' | '$LPCOACH' drill --count 4 --seed 1"
	assert_success
	assert_output --partial "== summary: 1 question answered"
	[ "$(sqlite3 "$LPCOACH_DB" 'SELECT count(*) FROM answer')" -eq 1 ]
	run sh -c "printf '\n\n' | '$LPCOACH' drill --count 2 --seed 1"
	assert_success
	assert_output --partial "== summary: 0 questions answered"
}

@test "an empty bank still drills and says how to add stories" {
	run sh -c "printf '\n\n4\n' | '$LPCOACH' drill --count 1 --seed 2"
	assert_success
	assert_output --partial "the bank has no stories yet: drilling questions only"
	assert_output --regexp "no story for .* yet: write one with 'lpcoach add'"
}

@test "a bad rating in scripted mode names the line and exits 2" {
	run sh -c "printf '\n\nbrilliant\n' | '$LPCOACH' drill --count 1 --seed 2"
	assert_failure 2
	assert_output --partial "input line 3: 'brilliant' is not a rating (1-4, again, hard, good or easy)"
	[ "$(sqlite3 "$LPCOACH_DB" 'SELECT count(*) FROM answer')" -eq 0 ]
}

@test "a slow answer counts as over time" {
	# The clock starts at the prompt, so wait for it before the slow
	# answer: a slow start (valgrind, a loaded machine) must not count.
	mkfifo in
	"$LPCOACH" drill --count 1 --seed 4 --time 1 <in >out 2>&1 &
	pid=$!
	exec 8>in
	for _ in $(seq 600); do
		grep -q "answer aloud" out && break
		sleep 0.1
	done
	sleep 1.3
	printf '\n\n3\n' >&8
	exec 8>&-
	wait "$pid"
	run cat out
	assert_output --partial "over 1 s: 1"
	[ "$(sqlite3 "$LPCOACH_DB" 'SELECT over_time FROM answer')" -eq 1 ]
}

@test "--dry-run lists the questions without asking or recording" {
	run lp drill --dry-run --count 3 --seed 9 --bar-raiser --json
	assert_success
	[ "$(echo "$output" | jq length)" -eq 3 ]
	[ "$(echo "$output" | jq -r '.[0] | keys_unsorted | join(",")')" = "principle,question_id,text,follow_ups" ]
	[ "$(echo "$output" | jq '[.[].follow_ups | length] | unique')" = "[
  3
]" ]
	first=$(echo "$output" | jq -c '[.[].question_id]')
	[ "$(lp drill --dry-run --count 3 --seed 9 --bar-raiser --json | jq -c '[.[].question_id]')" = "$first" ]
	[ "$(lp drill --dry-run --count 3 --seed 10 --bar-raiser --json | jq -c '[.[].question_id]')" != "$first" ]
	[ ! -e "$LPCOACH_DB" ] || [ "$(sqlite3 "$LPCOACH_DB" 'SELECT count(*) FROM answer')" -eq 0 ]
}

@test "without --seed the seed is printed and replays the drill" {
	run --separate-stderr lp drill --dry-run --count 4 --json
	seed=$(echo "$stderr" | sed -n 's/^lpcoach: seed \([0-9]*\) .*/\1/p')
	[ -n "$seed" ]
	[ "$(lp drill --dry-run --count 4 --seed "$seed" --json | jq -c .)" = "$(echo "$output" | jq -c .)" ]
}

@test "--stats and --due report the history" {
	export LPCOACH_NOW=2026-11-20T09:00:00Z
	printf '\n\n1\n\n\n3\n' | lp drill --count 2 --seed 7 --principle frugality >/dev/null
	run lp drill --stats --json
	assert_success
	[ "$(echo "$output" | jq length)" -eq 16 ]
	[ "$(echo "$output" | jq -r '.[] | select(.principle == "frugality") | "\(.drilled) \(.last_rating)"')" = "2 3" ]
	[ "$(echo "$output" | jq -r '.[] | select(.principle == "ownership") | "\(.drilled) \(.last_rating) \(.next_due)"')" = "0 null null" ]
	echo "$output" | jq -r '.[] | select(.principle == "frugality") | .next_due' | grep -Eq '^2026-11-20T[0-9:]{8}[+-][0-9]{2}:[0-9]{2}$'
	run lp drill --due --json
	[ "$(echo "$output" | jq length)" -eq 1 ]
	LPCOACH_NOW=2026-11-30T09:00:00Z run lp drill --due --json
	[ "$(echo "$output" | jq length)" -eq 2 ]
	run lp drill --stats
	assert_line --regexp '^Frugality +2 +good +[0-9]+ +- +2026-11-'
}

@test "--stats gives next_due in the local zone, the same instant in every zone" {
	# The helper fixes TZ=UTC; this test sets its own zones.
	printf '\n\n3\n' | lp drill --count 1 --seed 7 --principle frugality >/dev/null
	due() {
		TZ=$1 lp drill --stats --json | jq -r '.[] | select(.principle == "frugality") | .next_due'
	}
	utc=$(due UTC)
	east=$(due Pacific/Kiritimati)
	west=$(due Pacific/Pago_Pago)
	[[ "$utc" == *+00:00 ]] || fail "UTC: $utc"
	[[ "$east" == *+14:00 ]] || fail "Kiritimati: $east"
	[[ "$west" == *-11:00 ]] || fail "Pago Pago: $west"
	[ "$(date -d "$east" +%s)" = "$(date -d "$utc" +%s)" ]
	[ "$(date -d "$west" +%s)" = "$(date -d "$utc" +%s)" ]
}

@test "due questions come first, most overdue first" {
	export LPCOACH_NOW=2026-11-20T09:00:00Z
	printf '\n\n1\n\n\n1\n' | lp drill --count 2 --seed 3 --principle ownership >/dev/null
	order=$(sqlite3 "$LPCOACH_DB" 'SELECT question_id FROM card ORDER BY due, question_id' | tr '\n' ' ')
	LPCOACH_NOW=2026-11-25T09:00:00Z run lp drill --dry-run --count 3 --seed 5 --json
	[ "$(echo "$output" | jq -r '.[0:2] | map(.question_id) | join(" ")') " = "$order" ]
}

@test "a loop caps intervals at the day before the interview" {
	export LPCOACH_NOW=2026-11-20T09:00:00Z
	lp loop new soon --template empty --date 2026-11-23 >/dev/null
	lp loop round add soon r frugality >/dev/null
	printf '\n\n4\n' | lp drill --loop soon --count 1 --seed 1 >/dev/null
	due=$(sqlite3 "$LPCOACH_DB" 'SELECT due FROM card')
	cap=$(date -d '2026-11-22 12:00' +%s)
	[ "$due" -le "$cap" ]
	[ "$(sqlite3 "$LPCOACH_DB" 'SELECT loop FROM answer')" = soon ]
}

@test "--mock runs the planned loop round by round" {
	lp import "$SAMPLES" >/dev/null
	lp loop new m --template empty >/dev/null
	lp loop round add m first frugality >/dev/null
	lp loop round add m bar-raiser dive-deep >/dev/null
	lp loop plan m >/dev/null
	run sh -c "printf '\n\ny\n3\n\n\n\n\nn\n2\n' | '$LPCOACH' drill --loop m --mock --seed 3"
	assert_success
	assert_output --partial "== first"
	assert_output --partial "== bar-raiser"
	# One follow-up in the first round, three in the bar raiser's.
	[ "$(echo "$output" | sed -n '/== first/,/== bar-raiser/p' | grep -c 'follow-up:')" -eq 1 ]
	[ "$(echo "$output" | sed -n '/== bar-raiser/,$p' | grep -c 'follow-up:')" -eq 3 ]
	assert_output --partial "the plan tells #4 here"
	assert_output --partial "planned stories recalled: 1 (#4 in first)"
	assert_output --partial "planned stories missed: 1"
	assert_output --partial "rounds over time: none"
	[ "$(sqlite3 "$LPCOACH_DB" "SELECT group_concat(round) FROM answer ORDER BY id")" = "first,bar-raiser" ]
}

# Two stories of one project for Dive Deep: the first with a figure, a
# "we" in the Action and no Reflection; the second says it plainly.
two_stories() {
	cat > rollout.md <<'EOS'
---
title: Rolled out the ranking cache
principles: [dive-deep]
project: ranker
---
## Situation
The ranking service was slow for our users.
## Action
I profiled the service and found the lock. We rolled it out to every region over a week.
## Result
p99 latency fell from 340 ms to 85 ms.
EOS
	cat > pager.md <<'EOS'
---
title: Cut the pager noise
principles: [dive-deep]
project: ranker
---
## Situation
The ranking team was paged every night.
## Action
I traced the alerts to one flaky probe and I removed it.
## Result
Pages fell from 30 a week to 4.
## Reflection
Look at the noisiest alert first: it is usually one cause.
EOS
	lp add rollout.md >/dev/null
	lp add pager.md >/dev/null
}

@test "a follow-up quotes the story the drill is about" {
	two_stories
	lp rm "Cut the pager" --yes >/dev/null
	run sh -c "printf '\n\n3\n' | '$LPCOACH' drill --count 1 --seed 5 --principle dive-deep"
	assert_success
	assert_output --regexp 'follow-up: (You said "(p99 latency fell from 340 ms to 85 ms|We rolled it out to every region over a week)"|Your story stops at the result|Looking back on it)'
	# The same seed asks the same; the seeds between them ask of each fact.
	run lp drill --dry-run --count 1 --seed 5 --principle dive-deep --json
	[ "$(lp drill --dry-run --count 1 --seed 5 --principle dive-deep --json)" = "$output" ]
	for seed in 1 2 3 4 5 6 7 8 9 10 11 12; do
		lp drill --dry-run --count 1 --seed $seed --principle dive-deep --json | jq -r '.[0].follow_ups[0]'
	done > asked
	grep -q 'You said "p99 latency fell from 340 ms to 85 ms"' asked
	grep -q 'You said "We rolled it out to every region over a week"' asked
	grep -q 'what would you do differently?' asked
}

@test "--bar-raiser asks three follow-ups, the first two from the story" {
	two_stories
	lp rm "Cut the pager" --yes >/dev/null
	run sh -c "printf '\n\n\n\n3\n' | '$LPCOACH' drill --count 1 --seed 2 --principle dive-deep --bar-raiser"
	assert_success
	[ "$(echo "$output" | grep -c 'follow-up:')" -eq 3 ]
	assert_output --partial "== summary: 1 question answered"
	run lp drill --dry-run --count 2 --seed 2 --principle dive-deep --bar-raiser
	assert_success
	# The ladder: a fact's probe, the one below it on its topic, another fact.
	[ "$(echo "$output" | sed -n '4,$p' | grep -c '^   follow-up \(fig\|we\|refl\)-[12] ')" -ge 3 ]
	first=$(echo "$output" | sed -n 's/^   follow-up \([a-z]*\)-1 .*/\1/p' | head -1)
	second=$(echo "$output" | sed -n 's/^   follow-up \([a-z]*\)-2 .*/\1/p' | head -1)
	[ -n "$first" ] && [ "$first" = "$second" ]
}

@test "the follow-ups come from the story the loop plans, else the best" {
	two_stories
	lp loop new m --template empty >/dev/null
	lp loop round add m first dive-deep >/dev/null
	best=$(lp drill --dry-run --count 1 --seed 4 --principle dive-deep --bar-raiser --json | jq -r '.[0].follow_ups | join("\n")')
	for pin in "Rolled out" "Cut the pager"; do
		lp loop pin m first dive-deep "$pin" --force >/dev/null
		lp drill --dry-run --loop m --count 1 --seed 4 --principle dive-deep --bar-raiser --json | jq -r '.[0].follow_ups | join("\n")' > "asked-$pin"
	done
	grep -q 'p99 latency fell from 340 ms to 85 ms\|We rolled it out\|do differently' "asked-Rolled out"
	grep -q 'Pages fell from 30 a week to 4' "asked-Cut the pager"
	! grep -q 'p99 latency\|We rolled it out' "asked-Cut the pager"
	# Without a plan, the story listed first for the principle.
	top=$(printf '\n\n\n\n3\n' | lp drill --count 1 --seed 4 --principle dive-deep --bar-raiser | sed -n '/your stories for Dive Deep:/{n;p}' | sed 's/^ *#[0-9]* *[0-9]*. //')
	case "$top" in
	"Rolled out"*) [ "$best" = "$(cat "asked-Rolled out")" ] ;;
	*) [ "$best" = "$(cat "asked-Cut the pager")" ] ;;
	esac
	# The mock asks of the story planned for the slot.
	run sh -c "printf '\n\nn\n3\n' | '$LPCOACH' drill --loop m --mock --seed 4"
	assert_success
	assert_output --partial "the plan tells #2 here"
	refute_output --partial 'p99 latency fell'
	refute_output --partial 'We rolled it out'
}

@test "a number another story of the project gives otherwise is asked first" {
	two_stories
	sed -e 's/Cut the pager noise/Tuned the ranking cache/' -e 's/Pages fell from 30 a week to 4./p99 latency fell from 340 ms to 120 ms./' pager.md > other.md
	lp rm "Cut the pager" --yes >/dev/null
	lp add other.md >/dev/null
	for seed in 1 2 3; do
		lp drill --dry-run --count 1 --seed $seed --principle dive-deep --json | jq -r '.[0].follow_ups[0]'
	done > asked
	[ "$(grep -c 'of the same project\|about the same project' asked)" -eq 3 ]
	grep -q '"p99 latency fell from 340 ms to 85 ms"' asked
	grep -q '"p99 latency fell from 340 ms to 120 ms"' asked
}

@test "with no story the probes fit the question" {
	# A disagreement is not asked about its biggest risk.
	for seed in 1 2 3 4 5 6 7 8; do
		lp drill --dry-run --count 8 --seed $seed --principle have-backbone-disagree-and-commit --json
	done | jq -r '.[].follow_ups[]' > asked
	[ -s asked ]
	! grep -q 'single biggest risk' asked
}

@test "drill errors exit 2" {
	for bad in 0 -3 many; do
		run lp drill --count "$bad" --dry-run
		assert_failure 2
		assert_output --partial "--count takes a whole number"
	done
	run lp drill --principle frugalty --dry-run
	assert_failure 2
	assert_output --partial "did you mean 'Frugality'"
	run lp drill --role ceo --dry-run
	assert_failure 2
	assert_output --partial "unknown role 'ceo'"
	run lp drill --loop nosuch --dry-run
	assert_failure 1
	assert_output --partial "no loop 'nosuch'"
	run lp drill --mock
	assert_failure 2
	run lp drill --json
	assert_failure 2
}

@test "drill refuses options that make no sense together" {
	lp import "$SAMPLES" >/dev/null
	lp loop new l --template mle >/dev/null
	run lp drill --stats --due
	assert_failure 2
	assert_output --partial "give --due or --stats, not both"
	run lp drill --dry-run --stats
	assert_failure 2
	run lp drill --mock --loop l --dry-run --json
	assert_failure 2
	assert_output --partial "--json does not go with --mock"
	run lp drill --mock --loop l --stats
	assert_failure 2
	run lp drill --json
	assert_failure 2
	assert_output --partial "--json goes with --dry-run, --stats or --due"
}

@test "an answer line too long is refused whole, not read in pieces" {
	lp import "$SAMPLES" >/dev/null
	run bash -c "{ head -c 10000000 /dev/zero | tr '\\0' x; printf '\\nf\\n3\\n'; } | '$LPCOACH' drill --count 1 --seed 3 --no-timer"
	assert_failure 2
	assert_output --partial "input line 1 is longer than 65536 bytes; nothing of it was kept"
	refute_output --partial "is not a rating"
	[ "$(sqlite3 "$LPCOACH_DB" 'SELECT count(*) FROM answer')" -eq 0 ]
}

@test "a rating with a NUL byte is not a rating" {
	lp import "$SAMPLES" >/dev/null
	run bash -c "printf 'a\\nb\\n3\\0\\n' | '$LPCOACH' drill --count 1 --seed 3 --no-timer"
	assert_failure 2
	assert_output --partial "input line 3 holds a NUL byte"
	[ "$(sqlite3 "$LPCOACH_DB" 'SELECT count(*) FROM answer')" -eq 0 ]
}

@test "when the output fails, the drill says the rated answers were kept" {
	lp import "$SAMPLES" >/dev/null
	run bash -c "printf 'a\\nb\\n3\\nq\\n' | '$LPCOACH' drill --count 2 --seed 3 --no-timer > /dev/full"
	assert_failure 2
	assert_output --partial "the 1 answer rated before the output failed is kept in the bank"
	assert_output --partial "cannot write to standard output"
	[ "$(sqlite3 "$LPCOACH_DB" 'SELECT count(*) FROM answer')" -eq 1 ]
}

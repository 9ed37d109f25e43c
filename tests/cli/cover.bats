#!/usr/bin/env bats
load helper

status_of() { # principle slug: its status in cover --json
	echo "$output" | jq -r --arg s "$1" '.principles[] | select(.slug == $s) | .status'
}

@test "cover gives every principle a status from the sample bank" {
	lp import "$SAMPLES" >/dev/null
	run lp cover --json
	assert_success
	[ "$(echo "$output" | jq '.principles | length')" -eq 16 ]
	[ "$(status_of customer-obsession)" = ok ]	# two ready stories
	[ "$(status_of frugality)" = thin ]		# one ready story
	[ "$(status_of think-big)" = weak ]		# one story, not ready
	[ "$(status_of strive-to-be-earths-best-employer)" = thin ]
	[ "$(echo "$output" | jq .distinct_stories)" -eq 14 ]
	# Ready as lint and list judge it, not a number of its own.
	ready=$(lp list --json | jq '[.[] | select(.ready)] | length')
	[ "$ready" -ge 8 ]
	[ "$(echo "$output" | jq .ready_stories)" -eq "$ready" ]
	[ "$(echo "$output" | jq -r '.principles[0].stories[0] | keys_unsorted | join(",")')" = "id,title,score,ready" ]
	[ "$(echo "$output" | jq -r '.warnings[0]')" = "14 distinct stories; aim for 16, one for each principle" ]
	# A principle no story is tagged with is missing.
	lp tag wellbeing-on-call-pages -strive-to-be-earths-best-employer >/dev/null
	run lp cover --json
	[ "$(status_of strive-to-be-earths-best-employer)" = missing ]
}

@test "cover warns when most ready stories come from one project" {
	for i in 1 2 3; do
		story "s$i.md" "Ranking story $i" dive-deep "r$i"
		sed -i 's/^principles:/project: ranking\nprinciples:/' "s$i.md"
	done
	story s4.md "Other story" ownership o1
	lp add s1.md s2.md s3.md s4.md >/dev/null
	run lp cover --json
	echo "$output" | jq -r '.warnings[]' > warnings.txt
	grep -q "^3 of 4 ready stories come from project 'ranking'" warnings.txt
	grep -q "no story has a Reflection saying what you would do differently" warnings.txt
	# A reflection that says what would change clears that warning.
	printf '## Reflection\nNext time I would measure first.\n' >> s4.md
	lp import s4.md >/dev/null
	run lp cover --json
	refute_output --partial "would do differently"
}

@test "cover --loop covers only the loop's principles and --strict fails on missing" {
	lp import "$SAMPLES" >/dev/null
	lp tag wellbeing-on-call-pages -strive-to-be-earths-best-employer >/dev/null
	lp loop new small --template empty >/dev/null
	lp loop round add small r1 frugality "Earth's best employer" >/dev/null
	run lp cover --loop small --json
	assert_success
	[ "$(echo "$output" | jq -r '[.principles[].slug] | join(",")')" = "frugality,strive-to-be-earths-best-employer" ]
	run lp cover --loop small --strict
	assert_failure 1
	run lp cover --loop nosuch
	assert_failure 1
	assert_output --partial "no loop 'nosuch'"
}

@test "the matrix fits 80 columns for 20 stories and pages beyond" {
	for i in $(seq 1 25); do story "s$i.md" "Story number $i" ownership "u$i"; done
	lp add s*.md >/dev/null
	run lp cover
	assert_success
	[ "$(echo "$output" | LC_ALL=C.UTF-8 wc -L)" -le 80 ]
	assert_output --partial "stories 21 to 25 of 25"
	assert_line --regexp '^Ownership +ok +(● ){19}●$'
}

@test "the matrix of a 2,000-story bank marks each story in each of its rows" {
	# Each cell was found by a walk of the row's stories: quadratic in
	# the bank (100,000 stories took 13.6 s of CPU); now a table.
	"${GENCORPUS:-$TOP/build/plain/gencorpus}" 2000 corpus 42 >/dev/null
	lp import corpus >/dev/null
	run lp cover
	assert_success
	assert_output --partial "stories 1981 to 2000 of 2000"
	lp list --json > list.json
	for p in dive-deep ownership; do
		name=$(lp principle "$p" | head -n 1 | sed "s/  (.*//")
		want=$(jq --arg p "$p" '[.[] | select(.principles | index($p))] | length' list.json)
		got=$(printf '%s\n' "$output" | grep "^$name " | grep -o '[●○]' | wc -l)
		[ "$got" -eq "$want" ] || fail "$name: $got marks, $want stories"
	done
}

@test "cover colours only when asked" {
	lp import "$SAMPLES" >/dev/null
	run lp cover
	refute_output --partial $'\e['
	run lp --color=always cover
	assert_output --partial $'\e[32m'
}

@test "an empty bank gets a useful coverage" {
	run lp cover --json
	assert_success
	[ "$(echo "$output" | jq '[.principles[] | select(.status == "missing")] | length')" -eq 16 ]
	run lp cover --strict
	assert_failure 1
	assert_output --partial "0 of 16 principles have a ready story"
}

# The bank's main questions of principle $1 (all with no argument).
main_questions() {
	if [ -n "${1:-}" ]; then
		lp questions --principle "$1" --json
	else
		lp questions --json
	fi | jq '[.[] | select(.kind == "question")] | length'
}

@test "cover --questions gives each question its best story and fit, grouped by principle, then the lists" {
	lp import "$SAMPLES" >/dev/null
	run lp cover --questions
	assert_failure 1	# the samples leave some questions unanswered
	n=$(main_questions)
	[ "$n" -eq 208 ]
	# One line a question before the lists: id, then #story or '-', then a fit.
	body=$(echo "$output" | sed '/^unanswered/,$d')
	[ "$(echo "$body" | grep -cE '^  [a-z]+-q[0-9]+ +(#[0-9]+ +(good|partial) |- +none$)')" -eq "$n" ]
	[ "$(echo "$body" | grep -cE '^  [a-z]+-q[0-9]+ ')" -eq "$n" ]
	# Grouped: each principle's name heads its questions, in catalogue order.
	[ "$(echo "$body" | sed -n 1p)" = "Customer Obsession" ]
	echo "$body" | grep -qx "Frugality"
	[ "$(echo "$body" | grep -cvE '^  |^$')" -eq 16 ]
	# The lists and the counts agree with --json.
	text=$output
	run lp cover --questions --json
	assert_failure 1
	json=$output
	u=$(echo "$json" | jq '.counts.unanswered')
	s=$(echo "$json" | jq '.counts.one_good_answer')
	a=$(echo "$json" | jq '.counts.answered')
	[ "$u" -gt 0 ] && [ "$s" -gt 0 ]
	echo "$text" | grep -qx "unanswered: no story answers well ($u):"
	echo "$text" | grep -qx "only one good answer ($s):"
	[ "$(echo "$text" | tail -1)" = "$a of $n questions answered well; $u unanswered, $s with only one good answer" ]
	# Each unanswered question is listed with its text.
	q=$(echo "$json" | jq -r '.unanswered[0]')
	t=$(lp questions --json | jq -r --arg q "$q" '.[] | select(.id == $q) | .text' | cut -c1-40)
	echo "$text" | sed -n '/^unanswered/,/^only one/p' | grep -qF "$q  $t"
}

@test "cover --questions --json: a good answer is a story tagged with the question's principle that has its words" {
	lp import "$SAMPLES" >/dev/null
	lp list --json > list.json
	run lp cover --questions --json
	assert_failure 1
	echo "$output" > q.json
	jq -e '(.questions | length) == 208 and .counts.questions == 208' q.json
	jq -e 'all(.questions[]; .fit == "good" or .fit == "partial" or .fit == "none")' q.json
	# fit follows good_answers, and a story is shown unless the fit is none.
	jq -e 'all(.questions[]; (.fit == "good") == (.good_answers > 0))' q.json
	jq -e 'all(.questions[]; (.story == null) == (.fit == "none"))' q.json
	# The lists are the questions with no good answer, and with one.
	jq -e '[.questions[] | select(.good_answers == 0) | .id] == .unanswered' q.json
	jq -e '[.questions[] | select(.good_answers == 1) | .id] == .one_good_answer' q.json
	jq -e '.counts.answered + .counts.unanswered == .counts.questions' q.json
	jq -e '.counts.unanswered == (.unanswered | length) and .counts.one_good_answer == (.one_good_answer | length)' q.json
	# Each good best story is tagged with the question's principle, as
	# list sees it, and matched some of the question's words.
	jq -e --slurpfile l list.json 'all(.questions[] | select(.fit == "good");
	    .principle as $p | .story.id as $id | (.story.terms | length) > 0 and
	    ($l[0] | any(.[]; .id == $id and (.principles | index($p)))))' q.json
	[ "$(jq -r '.questions[0].story | keys_unsorted | join(",")' q.json)" = "id,uid,title,score,lint,ready,terms" ]
	# The best story is the one match ranks first among the good ones:
	# for a question with one good answer, match lists it.
	id=$(jq -r '.one_good_answer[0]' q.json)
	text=$(jq -r --arg q "$id" '.questions[] | select(.id == $q) | .text' q.json)
	sid=$(jq -r --arg q "$id" '.questions[] | select(.id == $q) | .story.id' q.json)
	lp match --json -n 100 "$text" | jq -e --argjson s "$sid" 'any(.stories[]; .id == $s)'
}

@test "cover --questions --principle takes only those principles, and exits 0 when each question has a good answer" {
	lp import "$SAMPLES" >/dev/null
	run lp cover --questions --principle dive --json
	[ "$(echo "$output" | jq '.questions | length')" -eq "$(main_questions dive-deep)" ]
	echo "$output" | jq -e 'all(.questions[]; .principle == "dive-deep")'
	run lp cover --questions --principle frugality --principle "Dive Deep" --json
	[ "$(echo "$output" | jq -r '[.questions[].principle] | unique | join(",")')" = "dive-deep,frugality" ]
	# A story that tells every Frugality question's words answers them all.
	lp questions --principle frugality --json | jq -r '.[] | select(.kind == "question") | .text' > words.txt
	{
		printf -- '---\ntitle: Everything frugal\nprinciples: [frugality]\n---\n'
		printf '## Situation\nThe bill grew.\n## Action\n'
		cat words.txt
		printf '## Result\nIt fell 40%%.\n'
	} > frugal.md
	lp add frugal.md >/dev/null
	run lp cover --questions --principle frugality
	assert_success
	n=$(main_questions frugality)
	assert_line --regexp "^$n of $n questions answered well; 0 unanswered, [0-9]+ with only one good answer\$"
	assert_line "unanswered: no story answers well (0):"
	# --principle narrows the principle matrix the same way.
	run lp cover --principle frugality --json
	[ "$(echo "$output" | jq -r '[.principles[].slug] | join(",")')" = frugality ]
	# With --loop, the loop's principles that are also given.
	lp loop new small --template empty >/dev/null
	lp loop round add small r1 frugality ownership >/dev/null
	run lp cover --questions --loop small --principle ownership --principle dive --json
	[ "$(echo "$output" | jq -r '[.questions[].principle] | unique | join(",")')" = ownership ]
}

@test "cover --questions on an empty bank says how to add stories; an unknown principle is a usage error" {
	run lp cover --questions
	assert_failure 1
	assert_output --partial "the bank has no stories: add some with 'lpcoach add FILE.md'"
	run lp cover --questions --json
	assert_failure 1
	run lp cover --questions --principle nosuch
	assert_failure 2
	assert_output --partial "unknown principle 'nosuch'"
	run lp cover --questions --loop nosuch
	assert_failure 1
	assert_output --partial "no loop 'nosuch'"
}

@test "the report's coverage section counts the questions answered well, in every format" {
	lp import "$SAMPLES" >/dev/null
	run lp cover --questions --json
	a=$(echo "$output" | jq .counts.answered)
	u=$(echo "$output" | jq .counts.unanswered)
	s=$(echo "$output" | jq .counts.one_good_answer)
	line="Questions: $a of 208 answered well by a story; $u unanswered, $s with only one good answer (see 'lpcoach cover --questions')"
	run lp report
	assert_success
	# Wrapped at 79 columns in the terminal.
	echo "$output" | sed -n '/^== Coverage/,/^== /p' | tr '\n' ' ' | grep -qF "$line"
	lp report --md r.md >/dev/null
	grep -qxF "$line" r.md
	lp report --html r.html >/dev/null
	grep -qF "$(echo "$line" | sed "s/'/\&#39;/g")" r.html
	# An empty bank answers none of them.
	rm -f "$LPCOACH_DB"
	run lp report
	echo "$output" | tr '\n' ' ' | grep -qF "Questions: 0 of 208 answered well by a story; 208 unanswered, 0 with only one good answer"
}

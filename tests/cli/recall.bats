#!/usr/bin/env bats
# Which story answers a drill's question (issue 15 section 3): the stories
# shown after an answer, --recall, the story told kept with the rating,
# match's use of it, and rm.  The stories that fit are read from
# 'lpcoach match', never written here.
load helper

setup() {
	hermetic_setup
	lp import "$SAMPLES" >/dev/null
}

# The text of the first question a seeded frugality drill asks.
question() {
	lp drill --count 1 --seed 5 --principle frugality --dry-run --json |
	    jq -r '.[0].text'
}

# The ids match ranks first for question text $1, one per line.
fits() {
	lp match "$1" -n 3 --json | jq -r '.stories[].id'
}

# Runs the seeded frugality drill with --recall, naming $1, rating $2.
recall_drill() {
	run sh -c "printf '%s\n\n\n%s\n' '$1' '$2' | '$LPCOACH' drill --count 1 --seed 5 --principle frugality --recall"
}

@test "--recall: a story match ranks first fits, and is kept with the rating" {
	best=$(fits "$(question)" | head -1)
	recall_drill "$best" 3
	assert_success
	assert_output --partial "which story would you tell?"
	assert_output --regexp "#$best \(.*\) fits: match ranks it 1 of 3"
	[ "$(sqlite3 "$LPCOACH_DB" 'SELECT story_id, recall, rating FROM answer')" = "$best|1|3" ]
}

@test "--recall: a story match does not rank in its first three does not fit" {
	q=$(question)
	fit=$(fits "$q" | tr '\n' ' ')
	for id in $(seq 1 14); do
		case " $fit" in *" $id "*) ;; *) other=$id; break ;; esac
	done
	recall_drill "$other" 2
	assert_success
	assert_output --partial "#$other ("
	flat=$(printf '%s\n' "$output" | tr '\n' ' ' | tr -s ' ')
	case $flat in *"does not fit this question well: the stories that fit are, best first,"*) ;; *) fail "$flat" ;; esac
	for id in $fit; do
		assert_output --partial "#$id"
	done
	[ "$(sqlite3 "$LPCOACH_DB" 'SELECT story_id, recall FROM answer')" = "$other|0" ]
}

@test "--recall takes a title prefix and an empty line names none" {
	recall_drill "halved the gpu" 3
	assert_success
	id=$(sqlite3 "$LPCOACH_DB" 'SELECT story_id FROM answer')
	[ "$(lp show "$id" --json | jq -r .title)" = "Halved the GPU bill for nightly retraining" ]
	recall_drill "" 3
	assert_success
	assert_output --partial "none named: the stories that fit are"
	[ "$(sqlite3 "$LPCOACH_DB" 'SELECT quote(story_id), recall FROM answer ORDER BY id DESC LIMIT 1')" = "NULL|0" ]
}

@test "--recall: a story that is not there is an error naming the line, nothing kept" {
	recall_drill "no such story" 3
	assert_failure 2
	assert_output --partial "input line 1: no story 'no such story'"
	[ "$(sqlite3 "$LPCOACH_DB" 'SELECT count(*) FROM answer')" -eq 0 ]
	# Several titles start with C: ambiguous.
	recall_drill "C" 3
	assert_failure 2
	assert_output --partial "input line 1:"
	[ "$(sqlite3 "$LPCOACH_DB" 'SELECT count(*) FROM answer')" -eq 0 ]
}

@test "--recall does not go with --dry-run, --due or --stats" {
	for o in --dry-run --due --stats; do
		run lp drill --recall "$o"
		assert_failure 2
		assert_output --partial "--recall asks questions: it does not go with $o"
	done
}

@test "with --loop the planned story comes first, marked, then the best match" {
	lp loop new l --template empty >/dev/null
	lp loop round add l r frugality >/dev/null
	lp loop plan l >/dev/null
	planned=$(lp loop show l --json | jq -r '.rounds[0].principles[0].story')
	[ "$planned" -gt 0 ]
	run sh -c "printf '\n\n3\n' | '$LPCOACH' drill --loop l --count 1 --seed 5 --principle frugality"
	assert_success
	# The first story after the header is the planned one, so marked.
	first=$(printf '%s\n' "$output" | sed -n '/^your stories for Frugality:/{n;N;p;}')
	case $first in *"#$planned "*"[planned]"*) ;; *) fail "first: $first" ;; esac
	best=$(fits "$(question)" | head -1)
	if [ "$best" != "$planned" ]; then
		printf '%s\n' "$output" | grep -A1 "^  #$best " | grep -q '\[best match'
	fi
}

@test "--mock --recall: naming the planned story counts as recalled, no y/n asked" {
	lp loop new m --template empty >/dev/null
	lp loop round add m first frugality >/dev/null
	lp loop plan m >/dev/null
	planned=$(lp loop show m --json | jq -r '.rounds[0].principles[0].story')
	run sh -c "printf '$planned\n\n\n3\n' | '$LPCOACH' drill --loop m --mock --seed 3 --recall"
	assert_success
	assert_output --partial "it is the planned story"
	refute_output --partial "did you tell it?"
	assert_output --partial "planned stories recalled: 1 (#$planned in first)"
	[ "$(sqlite3 "$LPCOACH_DB" 'SELECT story_id FROM answer')" = "$planned" ]
}

@test "--mock without --recall keeps the planned story when you told it" {
	lp loop new m --template empty >/dev/null
	lp loop round add m first frugality >/dev/null
	lp loop round add m second dive-deep >/dev/null
	lp loop plan m >/dev/null
	planned=$(lp loop show m --json | jq -r '.rounds[0].principles[0].story')
	run sh -c "printf '\n\ny\n3\n\n\nn\n3\n' | '$LPCOACH' drill --loop m --mock --seed 3"
	assert_success
	[ "$(sqlite3 "$LPCOACH_DB" 'SELECT group_concat(quote(story_id)) FROM (SELECT story_id FROM answer ORDER BY id)')" = "$planned,NULL" ]
}

@test "match ranks a story rated good for a question higher; rm removes the pair" {
	q=$(question)
	fit=$(fits "$q" | tr '\n' ' ')
	# The story match ranks last of all for the question, below the top 3.
	last=$(lp match "$q" -n 1000 --json | jq -r '.stories[-1].id')
	case " $fit" in *" $last "*) fail "$last is in the top 3: $fit" ;; esac
	before=$(lp match "$q" -n 1000 --json | jq ".stories | map(.id) | index($last)")
	recall_drill "$last" 4
	assert_success
	run lp match "$q" -n 1000 --json
	after=$(echo "$output" | jq ".stories | map(.id) | index($last)")
	[ "$(echo "$output" | jq ".stories[] | select(.id == $last) | .rated_good")" -eq 1 ]
	[ "$after" -lt "$before" ]
	run lp match "$q" -n 1000
	assert_output --partial "told for this question in drills and rated good 1 time"
	# A rating of hard is no evidence.
	recall_drill "$last" 2
	[ "$(lp match "$q" -n 1000 --json | jq ".stories[] | select(.id == $last) | .rated_good")" -eq 1 ]
	lp rm "$last" --yes >/dev/null
	[ "$(sqlite3 "$LPCOACH_DB" 'SELECT count(*) FROM answer')" -eq 2 ]
	[ "$(sqlite3 "$LPCOACH_DB" 'SELECT count(*) FROM answer WHERE story_id IS NOT NULL')" -eq 0 ]
	[ "$(lp drill --stats --json | jq '.[] | select(.principle == "frugality") | .drilled')" -eq 2 ]
}

@test "--stats shows how often the named story fit" {
	best=$(fits "$(question)" | head -1)
	recall_drill "$best" 3
	recall_drill "" 3
	run lp drill --stats
	assert_success
	assert_line --partial "RECALL"
	assert_line --regexp '^Frugality +2 +good +[0-9]+ +1/2 '
	run lp drill --stats --json
	[ "$(echo "$output" | jq -c '.[] | select(.principle == "frugality") | [.named, .named_fit]')" = "[2,1]" ]
	[ "$(echo "$output" | jq -c '.[] | select(.principle == "ownership") | [.named, .named_fit]')" = "[0,0]" ]
}

@test "a pinned story that is not the best match: planned first, then the best match, marked" {
	best=$(fits "$(question)" | head -1)
	other=$(( best == 13 ? 12 : 13 ))
	lp loop new l --template empty >/dev/null
	lp loop round add l r frugality >/dev/null
	lp loop pin l r frugality "$other" --force >/dev/null
	run sh -c "printf '\n\n3\n' | '$LPCOACH' drill --loop l --count 1 --seed 5 --principle frugality"
	assert_success
	stories=$(printf '%s\n' "$output" | sed -n '/^your stories for Frugality:/,/^rate your answer/p')
	first=$(printf '%s\n' "$stories" | sed -n '2,3p')
	case $first in *"#$other "*"[planned]"*) ;; *) fail "first: $first" ;; esac
	printf '%s\n' "$stories" | grep -A1 "^  #$best " | grep -q '\[best match: ' ||
		fail "no best match mark for #$best: $stories"
}

@test "the report shows how often the named story fit" {
	best=$(fits "$(question)" | head -1)
	recall_drill "$best" 3
	recall_drill "" 3
	run lp report
	assert_success
	flat=$(printf '%s\n' "$output" | tr '\n' ' ' | tr -s ' ')
	[[ $flat =~ "Frugality 2 drilled, last rating 3, "[0-9]+" s on average; named a fitting story 1 of 2" ]] ||
		fail "$flat"
	lp report --md r.md
	grep -q "Frugality: 2 drilled, last rating 3, .*; named a fitting story 1 of 2" r.md
	lp report --html r.html
	grep -q "named a fitting story 1 of 2\|<td>1 of 2</td>" r.html
}

@test "--recall: the follow-up climbs the story named" {
	for id in 4 10; do
		run sh -c "printf '$id\n\n\n3\n' | '$LPCOACH' drill --count 1 --seed 5 --principle frugality --recall"
		assert_success
		flat=$(printf '%s\n' "$output" | tr '\n' ' ' | tr -s ' ')
		quote=$(printf '%s\n' "$flat" | sed -n 's/.*follow-up: [A-Za-z ]*said "\([^"]*\)".*/\1/p' | sed 's/\.\.\.$//')
		[ -n "$quote" ] || fail "no quoting follow-up: $flat"
		text=$(lp show "$id" --json | jq -r '[.situation, .task, .action, .result, .reflection] | join(" ")' | tr '\n' ' ' | tr -s ' ')
		[[ $text == *"$quote"* ]] || fail "'$quote' is not from story $id"
	done
}

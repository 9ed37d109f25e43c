#!/usr/bin/env bats
# lpcoach partner: the practice partner's packet on the samples, as text,
# Markdown and HTML, the secrets gate of --with-stories, and partner import
# of the marks template the packet ends with.
load helper

setup() {
	hermetic_setup
	lp import "$SAMPLES" >/dev/null
	lp loop new l --template mle >/dev/null
	lp loop plan l >/dev/null || true
}

# The marks template at the end of the packet for --seed $1.
template() {
	lp partner --loop l --seed "$1" | sed -n '/^# lpcoach partner marks/,$p'
}

# Gives the first $2 questions of template file $1 the marks 3, 1, 4, 2 ...
mark() {
	awk -v n="$2" 'BEGIN { split("3 1 4 2", m, " ") }
	/^    mark:$/ && k < n { k++; print "    mark: " m[(k - 1) % 4 + 1]; next }
	{ print }' "$1"
}

@test "the packet: every round, a question per slot, the scale, probes and the template" {
	run --separate-stderr lp partner --loop l --seed 7
	assert_success
	assert_line --index 0 "Practice partner's packet"
	assert_line --index 1 --regexp "^Loop l, [0-9]+ questions in 6 rounds, made 2026-11-20\.$"
	assert_line --index 2 "The same packet again: lpcoach partner --loop l --seed 7"
	for r in phone-screen coding-1 coding-2 ml-depth ml-system-design bar-raiser; do
		assert_line "== $r"
	done
	assert_line --regexp '^  1 again  '
	assert_line --regexp '^  4 easy   '
	assert_line "   Listen for:"
	assert_line "   Pitfalls:"
	assert_line "   Follow-ups:"
	assert_output --partial "From their story: You said"
	assert_line "   Mark (1-4): ____   Notes:"
	assert_line "date: 2026-11-20"
	# One question per slot, and none twice.
	slots=$(lp loop show l --json | jq '[.rounds[].principles | length] | add')
	[ "$(echo "$output" | grep -c '^Question [0-9]* (')" -eq "$slots" ]
	ids=$(echo "$output" | sed -n 's/^  - question: //p')
	[ "$(echo "$ids" | wc -l)" -eq "$slots" ]
	[ "$(echo "$ids" | sort -u | wc -l)" -eq "$slots" ]
}

@test "the same seed gives the same packet, another seed other questions" {
	a=$(lp partner --loop l --seed 7)
	b=$(lp partner --loop l --seed 7)
	c=$(lp partner --loop l --seed 8)
	[ "$a" = "$b" ]
	[ "$a" != "$c" ]
	# Without --seed, the packet says which seed made it.
	run lp partner --loop l
	assert_success
	assert_line --index 2 --regexp '^The same packet again: lpcoach partner --loop l --seed [0-9]+$'
}

@test "no story text in the packet unless --with-stories" {
	# The planned stories' titles and the first sentence of a Situation.
	titles=$(lp loop plan l --json | jq -r '.. | .title? // empty' | sort -u)
	[ -n "$titles" ]
	lp partner --loop l --seed 7 > plain.txt
	# Whether planned or not, no sample's Situation is in it.
	for f in "$SAMPLES"/*.md; do
		s=$(sed -n '/^## Situation/,/^## /p' "$f" | sed -n 3p | cut -c1-40)
		[ -n "$s" ] || continue
		! grep -qF -- "$s" plain.txt || fail "story text in the packet: $s"
	done
	while read -r t; do
		! grep -qF -- "$t" plain.txt || fail "title in the packet: $t"
	done <<<"$titles"
	lp partner --loop l --seed 7 --with-stories > with.txt
	grep -q '^   Their planned story: #' with.txt
	grep -q '^     Situation' with.txt
	n=0
	while read -r t; do grep -qF -- "$t" with.txt && n=$((n + 1)); done <<<"$titles"
	[ "$n" -gt 0 ]
}

@test "--md and --html are written atomically and replaced only with --force" {
	run lp partner --loop l --seed 7 --md p.md
	assert_success
	assert_output "wrote p.md"
	grep -q "^# Practice partner's packet" p.md
	grep -q '^``` yaml' p.md
	run lp partner --loop l --seed 7 --md p.md
	assert_failure 2
	assert_output --partial "already exists (use --force to replace it)"
	lp partner --loop l --seed 8 --md p.md --force >/dev/null
	grep -q 'lpcoach partner --loop l --seed 8' p.md
	run lp partner --loop l --seed 7 --html p.html
	assert_success
	grep -q '^<!DOCTYPE html>' p.html
	grep -q '</html>' p.html
	! grep -qi '<script' p.html
	[ "$(ls -A | grep -c '\.tmp$')" -eq 0 ]
	ln -s elsewhere link.html
	run lp partner --loop l --html link.html --force
	assert_failure 2
	[ ! -e elsewhere ]
	run lp partner --loop l --html a.html --md b.md
	assert_failure 2
}

@test "the Markdown and HTML templates read back as marks" {
	lp partner --loop l --seed 7 --md p.md >/dev/null
	sed -n '/^``` yaml$/,/^```$/p' p.md | sed '1d;$d' > md.yaml
	template 7 > text.yaml
	cmp md.yaml text.yaml
	lp partner --loop l --seed 7 --html p.html >/dev/null
	sed -n '/<pre>/,/<\/pre>/p' p.html | sed 's/.*<pre>//; s/<\/pre>.*//; s/&quot;/"/g; s/&amp;/\&/g' | sed '$d' > html.yaml
	cmp html.yaml text.yaml
	mark md.yaml 1 > m.yaml
	run lp partner import m.yaml
	assert_success
}

@test "a secret in a planned story stops --with-stories without --allow-secrets" {
	mkdir leaky
	for f in "$SAMPLES"/*.md; do
		cp "$f" leaky/
		printf '\npassword: hunter2222\n' >> "leaky/${f##*/}"
	done
	export LPCOACH_DB="$BATS_TEST_TMPDIR/leaky.db"
	lp import leaky >/dev/null
	lp loop new l --template mle >/dev/null
	lp loop plan l >/dev/null || true
	run lp partner --loop l --seed 7 --with-stories --md p.md
	assert_failure 2
	assert_output --partial "holds a secret"
	assert_output --partial "not shown in the packet (--with-stories)"
	refute_output --partial "hunter2222"
	[ ! -e p.md ]
	run lp partner --loop l --seed 7 --with-stories
	assert_failure 2
	# Without the stories the packet shows none of it.
	run lp partner --loop l --seed 7 --md p.md
	assert_success
	! grep -q hunter2222 p.md
	run lp partner --loop l --seed 7 --with-stories --allow-secrets --md q.md
	assert_success
}

@test "bad arguments: no loop, an unknown loop, an unknown verb" {
	run lp partner
	assert_failure 2
	assert_output --partial "which loop? (--loop NAME"
	run lp partner --loop nope
	assert_failure 1
	assert_output --partial "no loop 'nope'"
	run lp partner export
	assert_failure 2
	assert_output --partial "unknown partner verb 'export'"
	run lp partner --loop l import m.yaml
	assert_failure 2
	run lp partner import
	assert_failure 2
	assert_output --partial "which file?"
	run lp partner --loop l --force
	assert_failure 2
	run lp partner import -h
	assert_success
	assert_line --index 0 "usage: lpcoach partner import FILE"
	run lp partner -h
	assert_success
	assert_line "  partner import FILE"
}

@test "import records the partner's marks once, and drill --stats shows them" {
	template 7 > t.yaml
	mark t.yaml 2 | sed '0,/note: ""/s//note: "numbers were vague"/' > m.yaml
	first=$(sed -n 's/^  - question: //p' m.yaml | head -1)
	run lp partner import m.yaml
	assert_success
	assert_line --index 0 --regexp "^recorded 2 marks from m.yaml, dated 2026-11-20 \([0-9]+ questions without a mark: not asked\)$"
	assert_line --index 1 "  $(printf '%-10s' "$first") 3 good   numbers were vague"
	[ "$(sqlite3 "$LPCOACH_DB" "SELECT count(*) FROM answer WHERE rater = 'partner' AND source IS NOT NULL")" -eq 2 ]
	[ "$(sqlite3 "$LPCOACH_DB" "SELECT count(*) FROM card WHERE question_id = '$first' AND reps = 1")" -eq 1 ]
	before=$(bank_hash)
	run lp partner import m.yaml
	assert_success
	assert_output "already imported: m.yaml (its 2 marks are in the drill history; nothing recorded)"
	[ "$(bank_hash)" = "$before" ]
	run lp drill --stats
	assert_success
	assert_line "rated by a practice partner ('lpcoach partner import'): 2 of these answers"
	p=$(lp questions --json | jq -r --arg q "$first" '.[] | select(.id == $q) | .principle')
	lp drill --stats --json | jq -e --arg p "$p" '.[] | select(.principle == $p) | .drilled == 1 and .partner == 1 and .last_rating == 3 and .avg_seconds == null'
	run lp report --loop l
	assert_output --partial "1 drilled (1 by a partner), last rating"
}

@test "each mark keeps the partner's note and the story the plan told" {
	template 7 > t.yaml
	mark t.yaml 2 | sed '0,/note: ""/s//note: "numbers were vague; say the p99"/' > m.yaml
	first=$(sed -n 's/^  - question: //p' m.yaml | head -1)
	p=$(lp questions --json | jq -r --arg q "$first" '.[] | select(.id == $q) | .principle')
	planned=$(lp loop show l --json | jq --arg p "$p" '[.rounds[].principles[] | select(.slug == $p) | (.pinned // .story)] | map(select(. != null)) | .[0]')
	[ "$planned" != null ] || fail "the plan tells no story for $p"
	lp partner import m.yaml >/dev/null
	[ "$(sqlite3 "$LPCOACH_DB" "SELECT story_id || '|' || note FROM answer WHERE question_id = '$first'")" = "$planned|numbers were vague; say the p99" ]
	run lp drill --stats
	assert_success
	assert_line "your practice partner's notes:"
	assert_line --regexp "^  2026-11-20 .* $first 3 \(story $planned\): numbers were vague; say the p99$"
	lp drill --stats --json | jq -e --arg p "$p" --arg q "$first" --argjson s "$planned" \
	    '.[] | select(.principle == $p) | .partner_notes == [{"date": "2026-11-20", "question": $q, "mark": 3, "story": $s, "note": "numbers were vague; say the p99"}]'
	# A mark with no note keeps none; every other principle has no notes.
	[ "$(sqlite3 "$LPCOACH_DB" "SELECT count(*) FROM answer WHERE rater = 'partner' AND note IS NULL")" -eq 1 ]
	lp drill --stats --json | jq -e --arg p "$p" '[.[] | select(.principle != $p) | .partner_notes | length] | add == 0'
}

@test "marks for a loop the bank no longer has are kept without a story" {
	template 7 > t.yaml
	mark t.yaml 1 | sed 's/^loop: "l"$/loop: "gone"/' > m.yaml
	run lp partner import m.yaml
	assert_success
	[ "$(sqlite3 "$LPCOACH_DB" "SELECT count(*) FROM answer WHERE rater = 'partner' AND story_id IS NULL")" -eq 1 ]
}

@test "a bad marks file: exit 2 naming the file and line, nothing stored" {
	template 7 > t.yaml
	mark t.yaml 3 > good.yaml
	before=$(bank_hash)
	# A mark out of range on the second question.
	awk '/^    mark: 1$/ { print "    mark: 7"; next } { print }' good.yaml > bad.yaml
	line=$(grep -n '^    mark: 7$' bad.yaml | cut -d: -f1)
	run lp partner import bad.yaml
	assert_failure 2
	assert_output --partial "bad.yaml:$line: the mark for"
	assert_output --partial "is 1, 2, 3 or 4, not '7'"
	[ "$(bank_hash)" = "$before" ]
	# An unknown question.
	sed '0,/question: .*/s//question: xx-q99/' good.yaml > q.yaml
	line=$(grep -n 'question: xx-q99' q.yaml | cut -d: -f1)
	run lp partner import q.yaml
	assert_failure 2
	assert_output --partial "q.yaml:$line: unknown question id 'xx-q99'"
	# A bad date, and one after today.
	sed 's/^date: .*/date: 2026-02-30/' good.yaml > d.yaml
	line=$(grep -n '^date:' d.yaml | cut -d: -f1)
	run lp partner import d.yaml
	assert_failure 2
	assert_output --partial "d.yaml:$line: the date of the mock is a real date as YYYY-MM-DD, not '2026-02-30'"
	sed 's/^date: .*/date: 2026-11-21/' good.yaml > f.yaml
	run lp partner import f.yaml
	assert_failure 2
	assert_output --partial "is after today, 2026-11-20"
	# Not YAML at all, no marks, no file.
	printf 'date: [\n' > y.yaml
	run lp partner import y.yaml
	assert_failure 2
	assert_output --partial "y.yaml:"
	run lp partner import t.yaml
	assert_failure 2
	assert_output --partial "no question has a mark"
	run lp partner import missing.yaml
	assert_failure 2
	assert_output --partial "missing.yaml: cannot open"
	[ "$(bank_hash)" = "$before" ]
	# An earlier date is the mock's date.
	sed 's/^date: .*/date: 2026-11-18/' good.yaml > old.yaml
	lp partner import old.yaml >/dev/null
	[ "$(sqlite3 "$LPCOACH_DB" "SELECT DISTINCT date(at, 'unixepoch') FROM answer WHERE rater = 'partner'")" = 2026-11-18 ]
}

@test "a loop without a saved plan or without rounds" {
	lp loop new u >/dev/null
	run --separate-stderr lp partner --loop u --seed 7
	assert_success
	[[ $stderr == *"loop 'u' has no saved plan: the packet follows the plan lpcoach would make now ('lpcoach loop plan u' saves one)"* ]]
	assert_output --partial "They plan to tell story #"
	lp loop new e --template empty >/dev/null
	run lp partner --loop e
	assert_failure 1
	assert_output --partial "loop 'e' has no rounds with principles to ask about"
}

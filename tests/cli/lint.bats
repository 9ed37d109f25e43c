#!/usr/bin/env bats
load helper

@test "lint of a weak sample names the problems with file positions" {
	run lp lint "$SAMPLES/06-weekend-outage.md" --format gnu
	assert_failure 1
	assert_line "$SAMPLES/06-weekend-outage.md:24:1: error: the Result has no figure: say how much, how many or how fast (a number, a percentage, money, a time or 2x) [result-no-figure]"
	assert_line --partial "$SAMPLES/06-weekend-outage.md:17:1: warning: the Action says 'we' more than 'I'"
	assert_line --partial "06-weekend-outage.md:19:48: warning: 'The team decided' gives the credit to the team"
	assert_line --partial "06-weekend-outage.md:22:15: warning: 'synced with stakeholders' is filler"
	assert_line --partial "06-weekend-outage.md:26:32: warning: 'went well' with no figure"
}

@test "gnu lines point at the text they quote" {
	run lp lint "$SAMPLES/09-feature-store-vision.md" --format gnu
	line=$(echo "$output" | grep "'circled back' is filler")
	pos=$(echo "$line" | cut -d: -f2,3)
	l=${pos%:*}; c=${pos#*:}
	text=$(sed -n "${l}p" "$SAMPLES/09-feature-store-vision.md")
	[ "${text:$((c - 1)):12}" = "circled back" ]
}

@test "strong samples are ready and exit 0" {
	run lp lint "$SAMPLES/01-fraud-model-drift.md" "$SAMPLES/05-disagree-offline-launch.md"
	assert_success
	assert_line --partial "score 100, ready: 0 errors, 0 warnings, 0 suggestions"
}

@test "lint --format json has the documented fields" {
	run lp lint "$SAMPLES/08-label-quality.md" --format json
	assert_failure 1
	[ "$(echo "$output" | jq -r '.[0] | keys_unsorted | join(",")')" = \
	    "story,file,title,score,ready,words,seconds,disabled,findings" ]
	[ "$(echo "$output" | jq -r '.[0].findings[0] | keys_unsorted | join(",")')" = \
	    "rule,category,severity,section,line,column,message,match,disabled" ]
	[ "$(echo "$output" | jq '.[0].story')" = "null" ]
	[ "$(echo "$output" | jq -r '[.[0].findings[] | select(.category == "hedging") | .match] | join(",")')" = \
	    "I would,usually,typically" ]
	score=$(echo "$output" | jq '.[0].score')
	e=$(echo "$output" | jq '[.[0].findings[] | select(.severity == "error")] | length')
	w=$(echo "$output" | jq '[.[0].findings[] | select(.severity == "warning")] | length')
	s=$(echo "$output" | jq '[.[0].findings[] | select(.severity == "suggestion")] | length')
	[ "$score" -eq $((100 - 15 * e - 5 * w - s)) ]
}

@test "lint of the bank lints every story and never changes it" {
	lp import "$SAMPLES" >/dev/null
	before=$(bank_hash)
	run lp lint --format json
	assert_failure 1
	[ "$(echo "$output" | jq length)" -eq 14 ]
	[ "$(echo "$output" | jq '[.[] | select(.story != null)] | length')" -eq 14 ]
	run lp lint --all --format json
	[ "$(echo "$output" | jq length)" -eq 14 ]
	[ "$(bank_hash)" = "$before" ]
}

@test "bank stories are located in their show --md form" {
	lp import "$SAMPLES" >/dev/null
	run lp lint weekend-outage --format gnu
	line=$(echo "$output" | grep "'synced with stakeholders'")
	[[ "$line" == weekend-outage.md:* ]]
	pos=$(echo "$line" | cut -d: -f2,3)
	l=${pos%:*}; c=${pos#*:}
	text=$(lp show weekend-outage --md | sed -n "${l}p")
	[ "${text:$((c - 1)):24}" = "synced with stakeholders" ]
}

@test "--min-severity hides findings but not the exit status" {
	run lp lint "$SAMPLES/06-weekend-outage.md" --min-severity error --format gnu
	assert_failure 1
	[ "${#lines[@]}" -eq 2 ]
	assert_line --partial "[action-no-first-person]"
	assert_line --partial "[result-no-figure]"
	run lp lint "$SAMPLES/09-feature-store-vision.md" --min-severity error --format gnu
	assert_success
	assert_output ""
}

@test "--only and --disable select rules, and unknown ids are errors" {
	run lp lint "$SAMPLES/06-weekend-outage.md" --only team-credit --format gnu
	[ "$(echo "$output" | grep -vc '\[team-credit\]')" -eq 0 ]
	assert_success
	run lp lint "$SAMPLES/06-weekend-outage.md" --disable result-no-figure \
	    --disable action-no-first-person --format gnu
	assert_success
	refute_output --partial "[result-no-figure]"
	run lp lint "$SAMPLES/06-weekend-outage.md" --disable result-no-figur
	assert_failure 2
	assert_output --partial "unknown rule 'result-no-figur'; did you mean 'result-no-figure'"
}

@test "--wpm changes the length rules" {
	run lp lint "$SAMPLES/09-feature-store-vision.md" --only too-long --format gnu
	assert_output --partial "[too-long]"
	run lp lint "$SAMPLES/09-feature-store-vision.md" --only too-long --wpm 170 --format gnu
	assert_output ""
}

@test "a user rubric adds rules and replaces default ones by id" {
	run lp rules --rubric "$TOP/tests/rubrics/team" --json
	assert_success
	[ "$(echo "$output" | jq -r '.[] | select(.id == "too-short") | .severity')" = "error" ]
	[ "$(echo "$output" | jq -r '.[] | select(.id == "no-jargon-acronyms") | .category')" = "filler" ]
	story short.md "Short" ownership
	run lp lint short.md --format gnu
	assert_success
	assert_output --partial "warning: shorter than 45 seconds"
	run lp lint short.md --rubric "$TOP/tests/rubrics/team" --format gnu
	assert_failure 1
	assert_output --partial "error: under a minute: our team wants stories of at least 150 words (12 words, 0:05 at 150 words a minute) [too-short]"
}

@test "rubrics in XDG_CONFIG_HOME are loaded" {
	mkdir -p cfg/lpcoach/rubrics
	cp "$TOP/tests/rubrics/team/house-style.yaml" cfg/lpcoach/rubrics/
	XDG_CONFIG_HOME="$PWD/cfg" run lp rules --json
	[ "$(echo "$output" | jq '[.[] | select(.id == "no-jargon-acronyms")] | length')" -eq 1 ]
}

@test "a rule directory that cannot be reached is an error, not silently skipped" {
	story s.md "Short" ownership
	# A path through a file cannot be reached, even by root.
	touch notadir
	XDG_CONFIG_HOME="$PWD/notadir" run lp lint s.md
	assert_failure 2
	assert_output --partial "notadir/lpcoach/rubrics: cannot read your rule files: Not a directory"
	# No directory at all is fine: only the default rules.
	XDG_CONFIG_HOME="$PWD/nothing-here" run lp lint s.md
	[ "$status" -ne 2 ]
}

@test "every rule's examples behave, default and test rubrics" {
	run lp rules --check
	assert_success
	assert_output --regexp '^[0-9]+ rules, [0-9]+ examples: every example behaves$'
	for dir in "$TOP"/tests/rubrics/*/; do
		run lp rules --check --rubric "$dir"
		assert_success
	done
}

@test "a rule whose example fails is reported by rules --check" {
	mkdir rb
	cat > rb/wrong.yaml <<'YAML'
rules:
  - id: wrong
    kind: existence
    category: filler
    severity: warning
    scope: action
    message: m
    patterns: ['\bfoo\b']
    examples:
      flag: [foo, "no match here"]
      pass: [bar, baz]
YAML
	run lp rules --check --rubric rb
	assert_failure 1
	assert_output --partial "rb/wrong.yaml:10: rule wrong: this 'flag' example is not flagged"
}

@test "rules --check reports a possessive repeat that takes the letters after it" {
	mkdir rb
	# Both examples behave (the second pattern finds "hopefully"), yet the
	# first pattern can never find "quickly": \w{2,12}+ takes the "ly".
	cat > rb/swallow.yaml <<'YAML'
define:
  adverb: '\w{2,12}+ly'
rules:
  - id: adverbs
    kind: existence
    category: filler
    severity: warning
    scope: action
    message: m
    patterns: ['\bI\s+{{adverb}}\b', '\bhopefully\b']
    examples:
      flag: ["hopefully it ran", "it hopefully ran"]
      pass: ["I ran it", "it ran"]
YAML
	run lp rules --check --rubric rb
	assert_failure 1
	assert_output --partial "rb/swallow.yaml:10: rule adverbs: '\w{2,12}+ly' cannot match as meant"
	assert_output --partial "1 failed ("
	# Written with a lookbehind, the same rule passes.
	sed -i "s/'\\\\w{2,12}+ly'/'\\\\w{4,14}+(?<=ly)'/" rb/swallow.yaml
	grep -F '(?<=ly)' rb/swallow.yaml
	run lp rules --check --rubric rb
	assert_success
}

@test "a bad regex names the file, line, rule, offset and PCRE2's message" {
	mkdir rb
	printf "rules:\n  - id: broken\n    kind: existence\n    category: filler\n    severity: warning\n    scope: action\n    message: m\n    patterns: ['ok', 'a(b']\n    examples: {flag: [a, b], pass: [c, d]}\n" > rb/bad.yaml
	story a.md "Fine"
	run lp lint a.md --rubric rb
	assert_failure 2
	assert_output --partial "rb/bad.yaml:8: rule broken: bad pattern at offset 3: missing closing parenthesis"
}

@test "a catastrophic pattern stops with an error, never a clean report" {
	mkdir rb
	printf "rules:\n  - id: slow\n    kind: existence\n    category: filler\n    severity: warning\n    scope: action\n    message: m\n    patterns: ['(a+)+\$', '(?=.*x)(?=.*y)']\n    examples: {flag: [a, b], pass: [c, d]}\n" > rb/slow.yaml
	{ printf -- '---\ntitle: Long\n---\n## Action\n'; head -c 100000 /dev/zero | tr '\0' a; printf 'b\n'; } > long.md
	run timeout 20 "$LPCOACH" lint long.md --rubric rb --only slow --format json
	assert_failure 2
	assert_output --partial "long.md: rule slow: "
	assert_output --partial "not linted"
	refute_output --partial '"score"'
}

@test "a rule naming an unknown principle is an error" {
	mkdir rb
	printf "rules:\n  - id: p\n    kind: require\n    category: principle-fit\n    severity: warning\n    scope: action\n    principles: [dive-deeper]\n    message: m\n    patterns: [x]\n    examples: {flag: [a, b], pass: [x, xx]}\n" > rb/p.yaml
	run lp rules --rubric rb
	assert_failure 2
	assert_output --partial "rb/p.yaml:2: rule p: unknown principle 'dive-deeper'"
}

@test "lint errors: unknown story, bad file, bad options" {
	run lp lint nosuchstory
	assert_failure 1
	assert_output --partial "no story 'nosuchstory'"
	printf -- '---\ntitle: [x\n---\n' > bad.md
	run lp lint bad.md
	assert_failure 2
	assert_output --partial "bad.md:2:8"
	run lp lint --format xml
	assert_failure 2
	assert_output --partial "--format takes text, gnu or json"
	run lp lint --min-severity fatal
	assert_failure 2
	run lp lint --all weekend-outage
	assert_failure 2
}

@test "list and show carry the score" {
	lp import "$SAMPLES" >/dev/null
	run lp lint weekend-outage --format json
	score=$(echo "$output" | jq '.[0].score')
	[ "$(echo "$output" | jq '.[0].ready')" = false ]
	run lp list --json
	[ "$(echo "$output" | jq -r '.[] | select(.uid == "weekend-outage") | "\(.score) \(.ready)"')" = "$score false" ]
	[ "$(echo "$output" | jq -r '.[] | select(.uid == "fraud-model-drift") | "\(.score) \(.ready)"')" = "100 true" ]
	run lp show weekend-outage
	assert_line "score       $score, not ready ('lpcoach lint 12' says why)"
}

@test "rules lists the active rules" {
	run lp rules --json
	assert_success
	[ "$(echo "$output" | jq length)" -ge 30 ]
	for cat in metrics ownership vagueness hedging filler structure length principle-fit secrets; do
		[ "$(echo "$output" | jq --arg c "$cat" '[.[] | select(.category == $c)] | length')" -ge 1 ]
	done
	[ "$(echo "$output" | jq '[.[] | select(.category == "principle-fit") | .principles[]] | unique | length')" -ge 8 ]
	run lp rules --disable too-long --json
	[ "$(echo "$output" | jq '[.[] | select(.id == "too-long")] | length')" -eq 0 ]
	run lp rules
	assert_line --index 0 --regexp '^RULE +KIND +CATEGORY +SEVERITY +SCOPE$'
}

@test "the PCRE2 interpreter, when JIT is unavailable, finds the same" {
	run lp lint "$SAMPLES"/*.md --format json
	jit="$output"
	LPCOACH_NO_JIT=1 run lp lint "$SAMPLES"/*.md --format json
	[ "$output" = "$jit" ]
	[ "$(echo "$output" | jq '[.[].findings | length] | add')" -gt 30 ]
}

@test "sections written as bold labels are linted, with positions in the file" {
	cat > labels.md <<'MD'
---
title: Labels
principles: [ownership]
---
**Situation:** The nightly job missed its window.

**Task:** I had to make it finish by six.

**Action:** We rewrote the join and I added an index.

**Result:** It went well.
MD
	run lp lint labels.md --format gnu
	# "went" is the 16th character of its line, after "**Result:** It ".
	assert_line --partial "labels.md:11:16: warning: 'went well' with no figure"
	assert_line --partial "labels.md:11:1: error: the Result has no figure"
	lp import labels.md >/dev/null
	run lp show labels --md
	assert_output --partial $'## Action\n\nWe rewrote the join and I added an index.'
}

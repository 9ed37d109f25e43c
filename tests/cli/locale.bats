#!/usr/bin/env bats
# lpcoach under locales in which <ctype.h> is not ASCII: tr_TR.UTF-8, where
# tolower('I') is not 'i', and en_US.ISO-8859-1, where bytes from 0x80 up
# are letters.  Uids, slugs, headings and principle names promise ASCII,
# so every command must do under them what it does under C.
load helper

setup_file() {
	LOCALES=$(make_locales "$BATS_FILE_TMPDIR/locales") ||
	    fail "cannot compile the test locales with localedef"
	export LOCALES
}

# in_locale LOCALE CMD...: runs CMD under LOCALE.  timeout turns a hang
# (such as a writer stuck inside BEGIN IMMEDIATE) into a failure.
in_locale() {
	local loc=$1
	shift
	LOCPATH="$LOCALES" LC_ALL="$loc" timeout 300 "$@"
}

# hazard FILE TITLE: a story whose principles are written with a capital I
# (Turkish lower-cases it to a dotless i), with letters outside ASCII in
# every field and its headings in capitals.
hazard() {
	{
		printf -- '---\ntitle: "%s"\n' "$2"
		printf 'principles: [Insist on the Highest Standards, '
		printf 'Invent and Simplify, Think Big, HIRE AND DEVELOP THE BEST]\n'
		printf 'project: Çay İşletmesi\ntags: [Iğdır, ünïcode]\n---\n'
		printf '## SITUATION\nThe queue in İzmir grew by 40%% in a week.\n'
		printf '## TASK\nI had to fix it.\n'
		printf '## ACTIONS\nI profiled the job and cut its batch size.\n'
		printf '## RESULTS\nLatency fell from 900 ms to 120 ms.\n'
		printf '## LESSONS LEARNED\nI would measure first next time.\n'
	} > "$1"
}

SLUGS='["insist-on-the-highest-standards","invent-and-simplify","think-big","hire-and-develop-the-best"]'

# Fails unless every line of standard input is a uid of ASCII only.
all_ascii_uids() {
	local bad
	bad=$(grep -vE '^[a-z0-9][a-z0-9._-]*$' || true)
	[ -z "$bad" ] || fail "uids that are not ASCII: $(printf '%s' "$bad" | od -c | head -5)"
}

@test "the test locales are the ones asked for, not C" {
	run in_locale tr_TR.UTF-8 locale charmap
	assert_success
	assert_output "UTF-8"
	run in_locale tr_TR.UTF-8 locale -k LC_IDENTIFICATION
	assert_output --partial 'language="Turkish"'
	run in_locale en_US.ISO-8859-1 locale charmap
	assert_success
	assert_output "ISO-8859-1"
}

check_add() {
	local loc=$1 uid
	hazard s.md "Ärger über Çay: Iğdır İstanbul"
	run in_locale "$loc" "$LPCOACH" add s.md
	assert_success
	uid=$(lp list --json | jq -r '.[0].uid')
	[[ $uid =~ ^rger-ber-ay-idr-stanbul-[0-9a-f]{4}$ ]] ||
	    fail "uid '$uid' under $loc"
	run in_locale "$loc" "$LPCOACH" show "$uid" --json
	assert_success
	[ "$(echo "$output" | jq -c .principles)" = "$SLUGS" ]
	[ "$(echo "$output" | jq -r .title)" = "Ärger über Çay: Iğdır İstanbul" ]
	[ "$(echo "$output" | jq -r .project)" = "Çay İşletmesi" ]
	[ "$(echo "$output" | jq -c .tags)" = '["Iğdır","ünïcode"]' ]
	[ "$(echo "$output" | jq -r .situation)" = "The queue in İzmir grew by 40% in a week." ]
	[ "$(echo "$output" | jq -r .reflection)" = "I would measure first next time." ]
}

@test "add under tr_TR.UTF-8: an ASCII uid, and principles and headings with I" {
	check_add tr_TR.UTF-8
}

@test "add under en_US.ISO-8859-1: an ASCII uid from a title that is not ASCII" {
	check_add en_US.ISO-8859-1
}

# A story whose title has no ASCII letter at all.
check_no_ascii_title() {
	local loc=$1
	story s.md "Ωμέγα Ключ İğ 测试" "Invent and Simplify"
	run in_locale "$loc" "$LPCOACH" add s.md
	assert_success
	[[ $(lp list --json | jq -r '.[0].uid') =~ ^story-[0-9a-f]{4}$ ]]
}

@test "a title without ASCII letters gives a uid 'story-XXXX' under both" {
	check_no_ascii_title tr_TR.UTF-8
	rm -rf data
	check_no_ascii_title en_US.ISO-8859-1
}

# import, list, lint and export under LOCALE, compared with the same
# commands under C.
check_round_trip() {
	local loc=$1 c_out
	mkdir -p in
	hazard in/a.md "Ärger über Çay: Iğdır İstanbul"
	printf '%s\n' '[{"title": "İyi Iğdır résumé", "principles":' \
	    '["Insist on the Highest Standards"], "situation": "Ölçü.",' \
	    '"task": "I had to.", "action": "I cut it by 30%.",' \
	    '"result": "It fell 30%."}]' > in/b.json
	run in_locale "$loc" "$LPCOACH" import in
	assert_success
	assert_output "imported: 2 added, 0 updated, 0 unchanged (2 files)"
	run in_locale "$loc" "$LPCOACH" list --json
	assert_success
	echo "$output" | jq -r '.[].uid' | all_ascii_uids
	[ "$(lp list --principle 'Insist on the Highest Standards' --json | jq length)" -eq 2 ]
	run in_locale "$loc" "$LPCOACH" list --principle "INVENT AND SIMPLIFY" --json
	assert_success
	[ "$(echo "$output" | jq length)" -eq 1 ]
	# Lint reads words and figures: a locale must not change a finding.
	for what in "in/a.md" "--all"; do
		run lp lint $what --format gnu
		c_out="$status $output"
		run in_locale "$loc" "$LPCOACH" lint $what --format gnu
		[ "$status $output" = "$c_out" ] || fail "lint $what under $loc differs"
	done
	run in_locale "$loc" "$LPCOACH" export --out x
	assert_success
	ls x | sed 's/\.md$//' | all_ascii_uids
	[ "$(ls x | wc -l)" -eq 2 ]
	run in_locale "$loc" "$LPCOACH" --db "$PWD/again.db" import x
	assert_success
	[ "$(lp --db "$PWD/again.db" list --json)" = "$(lp list --json)" ]
	run in_locale "$loc" "$LPCOACH" export --format json --out -
	assert_success
	[ "$output" = "$(lp export --format json --out -)" ]
}

@test "import, list, lint and export under tr_TR.UTF-8 do what they do under C" {
	check_round_trip tr_TR.UTF-8
}

@test "import, list, lint and export under en_US.ISO-8859-1 do what they do under C" {
	check_round_trip en_US.ISO-8859-1
}

# Principle arguments with a capital I, in every command that takes one.
check_arguments() {
	local loc=$1 uid
	story s.md "Queue fix" ownership
	lp add s.md >/dev/null
	uid=$(lp list --json | jq -r '.[0].uid')
	run in_locale "$loc" "$LPCOACH" tag "$uid" "+Insist on the Highest Standards" \
	    "+Invent and Simplify" "-Ownership"
	assert_success
	[ "$(lp show "$uid" --json | jq -c .principles)" = \
	    '["insist-on-the-highest-standards","invent-and-simplify"]' ]
	run in_locale "$loc" "$LPCOACH" tag "$uid" "-INVENT AND SIMPLIFY"
	assert_success
	[ "$(lp show "$uid" --json | jq -c .principles)" = \
	    '["insist-on-the-highest-standards"]' ]
	run in_locale "$loc" "$LPCOACH" principle "Invent and Simplify" --json
	assert_success
	[ "$(echo "$output" | jq -r .slug)" = "invent-and-simplify" ]
	run in_locale "$loc" "$LPCOACH" questions --principle "Insist" --json
	assert_success
	[ "$(echo "$output" | jq -r '[.[].principle] | unique | join(",")')" = \
	    "insist-on-the-highest-standards" ]
	run in_locale "$loc" "$LPCOACH" list --principle "Insist on the Highest Standards" --json
	assert_success
	[ "$(echo "$output" | jq -r '.[0].uid')" = "$uid" ]
}

@test "principle arguments with a capital I resolve under tr_TR.UTF-8" {
	check_arguments tr_TR.UTF-8
}

@test "principle arguments with a capital I resolve under en_US.ISO-8859-1" {
	check_arguments en_US.ISO-8859-1
}

#!/usr/bin/env bats
# drill --calendar: the forecast as an iCalendar file, read back with
# Debian's python3-icalendar (a test dependency, see DEBS in the Makefile).
load helper

# events FILE: one line per event, parsed by icalendar, as
# DATE<TAB>UID<TAB>SUMMARY<TAB>DESCRIPTION (its newlines as \n); fails
# when the file does not parse, a line is over 75 octets, not CRLF-ended
# or not UTF-8 on its own, or DTSTART is not an all-day date.
events() {
	/usr/bin/python3 - "$1" <<'PY'
import datetime, sys
import icalendar
raw = open(sys.argv[1], 'rb').read()
assert raw.endswith(b'\r\n'), 'no final CRLF'
for n, line in enumerate(raw[:-2].split(b'\r\n'), 1):
    assert b'\n' not in line and b'\r' not in line, 'bare newline, line %d' % n
    assert len(line) <= 75, 'line %d has %d octets' % (n, len(line))
    line.decode('utf-8')
cal = icalendar.Calendar.from_ical(raw)
assert cal['VERSION'] == '2.0' and 'PRODID' in cal
for e in cal.walk('VEVENT'):
    start = e['DTSTART'].dt
    assert type(start) is datetime.date, 'DTSTART is %r' % start
    assert e.decoded('DTSTAMP').tzinfo is not None
    assert e['DTEND'].dt == start + datetime.timedelta(days=1)
    print('\t'.join([start.isoformat(), str(e['UID']), str(e['SUMMARY']),
        str(e['DESCRIPTION']).replace('\n', '\\n')]))
PY
}

# stderr_has TEXT: what 'run --separate-stderr' caught on stderr has TEXT.
stderr_has() {
	[[ "$stderr" == *"$1"* ]] || fail "stderr lacks '$1': $stderr"
}

setup() {
	hermetic_setup
	lp import "$SAMPLES" >/dev/null
	lp loop new onsite --template mle --date 2026-12-02 >/dev/null
}

@test "one all-day event a day until the loop, each saying it is a forecast" {
	run --separate-stderr lp drill --calendar cal.ics --loop onsite
	assert_success
	assert_output "wrote cal.ics: 12 days of drills, to 2026-12-01"
	run events cal.ics
	assert_success
	days=$(( ($(date -d 2026-12-02 +%s) - $(date -d 2026-11-20 +%s)) / 86400 ))
	[ "${#lines[@]}" -eq "$days" ]
	day=2026-11-20
	for l in "${lines[@]}"; do
		[ "${l%%	*}" = "$day" ] || fail "event on ${l%%	*}, wanted $day"
		day=$(date -d "$day + 1 day" +%F)
		[[ "$l" == *'a forecast that assumes every answer is rated "good" (3)'* ]]
		[[ "$l" == *"rerun lpcoach drill --calendar $BATS_TEST_TMPDIR/cal.ics --loop onsite --force to refresh it"* ]]
		[[ "$l" == *"until onsite on 2026-12-02"* ]]
	done
	[ "$day" = 2026-12-02 ]
	# The loop's undrilled principles have their first drills in the first
	# six days; each comes back for review before the loop.
	[[ "${lines[0]}" == *"Drill for onsite: "*" new principles"* ]]
	[[ "${lines[0]}" == *"First drill:\\n- "* ]]
	[[ "${lines[0]}" == *"Run: lpcoach drill --loop onsite --count "* ]]
	[[ "${lines[11]}" == *"Reviews due:"*"the question first drilled on 2026-11-20"* ]]
	for i in 6 7 8 9 10 11; do
		[[ "${lines[$i]}" != *"First drill"* ]]
	done
	# Every UID differs, and the file says when it was made.
	[ "$(printf '%s\n' "${lines[@]}" | cut -f2 | sort -u | wc -l)" -eq 12 ]
	grep -q $'^DTSTAMP:20261120T090000Z\r$' cal.ics
	grep -q $'^DTSTART;VALUE=DATE:20261120\r$' cal.ics
}

@test "the calendar reads the bank and never writes it" {
	before=$(bank_hash)
	lp drill --calendar cal.ics --loop onsite >/dev/null
	[ "$(bank_hash)" = "$before" ]
}

@test "a rerun after a drill refreshes the forecast and keeps the UIDs" {
	lp drill --calendar cal.ics --loop onsite >/dev/null
	run events cal.ics
	first=("${lines[@]}")
	# A drill today, rated good: its question is a review three days on.
	printf '\n\n3\n' | lp drill --loop onsite --count 1 --seed 4 >/dev/null
	id=$(sqlite3 "$LPCOACH_DB" 'SELECT question_id FROM answer')
	run --separate-stderr lp drill --calendar cal.ics --loop onsite
	assert_failure 2
	stderr_has "cal.ics"
	run lp drill --calendar cal.ics --loop onsite --force
	assert_success
	run events cal.ics
	[ "${#lines[@]}" -eq 12 ]
	[ "$(printf '%s\n' "${first[@]}" | cut -f1,2)" = "$(printf '%s\n' "${lines[@]}" | cut -f1,2)" ]
	[[ "${lines[3]}" == *"($id)"* ]]
	[[ "${first[3]}" != *"($id)"* ]]
}

@test "an existing file is not replaced without --force, nor a symbolic link at all" {
	echo mine > cal.ics
	run --separate-stderr lp drill --calendar cal.ics --loop onsite
	assert_failure 2
	stderr_has "cal.ics"
	[ "$(cat cal.ics)" = mine ]
	echo theirs > target
	ln -s target link.ics
	run --separate-stderr lp drill --calendar link.ics --loop onsite --force
	assert_failure 2
	[ "$(cat target)" = theirs ]
	[ -L link.ics ]
	run lp drill -f --calendar cal.ics --loop onsite
	assert_success
	run events cal.ics
	[ "${#lines[@]}" -eq 12 ]
	[ -z "$(find . -name '.*' -newer target -type f)" ]
}

@test "a long loop name with accents is escaped and folded between characters" {
	name='Zürich façade été, à Genève; née\x'
	lp loop new "$name" --template empty --date 2026-11-22 >/dev/null
	lp loop round add "$name" r ownership >/dev/null
	run lp drill --calendar z.ics --loop "$name"
	assert_success
	# The SUMMARY is longer than a line: folded, escaped, and read back whole.
	grep -q $'^SUMMARY:Drill for Zürich façade été\\\\, à Genève\\\\; née\\\\\\\\x' z.ics
	[ "$(sed -n '/^SUMMARY:/{n;p;q}' z.ics | cut -c1)" = " " ]
	run events z.ics
	assert_success
	[ "${#lines[@]}" -eq 2 ]
	[ "$(echo "${lines[0]}" | cut -f3)" = "Drill for $name: 1 new principle" ]
	[ "$(echo "${lines[1]}" | cut -f3)" = "Drill for $name: 1 review" ]
	[[ "${lines[0]}" == *"Run: lpcoach drill --loop 'Zürich façade été, à Genève; née\\x' --count 1"* ]]
}

@test "--calendar needs a loop with a date ahead" {
	run --separate-stderr lp drill --calendar cal.ics
	assert_failure 2
	stderr_has "--calendar plans the days up to a loop: give --loop NAME"
	run --separate-stderr lp drill --calendar cal.ics --loop nosuch
	assert_failure 1
	stderr_has "no loop 'nosuch'"
	lp loop new undated --template empty >/dev/null
	run --separate-stderr lp drill --calendar cal.ics --loop undated
	assert_failure 2
	stderr_has "loop 'undated' has no date, and a calendar runs up to it"
	lp loop new gone --template empty --date 2026-11-17 2>/dev/null >/dev/null
	run --separate-stderr lp drill --calendar cal.ics --loop gone
	assert_failure 2
	stderr_has "loop 'gone' is 3 days ago (2026-11-17): there are no days left to plan"
	lp loop new now --template empty --date 2026-11-20 >/dev/null
	run --separate-stderr lp drill --calendar cal.ics --loop now
	assert_failure 2
	stderr_has "loop 'now' is today (2026-11-20)"
	lp loop new far --template empty --date 2028-01-01 >/dev/null
	run --separate-stderr lp drill --calendar cal.ics --loop far
	assert_failure 2
	stderr_has "loop 'far' is in 407 days (2028-01-01): a calendar plans at most 366 days"
	[ ! -e cal.ics ]
}

@test "--calendar refuses the options it has no use for" {
	run --separate-stderr lp drill --calendar cal.ics --loop onsite --count 3
	assert_failure 2
	stderr_has "--count does not go with --calendar"
	run --separate-stderr lp drill --calendar cal.ics --loop onsite --stats
	assert_failure 2
	run --separate-stderr lp drill --loop onsite --force --dry-run
	assert_failure 2
	stderr_has "--force replaces the file of --calendar"
	run --separate-stderr lp drill --calendar cal.ics --loop onsite --json
	assert_failure 2
	[ ! -e cal.ics ]
}

@test "the days are local dates" {
	# 2026-11-20T12:00Z is already the 21st in Auckland (UTC+13).
	export TZ=Pacific/Auckland LPCOACH_NOW=2026-11-20T12:00:00Z
	run lp drill --calendar cal.ics --loop onsite
	assert_success
	assert_output "wrote cal.ics: 11 days of drills, to 2026-12-01"
	run events cal.ics
	assert_success
	[ "${#lines[@]}" -eq 11 ]
	[ "${lines[0]%%	*}" = 2026-11-21 ]
	grep -q $'^DTSTAMP:20261120T120000Z\r$' cal.ics
}

#!/usr/bin/env bats
# The HTML report as a person sees it: headless Chromium renders it at
# 1280 px and at A4 size; screenshots go to tests/output/ (not in git).
load helper

make_report() {
	lp import "$SAMPLES" >/dev/null
	lp loop new onsite --template mle --date 2026-12-03 >/dev/null
	lp loop plan onsite --backups >/dev/null || true
	printf '\n\n3\n\n\n2\n' | lp drill --count 2 --seed 1 >/dev/null
	lp report --loop onsite --html "$BATS_TEST_TMPDIR/report.html" >/dev/null
}

@test "Chromium renders the report with 16 heatmap rows" {
	make_report
	chrome --dump-dom "file://$BATS_TEST_TMPDIR/report.html" > dom.html
	[ "$(grep -o '<g class="row"' dom.html | wc -l)" -eq 16 ]
	[ "$(grep -o 'class="card round"' dom.html | wc -l)" -eq 6 ]
	grep -q 'Readiness report' dom.html
}

@test "Chromium renders the legend, the verdict's command and the cue cards" {
	make_report
	chrome --dump-dom "file://$BATS_TEST_TMPDIR/report.html" > dom.html
	[ "$(grep -o '<ul class="legend"><li><svg' dom.html | wc -l)" -eq 1 ]
	grep -qF 'not ready, score below 50 (hatched)' dom.html
	grep -qF '<h2>Today</h2>' dom.html
	grep -qE '<code>lpcoach (lint|drill|loop|edit|tag) ' dom.html
	[ "$(grep -o '<table class="cue">' dom.html | wc -l)" -ge 6 ]
}

@test "screenshots at 1280 px and at A4 size are not blank" {
	make_report
	chrome --screenshot="$OUT/report-1280.png" --window-size=1280,2400 \
	    "file://$BATS_TEST_TMPDIR/report.html"
	chrome --screenshot="$OUT/report-a4.png" --window-size=794,1123 \
	    "file://$BATS_TEST_TMPDIR/report.html"
	for png in "$OUT/report-1280.png" "$OUT/report-a4.png"; do
		[ -s "$png" ]
		# A PNG signature, and far more than a one-colour page takes.
		[ "$(head -c 8 "$png" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ]
		[ "$(stat -c %s "$png")" -gt 20000 ]
	done
	# A blank page of the same size, for comparison, is tiny.
	printf '<html><body></body></html>' > blank.html
	chrome --screenshot="$BATS_TEST_TMPDIR/blank.png" --window-size=794,1123 \
	    "file://$BATS_TEST_TMPDIR/blank.html"
	[ "$(stat -c %s "$BATS_TEST_TMPDIR/blank.png")" -lt 10000 ]
}

@test "the report prints to PDF" {
	make_report
	chrome --print-to-pdf="$OUT/report.pdf" --no-pdf-header-footer \
	    "file://$BATS_TEST_TMPDIR/report.html"
	[ "$(head -c 5 "$OUT/report.pdf")" = "%PDF-" ]
	[ "$(stat -c %s "$OUT/report.pdf")" -gt 20000 ]
}

@test "the cue cards print two to a page" {
	make_report
	lp report --loop onsite --cards "$BATS_TEST_TMPDIR/cards.html" >/dev/null
	slots=$(lp loop plan onsite --json | jq '.slots')
	chrome --dump-dom "file://$BATS_TEST_TMPDIR/cards.html" > dom.html
	[ "$(grep -o 'class="cue-card"' dom.html | wc -l)" -eq "$slots" ]
	chrome --print-to-pdf="$OUT/cards.pdf" --no-pdf-header-footer \
	    "file://$BATS_TEST_TMPDIR/cards.html"
	[ "$(head -c 5 "$OUT/cards.pdf")" = "%PDF-" ]
	# One page object per printed page: half as many as cards, rounded up.
	pages=$(grep -aoE '/Type ?/Page([^s]|$)' "$OUT/cards.pdf" | wc -l)
	[ "$pages" -eq $(((slots + 1) / 2)) ] || fail "$pages pages for $slots cards"
}

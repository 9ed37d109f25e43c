#!/usr/bin/env bats
# The practice partner's packet as the friend sees it: headless Chromium
# renders 'lpcoach partner --html' and prints it; what it shows must be
# what the text packet says, and the marks template must read back.
load helper

setup() {
	hermetic_setup
	lp import "$SAMPLES" >/dev/null
	lp loop new onsite --template mle >/dev/null
	lp loop plan onsite >/dev/null || true
	lp partner --loop onsite --seed 7 --html "$BATS_TEST_TMPDIR/p.html" >/dev/null
}

@test "Chromium renders a section per round and a question per slot" {
	chrome --dump-dom "file://$BATS_TEST_TMPDIR/p.html" > dom.html
	for r in $(lp loop show onsite --json | jq -r '.rounds[].name'); do
		grep -qF "<h2>$r</h2>" dom.html || fail "no round $r"
	done
	slots=$(lp loop show onsite --json | jq '[.rounds[].principles[]] | length')
	[ "$(grep -o 'class="q"' dom.html | wc -l)" -eq "$slots" ]
	[ "$(grep -o 'class="notes"' dom.html | wc -l)" -eq "$slots" ]
	grep -q '<dl class="scale">' dom.html
	# The same questions as the text packet, in the same order.
	lp partner --loop onsite --seed 7 | sed -n 's/^  - question: //p' > text.ids
	sed -n 's/^  - question: //p' dom.html > dom.ids
	[ -s text.ids ]
	cmp text.ids dom.ids
}

@test "the packet prints to PDF and its screenshot is not blank" {
	chrome --print-to-pdf="$OUT/partner.pdf" --no-pdf-header-footer \
	    "file://$BATS_TEST_TMPDIR/p.html"
	[ "$(head -c 5 "$OUT/partner.pdf")" = "%PDF-" ]
	[ "$(stat -c %s "$OUT/partner.pdf")" -gt 20000 ]
	chrome --screenshot="$OUT/partner-a4.png" --window-size=794,1123 \
	    "file://$BATS_TEST_TMPDIR/p.html"
	[ "$(stat -c %s "$OUT/partner-a4.png")" -gt 20000 ]
}

@test "the marks template the browser shows reads back as marks" {
	chrome --dump-dom "file://$BATS_TEST_TMPDIR/p.html" > dom.html
	# The text of the <pre> as a person would copy it.
	sed -n '/<pre>/,/<\/pre>/p' dom.html | sed 's/.*<pre>//; s/<\/pre>.*//;
	    s/&quot;/"/g; s/&amp;/\&/g; s/&lt;/</g; s/&gt;/>/g' |
	    sed '/^$/d' > marks.yaml
	awk '/^    mark:$/ && !done { print "    mark: 3"; done = 1; next } { print }' \
	    marks.yaml > m.yaml
	run lp partner import m.yaml
	assert_success
	assert_line --index 0 --partial "recorded 1 mark from m.yaml"
}

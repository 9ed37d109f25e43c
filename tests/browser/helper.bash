# Shared by the browser tests: the CLI tests' hermetic set-up, headless
# Chromium with a profile of the test's own, and tests/output/ for the
# screenshots and PDFs (not in git).
load ../cli/helper

OUT="$TOP/tests/output"

chrome() {
	chromium --headless --no-sandbox --disable-gpu --disable-quic \
	    --no-first-run --disable-background-networking \
	    --disable-component-update --disable-sync \
	    --user-data-dir="$BATS_TEST_TMPDIR/chrome" "$@" 2>/dev/null
}

setup_file() {
	mkdir -p "$OUT"
}

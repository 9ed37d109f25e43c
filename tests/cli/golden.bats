#!/usr/bin/env bats
# What lint reports for the samples and the labelled corpus, diffed
# against tests/golden/ (written by 'make regen-golden', never by hand):
# any change to a finding shows up here and in review.
load helper

setup_file() {
	export GOLDEN_NEW="$BATS_FILE_TMPDIR/golden"
	sh "$TOP/tests/golden/gen.sh" "$LPCOACH" "$GOLDEN_NEW"
}

golden() {
	run diff -u "$TOP/tests/golden/$1" "$GOLDEN_NEW/$1"
	[ "$status" -eq 0 ] || fail "lint output changed ('make regen-golden' if meant):
$output"
}

@test "golden: each sample file" {
	golden samples-files.gnu
}

@test "golden: the samples as a bank, with consistency" {
	golden samples-bank.gnu
}

@test "golden: every corpus story" {
	golden corpus.gnu
}

@test "golden: numbers that disagree across the corpus bank" {
	golden corpus-bank.gnu
}

@test "golden: nothing in tests/golden that gen.sh does not write" {
	run diff <(ls "$TOP/tests/golden" | grep -v '^gen.sh$') <(ls "$GOLDEN_NEW")
	assert_success
}

#!/usr/bin/env bats
load helper

@test "import of the samples directory adds every story" {
	run lp import "$SAMPLES"
	assert_success
	assert_output "imported: 14 added, 0 updated, 0 unchanged (14 files)"
	run lp doctor
	assert_success
}

@test "re-importing updates by uid without duplicates" {
	lp import "$SAMPLES" >/dev/null
	run lp import "$SAMPLES"
	assert_output "imported: 0 added, 0 updated, 14 unchanged (14 files)"
	cp "$SAMPLES/04-gpu-training-cost.md" gpu.md
	sed -i 's/Halved the GPU bill/Cut the GPU bill in half/' gpu.md
	run lp import gpu.md
	assert_output "imported: 0 added, 1 updated, 0 unchanged (1 files)"
	run lp show gpu-training-cost --json
	assert_output --partial '"title": "Cut the GPU bill in half'
	assert_output --partial '"id": 4'
	[ "$(lp list --json | grep -c '"uid"')" -eq 14 ]
}

@test "import --dry-run says what would change and changes nothing" {
	lp import "$SAMPLES" >/dev/null
	cp "$SAMPLES/04-gpu-training-cost.md" gpu.md
	sed -i 's/Halved/Quartered/' gpu.md
	story new.md "Brand new" frugality brand-new
	before=$(bank_hash)
	run lp import --dry-run gpu.md new.md
	assert_success
	assert_line "would update: Quartered the GPU bill for nightly retraining (gpu-training-cost)"
	assert_line "would add: Brand new (brand-new)"
	assert_line "dry run: would be 1 added, 1 updated, 0 unchanged (2 files)"
	[ "$(bank_hash)" = "$before" ]
}

@test "one bad file means nothing is imported, and every bad file is listed" {
	mkdir in
	cp "$SAMPLES"/0*.md in/
	printf -- '---\ntitle: "open\n---\n' > in/bad-yaml.md
	printf -- '---\ntitle: t\nprinciples: [dive deeep]\n---\n' > in/bad-principle.md
	run lp import in
	assert_failure 2
	assert_output --partial "in/bad-yaml.md:3:1: malformed front matter"
	assert_output --partial "in/bad-principle.md:3: unknown principle 'dive deeep'; did you mean 'Dive Deep'"
	assert_output --partial "nothing was imported"
	[ ! -e "$LPCOACH_DB" ] || [ "$(lp list --json)" = "[]" ]
}

@test "import reads the JSON that export writes" {
	lp import "$SAMPLES" >/dev/null
	lp export --format json > all.json
	export LPCOACH_DB="$BATS_TEST_TMPDIR/other.db"
	run lp import all.json
	assert_success
	assert_output "imported: 14 added, 0 updated, 0 unchanged (1 files)"
	lp export --format json > again.json
	diff all.json again.json
}

@test "bad JSON names the file, line and column" {
	printf '[{"title": "a",\n  "oops"}]\n' > bad.json
	run lp import bad.json
	assert_failure 2
	assert_output --regexp "bad.json:2:[0-9]+: malformed JSON"
	printf '[{"title": "a", "colour": "red"}]\n' > field.json
	run lp import field.json
	assert_failure 2
	assert_output --partial "field.json: story 1: unknown field 'colour'"
	printf '[{"title": "a", "situation": "x\\n## Result\\ny"}]\n' > split.json
	run lp import split.json
	assert_failure 2
	assert_output --partial "split.json: story 1: this story would not survive export"
}

@test "duplicate uids in one import are refused" {
	story a.md "One" ownership same
	story b.md "Two" ownership same
	run lp import a.md b.md
	assert_failure 2
	assert_output --partial "b.md: uid 'same' is also used by a.md"
}

@test "import needs a path" {
	run lp import
	assert_failure 2
	assert_output --partial "what to import?"
}

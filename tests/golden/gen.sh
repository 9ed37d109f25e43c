#!/bin/sh
# Writes what lint reports (--format gnu, then the exit status) for the
# samples and the labelled corpus into DIR, one file per case:
#
#   samples-files.gnu   each sample file linted as it is
#   samples-bank.gnu    the samples imported into a new bank, 'lint --all'
#                       (which adds the consistency between stories)
#   corpus.gnu          every story of tests/lint-corpus/ as a file
#   corpus-bank.gnu     the corpus imported into a bank: the numbers that
#                       disagree between stories of one project
#
# tests/cli/golden.bats diffs a fresh run against tests/golden/; 'make
# regen-golden' is the only way to rewrite them, so any change to what
# lint reports shows up in review.  (They live here, never beside the
# samples, which 'import stories/samples' would read.)
#
# usage: tests/golden/gen.sh LPCOACH DIR
set -eu
lp=$1
out=$2
top=$(cd "$(dirname "$0")/../.." && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT INT TERM
mkdir -p "$out" "$scratch/config"
cd "$top"
# Nothing of the user's own: no rubrics, no colour, a fixed clock.
export XDG_CONFIG_HOME="$scratch/config" LPCOACH_DB="$scratch/bank.db"
export LPCOACH_NOW=2026-11-01T09:00:00Z NO_COLOR=1
unset LPCOACH_NO_JIT 2>/dev/null || true

# case NAME COMMAND...: the command's standard output and its status.
case_() {
	name=$1
	shift
	rc=0
	"$@" > "$scratch/$name" 2> "$scratch/$name.err" || rc=$?
	if [ -s "$scratch/$name.err" ] || [ "$rc" -gt 1 ]; then
		echo "gen.sh: $name: $* failed (exit $rc):" >&2
		cat "$scratch/$name.err" >&2
		exit 2
	fi
	echo "exit $rc" >> "$scratch/$name"
	mv "$scratch/$name" "$out/$name"
}

case_ samples-files.gnu "$lp" lint --format gnu stories/samples/*.md
"$lp" import stories/samples > /dev/null
case_ samples-bank.gnu "$lp" lint --all --format gnu
case_ corpus.gnu "$lp" lint --format gnu tests/lint-corpus/*.md
# Each with its file name as uid (a generated one ends in random digits).
rm -f "$LPCOACH_DB"*
mkdir "$scratch/corpus"
for f in tests/lint-corpus/*.md; do
	uid=$(basename "$f" .md)
	awk -v uid="$uid" 'NR == 1 && /^---$/ { print; print "uid: " uid; next }
	    { print }' "$f" > "$scratch/corpus/$uid.md"
done
"$lp" import "$scratch/corpus" > /dev/null
case_ corpus-bank.gnu "$lp" lint --all --format gnu --only numbers-disagree

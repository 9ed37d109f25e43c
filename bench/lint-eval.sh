#!/bin/sh
# Measures lint against a labelled corpus: for each category, how many of
# lint's findings are right (precision) and how many of the labelled
# problems it finds (recall).  A measurement, not a test: it never fails
# on the numbers.
#
#   sh bench/lint-eval.sh [DIR] [LPCOACH]     (make lint-eval)
#
# DIR (default tests/lint-corpus) holds story files and labels.tsv (see
# tests/lint-corpus/README).  Every story is imported into a scratch bank
# under its file name as uid, the bank is linted whole (so numbers that
# disagree across a project are found too), and each labelled (story,
# category) is compared with whether lint reported anything of that
# category for the story.  A story that does not parse counts as linted
# clean, and is listed.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-$top/tests/lint-corpus}
lp=${2:-$top/lpcoach}
labels="$dir/labels.tsv"
[ -f "$labels" ] || { echo "lint-eval: no $labels" >&2; exit 2; }
work=$(mktemp -d "${TMPDIR:-/tmp}/lint-eval.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
export LPCOACH_DB="$work/bank.db" LPCOACH_NOW=2026-11-20T09:00:00Z
export HOME="$work" TZ=UTC NO_COLOR=1
unset XDG_CONFIG_HOME

# Each story, with its file name as uid, imported on its own so that one
# that does not parse is listed and the others still count.
mkdir "$work/in"
: > "$work/unparsed"
for f in "$dir"/*.md; do
	uid=$(basename "$f" .md)
	awk -v uid="$uid" 'NR == 1 && /^---$/ { print; print "uid: " uid; next }
	    { print }' "$f" > "$work/in/$uid.md"
	if ! "$lp" import "$work/in/$uid.md" > /dev/null 2> "$work/err"; then
		printf '%s\t%s\n' "$uid" "$(head -1 "$work/err")" >> "$work/unparsed"
	fi
done

# What lint found: UID, CATEGORY, RULE, LINE, the match or the message.
"$lp" list --json | jq -r '.[] | "\(.id)\t\(.uid)"' > "$work/ids"
# Findings exit 1; anything else (a bad rule, a pattern that could not
# finish) would measure nothing, so it stops the measurement.
rc=0
"$lp" lint --all --format json > "$work/lint.json" 2> "$work/lint.err" || rc=$?
if [ "$rc" -gt 1 ]; then
	echo "lint-eval: lint failed (exit $rc), nothing measured:" >&2
	cat "$work/lint.err" >&2
	exit 2
fi
jq -r '.[] | .story as $s | .findings[] |
    [$s, .category, .rule, .line, ((.match // .message) | gsub("[\t\n]"; " "))] |
    @tsv' "$work/lint.json" |
    awk -F'\t' 'NR == FNR { uid[$1] = $2; next }
        { $1 = uid[$1]; print }' OFS='\t' "$work/ids" - > "$work/found"

awk -F'\t' -v unparsed="$work/unparsed" '
BEGIN { OFS = "\t" }
FILENAME == unparsed { bad[$1] = $2; next }
FILENAME != ARGV[ARGC - 1] {
	# found: uid category rule line text
	k = $1 SUBSEP $2
	hit[k] = 1
	why[k] = why[k] (why[k] == "" ? "" : "; ") $3 " " $4 ": \"" $5 "\""
	next
}
/^#/ { next }
{
	story = $1; cat = $2; label = $3; note = $4
	k = story SUBSEP cat
	if (!(cat in seen)) { seen[cat] = 1; order[++ncat] = cat }
	if (label == "flag" && hit[k]) tp[cat]++
	else if (label == "flag") { fn[cat]++; dis[++nd] = "FN  " story "  " cat "  (nothing found; label: " note ")" }
	else if (hit[k]) { fp[cat]++; dis[++nd] = "FP  " story "  " cat "  " why[k] }
	else tn[cat]++
}
function ratio(a, b) { return b ? sprintf("%.2f", a / b) : "-" }
END {
	nb = 0
	for (s in bad) nb++
	printf "%-14s %4s %4s %4s %4s  %9s  %6s\n", "category", "tp", "fp", "fn", "tn", "precision", "recall"
	for (i = 1; i <= ncat; i++) {
		c = order[i]
		printf "%-14s %4d %4d %4d %4d  %9s  %6s\n", c, tp[c], fp[c], fn[c], tn[c],
		    ratio(tp[c], tp[c] + fp[c]), ratio(tp[c], tp[c] + fn[c])
		TP += tp[c]; FP += fp[c]; FN += fn[c]; TN += tn[c]
	}
	printf "%-14s %4d %4d %4d %4d  %9s  %6s\n", "all", TP, FP, FN, TN,
	    ratio(TP, TP + FP), ratio(TP, TP + FN)
	if (nb) {
		printf "\n%d stories did not parse (counted as linted clean):\n", nb
		for (s in bad) printf "  %s: %s\n", s, bad[s]
	}
	if (nd) printf "\n%d disagreements:\n", nd
	for (i = 1; i <= nd; i++) print "  " dis[i]
}' "$work/unparsed" "$work/found" "$labels"

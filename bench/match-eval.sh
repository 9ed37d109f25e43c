#!/bin/sh
# Measures 'lpcoach match' against labelled (question, best story) pairs
# over the sample stories: top-1 and top-3 accuracy, next to ranking by
# tags alone (the stories tagged with the question's first inferred
# principle, by lint score, then id: what the drill did before match).
# Then, for the bank's own main questions, how often a story tagged with
# the question's principle is in match's top 3.  A measurement, not a
# test: it never fails on the numbers.
#
#   sh bench/match-eval.sh [PAIRS.tsv]... [-- LPCOACH]    (make match-eval)
#
# PAIRS.tsv (default tests/match/pairs.tsv, heldout.tsv and heldout2.tsv,
# each its own row)
# holds one pair a line: the question, a tab, the uid of the best story.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
lp=$top/lpcoach
sets=
while [ $# -gt 0 ]; do
	case $1 in
	--) lp=$2; shift 2 ;;
	*) sets="$sets $1"; shift ;;
	esac
done
[ -n "$sets" ] || sets="$top/tests/match/pairs.tsv $top/tests/match/heldout.tsv
    $top/tests/match/heldout2.tsv"
command -v jq > /dev/null || { echo "match-eval: needs jq" >&2; exit 2; }
work=$(mktemp -d "${TMPDIR:-/tmp}/match-eval.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
export LPCOACH_DB="$work/bank.db" LPCOACH_NOW=2026-11-20T09:00:00Z
export HOME="$work" TZ=UTC NO_COLOR=1
unset XDG_CONFIG_HOME
"$lp" import "$top/stories/samples" > /dev/null
"$lp" list --json > "$work/list.json"

# tag_rank SLUG: the uids tagged SLUG, best lint score first, then by id.
tag_rank() {
	jq -r --arg p "$1" '[.[] | select(.principles | index($p))] |
	    sort_by(-.score, .id) | .[].uid' "$work/list.json"
}

for set in $sets; do
	[ -f "$set" ] || { echo "match-eval: no $set" >&2; exit 2; }
	n=0 m1=0 m3=0 t1=0 t3=0
	: > "$work/missed"
	while IFS='	' read -r q want; do
		[ -n "$q" ] || continue
		n=$((n + 1))
		"$lp" match --json -n 3 "$q" > "$work/m.json" || true
		got=$(jq -r '.stories[].uid' "$work/m.json")
		first=$(printf '%s\n' "$got" | head -1)
		[ "$first" = "$want" ] && m1=$((m1 + 1))
		if printf '%s\n' "$got" | grep -qx -- "$want"; then
			m3=$((m3 + 1))
		else
			printf '  %s (wanted %s, got %s)\n' "$q" "$want" \
			    "$(printf '%s' "$got" | tr '\n' ' ')" >> "$work/missed"
		fi
		p=$(jq -r '.question.principles[0].slug // empty' "$work/m.json")
		tags=$([ -n "$p" ] && tag_rank "$p" | head -3 || true)
		[ "$(printf '%s\n' "$tags" | head -1)" = "$want" ] && t1=$((t1 + 1))
		printf '%s\n' "$tags" | grep -qx -- "$want" && t3=$((t3 + 1))
	done < "$set"
	echo "== $(basename "$set"): $n pairs"
	awk -v n="$n" -v a="$m1" -v b="$m3" -v c="$t1" -v d="$t3" 'BEGIN {
		printf "  match:     top-1 %.2f (%d)  top-3 %.2f (%d)\n", a/n, a, b/n, b
		printf "  tags only: top-1 %.2f (%d)  top-3 %.2f (%d)\n", c/n, c, d/n, d
	}'
	if [ -s "$work/missed" ]; then
		echo "  not in match's top 3:"
		cat "$work/missed"
	fi
done

# The bank's own questions: is a story tagged with the question's
# principle among match's top 3?
"$lp" questions --json | jq -r '.[] | select(.kind == "question") |
    [.id, .principle, .text] | @tsv' > "$work/questions"
n=0 hit=0
while IFS='	' read -r id p q; do
	n=$((n + 1))
	"$lp" match --json -n 3 "$q" > "$work/m.json" || true
	jq -e --arg p "$p" --slurpfile l "$work/list.json" '
	    [.stories[].uid] as $u | $l[0] |
	    any(.[]; (.uid as $x | $u | index($x)) and
	        (.principles | index($p)))' "$work/m.json" > /dev/null &&
	    hit=$((hit + 1))
done < "$work/questions"
awk -v n="$n" -v h="$hit" 'BEGIN {
	printf "== the bank'"'"'s %d questions: a story tagged with the question'"'"'s principle in the top 3: %.3f (%d)\n", n, h/n, h
}'

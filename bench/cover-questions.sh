#!/bin/sh
# 'lpcoach cover --questions' (all 208 bank questions ranked with one
# matcher) on the 14 sample stories and on 1,000 generated ones
# (bench/gencorpus 1000 DIR 42), beside what a script would do without it:
# one 'lpcoach match' process per question.  farm-bench times each whole
# process; quote the medians.  See bench/RESULTS.md.
#
#     sh bench/cover-questions.sh [WORKDIR]
set -eu
cd "$(dirname "$0")/.."
work=${1:-${TMPDIR:-/tmp}/lpcoach-bench}
mkdir -p "$work"
make --no-print-directory bench-tools >/dev/null
lp=$PWD/build/plain/lpcoach
export HOME="$work" TZ=UTC NO_COLOR=1 LPCOACH_NOW=2026-11-20T09:00:00Z
unset XDG_CONFIG_HOME XDG_DATA_HOME
"$lp" questions --json | jq -r '.[] | select(.kind == "question") | .text' \
    > "$work/questions.txt"
cat > "$work/each.sh" <<'SH'
while IFS= read -r q; do "$1" match --json -n 1000 "$q" >/dev/null || :; done < "$2"
SH
for set in samples 1000; do
	export LPCOACH_DB="$work/cover-$set.db"
	if ! [ -f "$LPCOACH_DB" ]; then
		if [ "$set" = samples ]; then
			"$lp" import stories/samples >/dev/null
		else
			[ -d "$work/corpus-1000" ] ||
			    build/plain/gencorpus 1000 "$work/corpus-1000" 42
			"$lp" import "$work/corpus-1000" >/dev/null
		fi
	fi
	echo "== $set: $("$lp" list --json | jq length) stories"
	farm-bench -n "${RUNS:-5}" --timeout 600 -- sh -c \
	    "'$lp' cover --questions >/dev/null; [ \$? -le 1 ]"
	# 208 processes a run: fewer runs on the large bank.
	each=5; [ "$set" = samples ] || each=3
	farm-bench -n "$each" --timeout 900 -- \
	    sh "$work/each.sh" "$lp" "$work/questions.txt"
done

#!/bin/sh
# Loop planning: the planner alone (bench/planbench.c: median of 21 runs)
# for 100 to 10,000 stories, then the whole 'lpcoach loop plan --backups'
# command on a bank of 2,000 generated stories, with the lint scores
# cached in the bank and without (the per-slot fits it maximises are
# computed per plan either way).  See bench/RESULTS.md.
#
#     sh bench/plan.sh [WORKDIR]
set -eu
cd "$(dirname "$0")/.."
work=${1:-${TMPDIR:-/tmp}/lpcoach-bench}
mkdir -p "$work"
make --no-print-directory bench-tools build/plain/planbench >/dev/null
[ -x /usr/bin/time ] || { sudo=; [ "$(id -u)" = 0 ] || sudo=sudo; \
	$sudo apt-get install -y -qq time >/dev/null; }
for n in 100 1000 2000 10000; do
	build/plain/planbench "$n"
done
bank="$work/plan-2000.db"
rm -f "$bank" "$bank-wal" "$bank-shm"
[ -d "$work/corpus-plan" ] || build/plain/gencorpus 2000 "$work/corpus-plan" 7
./lpcoach --db "$bank" import "$work/corpus-plan" >/dev/null
./lpcoach --db "$bank" loop new bench --template empty >/dev/null
set -- customer-obsession ownership invent-and-simplify dive-deep \
    deliver-results bias-for-action earn-trust have-backbone \
    insist-on-the-highest-standards frugality think-big learn-and-be-curious \
    are-right-a-lot ownership dive-deep deliver-results customer-obsession \
    invent-and-simplify earn-trust bias-for-action frugality think-big \
    insist-on-the-highest-standards learn-and-be-curious
for r in 1 2 3 4 5 6 7 8; do
	./lpcoach --db "$bank" loop round add bench "round-$r" "$1" "$2" "$3" >/dev/null
	shift 3
done
# Warm: import filled the score cache.  Cold: the cache emptied first,
# so every story is linted, as after a change to the user's rubric.
plan() {
	/usr/bin/time -f "%e s, %M KB peak" -o "$work/time.txt" \
	    ./lpcoach --db "$bank" loop plan bench --backups --json \
	    > "$work/plan.json" || true
	echo "lpcoach loop plan --backups, 2000 stories, 8 x 3 slots, $1:" \
	    "$(tail -n 1 "$work/time.txt") (filled" \
	    "$(jq .filled "$work/plan.json") of $(jq .slots "$work/plan.json"))"
}
plan "score cache warm"
sqlite3 "$bank" 'DELETE FROM lint_score'
plan "score cache cold"

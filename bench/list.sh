#!/bin/sh
# Listing: 'lpcoach list' on banks of 100, 1,000 and 10,000 generated
# stories (scores cached by the import), beside sqlite3 running one query
# that selects what list prints (id, title, principles, cached score), the
# floor for any tool reading that bank.  Each command runs RUNS times (21);
# the table gives the total CPU seconds of those runs and the ratio.  See
# bench/RESULTS.md.
#
#     sh bench/list.sh [WORKDIR]
set -eu
cd "$(dirname "$0")/.."
work=${1:-${TMPDIR:-/tmp}/lpcoach-bench}
runs=${RUNS:-21}
mkdir -p "$work"
if ! command -v sqlite3 >/dev/null 2>&1 || ! [ -x /usr/bin/time ]; then
	sudo=; [ "$(id -u)" = 0 ] || sudo=sudo
	$sudo apt-get install -y -qq sqlite3 time >/dev/null
fi
make --no-print-directory bench-tools >/dev/null
query="SELECT s.id, s.title, (SELECT group_concat(slug) FROM story_principle p
    WHERE p.story_id = s.id ORDER BY pos), l.score FROM story s
    LEFT JOIN lint_score l ON l.story_id = s.id ORDER BY s.id"

# cpu COMMAND...: the CPU seconds (user + system) of RUNS runs.
cpu() {
	/usr/bin/time -f "%U %S" -o "$work/time.txt" sh -c '
		n=$1; shift
		while [ "$n" -gt 0 ]; do "$@" >/dev/null; n=$((n - 1)); done
	' sh "$runs" "$@"
	awk '{ print $1 + $2 }' "$work/time.txt"
}

printf '%8s %14s %14s %7s\n' stories "lpcoach list" "sqlite3" ratio
for n in 100 1000 10000; do
	dir="$work/corpus-paragraph-$n"
	[ -d "$dir" ] || build/plain/gencorpus "$n" "$dir" 42
	bank="$work/list-$n.db"
	rm -f "$bank" "$bank-wal" "$bank-shm"
	./lpcoach --db "$bank" import "$dir" >/dev/null
	a=$(cpu ./lpcoach --db "$bank" list)
	b=$(cpu sqlite3 "$bank" "$query")
	printf '%8d %12.3f s %12.3f s %6.2fx\n' "$n" "$a" "$b" \
	    "$(echo "$a $b" | awk '{ print $1 / ($2 > 0 ? $2 : 0.001) }')"
done
echo "(CPU seconds for $runs runs of each command)"

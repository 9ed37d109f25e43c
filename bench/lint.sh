#!/bin/sh
# Lint throughput: lpcoach lint over generated corpora of 1,000 and 10,000
# stories (about 200 words each), as files and as a bank, beside pcre2grep
# running the same rubric's patterns over the same files, the floor for
# any PCRE2 tool.  Each corpus comes in two shapes (bench/gencorpus.c):
# one paragraph a line, and wrapped at 72 columns; pcre2grep reads lines,
# lint reads sections, so the shape moves the ratio.  Prints one table;
# see bench/RESULTS.md.
#
#     sh bench/lint.sh [WORKDIR]
set -eu
cd "$(dirname "$0")/.."
work=${1:-${TMPDIR:-/tmp}/lpcoach-bench}
need() { command -v "$1" >/dev/null 2>&1; }
if ! need pcre2grep || ! [ -x /usr/bin/time ] || ! need jq; then
	sudo=; [ "$(id -u)" = 0 ] || sudo=sudo
	$sudo apt-get install -y -qq pcre2-utils time jq >/dev/null
fi
make --no-print-directory bench-tools >/dev/null
lp=./lpcoach
mkdir -p "$work"

# Every pattern the active rules use, fragments expanded, one a line;
# pcre2grep refuses a pattern over 8,192 bytes, so those few are left out
# of its run (and counted).
$lp rules --json | jq -r '.[] | .patterns[], .unless[]' > "$work/all-patterns.txt"
awk 'length($0) <= 8192' "$work/all-patterns.txt" > "$work/patterns.txt"
long=$(awk 'length($0) > 8192' "$work/all-patterns.txt" | wc -l)

# CPU seconds (user + system), not wall time: the machine may be shared,
# and CPU time is what a loaded machine inflates least.
measure() { # label, command...: prints "cpu_seconds peak_kb"
	label=$1; shift
	/usr/bin/time -f "%U %S %M" -o "$work/time.txt" "$@" > /dev/null 2>&1 || true
	tail -n 1 "$work/time.txt" | awk '{ print $1 + $2, $3 }'
}

printf '%-34s %8s %8s %9s %8s %9s\n' run stories "cpu s" stories/s MB/s "peak RSS"
for shape in paragraph wrapped; do
echo "$shape:"
for n in 1000 10000; do
	dir="$work/corpus-$shape-$n"
	[ -d "$dir" ] || build/plain/gencorpus "$n" "$dir" 42 "$shape"
	bytes=$(cat "$dir"/*.md | wc -c)
	mb=$(echo "$bytes" | awk '{ printf "%.1f", $1 / 1048576 }')
	bank="$work/bank-$n.db"
	rm -f "$bank" "$bank-wal" "$bank-shm"
	set -- $(measure import "$lp" --db "$bank" import "$dir")
	printf '%-34s %8d %8.2f %9.0f %8s %7d KB\n' "import $n files" "$n" "$1" \
	    "$(echo "$n $1" | awk '{ print $1 / ($2 > 0 ? $2 : 0.001) }')" "-" "$2"
	for fmt in text json; do
		set -- $(measure lint sh -c "$lp lint $dir/*.md --format $fmt")
		printf '%-34s %8d %8.2f %9.0f %8.1f %7d KB\n' \
		    "lpcoach lint files --format $fmt" "$n" "$1" \
		    "$(echo "$n $1" | awk '{ print $1 / ($2 > 0 ? $2 : 0.001) }')" \
		    "$(echo "$bytes $1" | awk '{ print $1 / 1048576 / ($2 > 0 ? $2 : 0.001) }')" "$2"
	done
	# The bank's lint also compares figures across each project's
	# stories, which a lint of files does not; the second row leaves
	# that rule out, to compare like with like.
	for rule in "" numbers-disagree; do
		set -- $(measure lint "$lp" --db "$bank" lint --all --format json \
		    ${rule:+--disable "$rule"})
		printf '%-34s %8d %8.2f %9.0f %8.1f %7d KB\n' \
		    "lpcoach lint --all (bank)${rule:+ -consist.}" "$n" "$1" \
		    "$(echo "$n $1" | awk '{ print $1 / ($2 > 0 ? $2 : 0.001) }')" \
		    "$(echo "$bytes $1" | awk '{ print $1 / 1048576 / ($2 > 0 ? $2 : 0.001) }')" "$2"
	done
	set -- $(measure grep sh -c "pcre2grep -c -i -u -f $work/patterns.txt $dir/*.md")
	pcre2grep -c -i -u -f "$work/patterns.txt" "$dir/story-000000.md" >/dev/null 2>&1 ||
		[ $? -eq 1 ] || { echo "pcre2grep failed on the patterns" >&2; exit 1; }
	printf '%-34s %8d %8.2f %9.0f %8.1f %7d KB\n' "pcre2grep, same patterns" "$n" "$1" \
	    "$(echo "$n $1" | awk '{ print $1 / ($2 > 0 ? $2 : 0.001) }')" \
	    "$(echo "$bytes $1" | awk '{ print $1 / 1048576 / ($2 > 0 ? $2 : 0.001) }')" "$2"
	echo "  ($mb MB of story text; pcre2grep ran $(wc -l < "$work/patterns.txt") of the" \
	    "$(wc -l < "$work/all-patterns.txt") patterns, $long being over its length limit)"
done
done

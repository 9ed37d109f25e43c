#!/bin/sh
# Lint throughput: lpcoach lint over generated corpora of 1,000 and 10,000
# stories (about 200 words each), as files and as a bank, beside pcre2grep
# running the same rubric's patterns over the same files, the floor for
# any PCRE2 tool.  Prints one table; see bench/RESULTS.md.
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

# Every pattern the active rules use, fragments expanded, one a line.
$lp rules --json | jq -r '.[] | .patterns[], .unless[]' > "$work/patterns.txt"

measure() { # label, command...: prints "seconds peak_kb"
	label=$1; shift
	/usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" > /dev/null 2>&1 || true
	tail -n 1 "$work/time.txt"
}

printf '%-34s %8s %8s %9s %8s %9s\n' run stories seconds stories/s MB/s "peak RSS"
for n in 1000 10000; do
	dir="$work/corpus-$n"
	[ -d "$dir" ] || build/plain/gencorpus "$n" "$dir" 42
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
	set -- $(measure lint "$lp" --db "$bank" lint --all --format json)
	printf '%-34s %8d %8.2f %9.0f %8.1f %7d KB\n' "lpcoach lint --all (bank)" "$n" "$1" \
	    "$(echo "$n $1" | awk '{ print $1 / ($2 > 0 ? $2 : 0.001) }')" \
	    "$(echo "$bytes $1" | awk '{ print $1 / 1048576 / ($2 > 0 ? $2 : 0.001) }')" "$2"
	set -- $(measure grep sh -c "pcre2grep -c -i -u -f $work/patterns.txt $dir/*.md")
	printf '%-34s %8d %8.2f %9.0f %8.1f %7d KB\n' "pcre2grep, same patterns" "$n" "$1" \
	    "$(echo "$n $1" | awk '{ print $1 / ($2 > 0 ? $2 : 0.001) }')" \
	    "$(echo "$bytes $1" | awk '{ print $1 / 1048576 / ($2 > 0 ? $2 : 0.001) }')" "$2"
	echo "  ($mb MB of story text, $(wc -l < "$work/patterns.txt") patterns)"
done

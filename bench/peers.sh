#!/bin/sh
# lpcoach lint beside two prose linters on the same generated stories:
# write-good (npm) and proselint (Debian's python3-proselint), installed
# into a scratch directory when missing.  Prints stories per second for
# each; see bench/RESULTS.md.  proselint is slow, so it gets a 200-story
# sample; the others get the whole corpus.
#
#     sh bench/peers.sh [WORKDIR]
set -eu
cd "$(dirname "$0")/.."
work=${1:-${TMPDIR:-/tmp}/lpcoach-bench}
mkdir -p "$work/peers"
sudo=; [ "$(id -u)" = 0 ] || sudo=sudo
[ -x /usr/bin/time ] || $sudo apt-get install -y -qq time >/dev/null
command -v proselint >/dev/null || $sudo apt-get install -y -qq python3-proselint >/dev/null
if [ ! -x "$work/peers/node_modules/.bin/write-good" ]; then
	(cd "$work/peers" && npm install --silent --no-audit --no-fund write-good >/dev/null)
fi
make --no-print-directory bench-tools >/dev/null
corpus="$work/corpus-peers"
[ -d "$corpus" ] || build/plain/gencorpus 10000 "$corpus" 42
sample="$work/corpus-sample"
if [ ! -d "$sample" ]; then
	mkdir "$sample"
	cp "$corpus"/story-0000[0-9][0-9].md "$corpus"/story-0001[0-9][0-9].md "$sample"/
fi

rate() { # label, n, command: prints a row with stories per second
	label=$1 n=$2; shift 2
	/usr/bin/time -f "%e" -o "$work/time.txt" sh -c "$*" > /dev/null 2>&1 || true
	s=$(tail -n 1 "$work/time.txt")
	r=$(echo "$n $s" | awk '{ printf "%.1f", $1 / ($2 > 0 ? $2 : 0.001) }')
	printf '%-40s %7d %9.2f %12s\n' "$label" "$n" "$s" "$r"
	echo "$r" > "$work/rate-$label"
}

printf '%-40s %7s %9s %12s\n' tool stories seconds stories/s
rate lpcoach 10000 "./lpcoach lint $corpus/*.md --format gnu"
rate write-good 10000 "$work/peers/node_modules/.bin/write-good $corpus/*.md"
# proselint caches results by content under ~/.cache (and --clean does not
# empty it in 0.10.2): run it with an empty HOME, or it measures its cache.
rm -rf "$work/proselint-home" && mkdir "$work/proselint-home"
rate proselint 200 "HOME=$work/proselint-home proselint $sample/*.md"
lp=$(cat "$work/rate-lpcoach")
echo
echo "lpcoach is $(echo "$lp $(cat "$work/rate-write-good")" | awk '{ printf "%.0f", $1 / $2 }')x write-good and" \
    "$(echo "$lp $(cat "$work/rate-proselint")" | awk '{ printf "%.0f", $1 / $2 }')x proselint"
echo "($(./lpcoach rules --json | jq length) rules, including STAR structure, principle fit and secrets," \
    "which neither peer checks)"

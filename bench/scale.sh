#!/bin/sh
# Scale: every command that reads or writes the whole bank, on a bank of N
# generated stories (bench/gencorpus.c, seed 42, one file per story, each
# with a uid, 40 projects), and one story with 120,000 tags.  Prints one
# row a command: wall, user and system seconds and peak RSS from GNU time
# (quote CPU seconds on a shared machine: wall time moves with the load),
# and the exit status.  Each command is bounded by TIMEOUT seconds (300);
# LPCOACH names the binary to measure (build/plain/lpcoach).
# See bench/RESULTS.md.
#
#     sh bench/scale.sh N [WORKDIR]
set -eu
cd "$(dirname "$0")/.."
n=${1:?usage: sh bench/scale.sh N [WORKDIR]}
work=${2:-${TMPDIR:-/tmp}/lpcoach-bench}
limit=${TIMEOUT:-300}
if ! [ -x /usr/bin/time ]; then
	sudo=; [ "$(id -u)" = 0 ] || sudo=sudo
	$sudo apt-get install -y -qq time >/dev/null
fi
make --no-print-directory bench-tools >/dev/null
lp=${LPCOACH:-$PWD/build/plain/lpcoach}
mkdir -p "$work"
dir="$work/corpus-paragraph-$n"
[ -d "$dir" ] || build/plain/gencorpus "$n" "$dir" 42
bank="$work/scale-$n.db"
rm -rf "$bank" "$bank-wal" "$bank-shm" "$work/export-$n"

# row LABEL COMMAND...: one line of the table; the command's output is
# thrown away (to a file, not a pipe).
row() {
	label=$1; shift
	rc=0
	/usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" \
	    timeout "$limit" "$@" > "$work/out.txt" 2>&1 || rc=$?
	set -- $(tail -n 1 "$work/time.txt")
	printf '%-36s %8.2f %8.2f %8.2f %7d KB  exit %d\n' "$label" "$1" "$2" \
	    "$3" "$4" "$rc"
}

printf '%-36s %8s %8s %8s %10s\n' "command ($n stories)" wall user sys "peak RSS"
row "import $n files" "$lp" --db "$bank" import "$dir"
row "lint --all --format gnu" "$lp" --db "$bank" lint --all --format gnu
row "list" "$lp" --db "$bank" list
row "cover" "$lp" --db "$bank" cover
row "cover --questions" "$lp" --db "$bank" cover --questions
row "match \"a time you disagreed\"" "$lp" --db "$bank" match \
    "Tell me about a time you disagreed with your manager"
row "report" "$lp" --db "$bank" report
row "export --out DIR (md)" "$lp" --db "$bank" export --out "$work/export-$n"
row "export --format json" "$lp" --db "$bank" export --format json
row "doctor" "$lp" --db "$bank" doctor

# One story with 120,000 tags, added to that bank, then re-tagged.
tags="$work/tags-120000.md"
{
	printf -- '---\ntitle: A story with many tags\nprinciples: [ownership]\n'
	printf 'tags: ['
	awk 'BEGIN { for (i = 0; i < 120000; i++)
		printf "%st%d", i ? "," : "", i }'
	printf ']\n---\n## Situation\n\nA launch was close.\n\n## Task\n\n'
	printf 'I owned the fix.\n\n## Action\n\nI wrote the parity test.\n\n'
	printf '## Result\n\nLatency fell from 900 ms to 200 ms.\n'
} > "$tags"
row "add (120,000 tags)" "$lp" --db "$bank" add --no-write-uid "$tags"
id="A story with many tags"
row "tag +dive-deep (120,000 tags)" "$lp" --db "$bank" tag "$id" +dive-deep
row "show (120,000 tags)" "$lp" --db "$bank" show "$id"

#!/bin/sh
# How long lint takes to give up on hostile rule files (issue 8: a clear
# error within one second): the catastrophic patterns and the JIT-stack
# exhauster of tests/hostile/ on 100 KB of text, with PCRE2's JIT and
# without (LPCOACH_NO_JIT=1), five runs each.  Then (issue 13) how long
# 'lpcoach rules' takes over the rule files built to blow up as they load
# (fragments that fan out, nesting 100,000 and 1,000,000 deep, 80,000
# fragments), with the bytes of error it prints, one run each, stopped
# after BENCH_TIMEOUT seconds (default 900).  See bench/RESULTS.md.
#
#     sh bench/hostile.sh [WORKDIR]
#     BENCH_LPCOACH=/path/to/old/lpcoach sh bench/hostile.sh   # another build
set -eu
cd "$(dirname "$0")/.."
work=${1:-${TMPDIR:-/tmp}/lpcoach-bench}/hostile
rm -rf "$work"
mkdir -p "$work"
make --no-print-directory lpcoach >/dev/null
bin=${BENCH_LPCOACH:-./lpcoach}
[ -x /usr/bin/time ] || { sudo=; [ "$(id -u)" = 0 ] || sudo=sudo; \
	$sudo apt-get install -y -qq time >/dev/null; }
sh tests/hostile/fixtures.sh "$work" >/dev/null
printf '%-6s %-12s %6s %6s  %s\n' rules engine status secs "the error, after the file and rule"
for rules in slow stack; do
	for engine in jit interpreter; do
		for run in 1 2 3 4 5; do
			if [ "$engine" = jit ]; then unset LPCOACH_NO_JIT; \
			else export LPCOACH_NO_JIT=1; fi
			/usr/bin/time -f "%e" -o "$work/time.txt" "$bin" \
			    lint "$work/longtext.md" --rubric "$work/${rules}rules" \
			    --only "$rules" > "$work/out.txt" 2>&1 && rc=0 || rc=$?
			printf '%-6s %-12s %6s %6s  %s\n' "$rules" "$engine" \
			    "$rc" "$(tail -n 1 "$work/time.txt")" \
			    "$(grep -m 1 'lpcoach: ' "$work/out.txt" | sed 's/.*: rule [a-z]*: //' | cut -c 1-50)"
		done
	done
done
echo
printf '%-13s %6s %8s %8s %9s  %s\n' rules status wall cpu "err bytes" "the first error, after the file"
for rules in fan fanbig deep deep1m manydef; do
	/usr/bin/time -f "%e %U" -o "$work/time.txt" timeout "${BENCH_TIMEOUT:-900}" \
	    "$bin" rules --rubric "$work/${rules}rules" > "$work/out.txt" \
	    2> "$work/err.txt" && rc=0 || rc=$?
	set -- $(grep -v '^Command' "$work/time.txt" | tail -n 1)
	printf '%-13s %6s %8s %8s %9s  %s\n' "${rules}rules" "$rc" "$1" "$2" \
	    "$(wc -c < "$work/err.txt")" \
	    "$(grep -m 1 'lpcoach: ' "$work/err.txt" | sed 's/^lpcoach: [^ ]*yaml:[0-9:]* //' | cut -c 1-60)"
done

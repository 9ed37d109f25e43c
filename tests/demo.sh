#!/bin/sh
# make demo: the bundled sample stories in a throwaway bank.
set -eu
lpcoach=${1:-./lpcoach}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export LPCOACH_DB="$tmp/bank.db"
run() {
	printf '\n$ lpcoach %s\n' "$*"
	"$lpcoach" "$@"
}
run import stories/samples
run principles
run list
run show training-serving-skew
run list --principle "Disagree and Commit"
run doctor

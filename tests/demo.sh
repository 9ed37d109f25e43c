#!/bin/sh
# make demo: the bundled sample stories in a throwaway bank.
set -eu
lpcoach=${1:-./lpcoach}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export LPCOACH_DB="$tmp/bank.db"
# Prints one word as the shell needs it: bare when only of safe
# characters, else in single quotes with ' written as '\'' (as
# base/shquote.c quotes the hints lpcoach prints).
q() {
	case $1 in
	'' | *[!A-Za-z0-9_./:=+@%-]*)
		printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")" ;;
	*) printf '%s' "$1" ;;
	esac
}
run() {
	printf '\n$ lpcoach'
	for w in "$@"; do
		printf ' %s' "$(q "$w")"
	done
	printf '\n'
	"$lpcoach" "$@"
}
run import stories/samples
run principles
run list
run show training-serving-skew
run list --principle "Disagree and Commit"
run doctor

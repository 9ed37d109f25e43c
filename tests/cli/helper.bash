# Shared set-up for the CLI tests: a private bank per test, a fixed
# clock, no colour, and helpers to write story files.
# 'run --separate-stderr' needs bats 1.5 (Debian 12 has 1.8.2).
bats_require_minimum_version 1.5.0

load '/usr/lib/bats/bats-support/load'
load '/usr/lib/bats/bats-assert/load'

TOP="$(cd "$BATS_TEST_DIRNAME/../.." && pwd)"
LPCOACH="${LPCOACH_BIN:-$TOP/lpcoach}"
SAMPLES="$TOP/stories/samples"

setup() {
	export LPCOACH_DB="$BATS_TEST_TMPDIR/data/bank.db"
	export LPCOACH_NOW=2026-11-20T09:00:00Z
	export NO_COLOR=1
	unset XDG_DATA_HOME XDG_CONFIG_HOME VISUAL EDITOR
	cd "$BATS_TEST_TMPDIR"
}

lp() {
	"$LPCOACH" "$@"
}

# story FILE TITLE [PRINCIPLES] [UID]: writes a small story file.
story() {
	{
		printf -- '---\n'
		[ -n "${4:-}" ] && printf 'uid: %s\n' "$4"
		printf 'title: %s\n' "$2"
		printf 'principles: [%s]\n' "${3:-ownership}"
		printf -- '---\n## Situation\nThe queue grew.\n## Task\nFix it.\n'
		printf '## Action\nI profiled the job.\n## Result\nIt fell 40%%.\n'
	} > "$1"
}

# A hash of the bank's whole content: equal before and after means the
# command changed nothing.
bank_hash() {
	if [ -f "$LPCOACH_DB" ]; then
		sqlite3 "$LPCOACH_DB" .dump | sha256sum
	else
		echo "no bank"
	fi
}

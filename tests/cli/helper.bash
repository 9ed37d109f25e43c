# Shared set-up for the CLI tests: a private bank and HOME per test, a
# fixed clock and time zone, no colour, and helpers to write story files.
# 'run --separate-stderr' needs bats 1.5 (Debian 12 has 1.8.2).
bats_require_minimum_version 1.5.0

load '/usr/lib/bats/bats-support/load'
load '/usr/lib/bats/bats-assert/load'

TOP="$(cd "$BATS_TEST_DIRNAME/../.." && pwd)"
LPCOACH="${LPCOACH_BIN:-$TOP/lpcoach}"
# The build the binary under test comes from, relative to TOP: the
# install tests run its install rules and build nothing.  A wrapper
# (tests/valgrind/lpcoach) or the top-level copy means build/plain.
case $LPCOACH in
"$TOP"/build/*/lpcoach)
	LPCOACH_BUILD=${LPCOACH#"$TOP"/}
	LPCOACH_BUILD=${LPCOACH_BUILD%/lpcoach} ;;
*)	LPCOACH_BUILD=build/plain ;;
esac
SAMPLES="$TOP/stories/samples"

# hermetic DIR: an environment that does not depend on the machine or the
# person running the tests, rooted in DIR. HOME is a fresh directory, so no
# personal rubric (~/.config/lpcoach/rubrics) or bank (~/.local/share) is
# read or written; TZ is UTC, so local dates do not move with the machine's
# zone (a test about zones sets its own TZ after this).
hermetic() {
	export HOME="$1/home"
	mkdir -p "$HOME"
	export TZ=UTC
	export LPCOACH_DB="$1/data/bank.db"
	export LPCOACH_NOW=2026-11-20T09:00:00Z
	export NO_COLOR=1
	unset XDG_DATA_HOME XDG_CONFIG_HOME VISUAL EDITOR LPCOACH_SPEECH_MODELS \
	    ALSA_CONFIG_PATH
}

# A file that defines its own setup() must call hermetic_setup first.
hermetic_setup() {
	hermetic "$BATS_TEST_TMPDIR"
	cd "$BATS_TEST_TMPDIR"
}

setup() {
	hermetic_setup
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

# The locales that break <ctype.h> for ASCII: tr_TR.UTF-8 (tolower('I') is
# not 'i') and en_US.ISO-8859-1 (bytes from 0x80 up are letters).  A
# Debian machine may have neither compiled, so they are compiled with
# localedef (package locales) into a directory for LOCPATH: once for all
# of make check (tests/run.sh sets LPCOACH_TEST_LOCALES), else here into
# DIR.  Prints the directory; fails when a locale cannot be made.
TEST_LOCALES="tr_TR.UTF-8 en_US.ISO-8859-1"
make_locales() {
	local dir="${LPCOACH_TEST_LOCALES:-$1}" loc
	for loc in $TEST_LOCALES; do
		if [ ! -f "$dir/$loc/LC_CTYPE" ]; then
			mkdir -p "$dir"
			# Exit 1 may only mean warnings: the file decides.
			localedef -i "${loc%%.*}" -f "${loc#*.}" "$dir/$loc" >&2
			[ -f "$dir/$loc/LC_CTYPE" ] || return 1
		fi
	done
	echo "$dir"
}

# as_nobody HOME CMD...: runs CMD as nobody, with HOME, when we are root
# (for whom permissions do not bite); else as ourselves.  For tests of
# read-only banks, which keep their scratch directory in $RO.
as_nobody() {
	local home=$1
	shift
	if [ "$(id -u)" = 0 ]; then
		setpriv --reuid=65534 --regid=65534 --clear-groups \
		    env HOME="$home" "$@"
	else
		"$@"
	fi
}

# Removes $RO, the read-only tests' scratch directory, made writable
# first: call it from teardown, so it goes even when the test fails.
ro_cleanup() {
	if [ -n "${RO:-}" ] && [ -d "$RO" ]; then
		chmod -R u+rwX "$RO" 2>/dev/null || true
		rm -rf "$RO"
	fi
}

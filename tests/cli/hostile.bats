#!/usr/bin/env bats
# The hostile inputs of tests/hostile/inputs.tsv, one test per row: the
# exit status, the message, and (where nothing should be written) a bank
# byte-for-byte unchanged, compared by a hash of 'sqlite3 .dump'.  Each
# row runs three times: under the C locale, then with lpcoach under
# tr_TR.UTF-8 and en_US.ISO-8859-1 (see tests/cli/locale.bats), where
# <ctype.h> is not ASCII; a locale must change nothing.
load helper

# Rows about size, not characters, run under C only: under the other
# locales they would add half a minute and test nothing new.
C_ONLY="hundred-thousand-files huge-yaml-list huge-word-interpreted"
C_ONLY="$C_ONLY long-digits long-digits-interpreted lookahead-bomb"
C_ONLY="$C_ONLY lookahead-bomb-interpreted rule-file-nested-1mb"

# tests/run.sh writes the fixtures once for every build (HOSTILE_FIXTURES);
# run on its own, this file writes its own.
setup_file() {
	local loc
	if [ -n "${HOSTILE_FIXTURES:-}" ] && [ -d "$HOSTILE_FIXTURES" ]; then
		export HOSTILE="$HOSTILE_FIXTURES"
	else
		export HOSTILE="$BATS_FILE_TMPDIR/fixtures"
		sh "$TOP/tests/hostile/fixtures.sh" "$HOSTILE" >/dev/null
	fi
	LOCALES=$(make_locales "$BATS_FILE_TMPDIR/locales") ||
	    fail "cannot compile the test locales with localedef"
	# lpcoach under each locale; only lpcoach, not the tools a row's
	# command uses around it, runs under the locale.
	for loc in C $TEST_LOCALES; do
		printf '#!/bin/sh\nLOCPATH="%s" LC_ALL=%s exec "%s" "$@"\n' \
		    "$LOCALES" "$loc" "$LPCOACH" > "$BATS_FILE_TMPDIR/lpcoach-$loc"
		chmod +x "$BATS_FILE_TMPDIR/lpcoach-$loc"
	done
	# The samples' bank every row starts from, imported once.
	( hermetic "$BATS_FILE_TMPDIR/samples" &&
	    "$LPCOACH" import "$SAMPLES" >/dev/null ) ||
	    fail "cannot import the samples"
	export SAMPLE_BANK="$BATS_FILE_TMPDIR/samples/data/bank.db"
}

# row_once NAME LPCOACH TAG: row NAME's command with $L set to LPCOACH, on
# a fresh copy of the samples' bank; TAG names the run in failures.
row_once() {
	local line name want writes msg cmd before o="$BATS_TEST_TMPDIR/o-$3"
	line=$(grep -P "^$1\t" "$TOP/tests/hostile/inputs.tsv")
	[ -n "$line" ] || fail "no row $1"
	IFS=$'\t' read -r name want writes msg cmd <<<"$line"
	rm -rf "$(dirname "$LPCOACH_DB")"
	mkdir -p "$(dirname "$LPCOACH_DB")" "$o"
	cp "$SAMPLE_BANK" "$LPCOACH_DB"
	before=$(bank_hash)
	L="$2" F="$HOSTILE" O="$o" run bash -c "$cmd"
	[ "$status" -eq "$want" ] || fail "$name ($3): exit $status, expected $want: $output"
	if [ "$msg" != "-" ]; then
		[[ $output == *"$msg"* ]] || fail "$name ($3): no '$msg' in: $output"
	fi
	if [ "$writes" = no ]; then
		[ "$(bank_hash)" = "$before" ] || fail "$name ($3) changed the bank"
	fi
}

row() {
	local loc
	row_once "$1" "$BATS_FILE_TMPDIR/lpcoach-C" C
	case " $C_ONLY " in *" $1 "*) return 0 ;; esac
	for loc in $TEST_LOCALES; do
		row_once "$1" "$BATS_FILE_TMPDIR/lpcoach-$loc" "$loc"
	done
}

@test "hostile: overlong-utf8" {
	row overlong-utf8
}

@test "hostile: surrogate-utf8" {
	row surrogate-utf8
}

@test "hostile: truncated-utf8" {
	row truncated-utf8
}

@test "hostile: lone-continuation" {
	row lone-continuation
}

@test "hostile: byte-f5" {
	row byte-f5
}

@test "hostile: byte-ff-lint" {
	row byte-ff-lint
}

@test "hostile: nul-byte" {
	row nul-byte
}

@test "hostile: utf8-bom-accepted" {
	row utf8-bom-accepted
}

@test "hostile: crlf-accepted" {
	row crlf-accepted
}

@test "hostile: one-mib-plus-one" {
	row one-mib-plus-one
}

@test "hostile: empty-file" {
	row empty-file
}

@test "hostile: blank-file" {
	row blank-file
}

@test "hostile: no-front-matter" {
	row no-front-matter
}

@test "hostile: unclosed-front-matter" {
	row unclosed-front-matter
}

@test "hostile: no-title" {
	row no-title
}

@test "hostile: malformed-yaml" {
	row malformed-yaml
}

@test "hostile: unknown-key" {
	row unknown-key
}

@test "hostile: unknown-principle" {
	row unknown-principle
}

@test "hostile: deeply-nested-yaml" {
	row deeply-nested-yaml
}

@test "hostile: huge-yaml-list" {
	row huge-yaml-list
}

@test "hostile: yaml-anchor" {
	row yaml-anchor
}

@test "hostile: billion-laughs" {
	row billion-laughs
}

@test "hostile: duplicate-uids" {
	row duplicate-uids
}

@test "hostile: sql-in-title" {
	row sql-in-title
}

@test "hostile: escapes-on-terminal" {
	row escapes-on-terminal
}

@test "hostile: escapes-exact-in-json" {
	row escapes-exact-in-json
}

@test "hostile: escapes-in-every-view" {
	row escapes-in-every-view
}

@test "hostile: escapes-in-errors" {
	row escapes-in-errors
}

@test "hostile: uid-path-traversal" {
	row uid-path-traversal
}

@test "hostile: uid-with-slash" {
	row uid-with-slash
}

@test "hostile: uid-dotdot" {
	row uid-dotdot
}

@test "hostile: long-title-export" {
	row long-title-export
}

@test "hostile: path-title-export" {
	row path-title-export
}

@test "hostile: symlink-in-export-dir" {
	row symlink-in-export-dir
}

@test "hostile: json-duplicate-key" {
	row json-duplicate-key
}

@test "hostile: json-nul-escape" {
	row json-nul-escape
}

@test "hostile: json-wrong-shape" {
	row json-wrong-shape
}

@test "hostile: json-not-objects" {
	row json-not-objects
}

@test "hostile: json-deep-nesting" {
	row json-deep-nesting
}

@test "hostile: bank-random-bytes" {
	row bank-random-bytes
}

@test "hostile: bank-truncated" {
	row bank-truncated
}

@test "hostile: bank-newer-version" {
	row bank-newer-version
}

@test "hostile: bank-corrupted" {
	row bank-corrupted
}

@test "hostile: bank-is-directory" {
	row bank-is-directory
}

@test "hostile: bank-is-symlink" {
	row bank-is-symlink
}

@test "hostile: hundred-thousand-files" {
	row hundred-thousand-files
}

@test "hostile: catastrophic-rule" {
	row catastrophic-rule
}

@test "hostile: regex-too-deep" {
	row regex-too-deep
}

@test "hostile: jit-stack-exhausted" {
	row jit-stack-exhausted
}

@test "hostile: huge-word-interpreted" {
	row huge-word-interpreted
}

@test "hostile: long-digits" {
	row long-digits
}

@test "hostile: long-digits-interpreted" {
	row long-digits-interpreted
}

@test "hostile: lookahead-bomb" {
	row lookahead-bomb
}

@test "hostile: lookahead-bomb-interpreted" {
	row lookahead-bomb-interpreted
}

@test "hostile: jit-stack-falls-back" {
	row jit-stack-falls-back
}

@test "hostile: jit-stack-falls-back-interpreted" {
	row jit-stack-falls-back-interpreted
}

@test "hostile: shell-in-file-name" {
	row shell-in-file-name
}

@test "hostile: sql-in-story-ref" {
	row sql-in-story-ref
}

@test "hostile: like-wildcard-ref" {
	row like-wildcard-ref
}

@test "hostile: unclosed-code-fence" {
	row unclosed-code-fence
}

@test "every row of the catalogue has its test, and there are at least 40" {
	rows=$(grep -v '^#' "$TOP/tests/hostile/inputs.tsv" | cut -f1 | sort)
	tests=$(sed -n 's/^@test "hostile: \(.*\)" {$/\1/p' "$BATS_TEST_FILENAME" | sort)
	[ "$rows" = "$tests" ] || fail "$(diff <(echo "$rows") <(echo "$tests"))"
	[ "$(echo "$rows" | wc -l)" -ge 40 ]
}

@test "hostile: score-cache-nonsense" {
	row score-cache-nonsense
}

@test "hostile: rule-file-nested-100k" {
	row rule-file-nested-100k
}

@test "hostile: rule-file-nested-1mb" {
	row rule-file-nested-1mb
}

@test "hostile: fanout-fragments" {
	row fanout-fragments
}

@test "hostile: fanout-errors-quote-source" {
	row fanout-errors-quote-source
}

@test "hostile: rule-file-many-fragments" {
	row rule-file-many-fragments
}

@test "hostile: clock-past-9999" {
	row clock-past-9999
}

@test "hostile: clock-impossible-date" {
	row clock-impossible-date
}

@test "hostile: bank-foreign-unchanged" {
	row bank-foreign-unchanged
}

@test "hostile: bank-newer-unchanged" {
	row bank-newer-unchanged
}

@test "hostile: fifo-in-import-dir" {
	row fifo-in-import-dir
}

@test "hostile: fifo-named-import" {
	row fifo-named-import
}

@test "hostile: fifo-named-add" {
	row fifo-named-add
}

@test "hostile: fifo-named-lint" {
	row fifo-named-lint
}

@test "hostile: fifo-in-rubric-dir" {
	row fifo-in-rubric-dir
}

@test "hostile: yaml-nul-title" {
	row yaml-nul-title
}

@test "hostile: yaml-nul-tag" {
	row yaml-nul-tag
}

@test "hostile: yaml-nul-principle" {
	row yaml-nul-principle
}

@test "hostile: yaml-nul-rule" {
	row yaml-nul-rule
}

@test "hostile: unclosed-comments" {
	row unclosed-comments
}

#!/usr/bin/env bats
# The source tree keeps the shape the README's architecture section
# describes: layers that depend one way, SQL in one layer, printing and
# exiting in one layer, and files and functions small enough to read.
load helper

# The layers, bottom first; each may include only itself and those below.
layers="base stories rubrics lp cli"

@test "each layer includes only itself and the layers below it" {
	cd "$TOP"
	allowed=""
	for layer in $layers; do
		allowed="$allowed${allowed:+|}$layer"
		bad=$(grep -nE '#include "[a-z]+/' $layer/*.[ch] |
			grep -vE "#include \"($allowed)/" || true)
		[ -z "$bad" ] || fail "$layer includes a layer above it: $bad"
	done
}

@test "only stories/ talks to SQLite" {
	cd "$TOP"
	! grep -lE 'sqlite3_|#include <sqlite3.h>' base/*.[ch] rubrics/*.[ch] \
	    lp/*.[ch] cli/*.[ch]
}

@test "only the recogniser's engine file knows pocketsphinx, only record.c ALSA" {
	cd "$TOP"
	# A pocketsphinx 5 engine is a second lp/recognizer_ps5.c, not edits
	# all over (lp/recognizer.h).
	bad=$(grep -lE '#include <(pocketsphinx|sphinxbase)' */*.[ch] |
		grep -vE '^lp/recognizer_ps[0-9]+\.c$' || true)
	[ -z "$bad" ] || fail "$bad"
	bad=$(grep -lE '#include <alsa/' */*.[ch] | grep -vx cli/record.c || true)
	[ -z "$bad" ] || fail "$bad"
}

@test "only cli/ prints to standard output or exits" {
	cd "$TOP"
	# Allocation failure and broken embedded data are the two exceptions
	# (base/xalloc.c, base/die.c).
	bad=$(grep -nE '\b(printf|puts|putchar)\(|\bstdout\b|\bexit\(|\babort\(|fprintf\(stderr' \
		base/*.c stories/*.c rubrics/*.c lp/*.c |
		grep -vE '^base/(xalloc|die)\.c:' || true)
	[ -z "$bad" ] || fail "$bad"
}

@test "every directory says what belongs in it" {
	cd "$TOP"
	for layer in $layers; do
		[ -s "$layer/README" ] || fail "$layer/README is missing"
	done
}

@test "no source file over 500 lines" {
	cd "$TOP"
	for f in */*.c */*.h; do
		n=$(wc -l < "$f")
		[ "$n" -le 500 ] || fail "$f has $n lines"
	done
}

@test "no function over 100 lines" {
	cd "$TOP"
	# style(9): a function's name starts a line, its body opens with '{'
	# and closes with '}' alone at the start of a line.
	long=$(awk '
	/^[a-z_][a-z0-9_]*\(/ { name = $0; sub(/\(.*/, "", name) }
	/^\{/ { if (name != "") open = FNR }
	/^\}/ { if (open && FNR - open - 1 > 100)
			printf "%s:%d %s %d lines\n", FILENAME, open, name,
			    FNR - open - 1
		open = 0; name = "" }
	' base/*.c stories/*.c rubrics/*.c lp/*.c cli/*.c)
	[ -z "$long" ] || fail "$long"
}

@test "no <ctype.h> or strcasecmp: ASCII is tested by base/ascii.h alone" {
	cd "$TOP"
	# Under tr_TR tolower('I') is not 'i', and under Latin-1 isalnum(0xE9)
	# is true: the locale must not decide what a uid or a slug is.
	bad=$(grep -nE '#include <(ctype|strings)\.h>|(^|[^_[:alnum:]])(is(alpha|alnum|space|digit|xdigit|lower|upper|punct|print|cntrl|graph|blank)|to(lower|upper)|str(n)?casecmp)\(' \
		base/*.[ch] stories/*.[ch] rubrics/*.[ch] lp/*.[ch] cli/*.[ch] \
		tests/unit/*/*.c tests/fuzz/*.c bench/*.c |
		grep -vE '^base/ascii\.[ch]:' || true)
	[ -z "$bad" ] || fail "$bad"
}

#!/usr/bin/env bats
# Every example in the README (an indented '$ lpcoach ...' line, the
# scripted '$ printf ... | lpcoach drill ...', and the first session's
# '$ make install' into this test's HOME), run in README order against
# one bank of the sample stories, set up as the README tells it: the first
# session's import and tag come first, the loop walk-through runs in order,
# and the few examples that need more (files to add, an editor, notes on
# disk) get it from prepare() below. An example whose output is shown whole
# must print exactly that; one abbreviated with '...' must print what is
# shown up to each '...' (see fits()); one shown without output must exit 0.
# Paths: the README's /home/you is this test's $HOME, and '~' in a command
# is expanded by the shell to the same.
load helper

# The examples that cannot run here, each with the reason. Every other
# example is run; an exemption that matches no example is an error.
EXEMPT=(
	# Needs a terminal: it shows the live countdown ('[####...] 1:20 left')
	# and real answer times ('average time: 94 s'). terminal.bats drives a
	# drill on a terminal through tmux; the scripted drill below runs here.
	"lpcoach drill --count 2 --seed 11 --role mle"
)

# Writes each example of README.md into directory $1 as NNN.cmd (the
# command after '$ '), NNN.out (the lines shown under it, blank lines inside
# the block kept) and NNN.line (its line in the README).
examples() {
	awk -v dir="$1" '
	function flush() {
		if (cmd != "") {
			n++
			f = sprintf("%s/%03d", dir, n)
			print cmd > (f ".cmd"); close(f ".cmd")
			printf "%s", out > (f ".out"); close(f ".out")
			print start > (f ".line"); close(f ".line")
		}
		cmd = ""; out = ""; pend = ""
	}
	/^    \$ / { flush(); cmd = substr($0, 7); start = NR; next }
	cmd != "" && /^$/ { pend = pend "\n"; next }
	cmd != "" && /^    / { out = out pend substr($0, 5) "\n"; pend = ""; next }
	{ flush() }
	END { flush() }
	' "$TOP/README.md"
}

# What the README's story implies before an example runs. Runs in the
# example's own subshell, so what it exports holds for that example only.
prepare() {
	case $1 in
	"make install PREFIX=\$HOME/.local")
		# From the checkout, into this test's HOME: no root, nothing
		# outside the sandbox (complete.bats checks what it installs),
		# and nothing built: the build under test is already made.
		cd "$TOP"
		make() { command make -o "$LPCOACH_BUILD/lpcoach" \
		    BUILD="$LPCOACH_BUILD" "$@"; }
		;;
	"lpcoach add draft.md other.md")
		# Two drafts with the mistakes the README's messages name.
		printf -- '---\ntitle: Draft\nprinciples: [dive deeep]\n---\n## Action\nI did it.\n' > draft.md
		printf -- '---\ntitle: &t Other\nprinciples: [ownership]\n---\n## Action\nI did it.\n' > other.md
		;;
	"lpcoach edit "*)
		# An editor that makes one small change and exits, as a person
		# would; it needs no terminal.
		mkdir -p "$BATS_TEST_TMPDIR/bin"
		printf '#!/bin/sh\nsed -i "s/every night/each night/" "$1"\n' \
			> "$BATS_TEST_TMPDIR/bin/editor"
		chmod +x "$BATS_TEST_TMPDIR/bin/editor"
		export EDITOR="$BATS_TEST_TMPDIR/bin/editor"
		;;
	"lpcoach rm "*)
		# Every later example still shows all the samples: remove from a
		# copy of the bank.
		lpcoach backup "$BATS_TEST_TMPDIR/rm.db" >/dev/null
		export LPCOACH_DB="$BATS_TEST_TMPDIR/rm.db"
		;;
	"lpcoach import --dry-run ~/notes/stories")
		# Your notes: the sample files as first imported. The bank's GPU
		# story was tagged and edited since, so it is the one to update.
		mkdir -p ~/notes/stories
		cp "$SAMPLES"/*.md ~/notes/stories/
		;;
	"lpcoach report --loop onsite")
		# The loop the README's report is made from (see the paragraph
		# under the screenshot); the short drill is the scripted one above.
		lpcoach loop new onsite --template mle --date 2026-12-03 >/dev/null
		lpcoach loop plan onsite --backups >/dev/null || true
		;;
	"lpcoach partner import marks.yaml")
		# The friend's marks: the packet's template with the first two
		# questions marked, as the README shows it.
		[ -e marks.yaml ] || lpcoach partner --loop onsite --seed 5 |
		    sed -n '/^# lpcoach partner marks/,$p' | awk '
		    /^    mark:$/ && k == 0 { k++; print "    mark: 3"; next }
		    /^    note: ""$/ && k == 1 { k++
			print "    note: \"clear numbers, a vague lesson\""; next }
		    /^    mark:$/ && k == 2 { k++; print "    mark: 2"; next }
		    { print }' > marks.yaml
		;;
	"lpcoach backup ~/backups/"*)
		mkdir -p ~/backups
		;;
	"lpcoach speak "*)
		# The answer the README quotes, spoken by flite with the pause
		# it shows written in by sox.
		flite -voice slt -t "I measured where the time went. Basically seventy percent was the model itself." -o r1.wav
		flite -voice slt -t "So I distilled it into a four layer student, and p ninety nine latency dropped from three hundred and forty milliseconds to eighty five milliseconds." -o r2.wav
		sox -n -r 16000 -c 1 -b 16 r0.wav trim 0 0.8
		sox -n -r 16000 -c 1 -b 16 rp.wav trim 0 1.5
		sox r0.wav r1.wav rp.wav r2.wav answer.wav
		;;
	esac
}

# Runs example $1 in the sandbox and prints what it writes, standard error
# included (the README shows both); its status is the example's.
run_example() {
	(
		lpcoach() { "$LPCOACH" "$@"; }
		prepare "$1"
		eval "$1"
	) < /dev/null 2>&1
}

# A line of the README's output that abbreviates: '...' alone, or ending
# a line, or between blanks.
is_cut() {
	[[ $1 =~ (^|\ )\.\.\.(\ |$) || $1 == *... ]]
}

# fits WANT GOT: whether GOT is what the abbreviated WANT shows. The lines
# before the first '...' are the first lines of GOT; each run of lines
# after a '...' appears later in GOT, in order and together; a line with
# text before its '...' matches a line of GOT that starts with that text.
# Prints what did not fit.
fits() {
	local -a w g run
	local line at=0 first=1 pos k ok item
	mapfile -t w <<<"$1"
	mapfile -t g <<<"$2"
	run=()
	# A final '...' closes the last run (which may end before GOT does).
	for line in "${w[@]}" "..."; do
		if ! is_cut "$line"; then
			run+=("=$line")
			continue
		fi
		item=${line%%...*}
		[[ $item =~ ^\ *$ ]] || run+=("^$item")
		ok=0
		for ((pos = at; pos + ${#run[@]} <= ${#g[@]}; pos++)); do
			ok=1
			for ((k = 0; k < ${#run[@]}; k++)); do
				item=${run[k]}
				case $item in
				=*) [ "${g[pos + k]}" = "${item#=}" ] || { ok=0; break; } ;;
				^*) [[ ${g[pos + k]} == "${item#^}"* ]] || { ok=0; break; } ;;
				esac
			done
			[ "$ok" = 0 ] || break
			[ "$first" = 0 ] || break
		done
		if [ "$ok" = 0 ]; then
			if [ "$first" = 1 ]; then
				echo "the output does not begin with these lines:"
			else
				echo "these lines are not in the output, together, after its line $at:"
			fi
			for item in "${run[@]}"; do
				case $item in
				=*) echo "  | ${item#=}" ;;
				^*) echo "  | ${item#^}..." ;;
				esac
			done
			return 1
		fi
		at=$((pos + ${#run[@]}))
		run=()
		first=0
	done
}

@test "every README example runs (or is exempt) and prints what the README shows" {
	ex="$BATS_TEST_TMPDIR/examples"
	mkdir -p "$ex"
	examples "$ex"
	total=$(ls "$ex" | grep -c '\.cmd$' || true)
	# The extractor found every '$ ' line of the README.
	shown=$(grep -c '^    \$ ' "$TOP/README.md" || true)
	[ "$total" -gt 0 ] || fail "no examples found in README.md"
	[ "$total" -eq "$shown" ] || fail "found $total examples, but README.md has $shown '\$ ' lines"

	# The sandbox: the default bank under this test's HOME (the README's
	# /home/you), and a working directory where the README's relative
	# paths (stories/samples, tests/rubrics/team) lead to the checkout.
	unset LPCOACH_DB
	mkdir -p work/tests
	ln -s "$TOP/stories" work/stories
	ln -s "$TOP/tests/rubrics" work/tests/rubrics
	cd work

	ran=0
	exempt=0
	used=" "
	failures=""
	for f in "$ex"/*.cmd; do
		cmd=$(cat "$f")
		at="README.md:$(cat "${f%.cmd}.line")"
		skip=0
		for e in "${EXEMPT[@]}"; do
			if [ "$cmd" = "$e" ]; then
				skip=1
				used="$used$e "
			fi
		done
		if [ "$skip" = 1 ]; then
			exempt=$((exempt + 1))
			continue
		fi
		want=$(cat "${f%.cmd}.out")
		want=${want//\/home\/you/$HOME}
		got=$(run_example "${cmd//\/home\/you/$HOME}") && st=0 || st=$?
		ran=$((ran + 1))
		if [ -z "$want" ]; then
			# No output shown: it must succeed (and JSON must parse).
			why=""
			[ "$st" -eq 0 ] || why="exit status $st"
			if [ -z "$why" ] && [[ $cmd == *--json* ]] && ! jq -e . >/dev/null 2>&1 <<<"$got"; then
				why="the output is not JSON"
			fi
			[ -z "$why" ] || failures+="
== $at: \$ $cmd
$why:
$got
"
			continue
		fi
		abbreviated=0
		while IFS= read -r line; do
			! is_cut "$line" || abbreviated=1
		done <<<"$want"
		if [ "$abbreviated" = 0 ]; then
			[ "$got" = "$want" ] && continue
			why="the output differs from the README (- README, + now):"
		else
			why=$(fits "$want" "$got") && continue
			why="abbreviated example: $why"
		fi
		failures+="
== $at: \$ $cmd
$why
$(diff -u --label README --label now <(printf '%s\n' "$want") <(printf '%s\n' "$got") | tail -n +3 | head -n 80)
"
	done

	# Every exemption still names an example of the README.
	for e in "${EXEMPT[@]}"; do
		[[ $used == *" $e "* ]] || failures+="
== the exemption '$e' matches no example in README.md
"
	done
	echo "# ran $ran of $total README examples ($exempt exempt)" >&3
	[ -z "$failures" ] || fail "$failures"
	[ $((ran + exempt)) -eq "$total" ]
}

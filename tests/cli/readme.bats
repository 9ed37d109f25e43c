#!/usr/bin/env bats
# The README's examples, run in the order the README shows them against a
# bank of the sample stories: each whole (unabbreviated) example output
# must be what the command prints today.
load helper

# Prints each example as: the command, a tab, its output lines joined by
# \n escapes; blocks abbreviated with '...' are left out.
examples() {
	awk '
	function flush() {
		if (cmd != "" && !cut)
			printf "%s\t%s\n", cmd, out
		cmd = ""
	}
	/^    \$ lpcoach / { flush(); cmd = substr($0, 15); out = ""; cut = 0; next }
	cmd != "" && /^    / {
		line = substr($0, 5)
		if (line ~ /(^|[ ])\.\.\.([ ]|$)/ || line ~ /\.\.\.$/)
			cut = 1
		out = out (out == "" ? "" : "\\n") line
		next
	}
	{ flush() }
	END { flush() }
	' "$TOP/README.md"
}

# The examples that need only the sample bank and print no paths.
checked() {
	case "$1" in
	"import stories/samples" | "list --principle "* | "tag gpu-training-cost "* | \
	"questions "* | "rules --check "* | "loop new "* | "loop pin "*)
		return 0 ;;
	esac
	return 1
}

@test "the README's examples print what the README shows" {
	cd "$TOP"
	n=0
	while IFS=$'\t' read -r cmd want; do
		checked "$cmd" || continue
		got=$(eval "\"\$LPCOACH\" $cmd" 2>&1) || true
		want=$(printf '%b' "$want")
		[ "$got" = "$want" ] || fail "lpcoach $cmd:
--- README
$want
--- now
$got"
		n=$((n + 1))
	done < <(examples)
	# Every example named in checked() was found and run.
	[ "$n" -ge 6 ] || fail "only $n examples checked"
}

#!/usr/bin/env bats
# A real drill on a terminal: tmux gives lpcoach a pty, send-keys types,
# capture-pane reads the screen.
load helper

TMUX_SOCKET="lpcoach-test-$$"

tm() {
	tmux -L "$TMUX_SOCKET" "$@"
}

teardown() {
	tm kill-server 2>/dev/null || true
}

# wait_for TEXT [TRIES]: polls the screen for TEXT, 0.2 s apart.
wait_for() {
	local i
	for i in $(seq 1 "${2:-50}"); do
		tm capture-pane -p -t drill > screen.txt
		grep -qF -- "$1" screen.txt && return 0
		sleep 0.2
	done
	echo "screen never showed: $1"
	cat screen.txt
	return 1
}

@test "the countdown runs in place, turns to over time, and the summary follows" {
	lp import "$SAMPLES" >/dev/null
	tm new-session -d -s drill -x 100 -y 40 \
	    "env LPCOACH_DB='$LPCOACH_DB' NO_COLOR=1 '$LPCOACH' drill --count 1 --time 2 --seed 5 --principle frugality; echo DRILL-EXIT=\$?; sleep 30"
	wait_for "answer aloud, then press Enter"
	wait_for "left"
	grep -Eq '\[#*\.+\] 0:0[0-2] left' screen.txt
	# The bar redraws one line: only one countdown line on screen.
	[ "$(grep -c ' left' screen.txt)" -eq 1 ]
	wait_for "over time +0:0"
	tm send-keys -t drill Enter
	wait_for "follow-up:"
	tm send-keys -t drill Enter
	wait_for "rate your answer"
	tm send-keys -t drill "x" Enter
	wait_for "please answer 1, 2, 3 or 4"
	tm send-keys -t drill "3" Enter
	wait_for "DRILL-EXIT=0"
	grep -q "== summary: 1 question answered" screen.txt
	grep -q "over 2 s: 1" screen.txt
	[ "$(sqlite3 "$LPCOACH_DB" 'SELECT rating || "," || over_time FROM answer')" = "3,1" ]
}

@test "Ctrl-C ends a terminal drill with a summary and keeps answers" {
	tm new-session -d -s drill -x 100 -y 40 \
	    "env LPCOACH_DB='$LPCOACH_DB' NO_COLOR=1 '$LPCOACH' drill --count 3 --seed 5 --no-timer; echo DRILL-EXIT=\$?; sleep 30"
	wait_for "answer aloud"
	tm send-keys -t drill Enter
	wait_for "follow-up:"
	tm send-keys -t drill Enter
	wait_for "rate your answer"
	tm send-keys -t drill "4" Enter
	wait_for "2. ["
	tm send-keys -t drill C-c
	wait_for "DRILL-EXIT=0"
	grep -q "== summary: 1 question answered" screen.txt
	[ "$(sqlite3 "$LPCOACH_DB" 'SELECT count(*) FROM answer')" -eq 1 ]
}

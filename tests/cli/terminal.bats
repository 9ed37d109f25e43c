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

# countdown ENV ARGS: the samples, then a drill on the pane with env
# settings ENV and drill options ARGS, until its countdown shows; the
# screen with its colours is then in escapes.txt, and when the drill ends
# the terminal's settings are in stty.txt.
countdown() {
	lp import "$SAMPLES" >/dev/null
	tm new-session -d -s drill -x 100 -y 40 \
	    "env $1 LPCOACH_DB='$LPCOACH_DB' '$LPCOACH' $2 --count 1 --seed 5 --principle frugality; echo DRILL-EXIT=\$?; stty -a > '$PWD/stty.txt'; sleep 30"
	wait_for "left"
	tm capture-pane -p -e -t drill > escapes.txt
}

@test "the countdown is coloured when colour is on and typed keys do not echo" {
	countdown "-u NO_COLOR" "--color=always drill --time 3"
	# Green, then red over time.
	grep -q $'\e\\[32m\\[' escapes.txt
	tm send-keys -t drill "zqx"
	wait_for "over time"
	tm capture-pane -p -e -t drill > escapes.txt
	grep -q $'\e\\[31mover time' escapes.txt
	! grep -q zqx screen.txt
	tm send-keys -t drill Enter
	wait_for "follow-up:"
	tm send-keys -t drill Enter
	wait_for "rate your answer"
	tm send-keys -t drill 3 Enter
	wait_for "DRILL-EXIT=0"
	sleep 0.5
	# Echo is back when the drill ends.
	grep -Eq '(^| )echo( |$)' stty.txt
}

@test "the countdown is plain under NO_COLOR" {
	countdown NO_COLOR=1 "drill --time 60"
	! grep -q $'\e\\[3[123]m' escapes.txt
	tm send-keys -t drill q Enter
	wait_for "DRILL-EXIT=0"
}

@test "a signal during the countdown gives the echo back" {
	lp import "$SAMPLES" >/dev/null
	tm new-session -d -s drill -x 100 -y 40 \
	    "sh -c 'echo \$\$ > \"$PWD/pid\"; exec env LPCOACH_DB=\"$LPCOACH_DB\" \"$LPCOACH\" drill --count 1 --time 60 --seed 5'; stty -a > '$PWD/stty.txt'; echo DRILL-DONE; sleep 30"
	wait_for "left"
	kill -TERM "$(cat pid)"
	wait_for "DRILL-DONE"
	grep -Eq '(^| )echo( |$)' stty.txt
}

@test "--recall on a terminal asks again for a story it cannot find" {
	lp import "$SAMPLES" >/dev/null
	tm new-session -d -s drill -x 100 -y 40 \
	    "env LPCOACH_DB='$LPCOACH_DB' NO_COLOR=1 '$LPCOACH' drill --count 1 --seed 5 --principle frugality --no-timer --recall; echo DRILL-EXIT=\$?; sleep 30"
	wait_for "which story would you tell?"
	tm send-keys -t drill "no such story" Enter
	wait_for "no story 'no such story'"
	tm send-keys -t drill "halved the gpu" Enter
	wait_for "answer aloud"
	grep -Eq '#[0-9]+ \(Halved the GPU bill' screen.txt
	tm send-keys -t drill Enter
	wait_for "follow-up:"
	tm send-keys -t drill Enter
	wait_for "rate your answer"
	tm send-keys -t drill "3" Enter
	wait_for "DRILL-EXIT=0"
	id=$(lp list --json | jq '.[] | select(.title | startswith("Halved the GPU")) | .id')
	[ "$(sqlite3 "$LPCOACH_DB" 'SELECT story_id || "," || rating FROM answer')" = "$id,3" ]
}

@test "drill --speak on a terminal records past the time until 3 s of silence" {
	lp import "$SAMPLES" >/dev/null
	# The capture device reads a generated answer: speech, then silence.
	flite -voice slt -t "I halved the bill by moving retraining to spot instances." -o said.wav
	sox -n -r 16000 -c 1 -b 16 quiet.wav trim 0 8
	sox -n -r 16000 -c 1 -b 16 room.wav trim 0 1
	sox room.wav said.wav quiet.wav -t raw -e signed -b 16 -c 1 -r 16000 answer.raw
	cat > "$HOME/.asoundrc" <<EOF2
pcm.!default {
	type file
	slave.pcm "null"
	file "/dev/null"
	infile "$PWD/answer.raw"
	format "raw"
}
EOF2
	tm new-session -d -s drill -x 100 -y 40 \
	    "env HOME='$HOME' LPCOACH_DB='$LPCOACH_DB' NO_COLOR=1 '$LPCOACH' drill --count 1 --time 2 --seed 5 --principle frugality --speak; echo DRILL-EXIT=\$?; sleep 30"
	wait_for "recording (Enter stops"
	wait_for "spoken: 0:" 100
	wait_for "follow-up:"
	tm send-keys -t drill Enter
	wait_for "rate your answer"
	tm send-keys -t drill "3" Enter
	wait_for "DRILL-EXIT=0"
	grep -q "== summary: 1 question answered" screen.txt
	# Past the 2 s, it stopped 3 s into the silence: the speech and
	# the silence after it, not the whole 2 + 120 s allowed.
	secs=$(sqlite3 "$LPCOACH_DB" 'SELECT spoken_seconds FROM answer')
	speech=$(soxi -D said.wav)
	awk -v s="$secs" -v p="$speech" 'BEGIN { exit !(s >= p + 2.5 && s <= p + 4) }' ||
		fail "recorded $secs s for $speech s of speech"
}

#!/bin/sh
# Spoken practice, measured (bench/RESULTS.md, "Spoken practice"): for
# each sample story, an answer of two of its sentences (the Action's
# first and the Result's first, in the words they are said in) spoken by
# flite's slt voice, trimmed of flite's own silences, with 1 s of silence
# before, 2 s between and 0.5 s after; then the same mixed with white
# noise at SNR dB signal-to-noise (of the speech).  For each, both
# recognition passes (generic; biased towards the story) are scored
# against the words said, and the pause found is compared with the 2 s
# written in.  Last, one long answer (all of them in a row) through
# 'lpcoach speak' under GNU time, for wall time and peak memory.
#
#     sh bench/speech.sh [SNR...]      (default: clean 30 20 15 10)
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
make -C "$top" --no-print-directory lpcoach build/plain/speechbench >/dev/null
sb=$top/build/plain/speechbench
lp=$top/lpcoach
tmp=$(mktemp -d "${TMPDIR:-/tmp}/speech-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
snrs=${*:-clean 30 20 15 10}

# section FILE NAME: the text of one section of a story file.
section() {
	awk -v s="## $2" '$0 == s { on = 1; next } /^## / { on = 0 } on' "$1" |
		tr '\n' ' '
}

# rms FILE: the RMS amplitude sox reports.
rms() {
	sox "$1" -n stat 2>&1 | awk '/^RMS +amplitude/ { print $3 }'
}

quiet() {
	sox -n -r 16000 -c 1 -b 16 "$1" trim 0 "$2"
}

quiet "$tmp/s1.wav" 1
quiet "$tmp/s2.wav" 2
quiet "$tmp/s05.wav" 0.5
n=0
for md in "$top"/stories/samples/*.md; do
	n=$((n + 1))
	a=$("$sb" say "$(section "$md" Action)" | sed -n '/[a-z]/{p;q;}')
	r=$("$sb" say "$(section "$md" Result)" | sed -n '/[a-z]/{p;q;}')
	for k in a r; do
		eval "text=\$$k"
		flite -voice slt -t "$text" -o "$tmp/raw.wav"
		# flite's leading and trailing silence off, so the pause is ours.
		sox "$tmp/raw.wav" "$tmp/$n$k.wav" silence 1 0.02 0.5% \
			reverse silence 1 0.02 0.5% reverse
	done
	printf '%s %s\n' "$a" "$r" > "$tmp/$n.ref"
	sox "$tmp/s1.wav" "$tmp/${n}a.wav" "$tmp/s2.wav" "$tmp/${n}r.wav" \
		"$tmp/s05.wav" "$tmp/$n.wav"
	sox "$tmp/${n}a.wav" "$tmp/${n}r.wav" "$tmp/${n}speech.wav"
	echo "$md" > "$tmp/$n.md"
	echo "1 + $(soxi -D "$tmp/${n}a.wav")" | bc -l > "$tmp/$n.pause"
done

for snr in $snrs; do
	: > "$tmp/$snr.out"
	i=1
	while [ "$i" -le "$n" ]; do
		w=$tmp/$i.wav
		if [ "$snr" != clean ]; then
			sox -n -r 16000 -c 1 -b 16 "$tmp/noise.wav" synth \
				"$(soxi -D "$w")" whitenoise
			g=$(echo "$(rms "$tmp/${i}speech.wav") / $(rms "$tmp/noise.wav") / e(l(10) * $snr / 20)" | bc -l)
			sox -m "$w" -v "$g" "$tmp/noise.wav" "$tmp/mix.wav"
			w=$tmp/mix.wav
		fi
		"$sb" run "$(cat "$tmp/$i.md")" "$tmp/$i.ref" "$w" \
			"$(cat "$tmp/$i.pause")" 2 >> "$tmp/$snr.out" 2>>"$tmp/$snr.log"
		i=$((i + 1))
	done
	awk -v snr="$snr" -v truth="$tmp" '
	{ for (f = 1; f <= NF; f++) { split($f, kv, "="); v[kv[1]] = kv[2] }
	  words += v["words"]; ge += v["generic_err"]; be += v["biased_err"]
	  gc += v["generic_cpu"]; bc += v["biased_cpu"]; au += v["audio"]
	  gap += v["gap_db"]; n++
	  wd = v["biased_words"] - v["words"]; if (wd < 0) wd = -wd
	  wpm += wd / v["words"]
	  getline t < (truth "/" NR ".pause")
	  if (v["pause_len"] > 0) {
		found++; d = v["pause_start"] - t; if (d < 0) d = -d
		ds += d; dl += (v["pause_len"] > 2 ? v["pause_len"] - 2 : 2 - v["pause_len"])
	  } }
	END { printf "%-6s WER generic %4.1f%%  biased %4.1f%%  RTF %.2f/%.2f  " \
		"voice-floor %4.1f dB  pauses %d/%d  start err %.2f s  " \
		"length err %.2f s  word-count err %.1f%%\n", snr,
		100 * ge / words, 100 * be / words, gc / au, bc / au, gap / n,
		found, n, found ? ds / found : 0, found ? dl / found : 0,
		100 * wpm / n }' "$tmp/$snr.out"
done

# One long answer: every clean answer in a row, through lpcoach speak.
ls "$tmp"/[0-9]*.wav | grep -E '/[0-9]+\.wav$' | sort -V > "$tmp/list"
# shellcheck disable=SC2046
sox $(cat "$tmp/list") "$tmp/long.wav"
LPCOACH_DB=$tmp/bank.db "$lp" import "$top/stories/samples" >/dev/null
LPCOACH_DB=$tmp/bank.db /usr/bin/time -f "%e s wall, %U s user, %M KB peak" \
	"$lp" speak ranking-p99-latency --wav "$tmp/long.wav" --json \
	> "$tmp/long.json" 2> "$tmp/long.time" || true
printf 'long answer: %.0f s of audio, %s\n' "$(soxi -D "$tmp/long.wav")" \
	"$(tail -1 "$tmp/long.time")"

# Decoding while it is said: a 2-minute answer (the ranking story's
# Situation to Result, said twice) played to the decoders in real time,
# as the capture device gives it, then the report; against decoding the
# same audio after the end, as 'speak --wav' does.
story=$top/stories/samples/03-ranking-p99-latency.md
"$sb" say "$(for s in Situation Task Action Result; do section "$story" "$s"; done)" \
	> "$tmp/told.txt"
flite -voice slt -f "$tmp/told.txt" -o "$tmp/told1.wav"
sox "$tmp/told1.wav" "$tmp/told1.wav" "$tmp/told.wav"
"$sb" live "$story" "$tmp/told.wav"

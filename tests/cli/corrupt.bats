#!/usr/bin/env bats
# The corrupted-bank fuzzer: a real bank (the samples, a planned loop, a
# drill) with random bytes overwritten, then every reading command.  Each
# must end with 0, 1 or 2 and a message, never a crash (a signal, an
# ASan report) or a hang.  CORRUPT_ROUNDS banks (default 6; make
# check-long runs 200); round N always damages the same bytes, so a
# failure names the round that replays it.
load helper

setup_file() {
	hermetic "$BATS_FILE_TMPDIR"
	mkdir -p "$(dirname "$LPCOACH_DB")"
	"$LPCOACH" import "$SAMPLES" >/dev/null
	"$LPCOACH" loop new onsite --template mle --date 2026-12-03 >/dev/null
	"$LPCOACH" loop plan onsite >/dev/null || [ $? -eq 1 ]
	printf 'I would pick the drift story.\n3\n' |
		"$LPCOACH" drill --principle ownership --count 1 --seed 7 --no-timer >/dev/null 2>&1 || true
	sqlite3 "$LPCOACH_DB" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
	cp "$LPCOACH_DB" "$BATS_FILE_TMPDIR/pristine.db"
}

# corrupt ROUND FILE: overwrites 1 to 64 bytes, placed by the round's seed.
corrupt() {
	local size
	size=$(stat -c %s "$2")
	awk -v seed="$1" -v size="$size" 'BEGIN {
		srand(seed); n = 1 + int(rand() * 64)
		for (i = 0; i < n; i++) print int(rand() * size), int(rand() * 256)
	}' | while read -r off byte; do
		printf "\\$(printf %03o "$byte")" |
			dd of="$2" bs=1 seek="$off" conv=notrunc status=none
	done
}

@test "corrupted banks: no crash and no hang in any reading command" {
	local round cmd rc db fails=0
	db="$BATS_TEST_TMPDIR/bank.db"
	for round in $(seq 1 "${CORRUPT_ROUNDS:-6}"); do
		cp "$BATS_FILE_TMPDIR/pristine.db" "$db"
		corrupt "$round" "$db"
		for cmd in "list" "list --json" "show 1" "show 3 --md" \
		    "show 5 --json" "lint" "lint --format json" "cover" \
		    "cover --json" "report" "report --loop onsite" \
		    "export --format json --out -" "loop list" "loop list --json" \
		    "loop check onsite" "drill --dry-run --count 2 --seed 1" "doctor" \
		    "principles" "principle ownership" "match cost" \
		    "match --loop onsite --json disagree"; do
			rc=0
			timeout 60 "$LPCOACH" --db "$db" $cmd > "$BATS_TEST_TMPDIR/out" \
			    2> "$BATS_TEST_TMPDIR/err" < /dev/null || rc=$?
			if [ "$rc" -gt 2 ] || grep -q 'Sanitizer\|runtime error' "$BATS_TEST_TMPDIR/err"; then
				echo "round $round: lpcoach $cmd: exit $rc" >&3
				head -5 "$BATS_TEST_TMPDIR/err" >&3
				fails=$((fails + 1))
			fi
			# An error always says what is wrong.
			if [ "$rc" -eq 2 ] && [ ! -s "$BATS_TEST_TMPDIR/err" ]; then
				echo "round $round: lpcoach $cmd: exit 2 and no message" >&3
				fails=$((fails + 1))
			fi
		done
	done
	[ "$fails" -eq 0 ]
}

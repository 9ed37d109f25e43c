#!/usr/bin/env bats
# Crashes, full disks and many writers: the bank survives all of them.
# KILL_ROUNDS and KILL_STORIES scale the kill test (make check-long runs
# 30 rounds of 10,000 stories).
load helper

# tests/run.sh names the gencorpus of the build under test.
GENCORPUS=${GENCORPUS:-$TOP/build/plain/gencorpus}

count() {
	sqlite3 "$LPCOACH_DB" 'SELECT count(*) FROM story'
}

@test "kill -9 during an import leaves the bank intact, all or nothing" {
	n=${KILL_STORIES:-2000}
	rounds=${KILL_ROUNDS:-5}
	"$GENCORPUS" "$n" corpus 9
	lp import "$SAMPLES" >/dev/null
	old=$(count)
	for r in $(seq 1 "$rounds"); do
		"$LPCOACH" import corpus >/dev/null 2>&1 &
		pid=$!
		sleep "0.$((RANDOM % 10))$((RANDOM % 10))"
		kill -9 "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
		run lp doctor
		assert_success
		c=$(count)
		[ "$c" -eq "$old" ] || [ "$c" -eq $((old + n)) ] || \
		    fail "round $r: $c stories, expected $old or $((old + n))"
	done
	run lp import corpus
	assert_success
	[ "$(count)" -eq $((old + n)) ]
	run lp doctor
	assert_success
}

@test "a full disk during import fails clearly and changes nothing" {
	lp import "$SAMPLES" >/dev/null
	"$GENCORPUS" 2000 corpus 3
	before=$(bank_hash)
	run bash -c "ulimit -f 512; '$LPCOACH' import corpus"
	assert_failure 2
	assert_output --partial "cannot save"
	assert_output --regexp "\((File too large|writing failed: the disk is full or a file size limit was reached)\)"
	assert_output --partial "nothing was imported"
	[ "$(bank_hash)" = "$before" ]
	run lp doctor
	assert_success
}

# writer P N: adds, tags, edits and lists N stories of its own.
writer() {
	local p=$1 n=$2 i
	for i in $(seq 1 "$n"); do
		story "w$p-$i.md" "Writer $p story $i" ownership "w$p-$i"
		"$LPCOACH" add "w$p-$i.md" >> "ack.$p" 2>> "err.$p" || echo "add failed" >> "err.$p"
		"$LPCOACH" tag "w$p-$i" +frugality >/dev/null 2>> "err.$p" || echo "tag failed" >> "err.$p"
		EDITOR="$BATS_TEST_TMPDIR/ed.sh" "$LPCOACH" edit "w$p-$i" >/dev/null 2>> "err.$p" || echo "edit failed" >> "err.$p"
		"$LPCOACH" list >/dev/null 2>> "err.$p" || echo "list failed" >> "err.$p"
	done
}

concurrent() {
	local procs=$1 n=$2 p
	printf '#!/bin/sh\nsed -i "s/Fix it./Fixed it myself./" "$1"\n' > ed.sh
	chmod +x ed.sh
	lp init >/dev/null
	for p in $(seq 1 "$procs"); do writer "$p" "$n" & done
	wait
	cat err.* > errors.txt
	! grep -qi "locked\|busy" errors.txt || fail "$(cat errors.txt)"
	[ ! -s errors.txt ] || fail "$(cat errors.txt)"
	# Every acknowledged write is there.
	[ "$(cat ack.* | grep -c '^added ')" -eq $((procs * n)) ]
	[ "$(count)" -eq $((procs * n)) ]
	[ "$(sqlite3 "$LPCOACH_DB" "SELECT count(*) FROM story_principle WHERE slug = 'frugality'")" -eq $((procs * n)) ]
	[ "$(sqlite3 "$LPCOACH_DB" "SELECT count(*) FROM story WHERE task = 'Fixed it myself.'")" -eq $((procs * n)) ]
	run lp doctor
	assert_success
}

@test "two processes writing at once: no lock errors, nothing lost" {
	concurrent 2 15
}

@test "eight processes writing at once: no lock errors, nothing lost" {
	concurrent 8 6
}

@test "the editor inherits no database descriptor" {
	lp import "$SAMPLES" >/dev/null
	cat > ed.sh <<'SH'
#!/bin/sh
ls -l /proc/$$/fd > "$(dirname "$0")/fds.txt"
SH
	chmod +x ed.sh
	EDITOR="$PWD/ed.sh" lp edit 1 >/dev/null
	[ -s fds.txt ]
	! grep -q "bank.db" fds.txt || fail "$(cat fds.txt)"
}

@test "bank, journals, backups and exports are private under umask 022" {
	umask 022
	lp import "$SAMPLES" >/dev/null
	[ "$(stat -c %a data)" = 700 ]
	for f in data/bank.db data/bank.db-wal data/bank.db-shm; do
		[ ! -e "$f" ] || [ "$(stat -c %a "$f")" = 600 ] || fail "$f is $(stat -c %a "$f")"
	done
	# Hold the bank open so the journals exist, then check them too.
	sqlite3 "$LPCOACH_DB" 'BEGIN; SELECT count(*) FROM story;' >/dev/null
	lp backup b.db >/dev/null
	lp export --out ex >/dev/null
	lp export --format json --out ex >/dev/null
	lp report --html r.html >/dev/null
	for f in b.db ex/*.md ex/stories.json r.html; do
		[ "$(stat -c %a "$f")" = 600 ] || fail "$f is $(stat -c %a "$f")"
	done
}

#!/usr/bin/env bats
# init, principles, doctor, backup, and banks that are not what they seem.
load helper

@test "init creates a private bank and is idempotent" {
	umask 022
	run lp init
	assert_success
	v=$(sqlite3 "$LPCOACH_DB" 'PRAGMA user_version')
	[ "$v" -ge 3 ]
	assert_output "bank ready: $LPCOACH_DB (schema version $v)"
	[ "$(stat -c %a "$LPCOACH_DB")" = "600" ]
	[ "$(stat -c %a data)" = "700" ]
	run lp init
	assert_success
	[ "$(sqlite3 "$LPCOACH_DB" 'PRAGMA journal_mode')" = "wal" ]
	[ "$(sqlite3 "$LPCOACH_DB" 'PRAGMA application_id')" = "1819304815" ]
}

@test "--db and XDG_DATA_HOME choose the bank" {
	run lp --db "$BATS_TEST_TMPDIR/x/explicit.db" init
	assert_output --partial "x/explicit.db"
	unset LPCOACH_DB
	XDG_DATA_HOME="$BATS_TEST_TMPDIR/xdg" run lp init
	assert_output --partial "xdg/lpcoach/bank.db"
	HOME="$BATS_TEST_TMPDIR/home" run lp init
	assert_output --partial "home/.local/share/lpcoach/bank.db"
	run lp list --db "$BATS_TEST_TMPDIR/x/explicit.db" --json
	assert_output "[]"
}

@test "--db names a file, even ':memory:' or a SQLite URI" {
	story a.md "Kept"
	for db in ':memory:' 'file:b.db?mode=memory' 'file::memory:?cache=shared'; do
		run lp --db "$db" add a.md
		assert_success
		run lp --db "$db" list --json
		assert_success
		[ "$(echo "$output" | jq -r '.[0].title')" = Kept ] ||
		    fail "--db '$db' did not keep the story"
		# A bank file of that very name, in the current directory.
		[ "$(sqlite3 "./$db" 'PRAGMA application_id')" = 1819304815 ]
	done
	# Nothing else was made: no stray files, no default bank.
	run sh -c "ls -A | sed -E 's/-(wal|shm)\$//' | sort -u"
	assert_output "$(printf '%s\n' ':memory:' a.md 'file::memory:?cache=shared' \
	    'file:b.db?mode=memory' home | sort)"
	[ ! -e "$LPCOACH_DB" ]
}

@test "a backup into a directory named like a URI is a file there" {
	lp import "$SAMPLES" >/dev/null
	mkdir 'file:dir'
	run lp backup 'file:dir/c.db'
	assert_success
	[ "$(lp --db 'file:dir/c.db' list --json | jq length)" -eq 14 ]
}

@test "an empty --db is an error, not the default bank" {
	story a.md "x"
	for arg in "--db=" "--db ''"; do
		eval "run lp $arg add a.md"
		assert_failure 2
		assert_output --partial "--db needs the path of a bank file, not ''"
		[ ! -e "$LPCOACH_DB" ] || fail "$arg wrote the default bank"
	done
}

@test "principles lists all 16 in order with story counts" {
	lp import "$SAMPLES" >/dev/null
	run lp principles
	assert_success
	[ "${#lines[@]}" -eq 17 ]
	assert_line --index 1 --regexp '^  1  Customer Obsession +2$'
	assert_line --index 13 --regexp '^ 13  Have Backbone; Disagree and Commit +1$'
	assert_line --index 16 --regexp '^ 16  Success and Scale Bring Broad Responsibility +1$'
}

@test "principles --json is an array of slug, name, stories" {
	run lp principles --json
	assert_success
	[ "$(echo "$output" | jq length)" -eq 16 ]
	[ "$(echo "$output" | jq -r '.[14] | "\(.slug)|\(.name)|\(.stories)"')" = \
	    "strive-to-be-earths-best-employer|Strive to be Earth's Best Employer|0" ]
}

@test "doctor reports a healthy bank" {
	lp import "$SAMPLES" >/dev/null
	run lp doctor
	assert_success
	v=$(sqlite3 "$LPCOACH_DB" 'PRAGMA user_version')
	assert_output "ok: $LPCOACH_DB: integrity, foreign keys, search index, schema version $v, 14 stories"
}

@test "doctor finds an unknown principle tag" {
	story a.md "x" ownership
	lp add a.md
	sqlite3 "$LPCOACH_DB" "UPDATE story_principle SET slug = 'made-up'"
	run lp doctor
	assert_failure 1
	assert_output "problem: unknown principle 'made-up' (a story tag, a loop slot or a drill answer)"
}

@test "a file that is not a database is refused" {
	mkdir -p data
	head -c 4096 /dev/urandom > "$LPCOACH_DB"
	before=$(sha256sum < "$LPCOACH_DB")
	run lp list
	assert_failure 2
	assert_output --partial "$LPCOACH_DB: not an lpcoach bank"
	[ "$(sha256sum < "$LPCOACH_DB")" = "$before" ]
}

# refused_unchanged MESSAGE: every kind of command on the bank fails with
# MESSAGE and leaves the file byte for byte as it was, with no journal
# beside it (journal_mode=WAL alone would rewrite its header).
refused_unchanged() {
	local before
	before=$(sha256sum < "$LPCOACH_DB")
	story a.md "x"
	for cmd in "add a.md" "list" "init" "doctor" "backup b.db"; do
		run lp $cmd
		assert_failure 2
		assert_output --partial "$1"
		[ "$(sha256sum < "$LPCOACH_DB")" = "$before" ] ||
		    fail "'$cmd' changed the file"
		[ "$(ls data)" = bank.db ] || fail "'$cmd' left $(ls data)"
	done
	[ ! -e b.db ]
}

@test "another program's SQLite database is refused and left unchanged" {
	mkdir -p data
	sqlite3 "$LPCOACH_DB" "CREATE TABLE t(x); INSERT INTO t VALUES (1)"
	[ "$(sqlite3 "$LPCOACH_DB" 'PRAGMA journal_mode')" = delete ]
	refused_unchanged "$LPCOACH_DB: not an lpcoach bank (it is a SQLite database of another program)"
	[ "$(sqlite3 "$LPCOACH_DB" 'SELECT count(*) FROM t')" = "1" ]
}

@test "a bank from a newer lpcoach is refused and left unchanged" {
	lp init >/dev/null
	v=$(sqlite3 "$LPCOACH_DB" 'PRAGMA user_version')
	# A newer lpcoach might not use WAL: this one must not turn it on.
	sqlite3 "$LPCOACH_DB" "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99" >/dev/null
	refused_unchanged "bank schema version 99 is newer than this lpcoach understands ($v)"
}

@test "a bank path that is a symbolic link is refused" {
	lp init >/dev/null
	ln -s "$LPCOACH_DB" link.db
	run lp --db link.db list
	assert_failure 2
	assert_output --partial "link.db: the bank is a symbolic link"
}

@test "backup makes a consistent private copy and never overwrites" {
	lp import "$SAMPLES" >/dev/null
	umask 022
	run lp backup copy.db
	assert_success
	[ "$(stat -c %a copy.db)" = "600" ]
	[ "$(lp --db copy.db list --json | grep -c '"uid"')" -eq 14 ]
	run lp --db copy.db doctor
	assert_success
	run lp backup copy.db
	assert_failure 2
	assert_output --partial "already exists (use --force to replace it)"
	run lp backup copy.db --force
	assert_success
}

@test "backup while another process writes gives a sound copy" {
	lp import "$SAMPLES" >/dev/null
	( for i in $(seq 1 30); do story "w$i.md" "Writer $i" frugality; \
	    "$LPCOACH" add "w$i.md" >/dev/null; done ) &
	for i in 1 2 3 4 5; do
		lp backup "b$i.db" >/dev/null
		run lp --db "b$i.db" doctor
		assert_success
	done
	wait
	[ "$(lp list --json | grep -c '"uid"')" -eq 44 ]
}

# The read-only test's scratch directory, removed even when the test fails.
teardown() {
	ro_cleanup
}

# as CMD...: CMD as nobody (see as_nobody in helper.bash).
as() {
	as_nobody "$RO/home" "$@"
}

# ro_checkout: sets RO to a new 0755 directory under /tmp holding copies
# of lpcoach ($bin) and the samples ($ro/samples), and a story $ro/x.md:
# nobody may not be able to reach the checkout (a clone in a 0700
# directory).
ro_checkout() {
	RO=$(mktemp -d /tmp/lpcoach-ro.XXXXXX)
	ro=$RO
	chmod 755 "$ro"
	# A wrapper script (tests/valgrind/lpcoach) runs the binary by its path
	# relative to the checkout: keep that path, with the binary beside it.
	case $LPCOACH in
	"$TOP"/*) bin="$ro/top/${LPCOACH#"$TOP"/}" ;;
	*) bin="$ro/bin/lpcoach" ;;
	esac
	mkdir -p "$(dirname "$bin")" "$ro/home"
	cp -L "$LPCOACH" "$bin"
	if [ "$(head -c 2 "$bin")" = "#!" ] && [ -f "$TOP/lpcoach" ]; then
		cp -L "$TOP/lpcoach" "$ro/top/lpcoach"
	fi
	cp -R "$SAMPLES" "$ro/samples"
	chmod -R a+rX "$ro"
	[ "$(id -u)" != 0 ] || chown 65534:65534 "$ro" "$ro/home"
	story "$ro/x.md" "New" ownership
	chmod 644 "$ro/x.md"
	cd "$ro"
}

@test "a read-only bank can be read but not written, and says so" {
	ro_checkout
	as "$bin" --db "$ro/d/b.db" import "$ro/samples" >/dev/null
	as chmod 400 "$ro/d/b.db"
	as chmod 500 "$ro/d"
	run as "$bin" --db "$ro/d/b.db" list --json
	assert_success
	[ "$(echo "$output" | jq length)" -eq 14 ]
	run as "$bin" --db "$ro/d/b.db" add "$ro/x.md"
	assert_failure 2
	assert_output --partial "the bank is read-only: lpcoach can read it but not change it"
}

@test "a read-only bank whose -wal holds changes, with no -shm, is refused" {
	ro_checkout
	as "$bin" --db "$ro/d/b.db" import "$ro/samples" >/dev/null
	# A writer killed after its commit leaves the change in the -wal
	# file; copying the bank without its -shm file leaves it so too.
	as sqlite3 "$ro/d/b.db" "PRAGMA wal_autocheckpoint = 0;" \
	    "UPDATE story SET title = 'Changed' WHERE id = 1;" \
	    '.shell kill -KILL $PPID' || true
	[ -s "$ro/d/b.db-wal" ]
	rm -f "$ro/d/b.db-shm"
	as chmod 400 "$ro/d/b.db" "$ro/d/b.db-wal"
	as chmod 500 "$ro/d"
	for cmd in "list --json" "show 1" "backup $ro/copy.db"; do
		run as "$bin" --db "$ro/d/b.db" $cmd
		assert_failure 2
		assert_output --partial "$ro/d/b.db: the bank cannot be written, and $ro/d/b.db-wal holds changes not yet in it"
		assert_output --partial "make the directory writable"
	done
	[ ! -e "$ro/copy.db" ]
	# What the message says to do works: the change is there.
	as chmod 700 "$ro/d"
	run as "$bin" --db "$ro/d/b.db" show 1 --json
	assert_success
	[ "$(echo "$output" | jq -r .title)" = Changed ]
}

@test "a read-only bank with an empty -wal and no -shm is still read" {
	ro_checkout
	as "$bin" --db "$ro/d/b.db" import "$ro/samples" >/dev/null
	as touch "$ro/d/b.db-wal"
	as chmod 400 "$ro/d/b.db"
	as chmod 500 "$ro/d"
	run as "$bin" --db "$ro/d/b.db" list --json
	assert_success
	[ "$(echo "$output" | jq length)" -eq 14 ]
}

# as_uid UID CMD...: runs CMD with real user id UID: through setpriv when
# we are root, else in a user namespace that maps us to UID.
as_uid() {
	local uid=$1
	shift
	if [ "$(id -u)" = 0 ]; then
		setpriv --reuid="$uid" --regid="$uid" --clear-groups "$@"
	else
		unshare -U --map-user="$uid" --map-group="$uid" "$@"
	fi
}

@test "without HOME the bank is under the home the password database gives" {
	ro_checkout
	# nobody's home is /nonexistent, which nobody cannot create.
	[ "$(getent passwd 65534 | cut -d: -f6)" = /nonexistent ]
	run as_uid 65534 env -u HOME -u LPCOACH_DB -u XDG_DATA_HOME "$bin" doctor
	assert_success
	assert_output --partial "ok: /nonexistent/.local/share/lpcoach/bank.db: "
	run as_uid 65534 env -u HOME -u LPCOACH_DB -u XDG_DATA_HOME "$bin" add "$ro/x.md"
	assert_failure 2
	assert_output --partial "/nonexistent: cannot create directory"
	[ ! -e "$ro/.local" ]
	# An empty HOME is no home either.
	run as_uid 65534 env -u LPCOACH_DB -u XDG_DATA_HOME HOME= "$bin" doctor
	assert_output --partial "ok: /nonexistent/.local/share/lpcoach/bank.db: "
	# XDG_DATA_HOME is still honoured without HOME.
	run as_uid 65534 env -u HOME -u LPCOACH_DB XDG_DATA_HOME="$ro/xdg" "$bin" add "$ro/x.md"
	assert_success
	[ -f "$ro/xdg/lpcoach/bank.db" ]
	[ ! -e "$ro/.local" ]
}

@test "without HOME or a home in the password database, there is no bank" {
	ro_checkout
	[ -z "$(getent passwd 12345)" ]
	for home in "-u HOME" "HOME=" "HOME=relative"; do
		run as_uid 12345 env -u LPCOACH_DB -u XDG_DATA_HOME $home "$bin" add "$ro/x.md"
		assert_failure 2
		assert_output "lpcoach: cannot find the bank: HOME is not set (to an absolute path) and user 12345 has no home directory in the password database (set HOME, XDG_DATA_HOME or LPCOACH_DB, or give --db)"
		[ ! -e "$ro/.local" ]
	done
	run as_uid 12345 env -u HOME -u LPCOACH_DB -u XDG_DATA_HOME "$bin" --db "$ro/x.db" list --json
	assert_success
	assert_output "[]"
}

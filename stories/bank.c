#include "stories/bank.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "stories/migrate.h"
#include "base/home.h"
#include "base/xalloc.h"

/*
 * A connection is used by one thread only (lpcoach has no other), so it
 * needs no mutex around every call: Debian's SQLite is built serialized,
 * and the lock and unlock of each sqlite3_column_*() call were a tenth of
 * 'list' on a large bank.
 */
#define BANK_NOMUTEX SQLITE_OPEN_NOMUTEX

char *
bank_default_path(const char *explicit_path, struct buf *err)
{
	const char *env;
	struct buf b = BUF_INIT;
	char *home;

	if (explicit_path && *explicit_path)
		return xstrdup(explicit_path);
	if ((env = getenv("LPCOACH_DB")) && *env)
		return xstrdup(env);
	if ((env = getenv("XDG_DATA_HOME")) && *env == '/') {
		buf_addf(&b, "%s/lpcoach/bank.db", env);
		return buf_detach(&b);
	}
	if ((home = home_dir()) == NULL) {
		buf_addf(err, "cannot find the bank: HOME is not set (to an "
		    "absolute path) and user %u has no home directory in the "
		    "password database (set HOME, XDG_DATA_HOME or LPCOACH_DB, "
		    "or give --db)\n", (unsigned)getuid());
		return NULL;
	}
	buf_addf(&b, "%s/.local/share/lpcoach/bank.db", home);
	free(home);
	return buf_detach(&b);
}

int
bank_schema_version(void)
{
	return migrate_latest();
}

/* Makes every missing directory above path, each 0700. */
static int
make_parents(const char *path, struct buf *err)
{
	char *dir = xstrdup(path), *p;
	int rc = 0;

	for (p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) < 0 && errno != EEXIST) {
			buf_addf(err, "%s: cannot create directory: %s\n", dir,
			    strerror(errno));
			rc = -1;
			break;
		}
		*p = '/';
	}
	free(dir);
	return rc;
}

static int
exec(struct bank *b, const char *sql, struct buf *err)
{
	if (sqlite3_exec(b->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return bank_sql_error(b, "cannot open the bank", err);
	return 0;
}

char *
bank_file_name(const char *path)
{
	struct buf b = BUF_INIT;

	buf_addf(&b, "%s%s", path[0] == '/' ? "" : "./", path);
	return buf_detach(&b);
}

/*
 * The URI of the file at path, read-only and immutable, with what a URI
 * path cannot hold as it is percent-encoded.  An absolute path gets an
 * empty authority ("file:///x"), so that "//x" is not read as a host.
 */
static void
uri_path(const char *path, struct buf *out)
{
	char *name = bank_file_name(path);
	const unsigned char *p;

	buf_adds(out, name[0] == '/' ? "file://" : "file:");
	for (p = (const unsigned char *)name; *p; p++)
		if (*p == '%' || *p == '?' || *p == '#' || *p < 0x21 ||
		    *p >= 0x7f)
			buf_addf(out, "%%%02X", *p);
		else
			buf_addc(out, (char)*p);
	buf_adds(out, "?immutable=1");
	free(name);
}

/*
 * Read as immutable, SQLite reads the bank file alone: committed changes
 * still in a -wal file would be ignored, so reads would be stale and a
 * backup would drop them.  Such a bank is refused instead.
 */
static int
check_no_wal(const char *path, struct buf *err)
{
	struct buf wal = BUF_INIT;
	struct stat st;
	int rc = 0;

	buf_addf(&wal, "%s-wal", path);
	if (lstat(wal.s, &st) == 0 && st.st_size > 0) {
		buf_addf(err, "%s: the bank cannot be written, and %s holds "
		    "changes not yet in it, which SQLite can read only with "
		    "%s-shm beside it: make the directory writable (SQLite "
		    "then moves the changes into the bank) or restore %s-shm, "
		    "then run lpcoach again; never delete the -wal file\n",
		    path, wal.s, path, path);
		rc = -1;
	}
	buf_release(&wal);
	return rc;
}

static int
open_immutable(struct bank *b, const char *path, struct buf *err)
{
	struct buf uri = BUF_INIT;
	int rc;

	if (check_no_wal(path, err) < 0)
		return -1;
	uri_path(path, &uri);
	rc = sqlite3_open_v2(uri.s, &b->db, SQLITE_OPEN_READONLY |
	    SQLITE_OPEN_URI | SQLITE_OPEN_NOFOLLOW | BANK_NOMUTEX, NULL);
	buf_release(&uri);
	b->immutable = 1;
	if (rc != SQLITE_OK || sqlite3_exec(b->db, "PRAGMA foreign_keys=ON; "
	    "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL) !=
	    SQLITE_OK)
		return bank_sql_error(b, "cannot open the bank", err);
	return migrate_check_only(b, err);
}

/* True for a readable lpcoach bank of an older schema version. */
static int
needs_upgrade(struct bank *b)
{
	struct buf ignore = BUF_INIT;
	int version = 0, app = 0, rc;

	rc = migrate_read_version(b, &version, &app, &ignore) == 0 &&
	    app == BANK_APPLICATION_ID && version < migrate_latest();
	buf_release(&ignore);
	return rc;
}

/* Checks what is at path: 0 with *exists set, or -1 with err set. */
static int
check_path(const char *path, int *exists, struct buf *err)
{
	struct stat st;

	*exists = lstat(path, &st) == 0;
	if (!*exists && errno != ENOENT) {
		buf_addf(err, "%s: cannot open the bank: %s\n", path,
		    strerror(errno));
		return -1;
	}
	if (*exists && S_ISLNK(st.st_mode)) {
		buf_addf(err, "%s: the bank is a symbolic link; refusing to "
		    "follow it (give the real path with --db)\n", path);
		return -1;
	}
	if (*exists && !S_ISREG(st.st_mode)) {
		buf_addf(err, "%s: the bank is not a regular file\n", path);
		return -1;
	}
	return 0;
}

/* Creates the bank file (0600) and its directories (0700). */
static int
create_file(const char *path, struct buf *err)
{
	int fd;

	if (make_parents(path, err) < 0)
		return -1;
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
	    0600);
	if (fd < 0 && errno != EEXIST) {
		buf_addf(err, "%s: cannot create the bank: %s\n", path,
		    strerror(errno));
		return -1;
	}
	if (fd >= 0)
		close(fd);
	return 0;
}

/* Reading a bank that does not exist yet: an empty one, in memory. */
static int
open_empty(struct bank *b, struct buf *err)
{
	if (sqlite3_open_v2(":memory:", &b->db, SQLITE_OPEN_READWRITE |
	    BANK_NOMUTEX, NULL) != SQLITE_OK) {
		bank_sql_error(b, "cannot open the bank", err);
		return -1;
	}
	return migrate(b, err);
}

/* Opens the connection; 0, or -1 with err set. */
static int
open_db(struct bank *b, const char *path, enum bank_mode mode,
    struct buf *err)
{
	/* No SQLITE_OPEN_URI: the bank is a file, whatever its name. */
	int flags = (mode == BANK_WRITE ? SQLITE_OPEN_READWRITE :
	    SQLITE_OPEN_READONLY) | SQLITE_OPEN_NOFOLLOW | BANK_NOMUTEX;
	char *name = bank_file_name(path);
	int rc = sqlite3_open_v2(name, &b->db, flags, NULL);

	free(name);
	if (rc != SQLITE_OK)
		return bank_sql_error(b, "cannot open the bank", err);
	if (mode == BANK_WRITE && sqlite3_db_readonly(b->db, "main") == 1) {
		buf_addf(err, "%s: the bank is read-only: lpcoach can read it "
		    "but not change it (check the permissions of the file and "
		    "its directory)\n", path);
		return -1;
	}
	sqlite3_busy_timeout(b->db, 30000);
	sqlite3_extended_result_codes(b->db, 1);
	return 0;
}

/*
 * Whether the file at path starts with a SQLite header that carries
 * lpcoach's application id (bytes 68 to 71, big-endian): a bank, however
 * damaged the rest of it is.
 */
static int
header_is_a_bank(const char *path)
{
	unsigned char h[100];
	unsigned long id;
	ssize_t n = -1;
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);

	if (fd >= 0) {
		n = read(fd, h, sizeof(h));
		close(fd);
	}
	if (n != (ssize_t)sizeof(h) ||
	    memcmp(h, "SQLite format 3", 16) != 0)
		return 0;
	id = (unsigned long)h[68] << 24 | (unsigned long)h[69] << 16 |
	    (unsigned long)h[70] << 8 | h[71];
	return id == BANK_APPLICATION_ID;
}

/* Closes the connection, keeping b->path free to be opened again. */
static void
disconnect(struct bank *b)
{
	sqlite3_close(b->db);
	b->db = NULL;
}

int
bank_open(struct bank *b, const char *path, enum bank_mode mode,
    struct buf *err)
{
	int exists, rc, version;

	memset(b, 0, sizeof(*b));
	b->path = xstrdup(path);
	if (check_path(path, &exists, err) < 0)
		goto fail;
	if (!exists && mode != BANK_WRITE)
		return open_empty(b, err) < 0 ? (bank_close(b), -1) : 0;
	if ((!exists && create_file(path, err) < 0) ||
	    open_db(b, path, mode, err) < 0)
		goto fail;
	/* The first statement reads the header: a non-database fails here. */
	rc = sqlite3_exec(b->db, "PRAGMA foreign_keys=ON; "
	    "PRAGMA secure_delete=ON; SELECT count(*) FROM sqlite_schema",
	    NULL, NULL, NULL);
	if (mode != BANK_WRITE && ((rc & 0xff) == SQLITE_READONLY ||
	    (rc & 0xff) == SQLITE_CANTOPEN)) {
		/*
		 * A WAL bank in a directory we cannot write has no -shm file
		 * to read through; nobody can be writing it, so read it as
		 * immutable.
		 */
		disconnect(b);
		return open_immutable(b, path, err) < 0 ? (bank_close(b), -1) :
		    0;
	}
	if (((rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT) &&
	    header_is_a_bank(path)) {
		buf_addf(err, "%s: the bank is damaged (%s); restore it "
		    "from a backup ('lpcoach backup' makes one)\n", path,
		    sqlite3_errmsg(b->db));
		goto fail;
	}
	if ((rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT) {
		buf_addf(err, "%s: not an lpcoach bank (%s)\n", path,
		    sqlite3_errmsg(b->db));
		goto fail;
	}
	if (rc != SQLITE_OK) {
		bank_sql_error(b, "cannot open the bank", err);
		goto fail;
	}
	/*
	 * Another program's file, or a newer bank, is refused before anything
	 * can change it: journal_mode=WAL rewrites the file's header.
	 */
	if (migrate_check_owner(b, &version, err) < 0)
		goto fail;
	if (mode == BANK_PEEK)	/* never written, so never upgraded */
		return 0;
	if (mode == BANK_READ && needs_upgrade(b)) {
		/* An older bank is upgraded first, which needs writing. */
		bank_close(b);
		return bank_open(b, path, BANK_WRITE, err);
	}
	if (mode == BANK_WRITE &&
	    (exec(b, "PRAGMA journal_mode=WAL", err) < 0 ||
	    exec(b, "PRAGMA synchronous=FULL", err) < 0))
		goto fail;
	if (migrate(b, err) < 0)
		goto fail;
	return 0;
fail:
	bank_close(b);
	return -1;
}

void
bank_close(struct bank *b)
{
	size_t i;

	for (i = 0; i < sizeof(b->kept) / sizeof(b->kept[0]); i++)
		sqlite3_finalize(b->kept[i].st);
	if (b->db)
		sqlite3_close(b->db);
	free(b->path);
	memset(b, 0, sizeof(*b));
}

int
bank_begin(struct bank *b, struct buf *err)
{
	if (sqlite3_exec(b->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) !=
	    SQLITE_OK) {
		if (sqlite3_db_readonly(b->db, "main") == 1)
			buf_addf(err, "%s: the bank is read-only: %s\n",
			    b->path, sqlite3_errmsg(b->db));
		else
			bank_sql_error(b, "cannot start a transaction", err);
		return -1;
	}
	b->in_tx = 1;
	return 0;
}

int
bank_commit(struct bank *b, struct buf *err)
{
	if (sqlite3_exec(b->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		bank_sql_error(b, "cannot save", err);
		bank_rollback(b);
		return -1;
	}
	b->in_tx = 0;
	return 0;
}

void
bank_rollback(struct bank *b)
{
	if (b->db && !sqlite3_get_autocommit(b->db))
		sqlite3_exec(b->db, "ROLLBACK", NULL, NULL, NULL);
	b->in_tx = 0;
}

void
bank_checkpoint(struct bank *b)
{
	sqlite3_exec(b->db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL,
	    NULL);
}

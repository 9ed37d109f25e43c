/* The full-text index of the stories: see stories/fts.h. */
#include "stories/fts.h"

#include <string.h>

#include "base/hash.h"

#define COLUMNS "title, situation, task, action, result, reflection"

/* The index as the schema declares it (stories/migrate.c, step 6). */
static const char create_sql[] =
    "CREATE VIRTUAL TABLE main.story_fts USING fts5(" COLUMNS ", "
    "content='story', content_rowid='id', tokenize='porter unicode61')";
static const char state_sql[] =
    "CREATE TABLE IF NOT EXISTS main.fts_state ("
    "  k INTEGER PRIMARY KEY CHECK (k = 1),"
    "  revision INTEGER NOT NULL,"
    "  n INTEGER NOT NULL,"
    "  digest REAL NOT NULL,"
    "  blocks INTEGER NOT NULL)";

/*
 * What the index was built from: how many stories, and a sum over them
 * of a hash of (id, version), which changes whenever a story is added,
 * changed (every write bumps its version) or removed.  The sum is a REAL
 * (total()), exact below 2^53 and never an integer overflow.
 */
static const char current_sql[] =
    "SELECT count(*), total((id * 2654435761 + version * 40503) "
    "% 2147483647) FROM main.story";

static int
exec(struct bank *b, const char *sql, const char *what, struct buf *err)
{
	if (sqlite3_exec(b->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return bank_sql_error(b, what, err);
	return 0;
}

/* 1 when the bank has the table name. */
static int
has_table(struct bank *b, const char *name, int *yes, struct buf *err)
{
	sqlite3_stmt *st = bank_prepare(b, "SELECT count(*) FROM "
	    "main.sqlite_schema WHERE name = :name", err);
	int rc;

	*yes = 0;
	if (st == NULL)
		return -1;
	bind_text(st, ":name", name);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*yes = sqlite3_column_int(st, 0) > 0;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return bank_sql_error(b, "cannot read the schema", err);
	return 0;
}

/* The stories now, as fts_state records them. */
static int
current(struct bank *b, long long *n, double *digest, struct buf *err)
{
	sqlite3_stmt *st = bank_prepare(b, current_sql, err);
	int rc;

	if (st == NULL)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*n = sqlite3_column_int64(st, 0);
		*digest = sqlite3_column_double(st, 1);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return bank_sql_error(b, "cannot read the bank", err);
	return 0;
}

/*
 * A hash of the index's bytes: its segments and structure (story_fts_data)
 * and document sizes (story_fts_docsize), which are all bm25 reads.  The
 * writer that built the index records it; an index whose bytes changed
 * since (damage, or a hand that emptied or edited it) is never trusted.
 */
static int
blocks_hash(struct bank *b, uint64_t *h, struct buf *err)
{
	static const char *const sql[] = {
		"SELECT id, block FROM main.story_fts_data ORDER BY id",
		"SELECT id, sz FROM main.story_fts_docsize ORDER BY id",
	};
	sqlite3_stmt *st;
	size_t i;
	int rc;

	*h = HASH64_INIT;
	for (i = 0; i < sizeof(sql) / sizeof(sql[0]); i++) {
		if ((st = bank_prepare(b, sql[i], err)) == NULL)
			return -1;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			*h = hash64_u64(*h,
			    (uint64_t)sqlite3_column_int64(st, 0));
			*h = hash64_u64(*h,
			    (uint64_t)sqlite3_column_bytes(st, 1));
			*h = hash64(*h, sqlite3_column_blob(st, 1),
			    (size_t)sqlite3_column_bytes(st, 1));
		}
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return bank_sql_error(b, "cannot read the search index",
			    err);
	}
	return 0;
}

/* What fts_status() finds. */
enum { IX_MISSING, IX_STALE, IX_CHANGED, IX_CURRENT };

/* Sets *fresh to one of the above. */
static int
fts_status(struct bank *b, int *fresh, struct buf *err)
{
	struct buf ignore = BUF_INIT;
	sqlite3_stmt *st;
	uint64_t want = 0, have;
	long long n;
	double digest;
	int yes, rc;

	*fresh = 0;
	if (has_table(b, "story_fts", &yes, err) < 0)
		return -1;
	if (yes && has_table(b, "fts_state", &yes, err) < 0)
		return -1;
	if (!yes)
		return 0;
	*fresh = IX_STALE;
	if (current(b, &n, &digest, err) < 0)
		return -1;
	st = bank_prepare(b, "SELECT revision, n, digest, blocks FROM "
	    "main.fts_state WHERE k = 1", err);
	if (st == NULL)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && sqlite3_column_int(st, 0) == FTS_REVISION &&
	    sqlite3_column_int64(st, 1) == n &&
	    sqlite3_column_double(st, 2) == digest) {
		*fresh = IX_CHANGED;
		want = (uint64_t)sqlite3_column_int64(st, 3);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return bank_sql_error(b, "cannot read the search index", err);
	if (*fresh != IX_CHANGED)
		return 0;
	/* An index that cannot even be read is damaged: not current. */
	rc = blocks_hash(b, &have, &ignore);
	buf_release(&ignore);
	if (rc == 0 && have == want)
		*fresh = IX_CURRENT;
	return 0;
}

int
fts_fresh(struct bank *b, int *fresh, struct buf *err)
{
	int rc = fts_status(b, fresh, err);

	*fresh = *fresh == IX_CURRENT;
	return rc;
}

/*
 * Sets *same to 0 when fts_state says the index was made by another
 * FTS_REVISION, else to 1.
 */
static int
old_revision(struct bank *b, int *same, struct buf *err)
{
	sqlite3_stmt *st;
	int yes, rc;

	*same = 1;
	if (has_table(b, "fts_state", &yes, err) < 0)
		return -1;
	if (!yes)
		return 0;
	st = bank_prepare(b, "SELECT revision FROM main.fts_state WHERE "
	    "k = 1", err);
	if (st == NULL)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*same = sqlite3_column_int(st, 0) == FTS_REVISION;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return bank_sql_error(b, "cannot read the search index", err);
	return 0;
}

/* Drops the index (damaged, or of another revision) and creates it. */
static int
recreate(struct bank *b, struct buf *err)
{
	int yes;

	if (has_table(b, "story_fts", &yes, err) < 0)
		return -1;
	if (yes && exec(b, "DROP TABLE main.story_fts",
	    "cannot drop the search index", err) < 0)
		return -1;
	return exec(b, create_sql, "cannot create the search index", err);
}

int
fts_sync(struct bank *b, struct buf *err)
{
	sqlite3_stmt *st;
	uint64_t h;
	long long n;
	double digest;
	int fresh, yes;

	if (fts_fresh(b, &fresh, err) < 0)
		return -1;
	if (fresh)
		return 0;
	if (has_table(b, "story_fts", &yes, err) < 0 ||
	    (yes && old_revision(b, &yes, err) < 0))
		return -1;
	/* Missing, or made with other columns or another tokenizer. */
	if ((!yes && recreate(b, err) < 0) || exec(b, state_sql,
	    "cannot create the search index", err) < 0)
		return -1;
	/*
	 * A rebuild drops every segment and indexes the stories afresh, so
	 * no term of a removed or replaced text is left in the index; on a
	 * damaged or foreign index it can fail, and then the index goes.
	 */
	if (sqlite3_exec(b->db, "INSERT INTO main.story_fts(story_fts) "
	    "VALUES ('rebuild')", NULL, NULL, NULL) != SQLITE_OK &&
	    (recreate(b, err) < 0 || exec(b, "INSERT INTO "
	    "main.story_fts(story_fts) VALUES ('rebuild')",
	    "cannot rebuild the search index", err) < 0))
		return -1;
	/*
	 * FTS5 holds new terms in memory until the transaction ends;
	 * 'optimize' writes them out (merged into one segment), so the
	 * bytes hashed are the bytes committed.
	 */
	if (exec(b, "INSERT INTO main.story_fts(story_fts) VALUES "
	    "('optimize')", "cannot rebuild the search index", err) < 0 ||
	    current(b, &n, &digest, err) < 0 || blocks_hash(b, &h, err) < 0)
		return -1;
	st = bank_prepare(b, "INSERT OR REPLACE INTO main.fts_state (k, "
	    "revision, n, digest, blocks) VALUES (1, :revision, :n, :digest, "
	    ":blocks)", err);
	if (st == NULL)
		return -1;
	bind_int(st, ":revision", FTS_REVISION);
	bind_int(st, ":n", n);
	bind_int(st, ":blocks", (long long)h);
	bind_real(st, ":digest", digest);
	if (sqlite3_step(st) != SQLITE_DONE) {
		sqlite3_finalize(st);
		return bank_sql_error(b, "cannot save the search index", err);
	}
	sqlite3_finalize(st);
	return 0;
}

int
fts_use_memory(struct fts *f, struct buf *err)
{
	struct bank *b = f->b;

	fts_close(f);
	/*
	 * The temp schema, kept in memory: a read-only connection can write
	 * it (an attached database would be read-only too).
	 */
	if (exec(b, "PRAGMA temp_store = MEMORY",
	    "cannot make a search index in memory", err) < 0)
		return -1;
	f->memory = 1;
	if (exec(b, "CREATE VIRTUAL TABLE temp.ftsmem USING fts5("
	    COLUMNS ", tokenize='porter unicode61');"
	    "INSERT INTO temp.ftsmem (rowid, " COLUMNS ") "
	    "SELECT id, " COLUMNS " FROM main.story",
	    "cannot make a search index in memory", err) < 0) {
		fts_close(f);
		return -1;
	}
	return 0;
}

int
fts_open(struct bank *b, struct fts *f, struct buf *err)
{
	int fresh;

	f->b = b;
	f->memory = 0;
	f->st = NULL;
	if (fts_fresh(b, &fresh, err) < 0)
		return -1;
	return fresh ? 0 : fts_use_memory(f, err);
}

void
fts_close(struct fts *f)
{
	sqlite3_finalize(f->st);
	f->st = NULL;
	if (f->memory)
		sqlite3_exec(f->b->db, "DROP TABLE temp.ftsmem", NULL, NULL,
		    NULL);
	f->memory = 0;
}

int
fts_query(struct fts *f, const char *match,
    int (*fn)(void *ctx, long long id, double weight), void *ctx,
    struct buf *err)
{
	static const char *const sql[2] = {
		"SELECT rowid, -bm25(story_fts, 2.0, 1.0, 1.0, 1.0, 1.0, 0.5) "
		"FROM main.story_fts WHERE story_fts MATCH :q ORDER BY rowid",
		"SELECT rowid, -bm25(ftsmem, 2.0, 1.0, 1.0, 1.0, 1.0, 0.5) "
		"FROM temp.ftsmem WHERE ftsmem MATCH :q ORDER BY rowid",
	};
	sqlite3_stmt *st;
	int rc, out = 0;

	if (f->st == NULL && sqlite3_prepare_v2(f->b->db, sql[f->memory], -1,
	    &f->st, NULL) != SQLITE_OK) {
		sqlite3_finalize(f->st);
		f->st = NULL;
		if (!f->memory)
			return FTS_DAMAGED;
		return bank_sql_error(f->b, "cannot search the stories", err);
	}
	st = f->st;
	bind_text(st, ":q", match);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && out == 0)
		out = fn(ctx, sqlite3_column_int64(st, 0),
		    sqlite3_column_double(st, 1));
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (out != 0)
		return out;
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		if (!f->memory)
			return FTS_DAMAGED;
		return bank_sql_error(f->b, "cannot search the stories", err);
	}
	return 0;
}

int
fts_check(struct bank *b, struct strlist *problems, struct buf *err)
{
	static const char *const copy[] = {
		"DELETE FROM temp.ftschk_data",
		"DELETE FROM temp.ftschk_idx",
		"DELETE FROM temp.ftschk_docsize",
		"DELETE FROM temp.ftschk_config",
		"INSERT INTO temp.ftschk_data SELECT * FROM main.story_fts_data",
		"INSERT INTO temp.ftschk_idx SELECT * FROM main.story_fts_idx",
		"INSERT INTO temp.ftschk_docsize SELECT * FROM "
		"main.story_fts_docsize",
		"INSERT INTO temp.ftschk_config SELECT * FROM "
		"main.story_fts_config",
		"INSERT INTO temp.ftschk (ftschk, rank) "
		"VALUES ('integrity-check', 1)",
	};
	struct buf m = BUF_INIT;
	size_t i;
	int fresh, rc = 0;

	if (fts_status(b, &fresh, err) < 0)
		return -1;
	if (fresh == IX_CHANGED)
		strlist_push(problems, "search index: damaged (its bytes "
		    "changed since it was built); the next change to a story "
		    "rebuilds it");
	if (fresh != IX_CURRENT)
		return 0;	/* stale or missing: the next write rebuilds it */
	if (exec(b, "PRAGMA temp_store = MEMORY; CREATE TABLE "
	    "temp.ftschk_story (id INTEGER PRIMARY KEY, " COLUMNS "); "
	    "INSERT INTO temp.ftschk_story SELECT id, " COLUMNS
	    " FROM main.story; CREATE VIRTUAL TABLE temp.ftschk USING "
	    "fts5(" COLUMNS ", content='ftschk_story', content_rowid='id', "
	    "tokenize='porter unicode61')", "cannot check the search index",
	    err) < 0)
		rc = -1;
	for (i = 0; rc == 0 && i < sizeof(copy) / sizeof(copy[0]); i++)
		if (sqlite3_exec(b->db, copy[i], NULL, NULL, NULL) !=
		    SQLITE_OK) {
			buf_addf(&m, "search index: damaged (FTS5 "
			    "integrity-check: %s); the next change to a story "
			    "rebuilds it", sqlite3_errmsg(b->db));
			strlist_push(problems, m.s);
			break;
		}
	sqlite3_exec(b->db, "DROP TABLE IF EXISTS temp.ftschk; DROP TABLE IF "
	    "EXISTS temp.ftschk_story", NULL, NULL, NULL);
	buf_release(&m);
	return rc;
}

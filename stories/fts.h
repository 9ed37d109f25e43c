/*
 * The full-text index of the stories (SQLite FTS5, porter stemming) that
 * 'match' ranks with bm25(), and all its SQL.
 *
 * The index (story_fts) is an external-content table over story: it
 * holds only the inverted index, and the text stays in story, so deleting
 * the index loses nothing.  fts_state records the stories and versions it
 * was built from.  Writers call fts_sync() in their transaction; it
 * rebuilds the index whenever a story was added, changed or removed, so
 * the index never keeps the terms of deleted or replaced text (Debian 12's
 * SQLite 3.40 has no FTS5 secure-delete: a 'delete' leaves old terms in
 * the index's segments, while a rebuild drops every segment, and the
 * bank's secure_delete overwrites the freed pages).
 *
 * Readers never write: fts_open() uses the bank's index when fts_state
 * says it is current, and otherwise (a read-only or older bank, a deleted
 * or stale index) builds one in memory (the connection's temp schema).  A query
 * that fails on the bank's index (a damaged index) reports FTS_DAMAGED;
 * the caller calls fts_use_memory() and asks again.
 */
#ifndef LPC_FTS_H
#define LPC_FTS_H

#include "stories/bank.h"

/* fts_query(): the bank's index failed; retry after fts_use_memory(). */
#define FTS_DAMAGED (-3)

/*
 * Bumped whenever the index's columns or tokenizer change, so that an
 * index built the old way counts as stale and is rebuilt.
 */
#define FTS_REVISION 1

struct fts {
	struct bank *b;
	int memory;	/* 1: the index is in the attached database 'ftsmem' */
	sqlite3_stmt *st;	/* fts_query()'s, prepared once per index */
};

/*
 * Brings the index up to date inside the caller's write transaction:
 * recreates it when it was dropped and rebuilds it when stale.  Returns
 * 0, or -1 with err set.
 */
int fts_sync(struct bank *b, struct buf *err);

/* Sets *fresh to 1 when the bank's index is current.  0, or -1. */
int fts_fresh(struct bank *b, int *fresh, struct buf *err);

/*
 * Opens the index to query for b: the bank's when current, else a new
 * one in memory.  0, or -1 with err set.  fts_close() detaches it.
 */
int fts_open(struct bank *b, struct fts *f, struct buf *err);
int fts_use_memory(struct fts *f, struct buf *err);
void fts_close(struct fts *f);

/*
 * Runs an FTS5 query (match, in FTS5 query syntax) and calls fn with each
 * story id and its weight, higher for a better match (minus bm25(), with
 * the title counting twice and the Reflection half).  Returns 0, -1 with
 * err set (a bad query), FTS_DAMAGED, or fn's non-zero return.  The
 * statement is prepared on the first query and reused until fts_close(),
 * so asking many questions (cover --questions) prepares it once.
 */
int fts_query(struct fts *f, const char *match,
    int (*fn)(void *ctx, long long id, double weight), void *ctx,
    struct buf *err);

/*
 * Checks the bank's index without writing to the bank: copies it and the
 * stories into memory (the temp schema) and runs FTS5's 'integrity-check' there.  Appends
 * a problem to problems when the index is damaged; a stale or missing
 * index is no problem (it is rebuilt).  0, or -1 with err set.
 */
int fts_check(struct bank *b, struct strlist *problems, struct buf *err);

#endif

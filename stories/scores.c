#include "stories/scores.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

/* SQLite integers are signed; the digest is stored bit for bit. */
static sqlite3_int64
to_sql(uint64_t u)
{
	sqlite3_int64 i;

	memcpy(&i, &u, sizeof(i));
	return i;
}

static uint64_t
from_sql(sqlite3_int64 i)
{
	uint64_t u;

	memcpy(&u, &i, sizeof(u));
	return u;
}

int
scores_load(struct bank *b, struct score_row **v, size_t *n,
    struct buf *err)
{
	sqlite3_stmt *st = bank_prepare(b, "SELECT story_id, digest, score, "
	    "ready FROM lint_score ORDER BY story_id", err);
	size_t alloc = 0;
	int rc;

	*v = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct score_row *r;
		int i, score = sqlite3_column_int(st, 2);

		/* A row edited by hand into nonsense is no row at all. */
		for (i = 0; i < 4; i++)
			if (sqlite3_column_type(st, i) != SQLITE_INTEGER)
				break;
		if (i < 4 || score < 0 || score > 100 ||
		    (sqlite3_column_int(st, 3) & ~1) != 0)
			continue;
		*v = xgrow(*v, &alloc, *n + 1, sizeof(**v));
		r = &(*v)[(*n)++];
		r->story = sqlite3_column_int64(st, 0);
		r->digest = from_sql(sqlite3_column_int64(st, 1));
		r->score = score;
		r->ready = sqlite3_column_int(st, 3);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(*v);
		*v = NULL;
		*n = 0;
		return bank_sql_error(b, "cannot read the lint scores", err);
	}
	return 0;
}

int
scores_put(struct bank *b, const struct score_row *v, size_t n,
    struct buf *err)
{
	sqlite3_stmt *st = bank_prepare(b, "INSERT OR REPLACE INTO lint_score "
	    "(story_id, digest, score, ready) VALUES (:story, :digest, :score, "
	    ":ready)", err);
	int rc = SQLITE_DONE;
	size_t i;

	if (st == NULL)
		return -1;
	for (i = 0; i < n && rc == SQLITE_DONE; i++) {
		bind_int(st, ":story", v[i].story);
		bind_int(st, ":digest", to_sql(v[i].digest));
		bind_int(st, ":score", v[i].score);
		bind_int(st, ":ready", v[i].ready != 0);
		rc = sqlite3_step(st);
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : bank_sql_error(b, "cannot save the lint "
	    "scores", err);
}

#include "stories/doctor.h"

#include <stdio.h>
#include <string.h>

#include "stories/migrate.h"
#include "stories/principle.h"

/* Runs a statement whose rows are problems; appends each as text. */
static int
rows_as_problems(struct bank *b, const char *sql, const char *label,
    int skip_ok, struct strlist *problems, struct buf *err)
{
	sqlite3_stmt *st = bank_prepare(b, sql, err);
	struct buf line = BUF_INIT;
	int rc, i;

	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *first = (const char *)sqlite3_column_text(st, 0);

		if (skip_ok && first && strcmp(first, "ok") == 0)
			continue;
		buf_reset(&line);
		buf_addf(&line, "%s:", label);
		for (i = 0; i < sqlite3_column_count(st); i++) {
			const char *t = (const char *)sqlite3_column_text(st,
			    i);

			buf_addf(&line, " %s", t ? t : "NULL");
		}
		strlist_push(problems, line.s);
	}
	buf_release(&line);
	if (rc != SQLITE_DONE) {
		/* A corrupt file can fail the check itself: that is a finding. */
		char msg[512];

		snprintf(msg, sizeof(msg), "%s: %s", label,
		    sqlite3_errmsg(b->db));
		strlist_push(problems, msg);
	}
	sqlite3_finalize(st);
	return 0;
}

/* Every principle tag must be a slug of the catalogue. */
static int
check_slugs(struct bank *b, struct strlist *problems, struct buf *err)
{
	struct strlist slugs = STRLIST_INIT;
	struct buf m = BUF_INIT;
	size_t i;

	if (store_slugs(b, &slugs, err) < 0)
		return -1;
	for (i = 0; i < slugs.n; i++)
		if (principle_by_slug(slugs.v[i]) == NULL) {
			buf_reset(&m);
			buf_addf(&m, "unknown principle tag '%s'", slugs.v[i]);
			strlist_push(problems, m.s);
		}
	buf_release(&m);
	strlist_clear(&slugs);
	return 0;
}

int
bank_doctor(struct bank *b, struct strlist *problems, struct buf *err)
{
	int version, app_id;
	char msg[128];

	if (migrate_read_version(b, &version, &app_id, err) < 0)
		return -1;
	if (app_id != BANK_APPLICATION_ID) {
		snprintf(msg, sizeof(msg), "application_id is %d, not lpcoach's "
		    "%d", app_id, BANK_APPLICATION_ID);
		strlist_push(problems, msg);
	}
	if (version != migrate_latest()) {
		snprintf(msg, sizeof(msg), "schema version %d, expected %d",
		    version, migrate_latest());
		strlist_push(problems, msg);
	}
	if (rows_as_problems(b, "PRAGMA integrity_check", "integrity", 1,
	    problems, err) < 0 ||
	    rows_as_problems(b, "PRAGMA foreign_key_check", "foreign key", 0,
	    problems, err) < 0)
		return -1;
	return check_slugs(b, problems, err);
}

int
store_slugs(struct bank *b, struct strlist *out, struct buf *err)
{
	return bank_strings(b, bank_prepare(b, "SELECT DISTINCT slug FROM "
	    "story_principle ORDER BY slug", err), out, err);
}

int
store_count(struct bank *b, long *n, struct buf *err)
{
	sqlite3_stmt *st = bank_prepare(b, "SELECT count(*) FROM story", err);
	int rc;

	if (st == NULL)
		return -1;
	rc = sqlite3_step(st);
	*n = rc == SQLITE_ROW ? (long)sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return bank_sql_error(b, "cannot read the bank", err);
	return 0;
}

#include "stories/doctor.h"

#include <stdio.h>
#include <string.h>

#include "stories/fts.h"
#include "stories/migrate.h"
#include "stories/principle.h"
#include "stories/store.h"

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

/*
 * Every principle a story, a loop slot or a drill answer names must be a
 * slug of the catalogue.
 */
static int
check_slugs(struct bank *b, struct strlist *problems, struct buf *err)
{
	struct strlist slugs = STRLIST_INIT;
	struct buf m = BUF_INIT, why = BUF_INIT;
	size_t i;
	int rc = store_slugs(b, &slugs, &why);

	if (rc == BANK_DAMAGED)
		strlist_push(problems, "a principle tag is NULL or damaged");
	else if (rc < 0)
		buf_add(err, why.s, why.len);
	buf_release(&why);
	if (rc < 0 && rc != BANK_DAMAGED) {
		strlist_clear(&slugs);
		return -1;
	}
	for (i = 0; i < slugs.n; i++)
		if (principle_by_slug(slugs.v[i]) == NULL) {
			buf_reset(&m);
			buf_addf(&m, "unknown principle '%s' (a story tag, a loop slot or a drill answer)", slugs.v[i]);
			strlist_push(problems, m.s);
		}
	buf_release(&m);
	strlist_clear(&slugs);
	return 0;
}

/* "story 7: its Result", or "table loop, row 3, column name". */
static void
name_value(struct buf *m, const char *table, long long row, const char *col)
{
	static const char *const cols[] = { "situation", "task", "action",
	    "result", "reflection", "card" };
	static const char *const names[] = { "Situation", "Task", "Action",
	    "Result", "Reflection", "Card" };
	size_t i;

	if (strcmp(table, "story") == 0) {
		for (i = 0; i < sizeof(cols) / sizeof(cols[0]); i++)
			if (strcmp(col, cols[i]) == 0)
				col = names[i];
		damage_message(m, row, col);
		buf_rtrim(m);
		return;
	}
	buf_addf(m, "table %s, row %lld, column %s: invalid UTF-8 or a NUL "
	    "byte", table, row, col);
}

/*
 * Every text value of every table must be valid UTF-8 without NUL: the
 * readers refuse anything else, so this finds what they would trip on.
 * Table and column names come from the bank's own schema and are quoted
 * as identifiers (SQL cannot bind them).
 */
static int
check_text(struct bank *b, struct strlist *problems, struct buf *err)
{
	sqlite3_stmt *tables = bank_prepare(b, "SELECT name FROM sqlite_schema "
	    "WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
	    "ORDER BY name", err);
	struct buf sql = BUF_INIT, m = BUF_INIT;
	sqlite3_stmt *rows;
	const char *p;
	int rc, i;

	if (tables == NULL)
		return -1;
	while ((rc = sqlite3_step(tables)) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(tables, 0);

		if (t == NULL || !column_ok(tables, 0))
			continue;
		buf_reset(&sql);
		buf_adds(&sql, "SELECT rowid, * FROM \"");
		for (p = t; *p; p++) {
			if (*p == '"')
				buf_addc(&sql, '"');
			buf_addc(&sql, *p);
		}
		buf_adds(&sql, "\"");
		if (sqlite3_prepare_v2(b->db, sql.s, -1, &rows, NULL) !=
		    SQLITE_OK) {
			/* WITHOUT ROWID or unreadable: integrity says more. */
			sqlite3_finalize(rows);
			continue;
		}
		while (sqlite3_step(rows) == SQLITE_ROW)
			for (i = 1; i < sqlite3_column_count(rows); i++) {
				if (sqlite3_column_type(rows, i) != SQLITE_TEXT ||
				    column_ok(rows, i))
					continue;
				buf_reset(&m);
				name_value(&m, t, sqlite3_column_int64(rows, 0),
				    sqlite3_column_name(rows, i));
				strlist_push(problems, m.s);
			}
		sqlite3_finalize(rows);
	}
	sqlite3_finalize(tables);
	buf_release(&sql);
	buf_release(&m);
	if (rc != SQLITE_DONE)
		strlist_push(problems, "the list of tables cannot be read");
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
	    problems, err) < 0 || check_text(b, problems, err) < 0)
		return -1;
	if (check_slugs(b, problems, err) < 0)
		return -1;
	return fts_check(b, problems, err);
}

int
store_slugs(struct bank *b, struct strlist *out, struct buf *err)
{
	return bank_strings(b, bank_prepare(b, "SELECT slug FROM "
	    "story_principle UNION SELECT slug FROM slot UNION SELECT "
	    "principle FROM answer WHERE principle IS NOT NULL ORDER BY 1",
	    err), out, err);
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

/*
 * The statement half of stories/bank.h: SQL errors as messages, preparing
 * (once, or kept for the bank's life), binding by name, and reading text
 * columns that may hold damaged bytes.
 */
#include "stories/bank.h"

#include <stdlib.h>
#include <string.h>

#include "base/die.h"
#include "base/utf8.h"
#include "base/xalloc.h"

int
bank_sql_error(struct bank *b, const char *what, struct buf *err)
{
	int sys = b->db ? sqlite3_system_errno(b->db) : 0;
	int code = b->db ? sqlite3_extended_errcode(b->db) : 0;

	buf_addf(err, "%s: %s: %s", b->path ? b->path : "bank", what,
	    b->db ? sqlite3_errmsg(b->db) : "cannot open");
	/* "disk I/O error" alone hides a full disk or a size limit. */
	if (sys)
		buf_addf(err, " (%s)", strerror(sys));
	else if (code == SQLITE_FULL || code == SQLITE_IOERR_WRITE ||
	    code == SQLITE_IOERR_FSYNC || code == SQLITE_IOERR_TRUNCATE ||
	    code == SQLITE_IOERR_SHMSIZE)
		buf_adds(err, " (writing failed: the disk is full or a file "
		    "size limit was reached)");
	buf_addc(err, '\n');
	return -1;
}

sqlite3_stmt *
bank_prepare(struct bank *b, const char *sql, struct buf *err)
{
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v2(b->db, sql, -1, &st, NULL) != SQLITE_OK) {
		bank_sql_error(b, "cannot read the bank", err);
		sqlite3_finalize(st);
		return NULL;
	}
	return st;
}

sqlite3_stmt *
bank_prepare_kept(struct bank *b, const char *sql, struct buf *err)
{
	size_t i, n = sizeof(b->kept) / sizeof(b->kept[0]);

	for (i = 0; i < n && b->kept[i].sql; i++)
		if (strcmp(b->kept[i].sql, sql) == 0)
			return b->kept[i].st;
	if (i == n)
		die_internal("more than %zu statements kept", n);
	if (sqlite3_prepare_v3(b->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
	    &b->kept[i].st, NULL) != SQLITE_OK) {
		bank_sql_error(b, "cannot read the bank", err);
		sqlite3_finalize(b->kept[i].st);
		b->kept[i].st = NULL;
		return NULL;
	}
	b->kept[i].sql = sql;
	return b->kept[i].st;
}

void
bank_unkeep(sqlite3_stmt *st)
{
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
}

int
bank_strings(struct bank *b, sqlite3_stmt *st, struct strlist *out,
    struct buf *err)
{
	int rc;

	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (sqlite3_column_type(st, 0) == SQLITE_NULL ||
		    !column_ok(st, 0)) {
			sqlite3_finalize(st);
			buf_addf(err, "%s: a stored value is damaged (NULL or "
			    "not valid UTF-8)\n", b->path);
			return BANK_DAMAGED;
		}
		strlist_push(out, (const char *)sqlite3_column_text(st, 0));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return bank_sql_error(b, "cannot read the bank", err);
	return 0;
}

int
bank_ids(struct bank *b, sqlite3_stmt *st, long long **ids, size_t *n,
    struct buf *err)
{
	size_t alloc = 0;
	int rc;

	*ids = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*ids = xgrow(*ids, &alloc, *n + 1, sizeof(**ids));
		(*ids)[(*n)++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(*ids);
		*ids = NULL;
		*n = 0;
		return bank_sql_error(b, "cannot read the bank", err);
	}
	return 0;
}

static int
param(sqlite3_stmt *st, const char *name)
{
	int i = sqlite3_bind_parameter_index(st, name);

	if (i == 0)
		die_internal("no SQL parameter '%s' in: %s", name,
		    sqlite3_sql(st));
	return i;
}

void
bind_text(sqlite3_stmt *st, const char *name, const char *value)
{
	int i = param(st, name);

	if (value)
		sqlite3_bind_text(st, i, value, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

void
bind_int(sqlite3_stmt *st, const char *name, long long value)
{
	sqlite3_bind_int64(st, param(st, name), value);
}

void
bind_real(sqlite3_stmt *st, const char *name, double value)
{
	sqlite3_bind_double(st, param(st, name), value);
}

int
bank_report_damage(struct bank *b, const char *msg, struct buf *err)
{
	size_t i, n = strlen(msg);

	while (n > 0 && msg[n - 1] == '\n')
		n--;
	if (b->damaged == NULL) {
		buf_add(err, msg, n);
		buf_addc(err, '\n');
		return -1;
	}
	for (i = 0; i < b->damaged->n; i++)
		if (strncmp(b->damaged->v[i], msg, n) == 0 &&
		    b->damaged->v[i][n] == '\0')
			return 0;
	strlist_push_owned(b->damaged, xstrndup(msg, n));
	return 0;
}

int
column_ok(sqlite3_stmt *st, int i)
{
	const char *t;
	int n;

	if (sqlite3_column_type(st, i) == SQLITE_NULL)
		return 1;
	t = (const char *)sqlite3_column_text(st, i);
	n = sqlite3_column_bytes(st, i);
	return t != NULL && n >= 0 && utf8_check(t, (size_t)n, NULL) < 0;
}

char *
column_dup(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return t ? xstrdup((const char *)t) : NULL;
}

char *
column_salvage(sqlite3_stmt *st, int i, size_t *bad)
{
	struct buf b = BUF_INIT;

	if (bad == NULL || sqlite3_column_type(st, i) == SQLITE_NULL)
		return column_dup(st, i);
	*bad += utf8_salvage((const char *)sqlite3_column_blob(st, i),
	    (size_t)sqlite3_column_bytes(st, i), &b);
	return buf_detach(&b);
}

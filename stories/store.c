#include "stories/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/ascii.h"
#include "base/xalloc.h"

#define STORY_COLUMNS \
	"id, uid, title, project, situation, task, action, result, " \
	"reflection, created, updated, version"

/* Fills s from a row of STORY_COLUMNS. */
static void
row_to_story(sqlite3_stmt *st, struct story *s)
{
	int i;

	story_reset(s);
	s->id = sqlite3_column_int64(st, 0);
	s->uid = column_dup(st, 1);
	s->title = column_dup(st, 2);
	s->project = column_dup(st, 3);
	for (i = 0; i < SEC_COUNT; i++) {
		free(s->section[i]);
		s->section[i] = column_dup(st, 4 + i);
		if (s->section[i] == NULL)
			s->section[i] = xstrdup("");
	}
	s->created = column_dup(st, 9);
	s->updated = column_dup(st, 10);
	s->version = sqlite3_column_int64(st, 11);
}

/* Loads the ordered list column of table for story id into l. */
static int
load_list(struct bank *b, const char *sql, long long id, struct strlist *l,
    struct buf *err)
{
	sqlite3_stmt *st = bank_prepare(b, sql, err);

	if (st)
		bind_int(st, ":id", id);
	return bank_strings(b, st, l, err);
}

static int
load_lists(struct bank *b, struct story *s, struct buf *err)
{
	if (load_list(b, "SELECT slug FROM story_principle "
	    "WHERE story_id = :id ORDER BY pos", s->id, &s->principles,
	    err) < 0)
		return -1;
	if (load_list(b, "SELECT tag FROM story_tag "
	    "WHERE story_id = :id ORDER BY pos", s->id, &s->tags, err) < 0)
		return -1;
	return load_list(b, "SELECT rule FROM story_lint_off "
	    "WHERE story_id = :id ORDER BY pos", s->id, &s->lint_off, err);
}

int
store_load(struct bank *b, long long id, struct story *out, struct buf *err)
{
	sqlite3_stmt *st = bank_prepare(b, "SELECT " STORY_COLUMNS
	    " FROM story WHERE id = :id", err);
	int rc;

	if (st == NULL)
		return -1;
	bind_int(st, ":id", id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		row_to_story(st, out);
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE) {
		buf_addf(err, "no story with id %lld\n", id);
		return STORE_NOT_FOUND;
	}
	if (rc != SQLITE_ROW)
		return bank_sql_error(b, "cannot read the bank", err);
	return load_lists(b, out, err);
}

int
store_find_uid(struct bank *b, const char *uid, long long *id,
    struct buf *err)
{
	sqlite3_stmt *st = bank_prepare(b,
	    "SELECT id FROM story WHERE uid = :uid", err);
	int rc;

	if (st == NULL)
		return -1;
	bind_text(st, ":uid", uid);
	rc = sqlite3_step(st);
	*id = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return bank_sql_error(b, "cannot read the bank", err);
	return 0;
}

static int
all_digits(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s; s++)
		if (!ascii_isdigit(*s))
			return 0;
	return 1;
}

int
store_resolve(struct bank *b, const char *ref, long long *id,
    struct buf *err)
{
	sqlite3_stmt *st;
	struct buf names = BUF_INIT;
	int rc, n = 0;

	*id = 0;
	if (all_digits(ref) && strlen(ref) < 18) {
		st = bank_prepare(b, "SELECT id FROM story WHERE id = :id",
		    err);
		if (st == NULL)
			return -1;
		bind_int(st, ":id", strtoll(ref, NULL, 10));
		if ((rc = sqlite3_step(st)) == SQLITE_ROW)
			*id = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return bank_sql_error(b, "cannot read the bank", err);
		if (*id)
			return STORE_FOUND;
	}
	if (store_find_uid(b, ref, id, err) < 0)
		return -1;
	if (*id)
		return STORE_FOUND;
	/* A title prefix: compare case-insensitively, without LIKE. */
	st = bank_prepare(b, "SELECT id, title FROM story WHERE "
	    "lower(substr(title, 1, length(:p))) = lower(:p) ORDER BY id",
	    err);
	if (st == NULL)
		return -1;
	bind_text(st, ":p", ref);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		if (n < 5)
			buf_addf(&names, "%s  %lld  %s", n ? "\n" : "", *id,
			    (const char *)sqlite3_column_text(st, 1));
		n++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		buf_release(&names);
		return bank_sql_error(b, "cannot read the bank", err);
	}
	if (n == 1) {
		buf_release(&names);
		return STORE_FOUND;
	}
	*id = 0;
	if (n == 0)
		buf_addf(err, "no story '%s' (give an id, a uid or the start "
		    "of a title; 'lpcoach list' shows them)\n", ref);
	else
		buf_addf(err, "'%s' matches %d stories; give an id or more of "
		    "the title:\n%s%s\n", ref, n, names.s, n > 5 ? "\n  ..." :
		    "");
	buf_release(&names);
	return n == 0 ? STORE_NOT_FOUND : STORE_AMBIGUOUS;
}

void
store_free_list(struct story *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		story_release(&v[i]);
	free(v);
}

static sqlite3_stmt *
prepare_filtered(struct bank *b, const struct story_filter *f,
    struct buf *err)
{
	sqlite3_stmt *st = bank_prepare(b, "SELECT " STORY_COLUMNS " FROM story "
	    "WHERE (:principle IS NULL OR id IN (SELECT story_id FROM "
	    "story_principle WHERE slug = :principle)) AND "
	    "(:project IS NULL OR project = :project) AND "
	    "(:tag IS NULL OR id IN (SELECT story_id FROM story_tag "
	    "WHERE tag = :tag)) ORDER BY id", err);

	if (st == NULL)
		return NULL;
	bind_text(st, ":principle", f ? f->principle : NULL);
	bind_text(st, ":project", f ? f->project : NULL);
	bind_text(st, ":tag", f ? f->tag : NULL);
	return st;
}

int
store_foreach(struct bank *b, const struct story_filter *f,
    int (*fn)(struct story *s, void *ctx), void *ctx, struct buf *err)
{
	sqlite3_stmt *st = prepare_filtered(b, f, err);
	struct story s;
	int rc, stop = 0;

	if (st == NULL)
		return -1;
	story_init(&s);
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		row_to_story(st, &s);
		if (load_lists(b, &s, err) < 0) {
			stop = -1;
			break;
		}
		stop = fn(&s, ctx);
	}
	story_release(&s);
	if (!stop && rc != SQLITE_DONE)
		stop = bank_sql_error(b, "cannot read the bank", err);
	sqlite3_finalize(st);
	return stop;
}

/* Appends a copy of s to the list being built in ctx. */
struct collect {
	struct story *v;
	size_t n, alloc;
};

static int
collect_one(struct story *s, void *ctx)
{
	struct collect *c = ctx;

	c->v = xgrow(c->v, &c->alloc, c->n + 1, sizeof(*c->v));
	story_init(&c->v[c->n]);
	story_copy(&c->v[c->n], s);
	c->n++;
	return 0;
}

int
store_list(struct bank *b, const struct story_filter *f, struct story **out,
    size_t *n, struct buf *err)
{
	struct collect c = { NULL, 0, 0 };

	*out = NULL;
	*n = 0;
	if (store_foreach(b, f, collect_one, &c, err) != 0) {
		store_free_list(c.v, c.n);
		return -1;
	}
	*out = c.v;
	*n = c.n;
	return 0;
}

int
store_count_principle(struct bank *b, const char *slug, long *n,
    struct buf *err)
{
	sqlite3_stmt *st = bank_prepare(b, "SELECT count(*) FROM "
	    "story_principle WHERE slug = :slug", err);
	int rc;

	if (st == NULL)
		return -1;
	bind_text(st, ":slug", slug);
	rc = sqlite3_step(st);
	*n = rc == SQLITE_ROW ? (long)sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return bank_sql_error(b, "cannot read the bank", err);
	return 0;
}


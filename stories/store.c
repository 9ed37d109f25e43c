#include "stories/store.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/ascii.h"
#include "base/utf8.h"
#include "base/xalloc.h"
#include "stories/story_lists.h"

#define STORY_COLUMNS \
	"id, uid, title, project, situation, task, action, result, " \
	"reflection, created, updated, version, primary_slug, card"

/*
 * The first column of a STORY_COLUMNS row whose bytes are damaged, as a
 * story file would name it, or NULL when every one is sound.
 */
static const char *
row_damage(sqlite3_stmt *st)
{
	static const char *const plain[] = { "uid", "title", "project" };
	int i;

	for (i = 0; i < 3; i++)
		if (!column_ok(st, 1 + i))
			return plain[i];
	for (i = 0; i < SEC_COUNT; i++)
		if (!column_ok(st, 4 + i))
			return section_name((enum section)i);
	if (!column_ok(st, 9))
		return "created";
	if (!column_ok(st, 10))
		return "updated";
	if (!column_ok(st, 12))
		return "primary";
	if (!column_ok(st, 13))
		return "Card";
	return NULL;
}

void
damage_message(struct buf *m, long long id, const char *field)
{
	buf_addf(m, "story %lld is damaged: invalid UTF-8 in its %s; restore "
	    "it from a backup or fix it with 'lpcoach edit %lld'\n", id, field,
	    id);
}

/* Fills s from a row of STORY_COLUMNS (see column_salvage() for bad). */
static void
row_to_story(sqlite3_stmt *st, struct story *s, size_t *bad)
{
	int i;

	story_reset(s);
	s->id = sqlite3_column_int64(st, 0);
	s->uid = column_salvage(st, 1, bad);
	s->title = column_salvage(st, 2, bad);
	s->project = column_salvage(st, 3, bad);
	for (i = 0; i < SEC_COUNT; i++) {
		free(s->section[i]);
		s->section[i] = column_salvage(st, 4 + i, bad);
		if (s->section[i] == NULL)
			s->section[i] = xstrdup("");
	}
	s->created = column_salvage(st, 9, bad);
	s->updated = column_salvage(st, 10, bad);
	s->version = sqlite3_column_int64(st, 11);
	s->primary = column_salvage(st, 12, bad);
	free(s->card);
	s->card = column_salvage(st, 13, bad);
	if (s->card == NULL)
		s->card = xstrdup("");
}

/* store_load(), or with bad not NULL store_load_salvage(). */
static int
load_story(struct bank *b, long long id, struct story *out, size_t *bad,
    struct buf *err)
{
	sqlite3_stmt *st = bank_prepare(b, "SELECT " STORY_COLUMNS
	    " FROM story WHERE id = :id", err);
	const char *field = NULL;
	int rc;

	if (st == NULL)
		return -1;
	bind_int(st, ":id", id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && (bad || (field = row_damage(st)) == NULL))
		row_to_story(st, out, bad);
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE) {
		buf_addf(err, "no story with id %lld\n", id);
		return STORE_NOT_FOUND;
	}
	if (rc != SQLITE_ROW)
		return bank_sql_error(b, "cannot read the bank", err);
	if (field == NULL && (rc = load_lists(b, out, &field, bad, err)) !=
	    BANK_DAMAGED)
		return rc;
	damage_message(err, id, field);
	story_reset(out);
	return BANK_DAMAGED;
}

int
store_load(struct bank *b, long long id, struct story *out, struct buf *err)
{
	return load_story(b, id, out, NULL, err);
}

int
store_load_salvage(struct bank *b, long long id, struct story *out,
    size_t *bad, struct buf *err)
{
	*bad = 0;
	return load_story(b, id, out, bad, err);
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
	struct list_walk w;
	struct story s;
	int rc = SQLITE_DONE, stop = 0;

	if (st == NULL)
		return -1;
	if (walk_open(&w, b, err) < 0) {
		walk_close(&w);
		sqlite3_finalize(st);
		return -1;
	}
	story_init(&s);
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *field = row_damage(st);
		long long id = sqlite3_column_int64(st, 0);

		if (field == NULL) {
			row_to_story(st, &s, NULL);
			if ((stop = walk_take(&w, b, &s, &field, err)) == -1)
				break;
			stop = 0;
		}
		if (field != NULL) {
			/* Reported, and every other story still works. */
			struct buf m = BUF_INIT;

			damage_message(&m, id, field);
			stop = bank_report_damage(b, m.s, err);
			buf_release(&m);
			if (stop < 0)
				break;
			continue;
		}
		stop = fn(&s, ctx);
	}
	story_release(&s);
	if (!stop && rc != SQLITE_DONE)
		stop = bank_sql_error(b, "cannot read the bank", err);
	walk_close(&w);
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

	/* Taken, not copied: store_foreach() refills s for the next row. */
	c->v = xgrow(c->v, &c->alloc, c->n + 1, sizeof(*c->v));
	c->v[c->n++] = *s;
	story_init(s);
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


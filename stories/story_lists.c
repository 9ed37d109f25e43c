/*
 * A story's lists (principles, tags, lint settings), read for one story
 * or for every story alongside a walk over the bank: see story_lists.h.
 */
#include "stories/story_lists.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/*
 * Loads the ordered list column of table for story id into l.  With bad
 * NULL a damaged value returns BANK_DAMAGED; else it is salvaged and
 * counted in *bad.
 */
static int
load_list(struct bank *b, const char *sql, long long id, struct strlist *l,
    size_t *bad, struct buf *err)
{
	sqlite3_stmt *st = bank_prepare_kept(b, sql, err);
	char *v;
	int rc;

	if (st == NULL)
		return -1;
	bind_int(st, ":id", id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (bad == NULL && (sqlite3_column_type(st, 0) == SQLITE_NULL ||
		    !column_ok(st, 0))) {
			bank_unkeep(st);
			buf_addf(err, "%s: a stored value is damaged (NULL or "
			    "not valid UTF-8)\n", b->path);
			return BANK_DAMAGED;
		}
		if (bad == NULL) {
			strlist_push(l, (const char *)sqlite3_column_text(st,
			    0));
			continue;
		}
		if ((v = column_salvage(st, 0, bad)) == NULL) {
			++*bad;
			continue;
		}
		strlist_push(l, v);
		free(v);
	}
	bank_unkeep(st);
	if (rc != SQLITE_DONE)
		return bank_sql_error(b, "cannot read the bank", err);
	return 0;
}

/*
 * A story's lists: the query for one story, the query for every story
 * (by story, in order), what to call the list in a damage message, and
 * where it goes in struct story.
 */
static const struct story_list {
	const char *one, *all, *field;
	size_t off;
} lists[NLISTS] = {
	{ "SELECT slug FROM story_principle WHERE story_id = :id ORDER BY pos",
	  "SELECT story_id, slug FROM story_principle ORDER BY story_id, pos",
	  "principles", offsetof(struct story, principles) },
	{ "SELECT tag FROM story_tag WHERE story_id = :id ORDER BY pos",
	  "SELECT story_id, tag FROM story_tag ORDER BY story_id, pos",
	  "tags", offsetof(struct story, tags) },
	{ "SELECT rule FROM story_lint_off WHERE story_id = :id ORDER BY pos",
	  "SELECT story_id, rule FROM story_lint_off ORDER BY story_id, pos",
	  "lint settings", offsetof(struct story, lint_off) },
};

static struct strlist *
list_of(struct story *s, size_t i)
{
	return (struct strlist *)((char *)s + lists[i].off);
}

/*
 * Loads the story's lists.  Returns 0, -1 with the error in err, or
 * BANK_DAMAGED with *field naming the damaged list (nothing added to err).
 */
int
load_lists(struct bank *b, struct story *s, const char **field,
    size_t *bad, struct buf *err)
{
	struct buf why = BUF_INIT;
	size_t i;
	int rc;

	for (i = 0; i < NLISTS; i++) {
		rc = load_list(b, lists[i].one, s->id, list_of(s, i), bad,
		    &why);
		if (rc == BANK_DAMAGED) {
			*field = lists[i].field;
			buf_release(&why);
			return BANK_DAMAGED;
		}
		if (rc < 0) {
			buf_add(err, why.s, why.len);
			buf_release(&why);
			return -1;
		}
	}
	buf_release(&why);
	return 0;
}

int
walk_open(struct list_walk *w, struct bank *b, struct buf *err)
{
	size_t i;

	memset(w, 0, sizeof(*w));
	for (i = 0; i < NLISTS; i++) {
		if ((w->st[i] = bank_prepare(b, lists[i].all, err)) == NULL)
			return -1;
		w->rc[i] = sqlite3_step(w->st[i]);
	}
	return 0;
}

void
walk_close(struct list_walk *w)
{
	size_t i;

	for (i = 0; i < NLISTS; i++)
		sqlite3_finalize(w->st[i]);
}

/*
 * Fills the lists of story s (the walk's stories come by increasing id).
 * Returns 0, -1 with the error in err, or BANK_DAMAGED with *field naming
 * the first damaged list.
 */
int
walk_take(struct list_walk *w, struct bank *b, struct story *s,
    const char **field, struct buf *err)
{
	size_t i;

	*field = NULL;
	for (i = 0; i < NLISTS; i++) {
		sqlite3_stmt *st = w->st[i];

		while (w->rc[i] == SQLITE_ROW &&
		    sqlite3_column_int64(st, 0) < s->id)
			w->rc[i] = sqlite3_step(st);
		for (; w->rc[i] == SQLITE_ROW &&
		    sqlite3_column_int64(st, 0) == s->id;
		    w->rc[i] = sqlite3_step(st)) {
			if (*field)
				continue;
			if (sqlite3_column_type(st, 1) == SQLITE_NULL ||
			    !column_ok(st, 1))
				*field = lists[i].field;
			else
				strlist_push(list_of(s, i), (const char *)
				    sqlite3_column_text(st, 1));
		}
		if (w->rc[i] != SQLITE_ROW && w->rc[i] != SQLITE_DONE)
			return bank_sql_error(b, "cannot read the bank", err);
	}
	return *field ? BANK_DAMAGED : 0;
}

/* Finding a stored story by its content: see stories/same.h. */
#include "stories/same.h"

#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/hash.h"
#include "base/xalloc.h"
#include "stories/store.h"

/* The hash of what a story says: its title and sections. */
static uint64_t
key_of(const char *title, const char *const section[SEC_COUNT])
{
	uint64_t h = hash64_str(HASH64_INIT, title);
	int i;

	for (i = 0; i < SEC_COUNT; i++)
		h = hash64_str(h, section[i] ? section[i] : "");
	return h;
}

static void
push(struct same_index *x, uint64_t key, long long id)
{
	x->v = xgrow(x->v, &x->alloc, x->n + 1, sizeof(*x->v));
	x->v[x->n].key = key;
	x->v[x->n].id = id;
	x->n++;
}

static int
by_key(const void *a, const void *b)
{
	const struct same_entry *p = a, *q = b;

	if (p->key != q->key)
		return p->key < q->key ? -1 : 1;
	return (p->id > q->id) - (p->id < q->id);
}

static int
load(struct same_index *x, struct bank *b, struct buf *err)
{
	struct buf sql = BUF_INIT;
	const char *section[SEC_COUNT];
	sqlite3_stmt *st;
	int i, rc;

	buf_adds(&sql, "SELECT id, title");
	for (i = 0; i < SEC_COUNT; i++)
		buf_addf(&sql, ", %s", section_key(i));
	buf_adds(&sql, " FROM story ORDER BY id");
	st = bank_prepare(b, sql.s, err);
	buf_release(&sql);
	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *title = (const char *)sqlite3_column_text(st, 1);

		for (i = 0; i < SEC_COUNT; i++)
			section[i] = (const char *)sqlite3_column_text(st,
			    2 + i);
		push(x, key_of(title ? title : "", section),
		    sqlite3_column_int64(st, 0));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return bank_sql_error(b, "cannot read the stories", err);
	if (x->n)	/* qsort() may not be given NULL, even for none */
		qsort(x->v, x->n, sizeof(*x->v), by_key);
	x->sorted = x->n;
	x->loaded = 1;
	return 0;
}

/*
 * 1 when story id is sound and has s's content; its uid then goes to
 * *uid.  A damaged story never matches: importing a sound copy repairs it.
 */
static int
matches(struct bank *b, long long id, const struct story *s, char **uid,
    struct buf *err)
{
	struct story old;
	size_t bad;
	int rc;

	story_init(&old);
	if (store_load_salvage(b, id, &old, &bad, err) != 0) {
		story_release(&old);
		return -1;
	}
	rc = 0;
	if (bad == 0 && old.uid) {
		char *keep = old.uid;

		old.uid = NULL;
		if (story_same_content(&old, s)) {
			*uid = keep;
			keep = NULL;
			rc = 1;
		}
		old.uid = keep;
	}
	story_release(&old);
	return rc;
}

int
same_index_find(struct same_index *x, struct bank *b, const struct story *s,
    char **uid, struct buf *err)
{
	const char *const *section = (const char *const *)s->section;
	struct same_entry want = { key_of(s->title, section), 0 }, *e;
	size_t i, lo = 0, hi;
	int rc;

	*uid = NULL;
	if (!x->loaded && load(x, b, err) < 0)
		return -1;
	/* The first entry of the key in the sorted part, then its run. */
	for (hi = x->sorted; lo < hi;) {
		size_t mid = lo + (hi - lo) / 2;

		if (x->v[mid].key < want.key)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (e = x->v + lo; e < x->v + x->sorted && e->key == want.key; e++)
		if ((rc = matches(b, e->id, s, uid, err)) != 0)
			return rc < 0 ? -1 : 0;
	for (i = x->sorted; i < x->n; i++)
		if (x->v[i].key == want.key &&
		    (rc = matches(b, x->v[i].id, s, uid, err)) != 0)
			return rc < 0 ? -1 : 0;
	return 0;
}

void
same_index_add(struct same_index *x, const struct story *s)
{
	if (x->loaded)
		push(x, key_of(s->title, (const char *const *)s->section),
		    s->id);
}

void
same_index_release(struct same_index *x)
{
	free(x->v);
	memset(x, 0, sizeof(*x));
}

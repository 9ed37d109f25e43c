#include "lp/story_edit.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "lp/scoring.h"
#include "lp/secrets.h"
#include "stories/fts.h"
#include "stories/principle.h"
#include "stories/same.h"

/*
 * Commits after bringing the score cache and the search index up to date;
 * rolls back on error.
 */
static int
finish(struct bank *b, int rc, struct buf *err)
{
	if (rc == 0 && (scores_refresh(b, err) < 0 || fts_sync(b, err) < 0 ||
	    bank_commit(b, err) < 0))
		rc = -1;
	if (rc != 0)
		bank_rollback(b);
	return rc;
}

/* Pointers to v[0..n) in the order a batch is stored. */
static struct story **
storing_order(struct story *v, size_t n)
{
	struct story **order = xcalloc(n + 1, sizeof(*order));
	size_t i;

	for (i = 0; i < n; i++)
		order[i] = &v[i];
	qsort(order, n, sizeof(*order), story_cmp_created);
	return order;
}

/*
 * Inserts s; a story given without a uid whose title holds a secret gets
 * one made from words, the title less its secrets (lp/secrets.h).
 */
static int
insert(struct bank *b, struct story *s, const char *words, struct buf *err)
{
	if (s->uid == NULL && words && store_new_uid(b, words, &s->uid,
	    err) < 0)
		return -1;
	return store_insert(b, s, err);
}

static void
free_words(char **words, size_t n)
{
	size_t i;

	for (i = 0; words && i < n; i++)
		free(words[i]);
	free(words);
}

int
stories_add(struct bank *b, struct story *v, char **from, size_t n,
    struct story ***order, struct buf *err)
{
	size_t i, before = err->len;
	long long other;
	char **words;
	int rc = 0;

	*order = storing_order(v, n);
	if (secrets_uid_words(v, n, &words, err) < 0)
		return -1;
	if (bank_begin(b, err) < 0) {
		free_words(words, n);
		return -1;
	}
	for (i = 0; i < n && rc == 0; i++) {
		if (v[i].uid == NULL)
			continue;
		if (store_find_uid(b, v[i].uid, &other, err) < 0)
			rc = -1;
		else if (other)
			buf_addf(err, "%s: uid '%s' is already in the bank "
			    "(story %lld); 'lpcoach import' updates it\n",
			    from[i], v[i].uid, other);
	}
	if (err->len > before)
		rc = -1;
	for (i = 0; i < n && rc == 0; i++)
		rc = insert(b, (*order)[i], words[(*order)[i] - v], err);
	free_words(words, n);
	return finish(b, rc, err);
}

static int
by_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The uids stories v[0..n) give, sorted for bsearch(); *k of them. */
static const char **
batch_uids(const struct story *v, size_t n, size_t *k)
{
	const char **u = xcalloc(n + 1, sizeof(*u));
	size_t i;

	for (i = *k = 0; i < n; i++)
		if (v[i].uid)
			u[(*k)++] = v[i].uid;
	qsort(u, *k, sizeof(*u), by_str);
	return u;
}

/*
 * A story without a uid that the bank already holds, word for word, takes
 * that story's uid, so that it is left alone rather than added again;
 * unless another story of the batch gives that uid.
 */
static int
known_uid(struct bank *b, struct same_index *same, struct story *s,
    const char **uids, size_t nuids, struct buf *err)
{
	char *uid;

	if (same_index_find(same, b, s, &uid, err) < 0)
		return -1;
	if (uid && bsearch(&uid, uids, nuids, sizeof(*uids), by_str) == NULL)
		s->uid = uid;
	else
		free(uid);
	return 0;
}

int
stories_import(struct bank *b, struct story *v, size_t n, int dry,
    void (*seen)(void *ctx, const struct story *s, enum import_action act),
    void *ctx, size_t counts[3], struct buf *err)
{
	struct story **order = storing_order(v, n);
	struct same_index same = SAME_INDEX_INIT;
	enum import_action act;
	const char **uids;
	char **words = NULL;
	const char *w;
	size_t i, nuids;
	int rc = 0, had_uid;

	memset(counts, 0, 3 * sizeof(*counts));
	if (!dry && (secrets_uid_words(v, n, &words, err) < 0 ||
	    bank_begin(b, err) < 0)) {
		free_words(words, n);
		free(order);
		return -1;
	}
	uids = batch_uids(v, n, &nuids);
	for (i = 0; i < n && rc == 0; i++) {
		had_uid = order[i]->uid != NULL;
		if (!had_uid && known_uid(b, &same, order[i], uids, nuids,
		    err) < 0) {
			rc = -1;
			break;
		}
		/* A new story's uid, made before import looks it up. */
		w = words ? words[order[i] - v] : NULL;
		if (!dry && order[i]->uid == NULL && w &&
		    store_new_uid(b, w, &order[i]->uid, err) < 0) {
			rc = -1;
			break;
		}
		if ((dry ? store_import_action(b, order[i], &act, err) :
		    store_import(b, order[i], &act, err)) != 0) {
			rc = -1;
			break;
		}
		if (!dry && !had_uid && act == IMPORT_ADD)
			same_index_add(&same, order[i]);
		counts[act]++;
		seen(ctx, order[i], act);
	}
	free(uids);
	same_index_release(&same);
	free(order);
	free_words(words, n);
	return dry ? rc : finish(b, rc, err);
}

/* Applies ops to s; names of principles that were not there go to notes. */
static void
apply_tags(struct story *s, const struct tag_op *ops, size_t nops,
    struct strlist *notes)
{
	size_t i;

	for (i = 0; i < nops; i++) {
		long at = strlist_find(&s->principles, ops[i].slug);

		if (ops[i].remove && at >= 0) {
			strlist_remove(&s->principles, (size_t)at);
			/* The primary principle must be one of them. */
			if (s->primary && strcmp(s->primary, ops[i].slug) == 0)
				story_set(&s->primary, NULL);
		}
		else if (ops[i].remove)
			strlist_push(notes, principle_by_slug(ops[i].slug)->name);
		else if (at < 0)
			strlist_push(&s->principles, ops[i].slug);
	}
}

int
story_tag(struct bank *b, const char *ref, const struct tag_op *ops,
    size_t nops, struct story *out, struct strlist *notes, struct buf *err)
{
	long long id;
	int rc;

	if (bank_begin(b, err) < 0)
		return -1;
	rc = store_resolve(b, ref, &id, err);
	if (rc == STORE_FOUND)
		rc = store_load(b, id, out, err);
	else
		rc = rc == STORE_NOT_FOUND ? 1 : -1;
	if (rc != 0 || nops == 0) {
		bank_rollback(b);	/* nothing to write when only showing */
		return rc;
	}
	apply_tags(out, ops, nops, notes);
	if (store_update(b, out, out->version, err) != 0)
		rc = -1;
	return finish(b, rc, err);
}

int
story_replace(struct bank *b, struct story *s, long long expect_version,
    struct buf *err)
{
	int rc;

	if (bank_begin(b, err) < 0)
		return -1;
	rc = store_update(b, s, expect_version, err);
	return finish(b, rc, err);
}

int
stories_remove(struct bank *b, const struct story *v, size_t n,
    struct buf *err)
{
	struct story now;
	size_t i, bad;
	int rc = 0;

	if (bank_begin(b, err) < 0)
		return -1;
	story_init(&now);
	for (i = 0; i < n && rc == 0; i++) {
		/* Only the version is compared: a damaged story goes too. */
		if ((rc = store_load_salvage(b, v[i].id, &now, &bad,
		    err)) == 0 &&
		    now.version != v[i].version) {
			buf_addf(err, "story %lld changed while you were asked; "
			    "run rm again\n", v[i].id);
			rc = -1;
		}
		if (rc == 0)
			rc = store_delete(b, v[i].id, err);
	}
	story_release(&now);
	/* The rebuild leaves no term of the removed text in the index. */
	if (rc == 0 && (fts_sync(b, err) < 0 || bank_commit(b, err) < 0))
		rc = -1;
	if (rc != 0) {
		bank_rollback(b);
		return -1;
	}
	bank_checkpoint(b);
	return 0;
}

int
stories_fix_uids(struct bank *b, struct uid_leak **out, size_t *n,
    struct buf *err)
{
	struct story s;
	size_t i;
	int rc;

	if (bank_begin(b, err) < 0)
		return -1;
	/* Found under the write lock, so what is rewritten is what was found. */
	rc = secrets_uid_leaks(b, out, n, err);
	if (rc != 0 || *n == 0) {
		bank_rollback(b);
		return rc;
	}
	for (i = 0; rc == 0 && i < *n; i++) {
		struct uid_leak *x = &(*out)[i];

		story_init(&s);
		rc = store_load(b, x->id, &s, err);
		if (rc == 0)
			rc = store_new_uid(b, x->words, &x->new_uid, err);
		if (rc == 0) {
			story_set(&s.uid, x->new_uid);
			rc = store_update(b, &s, s.version, err);
		}
		story_release(&s);
	}
	if (finish(b, rc, err) != 0) {
		uid_leaks_free(*out, *n);
		*out = NULL;
		*n = 0;
		return -1;
	}
	/* secure_delete overwrote the old uids; now the log loses them too. */
	bank_checkpoint(b);
	return 0;
}

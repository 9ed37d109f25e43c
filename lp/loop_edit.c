#include "lp/loop_edit.h"

#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "base/xalloc.h"
#include "lp/template.h"
#include "stories/loop_store.h"
#include "stories/principle.h"
#include "stories/store.h"

int
loop_name_ok(const char *name)
{
	return utf8_name_ok(name, 40);
}

/*
 * The one shape of every change: take the write lock, load loop name, let
 * edit change it (0 to go on, 1 or -1 to stop), save it when save is set,
 * commit.
 */
static int
edit_loop(struct bank *b, const char *name,
    int (*edit)(struct bank *b, struct loop *l, void *ctx, struct buf *err),
    void *ctx, int save, struct buf *err)
{
	struct loop l;
	int rc;

	loop_init(&l);
	if (bank_begin(b, err) < 0)
		return -1;
	if ((rc = loop_load(b, name, &l, err)) == 0 &&
	    (rc = edit(b, &l, ctx, err)) == 0 &&
	    ((save && loop_save(b, &l, err) < 0) || bank_commit(b, err) < 0))
		rc = -1;
	if (rc != 0)
		bank_rollback(b);
	loop_release(&l);
	return rc;
}

int
loop_create(struct bank *b, const char *name, const char *tmpl,
    const char *date, const char *company, struct loop *out, struct buf *err)
{
	loop_init(out);
	out->name = xstrdup(name);
	out->company = company ? xstrdup(company) : NULL;
	out->date = date ? xstrdup(date) : NULL;
	out->template_name = xstrdup(template_find(tmpl) ? template_find(tmpl) :
	    tmpl);
	if (template_apply(tmpl, out, err) < 0 || bank_begin(b, err) < 0)
		return -1;
	if (loop_save(b, out, err) < 0 || bank_commit(b, err) < 0) {
		bank_rollback(b);
		return -1;
	}
	return 0;
}

static int
delete_loop(struct bank *b, struct loop *l, void *ctx, struct buf *err)
{
	(void)ctx;
	return loop_delete(b, l->id, err);
}

int
loop_remove(struct bank *b, const char *name, struct buf *err)
{
	return edit_loop(b, name, delete_loop, NULL, 0, err);
}

struct round_change {
	enum round_verb verb;
	const char *round;
	const struct strlist *slugs;
};

/* Gives round r the principles slugs, keeping the pins of those it keeps. */
static void
round_set(struct round *r, const struct strlist *slugs)
{
	struct round fresh = { NULL, NULL, 0, 0 };
	size_t i, k;

	for (i = 0; i < slugs->n; i++) {
		struct slot *s = round_add_slot(&fresh, slugs->v[i]);

		for (k = 0; k < r->nslots; k++)
			if (strcmp(r->slots[k].slug, s->slug) == 0) {
				s->pinned = r->slots[k].pinned;
				s->story = r->slots[k].story;
				s->backup = r->slots[k].backup;
			}
	}
	for (k = 0; k < r->nslots; k++)
		free(r->slots[k].slug);
	free(r->slots);
	r->slots = fresh.slots;
	r->nslots = fresh.nslots;
	r->aslots = fresh.aslots;
}

static int
change_round(struct bank *b, struct loop *l, void *ctx, struct buf *err)
{
	struct round_change *rc = ctx;
	struct round *r = loop_round(l, rc->round);
	size_t i;

	(void)b;
	if (rc->verb == ROUND_ADD) {
		if (r) {
			buf_addf(err, "loop '%s' already has a round '%s'\n",
			    l->name, rc->round);
			return -1;
		}
		r = loop_add_round(l, rc->round);
		for (i = 0; i < rc->slugs->n; i++)
			round_add_slot(r, rc->slugs->v[i]);
	} else if (r == NULL) {
		buf_addf(err, "loop '%s' has no round '%s'\n", l->name,
		    rc->round);
		return 1;
	} else if (rc->verb == ROUND_RM) {
		loop_remove_round(l, (size_t)(r - l->rounds));
	} else {
		round_set(r, rc->slugs);
	}
	return 0;
}

int
loop_round_edit(struct bank *b, const char *name, enum round_verb verb,
    const char *round, const struct strlist *slugs, struct buf *err)
{
	struct round_change rc = { verb, round, slugs };

	return edit_loop(b, name, change_round, &rc, 1, err);
}

struct pin_change {
	const char *round, *slug, *ref;
	int force, pin;
	long long id;
};

/*
 * The slot of principle slug in round of l, or NULL with a message (the
 * round or the slot asked for is not there: not found).
 */
static struct slot *
find_slot(struct loop *l, const char *round, const char *slug,
    struct buf *err)
{
	struct round *r = loop_round(l, round);
	size_t i;

	if (r == NULL) {
		buf_addf(err, "loop '%s' has no round '%s'\n", l->name, round);
		return NULL;
	}
	for (i = 0; i < r->nslots; i++)
		if (strcmp(r->slots[i].slug, slug) == 0)
			return &r->slots[i];
	buf_addf(err, "round '%s' of loop '%s' does not probe %s\n", round,
	    l->name, principle_by_slug(slug)->name);
	return NULL;
}

/* Checks that story id may be pinned to slot of l. */
static int
may_pin(struct bank *b, struct loop *l, const struct slot *slot,
    struct pin_change *pc, struct buf *err)
{
	struct story s;
	size_t i, k;
	int rc;

	story_init(&s);
	rc = store_load(b, pc->id, &s, err);
	if (rc == 0 && strlist_find(&s.principles, slot->slug) < 0 &&
	    !pc->force) {
		buf_addf(err, "story %lld is not tagged with %s; tag it "
		    "('lpcoach tag %lld +%s') or pin with --force\n", pc->id,
		    principle_by_slug(slot->slug)->name, pc->id, slot->slug);
		rc = -1;
	}
	for (i = 0; rc == 0 && i < l->nrounds; i++)
		for (k = 0; k < l->rounds[i].nslots; k++)
			if (l->rounds[i].slots[k].pinned == pc->id &&
			    &l->rounds[i].slots[k] != slot) {
				buf_addf(err, "story %lld is already pinned in "
				    "round '%s'\n", pc->id, l->rounds[i].name);
				rc = -1;
				break;
			}
	story_release(&s);
	return rc;
}

static int
change_pin(struct bank *b, struct loop *l, void *ctx, struct buf *err)
{
	struct pin_change *pc = ctx;
	struct slot *slot = find_slot(l, pc->round, pc->slug, err);
	int rc;

	if (slot == NULL)
		return 1;
	pc->id = 0;
	if (pc->pin) {
		if ((rc = store_resolve(b, pc->ref, &pc->id, err)) !=
		    STORE_FOUND)
			return rc == STORE_NOT_FOUND ? 1 : -1;
		if (may_pin(b, l, slot, pc, err) != 0)
			return -1;
	}
	slot->pinned = pc->id;
	return 0;
}

int
loop_pin(struct bank *b, const char *name, const char *round,
    const char *slug, const char *ref, int force, long long *id,
    struct buf *err)
{
	struct pin_change pc = { round, slug, ref, force, 1, 0 };
	int rc = edit_loop(b, name, change_pin, &pc, 1, err);

	*id = pc.id;
	return rc;
}

int
loop_unpin(struct bank *b, const char *name, const char *round,
    const char *slug, struct buf *err)
{
	struct pin_change pc = { round, slug, NULL, 0, 0, 0 };

	return edit_loop(b, name, change_pin, &pc, 1, err);
}

struct told {
	const char *round, *ref, *date;
	long long id;
};

static int
add_told(struct bank *b, struct loop *l, void *ctx, struct buf *err)
{
	struct told *t = ctx;
	int rc;

	if (loop_round(l, t->round) == NULL) {
		buf_addf(err, "loop '%s' has no round '%s'\n", l->name,
		    t->round);
		return 1;
	}
	if ((rc = store_resolve(b, t->ref, &t->id, err)) != STORE_FOUND)
		return rc == STORE_NOT_FOUND ? 1 : -1;
	return told_add(b, l, t->round, t->id, t->date, err);
}

int
loop_told(struct bank *b, const char *name, const char *round,
    const char *ref, const char *date, long long *id, struct buf *err)
{
	struct told t = { round, ref, date, 0 };
	int rc = edit_loop(b, name, add_told, &t, 0, err);

	*id = t.id;
	return rc;
}

#include "lp/loop_plan.h"

#include <string.h>

#include "base/clock.h"
#include "base/xalloc.h"
#include "lp/plan.h"
#include "stories/loop_store.h"
#include "stories/principle.h"

/*
 * Which stories the plan still needs the counts of: those tagged with a
 * principle of one of the loop's slots, and the pinned ones, less those
 * counted when they were scored.  A new array of p->stories.n flags.
 */
static char *
wanted(const struct loop_plan *p)
{
	const struct scored *s = &p->stories;
	const struct loop *l = &p->loop;
	char *want = xcalloc(s->n + 1, 1);
	size_t i, r, k;

	for (r = 0; r < l->nrounds; r++)
		for (k = 0; k < l->rounds[r].nslots; k++) {
			const struct slot *sl = &l->rounds[r].slots[k];
			long at = sl->pinned ? scored_find(s, sl->pinned) : -1;

			if (at >= 0)
				want[at] = 1;
			for (i = 0; i < s->n; i++)
				if (strlist_find(&s->v[i].principles,
				    sl->slug) >= 0)
					want[i] = 1;
		}
	for (i = 0; i < s->n; i++)
		want[i] &= !p->counted[i];
	return want;
}

/*
 * Runs the planner over p's stories and writes its choice into p->loop;
 * 0, or -1 with err set when the fits cannot be had.
 */
static int
plan(struct loop_plan *p, int backups, struct buf *err)
{
	struct scored *s = &p->stories;
	struct plan_story *ps;
	struct plan_slot *slots;
	struct loop *l = &p->loop;
	char *want = wanted(p);
	int **fit;
	size_t i, k, n;

	if (fits_fill(s, want, p->fits, err) < 0) {
		free(want);
		return -1;
	}
	free(want);
	p->fitted = 1;
	ps = xcalloc(s->n + 1, sizeof(*ps));
	slots = xcalloc(p->slots + 1, sizeof(*slots));
	fit = xcalloc(s->n + 1, sizeof(*fit));
	for (i = 0; i < s->n; i++) {
		const struct strlist *pr = &s->v[i].principles;

		fit[i] = xcalloc(pr->n + 1, sizeof(**fit));
		for (k = 0; k < pr->n; k++)
			fit[i][k] = fit_for(&p->fits[i], &s->v[i], pr->v[k]);
		ps[i].id = s->v[i].id;
		ps[i].principles = pr;
		ps[i].fit = fit[i];
		for (k = 0; k < p->ntold; k++)
			ps[i].excluded |= p->told[k] == s->v[i].id;
	}
	for (i = 0, n = 0; i < l->nrounds; i++)
		for (k = 0; k < l->rounds[i].nslots; k++, n++) {
			slots[n].slug = l->rounds[i].slots[k].slug;
			slots[n].pinned = l->rounds[i].slots[k].pinned;
		}
	plan_assign(slots, p->slots, ps, s->n, backups);
	for (i = 0, n = 0; i < l->nrounds; i++)
		for (k = 0; k < l->rounds[i].nslots; k++, n++) {
			l->rounds[i].slots[k].story = slots[n].story;
			l->rounds[i].slots[k].backup = slots[n].backup;
		}
	for (i = 0; i < s->n; i++)
		free(fit[i]);
	free(fit);
	free(ps);
	free(slots);
	return 0;
}

/* Counts the slots, the filled ones and their total score and fit. */
static void
tally(struct loop_plan *p)
{
	size_t i, k;
	long at;

	p->slots = p->filled = 0;
	p->score = p->fit = 0;
	for (i = 0; i < p->loop.nrounds; i++)
		for (k = 0; k < p->loop.rounds[i].nslots; k++) {
			p->slots++;
			at = loop_plan_at(p, &p->loop.rounds[i].slots[k]);
			if (at >= 0) {
				p->filled++;
				p->score += p->stories.score[at];
				if (p->fitted)
					p->fit += loop_plan_fit(p,
					    &p->loop.rounds[i].slots[k], at);
			}
		}
}

/*
 * Allocates p->fits and p->counted for p->stories, once they are listed
 * (scored_load_seen() lists them before it scores any).
 */
static void
alloc_fits(struct loop_plan *p)
{
	if (p->fits != NULL)
		return;
	p->fits = xcalloc(p->stories.n + 1, sizeof(*p->fits));
	p->counted = xcalloc(p->stories.n + 1, 1);
}

/* scored_load_seen(): counts the findings of a story linted afresh. */
static void
seen(size_t i, const struct lint_result *res, void *ctx)
{
	struct loop_plan *p = ctx;

	alloc_fits(p);
	fit_count(res, &p->fits[i]);
	p->counted[i] = 1;
}

/* Loads the loop and the stories; 0, 1 (no such loop) or -1. */
static int
load(struct bank *b, const char *name, struct loop_plan *p, int retell,
    struct buf *err)
{
	int rc;

	memset(p, 0, sizeof(*p));
	loop_init(&p->loop);
	if ((rc = loop_load(b, name, &p->loop, err)) != 0)
		return rc;
	p->saved = p->loop.planned != NULL;
	if (scored_load_seen(b, &p->stories, seen, p, err) < 0)
		return -1;
	alloc_fits(p);
	if (!retell && told_to_company(b, p->loop.company, p->loop.name,
	    &p->told, &p->ntold, err) < 0)
		return -1;
	tally(p);
	return 0;
}

int
loop_plan_save(struct bank *b, const char *name,
    const struct loop_plan_opts *o, struct loop_plan *p, struct buf *err)
{
	char now[21];
	int rc;

	memset(p, 0, sizeof(*p));
	if (bank_begin(b, err) < 0)
		return -1;
	if ((rc = load(b, name, p, o->allow_retell, err)) != 0) {
		bank_rollback(b);
		return rc;
	}
	if (plan(p, o->backups, err) < 0 || clock_now_iso(now, err) < 0) {
		bank_rollback(b);
		return -1;
	}
	free(p->loop.planned);
	p->loop.planned = xstrdup(now);
	p->saved = 1;
	if (loop_save(b, &p->loop, err) < 0 ||
	    scored_save(b, &p->stories, err) < 0 || bank_commit(b, err) < 0) {
		bank_rollback(b);
		return -1;
	}
	tally(p);
	return 0;
}

int
loop_plan_read(struct bank *b, const char *name, struct loop_plan *p,
    struct buf *err)
{
	/* A plan made only to be shown leaves no story out as retold. */
	int rc = load(b, name, p, 1, err);

	if (rc != 0)
		return rc;
	if (!p->saved) {
		if (plan(p, 1, err) < 0)
			return -1;
		tally(p);
	}
	return 0;
}

void
loop_plan_release(struct loop_plan *p)
{
	loop_release(&p->loop);
	scored_release(&p->stories);
	free(p->told);
	free(p->fits);
	free(p->counted);
	memset(p, 0, sizeof(*p));
}

long
loop_plan_at(const struct loop_plan *p, const struct slot *sl)
{
	long long id = slot_story(sl);

	return id ? scored_find(&p->stories, id) : -1;
}

int
loop_plan_fit(const struct loop_plan *p, const struct slot *sl, long at)
{
	if (!p->fitted || at < 0)
		return -1;
	return fit_for(&p->fits[at], &p->stories.v[at], sl->slug);
}

long
loop_plan_backup(const struct loop_plan *p, const struct slot *sl)
{
	return sl->backup ? scored_find(&p->stories, sl->backup) : -1;
}

void
loop_plan_why_empty(const struct loop_plan *p, size_t ri, size_t si,
    struct buf *out)
{
	const struct loop *l = &p->loop;
	const struct scored *s = &p->stories;
	const char *slug = l->rounds[ri].slots[si].slug;
	size_t i, r, k, tagged = 0, shown = 0;

	for (i = 0; i < s->n; i++)
		tagged += strlist_find(&s->v[i].principles, slug) >= 0;
	if (tagged == 0) {
		buf_addf(out, "no story is tagged with %s",
		    principle_by_slug(slug)->name);
		return;
	}
	buf_addf(out, "every story tagged with %s is used:",
	    principle_by_slug(slug)->name);
	for (i = 0; i < s->n; i++) {
		long long id = s->v[i].id;
		int where = 0;

		if (strlist_find(&s->v[i].principles, slug) < 0)
			continue;
		for (r = 0; r < l->nrounds; r++)
			for (k = 0; k < l->rounds[r].nslots; k++)
				if (l->rounds[r].slots[k].story == id &&
				    !where++)
					buf_addf(out, "%s #%lld in %s",
					    shown++ ? "," : "", id,
					    l->rounds[r].name);
		for (k = 0; !where && k < p->ntold; k++)
			if (p->told[k] == id && !where++)
				buf_addf(out, "%s #%lld told to %s before",
				    shown++ ? "," : "", id, l->company);
	}
}

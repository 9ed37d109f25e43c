#include "lp/loop_plan.h"

#include <string.h>

#include "base/clock.h"
#include "base/xalloc.h"
#include "lp/plan.h"
#include "stories/loop_store.h"
#include "stories/principle.h"

/* Runs the planner over p's stories and writes its choice into p->loop. */
static void
plan(struct loop_plan *p, int backups)
{
	struct scored *s = &p->stories;
	struct plan_story *ps = xcalloc(s->n + 1, sizeof(*ps));
	struct plan_slot *slots = xcalloc(p->slots + 1, sizeof(*slots));
	struct loop *l = &p->loop;
	size_t i, k, n;

	for (i = 0; i < s->n; i++) {
		ps[i].id = s->v[i].id;
		ps[i].score = s->score[i];
		ps[i].principles = &s->v[i].principles;
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
	free(ps);
	free(slots);
}

/* Counts the slots, the filled ones and their total score. */
static void
tally(struct loop_plan *p)
{
	size_t i, k;
	long at;

	p->slots = p->filled = 0;
	p->score = 0;
	for (i = 0; i < p->loop.nrounds; i++)
		for (k = 0; k < p->loop.rounds[i].nslots; k++) {
			p->slots++;
			at = loop_plan_at(p, &p->loop.rounds[i].slots[k]);
			if (at >= 0) {
				p->filled++;
				p->score += p->stories.score[at];
			}
		}
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
	if (scored_load(b, &p->stories, err) < 0)
		return -1;
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
	plan(p, o->backups);
	if (clock_now_iso(now, err) < 0) {
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
		plan(p, 1);
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
	memset(p, 0, sizeof(*p));
}

long
loop_plan_at(const struct loop_plan *p, const struct slot *sl)
{
	long long id = sl->pinned ? sl->pinned : sl->story;

	return id ? scored_find(&p->stories, id) : -1;
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

#include "lp/loop_check.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "lp/consistency.h"
#include "stories/principle.h"

static void
problem(struct loop_check *r, const char *kind, const char *round,
    const char *slug, long long story, long long other, const char *msg)
{
	struct loop_problem *p;

	r->v = xgrow(r->v, &r->alloc, r->n + 1, sizeof(*r->v));
	p = &r->v[r->n++];
	p->kind = kind;
	p->round = round;
	p->slug = slug;
	p->story = story;
	p->other = other;
	p->message = xstrdup(msg);
}

/* Reports each earlier slot that tells the story of slot (i, k). */
static void
check_repeats(struct loop_check *r, size_t i, size_t k, struct buf *msg)
{
	const struct loop *l = &r->plan.loop;
	long long id = slot_story(&l->rounds[i].slots[k]);
	size_t r2, k2;

	for (r2 = 0; r2 <= i; r2++)
		for (k2 = 0; k2 < l->rounds[r2].nslots; k2++) {
			if (r2 == i && k2 >= k)
				break;
			if (slot_story(&l->rounds[r2].slots[k2]) != id)
				continue;
			buf_reset(msg);
			buf_addf(msg, "story #%lld is told here and in round "
			    "'%s': the debrief will hear it twice", id,
			    l->rounds[r2].name);
			problem(r, "repeated", l->rounds[i].name,
			    l->rounds[i].slots[k].slug, id, 0, msg->s);
		}
}

/* Checks slot (i, k); marks the stories it uses in consider[]. */
static void
check_slot(struct loop_check *r, struct linter *lint, size_t i, size_t k,
    int *consider, struct buf *msg)
{
	const struct slot *sl = &r->plan.loop.rounds[i].slots[k];
	const char *rn = r->plan.loop.rounds[i].name;
	struct scored *s = &r->plan.stories;
	long at = loop_plan_at(&r->plan, sl), bk;
	long long id = slot_story(sl);

	if (at < 0) {
		if (r->plan.loop.planned)
			problem(r, "empty", rn, sl->slug, 0, 0,
			    "no story for this slot");
		return;
	}
	consider[at] = 1;
	if ((bk = loop_plan_backup(&r->plan, sl)) >= 0)
		consider[bk] = 1;
	check_repeats(r, i, k, msg);
	if (strlist_find(&s->v[at].principles, sl->slug) < 0) {
		buf_reset(msg);
		buf_addf(msg, "story #%lld is not tagged with %s", id,
		    principle_by_slug(sl->slug)->name);
		problem(r, "untagged", rn, sl->slug, id, 0, msg->s);
	}
	if (!s->ready[at]) {
		struct strlist top = STRLIST_INIT;
		size_t j;

		buf_reset(msg);
		buf_addf(msg, "story #%lld is not ready (score %d)", id,
		    s->score[at]);
		top_findings(lint, &s->v[at], 3, 1, &top, NULL);
		for (j = 0; j < top.n; j++)
			buf_addf(msg, "%s%s", j ? "; " : ": ", top.v[j]);
		strlist_clear(&top);
		problem(r, "not-ready", rn, sl->slug, id, 0, msg->s);
	}
}

int
loop_check(struct bank *b, const char *name, struct loop_check *r,
    struct buf *err)
{
	struct contradiction *ct = NULL;
	struct buf msg = BUF_INIT;
	struct linter lint;
	struct scored *s;
	size_t i, k, nct = 0;
	int *consider, rc;

	memset(r, 0, sizeof(*r));
	if ((rc = loop_plan_read(b, name, &r->plan, err)) != 0)
		return rc;
	/* The saved plan is what is reviewed, not one made up now. */
	if (!r->plan.saved) {
		loop_clear_plan(&r->plan.loop);
		problem(r, "no-plan", NULL, NULL, 0, 0, "no plan saved yet: run "
		    "'lpcoach loop plan' first");
	}
	if (linter_open(&lint, NULL, err) < 0)
		return -1;
	s = &r->plan.stories;
	consider = xcalloc(s->n + 1, sizeof(*consider));
	for (i = 0; i < r->plan.loop.nrounds; i++)
		for (k = 0; k < r->plan.loop.rounds[i].nslots; k++)
			check_slot(r, &lint, i, k, consider, &msg);
	if (find_contradictions(&lint.rb, s->v, s->n, consider, &ct, &nct,
	    err) < 0) {
		free(consider);
		linter_close(&lint);
		buf_release(&msg);
		return -1;
	}
	for (i = 0; i < nct; i++) {
		if (ct[i].silenced)
			continue;	/* a story says it is no contradiction */
		buf_reset(&msg);
		buf_addf(&msg, "stories #%lld and #%lld of project '%s' "
		    "disagree: \"%s\" against \"%s\"", s->v[ct[i].a].id,
		    s->v[ct[i].b].id, s->v[ct[i].a].project, ct[i].phrase_a,
		    ct[i].phrase_b);
		problem(r, "contradiction", NULL, NULL, s->v[ct[i].a].id,
		    s->v[ct[i].b].id, msg.s);
	}
	contradictions_free(ct, nct);
	free(consider);
	linter_close(&lint);
	buf_release(&msg);
	return 0;
}

void
loop_check_release(struct loop_check *r)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		free(r->v[i].message);
	free(r->v);
	loop_plan_release(&r->plan);
	memset(r, 0, sizeof(*r));
}

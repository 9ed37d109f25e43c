/* Which story answers a drill's question: see lp/drill_story.h. */
#include "lp/drill_story.h"

#include <stdlib.h>
#include <string.h>

#include "lp/match.h"

/* Appends index i to ds->others unless it is shown already or full. */
static void
add_other(struct drill_stories *ds, size_t i)
{
	size_t k;

	if (ds->nothers == DRILL_OTHERS || (long)i == ds->planned ||
	    (long)i == ds->best)
		return;
	for (k = 0; k < ds->nothers; k++)
		if (ds->others[k] == i)
			return;
	ds->others[ds->nothers++] = i;
}

int
drill_stories_for(struct drill_session *s, const struct question *q,
    long long planned, struct drill_stories *out, struct buf *err)
{
	struct match_opts o = { NULL, DRILL_FIT_TOP };
	struct match_result m;
	size_t *order, n, i;

	memset(out, 0, sizeof(*out));
	out->planned = planned ? scored_find(&s->stories, planned) : -1;
	out->best = -1;
	if (s->stories.n == 0)
		return 0;
	if (match_rank(s->b, q->text, &o, &m, err) < 0)
		return -1;
	for (i = 0; i < m.n; i++)
		out->fit[out->nfit++] = m.v[i].story->id;
	if (m.n && m.v[0].story->id != planned) {
		out->best = scored_find(&s->stories, m.v[0].story->id);
		for (i = 0; out->best >= 0 && i < m.v[0].terms.n; i++)
			strlist_push(&out->why, m.v[0].terms.v[i]);
	}
	match_result_release(&m);
	n = drill_session_stories(s, q->principle, &order);
	for (i = 0; i < n; i++)
		add_other(out, order[i]);
	free(order);
	return 0;
}

void
drill_stories_release(struct drill_stories *ds)
{
	strlist_clear(&ds->why);
	memset(ds, 0, sizeof(*ds));
}

int
drill_story_fits(const struct drill_stories *ds, long long id)
{
	size_t i;

	for (i = 0; i < ds->nfit; i++)
		if (ds->fit[i] == id)
			return (int)i + 1;
	return 0;
}

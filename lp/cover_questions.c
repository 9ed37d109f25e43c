/* Coverage at the level of questions: see lp/cover_questions.h. */
#include "lp/cover_questions.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

static const char *const fit_names[] = { "none", "partial", "good" };

const char *
qfit_name(enum qfit f)
{
	return fit_names[f];
}

/* Fills row from r, the whole ranking for its question. */
static void
fill_row(struct qcover_row *row, const struct match_result *r)
{
	const struct match_candidate *best = NULL;
	size_t i;

	for (i = 0; i < r->n; i++)
		if (match_good(&r->q, &r->v[i])) {
			if (row->good++ == 0)
				best = &r->v[i];
		}
	row->fit = row->good ? QFIT_GOOD : r->n ? QFIT_PARTIAL : QFIT_NONE;
	if (best == NULL && r->n)
		best = &r->v[0];
	if (best == NULL)
		return;
	row->story = best->story;
	row->score = best->score;
	row->lint = best->lint;
	row->ready = best->ready;
	for (i = 0; i < best->terms.n; i++)
		strlist_push(&row->terms, best->terms.v[i]);
}

int
qcover_compute(struct bank *b, const int *in_scope, struct qcover *c,
    struct buf *err)
{
	const struct principle *ps[PRINCIPLE_COUNT];
	struct question_filter f = { 0 };
	struct match_opts o = { .limit = SIZE_MAX };
	const struct question **qs;
	struct match_result r;
	size_t i, n;
	int p, rc = 0;

	memset(c, 0, sizeof(*c));
	for (p = 0; p < PRINCIPLE_COUNT; p++)
		if (in_scope == NULL || in_scope[p])
			ps[f.nprinciples++] = principle_at(p);
	f.principles = ps;
	qs = question_select(&f, &n);
	if (f.nprinciples == 0)
		n = 0;	/* nothing in scope (an empty filter means any) */
	c->v = xcalloc(n + 1, sizeof(*c->v));
	if (matcher_open(b, &c->m, err) < 0) {
		free(qs);
		return -1;
	}
	for (i = 0; i < n && rc == 0; i++) {
		struct qcover_row *row = &c->v[c->n++];

		row->q = qs[i];
		if ((rc = matcher_rank(&c->m, qs[i]->text, &o, &r, err)) == 0)
			fill_row(row, &r);
		match_result_release(&r);
		c->answered += row->good > 0;
		c->unanswered += row->good == 0;
		c->single += row->good == 1;
	}
	free(qs);
	return rc == 0 ? 0 : -1;
}

void
qcover_release(struct qcover *c)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		strlist_clear(&c->v[i].terms);
	free(c->v);
	matcher_close(&c->m);
	memset(c, 0, sizeof(*c));
}

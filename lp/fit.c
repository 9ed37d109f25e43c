#include "lp/fit.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "rubrics/linter.h"

/* The points a finding of severity sev takes off a score. */
static int
points(enum severity sev)
{
	return 100 - lint_score(sev == SEV_ERROR, sev == SEV_WARNING,
	    sev == SEV_SUGGESTION);
}

void
fit_count(const struct lint_result *res, struct fit_counts *c)
{
	size_t i, k;

	memset(c, 0, sizeof(*c));
	for (i = 0; i < res->n; i++) {
		const struct finding *f = &res->v[i];
		const struct strlist *pr = &f->rule->principles;

		if (f->disabled)
			continue;
		if (pr->n == 0)
			c->any += points(f->severity);
		for (k = 0; k < pr->n; k++) {
			const struct principle *p = principle_by_slug(pr->v[k]);

			if (p != NULL)
				c->by[p->index] += points(f->severity);
		}
	}
}

int
fit_for(const struct fit_counts *c, const struct story *s, const char *slug)
{
	const struct principle *p = principle_by_slug(slug);
	int fit = 100 - c->any - (p != NULL ? c->by[p->index] : 0);

	if (fit < 0)
		fit = 0;
	if (s->primary && strcmp(s->primary, slug) == 0)
		fit += FIT_PRIMARY_BONUS;
	return fit;
}

/*
 * Makes the rules of l that name a principle the only active ones
 * (principled) or gives every rule back the state was[] saved.
 */
static void
only_principled(struct linter *l, unsigned char *was, int principled)
{
	size_t r;

	for (r = 0; r < l->rb.n; r++) {
		struct rule *x = &l->rb.rules[r];

		if (principled) {
			was[r] = (unsigned char)x->active;
			x->active = x->active && x->principles.n > 0;
		} else {
			x->active = was[r];
		}
	}
}

/*
 * Lints story s with l (only its principled rules when principled) into
 * *res; 0, or -1 with the reason in err.
 */
static int
lint_one(struct linter *l, unsigned char *was, int principled,
    struct story *s, struct lint_result *res, struct buf *err)
{
	struct buf what = BUF_INIT, why = BUF_INIT;
	int rc;

	buf_addf(&what, "story %lld", s->id);
	if (principled)
		only_principled(l, was, 1);
	rc = linter_lint(l, s, 1, STORY_DEFAULT_WPM, what.s, res, &why);
	if (principled)
		only_principled(l, was, 0);
	if (rc < 0)
		buf_addf(err, "%s%s: not linted: a rule could not finish, so "
		    "its fit for the loop is unknown\n", why.s, what.s);
	buf_release(&what);
	buf_release(&why);
	return rc;
}

/*
 * Counts story s of score score into *c from its principled rules alone
 * (see above); 1 when that cannot be done and s must be linted whole.
 */
static int
count_principled(struct linter *l, unsigned char *was, struct story *s,
    int score, struct fit_counts *c, struct buf *err)
{
	struct lint_result res;
	int rc;

	if (score <= 0)
		return 1;
	rc = lint_one(l, was, 1, s, &res, err);
	if (rc == 0) {
		fit_count(&res, c);
		/* The principled points, each finding once. */
		c->any = 100 - score - (100 - res.score);
		rc = res.score > 0 && c->any >= 0 ? 0 : 1;
	}
	lint_result_release(&res);
	return rc;
}

int
fits_fill(const struct scored *s, const char *want, struct fit_counts *c,
    struct buf *err)
{
	struct linter l;
	unsigned char *was;
	size_t i;
	int rc = 0;

	/* Compiled on the first story that needs linting, if any. */
	if (linter_open_deferred(&l, NULL, err) < 0)
		return -1;
	was = xcalloc(l.rb.n + 1, 1);
	for (i = 0; i < s->n && rc >= 0; i++) {
		struct lint_result res;

		if (!want[i])
			continue;
		memset(&c[i], 0, sizeof(c[i]));
		if (s->score[i] >= 100)
			continue;
		rc = count_principled(&l, was, &s->v[i], s->score[i], &c[i],
		    err);
		if (rc != 1)
			continue;
		rc = lint_one(&l, was, 0, &s->v[i], &res, err);
		if (rc == 0)
			fit_count(&res, &c[i]);
		lint_result_release(&res);
	}
	free(was);
	linter_close(&l);
	return rc < 0 ? -1 : 0;
}

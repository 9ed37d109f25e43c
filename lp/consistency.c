/* Numbers that must agree across stories: see lp/consistency.h. */
#include "lp/consistency.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/hash.h"
#include "base/xalloc.h"
#include "stories/comment.h"

static int same_metric(const char *a, const char *b);
static int differ(double a, double b);

/*
 * A level a story gives that it also gives as the value before a change
 * ("was 340 ms" in the Situation, "dropped from 340 ms to 85 ms" later)
 * is that value before.
 */
static void
before_values(struct story_numbers *sn)
{
	size_t i, k;

	for (i = 0; i < sn->n; i++) {
		struct figure *f = &sn->q[i];

		if (strcmp(f->role, "at") != 0 && f->role[0] != '\0')
			continue;
		for (k = 0; k < sn->n; k++) {
			const struct figure *g = &sn->q[k];

			if (strcmp(g->role, "from") == 0 && g->unit == f->unit &&
			    same_metric(g->metric, f->metric) &&
			    !differ(g->value, f->value)) {
				snprintf(f->role, sizeof(f->role), "from");
				break;
			}
		}
	}
}

int
story_numbers_of(struct figure_reader *fr, const struct story *s,
    const char *rule, struct story_numbers *out, struct buf *err)
{
	struct figures f = { NULL, 0, 0 };
	struct directives d;
	size_t i;

	memset(out, 0, sizeof(*out));
	out->id = s->id;
	out->project = s->project ? xstrdup(s->project) : NULL;
	if (figures_of(fr, s, &f, err) < 0) {
		figures_release(&f);
		return -1;
	}
	out->q = f.v;
	out->n = f.n;
	before_values(out);
	out->phrase = xcalloc(f.n + 1, sizeof(*out->phrase));
	out->off = xcalloc(f.n + 1, 1);
	directives_read(s, &d);
	for (i = 0; i < f.n && rule; i++) {
		int line, col;

		story_position(s, f.v[i].section, f.v[i].start, &line, &col);
		out->off[i] = (unsigned char)directives_off(&d, s, rule,
		    f.v[i].section, f.v[i].start, line);
	}
	directives_release(&d);
	for (i = 0; i < f.n; i++) {
		const char *t = s->section[f.v[i].section];
		size_t a = f.v[i].mstart, b = f.v[i].end;

		/* From the metric to the figure, at most a line's worth. */
		if (b - a > 80)
			a = f.v[i].start;
		out->phrase[i] = xstrndup(t + a, b - a);
		for (char *p = out->phrase[i]; *p; p++)
			if (*p == '\n')
				*p = ' ';
	}
	return 0;
}

void
story_numbers_free(struct story_numbers *v, size_t n)
{
	size_t i, k;

	for (i = 0; i < n; i++) {
		free(v[i].project);
		for (k = 0; k < v[i].n; k++)
			free(v[i].phrase[k]);
		free(v[i].phrase);
		free(v[i].off);
		free(v[i].q);
	}
	free(v);
}

/* Whether the shorter metric's words end the longer one's. */
static int
same_metric(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	const char *lng = la >= lb ? a : b, *shrt = la >= lb ? b : a;
	size_t ll = la >= lb ? la : lb, ls = la >= lb ? lb : la;

	if (ls == 0)
		return 0;
	return strcmp(lng + ll - ls, shrt) == 0 &&
	    (ll == ls || lng[ll - ls - 1] == ' ');
}

/*
 * A value before a change ("from"), the change ("by"), or a value as it
 * stands ("to 85 ms", "was 85 ms", "saved $1.4M"), wherever it is told:
 * one story's Situation is often another's Result.
 */
static int
role_class(const struct figure *f)
{
	return strcmp(f->role, "from") == 0 ? 1 : strcmp(f->role, "by") == 0 ?
	    2 : 0;
}

/* Whether two figures state the same quantity (values aside). */
static int
comparable(const struct figure *x, const struct figure *y)
{
	/*
	 * A count is the project's number only as a whole ("the 2,400
	 * agents") or a rate ("9,000 claims a day"); "in 60 stores" and
	 * "all 1,800 stores" can both be true.
	 */
	if (x->unit == UNIT_COUNT && (!x->definite || !y->definite) &&
	    (!x->period[0] || !y->period[0]))
		return 0;
	return x->unit == y->unit && role_class(x) == role_class(y) &&
	    strcmp(x->period, y->period) == 0 &&
	    strcmp(x->currency, y->currency) == 0 &&
	    x->unit != UNIT_RANK && same_metric(x->metric, y->metric);
}

static int
differ(double a, double b)
{
	double m = fabs(a) > fabs(b) ? fabs(a) : fabs(b);

	return fabs(a - b) > m * 0.005;
}

/*
 * Whether story w gives figure f's value for f's metric too, in any role:
 * "CTR had sat at 2.1%" agrees with "lifted CTR from 2.1% to 2.6%".
 */
static int
also_says(const struct story_numbers *w, const struct figure *f)
{
	size_t k;

	for (k = 0; k < w->n; k++) {
		const struct figure *g = &w->q[k];

		if (g->unit == f->unit && strcmp(g->period, f->period) == 0 &&
		    strcmp(g->currency, f->currency) == 0 &&
		    same_metric(g->metric, f->metric) &&
		    !differ(g->value, f->value))
			return 1;
	}
	return 0;
}

/*
 * The first disagreement between stories i and j, or 0; among figures
 * neither story turned off unless with_off is set.
 */
static int
disagree(const struct story_numbers *v, size_t i, size_t j, size_t *x,
    size_t *y, int with_off)
{
	for (*x = 0; *x < v[i].n; (*x)++) {
		const struct figure *fx = &v[i].q[*x];

		if (fx->metric[0] == '\0' || also_says(&v[j], fx) ||
		    (v[i].off[*x] && !with_off))
			continue;
		for (*y = 0; *y < v[j].n; (*y)++)
			if (comparable(fx, &v[j].q[*y]) &&
			    !also_says(&v[i], &v[j].q[*y]) &&
			    (with_off || !v[j].off[*y]))
				return 1;
	}
	return 0;
}

/*
 * A figure that may be compared, keyed by all that two comparable figures
 * share (comparable()): the project, unit, role class, period, currency
 * and the metric's last word (same_metric() metrics end in one word).
 */
struct entry {
	uint64_t key;
	double value;
	size_t i;		/* the story, into v */
};

static int
by_key(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	if (x->value != y->value)
		return x->value < y->value ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}

static uint64_t
figure_key(const char *project, const struct figure *f)
{
	const char *last = strrchr(f->metric, ' ');
	uint64_t h = hash64_str(HASH64_INIT, project);

	h = hash64_u64(h, (uint64_t)f->unit << 8 | (uint64_t)role_class(f));
	h = hash64_str(h, f->period);
	h = hash64_str(h, f->currency);
	return hash64_str(h, last ? last + 1 : f->metric);
}

/* A pair of stories i < j to compare, as a contradiction's a and b. */
struct pair {
	size_t a, b;
};

static int
by_ab(const void *a, const void *b)
{
	const struct pair *x = a, *y = b;

	if (x->a != y->a)
		return x->a < y->a ? -1 : 1;
	return x->b < y->b ? -1 : x->b > y->b;
}

/*
 * The pairs of stories that may disagree: two stories disagree only at
 * two comparable figures whose values differ (equal values are "also
 * said"), so only stories with figures of one key and unequal values are
 * compared, not every two stories of a project.  Sorted, each once.
 */
static struct pair *
candidates(const struct story_numbers *v, size_t n, size_t *np)
{
	struct entry *e = NULL;
	struct pair *pr = NULL;
	size_t ne = 0, ae = 0, ap = 0, i, k, g, h, r, s, x, y, m = 0;

	*np = 0;
	for (i = 0; i < n; i++)
		for (k = 0; v[i].project && k < v[i].n; k++) {
			const struct figure *f = &v[i].q[k];

			if (f->metric[0] == '\0' || f->unit == UNIT_RANK)
				continue;
			e = xgrow(e, &ae, ne + 1, sizeof(*e));
			e[ne].key = figure_key(v[i].project, f);
			e[ne].value = f->value;
			e[ne++].i = i;
		}
	if (ne)
		qsort(e, ne, sizeof(*e), by_key);
	for (g = 0; g < ne; g = h) {
		for (h = g + 1; h < ne && e[h].key == e[g].key; h++)
			;
		/* Each run of one value against every later run of the key. */
		for (r = g; r < h; r = s) {
			for (s = r + 1; s < h && e[s].value == e[r].value; s++)
				;
			for (x = r; x < s; x++)
				for (y = s; y < h; y++) {
					if (e[x].i == e[y].i)
						continue;
					pr = xgrow(pr, &ap, *np + 1, sizeof(*pr));
					pr[*np].a = e[x].i < e[y].i ? e[x].i : e[y].i;
					pr[(*np)++].b = e[x].i < e[y].i ? e[y].i :
					    e[x].i;
				}
		}
	}
	free(e);
	if (*np)
		qsort(pr, *np, sizeof(*pr), by_ab);
	for (k = 0; k < *np; k++)
		if (m == 0 || by_ab(&pr[m - 1], &pr[k]) != 0)
			pr[m++] = pr[k];
	*np = m;
	return pr;
}

void
contradictions_among(const struct story_numbers *v, size_t n,
    struct contradiction **out, size_t *nout)
{
	size_t alloc = 0, np, k, x, y;
	struct pair *pr = candidates(v, n, &np);

	*out = NULL;
	*nout = 0;
	for (k = 0; k < np; k++) {
		size_t i = pr[k].a, j = pr[k].b;
		struct contradiction *c;
		int silenced = 0;

		/* Only stories of one project are compared. */
		if (strcmp(v[i].project, v[j].project) != 0)
			continue;
		if (!disagree(v, i, j, &x, &y, 0)) {
			if (!disagree(v, i, j, &x, &y, 1))
				continue;
			silenced = 1;
		}
		*out = xgrow(*out, &alloc, *nout + 1, sizeof(**out));
		c = &(*out)[(*nout)++];
		c->silenced = silenced;
		c->a = i;
		c->b = j;
		c->qa = x;
		c->qb = y;
		c->phrase_a = xstrdup(v[i].phrase[x]);
		c->phrase_b = xstrdup(v[j].phrase[y]);
	}
	/* In the order of the stories, as the pairs are. */
	free(pr);
}

int
find_contradictions(const struct rubric *rb, const struct story *v, size_t n,
    const int *consider, struct contradiction **out, size_t *nout,
    struct buf *err)
{
	struct story_numbers *sn = xcalloc(n + 1, sizeof(*sn));
	struct figure_reader fr;
	const char *rule = NULL;
	size_t i;
	int rc = 0;

	*out = NULL;
	*nout = 0;
	if (figure_reader_open(&fr, rb, err) < 0) {
		free(sn);
		return -1;
	}
	for (i = 0; i < rb->n; i++)
		if (rb->rules[i].kind == KIND_CONSISTENCY) {
			rule = rb->rules[i].id;
			break;
		}
	for (i = 0; i < n && rc == 0; i++)
		if (consider == NULL || consider[i])
			rc = story_numbers_of(&fr, &v[i], rule, &sn[i], err);
	if (rc == 0)
		contradictions_among(sn, n, out, nout);
	story_numbers_free(sn, n);
	figure_reader_close(&fr);
	return rc;
}

void
contradictions_free(struct contradiction *c, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(c[i].phrase_a);
		free(c[i].phrase_b);
	}
	free(c);
}

int
consistency_example(const struct rule *r, const char *a, const char *b,
    int *found, void *rubric, struct buf *err)
{
	struct contradiction *ct = NULL;
	struct story v[2];
	size_t nct = 0;
	int i, rc;

	for (i = 0; i < 2; i++) {
		story_init(&v[i]);
		v[i].id = i + 1;
		v[i].title = xstrdup("example");
		v[i].project = xstrdup("example");
		story_set(&v[i].section[SEC_RESULT], i ? b : a);
	}
	(void)r;
	rc = find_contradictions(rubric, v, 2, NULL, &ct, &nct, err);
	*found = nct > 0;
	contradictions_free(ct, nct);
	story_release(&v[0]);
	story_release(&v[1]);
	return rc;
}

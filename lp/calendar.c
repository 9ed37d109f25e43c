#include "lp/calendar.h"

#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "base/xalloc.h"
#include "lp/fsrs.h"

/* A card as the forecast moves it. */
struct sim {
	struct card c;
	const struct principle *p;
	const struct question *q;	/* NULL: a simulated first drill */
	char first[11];
};

struct sims {
	struct sim *v;
	size_t n, alloc;
};

static struct sim *
sim_add(struct sims *s)
{
	if (s->n == s->alloc) {
		s->alloc = s->alloc ? 2 * s->alloc : 16;
		s->v = xrealloc(s->v, s->alloc * sizeof(*s->v));
	}
	memset(&s->v[s->n], 0, sizeof(s->v[s->n]));
	return &s->v[s->n++];
}

/* Most overdue first; then by question id, then by first drill. */
static int
by_due(const void *a, const void *b)
{
	const struct sim *x = *(struct sim *const *)a;
	const struct sim *y = *(struct sim *const *)b;
	int c;

	if (x->c.due != y->c.due)
		return x->c.due < y->c.due ? -1 : 1;
	if ((c = strcmp(x->c.question, y->c.question)) != 0)
		return c;
	if ((c = strcmp(x->first, y->first)) != 0)
		return c;
	return x->p->index - y->p->index;
}

static void
add_item(struct calendar_day *d, enum calendar_kind kind, const struct sim *s)
{
	struct calendar_item *it;

	d->items = xrealloc(d->items, (d->n + 1) * sizeof(*d->items));
	it = &d->items[d->n++];
	memset(it, 0, sizeof(*it));
	it->kind = kind;
	it->principle = s->p;
	it->q = s->q;
	if (kind == CALENDAR_DUE && s->q == NULL)
		memcpy(it->first, s->first, sizeof(it->first));
	if (kind == CALENDAR_DUE)
		d->ndue++;
	else
		d->nnew++;
}

/* Reviews, rated good at t, the cards due before end. */
static void
review_due(struct sims *s, struct calendar_day *d, time_t t, time_t end,
    time_t cap)
{
	struct sim **due = xcalloc(s->n + 1, sizeof(*due));
	size_t i, n = 0;

	for (i = 0; i < s->n; i++)
		if (s->v[i].c.due < end)
			due[n++] = &s->v[i];
	qsort(due, n, sizeof(*due), by_due);
	for (i = 0; i < n; i++) {
		add_item(d, CALENDAR_DUE, due[i]);
		fsrs_review(&due[i]->c, 3, t, cap);
	}
	free(due);
}

/* The undrilled principles drilled on day d of the first half, h days. */
static size_t
new_today(size_t left, size_t d, size_t h)
{
	return d < h ? (left + (h - d) - 1) / (h - d) : 0;
}

int
calendar_plan(const struct card *cards, size_t ncards,
    const struct principle *const *undrilled, size_t nundrilled, time_t now,
    const char *loop_date, struct calendar *out)
{
	struct sims s = { NULL, 0, 0 };
	char date[11];
	time_t loop_noon, cap, noon, end;
	size_t i, d, k, half, next = 0;
	int rc = -1;

	memset(out, 0, sizeof(*out));
	if (clock_parse_date(loop_date, &loop_noon) < 0 ||
	    clock_date(now, date) < 0)
		return -1;
	for (i = 0; strcmp(date, loop_date) < 0; i++)
		if (i == CALENDAR_MAX_DAYS ||
		    clock_date_add(date, 1, date) < 0)
			return -1;
	if (i == 0)
		return -1;
	out->ndays = i;
	out->days = xcalloc(i, sizeof(*out->days));
	cap = loop_noon - 86400;
	for (i = 0; i < ncards; i++) {
		const struct question *q = question_by_id(cards[i].question);
		struct sim *x;

		if (q == NULL || q->principle == NULL)
			continue;
		x = sim_add(&s);
		x->c = cards[i];
		x->q = q;
		x->p = q->principle;
	}
	half = (out->ndays + 1) / 2;
	if (clock_date(now, date) < 0)
		goto done;
	for (d = 0; d < out->ndays; d++) {
		struct calendar_day *day = &out->days[d];
		size_t want = new_today(nundrilled - next, d, half);

		memcpy(day->date, date, sizeof(day->date));
		if (clock_parse_date(date, &noon) < 0 ||
		    clock_date_add(date, 1, date) < 0 ||
		    clock_day_start(date, &end) < 0)
			goto done;
		if (noon < now)
			noon = now;
		review_due(&s, day, noon, end, cap);
		for (k = 0; k < want; k++) {
			struct sim *x = sim_add(&s);

			x->p = undrilled[next++];
			memcpy(x->first, day->date, sizeof(x->first));
			add_item(day, CALENDAR_NEW, x);
			fsrs_review(&x->c, 3, noon, cap);
		}
	}
	rc = 0;
done:
	free(s.v);
	if (rc < 0)
		calendar_release(out);
	return rc;
}

void
calendar_release(struct calendar *c)
{
	size_t i;

	for (i = 0; i < c->ndays; i++)
		free(c->days[i].items);
	free(c->days);
	memset(c, 0, sizeof(*c));
}

#include "lp/drill.h"

#include <stdlib.h>
#include <string.h>

#include "base/rng.h"
#include "base/xalloc.h"

struct cand {
	const struct question *q;
	int cls;		/* 0 due, 1 weak loop principle, 2 new, 3 rest */
	double key;
	size_t turn;		/* within the principle, for taking turns */
	uint64_t tie;
};

static int
by_order(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;

	if (x->cls != y->cls)
		return x->cls - y->cls;
	if (x->turn != y->turn)
		return x->turn < y->turn ? -1 : 1;
	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return (x->tie > y->tie) - (x->tie < y->tie);
}

static int
by_card(const void *key, const void *elem)
{
	return strcmp(key, ((const struct card *)elem)->question);
}

const struct card *
drill_card(const struct drill_select *sel, const char *id)
{
	if (sel->ncards == 0)
		return NULL;
	return bsearch(id, sel->cards, sel->ncards, sizeof(*sel->cards),
	    by_card);
}

/* Numbers each candidate's place among those of its principle and class. */
static void
take_turns(struct cand *v, size_t n)
{
	size_t seen[3][PRINCIPLE_COUNT], i;

	memset(seen, 0, sizeof(seen));
	for (i = 0; i < n; i++)
		if (v[i].cls == 1 || v[i].cls == 2)
			v[i].turn = seen[v[i].cls][v[i].q->principle->index]++;
}

/*
 * Moves questions of undrilled loop principles into the first count
 * places when due cards would crowd them out: ceil(undrilled / days_left)
 * of them (at least one), one per principle, weakest first; the rest keep
 * their order.
 */
static void
reserve_for_loop(const struct drill_select *sel, struct cand *v, size_t n,
    size_t count)
{
	int undrilled = 0, want, have = 0, p, seen[PRINCIPLE_COUNT] = { 0 };
	struct cand *out;
	char *moved;
	size_t i, k, nr = 0;

	for (p = 0; p < PRINCIPLE_COUNT; p++)
		undrilled += sel->in_loop[p] && sel->weakness[p] == 0;
	if (undrilled == 0 || count == 0 || count >= n)
		return;
	want = sel->days_left > 0 ? (undrilled + sel->days_left - 1) /
	    sel->days_left : 1;
	if ((size_t)want > count)
		want = (int)count;
	for (i = 0; i < count; i++) {
		p = v[i].q->principle->index;
		if (sel->in_loop[p] && sel->weakness[p] == 0 && !seen[p]) {
			seen[p] = 1;
			have++;
		}
	}
	moved = xcalloc(n, 1);
	for (i = count; i < n && have + (int)nr < want; i++) {
		p = v[i].q->principle->index;
		if (sel->in_loop[p] && sel->weakness[p] == 0 && !seen[p]) {
			seen[p] = 1;
			moved[i] = 1;
			nr++;
		}
	}
	if (nr == 0) {
		free(moved);
		return;
	}
	/* The session: its first count - nr, then the reserved, then the rest. */
	out = xcalloc(n, sizeof(*out));
	for (i = 0, k = 0; i < n && k < count - nr; i++)
		if (!moved[i]) {
			out[k++] = v[i];
			moved[i] = 2;
		}
	for (i = 0; i < n; i++)
		if (moved[i] == 1)
			out[k++] = v[i];
	for (i = 0; i < n; i++)
		if (moved[i] == 0)
			out[k++] = v[i];
	memcpy(v, out, n * sizeof(*v));
	free(out);
	free(moved);
}

void
drill_item_release(struct drill_item *it)
{
	int i;

	for (i = 0; i < it->nfollow; i++)
		follow_up_release(&it->follow[i]);
	it->nfollow = 0;
}

size_t
drill_pick(const struct drill_select *sel, size_t count,
    struct drill_item *out)
{
	struct question_filter f = { sel->principles, sel->nprinciples,
	    sel->role, 0 };
	const struct question **qs;
	struct follow_memory own, *mem = sel->memory;
	struct cand *v;
	struct rng r;
	size_t n, i, want = sel->follow_ups > FOLLOW_MAX ? FOLLOW_MAX :
	    sel->follow_ups < 0 ? 0 : (size_t)sel->follow_ups;

	rng_seed(&r, sel->seed);
	qs = question_select(&f, &n);
	if (n == 0) {
		free(qs);
		return 0;
	}
	v = xcalloc(n, sizeof(*v));
	for (i = 0; i < n; i++) {
		const struct card *c = drill_card(sel, qs[i]->id);
		int p = qs[i]->principle->index;

		v[i].q = qs[i];
		v[i].tie = rng_next(&r);
		if (c && c->due <= sel->now) {
			v[i].cls = 0;
			v[i].key = (double)c->due;
		} else if (sel->in_loop[p]) {
			v[i].cls = 1;
			v[i].key = sel->weakness[p];
		} else if (c == NULL) {
			v[i].cls = 2;
		} else {
			v[i].cls = 3;
			v[i].key = (double)c->due;
		}
	}
	qsort(v, n, sizeof(*v), by_order);
	take_turns(v, n);
	qsort(v, n, sizeof(*v), by_order);
	reserve_for_loop(sel, v, n, count);
	if (mem == NULL) {
		follow_memory_init(&own);
		mem = &own;
	}
	/* Past the end, start again: every candidate before any repeat. */
	for (i = 0; i < count; i++) {
		out[i].q = v[i % n].q;
		out[i].nfollow = (int)follow_probes(out[i].q, want, &r, mem,
		    out[i].follow);
	}
	if (mem == &own)
		follow_memory_release(&own);
	free(v);
	free(qs);
	return count;
}

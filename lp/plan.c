#include "lp/plan.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

/*
 * The Hungarian method with potentials (Kuhn-Munkres as usually written
 * for rectangular matrices): rows are added one at a time and an
 * augmenting path of least reduced cost found for each.  1-based inside.
 */
void
hungarian(size_t n, size_t m, long long (*cost)(size_t, size_t, void *),
    void *ctx, size_t *col_of)
{
	long long *u = xcalloc(n + 1, sizeof(*u));
	long long *v = xcalloc(m + 1, sizeof(*v));
	long long *minv = xcalloc(m + 1, sizeof(*minv));
	size_t *p = xcalloc(m + 1, sizeof(*p));	/* row matched to column */
	size_t *way = xcalloc(m + 1, sizeof(*way));
	char *used = xcalloc(m + 1, 1);
	const long long inf = (long long)(~0ULL >> 2);
	size_t i, j, j0, j1;

	for (i = 1; i <= n; i++) {
		p[0] = i;
		j0 = 0;
		for (j = 0; j <= m; j++) {
			minv[j] = inf;
			used[j] = 0;
		}
		do {
			size_t i0 = p[j0];
			long long delta = inf;

			used[j0] = 1;
			j1 = 0;
			for (j = 1; j <= m; j++) {
				long long cur;

				if (used[j])
					continue;
				cur = cost(i0 - 1, j - 1, ctx) - u[i0] - v[j];
				if (cur < minv[j]) {
					minv[j] = cur;
					way[j] = j0;
				}
				if (minv[j] < delta) {
					delta = minv[j];
					j1 = j;
				}
			}
			for (j = 0; j <= m; j++) {
				if (used[j]) {
					u[p[j]] += delta;
					v[j] -= delta;
				} else {
					minv[j] -= delta;
				}
			}
			j0 = j1;
		} while (p[j0] != 0);
		do {
			j1 = way[j0];
			p[j0] = p[j1];
			j0 = j1;
		} while (j0);
	}
	for (j = 1; j <= m; j++)
		if (p[j])
			col_of[p[j] - 1] = j - 1;
	free(u);
	free(v);
	free(minv);
	free(p);
	free(way);
	free(used);
}

struct problem {
	size_t *rows;		/* slot index of each row */
	size_t nrows;
	const struct plan_slot *slots;
	const struct plan_story **cands;	/* sorted by id */
	size_t ncands;
	long long w_fill, w_fit;
};

/* Story s's fit for a slot of principle k of its list, within bounds. */
static long long
fit_at(const struct plan_story *s, long k)
{
	int f = s->fit[k];

	return f < 0 ? 0 : f > PLAN_FIT_MAX ? PLAN_FIT_MAX : f;
}

/*
 * The weight of telling candidate c in row r, negated as a cost:
 * filling a slot outweighs any fit, a point of fit outweighs any
 * preference among ids, and lower ids are preferred last.  Columns past
 * the candidates leave the row empty at cost 0; an untagged story costs
 * more than leaving the slot empty, so it is never chosen.
 */
static long long
plan_cost(size_t r, size_t c, void *ctx)
{
	const struct problem *pb = ctx;
	const struct plan_story *s;
	long k;

	if (c >= pb->ncands)
		return 0;
	s = pb->cands[c];
	k = strlist_find(s->principles, pb->slots[pb->rows[r]].slug);
	if (k < 0)
		return pb->w_fill;
	return -(pb->w_fill + fit_at(s, k) * pb->w_fit +
	    (long long)(pb->ncands - c));
}

static int
by_id(const void *a, const void *b)
{
	const struct plan_story *x = *(const struct plan_story *const *)a;
	const struct plan_story *y = *(const struct plan_story *const *)b;

	return (x->id > y->id) - (x->id < y->id);
}

static int
is_used(const long long *used, size_t nused, long long id)
{
	size_t i;

	for (i = 0; i < nused; i++)
		if (used[i] == id)
			return 1;
	return 0;
}

/*
 * Assigns each row's slot a story (primary when !backup) from the
 * candidates not in used, writing into slot.story or slot.backup.
 */
static void
solve(struct plan_slot *slots, size_t *rows, size_t nrows,
    const struct plan_story *stories, size_t nstories, const long long *used,
    size_t nused, int backup)
{
	struct problem pb = { rows, nrows, slots, NULL, 0, 0, 0 };
	size_t i, k, *col_of;

	if (nrows == 0)
		return;
	pb.cands = xcalloc(nstories + 1, sizeof(*pb.cands));
	for (i = 0; i < nstories; i++) {
		const struct plan_story *s = &stories[i];
		int useful = 0;

		if (s->excluded || is_used(used, nused, s->id))
			continue;
		for (k = 0; k < nrows && !useful; k++)
			useful = strlist_find(s->principles,
			    slots[rows[k]].slug) >= 0;
		if (useful)
			pb.cands[pb.ncands++] = s;
	}
	qsort(pb.cands, pb.ncands, sizeof(*pb.cands), by_id);
	/* Id preference sums to under nrows x ncands: below one point. */
	pb.w_fit = (long long)(nrows * (pb.ncands + 1)) + 1;
	pb.w_fill = (PLAN_FIT_MAX + 1) * (long long)nrows * pb.w_fit + 1;
	col_of = xcalloc(nrows, sizeof(*col_of));
	hungarian(nrows, pb.ncands + nrows, plan_cost, &pb, col_of);
	for (k = 0; k < nrows; k++) {
		long long id = 0;

		if (col_of[k] < pb.ncands && plan_cost(k, col_of[k], &pb) < 0)
			id = pb.cands[col_of[k]]->id;
		if (backup)
			slots[rows[k]].backup = id;
		else
			slots[rows[k]].story = id;
	}
	free(col_of);
	free(pb.cands);
}

void
plan_assign(struct plan_slot *slots, size_t nslots,
    const struct plan_story *stories, size_t nstories, int backups)
{
	size_t *rows = xcalloc(nslots + 1, sizeof(*rows)), nrows = 0, i;
	long long *used = xcalloc(2 * nslots + 1, sizeof(*used));
	size_t nused = 0;

	for (i = 0; i < nslots; i++) {
		slots[i].story = slots[i].backup = 0;
		if (slots[i].pinned) {
			slots[i].story = slots[i].pinned;
			used[nused++] = slots[i].pinned;
		} else {
			rows[nrows++] = i;
		}
	}
	solve(slots, rows, nrows, stories, nstories, used, nused, 0);
	if (backups) {
		for (i = 0; i < nslots; i++)
			if (slots[i].story && !slots[i].pinned)
				used[nused++] = slots[i].story;
		for (i = 0; i < nslots; i++)
			rows[i] = i;
		solve(slots, rows, nslots, stories, nstories, used, nused, 1);
	}
	free(rows);
	free(used);
}

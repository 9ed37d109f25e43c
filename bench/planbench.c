/*
 * Times the loop planner alone: N stories with 1 to 3 random principles
 * and a random fit for each, a loop of 8 rounds by 3 principles, planned with
 * backups.  Prints the median of 21 runs in milliseconds.
 *
 *     planbench N
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "lp/plan.h"
#include "stories/principle.h"
#include "base/rng.h"

static int
by_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

int
main(int argc, char **argv)
{
	size_t n = argc > 1 ? strtoul(argv[1], NULL, 10) : 2000, i, k;
	struct plan_story *st = calloc(n + 1, sizeof(*st));
	struct strlist *tags = calloc(n + 1, sizeof(*tags));
	int (*fit)[3] = calloc(n + 1, sizeof(*fit));
	struct plan_slot slots[24];
	double ms[21];
	struct rng r;
	int run, filled = 0;

	rng_seed(&r, 42);
	for (i = 0; i < n; i++) {
		int m = 1 + (int)rng_below(&r, 3);

		while (m--)
			strlist_push(&tags[i],
			    principle_at((int)rng_below(&r, 16))->slug);
		for (k = 0; k < 3; k++)
			fit[i][k] = (int)rng_below(&r, 106);
		st[i].id = (long long)i + 1;
		st[i].principles = &tags[i];
		st[i].fit = fit[i];
	}
	for (k = 0; k < 24; k++)
		slots[k] = (struct plan_slot){
			principle_at((int)rng_below(&r, 16))->slug, 0, 0, 0 };
	for (run = 0; run < 21; run++) {
		struct timespec a, b;

		clock_gettime(CLOCK_MONOTONIC, &a);
		plan_assign(slots, 24, st, n, 1);
		clock_gettime(CLOCK_MONOTONIC, &b);
		ms[run] = (double)(b.tv_sec - a.tv_sec) * 1e3 +
		    (double)(b.tv_nsec - a.tv_nsec) / 1e6;
	}
	for (k = 0; k < 24; k++)
		filled += slots[k].story != 0;
	qsort(ms, 21, sizeof(ms[0]), by_double);
	printf("%zu stories, 8 rounds x 3 principles, backups: median %.2f ms "
	    "(min %.2f, max %.2f), %d of 24 slots filled\n", n, ms[10], ms[0],
	    ms[20], filled);
	for (i = 0; i < n; i++)
		strlist_clear(&tags[i]);
	free(tags);
	free(fit);
	free(st);
	return 0;
}

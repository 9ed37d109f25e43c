/*
 * Numbers that must agree across stories of one project.
 *
 * Each sentence is read for quantities: a number with its unit (time,
 * money, percentage, multiplier, people, or a plain count), the metric it
 * is about (the nearest word such as latency, cost, team or precision
 * before it, or the noun right after a count), its role ("from X", "to Y",
 * "by Z" or plain) and, for money, its period (a year, a month).  Two
 * stories of the same project that state the same quantity (same metric,
 * unit, role and period) with different values contradict each other.  A
 * number with no metric is never compared, so different quantities are
 * not reported.
 */
#ifndef LPC_CONSISTENCY_H
#define LPC_CONSISTENCY_H

#include <stddef.h>

#include "stories/story.h"

struct quantity {
	char *key;		/* metric|unit|role|period */
	double value;		/* in the unit's base (ms, currency, %) */
	char *phrase;		/* the words as written, for quoting */
};

/* The quantities of s; the caller frees them with quantities_free(). */
void story_quantities(const struct story *s, struct quantity **out,
    size_t *n);
void quantities_free(struct quantity *q, size_t n);

struct contradiction {
	size_t a, b;		/* indices into the stories given */
	char *phrase_a, *phrase_b;
};

/* One story's quantities, kept without the story (for a whole bank). */
struct story_numbers {
	long long id;
	char *project;		/* owned; NULL when none */
	struct quantity *q;	/* owned */
	size_t n;
};

void story_numbers_of(const struct story *s, struct story_numbers *out);
void story_numbers_free(struct story_numbers *v, size_t n);
/* As find_contradictions(), over quantities already read. */
void contradictions_among(const struct story_numbers *v, size_t n,
    struct contradiction **out, size_t *nout);

/*
 * Compares every pair of stories of v[0..n) that share a project; only
 * pairs where both are flagged in consider[] (all when NULL).  Returns a
 * new array (free with contradictions_free()).
 */
void find_contradictions(const struct story *v, size_t n,
    const int *consider, struct contradiction **out, size_t *nout);
void contradictions_free(struct contradiction *c, size_t n);

#endif

/*
 * Numbers that must agree across stories of one project.
 *
 * Each story's figures are read by lp/figures.c (value, unit, the metric
 * it measures, its role: "from", "to", "by" or a level).  Two stories of
 * the same project contradict each other when they give the same metric
 * (one's words end the other's: "latency" and "p99 latency"), in the same
 * unit, role and period, values that differ, and neither story gives the
 * other's value too.  A level ("was 340 ms") is compared with values after
 * a change ("to 85 ms"), wherever each is told, unless its story gives it
 * as the value before one too.  A figure with no metric is never compared,
 * so different quantities are not reported: "NDCG fell from 0.41" and
 * "from 900 features" measure different things.
 */
#ifndef LPC_CONSISTENCY_H
#define LPC_CONSISTENCY_H

#include <stddef.h>

#include "lp/figures.h"
#include "stories/story.h"

/* One story's figures, kept without the story (for a whole bank). */
struct story_numbers {
	long long id;
	char *project;		/* owned; NULL when none */
	struct figure *q;	/* owned */
	char **phrase;		/* owned: each figure from its metric, as written */
	unsigned char *off;	/* owned: each figure's comparison turned off
				 * by the story (stories/comment.h) */
	size_t n;
};

struct contradiction {
	size_t a, b;		/* indices into the stories compared */
	size_t qa, qb;		/* the figures, in each story's numbers */
	char *phrase_a, *phrase_b;	/* owned copies, for messages */
	int silenced;		/* one story turned the comparison off: only
				 * contradictions without it are found first */
};

/*
 * Reads story s's figures, and which of them s turns rule off for (the
 * consistency rule's id; NULL: none); 0, or -1 with err set.
 */
int story_numbers_of(struct figure_reader *fr, const struct story *s,
    const char *rule, struct story_numbers *out, struct buf *err);
void story_numbers_free(struct story_numbers *v, size_t n);

/*
 * Compares the pairs of v[0..n) that share a project: one contradiction
 * per pair, between figures neither story turned off, or else one marked
 * silenced, in the order of the stories.  Only pairs with comparable
 * figures of unequal values are compared, so the work grows with those,
 * not with the square of a project's stories.  Returns a new array (free
 * with contradictions_free()).
 */
void contradictions_among(const struct story_numbers *v, size_t n,
    struct contradiction **out, size_t *nout);

/*
 * The same over stories, where consider[] is set (all when NULL), with the
 * figures read as rubric rb defines them and turned off as its first
 * consistency rule is.  0, or -1 with err set.
 */
int find_contradictions(const struct rubric *rb, const struct story *v,
    size_t n, const int *consider, struct contradiction **out, size_t *nout,
    struct buf *err);
void contradictions_free(struct contradiction *c, size_t n);

/*
 * Whether two story texts (given as the Results of two stories of one
 * project) contradict each other: for the examples of a consistency rule
 * (rubric_check_examples(), a cross_example_fn whose context is the
 * rubric).  Sets *found; 0, or -1 with err set.
 */
int consistency_example(const struct rule *r, const char *a,
    const char *b, int *found, void *rubric, struct buf *err);

#endif

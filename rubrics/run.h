/*
 * Inside the lint engine: the state of one rule running over one story,
 * shared by rubrics/lint.c (results and positions) and rubrics/kinds.c
 * (one function per rule kind).  Nothing outside rubrics/ includes this.
 */
#ifndef LPC_RUN_H
#define LPC_RUN_H

#include "rubrics/lint.h"

/* What one rule needs while it runs over one story. */
struct run {
	const struct rule *r;
	struct match_env *env;
	const struct story *s;
	int wpm;
	struct lint_result *res;
	const char *story;	/* names the story in messages */
	struct buf *err;
	size_t words[SEC_COUNT];	/* counted once per story */
	size_t total_words;
};

/* Whether section sec is in the scope of rule r. */
int run_in_scope(const struct rule *r, int sec);
/*
 * Adds a finding of x's rule and returns it (valid until the next one).
 * With a match (ms < me in section sec), $0..$9 in the message are the
 * match and its groups, and the match is kept (redacted for secrets);
 * extra, when not NULL, is appended to the message in parentheses.
 */
struct finding *run_add(struct run *x, int sec, size_t ms, size_t me,
    const char *extra);
/*
 * The bounds [*a, *b) of the sentence of section text t[0..len) that holds
 * byte off (rubrics/kinds.c, where sentences are defined).
 */
void run_sentence_around(const char *t, size_t len, size_t off, size_t *a,
    size_t *b);

/* One per rule kind: 0, or -1 when matching failed (reason in x->err). */
int run_existence(struct run *x);
int run_require(struct run *x);
int run_ratio(struct run *x);
int run_sentence(struct run *x);
int run_length(struct run *x);
int run_sections(struct run *x);

#endif

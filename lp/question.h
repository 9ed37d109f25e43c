/*
 * The question bank, loaded once from the embedded lp/data/questions.yaml:
 * main questions (each with one primary principle, up to two secondary
 * ones and the roles it is phrased for) and follow-up probes (for one
 * principle, or generic ones for any story).  Every pointer returned is
 * owned by the bank and lives until the process ends.
 */
#ifndef LPC_QUESTION_H
#define LPC_QUESTION_H

#include <stddef.h>

#include "stories/principle.h"
#include "base/buf.h"
#include "base/strlist.h"

enum question_kind { QUESTION_MAIN, QUESTION_FOLLOW_UP };

struct question {
	char *id;			/* stable: drill history uses it */
	const struct principle *principle;	/* NULL: a generic probe */
	struct strlist also;		/* secondary principles' slugs */
	struct strlist roles;		/* empty for follow-ups: any role */
	enum question_kind kind;
	char *text;
	size_t index;			/* in bank order: question_at(index) */
};

/* The roles a question can be phrased for; NULL-terminated. */
extern const char *const question_roles[];

/* Every question and probe, in bank order: principles in catalogue order,
 * each's questions then probes, then the generic probes. */
size_t question_count(void);
const struct question *question_at(size_t i);
const struct question *question_by_id(const char *id);

struct question_filter {
	const struct principle **principles;	/* NULL or n of them: any of */
	size_t nprinciples;
	const char *role;	/* NULL for any; "general" questions suit all */
	int follow_ups;		/* also the probes (and generic probes) */
};

/*
 * Returns a new array of the questions that pass f, in bank order; the
 * caller frees the array (not the questions) with free().
 */
const struct question **question_select(const struct question_filter *f,
    size_t *n);

/*
 * The role named role, in any case ("MLE" is mle); else NULL with a
 * message naming it with the nearest role.
 */
const char *question_role_find(const char *role, struct buf *err);
/* question_role_find() as 0 or -1. */
int question_role_valid(const char *role, struct buf *err);

#endif

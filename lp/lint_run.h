/*
 * One lint run over story files and stories of the bank.  Stories are
 * read, linted and handed to the caller's emit() one at a time, so memory
 * stays flat however large the bank or corpus is.  Linting the whole bank
 * also compares the numbers of stories of one project (lp/consistency.h),
 * when the rubric's consistency rule is active, and adds each
 * contradiction to both stories' findings under that rule.
 */
#ifndef LPC_LINT_RUN_H
#define LPC_LINT_RUN_H

#include "lp/consistency.h"
#include "rubrics/linter.h"
#include "stories/bank.h"

struct lint_run {
	struct linter lint;	/* opened by the caller */
	int wpm;
	/* Called for each story linted; file is NULL for a bank story. */
	void (*emit)(void *ctx, const struct story *s, const char *file,
	    const struct lint_result *res);
	void *ctx;
	size_t linted;		/* stories handed to emit */
	size_t with_errors;	/* of those, with an error finding */
	int failed;		/* a story could not be read or linted */
	size_t not_found;	/* refs that name no story of the bank */
	/* The whole bank's numbers, for contradictions. */
	const struct rule *consistency;	/* the rule, when active */
	struct story_numbers *sn;
	size_t nsn, asn;
	struct contradiction *ct;
	size_t nct;
	size_t *ct_start, *ct_of;	/* ct by story (lp/lint_run.c) */
};

/* Lints the story file path ("-": standard input); errors go to err. */
void lint_run_file(struct lint_run *x, const char *path, struct buf *err);
/*
 * Lints the stories refs[0..nrefs) of bank b (ids, uids or title
 * prefixes), or every story with contradictions when nrefs is 0.
 */
void lint_run_bank(struct lint_run *x, struct bank *b, char **refs,
    int nrefs, struct buf *err);
void lint_run_release(struct lint_run *x);

/*
 * Appends a warning to out for each lint directive of v[0..n) that names
 * no rule of the default and user rubrics (a story being added: lint will
 * call it an error); from[i] names story i (NULL: its title).
 */
void lint_warn_directives(const struct story *v, char **from, size_t n,
    struct buf *out);

#endif

/*
 * Coverage at the level of questions: for each of the bank's main
 * questions (lp/question.h), the story that answers it best and how well,
 * ranked by lp/match.h for the question's own text; then which questions
 * no story answers well and which only one story does (a lost or retired
 * story leaves those unanswered).
 *
 * A question's fit is
 *   good     some story is a good answer (match_good(): tagged with the
 *            question's principle, and its text has one of the
 *            question's words or their synonyms);
 *   partial  stories rank for it (words without the tag, the tag without
 *            its words, or a secondary principle), but none is good;
 *   none     no story shares a word or a principle with it.
 * The best story is the first good answer in match's ranking, else
 * match's first.  Readiness (lint) is shown beside, not part of the fit:
 * 'cover' already counts ready stories per principle.
 */
#ifndef LPC_COVER_QUESTIONS_H
#define LPC_COVER_QUESTIONS_H

#include "lp/match.h"

enum qfit { QFIT_NONE, QFIT_PARTIAL, QFIT_GOOD };

struct qcover_row {
	const struct question *q;
	enum qfit fit;
	size_t good;		/* stories that are a good answer */
	const struct story *story;	/* the best; NULL when fit is none */
	double score;		/* match's score of the best */
	int lint, ready;	/* the best's */
	struct strlist terms;	/* the best's matched words, as match */
};

struct qcover {
	struct matcher m;	/* owns the stories rows point to */
	struct qcover_row *v;	/* in bank order */
	size_t n;
	size_t answered;	/* rows with a good answer */
	size_t unanswered;	/* rows with none */
	size_t single;		/* rows with exactly one */
};

/*
 * Ranks bank b's stories for each main question of the principles whose
 * in_scope flag is set (all when in_scope is NULL).  Returns 0, or -1 with
 * err set; *c is the caller's to release with qcover_release() either way.
 * With no stories every row has fit none.
 */
int qcover_compute(struct bank *b, const int *in_scope, struct qcover *c,
    struct buf *err);
void qcover_release(struct qcover *c);

/* "good", "partial", "none". */
const char *qfit_name(enum qfit f);

#endif

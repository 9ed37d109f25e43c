/*
 * Which stories answer a question: the bank's stories ranked for any
 * question text, each with the reasons it fits and the warnings against
 * telling it.  Used by 'lpcoach match'; built to be reused wherever a
 * question meets the bank (question coverage, the drill).
 *
 * The rank of a story is the sum of
 *   - for each concept of the question (a word or phrase that is not a
 *     stopword, with its synonyms from lp/data/match.yaml), the best bm25
 *     weight (stories/fts.h) of its terms in the story, a synonym counting
 *     0.8 of the word itself and another form of it ("taught", "teach")
 *     as much;
 *   - for each principle inferred from the question, with confidence c,
 *     MATCH_VOCAB_WEIGHT * c times the weight of each of its vocabulary
 *     words, and MATCH_TAG_WEIGHT * c when the story is tagged with it;
 *   - MATCH_LINT_WEIGHT times its lint score over 100;
 *   - when the question is one of the bank's, MATCH_EVIDENCE_WEIGHT for
 *     each drill answer (at most MATCH_EVIDENCE_MAX) where the story was
 *     told for it and rated good or easy (stories/cards.h).
 * Ties go to the higher lint score, then the lower id.
 *
 * A question's principles come from the bank (its primary principle
 * with c = 1, its secondary ones with c = 0.5) when the text is one of
 * the bank's questions, else from the vocabulary: each principle with at
 * least half as many vocabulary hits as the best, at most three, where a
 * word whose synonym group holds a vocabulary word ("taught": mentor)
 * counts MATCH_INFER_SYNONYM of a hit, and c is the hits over the best's,
 * times the best's over MATCH_INFER_SURE when fewer (one word of a
 * principle is half as sure as two).
 */
#ifndef LPC_MATCH_H
#define LPC_MATCH_H

#include "base/strlist.h"
#include "lp/question.h"
#include "lp/scoring.h"
#include "stories/bank.h"
#include "stories/fts.h"
#include "stories/principle.h"

#define MATCH_SYNONYM_WEIGHT 0.8
#define MATCH_VOCAB_WEIGHT 0.2
#define MATCH_TAG_WEIGHT 3.0
#define MATCH_LINT_WEIGHT 1.0
#define MATCH_EVIDENCE_WEIGHT 2.0
#define MATCH_EVIDENCE_MAX 2
/* A phrasal verb's particle may come this many words late. */
#define MATCH_PHRASE_GAP 2
/* Inferring principles: see above. */
#define MATCH_INFER_SYNONYM 0.5
#define MATCH_INFER_SURE 2.0
/* The longest question text taken, in bytes. */
#define MATCH_MAX_TEXT 1000

struct match_principle {
	const struct principle *p;
	double weight;		/* the confidence c, in (0, 1] */
};

/* What a question asks for, before any story is read. */
struct match_question {
	const struct question *known;	/* one of the bank's, or NULL */
	struct match_principle principles[3];
	size_t nprinciples;
	struct strlist concepts;	/* each concept's words, as asked */
};

struct match_candidate {
	const struct story *story;	/* owned by the result's scored */
	double score;
	int lint, ready;
	long rated_good;	/* drill answers with it rated good for q */
	struct strlist terms;	/* "halved (for cut)": what matched */
	struct strlist vocab;	/* the inferred principles' words found */
	struct strlist principles;	/* slugs: tagged with an inferred one */
	struct strlist warnings;
};

struct match_result {
	struct match_question q;
	struct match_candidate *v;	/* best first, at most limit */
	size_t n;
	size_t stories;		/* stories in the bank */
	struct matcher *own;	/* match_rank()'s, freed with the result */
};

/*
 * A bank opened for ranking: its stories with their lint scores and its
 * index, read once for any number of questions ('cover --questions' asks
 * all of the bank's).  Candidates point into all, so a matcher outlives
 * the results it gives.
 */
struct matcher {
	struct bank *b;
	struct scored all;
	struct fts fts;
	int open;		/* fts is open */
};

struct match_opts {
	const char *loop;	/* NULL, or warn about this loop's plan */
	size_t limit;
};

/*
 * Reads question text: the concepts it asks about and its principles.
 * Owns nothing outside q; match_question_release() frees it.
 */
void match_question_read(const char *text, struct match_question *q);
void match_question_release(struct match_question *q);

/*
 * Appends to out the words and phrases that search for word (one word or
 * phrase, any case) besides itself: the rest of its synonym groups.
 */
void match_synonyms(const char *word, struct strlist *out);

/*
 * Appends to out the other forms of word (one word, any case) that the
 * index's stemmer does not join to it: "taught" for "teach", "teach" and
 * "taught" for "teaching", from the forms of lp/data/match.yaml.
 */
void match_forms(const char *word, struct strlist *out);

/*
 * The stems of text's words, one space between them: two texts are the
 * same words to the index ("pages", "paged"; not "taught", "teach")
 * when their keys are equal.  Free it.
 */
char *match_words_key(const char *text);

/* The vocabulary of principle p (lp/data/match.yaml). */
const struct strlist *match_vocabulary(const struct principle *p);

/*
 * Ranks bank b's stories for question text.  Returns 0 (out->n may be 0:
 * no story fits, or the bank is empty), 1 when o->loop is not found (with
 * a message), or -1 with err set.  match_result_release() frees out.
 */
int match_rank(struct bank *b, const char *text, const struct match_opts *o,
    struct match_result *out, struct buf *err);
void match_result_release(struct match_result *r);

/*
 * Reads bank b's stories and opens its index (0, or -1 with err set);
 * then matcher_rank() is match_rank() without reading them again, and
 * matcher_close() frees m (after the results it gave).
 */
int matcher_open(struct bank *b, struct matcher *m, struct buf *err);
int matcher_rank(struct matcher *m, const char *text,
    const struct match_opts *o, struct match_result *out, struct buf *err);
void matcher_close(struct matcher *m);

/*
 * A good answer to question q: a candidate tagged with q's first
 * principle (the bank's primary principle for one of its questions, else
 * the one inferred with most confidence) whose text has at least one of
 * the question's own words or their synonyms (terms; the principle's
 * vocabulary does not count).  Tags alone say a story is about the
 * principle, words alone that it is about the subject: a good answer is
 * both.  Readiness (lint) is not part of it; callers show it beside.
 */
int match_good(const struct match_question *q,
    const struct match_candidate *c);

#endif

/*
 * Drill history: a card per question (its spaced-repetition state) and
 * every answer given, and the SQL that keeps them in the bank.  Times are
 * seconds since the epoch.  Writes must be called inside
 * bank_begin()/bank_commit().
 */
#ifndef LPC_CARDS_H
#define LPC_CARDS_H

#include <stddef.h>
#include <time.h>

#include "stories/bank.h"

struct card {
	char question[32];
	double stability;	/* days */
	double difficulty;	/* 1 to 10 */
	time_t due;
	time_t last_review;
	int reps, lapses;
};

/* Loads every card, by question id, into a new array (caller frees). */
int cards_load(struct bank *b, struct card **v, size_t *n,
    struct buf *err);

/*
 * How an answer was said, as lp/speech.h measured it: the delivery always,
 * the content when the recogniser ran (recognised).
 */
struct spoken {
	double seconds;		/* the answer's duration */
	double first_word;	/* -1 when no voice was heard */
	double speaking;
	long pauses;		/* of a second or more */
	double longest_pause;
	int recognised;		/* the fields below are measured */
	long words, fillers;
	double wpm, share;	/* share: spoken words over written */
	const char *band;	/* "mostly I", "mixed", ... */
	long figures, figures_said;	/* the story's, and of them said */
	const char *transcript;
	const char *audio;	/* the kept recording's path, or NULL */
};

/*
 * One answer: a drill's rated answer to a question (question, principle
 * and rating set), or a spoken attempt at a story (question, principle
 * NULL and rating 0).
 */
struct answer {
	const char *session, *question, *principle, *loop, *round;
	int rating;		/* 1 again, 2 hard, 3 good, 4 easy; 0 none */
	long long story;	/* the story told, or 0 when unknown */
	int recall;		/* --recall: 1 it fit, 0 it did not; -1 not asked */
	double seconds;
	int over_time;
	time_t at;
	const char *rater;	/* "self" (NULL) or "partner" */
	const char *source;	/* a partner file's digest, or NULL */
	const char *note;	/* the partner's note, or NULL */
	const struct spoken *spoken;	/* how it was said, or NULL */
};

/*
 * Reads the card of question into *c (a new card, zeroed, when there is
 * none: *found says which).  Called inside the write transaction that
 * will save the card again, so that two drills at once cannot lose a
 * review.
 */
int cards_get(struct bank *b, const char *question, struct card *c,
    int *found, struct buf *err);
/* Saves card c; call inside bank_begin()/bank_commit(). */
int cards_put(struct bank *b, const struct card *c, struct buf *err);
/* Records answer a; call inside bank_begin()/bank_commit(). */
int answers_add(struct bank *b, const struct answer *a, struct buf *err);

struct principle_history {
	long drilled;		/* answers */
	int last_rating;	/* 0 when never drilled */
	double avg_seconds;
	double recent;		/* mean of the last three ratings, or 0 */
	long named;		/* answers where a story was named (--recall) */
	long named_fit;		/* of them, the named story fit the question */
	long partner;		/* answers rated by a practice partner */
};

/*
 * History of one principle (slug): every rating counts, the candidate's
 * and a partner's; avg_seconds is over the candidate's own (a partner's
 * mark has no time).
 */
int answers_history(struct bank *b, const char *slug,
    struct principle_history *h, struct buf *err);

/*
 * Sets *n to how many answers came from the partner's file whose digest
 * is source (0: not imported yet).
 */
int answers_from_source(struct bank *b, const char *source, long *n,
    struct buf *err);

/*
 * Sets out[0..*n) to the last max ratings of principle slug, oldest
 * first.
 */
int answers_ratings(struct bank *b, const char *slug, int *out, size_t max,
    size_t *n, struct buf *err);

/*
 * The stories rated good or easy for question qid: their ids in *ids and
 * how many such answers each has in *good (new arrays the caller frees),
 * most answers first, then by id.
 */
int answers_good_for(struct bank *b, const char *qid, long long **ids,
    long **good, size_t *n, struct buf *err);

/* A spoken attempt at a story, as its trend shows it. */
struct attempt {
	time_t at;
	const char *question;	/* NULL for 'speak' */
	struct spoken sp;	/* transcript and audio not loaded */
	int rating;		/* 0 when not rated */
};

/*
 * The spoken attempts at story id, oldest first, into a new array (the
 * caller frees it with attempts_free()).
 */
int answers_attempts(struct bank *b, long long id, struct attempt **v,
    size_t *n, struct buf *err);
void attempts_free(struct attempt *v, size_t n);
/* A practice partner's note on one answer. */
struct partner_note {
	time_t at;
	char *question;		/* owned */
	int mark;		/* 1-4 */
	long long story;	/* the story planned for it, or 0 */
	char *note;		/* owned */
};

/*
 * The partner's notes on the answers to principle slug's questions,
 * oldest first, into a new array (free it with partner_notes_free()).
 */
int answers_partner_notes(struct bank *b, const char *slug,
    struct partner_note **v, size_t *n, struct buf *err);
void partner_notes_free(struct partner_note *v, size_t n);

/* The stories with spoken attempts, by id, into a new array. */
int answers_attempted(struct bank *b, long long **ids, size_t *n,
    struct buf *err);

/*
 * For store_delete(): removes story id's spoken attempts that carry no
 * rating and clears the transcript and recording of the rated ones,
 * before the row goes (the rest of the pair goes by ON DELETE SET NULL).
 */
int answers_forget_story(struct bank *b, long long id, struct buf *err);

#endif

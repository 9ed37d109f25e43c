/*
 * A drill session, less its terminal: the cards and the stories it draws
 * on, the question selection, the FSRS review and recording of each
 * answer, the follow-ups after it (lp/followup.h: the ladder from the
 * story told, then probes none repeated in the session), and the counts
 * for the summary.  cli/drill_ask.c asks the
 * questions and reads the answers; everything it decides with is here.
 */
#ifndef LPC_DRILL_SESSION_H
#define LPC_DRILL_SESSION_H

#include <stdint.h>
#include <time.h>

#include "base/strlist.h"
#include "lp/drill.h"
#include "lp/scoring.h"
#include "stories/cards.h"
#include "stories/loop.h"

struct drill_session {
	struct bank *b;		/* not owned */
	struct drill_select sel;
	struct card *cards;	/* owned; by question id, as sel.cards */
	size_t ncards;
	struct scored stories;	/* with their scores, for the reminders */
	struct linter lint;
	int have_linter;
	long limit;		/* seconds for an answer */
	time_t cap;		/* no due time after this (loop date), or 0 */
	char session_id[64];
	const char *loop, *round;	/* not owned; for the answer records */
	struct follow_memory asked;	/* the follow-ups the session asked */
	long long planned[PRINCIPLE_COUNT];	/* the loop plan's story for
						   each principle, or 0 */
	/* The summary. */
	int ratings[5];
	size_t answered, over;
	double seconds;
	struct strlist revisit;	/* names of principles rated 1 or 2 */
	/* drill --speak: the answers recorded, and what they add up to. */
	size_t spoken, heard;	/* recorded; of them, recognised */
	double spoken_seconds, wpm_sum;
	long pauses, figures, figures_said;
};

/*
 * Opens a session over bank b: its cards, and with stories also every
 * story scored and a linter for their findings.  seed and limit as the
 * drill's --seed and --time.  Returns 0, or -1 with err set; close the
 * session either way.
 */
int drill_session_open(struct drill_session *s, struct bank *b,
    int stories, long limit, uint64_t seed, struct buf *err);
void drill_session_close(struct drill_session *s);

/*
 * Points the selection at loop l: its principles first, weakest first
 * (never drilled, then no ready story, then the lowest recent ratings),
 * and no interval past the day before its date.
 */
int drill_session_use_loop(struct drill_session *s, const struct loop *l,
    struct buf *err);

/*
 * The stories tagged with p, best score first, then by id: indices into
 * s->stories in a new array (the caller frees it); returns how many.
 */
size_t drill_session_stories(const struct drill_session *s,
    const struct principle *p, size_t **out);

/* Which story answered a question, as far as the drill knows. */
struct drill_told {
	long long story;	/* the story told, or 0 when unknown */
	int recall;		/* --recall: 1 it fit, 0 it did not; -1 not asked */
	const struct spoken *spoken;	/* drill --speak: how it was said */
};

#define DRILL_TOLD_UNKNOWN ((struct drill_told){ 0, -1, NULL })

/*
 * The story whose follow-ups a question of p gets: planned when given
 * (the mock's slot), else the loop plan's for p (drill_session_use_loop),
 * else the best for p as drill_session_stories() orders them; 0 for none.
 */
long long drill_session_story(const struct drill_session *s,
    const struct principle *p, long long planned);

/*
 * Puts the ladder of story (an id; 0 or one not in the bank: none) first
 * among it's follow-ups, keeping their number: the probes drill_pick()
 * chose give way, and are not counted as asked.  A story lint cannot read
 * gives no ladder, quietly: the reminders say why.
 */
void drill_session_follow_ups(struct drill_session *s, struct drill_item *it,
    long long story);

/*
 * The rating path every rating takes, the drill's and a practice
 * partner's (lp/partner_import.c): reviews the card of a's question as
 * the bank holds it now with a's rating at a's time (at the card's last
 * review when a is older), capped at cap when not 0, and saves the card
 * into *c and a into the bank.  Call inside bank_begin()/bank_commit();
 * 0, or -1 with err set.
 */
int drill_review(struct bank *b, const struct answer *a, time_t cap,
    struct card *c, struct buf *err);

/*
 * Records rating (1-4) of an answer to q that took secs, told with the
 * story in told: reviews the question's card as the bank holds it now,
 * and saves the card and the answer in one BEGIN IMMEDIATE transaction;
 * then counts it for the summary.  Returns 0, or -1 with err set
 * (nothing saved).
 */
int drill_session_rate(struct drill_session *s, const struct question *q,
    int rating, double secs, struct drill_told told, struct buf *err);

#endif

/*
 * A story's cue card: what to say, on one side of an index card, for the
 * night before.  One line per STAR section, the figures to say, the key
 * first-person actions, the lesson and the speaking time.  Everything on
 * it is text of the story itself, chosen, never written: a line is a
 * whole sentence of its section, a figure is the words that say it, an
 * action is a sentence (from its "I").
 *
 *   a line       the first sentence of the section that carries its
 *                point: Situation, its first sentence of four words or
 *                more; Task and Action, the first where the candidate
 *                speaks ("I", "my", "me"); Result, the first that gives
 *                one of its figures; Reflection (the lesson), the first
 *                sentence.  Lacking one, the first sentence.
 *   ## Card      a line of the story's Card section that starts with a
 *                STAR label ("Result: ...", "- **Action:** ...") wins over
 *                the line chosen from that section; its other lines are
 *                notes, kept in order.
 *   figures      those of lp/figures.h in the Result, then the Action,
 *                a "from" joined to its "to" ("0.71 to 0.88"), each once,
 *                at most CUE_FIGURES (the rest counted, not dropped
 *                silently).
 *   actions      the Action's other first-person sentences, from their
 *                "I", at most CUE_ACTIONS (the rest counted).
 *
 * Comments are not said, so they are never on a card.
 */
#ifndef LPC_CARD_H
#define LPC_CARD_H

#include <stddef.h>

#include "base/strlist.h"
#include "lp/figures.h"
#include "stories/story.h"

#define CUE_FIGURES 4
#define CUE_ACTIONS 3

struct cue_figure {
	int section;		/* SEC_RESULT or SEC_ACTION */
	char *text;		/* owned: as written, "0.71 to 0.88" */
	char metric[48];	/* what it measures, or "" */
};

struct cue_card {
	/* Owned, never NULL ("" for an empty section); [SEC_REFLECTION]
	 * is the lesson. */
	char *line[SEC_COUNT];
	int from_card[SEC_COUNT];	/* the line is the Card's */
	struct cue_figure figures[CUE_FIGURES];
	size_t nfigures, more_figures;
	struct strlist actions;
	size_t more_actions;
	struct strlist notes;		/* the Card's unlabelled lines */
	size_t words;
	long seconds;		/* at the wpm given */
};

/* The user's rubric's figure reader, as lint reads figures. */
struct cue_reader {
	struct linter lint;
	struct figure_reader fr;
};

/* Opens r; 0, or -1 with err set (then r needs no closing). */
int cue_reader_open(struct cue_reader *r, struct buf *err);
void cue_reader_close(struct cue_reader *r);

/*
 * Makes the card of story s at wpm words a minute, reading its figures
 * with fr.  Returns 0, or -1 with err set when the figures could not be
 * read; *c is the caller's to release with cue_card_release() either way.
 */
int cue_card_of(struct figure_reader *fr, const struct story *s, int wpm,
    struct cue_card *c, struct buf *err);
void cue_card_release(struct cue_card *c);

/*
 * The sentences of section text t (comments already out): list items and
 * paragraphs end one, headings are not said, emphasis marks and code
 * ticks are dropped, white space is one blank.  Appended to out.
 */
void cue_sentences(const char *t, struct strlist *out);

/* Whether sentence s has the candidate speaking: "I", "my", "me". */
int cue_first_person(const char *s);

#endif

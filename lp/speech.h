/*
 * Spoken practice: an answer's audio, measured and compared with the
 * written story it tells.
 *
 * Two layers.  Delivery always (lp/voice_activity.h, from the audio
 * alone).  Content when a recogniser is available and the room quiet
 * enough: two recognition passes over the same audio, one with the
 * generic model and one biased towards the story (lp/recognizer.h).  The
 * biased pass gives the transcript, its word count and the words-per-
 * minute; the rubric (fillers, hedges, team credit) runs on it, and the
 * sections told are read from it.  The figures checked against the story
 * (said, or disagreeing with it) come from the generic pass alone: a
 * biased model hears the written figure where another was said.
 *
 * Not measured: "um" and "uh" (the recogniser turns them into "and",
 * "I", "a"), tone, pace within the answer, and an exact I/we count (the
 * recogniser confuses "I" and "a"): the I/we share is a band.
 */
#ifndef LPC_SPEECH_H
#define LPC_SPEECH_H

#include <stddef.h>

#include "base/wav.h"
#include "lp/figures.h"
#include "lp/recognizer.h"
#include "lp/voice_activity.h"
#include "rubrics/linter.h"
#include "stories/story.h"

/* The story model's weight against the generic model. */
#define SPEECH_BIAS_WEIGHT 0.3
/* Spoken words per written word aimed at. */
#define SPEECH_SHARE_LOW 0.6
#define SPEECH_SHARE_HIGH 0.7
/* A section is told when this share of its content words is heard. */
#define SPEECH_TOLD_SHARE 0.4

struct speech_opts {
	const char *model_dir;	/* NULL: the engine's default */
	size_t lead_in;		/* samples of silence before the answer */
};

/* A figure of the story, and whether the answer said it. */
struct figure_said {
	struct figure f;
	char *text;		/* owned: as the story writes it */
	int said;
};

/* A figure said that the story does not give. */
struct figure_heard {
	struct figure f;
	char *text;		/* owned: as transcribed, in digits */
	char *story_text;	/* owned: the story's figure for the same
				 * metric and unit, when it disagrees; NULL
				 * when the story has none */
};

struct speech_report {
	struct delivery d;
	int recognised;		/* the content layer ran */
	char *why_not;		/* owned: why it did not, or NULL */
	const char *engine;	/* the recogniser's name */
	char *transcript;	/* owned: the biased pass, numbers as digits */
	char *generic;		/* owned: the generic pass, likewise */
	size_t words;		/* in the transcript */
	double wpm;		/* words over speaking time */
	size_t fillers;		/* lexical fillers the rubric finds */
	struct lint_result lint;	/* the rubric on the transcript */
	size_t i_words, we_words;
	const char *band;	/* "mostly I", "mixed", "mostly we", "neither" */
	size_t story_words;
	double share;		/* words / story_words */
	struct figure_said *said;	/* owned: the story's figures */
	size_t nsaid;
	struct figure_heard *heard;	/* owned: figures not in the story */
	size_t nheard;
	double told[SEC_COUNT];	/* share of each section's words heard;
				 * -1 for an empty section */
};

/*
 * Measures audio, an answer to story s (NULL: delivery only, no story to
 * hear it against), into r (which the caller
 * releases whatever is returned): delivery always, content when it can,
 * with r->why_not saying why not (noise, no models).  l is the linter
 * whose rubric reads the transcript.  Returns 0, or -1 with err set when
 * the recogniser or the rubric failed.
 */
int speech_analyse(const struct pcm *audio, const struct story *s,
    struct linter *l, const struct speech_opts *o, struct speech_report *r,
    struct buf *err);
void speech_report_release(struct speech_report *r);

/*
 * Inside lp/speech*.c: the comparison with the written story
 * (lp/speech_story.c): figures from r->generic, the generic pass in
 * digits; the sections told from words, the biased pass as said (a
 * section's words, unlike its figures, are what the bias is for).
 */
int speech_compare(struct speech_report *r, const struct story *s,
    struct linter *l, const char *words, struct buf *err);
/*
 * Inside lp/speech*.c: delivery into r (zeroed first), 1 when content is
 * to be measured, else 0 with r->why_not set; and what the two passes'
 * words say, into r (0 or -1); and the story's own language model.
 */
int speech_delivery(const struct pcm *audio, const struct story *s,
    const struct speech_opts *o, struct speech_report *r);
int speech_content(struct speech_report *r, const struct story *s,
    struct linter *l, const char *generic, const char *biased,
    struct buf *err);
void speech_story_model(const struct story *s, struct story_lm *lm);

/*
 * Decoding while the answer is recorded (lp/speech_live.c), so that the
 * report is ready as soon as it ends: both recognition passes are opened
 * before the recording and fed each chunk of the answer as it comes.
 * Opening never fails the recording: a missing model or an engine error
 * is kept and reported by speech_live_finish().
 */
struct speech_live {
	struct recognizer rec[2];	/* generic, biased */
	struct transcript heard[2];	/* their words, utterance by utterance */
	struct story_lm lm;
	int open;		/* rec[] are open */
	int rc;			/* 0, REC_NO_MODEL or -1: the first failure */
	struct buf why;
	struct utterance_cut cut;	/* where utterances end */
	int utterances;		/* ended so far */
};

void speech_live_open(struct speech_live *lv, const struct story *s,
    const struct speech_opts *o);
/* Feeds samples of the answer (after the lead-in). */
void speech_live_feed(struct speech_live *lv, const int16_t *v, size_t n);
/*
 * As speech_analyse(), with the words already decoded: audio (its lead-in
 * as o says) for delivery, lv for content.  Closes lv.
 */
int speech_live_finish(struct speech_live *lv, const struct pcm *audio,
    const struct story *s, struct linter *l, const struct speech_opts *o,
    struct speech_report *r, struct buf *err);
void speech_live_close(struct speech_live *lv);

#endif

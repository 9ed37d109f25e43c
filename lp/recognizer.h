/*
 * Speech recognition behind one interface, so that an engine can be
 * added (whisper.cpp, Vosk, pocketsphinx 5) without touching what reads
 * its words: open, feed audio as it comes, take the words with their
 * times, close.  The built-in engine is pocketsphinx 0.8
 * (lp/recognizer_ps08.c, the only file that knows it); a second engine is
 * a second struct recognizer_engine in a file of its own, chosen in the
 * Makefile (PS_ENGINE) or by recognizer_open().
 *
 * A recogniser may be biased towards a story: its language model is then
 * the engine's generic model interpolated with the story's own trigrams
 * (lp/story_lm.h) at bias_weight.  Numbers checked against a story come
 * from an unbiased recogniser: a biased one hears the written figure.
 */
#ifndef LPC_RECOGNIZER_H
#define LPC_RECOGNIZER_H

#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"
#include "lp/story_lm.h"

/* A word heard, lower case, with its times in seconds. */
struct heard {
	char *word;		/* owned */
	double start, end;
};

struct transcript {
	struct heard *v;	/* owned */
	size_t n, alloc;
};

void transcript_release(struct transcript *t);
/* Appends the words, separated by single spaces. */
void transcript_text(const struct transcript *t, struct buf *out);

/* recognizer_open(): the engine's model files are not installed. */
#define REC_NO_MODEL (-2)

struct recognizer_opts {
	const char *model_dir;	/* NULL: the engine's default */
	const struct story_lm *bias;	/* NULL: the generic model alone */
	double bias_weight;	/* the story model's share, 0 < w < 1 */
};

struct recognizer;

struct recognizer_engine {
	const char *name;	/* "pocketsphinx 0.8" */
	const char *install;	/* what to install for the models */
	const char *default_models;	/* the model directory */
	int (*open)(struct recognizer *r, const struct recognizer_opts *o,
	    struct buf *err);
	int (*feed)(struct recognizer *r, const int16_t *v, size_t n,
	    struct buf *err);
	int (*words)(struct recognizer *r, struct transcript *out,
	    struct buf *err);
	void (*close)(struct recognizer *r);
};

struct recognizer {
	const struct recognizer_engine *engine;
	void *state;		/* the engine's */
};

/* The engine this build has. */
extern const struct recognizer_engine recognizer_builtin;

/*
 * Opens a recogniser of the built-in engine.  Returns 0; REC_NO_MODEL
 * when its model files are missing, with err saying where they were
 * looked for and which package to install; or -1 with err set.  Nothing
 * needs closing unless 0 was returned.
 */
int recognizer_open(struct recognizer *r, const struct recognizer_opts *o,
    struct buf *err);
/* Feeds 16 kHz mono samples; 0 or -1. */
int recognizer_feed(struct recognizer *r, const int16_t *v, size_t n,
    struct buf *err);
/*
 * Ends the utterance and appends the words heard to out (which the caller
 * releases); 0 or -1.
 */
int recognizer_words(struct recognizer *r, struct transcript *out,
    struct buf *err);
void recognizer_close(struct recognizer *r);

#endif

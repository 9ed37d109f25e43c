/*
 * Recording an answer from the default ALSA capture device, 16 kHz mono:
 * a second of the room first (the noise floor), then up to the time
 * limit; Enter (on a terminal) stops early.  Ctrl-C stops and keeps
 * nothing.  Messages to the user go to stderr.
 */
#ifndef LPC_RECORD_H
#define LPC_RECORD_H

#include <stddef.h>

#include "base/buf.h"
#include "base/wav.h"

/*
 * How to record: for seconds (and on, up to max_seconds, until silence
 * ends it), with the countdown drawn and the chunks handed on as they
 * come.
 */
struct record_live {
	int seconds;		/* the time for the answer */
	int max_seconds;	/* never past this */
	double silence;		/* past the limit, stop after this much
				 * silence (the voice's level under the
				 * middle of floor and peak); 0 for never */
	void (*tick)(double secs, void *arg);	/* every 0.1 s */
	/* Each chunk of the answer (not the room's second) as it comes. */
	void (*audio)(const int16_t *v, size_t n, void *arg);
	void *arg;
	int announce;		/* say on stderr when to speak */
};

/* Nonzero when the last recording ended by Ctrl-C. */
int record_interrupted(void);

/*
 * Records into out (the caller's to release), the first *lead_in samples
 * being the second before the answer.  Returns 0, or -1 with err saying
 * why (no capture device: suggesting --wav; interrupted).
 */
int record_live(const struct record_live *o, struct pcm *out,
    size_t *lead_in, struct buf *err);

#endif

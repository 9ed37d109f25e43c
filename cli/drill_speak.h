/*
 * drill --speak: each answer recorded (cli/drill_ask.c records it on a
 * terminal, or reads the WAV file a scripted answer line names), measured
 * against the story told (lp/speech.h), printed in a line or two, and kept
 * with the rating; the summary adds up the spoken answers.
 */
#ifndef LPC_DRILL_SPEAK_H
#define LPC_DRILL_SPEAK_H

#include "base/wav.h"
#include "cli/drill_ask.h"
#include "lp/speech.h"

struct drill_spoken {
	struct speech_report r;
	struct spoken sp;	/* r's measures, for the answer record */
	int have;
};

/*
 * Measures audio (lead_in samples of the room first) against story s
 * (NULL: delivery only) into out, and prints it; lv, when not NULL, is
 * the decoding done while it was recorded (speech_live_open() with s),
 * which this closes.  Returns 0, or -1 when the recogniser failed
 * (reported).  drill_spoken_release() frees out.
 */
int drill_speak_measure(struct drill_ask *d, const struct story *s,
    const struct pcm *audio, size_t lead_in, struct speech_live *lv,
    struct drill_spoken *out);
void drill_spoken_release(struct drill_spoken *sp);

/* The summary's spoken line, when answers were recorded. */
void drill_speak_summary(const struct drill_session *s);

#endif

/*
 * A spoken attempt kept: what lp/speech.h measured of an answer said
 * aloud, saved with the story (and the drill's question and rating, when
 * it came from a drill) in the answer record of stories/cards.h; the
 * recording itself only when the candidate asks to keep it.
 */
#ifndef LPC_ATTEMPT_H
#define LPC_ATTEMPT_H

#include "base/wav.h"
#include "lp/speech.h"
#include "stories/bank.h"
#include "stories/cards.h"

/* The measures of r for the record (pointing into r, which must live). */
void attempt_measures(const struct speech_report *r, struct spoken *sp);

/*
 * Writes audio into directory dir as a new file (never replacing one),
 * named after the story's uid and the time; sets *path (owned) to its
 * path.  Returns 0, or -1 with err set.
 */
int attempt_keep_audio(const char *dir, const struct story *s,
    const struct pcm *audio, char **path, struct buf *err);

/*
 * Saves r, an answer to story s not part of a drill ('lpcoach speak'),
 * with the kept recording's path audio (or NULL), in one BEGIN IMMEDIATE
 * transaction; sets *nth to how many attempts the story has now.
 * Returns 0, or -1 with err set (nothing saved).
 */
int attempt_save(struct bank *b, const struct story *s,
    const struct speech_report *r, const char *audio, size_t *nth,
    struct buf *err);

#endif

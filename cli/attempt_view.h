/*
 * Printing a story's spoken attempts (stories/cards.h, kept by
 * lp/attempt.h): one line per attempt and the trend from the first to
 * the last, for 'show' and 'drill --stats', and as JSON for 'show --json'.
 */
#ifndef LPC_ATTEMPT_VIEW_H
#define LPC_ATTEMPT_VIEW_H

#include <jansson.h>

#include "base/buf.h"
#include "stories/cards.h"

/* Appends "duration 1:05 -> 0:58, 140 -> 152 wpm, ..." for v[0..n). */
void attempt_trend(struct buf *out, const struct attempt *v, size_t n);
/*
 * "#ID TITLE: 3 attempts: ..." for story id (title NULL when it is not
 * in the bank any more), as the report shows each story's trend.
 */
void attempt_story_line(struct buf *out, long long id, const char *title,
    const struct attempt *v, size_t n);
/* Prints the attempts, the last ATTEMPTS_SHOWN of them, and the trend. */
void attempt_print(const struct attempt *v, size_t n);
/* The attempts as a JSON array, oldest first. */
json_t *attempt_json(const struct attempt *v, size_t n);

#define ATTEMPTS_SHOWN 10

#endif

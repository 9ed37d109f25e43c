/*
 * The 16 Leadership Principles as a story names them: slug, name and
 * aliases, loaded once from the embedded stories/data/principles.yaml.
 * A story's principles are always slugs of this catalogue once read, so
 * the catalogue belongs to the story model; what each principle asks of a
 * candidate is coaching, in lp/guide.h.  Every pointer returned is owned
 * by the catalogue and lives until the process ends.
 */
#ifndef LPC_PRINCIPLE_H
#define LPC_PRINCIPLE_H

#include <stddef.h>

#include "base/buf.h"
#include "base/strlist.h"
#include "stories/story.h"

#define PRINCIPLE_COUNT 16

struct principle {
	int index;		/* 0-based catalogue order */
	char *slug;
	char *name;
	struct strlist aliases;
};

/* Principle i (0 to PRINCIPLE_COUNT - 1) in catalogue order. */
const struct principle *principle_at(int i);
/* The principle with exactly this slug, or NULL. */
const struct principle *principle_by_slug(const char *slug);

/*
 * Resolves what a user typed: a slug, a name or an alias (case and
 * punctuation ignored, '&' read as "and"), a unique prefix of a slug, or
 * words that only one principle's slug or aliases hold ("disagree"), else
 * that only one holds words starting with ("earth" for "Earth's"); "and",
 * "the" and such count for nothing.  Returns NULL with a message naming
 * arg and suggesting up to three principles: those holding its words
 * first, then the nearest (or the candidates of an ambiguous prefix).
 */
const struct principle *principle_resolve(const char *arg, struct buf *err);

/*
 * Writes into out the normalised form used for matching: lower case,
 * punctuation dropped, '&' as "and", runs of spaces and dashes as one dash.
 */
void principle_normalise(const char *in, struct buf *out);

/*
 * Replaces the principles of s, as typed, with their slugs, in order and
 * without duplicates.  Every unknown name is reported (prefixed by where
 * and the front-matter line when known); returns 0 or -1.  The primary
 * principle, when set, is resolved the same way and must be one of them.
 */
int principle_canon_story(struct story *s, const char *where,
    struct buf *err);

#endif

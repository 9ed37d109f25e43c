/*
 * Writing stories out: the story file format (YAML front matter written by
 * libyaml's emitter, then the sections) and JSON (jansson).
 */
#ifndef LPC_RENDER_H
#define LPC_RENDER_H

#include <jansson.h>

#include "base/buf.h"
#include "stories/story.h"

/*
 * Appends s as a story file to out: front matter (uid, title, principles,
 * project, tags, created), then Situation, Task, Action and Result, and
 * Reflection when it has text, and Card when it has text.  story_parse() of the result gives back the
 * same content.  Returns 0, or -1 with a message in err.
 */
int story_to_markdown(const struct story *s, struct buf *out,
    struct buf *err);

/* A new JSON array of the strings in l (the caller owns the reference). */
json_t *json_strlist(const struct strlist *l);

/*
 * Returns a new JSON object (the caller owns the reference): id, uid,
 * title, principles, project, tags, words, seconds; with full also the
 * five sections, the card when there is one, created and updated.
 */
json_t *story_to_json(const struct story *s, int wpm, int full);

/*
 * Reads one story object as written by story_to_json(..., 1).  Derived
 * fields (id, words, seconds, updated) are ignored; unknown fields are an
 * error, as in story files.  where names the object in messages.
 */
int story_from_json(json_t *obj, const char *where, struct story *s,
    struct buf *err);

/*
 * Sets s->section_line[] and text_line[] to where each section would be in
 * s rendered as a story file ('show --md'), so that lint positions of a
 * story from the bank point into that form.  Returns 0 or -1.
 */
int story_locate(struct story *s, struct buf *err);

#endif

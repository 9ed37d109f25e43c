/*
 * The story model: one STAR story with its front matter.
 *
 * A struct story owns every string and list in it.  story_init() leaves
 * every section an empty string (never NULL); story_release() frees all
 * and zeroes the struct, which needs story_init() before any reuse;
 * story_reset() is the two together.
 */
#ifndef LPC_STORY_H
#define LPC_STORY_H

#include <stddef.h>
#include <stdint.h>

#include "base/strlist.h"

enum section {
	SEC_SITUATION,
	SEC_TASK,
	SEC_ACTION,
	SEC_RESULT,
	SEC_REFLECTION,
	SEC_COUNT
};

/* Largest story file or JSON document we accept, in bytes. */
#define STORY_MAX_BYTES (1024 * 1024)
/* Default speaking rate for the seconds estimate. */
#define STORY_DEFAULT_WPM 150

struct story {
	long long id;		/* 0 while not stored */
	char *uid;		/* NULL until assigned */
	char *title;		/* NULL only before parsing */
	char *project;		/* NULL when none */
	struct strlist principles;	/* slugs once resolved; as typed before */
	char *primary;		/* the principle the story is chiefly for (a
				 * slug of principles once resolved), or NULL */
	struct strlist tags;
	struct strlist lint_off;	/* rules the front matter turns off
					 * ('lint: {disable: [...]}') */
	char *section[SEC_COUNT];
	char *card;		/* the '## Card' section: the candidate's own
				 * cue card, never NULL; not a STAR section,
				 * so not counted, timed nor linted */
	char *created;		/* ISO 8601 UTC (clock_parse_ms), NULL when
				 * unknown; written with milliseconds */
	char *updated;		/* likewise; NULL when not stored, nor given
				 * by a JSON document */
	long long version;	/* bumped by every stored change */

	/* Where things were in the source file, for messages; 0 if unknown. */
	int principles_line;
	int primary_line;	/* the front matter's 'primary:' */
	int lint_line;		/* the front matter's 'lint:' */
	int section_line[SEC_COUNT];	/* the heading */
	int text_line[SEC_COUNT];	/* the first line of the text */
	int text_col[SEC_COUNT];	/* its column when not 1 (after a
					 * "**Action:**" label), else 0 */
	int card_line;		/* the '## Card' heading */
};

void story_init(struct story *s);
void story_release(struct story *s);
void story_reset(struct story *s);
/* Replaces *dst (which must be initialised) with a deep copy of src. */
void story_copy(struct story *dst, const struct story *src);

/* "Situation", "Task", ...: the heading as written in story files. */
const char *section_name(enum section sec);
/* "situation", "task", ...: the key in JSON and in the database. */
const char *section_key(enum section sec);
/*
 * Maps a heading's text to its section: case is ignored and so are
 * surrounding spaces and a trailing colon; "Actions", "Results",
 * "Learnings", "Lessons" and "Lessons learned" are aliases.  Returns -1 for
 * any other heading.
 */
int section_from_heading(const char *text, size_t len);

/*
 * True when a heading's text is "Card" (case, surrounding spaces and a
 * trailing colon ignored, as for section_from_heading()): the section
 * that holds the candidate's cue card.
 */
int card_heading(const char *text, size_t len);

/* Replaces the string *slot with a copy of value (NULL allowed). */
void story_set(char **slot, const char *value);

/*
 * The file line and column (in characters) of byte off of section sec's
 * text, from text_line[] and text_col[]; 1:1 for sec -1 (the story).
 */
void story_position(const struct story *s, int sec, size_t off, int *line,
    int *col);

/*
 * Words in all sections: runs of non-space containing a letter or digit,
 * outside comments (stories/comment.h), which are not said.
 */
size_t story_words(const struct story *s);
size_t text_words(const char *text);
/* Speaking time in whole seconds at wpm words per minute, rounded. */
long story_seconds(size_t words, int wpm);

/*
 * True when a and b have the same uid, title, project, principles, tags,
 * rules turned off, section texts and card (ids, timestamps and versions are
 * not compared).
 */
int story_same_content(const struct story *a, const struct story *b);

/*
 * A hash (base/hash.h) of everything story_same_content() compares,
 * started from state h: equal content gives equal digests.
 */
uint64_t story_digest(const struct story *s, uint64_t h);

/*
 * Orders pointers to stories (for qsort) by created time (its value, to
 * the millisecond, whichever form it is written in), then uid, then
 * place in the array: the order in which a batch is stored.  Ids thus
 * follow creation time, with ties broken by uid, so exporting a bank and
 * importing it into an empty one gives every story back its id.  Stories
 * without a created time count as created now, and without a uid sort
 * first.
 */
int story_cmp_created(const void *a, const void *b);

#endif

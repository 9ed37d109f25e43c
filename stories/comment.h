/*
 * HTML comments in a story's text, and the lint directives written in
 * them.  A comment stays in the story byte for byte (the bank keeps what
 * you wrote, and 'show --md', 'edit' and 'export' give it back), but it is
 * not part of what you say: it has no words and no time, and lint, 'show'
 * and the drill do not see it.
 *
 *     <!-- lpcoach-disable RULE... -->            the rest of the section
 *     <!-- lpcoach-enable RULE... -->             ends such a disable
 *     <!-- lpcoach-disable-next-line RULE... -->  the line after the comment
 *
 * The front matter's 'lint: {disable: [RULE...]}' covers the whole story
 * (struct story's lint_off).  A comment that starts "lpcoach-" but is none
 * of these, or names no rule, is kept as a bad directive so that lint can
 * say so; whether a rule id exists is for the rubric to say.
 */
#ifndef LPC_COMMENT_H
#define LPC_COMMENT_H

#include <stddef.h>

#include "stories/story.h"

enum directive_kind {
	DIRECTIVE_DISABLE,
	DIRECTIVE_ENABLE,
	DIRECTIVE_NEXT_LINE,
	DIRECTIVE_BAD		/* "lpcoach-..." that is no directive */
};

/* One rule a comment turns off or on (a comment naming three is three). */
struct directive {
	enum directive_kind kind;
	int section;		/* SEC_* */
	size_t start, end;	/* the comment's bytes in the section text */
	int line, column;	/* where the comment starts in the file */
	char *rule;		/* owned: the rule id, or for a bad directive
				 * the word after "lpcoach-" */
};

struct directives {
	struct directive *v;	/* owned, in story order */
	size_t n, alloc;
};

/*
 * Finds the first comment of t that starts at or after t[from]: sets
 * *start to its "<!--" and *end just past its "-->", and returns 1; or
 * returns 0 when there is none.  A "<!--" that is never closed is text,
 * as cmark would show it, and so is every "<!--" after it (none of them
 * can be closed either), so walking a text with it is linear however many
 * unclosed comments it holds.
 */
int comment_next(const char *t, size_t from, size_t *start, size_t *end);

/*
 * Overwrites every comment in t with blanks, keeping its line breaks, so
 * that t keeps its length and every byte after a comment its position.
 */
void comments_blank(char *t);

/*
 * A copy of t without its comments, for reading: a line left blank only
 * by a removed comment goes too.  The caller frees it.
 */
char *comments_strip(const char *t);

/* Reads the directives of every section of s (located or not). */
void directives_read(const struct story *s, struct directives *out);
void directives_release(struct directives *d);

/*
 * Whether rule is turned off for a finding in section sec at byte off of
 * its text, on file line 'line' (0 when unknown): by the front matter, by
 * a disable earlier in the section that no enable ended, or by a
 * disable-next-line on the line before.  off is (size_t)-1 for a finding
 * about a whole section, which any disable in it covers; sec is -1 for
 * one about the whole story, which only the front matter covers.
 */
int directives_off(const struct directives *d, const struct story *s,
    const char *rule, int sec, size_t off, int line);

#endif

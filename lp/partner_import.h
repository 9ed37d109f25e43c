/*
 * A practice partner's marks, as the packet's template (lp/partner.h)
 * comes back filled in:
 *
 *     date: 2026-11-21          # the day of the mock
 *     loop: "l"                 # optional: the loop it rehearsed
 *     marks:
 *       - question: own-q01     # a question of the bank
 *         mark: 3               # 1-4; empty: not asked
 *         note: "good numbers"  # optional
 *
 * Read with libyaml (base/ydoc.h) and checked item by item: every
 * problem is named with the file and line, and one problem means nothing
 * is recorded.  Recording a mark takes the drill's rating path
 * (lp/drill_session.h: the question's FSRS card, an answer row), dated
 * by the file's date and marked as the partner's (rater 'partner',
 * source the file's digest), all in one BEGIN IMMEDIATE transaction; a
 * file whose digest the bank already holds records nothing.  Each mark
 * keeps the partner's note, and the story the loop's plan tells for the
 * question's principle (what the packet showed), when the file names a
 * loop the bank has.
 */
#ifndef LPC_PARTNER_IMPORT_H
#define LPC_PARTNER_IMPORT_H

#include <stddef.h>
#include <time.h>

#include "base/buf.h"
#include "lp/question.h"
#include "stories/bank.h"

struct partner_mark {
	const struct question *q;
	int mark;		/* 1 to 4 */
	char *note;		/* owned, or NULL */
	size_t line;		/* of the item, from 1 */
};

struct partner_marks {
	char date[11];		/* the mock's, YYYY-MM-DD */
	time_t at;		/* when the marks are dated: noon that day, or
				 * now when that is later than now */
	char *loop;		/* owned, or NULL */
	struct partner_mark *v;	/* owned, in the file's order */
	size_t n;
	size_t blank;		/* questions left without a mark */
	char source[17];	/* the file's digest, 16 hex digits */
};

/*
 * Reads the marks in text[0..len), the contents of the file named path
 * (for the messages), into *m.  Returns 0, or -1 with every problem in
 * err, one "PATH:LINE: what" line each; *m is the caller's to release
 * with partner_marks_release() either way.
 */
int partner_marks_parse(const char *path, const char *text, size_t len,
    struct partner_marks *m, struct buf *err);
/* partner_marks_parse() on the file at path. */
int partner_marks_load(const char *path, struct partner_marks *m,
    struct buf *err);
void partner_marks_release(struct partner_marks *m);

/*
 * Records marks m in bank b in one BEGIN IMMEDIATE transaction.  Sets
 * *already to the number of answers the bank holds from this file (then
 * nothing is recorded), else 0.  Returns 0, or -1 with err set (nothing
 * recorded).
 */
int partner_import(struct bank *b, const struct partner_marks *m,
    long *already, struct buf *err);

#endif

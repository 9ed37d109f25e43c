/*
 * Quoting a word for a POSIX shell, for the commands lpcoach prints as
 * hints ("next: lpcoach loop plan 'My Onsite!'") so that they can be
 * pasted as they stand.
 */
#ifndef LPC_SHQUOTE_H
#define LPC_SHQUOTE_H

#include "base/buf.h"

/*
 * Appends word to b: bare when it is non-empty and only of the safe
 * characters A-Z a-z 0-9 and - _ . / : = + @ %, else in single quotes
 * with each embedded ' written as '\''.
 */
void shquote(struct buf *b, const char *word);

/* shquote() into a new string; the caller owns it. */
char *shquote_dup(const char *word);

#endif

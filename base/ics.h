/*
 * Writing iCalendar (RFC 5545) content lines: NAME[;PARAM=...]:VALUE,
 * ended by CRLF and folded so that no line is longer than 75 octets (a
 * continuation line begins with one space), never inside a UTF-8
 * character.  TEXT values escape backslash, semicolon, comma and newline
 * (RFC 5545 3.3.11); other control characters, which TEXT cannot hold,
 * become spaces.  This writes; it does not parse.
 */
#ifndef LPC_ICS_H
#define LPC_ICS_H

#include "base/buf.h"

#define ICS_LINE_MAX 75		/* octets per line, without the CRLF */

/* Appends text to b escaped as a TEXT value, unfolded. */
void ics_escape(struct buf *b, const char *text);

/*
 * Appends the content line name:value to b, folded, with its CRLF.  name
 * may carry parameters ("DTSTART;VALUE=DATE"); value is written as it is.
 */
void ics_line(struct buf *b, const char *name, const char *value);

/* ics_line() with text escaped as a TEXT value. */
void ics_text(struct buf *b, const char *name, const char *text);

#endif

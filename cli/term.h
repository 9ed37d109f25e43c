/*
 * Terminal output.  Story text may hold control characters (an OSC 52
 * clipboard write, a screen clear, a bidi override); every text view
 * escapes them so that printing a story never drives the terminal.
 */
#ifndef LPC_TERM_H
#define LPC_TERM_H

#include <jansson.h>
#include <stdio.h>

/* Resolves --color (-1 auto, 0 never, 1 always) against NO_COLOR and f. */
int term_color_on(int color_opt, FILE *f);

/*
 * Writes s to f with C0 and C1 controls, DEL and bidi controls shown as
 * visible escapes (\x1b, \u202e).  Newlines and tabs pass when multiline.
 */
void term_puts(FILE *f, const char *s, int multiline);
/* printf through term_puts(f, ..., 1): for lines that quote user names. */
void term_printf(FILE *f, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Like term_puts(..., 0), truncated to width columns with an ellipsis. */
void term_cell(FILE *f, const char *s, int width);
/* Like term_cell() without the padding: for the end of a line. */
void term_clip(FILE *f, const char *s, int width);
/* Display columns term_cell() would use for s (escapes counted). */
int term_width_of(const char *s);

/*
 * Writes s word-wrapped to width columns, starting at column col (where
 * the cursor is) and indenting every further line by indent spaces;
 * escapes as term_puts().  Ends with a newline.
 */
void term_wrap(FILE *f, const char *s, int indent, int col, int width);

/*
 * The width output to f should fit: $COLUMNS when it is a positive
 * number, else the terminal's when f is one, else 0 (fit nothing).
 */
int term_columns(FILE *f);

/* Starts and ends a style (SGR code such as "1" or "33") when on. */
void term_style(FILE *f, int on, const char *sgr);
void term_reset(FILE *f, int on);

/* Prints j as indented JSON followed by a newline; returns 0 or -1. */
int json_print(json_t *j);
/* The json_dumpf flags for f: indented, ordered, ASCII-only on a terminal. */
size_t json_flags(FILE *f);

#endif

/*
 * Inside the figure reader (lp/figures.c): reading the number, unit and
 * period of one figure (lp/figure_number.c), and the word helpers both
 * files use.  Nothing outside lp/figures*.c includes this.
 */
#ifndef LPC_FIGURE_NUMBER_H
#define LPC_FIGURE_NUMBER_H

#include <stddef.h>

#include "lp/figures.h"

/* A word of text t at i, lower case, into w; returns its end. */
size_t fig_word_at(const char *t, size_t i, size_t len, char *w,
    size_t wsize);
/* Past the blanks and line breaks at t[i]. */
size_t fig_skip_blanks(const char *t, size_t i, size_t len);
/* Whether w is one of the NULL-terminated list. */
int fig_in(const char *w, const char *const *list);
/* The value of one number word ("ten", "twenty-five"), or -1. */
double fig_numword(const char *w);
/* Whether w is a unit word ("ms", "hours", "percent", "x"). */
int fig_is_unit(const char *w);
/* "a year", "per month" at t[i]: sets f's period; returns its end or i. */
size_t fig_read_period(const char *t, size_t i, size_t len,
    struct figure *f);
/*
 * Reads the figure the {{figure}} fragment found in t[ms..me) into f
 * (start, value, unit, currency, period); returns where it ends (past me
 * when the unit follows), or 0 when nothing there is a number.
 */
size_t fig_read_number(const char *t, size_t len, size_t ms, size_t me,
    struct figure *f);

#endif

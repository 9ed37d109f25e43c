/*
 * Allocation wrappers that never return NULL: on failure they print a
 * message naming the size and exit with status 2.  Callers therefore never
 * branch on allocation failure.  The caller owns (and frees with free())
 * every pointer these return.
 */
#ifndef LPC_XALLOC_H
#define LPC_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
/* Grows *array to hold at least want elements of size elem, doubling. */
void *xgrow(void *array, size_t *alloc, size_t want, size_t elem);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

#endif

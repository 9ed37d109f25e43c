/* A list of owned strings.  The list owns every string in v. */
#ifndef LPC_STRLIST_H
#define LPC_STRLIST_H

#include <stddef.h>

#include "base/buf.h"

struct strlist {
	char **v;
	size_t n;
	size_t alloc;
};

#define STRLIST_INIT { NULL, 0, 0 }

/* Appends a copy of s. */
void strlist_push(struct strlist *l, const char *s);
/* Appends s itself; the list takes ownership. */
void strlist_push_owned(struct strlist *l, char *s);
/* Returns the index of s, or -1. */
long strlist_find(const struct strlist *l, const char *s);
void strlist_remove(struct strlist *l, size_t i);
void strlist_copy(struct strlist *dst, const struct strlist *src);
int strlist_equal(const struct strlist *a, const struct strlist *b);
void strlist_clear(struct strlist *l);
/* Sorts l in byte order (strcmp). */
void strlist_sort(struct strlist *l);
/*
 * Removes every string that appears earlier in l, keeping the order of
 * the first of each; O(n log n), for lists of any length.
 */
void strlist_uniq(struct strlist *l);

/*
 * Appends to out, sorted, the names in directory dir that do not start
 * with '.' and end with one of the NULL-terminated suffixes (any name when
 * suffixes is NULL).  Returns 0, or -1 with a message naming dir.
 */
int dir_names(const char *dir, const char *const *suffixes,
    struct strlist *out, struct buf *err);

#endif

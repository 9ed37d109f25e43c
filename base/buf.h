/*
 * A growable byte string, in the manner of git's strbuf.
 *
 * Invariants: after buf_init() (or BUF_INIT) b->s is never NULL and is
 * always NUL-terminated at b->len; b->len never counts the terminator.
 * The buffer owns b->s; buf_detach() is the only way to take it.
 */
#ifndef LPC_BUF_H
#define LPC_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
	char *s;
	size_t len;
	size_t alloc;
};

extern char buf_empty[];
#define BUF_INIT { buf_empty, 0, 0 }

void buf_init(struct buf *b);
/* Frees the memory and leaves b as after buf_init(). */
void buf_release(struct buf *b);
/* Empties b but keeps its memory. */
void buf_reset(struct buf *b);
/* Returns the string; the caller owns it and b is reset to empty. */
char *buf_detach(struct buf *b);
void buf_grow(struct buf *b, size_t extra);
void buf_add(struct buf *b, const void *data, size_t n);
void buf_adds(struct buf *b, const char *s);
void buf_addc(struct buf *b, char c);
void buf_addf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void buf_vaddf(struct buf *b, const char *fmt, va_list ap);
/* Removes trailing white space (space, tab, CR, LF). */
void buf_rtrim(struct buf *b);

#endif

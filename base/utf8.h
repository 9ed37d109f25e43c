/*
 * Strict UTF-8 checks (RFC 3629): no overlong forms, no surrogates,
 * nothing above U+10FFFF.
 */
#ifndef LPC_UTF8_H
#define LPC_UTF8_H

#include <stddef.h>
#include <stdint.h>

/*
 * Decodes one code point at s (at most len bytes).  Returns the number of
 * bytes it takes (1 to 4) and stores it in *cp, or returns 0 when the bytes
 * there are not valid UTF-8.
 */
size_t utf8_decode(const char *s, size_t len, uint32_t *cp);

/*
 * Returns the byte offset of the first invalid sequence or NUL byte in
 * s[0..len), or -1 when the whole of it is valid UTF-8 without NUL.
 * *why, when not NULL, is set to a static description of the problem.
 */
long utf8_check(const char *s, size_t len, const char **why);

/*
 * Appends s[0..len) to out with each invalid byte and each NUL replaced
 * by U+FFFD, so the result is valid UTF-8; returns how many were replaced.
 */
struct buf;
size_t utf8_salvage(const char *s, size_t len, struct buf *out);

/* 1 for the bidirectional controls (U+202A-202E, U+2066-2069, marks). */
int utf8_is_bidi_control(uint32_t cp);

/*
 * 1 when s is a name fit to show and store: valid UTF-8, 1 to max code
 * points, and no C0 or C1 control, DEL or bidi control.
 */
int utf8_name_ok(const char *s, size_t max);

/* Counts code points in s[0..len) (each invalid byte counts as one). */
size_t utf8_length(const char *s, size_t len);
/*
 * The bytes the first chars code points of s[0..len) take (all of it when
 * it is shorter): a cut there never splits a character.
 */
size_t utf8_prefix(const char *s, size_t len, size_t chars);

#endif

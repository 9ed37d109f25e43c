/*
 * Character classes and case for ASCII only, whatever the locale (in the
 * manner of git's sane_ctype).  Under tr_TR, tolower('I') is not 'i', and
 * under a Latin-1 locale isalnum(0xE9) is true, so <ctype.h> cannot make
 * the ASCII that uids, slugs and principle names promise.  Bytes from 0x80
 * up, and negative chars, are in no class and are left as they are.
 */
#ifndef LPC_ASCII_H
#define LPC_ASCII_H

#include <stddef.h>

static inline int
ascii_isdigit(int c)
{
	return c >= '0' && c <= '9';
}

static inline int
ascii_islower(int c)
{
	return c >= 'a' && c <= 'z';
}

static inline int
ascii_isupper(int c)
{
	return c >= 'A' && c <= 'Z';
}

static inline int
ascii_isalpha(int c)
{
	return ascii_islower(c) || ascii_isupper(c);
}

static inline int
ascii_isalnum(int c)
{
	return ascii_isalpha(c) || ascii_isdigit(c);
}

/* Space, tab, newline, vertical tab, form feed, carriage return. */
static inline int
ascii_isspace(int c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

static inline int
ascii_tolower(int c)
{
	return ascii_isupper(c) ? c - 'A' + 'a' : c;
}

static inline int
ascii_toupper(int c)
{
	return ascii_islower(c) ? c - 'a' + 'A' : c;
}

/* strcasecmp() and strncasecmp() folding ASCII letters only. */
int ascii_strcasecmp(const char *a, const char *b);
int ascii_strncasecmp(const char *a, const char *b, size_t n);

#endif

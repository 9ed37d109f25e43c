/*
 * Data files compiled into the binary, so that lpcoach runs from any
 * directory with nothing installed.  Each is NUL-terminated; the length
 * excludes the NUL.  The bytes are static: never free them.
 */
#ifndef LPC_EMBED_H
#define LPC_EMBED_H

#include <stddef.h>

struct embedded {
	const char *data;
	size_t len;
};

struct embedded embed_principles(void);
struct embedded embed_questions(void);

#endif

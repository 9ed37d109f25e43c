/*
 * Data files compiled into the binary, so that lpcoach runs from any
 * directory with nothing installed.  EMBED(sym, "path") pulls a file in
 * with the assembler's .incbin (GCC and Clang on ELF targets, which is all
 * lpcoach is built for) and NUL-terminates it; the Makefile makes the
 * object depend on the file.  The bytes are static: never free them.
 */
#ifndef LPC_EMBED_H
#define LPC_EMBED_H

#include <stddef.h>

struct embedded {
	const char *name;	/* the file's name, for messages */
	const char *data;	/* NUL-terminated */
	size_t len;		/* without the NUL */
};

#define EMBED(sym, file) \
	__asm__(".section .rodata\n" \
	    ".global " #sym "\n" \
	    ".balign 16\n" \
	    #sym ":\n" \
	    ".incbin \"" file "\"\n" \
	    ".byte 0\n" \
	    ".global " #sym "_end\n" \
	    #sym "_end:\n" \
	    ".previous\n"); \
	extern const char sym[], sym##_end[]

#define EMBEDDED(sym, file) \
	((struct embedded){ file, sym, (size_t)(sym##_end - sym) - 1 })

#endif

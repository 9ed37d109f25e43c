/*
 * The assembler's .incbin pulls each data file in at build time; the
 * Makefile makes this object depend on those files.  GCC and Clang on ELF
 * targets both accept it, which is all lpcoach is built for.
 */
#include "lp/embed.h"

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

EMBED(lpc_principles_yaml, "lp/data/principles.yaml");
EMBED(lpc_questions_yaml, "lp/data/questions.yaml");

struct embedded
embed_principles(void)
{
	struct embedded e = { lpc_principles_yaml,
		(size_t)(lpc_principles_yaml_end - lpc_principles_yaml) - 1 };
	return e;
}

struct embedded
embed_questions(void)
{
	struct embedded e = { lpc_questions_yaml,
		(size_t)(lpc_questions_yaml_end - lpc_questions_yaml) - 1 };
	return e;
}

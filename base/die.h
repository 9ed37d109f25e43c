/*
 * The two ways a library function may end the process: memory ran out
 * (base/xalloc.h), or data compiled into the binary is broken, which is a
 * defect of the build and not something the user can fix.  Everything
 * else is reported to the caller, and only cli/ decides to exit.
 */
#ifndef LPC_DIE_H
#define LPC_DIE_H

/* Prints "lpcoach: internal error: MESSAGE" and exits with status 2. */
void die_internal(const char *fmt, ...)
	__attribute__((format(printf, 1, 2), noreturn));

#endif

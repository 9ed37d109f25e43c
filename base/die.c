#include "base/die.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

void
die_internal(const char *fmt, ...)
{
	va_list ap;

	fputs("lpcoach: internal error: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(2);
}

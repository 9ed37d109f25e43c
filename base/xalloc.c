#include "base/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void __attribute__((noreturn))
die_oom(size_t n)
{
	fprintf(stderr, "lpcoach: out of memory allocating %zu bytes\n", n);
	exit(2);
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		die_oom(n);
	return p;
}

void *
xcalloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);

	if (p == NULL)
		die_oom(count * size);
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (q == NULL)
		die_oom(n);
	return q;
}

void *
xgrow(void *array, size_t *alloc, size_t want, size_t elem)
{
	size_t n = *alloc ? *alloc : 8;

	if (want <= *alloc)
		return array;
	while (n < want) {
		if (n > ((size_t)-1) / 2 / elem)
			die_oom((size_t)-1);
		n *= 2;
	}
	*alloc = n;
	return xrealloc(array, n * elem);
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

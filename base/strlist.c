#include "base/strlist.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

void
strlist_push_owned(struct strlist *l, char *s)
{
	l->v = xgrow(l->v, &l->alloc, l->n + 1, sizeof(*l->v));
	l->v[l->n++] = s;
}

void
strlist_push(struct strlist *l, const char *s)
{
	strlist_push_owned(l, xstrdup(s));
}

long
strlist_find(const struct strlist *l, const char *s)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->v[i], s) == 0)
			return (long)i;
	return -1;
}

void
strlist_remove(struct strlist *l, size_t i)
{
	free(l->v[i]);
	memmove(l->v + i, l->v + i + 1, (l->n - i - 1) * sizeof(*l->v));
	l->n--;
}

void
strlist_copy(struct strlist *dst, const struct strlist *src)
{
	size_t i;

	for (i = 0; i < src->n; i++)
		strlist_push(dst, src->v[i]);
}

int
strlist_equal(const struct strlist *a, const struct strlist *b)
{
	size_t i;

	if (a->n != b->n)
		return 0;
	for (i = 0; i < a->n; i++)
		if (strcmp(a->v[i], b->v[i]) != 0)
			return 0;
	return 1;
}

void
strlist_clear(struct strlist *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = l->alloc = 0;
}

static int
by_bytes(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void
strlist_sort(struct strlist *l)
{
	if (l->n)
		qsort(l->v, l->n, sizeof(*l->v), by_bytes);
}

/* An entry of l for strlist_uniq(): its string and where it was. */
struct entry {
	const char *s;
	size_t at;
};

static int
by_string_then_place(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;
	int c = strcmp(x->s, y->s);

	return c ? c : x->at < y->at ? -1 : x->at > y->at;
}

void
strlist_uniq(struct strlist *l)
{
	struct entry *e;
	unsigned char *dup;
	size_t i, k;

	if (l->n < 2)
		return;
	e = xcalloc(l->n, sizeof(*e));
	dup = xcalloc(l->n, 1);
	for (i = 0; i < l->n; i++) {
		e[i].s = l->v[i];
		e[i].at = i;
	}
	qsort(e, l->n, sizeof(*e), by_string_then_place);
	for (i = 1; i < l->n; i++)
		if (strcmp(e[i].s, e[i - 1].s) == 0)
			dup[e[i].at] = 1;
	for (i = k = 0; i < l->n; i++) {
		if (dup[i])
			free(l->v[i]);
		else
			l->v[k++] = l->v[i];
	}
	l->n = k;
	free(e);
	free(dup);
}

static int
has_suffix(const char *name, const char *const *suffixes)
{
	size_t n = strlen(name), m;
	int i;

	if (suffixes == NULL)
		return 1;
	for (i = 0; suffixes[i]; i++) {
		m = strlen(suffixes[i]);
		if (n > m && strcmp(name + n - m, suffixes[i]) == 0)
			return 1;
	}
	return 0;
}

int
dir_names(const char *dir, const char *const *suffixes, struct strlist *out,
    struct buf *err)
{
	struct strlist names = STRLIST_INIT;
	struct dirent *de;
	DIR *d = opendir(dir);
	size_t i;

	if (d == NULL) {
		buf_addf(err, "%s: cannot open directory: %s\n", dir,
		    strerror(errno));
		return -1;
	}
	while ((de = readdir(d)) != NULL)
		if (de->d_name[0] != '.' && has_suffix(de->d_name, suffixes))
			strlist_push(&names, de->d_name);
	closedir(d);
	strlist_sort(&names);
	for (i = 0; i < names.n; i++)
		strlist_push_owned(out, names.v[i]);
	free(names.v);
	return 0;
}

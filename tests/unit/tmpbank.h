/*
 * A scratch bank for unit tests, in a new directory under /tmp, with the
 * clock fixed: tmpbank_open() makes it (0, or -1 after printing why) and
 * tmpbank_close() closes it and removes the directory (0, or -1);
 * tmpbank_add() adds stories v[0..n) as 'lpcoach add' would and releases
 * them (0, or -1 after printing why).  tmpbank_teardown() is a cmocka
 * teardown for an allocated fixture whose first member is a struct
 * tmpbank: it closes the bank and frees the fixture.
 * Header-only: each test binary is one .c file and the library.
 */
#ifndef LPC_TESTS_TMPBANK_H
#define LPC_TESTS_TMPBANK_H

#include <stdio.h>
#include <stdlib.h>

#include "lp/story_edit.h"
#include "stories/bank.h"

struct tmpbank {
	char dir[64];
	struct bank b;
};

static inline int
tmpbank_open(struct tmpbank *t, const char *name)
{
	struct buf err = BUF_INIT, p = BUF_INIT;
	int rc = 0;

	setenv("LPCOACH_NOW", "2026-01-02T03:04:05Z", 1);
	snprintf(t->dir, sizeof(t->dir), "/tmp/lpcoach-%s-XXXXXX", name);
	if (mkdtemp(t->dir) == NULL)
		return -1;
	buf_addf(&p, "%s/bank.db", t->dir);
	if (bank_open(&t->b, p.s, BANK_WRITE, &err) < 0) {
		fprintf(stderr, "%s", err.s);
		rc = -1;
	}
	buf_release(&err);
	buf_release(&p);
	return rc;
}

static inline int
tmpbank_close(struct tmpbank *t)
{
	char cmd[128];

	bank_close(&t->b);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", t->dir);
	return system(cmd) == 0 ? 0 : -1;
}

static inline int
tmpbank_add(struct tmpbank *t, struct story *v, size_t n)
{
	struct buf err = BUF_INIT;
	struct story **order = NULL;
	char *from[] = { "a.md", "b.md", "c.md", "d.md" };
	size_t i;
	int rc = 0;

	if (n > sizeof(from) / sizeof(from[0]))
		return -1;
	if (stories_add(&t->b, v, from, n, &order, &err) < 0) {
		fprintf(stderr, "%s", err.s);
		rc = -1;
	}
	free(order);
	for (i = 0; i < n; i++)
		story_release(&v[i]);
	buf_release(&err);
	return rc;
}

static inline int
tmpbank_teardown(void **state)
{
	struct tmpbank *t = *state;	/* the fixture's first member */
	int rc = tmpbank_close(t);

	free(t);
	return rc;
}

#endif

/*
 * The default rubric's linter for a unit test: one per test binary,
 * opened by linter_setup() and closed by linter_teardown(), a cmocka
 * group setup and teardown.  Header-only, as tests/unit/tmpbank.h.
 */
#ifndef LPC_TESTS_LINTER_FIXTURE_H
#define LPC_TESTS_LINTER_FIXTURE_H

#include "rubrics/linter.h"

static struct linter lint;

static int
linter_setup(void **state)
{
	struct buf err = BUF_INIT;

	(void)state;
	if (linter_open(&lint, NULL, &err) < 0)
		fail_msg("%s", err.s);
	buf_release(&err);
	return 0;
}

static int
linter_teardown(void **state)
{
	(void)state;
	linter_close(&lint);
	return 0;
}

#endif

/* Coverage at the level of questions (lp/cover_questions.h), fixed bank. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/xalloc.h"
#include "lp/cover_questions.h"
#include "lp/story_edit.h"
#include "tests/unit/tmpbank.h"

struct fixture {
	struct tmpbank t;	/* first: see tmpbank_teardown() */
	const struct principle *frugality, *ownership;
	const struct question *fq, *oq;	/* each one's first question */
};

/* The first main question of principle p. */
static const struct question *
first_of(const struct principle *p)
{
	struct question_filter f = { .principles = &p, .nprinciples = 1 };
	const struct question **v, *q;
	size_t n;

	v = question_select(&f, &n);
	assert_true(n > 0);
	q = v[0];
	free(v);
	return q;
}

/* Main questions of p, counted. */
static size_t
count_of(const struct principle *p)
{
	struct question_filter f = { .principles = &p, .nprinciples = 1 };
	const struct question **v;
	size_t n;

	v = question_select(&f, &n);
	free(v);
	return n;
}

/* A story tagged p whose Action is text: words the matcher can find. */
static void
make(struct story *s, const char *uid, const char *p, const char *text)
{
	story_init(s);
	s->uid = xstrdup(uid);
	s->title = xstrdup(uid);
	strlist_push(&s->principles, p);
	story_set(&s->section[SEC_ACTION], text);
}

static int
open_bank(struct fixture *f)
{
	if (tmpbank_open(&f->t, "qcover") < 0)
		return -1;
	f->frugality = principle_by_slug("frugality");
	f->ownership = principle_by_slug("ownership");
	f->fq = first_of(f->frugality);
	f->oq = first_of(f->ownership);
	return 0;
}

/*
 * Two frugality stories telling the first frugality question's words, and
 * one with the first ownership question's words but tagged frugality.
 */
static int
setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof(*f));
	struct story v[3];

	if (open_bank(f) < 0)
		return -1;
	make(&v[0], "frug-a", "frugality", f->fq->text);
	make(&v[1], "frug-b", "frugality", f->fq->text);
	make(&v[2], "own-words", "frugality", f->oq->text);
	if (tmpbank_add(&f->t, v, 3) < 0)
		return -1;
	*state = f;
	return 0;
}

static int
setup_empty(void **state)
{
	struct fixture *f = xcalloc(1, sizeof(*f));

	if (open_bank(f) < 0)
		return -1;
	*state = f;
	return 0;
}

static const struct qcover_row *
row_of(const struct qcover *c, const struct question *q)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		if (c->v[i].q == q)
			return &c->v[i];
	fail_msg("question %s not gathered", q->id);
	return NULL;
}

static void
compute(struct fixture *f, const struct principle *only, struct qcover *c)
{
	int in_scope[PRINCIPLE_COUNT] = { 0 };
	struct buf err = BUF_INIT;

	in_scope[only->index] = 1;
	assert_int_equal(qcover_compute(&f->t.b, in_scope, c, &err), 0);
	buf_release(&err);
}

static void
counts_add_up(const struct qcover *c)
{
	size_t i, answered = 0, single = 0;

	for (i = 0; i < c->n; i++) {
		answered += c->v[i].good > 0;
		single += c->v[i].good == 1;
		assert_true((c->v[i].fit == QFIT_GOOD) == (c->v[i].good > 0));
		assert_true((c->v[i].story == NULL) ==
		    (c->v[i].fit == QFIT_NONE));
	}
	assert_int_equal(c->answered, answered);
	assert_int_equal(c->unanswered, c->n - answered);
	assert_int_equal(c->single, single);
}

/* Tagged and with the question's words: good, twice; tags alone: not. */
static void
good_answers_need_the_tag_and_the_words(void **state)
{
	struct fixture *f = *state;
	const struct qcover_row *row;
	struct qcover c1, c2;
	size_t i;

	compute(f, f->frugality, &c1);
	assert_int_equal(c1.n, count_of(f->frugality));
	for (i = 0; i < c1.n; i++)
		assert_ptr_equal(c1.v[i].q->principle, f->frugality);
	row = row_of(&c1, f->fq);
	assert_int_equal(row->fit, QFIT_GOOD);
	assert_int_equal(row->good, 2);
	assert_non_null(row->story);
	assert_true(strncmp(row->story->uid, "frug-", 5) == 0);
	assert_true(row->terms.n > 0);
	counts_add_up(&c1);

	/* The same bank gives the same coverage. */
	compute(f, f->frugality, &c2);
	assert_int_equal(c1.n, c2.n);
	for (i = 0; i < c1.n; i++) {
		assert_int_equal(c1.v[i].fit, c2.v[i].fit);
		assert_int_equal(c1.v[i].good, c2.v[i].good);
		assert_true(c1.v[i].story == NULL ||
		    c1.v[i].story->id == c2.v[i].story->id);
	}
	qcover_release(&c1);
	qcover_release(&c2);

	/* Its words, tagged with another principle: partial, never good. */
	compute(f, f->ownership, &c1);
	assert_int_equal(c1.n, count_of(f->ownership));
	row = row_of(&c1, f->oq);
	assert_int_equal(row->fit, QFIT_PARTIAL);
	assert_int_equal(row->good, 0);
	assert_string_equal(row->story->uid, "own-words");
	assert_int_equal(c1.answered, 0);
	assert_int_equal(c1.unanswered, c1.n);
	counts_add_up(&c1);
	qcover_release(&c1);
}

static void
an_empty_bank_answers_nothing(void **state)
{
	struct fixture *f = *state;
	struct buf err = BUF_INIT;
	struct qcover c;
	size_t i;

	assert_int_equal(qcover_compute(&f->t.b, NULL, &c, &err), 0);
	assert_true(c.n >= 16);
	for (i = 0; i < c.n; i++) {
		assert_int_equal(c.v[i].fit, QFIT_NONE);
		assert_null(c.v[i].story);
	}
	assert_int_equal(c.unanswered, c.n);
	assert_int_equal(c.single, 0);
	counts_add_up(&c);
	qcover_release(&c);
	buf_release(&err);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
		    good_answers_need_the_tag_and_the_words,
		    setup, tmpbank_teardown),
		cmocka_unit_test_setup_teardown(
		    an_empty_bank_answers_nothing,
		    setup_empty, tmpbank_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

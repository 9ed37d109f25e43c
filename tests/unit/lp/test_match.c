/* Ranking stories for a question (lp/match.h) and its synonym table. */
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
#include "lp/match.h"
#include "lp/story_edit.h"
#include "stories/fts.h"
#include "tests/unit/tmpbank.h"

struct fixture {
	struct tmpbank t;	/* first: see tmpbank_teardown() */
};

/* A story: title, one principle, and its Action. */
static void
make(struct story *s, const char *uid, const char *title, const char *p,
    const char *action)
{
	story_init(s);
	s->uid = xstrdup(uid);
	s->title = xstrdup(title);
	strlist_push(&s->principles, p);
	story_set(&s->section[SEC_SITUATION], "Our team ran a service.");
	story_set(&s->section[SEC_ACTION], action);
	story_set(&s->section[SEC_RESULT], "It changed by 40% in a month.");
}

static int
setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof(*f));
	struct story v[3];

	if (tmpbank_open(&f->t, "match") < 0)
		return -1;
	make(&v[0], "gpu", "Halved the GPU bill", "frugality",
	    "I halved the bill by moving training to spot machines.");
	make(&v[1], "pager", "Weekend outage of the search service",
	    "bias-for-action", "I was paged at night and rolled back the "
	    "incident within an hour.");
	make(&v[2], "mentor", "Grew a new engineer", "hire-and-develop-the-best",
	    "I paired with her twice a week and let her lead the review.");
	if (tmpbank_add(&f->t, v, 3) < 0)
		return -1;
	*state = f;
	return 0;
}

static int
has(const struct strlist *l, const char *s)
{
	return strlist_find(l, s) >= 0;
}

static void
synonyms_cover_the_issue_examples(void **state)
{
	struct strlist l = STRLIST_INIT;

	(void)state;
	match_synonyms("cut", &l);
	assert_true(has(&l, "reduce") && has(&l, "halve"));
	assert_false(has(&l, "cut"));	/* not itself */
	strlist_clear(&l);
	match_synonyms("Halved", &l);	/* any case, any ending */
	assert_true(has(&l, "cut"));
	strlist_clear(&l);
	match_synonyms("outage", &l);
	assert_true(has(&l, "incident") && has(&l, "page"));
	strlist_clear(&l);
	match_synonyms("pushed back", &l);
	assert_true(has(&l, "disagree"));
	strlist_clear(&l);
	match_synonyms("zebrafinch", &l);
	assert_int_equal(l.n, 0);
}

/*
 * Families an interviewer words indirectly (issue 15): each asked word
 * finds the words a story tells it with.
 */
static void
synonyms_cover_indirect_families(void **state)
{
	static const char *const pairs[][2] = {
		{ "worse", "drift" },		/* a model that got worse */
		{ "unnoticed", "silent" },	/* nobody noticed */
		{ "watching", "monitor" },
		{ "faster", "latency" },	/* a system's speed */
		{ "servers", "gpu" },		/* hardware */
		{ "idle", "waste" },
		{ "caused", "uplift" },
		{ "stopped", "hold back" },
		{ "roll back", "revert" },
		{ "refused", "not accept" },
		{ "night", "midnight" },		/* out of hours */
		{ "weekend", "saturday" },
		{ "supplier", "vendor" },
		{ "several teams", "organisation" },
		{ "target", "goal" },
		{ "onboarding", "mentor" },
		{ "tracked down", "root cause" },
		{ "handed over", "after launch" },
		{ "owned up", "admit" },
		{ "questioned", "doubt" },
		{ "place to work", "morale" },
		{ "people using", "user" },
		{ "unfairly", "bias" },
	};
	struct strlist l = STRLIST_INIT;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++) {
		match_synonyms(pairs[i][0], &l);
		if (!has(&l, pairs[i][1]))
			fail_msg("'%s' does not search for '%s'", pairs[i][0],
			    pairs[i][1]);
		strlist_clear(&l);
	}
	/* "team" alone is every story's: it is no family of "many teams". */
	match_synonyms("team", &l);
	assert_false(has(&l, "organisation"));
	strlist_clear(&l);
}

/* Irregular forms are one word to the question, and each is searched. */
static void
forms_join_what_stemming_cannot(void **state)
{
	struct strlist l = STRLIST_INIT;
	char *a, *b;

	(void)state;
	match_forms("taught", &l);
	assert_true(has(&l, "teach"));
	strlist_clear(&l);
	match_forms("Teaching", &l);	/* any case, any ending */
	assert_true(has(&l, "taught"));
	assert_false(has(&l, "teach"));	/* the index joins those */
	strlist_clear(&l);
	match_forms("curiosity", &l);	/* a noun is its adjective */
	assert_true(has(&l, "curious"));
	strlist_clear(&l);
	match_forms("find", &l);	/* a verb of every story: none */
	assert_int_equal(l.n, 0);
	/* A form reaches its base word's synonyms. */
	match_synonyms("taught", &l);
	assert_true(has(&l, "mentor"));
	strlist_clear(&l);
	match_synonyms("sped up", &l);
	assert_true(has(&l, "latency"));
	strlist_clear(&l);
	/* To the index they stay two words: both are searched. */
	a = match_words_key("taught");
	b = match_words_key("teach");
	assert_string_not_equal(a, b);
	free(a);
	free(b);
}

/* A vocabulary word that is a stopword could never be searched for. */
static void
every_vocabulary_word_can_be_searched_for(void **state)
{
	struct match_question q;
	const struct strlist *v;
	int i;
	size_t j;

	(void)state;
	for (i = 0; i < PRINCIPLE_COUNT; i++) {
		v = match_vocabulary(principle_at(i));
		assert_true(v->n >= 5);
		for (j = 0; j < v->n; j++) {
			match_question_read(v->v[j], &q);
			if (q.concepts.n == 0)
				fail_msg("%s: '%s' is a stopword",
				    principle_at(i)->slug, v->v[j]);
			match_question_release(&q);
		}
	}
}

static void
a_question_is_read_into_concepts_and_principles(void **state)
{
	struct match_question q;
	const struct question *known = NULL;
	size_t i;

	(void)state;
	match_question_read("Tell me about a time you pushed back on your "
	    "manager.", &q);
	assert_null(q.known);
	assert_true(has(&q.concepts, "pushed back"));
	assert_false(has(&q.concepts, "tell") || has(&q.concepts, "time"));
	match_question_release(&q);
	/* Words of any question are no concept either. */
	match_question_read("Have you ever really made people happier?", &q);
	assert_int_equal(q.concepts.n, 1);
	assert_string_equal(q.concepts.v[0], "happier");
	match_question_release(&q);
	match_question_read("Tell me about a time you pushed back on your "
	    "manager.", &q);
	assert_true(q.nprinciples >= 1);
	assert_string_equal(q.principles[0].p->slug,
	    "have-backbone-disagree-and-commit");
	match_question_release(&q);

	for (i = 0; i < question_count() && !known; i++)
		if (question_at(i)->kind == QUESTION_MAIN &&
		    question_at(i)->also.n > 0)
			known = question_at(i);
	assert_non_null(known);
	/* Case and punctuation aside, one of ours is known by its id. */
	match_question_read(known->text, &q);
	assert_ptr_equal(q.known, known);
	assert_ptr_equal(q.principles[0].p, known->principle);
	assert_true(q.principles[0].weight == 1.0);
	assert_true(q.principles[1].weight == 0.5);
	match_question_release(&q);
}

/*
 * A principle is inferred from a word whose synonyms are its vocabulary
 * (indirect wording), and one word of it is less sure than two.
 */
static void
principles_are_inferred_from_indirect_words(void **state)
{
	struct match_question q;

	(void)state;
	/* "taught": the mentor group, whose "mentor" is Hire and Develop's. */
	match_question_read("Who have you taught the most?", &q);
	assert_true(q.nprinciples >= 1);
	assert_string_equal(q.principles[0].p->slug,
	    "hire-and-develop-the-best");
	assert_true(q.principles[0].weight < 0.5);
	match_question_release(&q);

	match_question_read("Tell me about someone you mentored.", &q);
	assert_string_equal(q.principles[0].p->slug,
	    "hire-and-develop-the-best");
	assert_true(q.principles[0].weight == 0.5);	/* one word */
	match_question_release(&q);

	match_question_read("Tell me about a junior you mentored and coached.",
	    &q);
	assert_string_equal(q.principles[0].p->slug,
	    "hire-and-develop-the-best");
	assert_true(q.principles[0].weight == 1.0);	/* three */
	match_question_release(&q);
}

/* A phrasal verb split by its object is still the phrase. */
static void
a_phrase_split_by_its_object_is_one_concept(void **state)
{
	struct match_question q;

	(void)state;
	match_question_read("Tell me about a time you pushed the launch back.",
	    &q);
	assert_true(has(&q.concepts, "pushed back"));
	assert_true(has(&q.concepts, "launch"));	/* still a word */
	assert_false(has(&q.concepts, "back"));
	assert_string_equal(q.principles[0].p->slug,
	    "have-backbone-disagree-and-commit");
	match_question_release(&q);

	match_question_read("When did you hand the model over to a team?", &q);
	assert_true(has(&q.concepts, "hand over"));
	match_question_release(&q);

	/* Too far apart, they are two words. */
	match_question_read("You pushed for months to win the team back.", &q);
	assert_false(has(&q.concepts, "pushed back"));
	match_question_release(&q);
}

static void
rank(struct bank *b, const char *text, size_t limit, struct match_result *r)
{
	struct match_opts o = { .limit = limit };
	struct buf err = BUF_INIT;

	assert_int_equal(match_rank(b, text, &o, r, &err), 0);
	buf_release(&err);
}

static void
ranking_is_deterministic_and_explained(void **state)
{
	struct fixture *f = *state;
	struct match_result r1, r2;
	size_t i;

	rank(&f->t.b, "Tell me about a time you cut costs", 5, &r1);
	assert_true(r1.n >= 1);
	assert_string_equal(r1.v[0].story->uid, "gpu");
	assert_true(has(&r1.v[0].terms, "halve (for cut)"));
	assert_true(has(&r1.v[0].principles, "frugality"));
	rank(&f->t.b, "Tell me about a time you cut costs", 5, &r2);
	assert_int_equal(r1.n, r2.n);
	for (i = 0; i < r1.n; i++) {
		assert_int_equal(r1.v[i].story->id, r2.v[i].story->id);
		assert_true(r1.v[i].score == r2.v[i].score);
	}
	for (i = 1; i < r1.n; i++)
		assert_true(r1.v[i - 1].score >= r1.v[i].score);
	match_result_release(&r1);
	match_result_release(&r2);

	rank(&f->t.b, "Describe an incident where you were on call", 1, &r1);
	assert_int_equal(r1.n, 1);
	assert_string_equal(r1.v[0].story->uid, "pager");
	match_result_release(&r1);

	/* "grow" finds the title's "Grew", as the word itself. */
	rank(&f->t.b, "How have you helped someone grow?", 1, &r1);
	assert_int_equal(r1.n, 1);
	assert_string_equal(r1.v[0].story->uid, "mentor");
	assert_true(has(&r1.v[0].terms, "grew (for grow)"));
	match_result_release(&r1);
}

static void
the_index_in_memory_ranks_as_the_bank_s(void **state)
{
	struct fixture *f = *state;
	struct match_result r1, r2;
	struct buf err = BUF_INIT;
	int fresh;
	size_t i;

	assert_int_equal(fts_fresh(&f->t.b, &fresh, &err), 0);
	assert_true(fresh);
	rank(&f->t.b, "How did you grow a junior engineer?", 5, &r1);
	assert_int_equal(sqlite3_exec(f->t.b.db, "DROP TABLE story_fts", NULL,
	    NULL, NULL), SQLITE_OK);
	assert_int_equal(fts_fresh(&f->t.b, &fresh, &err), 0);
	assert_false(fresh);
	rank(&f->t.b, "How did you grow a junior engineer?", 5, &r2);
	assert_int_equal(r1.n, r2.n);
	assert_string_equal(r1.v[0].story->uid, "mentor");
	for (i = 0; i < r1.n; i++) {
		assert_int_equal(r1.v[i].story->id, r2.v[i].story->id);
		assert_true(r1.v[i].score == r2.v[i].score);
	}
	match_result_release(&r1);
	match_result_release(&r2);
	buf_release(&err);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(synonyms_cover_the_issue_examples),
		cmocka_unit_test(synonyms_cover_indirect_families),
		cmocka_unit_test(forms_join_what_stemming_cannot),
		cmocka_unit_test(every_vocabulary_word_can_be_searched_for),
		cmocka_unit_test(a_question_is_read_into_concepts_and_principles),
		cmocka_unit_test(principles_are_inferred_from_indirect_words),
		cmocka_unit_test(a_phrase_split_by_its_object_is_one_concept),
		cmocka_unit_test_setup_teardown(
		    ranking_is_deterministic_and_explained,
		    setup, tmpbank_teardown),
		cmocka_unit_test_setup_teardown(
		    the_index_in_memory_ranks_as_the_bank_s,
		    setup, tmpbank_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

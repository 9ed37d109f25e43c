/* The drill's follow-ups: the ladder from a story, and the fitting probes. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "lp/followup.h"
#include "base/xalloc.h"

/* Facts are what the default rubric finds. */
#include "tests/unit/linter_fixture.h"

/* The facts of story id with this Action, Result and Reflection. */
static void
story_facts(long long id, const char *action, const char *result,
    const char *reflection, struct story_facts *out)
{
	struct story_numbers *sn = xcalloc(1, sizeof(*sn));
	struct buf err = BUF_INIT;
	struct figure_reader fr;
	struct lint_result res;
	struct story s;

	story_init(&s);
	s.id = id;
	s.title = xstrdup("t");
	story_set(&s.section[SEC_SITUATION], "The ranking service was slow.");
	story_set(&s.section[SEC_ACTION], action);
	story_set(&s.section[SEC_RESULT], result);
	story_set(&s.section[SEC_REFLECTION], reflection);
	if (lint_story(&lint.rb, &lint.env, &s, 150, "t", &res, &err) < 0 ||
	    figure_reader_open(&fr, &lint.rb, &err) < 0)
		fail_msg("%s", err.s);
	if (story_numbers_of(&fr, &s, NULL, sn, &err) < 0)
		fail_msg("%s", err.s);
	story_facts_read(out, &s, &res, sn, 0);
	figure_reader_close(&fr);
	story_numbers_free(sn, 1);
	lint_result_release(&res);
	story_release(&s);
	buf_release(&err);
}

/* The facts of story 1. */
static void
facts_of(const char *action, const char *result, const char *reflection,
    struct story_facts *out)
{
	memset(out, 0, sizeof(*out));
	story_facts(1, action, result, reflection, out);
}

/* The first fact of kind k in f, or NULL. */
static const struct story_fact *
fact(const struct story_facts *f, enum follow_fact k)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		if (f->v[i].kind == k)
			return &f->v[i];
	return NULL;
}

/* The ladder of the one fact f (want steps), with a fresh memory. */
static size_t
ladder_of(const struct story_fact *f, size_t want, uint64_t seed,
    struct follow_up *out)
{
	struct story_facts one = { (struct story_fact *)f, 1, 1 };
	struct follow_memory m;
	struct rng r;
	size_t n;

	follow_memory_init(&m);
	rng_seed(&r, seed);
	n = follow_ladder(&one, want, &r, &m, out);
	follow_memory_release(&m);
	return n;
}

static void
release(struct follow_up *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		follow_up_release(&v[i]);
}

/*
 * Checks that f has a fact of kind k quoting quote, and that its first
 * probe is step id and quotes it (or, for no quote, says word).
 */
static void
asks(const struct story_facts *f, enum follow_fact k, const char *id,
    const char *quote, const char *word)
{
	const struct story_fact *x = fact(f, k);
	struct follow_up out[1];
	struct buf want = BUF_INIT;

	if (x == NULL)
		fail_msg("no %s fact", follow_fact_name(k));
	assert_string_equal(x->quote, quote);
	assert_int_equal(ladder_of(x, 1, 1, out), 1);
	assert_string_equal(out[0].id, id);
	buf_addf(&want, "\"%s\"", quote);
	if (strstr(out[0].text, word ? word : want.s) == NULL)
		fail_msg("'%s' does not quote '%s'", out[0].text, quote);
	release(out, 1);
	buf_release(&want);
}

static void
test_each_fact_gives_its_probe_in_the_story_words(void **state)
{
	struct story_facts f;
	struct follow_up out[FOLLOW_MAX];

	(void)state;
	facts_of("I profiled the service. We rolled it out to all regions "
	    "on Monday. I think the cache was the cause.",
	    "p99 latency fell from 340 ms to 85 ms.", "", &f);
	asks(&f, FACT_FIGURE, "fig-1", "p99 latency fell from 340 ms to 85 ms",
	    NULL);
	asks(&f, FACT_WE, "we-1", "We rolled it out to all regions on Monday",
	    NULL);
	asks(&f, FACT_HEDGE, "hedge-1", "I think the cache was the cause",
	    NULL);
	asks(&f, FACT_REFLECTION, "refl-1", "", "differently");
	/* The value before the change is asked with the value after. */
	assert_int_equal(f.n, 4);
	story_facts_release(&f);

	/* A story that says it all plainly gives no such facts. */
	facts_of("I profiled the service and rewrote the cache.",
	    "It got faster.", "Measure before you tune, and keep the "
	    "profile with the ticket.", &f);
	assert_int_equal(f.n, 0);
	story_facts_release(&f);

	/* A clash quotes both stories and names the other. */
	memset(&f, 0, sizeof(f));
	story_facts_add_clash(&f, 1, "p99 latency to 85 ms", "p99 latency to "
	    "120 ms", 7);
	assert_int_equal(ladder_of(&f.v[0], 1, 3, out), 1);
	assert_string_equal(out[0].id, "clash-1");
	assert_non_null(strstr(out[0].text, "\"p99 latency to 85 ms\""));
	assert_non_null(strstr(out[0].text, "\"p99 latency to 120 ms\""));
	assert_non_null(strstr(out[0].text, "#7"));
	release(out, 1);
	story_facts_release(&f);
}

static void
test_second_level_follows_the_first(void **state)
{
	struct story_facts f;
	struct follow_up out[FOLLOW_MAX];
	struct follow_memory m;
	struct rng r;
	uint64_t seed;
	size_t n;

	(void)state;
	facts_of("We rolled it out to all regions. I think the cache was it.",
	    "p99 latency fell from 340 ms to 85 ms.", "", &f);
	for (seed = 0; seed < 16; seed++) {
		char kind[16];

		follow_memory_init(&m);
		rng_seed(&r, seed);
		n = follow_ladder(&f, 3, &r, &m, out);
		/* Three, all from the story: two rungs, then another fact. */
		assert_int_equal(n, 3);
		snprintf(kind, sizeof(kind), "%.*s",
		    (int)(strchr(out[0].id, '-') - out[0].id), out[0].id);
		assert_string_equal(strchr(out[0].id, '-'), "-1");
		assert_int_equal(strncmp(out[1].id, kind, strlen(kind)), 0);
		assert_string_equal(strchr(out[1].id, '-'), "-2");
		assert_string_equal(strchr(out[2].id, '-'), "-1");
		assert_int_not_equal(strncmp(out[2].id, kind, strlen(kind)), 0);
		release(out, n);
		follow_memory_release(&m);
	}
	story_facts_release(&f);
}

/* The ladder's ids and texts for a seed, in buf. */
static const char *
ladder_text(const struct story_facts *f, uint64_t seed, struct buf *buf)
{
	struct follow_up out[FOLLOW_MAX];
	struct follow_memory m;
	struct rng r;
	size_t n, i;

	buf_reset(buf);
	follow_memory_init(&m);
	rng_seed(&r, seed);
	n = follow_ladder(f, 3, &r, &m, out);
	for (i = 0; i < n; i++)
		buf_addf(buf, "%s %s\n", out[i].id, out[i].text);
	release(out, n);
	follow_memory_release(&m);
	return buf->s;
}

static void
test_deterministic_for_a_seed(void **state)
{
	struct buf a = BUF_INIT, b = BUF_INIT;
	struct story_facts f;
	int differs = 0;
	uint64_t seed;

	(void)state;
	facts_of("We rolled it out. Maybe the cache was it. We then "
	    "migrated the index.", "p99 latency fell from 340 ms to 85 ms "
	    "and errors fell 40%.", "", &f);
	for (seed = 0; seed < 8; seed++) {
		char *first = xstrdup(ladder_text(&f, seed, &a));

		assert_string_equal(ladder_text(&f, seed, &b), first);
		differs += strcmp(ladder_text(&f, seed + 1, &b), first) != 0;
		free(first);
	}
	assert_true(differs >= 4);
	story_facts_release(&f);
	buf_release(&a);
	buf_release(&b);
}

static void
test_a_fact_is_asked_once_a_session(void **state)
{
	struct follow_up out[FOLLOW_MAX];
	struct story_facts f;
	struct follow_memory m;
	struct rng r;
	size_t n;

	(void)state;
	facts_of("We rolled it out.", "It got faster.", "", &f);
	assert_int_equal(f.n, 2);
	follow_memory_init(&m);
	rng_seed(&r, 1);
	assert_int_equal(follow_ladder(&f, 1, &r, &m, out), 1);
	n = follow_ladder(&f, 1, &r, &m, out + 1);
	assert_int_equal(n, 1);
	assert_string_not_equal(out[0].id, out[1].id);
	/* Both asked: the story has nothing left, the probes take over. */
	assert_int_equal(follow_ladder(&f, 1, &r, &m, out + 2), 0);
	release(out, 2);
	/* Another story that lacks a Reflection too is still asked why. */
	story_facts_release(&f);
	memset(&f, 0, sizeof(f));
	story_facts(2, "I rolled it out.", "It got faster.", "", &f);
	assert_int_equal(f.n, 1);
	assert_int_equal(follow_ladder(&f, 1, &r, &m, out), 1);
	assert_string_equal(out[0].id, "refl-1");
	release(out, 1);
	follow_memory_release(&m);
	story_facts_release(&f);
}

static void
test_question_kinds(void **state)
{
	static const struct {
		const char *id;
		enum follow_kind kind;
	} want[] = {
		{ "hbd-q01", QUESTION_CONFLICT }, { "co-q04", QUESTION_CUSTOMER },
		{ "dr-q02", QUESTION_FAILURE }, { "dd-q09", QUESTION_METRIC },
		{ "hdb-q07", QUESTION_PEOPLE }, { "arl-q03", QUESTION_FAILURE },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++)
		if (!(follow_kinds(question_by_id(want[i].id)) &
		    (1u << want[i].kind)))
			fail_msg("%s is not of kind %s", want[i].id,
			    follow_kind_name(want[i].kind));
	/* "What was the single biggest risk?" is no probe of a disagreement. */
	assert_false(follow_kinds(question_by_id("hbd-q05")) &
	    (1u << QUESTION_FAILURE));
}

static void
test_probes_fit_the_kind(void **state)
{
	const struct question *q = question_by_id("hbd-q05");
	struct follow_up out[40];
	struct follow_memory m;
	struct rng r;
	size_t n, i, j;

	(void)state;
	follow_memory_init(&m);
	rng_seed(&r, 9);
	n = follow_probes(q, 40, &r, &m, out);
	assert_true(n >= 8);
	for (i = 0; i < n; i++) {
		const struct question *p = question_by_id(out[i].id);

		assert_true(p->principle == NULL || p->principle == q->principle);
		assert_string_not_equal(out[i].id, "gen-f07");
		assert_string_not_equal(out[i].id, "gen-f13");
		for (j = 0; j < i; j++)
			assert_string_not_equal(out[i].id, out[j].id);
	}
	release(out, n);
	/* All asked once: the next round starts again, each once more. */
	n = follow_probes(q, 2, &r, &m, out);
	assert_int_equal(n, 2);
	assert_int_equal(m.uses[question_by_id(out[0].id)->index], 2);
	release(out, n);
	follow_memory_release(&m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_each_fact_gives_its_probe_in_the_story_words),
		cmocka_unit_test(test_second_level_follows_the_first),
		cmocka_unit_test(test_deterministic_for_a_seed),
		cmocka_unit_test(test_a_fact_is_asked_once_a_session),
		cmocka_unit_test(test_question_kinds),
		cmocka_unit_test(test_probes_fit_the_kind),
	};

	return cmocka_run_group_tests(tests, linter_setup, linter_teardown);
}

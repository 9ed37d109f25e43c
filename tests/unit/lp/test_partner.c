/*
 * The practice partner's packet: the same seed gives the same packet, no
 * question twice, probes from the planned story's facts first, no story
 * text but its figures, and a template that reads back as marks.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "lp/loop_edit.h"
#include "lp/partner.h"
#include "lp/partner_import.h"
#include "stories/parse.h"
#include "stories/principle.h"
#include "../tmpbank.h"

static const char story_text[] =
"---\ntitle: Queue rescue\nprinciples: [ownership, customer-obsession, "
"dive-deep, deliver-results]\n---\n"
"## Situation\nThe zebra-striped billing queue stalled every night.\n"
"## Task\nI had to make it drain before the morning.\n"
"## Action\nWe profiled the job and we split it. I rewrote the batcher.\n"
"## Result\nThe backlog fell 40% and pages dropped from 60 to 17.\n";

static struct tmpbank t;

static int
setup(void **state)
{
	struct buf err = BUF_INIT;
	struct story s;
	struct loop l;

	(void)state;
	if (tmpbank_open(&t, "partner") < 0)
		return -1;
	story_init(&s);
	if (story_parse(story_text, strlen(story_text), "a.md", &s, &err) < 0 ||
	    principle_canon_story(&s, "a.md", &err) < 0)
		fail_msg("%s", err.s);
	if (tmpbank_add(&t, &s, 1) < 0)
		return -1;
	loop_init(&l);
	if (loop_create(&t.b, "l", "mle", NULL, NULL, &l, &err) != 0)
		fail_msg("%s", err.s);
	loop_release(&l);
	buf_release(&err);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	return tmpbank_close(&t);
}

static void
gather(uint64_t seed, int with, struct partner_packet *pk)
{
	struct buf err = BUF_INIT;

	if (partner_gather(&t.b, "l", seed, with, pk, &err) != 0)
		fail_msg("%s", err.s);
	buf_release(&err);
}

static void
test_the_same_seed_gives_the_same_packet(void **state)
{
	struct partner_packet a, b;
	size_t r, i, s, k;

	(void)state;
	gather(42, 0, &a);
	gather(42, 0, &b);
	assert_true(a.nitems > 3);
	assert_int_equal(a.nrounds, b.nrounds);
	for (r = 0; r < a.nrounds; r++) {
		assert_int_equal(a.rounds[r].n, b.rounds[r].n);
		for (i = 0; i < a.rounds[r].n; i++) {
			const struct partner_item *x = &a.rounds[r].v[i];

			assert_ptr_equal(x->q, b.rounds[r].v[i].q);
			assert_int_equal(x->probes.n, b.rounds[r].v[i].probes.n);
			for (k = 0; k < x->probes.n; k++)
				assert_string_equal(x->probes.v[k],
				    b.rounds[r].v[i].probes.v[k]);
			/* Two or three probes; a question at most once. */
			assert_true(x->probes.n >= 2 && x->probes.n <= 3);
			for (s = 0; s < a.nrounds; s++)
				for (k = 0; k < a.rounds[s].n; k++)
					if (s != r || k != i)
						assert_ptr_not_equal(x->q,
						    a.rounds[s].v[k].q);
		}
	}
	partner_release(&a);
	partner_release(&b);
}

static void
test_probes_come_from_the_planned_story(void **state)
{
	struct partner_packet pk;
	size_t r, i, k, planned = 0, figures = 0;

	(void)state;
	gather(7, 0, &pk);
	for (r = 0; r < pk.nrounds; r++)
		for (i = 0; i < pk.rounds[r].n; i++) {
			const struct partner_item *x = &pk.rounds[r].v[i];

			if (x->story < 0) {
				assert_int_equal(x->nstory, 0);
				continue;
			}
			/*
			 * The first slot telling the story asks a fact and
			 * one level down; a fact asked is not asked again for
			 * another slot of the same story.
			 */
			if (planned++ == 0)
				assert_int_equal(x->nstory, 2);
			for (k = 0; k < x->nstory; k++) {
				assert_non_null(strstr(x->probes.v[k],
				    "From their story: "));
			}
			for (k = 0; k < x->nstory; k++)
				for (size_t j = 0; j < k; j++)
					assert_string_not_equal(x->probes.v[j],
					    x->probes.v[k]);
			/* Nothing else of the story's text: no "we" clause. */
			for (k = 0; k < x->probes.n; k++) {
				assert_null(strstr(x->probes.v[k], "zebra"));
				assert_null(strstr(x->probes.v[k], "profiled"));
			}
		}
	assert_true(planned > 0);
	partner_release(&pk);
	/*
	 * The ladder's first fact follows the seed: over a few seeds the
	 * Result's figures are asked about, quoted alone with their metric.
	 */
	for (uint64_t seed = 1; seed <= 8 && figures == 0; seed++) {
		gather(seed, 0, &pk);
		for (r = 0; r < pk.nrounds; r++)
			for (i = 0; i < pk.rounds[r].n; i++)
				for (k = 0; k < pk.rounds[r].v[i].nstory; k++)
					figures += strstr(pk.rounds[r].v[i].
					    probes.v[k], "\"40% (") != NULL;
		partner_release(&pk);
	}
	assert_true(figures > 0);
	/* With the stories, the ladder may quote the Action's "we". */
	gather(7, 1, &pk);
	for (r = 0, k = 0; r < pk.nrounds; r++)
		for (i = 0; i < pk.rounds[r].n; i++)
			for (size_t j = 0; j < pk.rounds[r].v[i].nstory; j++)
				k += strstr(pk.rounds[r].v[i].probes.v[j],
				    "profiled") != NULL;
	assert_true(k > 0);
	partner_release(&pk);
}

static void
test_the_template_reads_back(void **state)
{
	struct partner_packet pk;
	struct partner_marks m;
	struct buf tpl = BUF_INIT, err = BUF_INIT, one = BUF_INIT;
	char *at;

	(void)state;
	gather(7, 0, &pk);
	partner_template(&pk, &tpl);
	/* As it is, nothing is marked; with one mark, one is read. */
	assert_int_equal(partner_marks_parse("t.yaml", tpl.s, tpl.len, &m,
	    &err), -1);
	assert_non_null(strstr(err.s, "no question has a mark"));
	partner_marks_release(&m);
	at = strstr(tpl.s, "mark:\n");
	assert_non_null(at);
	buf_reset(&err);
	buf_add(&one, tpl.s, (size_t)(at - tpl.s));
	buf_addf(&one, "mark: 4%s", at + 5);
	if (partner_marks_parse("t.yaml", one.s, one.len, &m, &err) < 0)
		fail_msg("%s", err.s);
	assert_int_equal(m.n, 1);
	assert_int_equal(m.blank, pk.nitems - 1);
	assert_ptr_equal(m.v[0].q, pk.rounds[0].v[0].q);
	assert_string_equal(m.loop, "l");
	partner_marks_release(&m);
	partner_release(&pk);
	buf_release(&tpl);
	buf_release(&one);
	buf_release(&err);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_the_same_seed_gives_the_same_packet),
		cmocka_unit_test(test_probes_come_from_the_planned_story),
		cmocka_unit_test(test_the_template_reads_back),
	};

	setenv("TZ", "UTC", 1);
	return cmocka_run_group_tests(tests, setup, teardown);
}

/*
 * A story's per-slot fit (lp/fit.h): the findings that count for a
 * principle's slot, the primary principle's preference, and the promise
 * that a new tag never lowers the fit for the story's other principles,
 * checked on every sample story with the default rubric.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "lp/fit.h"
#include "rubrics/linter.h"
#include "stories/parse.h"

static struct finding
finding(const struct rule *r, enum severity sev, int disabled)
{
	struct finding f;

	memset(&f, 0, sizeof(f));
	f.rule = r;
	f.severity = sev;
	f.disabled = disabled;
	return f;
}

static void
test_findings_count_for_their_principles(void **state)
{
	struct rule any, dd, fo;
	struct finding v[4];
	struct lint_result res;
	struct fit_counts c;
	struct story s;

	(void)state;
	memset(&any, 0, sizeof(any));
	memset(&dd, 0, sizeof(dd));
	memset(&fo, 0, sizeof(fo));
	strlist_push(&dd.principles, "dive-deep");
	strlist_push(&fo.principles, "frugality");
	strlist_push(&fo.principles, "ownership");
	v[0] = finding(&any, SEV_WARNING, 0);
	v[1] = finding(&dd, SEV_ERROR, 0);
	v[2] = finding(&fo, SEV_SUGGESTION, 0);
	v[3] = finding(&any, SEV_ERROR, 1);	/* disabled: counts nowhere */
	memset(&res, 0, sizeof(res));
	res.v = v;
	res.n = 4;
	fit_count(&res, &c);
	story_init(&s);
	strlist_push(&s.principles, "dive-deep");
	strlist_push(&s.principles, "frugality");
	strlist_push(&s.principles, "ownership");
	strlist_push(&s.principles, "earn-trust");
	/* The warning counts everywhere; the rest only for their slots. */
	assert_int_equal(fit_for(&c, &s, "earn-trust"), 95);
	assert_int_equal(fit_for(&c, &s, "dive-deep"), 80);
	assert_int_equal(fit_for(&c, &s, "frugality"), 94);
	assert_int_equal(fit_for(&c, &s, "ownership"), 94);
	/* The primary principle is preferred, by FIT_PRIMARY_BONUS. */
	story_set(&s.primary, "frugality");
	assert_int_equal(fit_for(&c, &s, "frugality"), 94 + FIT_PRIMARY_BONUS);
	assert_int_equal(fit_for(&c, &s, "ownership"), 94);
	story_release(&s);
	strlist_clear(&dd.principles);
	strlist_clear(&fo.principles);
}

/* The default rubric, as a linter: the one a view uses with no user rules. */
static struct linter lint;

/* Reads and parses sample file path into s (principles resolved). */
static void
read_sample(const char *path, struct story *s)
{
	struct buf text = BUF_INIT, err = BUF_INIT;
	char chunk[4096];
	size_t n;
	FILE *f = fopen(path, "r");

	assert_non_null(f);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(&text, chunk, n);
	fclose(f);
	story_init(s);
	if (story_parse(text.s, text.len, path, s, &err) < 0 ||
	    principle_canon_story(s, path, &err) < 0)
		fail_msg("%s", err.s);
	buf_release(&text);
	buf_release(&err);
}

/* The counts of story s linted with the default rubric; sets *score. */
static void
counts_of(struct story *s, struct fit_counts *c, int *score)
{
	struct buf err = BUF_INIT;
	struct lint_result res;

	if (linter_lint(&lint, s, 0, STORY_DEFAULT_WPM, "sample", &res,
	    &err) < 0)
		fail_msg("%s", err.s);
	fit_count(&res, c);
	*score = res.score;
	lint_result_release(&res);
	buf_release(&err);
}

static void
test_a_new_tag_never_lowers_the_other_fits(void **state)
{
	DIR *d = opendir("stories/samples");
	struct buf err = BUF_INIT;
	struct dirent *e;
	int samples = 0, shielded = 0;

	(void)state;
	assert_non_null(d);
	if (linter_open_default(&lint, &err) < 0)
		fail_msg("%s", err.s);
	while ((e = readdir(d)) != NULL) {
		struct story s, t;
		struct fit_counts before, after;
		char path[512];
		int q, score, tagged_score;
		size_t k;

		if (strstr(e->d_name, ".md") == NULL)
			continue;
		snprintf(path, sizeof(path), "stories/samples/%s", e->d_name);
		read_sample(path, &s);
		samples++;
		counts_of(&s, &before, &score);
		for (q = 0; q < PRINCIPLE_COUNT; q++) {
			const char *slug = principle_at(q)->slug;

			if (strlist_find(&s.principles, slug) >= 0)
				continue;
			story_init(&t);
			story_copy(&t, &s);
			strlist_push(&t.principles, slug);
			counts_of(&t, &after, &tagged_score);
			for (k = 0; k < s.principles.n; k++) {
				const char *p = s.principles.v[k];

				if (fit_for(&after, &t, p) <
				    fit_for(&before, &s, p))
					fail_msg("%s: tagging %s lowers its "
					    "fit for %s from %d to %d", path,
					    slug, p, fit_for(&before, &s, p),
					    fit_for(&after, &t, p));
				/* The score fell, the fit for p did not. */
				shielded += tagged_score < score &&
				    fit_for(&after, &t, p) >
				    tagged_score;
			}
			story_release(&t);
		}
		story_release(&s);
	}
	closedir(d);
	linter_close(&lint);
	buf_release(&err);
	assert_true(samples >= 14);
	/* Not vacuous: some new tags bring findings the fit leaves out. */
	assert_true(shielded > 0);
}

/*
 * fits_fill() counts a story whose score is cached from its principled
 * rules alone: the same fits as a whole lint, for every sample with every
 * extra tag, and with a finding turned off.
 */
static void
test_principled_lint_gives_the_whole_lints_fits(void **state)
{
	DIR *d = opendir("stories/samples");
	struct buf err = BUF_INIT;
	struct scored s;
	struct dirent *e;
	struct fit_counts *got, *want;
	char *all;
	size_t alloc = 0, i, k;

	(void)state;
	/* The rubric every view uses: the default one, no user's rules. */
	setenv("XDG_CONFIG_HOME", "/nonexistent/lpcoach-test", 1);
	assert_non_null(d);
	memset(&s, 0, sizeof(s));
	if (linter_open_default(&lint, &err) < 0)
		fail_msg("%s", err.s);
	while ((e = readdir(d)) != NULL) {
		struct story one;
		char path[512];
		int q;

		if (strstr(e->d_name, ".md") == NULL)
			continue;
		snprintf(path, sizeof(path), "stories/samples/%s", e->d_name);
		read_sample(path, &one);
		for (q = -1; q < PRINCIPLE_COUNT; q++) {
			s.v = xgrow(s.v, &alloc, s.n + 1, sizeof(*s.v));
			story_init(&s.v[s.n]);
			story_copy(&s.v[s.n], &one);
			if (q >= 0 && strlist_find(&one.principles,
			    principle_at(q)->slug) < 0)
				strlist_push(&s.v[s.n].principles,
				    principle_at(q)->slug);
			if (q == 3)
				strlist_push(&s.v[s.n].lint_off, "too-long");
			s.v[s.n].id = (long long)s.n + 1;
			s.n++;
		}
		story_release(&one);
	}
	closedir(d);
	s.score = xcalloc(s.n, sizeof(*s.score));
	want = xcalloc(s.n, sizeof(*want));
	got = xcalloc(s.n, sizeof(*got));
	all = xcalloc(s.n, 1);
	for (i = 0; i < s.n; i++) {
		counts_of(&s.v[i], &want[i], &s.score[i]);
		all[i] = 1;
	}
	if (fits_fill(&s, all, got, &err) < 0)
		fail_msg("%s", err.s);
	for (i = 0; i < s.n; i++)
		for (k = 0; k < PRINCIPLE_COUNT; k++) {
			const char *slug = principle_at((int)k)->slug;

			if (fit_for(&got[i], &s.v[i], slug) !=
			    fit_for(&want[i], &s.v[i], slug))
				fail_msg("story %zu (%s), %s: fit %d, not %d",
				    i, s.v[i].title, slug,
				    fit_for(&got[i], &s.v[i], slug),
				    fit_for(&want[i], &s.v[i], slug));
		}
	for (i = 0; i < s.n; i++)
		story_release(&s.v[i]);
	free(s.v);
	free(s.score);
	free(want);
	free(got);
	free(all);
	linter_close(&lint);
	buf_release(&err);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_findings_count_for_their_principles),
		cmocka_unit_test(test_a_new_tag_never_lowers_the_other_fits),
		cmocka_unit_test(
		    test_principled_lint_gives_the_whole_lints_fits),
	};
	return cmocka_run_group_tests_name("fit", tests, NULL, NULL);
}

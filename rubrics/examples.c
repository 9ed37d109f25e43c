/*
 * Rule examples as tests of the rules: rubric_check_examples() (declared
 * in rubrics/lint.h), run by 'lpcoach rules --check' and the unit tests;
 * with them, the check of each pattern's source (rubrics/pattern_check.h).
 */
#include <stdlib.h>
#include <string.h>

#include "rubrics/lint.h"
#include "rubrics/pattern_check.h"
#include "stories/parse.h"
#include "base/xalloc.h"

/* Builds the story an example stands for. */
static int
example_story(const struct rule *r, const struct example *e, struct story *s,
    struct buf *err)
{
	int sec;

	story_init(s);
	if (strncmp(e->text, "---\n", 4) == 0)
		return story_parse(e->text, strlen(e->text), r->file, s, err);
	s->title = xstrdup("example");
	if (r->principles.n)
		strlist_push(&s->principles, r->principles.v[0]);
	for (sec = 0; sec < SEC_COUNT && !((r->scope >> sec) & 1); sec++)
		;
	if (r->scope_story || sec == SEC_COUNT)
		sec = SEC_ACTION;
	story_set(&s->section[sec], e->text);
	s->text_line[sec] = 1;
	return 0;
}

/* Tries a cross-story example "A\n===\nB"; as lint, 0 or -1. */
static int
cross_example(const struct rule *r, const struct example *e,
    cross_example_fn cross, void *ctx, int *found, struct buf *err)
{
	const char *split = strstr(e->text, "\n===\n");
	char *a;
	int rc;

	if (split == NULL) {
		buf_addf(err, "%s:%d: rule %s: a consistency example is two "
		    "texts split by a line '==='\n", r->file, e->line, r->id);
		return -1;
	}
	a = xstrndup(e->text, (size_t)(split - e->text));
	rc = cross(r, a, split + 5, found, ctx, err);
	free(a);
	return rc;
}

/*
 * Reports each pattern of r that cannot match as written (see
 * pattern_check.h), as compiled when it is (a fragment's text counts where
 * it is used); returns how many.
 */
static int
check_sources(const struct rule *r, struct buf *err)
{
	const struct patlist *lists[6] = { &r->patterns, &r->unless, &r->also,
	    &r->when, &r->numerator, &r->denominator };
	size_t k, i, a, b;
	int failures = 0;

	for (k = 0; k < 6; k++)
		for (i = 0; i < lists[k]->n; i++) {
			const char *src = lists[k]->pat ?
			    lists[k]->pat[i].source : lists[k]->src.v[i];

			if (src == NULL || !pattern_swallowed_suffix(src, &a, &b))
				continue;
			buf_addf(err, "%s:%d: rule %s: '%.*s' cannot match "
			    "as meant: the possessive repeat takes the "
			    "letters after it too and gives none back (end the "
			    "repeat with a lookbehind instead, as in "
			    "'\\w{4,14}+(?<=ly)')\n", r->file, lists[k]->lines[i],
			    r->id, (int)(b - a), src + a);
			failures++;
		}
	return failures;
}

int
rubric_check_examples(struct rubric *rb, cross_example_fn cross, void *ctx,
    struct buf *err)
{
	struct match_env env;
	size_t i, k;
	int failures = 0;

	if (match_env_init(&env) < 0)
		return -1;
	for (i = 0; i < rb->n; i++) {
		struct rule *r = &rb->rules[i];
		int was_active = r->active;

		r->active = 1;
		failures += check_sources(r, err);
		for (k = 0; k < r->nexamples; k++) {
			const struct example *e = &r->examples[k];
			struct lint_result res;
			struct story s;
			int rc, found;

			if (r->kind == KIND_CONSISTENCY) {
				if (cross == NULL)
					continue;
				if (cross_example(r, e, cross, ctx, &found,
				    err) < 0)
					failures++;
				else if (found != e->flag) {
					buf_addf(err, "%s:%d: rule %s: this '%s' "
					    "example is %sflagged\n", r->file,
					    e->line, r->id, e->flag ? "flag" :
					    "pass", e->flag ? "not " : "");
					failures++;
				}
				continue;
			}
			if (example_story(r, e, &s, err) < 0) {
				failures++;
				story_release(&s);
				continue;
			}
			rc = lint_story_rule(rb, r, &env, &s, STORY_DEFAULT_WPM,
			    "example", &res, err);
			if (rc < 0) {
				failures++;
			} else if (e->flag && res.n == 0) {
				buf_addf(err, "%s:%d: rule %s: this 'flag' "
				    "example is not flagged\n", r->file,
				    e->line, r->id);
				failures++;
			} else if (!e->flag && res.n > 0) {
				buf_addf(err, "%s:%d: rule %s: this 'pass' "
				    "example is flagged: %s\n", r->file,
				    e->line, r->id, res.v[0].message);
				failures++;
			}
			lint_result_release(&res);
			story_release(&s);
		}
		r->active = was_active;
	}
	match_env_free(&env);
	return failures;
}

/*
 * Rule examples as tests of the rules: rubric_check_examples() (declared
 * in rubrics/lint.h), run by 'lpcoach rules --check' and the unit tests.
 */
#include <stdlib.h>
#include <string.h>

#include "rubrics/lint.h"
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

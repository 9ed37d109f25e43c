#include "cli/rubric_load.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lp/principle.h"
#include "stories/render.h"
#include "stories/store.h"
#include "stories/xalloc.h"

int
rubric_opt(struct rubric_opts *o, int opt, const char *arg)
{
	switch (opt) {
	case 'R': strlist_push(&o->dirs, arg); return 1;
	case 'D': strlist_push(&o->disable, arg); return 1;
	case 'O': strlist_push(&o->only, arg); return 1;
	default: return 0;
	}
}

void
rubric_opts_release(struct rubric_opts *o)
{
	strlist_clear(&o->dirs);
	strlist_clear(&o->only);
	strlist_clear(&o->disable);
}

static char *
user_dir(void)
{
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	struct buf b = BUF_INIT;

	if (xdg && *xdg == '/')
		buf_addf(&b, "%s/lpcoach/rubrics", xdg);
	else if (home && *home)
		buf_addf(&b, "%s/.config/lpcoach/rubrics", home);
	else
		return NULL;
	return buf_detach(&b);
}

/* Rule files name principles by slug; the catalogue is lp's to check. */
static int
check_principles(const struct rubric *rb, struct buf *err)
{
	size_t i, k;
	int rc = 0;

	for (i = 0; i < rb->n; i++) {
		const struct rule *r = &rb->rules[i];

		for (k = 0; k < r->principles.n; k++)
			if (principle_by_slug(r->principles.v[k]) == NULL) {
				buf_addf(err, "%s:%d: rule %s: unknown "
				    "principle '%s' (use slugs, as 'lpcoach "
				    "principles --json' shows them)\n",
				    r->file, r->line, r->id,
				    r->principles.v[k]);
				rc = -1;
			}
	}
	return rc;
}

int
rubric_load(const struct rubric_opts *o, struct rubric *rb)
{
	struct buf err = BUF_INIT;
	struct stat st;
	char *dir = user_dir();
	size_t i;
	int rc = 0;

	rubric_init(rb);
	if (rubric_add_default(rb, &err) < 0)
		rc = -1;
	if (dir && stat(dir, &st) == 0 && S_ISDIR(st.st_mode) &&
	    rubric_add_dir(rb, dir, &err) < 0)
		rc = -1;
	free(dir);
	for (i = 0; i < o->dirs.n; i++)
		if (rubric_add_dir(rb, o->dirs.v[i], &err) < 0)
			rc = -1;
	if (rc == 0 && (rubric_compile(rb, &err) < 0 ||
	    check_principles(rb, &err) < 0 ||
	    rubric_select(rb, &o->only, &o->disable, &err) < 0))
		rc = -1;
	if (rc < 0) {
		error_buf(&err);
		rubric_free(rb);
	}
	buf_release(&err);
	return rc;
}

int
score_stories(struct story *v, size_t n, int wpm, int *scores, int *ready)
{
	struct rubric_opts none = RUBRIC_OPTS_INIT;
	struct match_env env;
	struct rubric rb;
	struct buf what = BUF_INIT;
	size_t i;
	int rc = 0;

	if (rubric_load(&none, &rb) < 0)
		return -1;
	if (match_env_init(&env) < 0) {
		rubric_free(&rb);
		return error("out of memory for the regex engine");
	}
	for (i = 0; i < n && rc == 0; i++) {
		struct lint_result res;

		buf_reset(&what);
		buf_addf(&what, "story %lld", v[i].id);
		rc = lint_one(&rb, &env, &v[i], 1, wpm, what.s, &res);
		scores[i] = res.score;
		ready[i] = res.ready;
		lint_result_release(&res);
	}
	buf_release(&what);
	match_env_free(&env);
	rubric_free(&rb);
	return rc;
}

int
load_scored(struct bank *b, struct scored *out)
{
	struct buf err = BUF_INIT;

	memset(out, 0, sizeof(*out));
	if (store_list(b, NULL, &out->v, &out->n, &err) < 0) {
		error_buf(&err);
		buf_release(&err);
		return -1;
	}
	out->score = xcalloc(out->n + 1, sizeof(*out->score));
	out->ready = xcalloc(out->n + 1, sizeof(*out->ready));
	if (score_stories(out->v, out->n, STORY_DEFAULT_WPM, out->score,
	    out->ready) < 0) {
		scored_release(out);
		return -1;
	}
	return 0;
}

void
scored_release(struct scored *s)
{
	store_free_list(s->v, s->n);
	free(s->score);
	free(s->ready);
	memset(s, 0, sizeof(*s));
}

long
scored_find(const struct scored *s, long long id)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (s->v[i].id == id)
			return (long)i;
	return -1;
}

int
lint_one(const struct rubric *rb, struct match_env *env, struct story *s,
    int from_bank, int wpm, const char *what, struct lint_result *res)
{
	struct buf err = BUF_INIT;
	int rc = 0;

	if (from_bank && story_locate(s, &err) < 0)
		rc = -1;
	if (rc == 0 && lint_story(rb, env, s, wpm, what, res, &err) < 0)
		rc = -1;
	if (rc < 0) {
		error_buf(&err);
		error("%s: not linted: a rule could not finish, so the story "
		    "is not reported clean", what);
	}
	buf_release(&err);
	return rc;
}

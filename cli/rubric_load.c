#include "cli/rubric_load.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "stories/principle.h"
#include "stories/render.h"
#include "stories/store.h"
#include "base/xalloc.h"

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
rubric_build(const struct rubric_opts *o, struct rubric *rb, struct buf *err)
{
	struct stat st;
	char *dir = user_dir();
	size_t i;
	int rc = 0;

	rubric_init(rb);
	if (rubric_add_default(rb, err) < 0)
		rc = -1;
	if (dir && stat(dir, &st) == 0 && S_ISDIR(st.st_mode) &&
	    rubric_add_dir(rb, dir, err) < 0)
		rc = -1;
	free(dir);
	for (i = 0; i < o->dirs.n; i++)
		if (rubric_add_dir(rb, o->dirs.v[i], err) < 0)
			rc = -1;
	if (rc == 0 && (rubric_compile(rb, err) < 0 ||
	    check_principles(rb, err) < 0 ||
	    rubric_select(rb, &o->only, &o->disable, err) < 0))
		rc = -1;
	if (rc < 0)
		rubric_free(rb);
	return rc;
}

int
rubric_load(const struct rubric_opts *o, struct rubric *rb)
{
	struct buf err = BUF_INIT;
	int rc = rubric_build(o, rb, &err);

	if (rc < 0)
		error_buf(&err);
	buf_release(&err);
	return rc;
}

int
lint_located(const struct rubric *rb, struct match_env *env,
    struct story *s, int from_bank, int wpm, const char *what,
    struct lint_result *res, struct buf *err)
{
	memset(res, 0, sizeof(*res));	/* released by callers even on failure */
	if (from_bank && story_locate(s, err) < 0)
		return -1;
	return lint_story(rb, env, s, wpm, what, res, err);
}

int
lint_one(const struct rubric *rb, struct match_env *env, struct story *s,
    int from_bank, int wpm, const char *what, struct lint_result *res)
{
	struct buf err = BUF_INIT;
	int rc = lint_located(rb, env, s, from_bank, wpm, what, res, &err);

	if (rc < 0) {
		error_buf(&err);
		error("%s: not linted: a rule could not finish, so the story "
		    "is not reported clean", what);
	}
	buf_release(&err);
	return rc;
}

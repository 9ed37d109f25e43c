#include "rubrics/linter.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/home.h"
#include "base/xalloc.h"
#include "stories/principle.h"
#include "stories/render.h"

void
rubric_opts_release(struct rubric_opts *o)
{
	strlist_clear(&o->dirs);
	strlist_clear(&o->only);
	strlist_clear(&o->disable);
}

/* The user's rule directory, or NULL when there is no home to hold it. */
static char *
user_dir(void)
{
	const char *xdg = getenv("XDG_CONFIG_HOME");
	struct buf b = BUF_INIT;
	char *home;

	if (xdg && *xdg == '/') {
		buf_addf(&b, "%s/lpcoach/rubrics", xdg);
		return buf_detach(&b);
	}
	if ((home = home_dir()) == NULL)
		return NULL;
	buf_addf(&b, "%s/.config/lpcoach/rubrics", home);
	free(home);
	return buf_detach(&b);
}

/* Rule files name principles by slug. */
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

/*
 * rubric_build(), with the patterns compiled only when compile is set:
 * the fingerprint and every rule's id, scope and principles are there
 * either way.
 */
static int
build(const struct rubric_opts *o, struct rubric *rb, int compile,
    struct buf *err)
{
	static const struct rubric_opts none = RUBRIC_OPTS_INIT;
	struct stat st;
	char *dir = user_dir();
	size_t i;
	int rc = 0;

	if (o == NULL)
		o = &none;
	rubric_init(rb);
	if (rubric_add_default(rb, err) < 0)
		rc = -1;
	/* No user directory is fine; one that cannot be reached is not. */
	if (dir && stat(dir, &st) < 0 && errno != ENOENT) {
		buf_addf(err, "%s: cannot read your rule files: %s\n", dir,
		    strerror(errno));
		rc = -1;
	} else if (dir && stat(dir, &st) == 0 && S_ISDIR(st.st_mode) &&
	    rubric_add_dir(rb, dir, err) < 0) {
		rc = -1;
	}
	free(dir);
	for (i = 0; i < o->dirs.n; i++)
		if (rubric_add_dir(rb, o->dirs.v[i], err) < 0)
			rc = -1;
	if (rc == 0 && ((compile && rubric_compile(rb, err) < 0) ||
	    check_principles(rb, err) < 0 ||
	    rubric_select(rb, &o->only, &o->disable, err) < 0))
		rc = -1;
	if (rc < 0)
		rubric_free(rb);
	return rc;
}

int
rubric_build(const struct rubric_opts *o, struct rubric *rb, struct buf *err)
{
	return build(o, rb, 1, err);
}

/* The second half of opening: the match environment for l->rb. */
static int
open_env(struct linter *l, struct buf *err)
{
	if (match_env_init(&l->env) < 0) {
		rubric_free(&l->rb);
		buf_addf(err, "out of memory for the regex engine\n");
		return -1;
	}
	return 0;
}

int
linter_open(struct linter *l, const struct rubric_opts *o, struct buf *err)
{
	memset(l, 0, sizeof(*l));
	if (rubric_build(o, &l->rb, err) < 0)
		return -1;
	return open_env(l, err);
}

int
linter_open_deferred(struct linter *l, const struct rubric_opts *o,
    struct buf *err)
{
	memset(l, 0, sizeof(*l));
	if (build(o, &l->rb, 0, err) < 0)
		return -1;
	l->deferred = 1;
	return 0;
}

/* Compiles what linter_open_deferred() left; 0, or -1 with err set. */
static int
undefer(struct linter *l, struct buf *err)
{
	if (rubric_compile(&l->rb, err) < 0 ||
	    match_env_init(&l->env) < 0) {
		buf_addf(err, "the rubric did not compile\n");
		return -1;
	}
	l->deferred = 0;
	return 0;
}

int
linter_open_default(struct linter *l, struct buf *err)
{
	memset(l, 0, sizeof(*l));
	rubric_init(&l->rb);
	if (rubric_add_default(&l->rb, err) < 0 ||
	    rubric_compile(&l->rb, err) < 0) {
		rubric_free(&l->rb);
		return -1;
	}
	return open_env(l, err);
}

void
linter_close(struct linter *l)
{
	match_env_free(&l->env);	/* zeroed while deferred: a no-op */
	rubric_free(&l->rb);
	memset(l, 0, sizeof(*l));
}

int
linter_lint(struct linter *l, struct story *s, int from_bank, int wpm,
    const char *what, struct lint_result *res, struct buf *err)
{
	memset(res, 0, sizeof(*res));	/* released by callers even on failure */
	if (l->deferred && undefer(l, err) < 0)
		return -1;
	if (from_bank && story_locate(s, err) < 0)
		return -1;
	return lint_story(&l->rb, &l->env, s, wpm, what, res, err);
}

void
linter_only_category(struct linter *l, const char *category)
{
	size_t r;

	for (r = 0; r < l->rb.n; r++)
		l->rb.rules[r].active = strcmp(l->rb.rules[r].category,
		    category) == 0;
}

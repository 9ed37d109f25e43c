/* The secrets gate: see lp/secrets.h. */
#include "lp/secrets.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "rubrics/linter.h"
#include "stories/comment.h"

/* Whether byte off of t lies in an HTML comment (as lint blanks them). */
static int
in_comment(const char *t, size_t off)
{
	size_t i, start, e;

	for (i = 0; comment_next(t, i, &start, &e) && start <= off; i = e)
		if (off < e)
			return 1;
	return 0;
}

struct gate {
	struct linter lint;
	struct secrets *out;
	struct buf name;	/* "story ID", for messages */
	struct buf *err;
};

/* Runs the secret rules over one field of story v[index]; 0 or -1. */
static int
check(struct gate *g, const struct story *s, size_t index,
    enum secret_field field, int sec, const char *text)
{
	struct lint_result res;
	size_t k;
	int rc;

	if (text == NULL || *text == '\0')
		return 0;
	rc = lint_field(&g->lint.rb, &g->lint.env, s, sec, text, g->name.s,
	    &res, g->err);
	for (k = 0; rc == 0 && k < res.n; k++) {
		struct secret *x;

		g->out->v = xgrow(g->out->v, &g->out->alloc, g->out->n + 1,
		    sizeof(*g->out->v));
		x = &g->out->v[g->out->n++];
		x->index = index;
		x->field = field;
		x->section = sec;
		if (field == SECRET_SECTION && in_comment(text, res.v[k].offset))
			x->field = SECRET_COMMENT;
		x->rule = xstrdup(res.v[k].rule->id);
		x->match = xstrdup(res.v[k].match);
	}
	lint_result_release(&res);
	return rc;
}

/* Every field of s that a shared file carries; 0 or -1. */
static int
check_story(struct gate *g, const struct story *s, size_t index)
{
	size_t i;
	int sec, rc;

	rc = check(g, s, index, SECRET_TITLE, -1, s->title);
	if (rc == 0)
		rc = check(g, s, index, SECRET_UID, -1, s->uid);
	if (rc == 0)
		rc = check(g, s, index, SECRET_PROJECT, -1, s->project);
	for (i = 0; rc == 0 && i < s->tags.n; i++)
		rc = check(g, s, index, SECRET_TAG, -1, s->tags.v[i]);
	for (i = 0; rc == 0 && i < s->lint_off.n; i++)
		rc = check(g, s, index, SECRET_LINT_OFF, -1, s->lint_off.v[i]);
	for (sec = 0; rc == 0 && sec < SEC_COUNT; sec++)
		rc = check(g, s, index, SECRET_SECTION, sec, s->section[sec]);
	if (rc == 0)
		rc = check(g, s, index, SECRET_CARD, -1, s->card);
	return rc;
}

int
secrets_find(struct story *v, size_t n, struct secrets *out, struct buf *err)
{
	struct gate g = { .out = out, .name = BUF_INIT, .err = err };
	size_t i, k;
	int rc = 0;

	memset(out, 0, sizeof(*out));
	if (linter_open(&g.lint, NULL, err) < 0)
		return -1;
	linter_only_category(&g.lint, "secrets");
	for (k = 0; k < g.lint.rb.n; k++)
		if (g.lint.rb.rules[k].active)
			strlist_push(&out->rules, g.lint.rb.rules[k].id);
	for (i = 0; i < n && rc == 0; i++) {
		buf_reset(&g.name);
		buf_addf(&g.name, "story %lld", v[i].id);
		if ((rc = check_story(&g, &v[i], i)) < 0)
			buf_addf(err, "%s: not checked for secrets: a rule "
			    "could not finish\n", g.name.s);
	}
	buf_release(&g.name);
	linter_close(&g.lint);
	return rc;
}

int
secrets_uid_words(const struct story *v, size_t n, char ***words,
    struct buf *err)
{
	struct buf quiet = BUF_INIT;
	struct linter lint;
	struct lint_result res;
	size_t i, k;
	int rc = 0;

	*words = xcalloc(n + 1, sizeof(**words));
	for (i = 0; i < n && v[i].uid; i++)
		;
	if (i == n)
		return 0;
	/*
	 * A user rubric that does not load is lint's to report and must not
	 * stop an add (lp/scoring.c): then the default rules make the uid.
	 */
	if (linter_open(&lint, NULL, &quiet) < 0 &&
	    linter_open_default(&lint, err) < 0) {
		buf_release(&quiet);
		free(*words);
		*words = NULL;
		return -1;
	}
	buf_release(&quiet);
	linter_only_category(&lint, "secrets");
	for (i = 0; i < n && rc == 0; i++) {
		if (v[i].uid || v[i].title == NULL)
			continue;
		rc = lint_field(&lint.rb, &lint.env, &v[i], -1, v[i].title,
		    "a title", &res, err);
		for (k = 0; rc == 0 && k < res.n; k++) {
			if ((*words)[i] == NULL)
				(*words)[i] = xstrdup(v[i].title);
			memset((*words)[i] + res.v[k].offset, ' ',
			    res.v[k].end - res.v[k].offset);
		}
		lint_result_release(&res);
	}
	linter_close(&lint);
	if (rc < 0) {
		for (i = 0; i < n; i++)
			free((*words)[i]);
		free(*words);
		*words = NULL;
	}
	return rc;
}

int
secrets_in(const struct secrets *s, size_t index, enum secret_field field)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (s->v[i].index == index && s->v[i].field == field)
			return 1;
	return 0;
}

void
secrets_release(struct secrets *s)
{
	size_t i;

	for (i = 0; i < s->n; i++) {
		free(s->v[i].rule);
		free(s->v[i].match);
	}
	free(s->v);
	strlist_clear(&s->rules);
	memset(s, 0, sizeof(*s));
}

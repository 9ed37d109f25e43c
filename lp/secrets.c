/* The secrets gate: see lp/secrets.h. */
#include "lp/secrets.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "rubrics/linter.h"
#include "stories/comment.h"
#include "stories/store.h"

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

/*
 * Opens lint over the secret rules alone: the user's rubric, or the
 * default one when the user's rule files do not load (a rubric that does
 * not load is lint's to report and must not stop an add or a doctor).
 */
static int
open_secret_rules(struct linter *lint, struct buf *err)
{
	struct buf quiet = BUF_INIT;
	int rc = 0;

	if (linter_open(lint, NULL, &quiet) < 0 &&
	    linter_open_default(lint, err) < 0)
		rc = -1;
	buf_release(&quiet);
	if (rc == 0)
		linter_only_category(lint, "secrets");
	return rc;
}

/*
 * Sets *words to s's title with each secret blanked out, or NULL when it
 * holds none; *rule (when rule is not NULL) to the first one's rule id.
 * 0, or -1 with err set.
 */
static int
title_less_secrets(struct linter *lint, const struct story *s, char **words,
    char **rule, struct buf *err)
{
	struct lint_result res;
	size_t k;
	int rc;

	*words = NULL;
	rc = lint_field(&lint->rb, &lint->env, s, -1, s->title, "a title",
	    &res, err);
	for (k = 0; rc == 0 && k < res.n; k++) {
		if (*words == NULL) {
			*words = xstrdup(s->title);
			if (rule)
				*rule = xstrdup(res.v[k].rule->id);
		}
		memset(*words + res.v[k].offset, ' ',
		    res.v[k].end - res.v[k].offset);
	}
	lint_result_release(&res);
	return rc;
}

int
secrets_uid_words(const struct story *v, size_t n, char ***words,
    struct buf *err)
{
	struct linter lint;
	size_t i;
	int rc = 0;

	*words = xcalloc(n + 1, sizeof(**words));
	for (i = 0; i < n && v[i].uid; i++)
		;
	if (i == n)
		return 0;
	if (open_secret_rules(&lint, err) < 0) {
		free(*words);
		*words = NULL;
		return -1;
	}
	for (i = 0; i < n && rc == 0; i++) {
		if (v[i].uid || v[i].title == NULL)
			continue;
		rc = title_less_secrets(&lint, &v[i], &(*words)[i], NULL, err);
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

/* store_foreach() state for secrets_uid_leaks(). */
struct leaks {
	struct linter lint;
	struct uid_leak *v;
	size_t n, alloc;
	struct buf *err;
};

/* Whether the uid of s was made from the title's words with a secret. */
static int
uid_from_secret(const struct story *s, const char *words)
{
	char *full = store_uid_stem(s->title), *clean = store_uid_stem(words);
	size_t len = strlen(full);
	int from = strcmp(full, clean) != 0 &&
	    strncmp(s->uid, full, len) == 0 &&
	    (s->uid[len] == '-' || s->uid[len] == '\0');

	free(full);
	free(clean);
	return from;
}

static int
leak_of(struct story *s, void *ctx)
{
	struct leaks *l = ctx;
	struct lint_result res;
	char *words = NULL, *rule = NULL;
	int rc, in_uid = 0;

	if (s->uid == NULL)
		return 0;
	rc = lint_field(&l->lint.rb, &l->lint.env, s, -1, s->uid, "a uid",
	    &res, l->err);
	if (rc == 0 && res.n) {
		rule = xstrdup(res.v[0].rule->id);
		in_uid = 1;
	}
	lint_result_release(&res);
	if (rc == 0 && s->title)
		rc = title_less_secrets(&l->lint, s, &words, rule ? NULL :
		    &rule, l->err);
	if (rc == 0 && rule && (in_uid || (words &&
	    uid_from_secret(s, words)))) {
		struct uid_leak *x;

		l->v = xgrow(l->v, &l->alloc, l->n + 1, sizeof(*l->v));
		x = &l->v[l->n++];
		memset(x, 0, sizeof(*x));
		x->id = s->id;
		x->uid = xstrdup(s->uid);
		x->rule = rule;
		x->words = words ? words : xstrdup(s->title ? s->title : "");
		rule = words = NULL;
	}
	free(rule);
	free(words);
	if (rc < 0)
		buf_addf(l->err, "story %lld: not checked for secrets: a rule "
		    "could not finish\n", s->id);
	return rc;
}

int
secrets_uid_leaks(struct bank *b, struct uid_leak **out, size_t *n,
    struct buf *err)
{
	struct leaks l = { .err = err };
	struct strlist damaged = STRLIST_INIT, *keep = b->damaged;
	int rc;

	*out = NULL;
	*n = 0;
	if (open_secret_rules(&l.lint, err) < 0)
		return -1;
	b->damaged = &damaged;
	rc = store_foreach(b, NULL, leak_of, &l, err);
	b->damaged = keep;
	strlist_clear(&damaged);
	linter_close(&l.lint);
	if (rc != 0) {
		uid_leaks_free(l.v, l.n);
		return -1;
	}
	*out = l.v;
	*n = l.n;
	return 0;
}

void
uid_leaks_free(struct uid_leak *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].uid);
		free(v[i].rule);
		free(v[i].words);
		free(v[i].new_uid);
	}
	free(v);
}

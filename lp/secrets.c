#include "lp/secrets.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "rubrics/linter.h"

int
secrets_find(struct story *v, size_t n, struct secrets *out, struct buf *err)
{
	struct linter lint;
	struct buf name = BUF_INIT;
	size_t i, k;
	int rc = 0;

	memset(out, 0, sizeof(*out));
	if (linter_open(&lint, NULL, err) < 0)
		return -1;
	linter_only_category(&lint, "secrets");
	for (i = 0; i < lint.rb.n; i++)
		if (lint.rb.rules[i].active)
			strlist_push(&out->rules, lint.rb.rules[i].id);
	out->v = xcalloc(n + 1, sizeof(*out->v));
	for (i = 0; i < n && rc == 0; i++) {
		struct secret_story *ss = &out->v[out->n];
		struct lint_result res;

		buf_reset(&name);
		buf_addf(&name, "story %lld", v[i].id);
		if (linter_lint(&lint, &v[i], 1, STORY_DEFAULT_WPM, name.s,
		    &res, err) < 0) {
			buf_addf(err, "%s: not checked for secrets: a rule "
			    "could not finish\n", name.s);
			rc = -1;
		} else if (res.n) {
			ss->index = i;
			for (k = 0; k < res.n; k++)
				strlist_push(&ss->matches, res.v[k].match ?
				    res.v[k].match : "?");
			out->n++;
		}
		lint_result_release(&res);
	}
	buf_release(&name);
	linter_close(&lint);
	return rc;
}

void
secrets_release(struct secrets *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		strlist_clear(&s->v[i].matches);
	free(s->v);
	strlist_clear(&s->rules);
	memset(s, 0, sizeof(*s));
}

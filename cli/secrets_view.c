/* The secrets gate: see cli/secrets_view.h and lp/secrets.h. */
#include "cli/secrets_view.h"

#include "base/shquote.h"
#include "cli/cli.h"
#include "cli/term.h"
#include "lp/secrets.h"

/* Where in the story a secret is, as the message says it. */
static void
where(const struct secret *x, struct buf *out)
{
	switch (x->field) {
	case SECRET_TITLE: buf_adds(out, "its title"); break;
	case SECRET_UID: buf_adds(out, "its uid"); break;
	case SECRET_PROJECT: buf_adds(out, "its project"); break;
	case SECRET_TAG: buf_adds(out, "a tag"); break;
	case SECRET_LINT_OFF: buf_adds(out, "its 'lint: {disable}'"); break;
	case SECRET_SECTION:
		buf_addf(out, "its %s", section_name(x->section));
		break;
	case SECRET_COMMENT:
		buf_addf(out, "a comment in its %s", section_name(x->section));
		break;
	case SECRET_CARD: buf_adds(out, "its Card"); break;
	}
}

int
secrets_refuse(struct story *v, size_t n, const char *what)
{
	struct buf err = BUF_INIT, hint = BUF_INIT, at = BUF_INIT;
	struct secrets s;
	size_t i, k;
	int found;

	if (secrets_find(v, n, &s, &err) < 0) {
		secrets_release(&s);
		error_out(&err);
		return -1;
	}
	for (i = 0; i < s.n; i++) {
		const struct secret *x = &s.v[i];
		const struct story *st = &v[x->index];

		fprintf(stderr, "lpcoach: story %lld", st->id);
		/* A title that holds a secret is not shown whole. */
		if (!secrets_in(&s, x->index, SECRET_TITLE)) {
			fputs(" (", stderr);
			term_puts(stderr, st->title, 0);
			fputc(')', stderr);
		}
		buf_reset(&at);
		where(x, &at);
		fprintf(stderr, " holds a secret in %s: ", at.s);
		term_puts(stderr, x->match, 0);
		fputs(" [", stderr);
		term_puts(stderr, x->rule, 0);
		fputs("]\n", stderr);
	}
	/* The hint names the secret rules there are, not a list kept here. */
	for (k = 0; k < s.rules.n; k++) {
		buf_adds(&hint, " --only ");
		shquote(&hint, s.rules.v[k]);
	}
	if (s.n)
		error("not %s: edit the secrets out ('lpcoach lint%s' shows "
		    "those in the text) or give --allow-secrets", what, hint.s);
	/* Stories, not secrets: the caller says how many were refused. */
	for (i = found = 0; i < s.n; i++)
		found += i == 0 || s.v[i].index != s.v[i - 1].index;
	secrets_release(&s);
	buf_release(&hint);
	buf_release(&at);
	return found;
}

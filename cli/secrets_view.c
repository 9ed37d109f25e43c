/* The secrets gate: see cli/secrets_view.h and lp/secrets.h. */
#include "cli/secrets_view.h"

#include "cli/cli.h"
#include "cli/term.h"
#include "lp/secrets.h"

int
secrets_refuse(struct story *v, size_t n, const char *what)
{
	struct buf err = BUF_INIT, hint = BUF_INIT;
	struct secrets s;
	size_t i, k;
	int found;

	if (secrets_find(v, n, &s, &err) < 0) {
		secrets_release(&s);
		error_out(&err);
		return -1;
	}
	for (i = 0; i < s.n; i++) {
		const struct story *st = &v[s.v[i].index];

		fprintf(stderr, "lpcoach: story %lld (", st->id);
		term_puts(stderr, st->title, 0);
		fputs(") holds a secret:", stderr);
		for (k = 0; k < s.v[i].matches.n; k++) {
			fputs(k ? ", " : " ", stderr);
			term_puts(stderr, s.v[i].matches.v[k], 0);
		}
		fputc('\n', stderr);
	}
	/* The hint names the secret rules there are, not a list kept here. */
	for (k = 0; k < s.rules.n; k++)
		buf_addf(&hint, " --only %s", s.rules.v[k]);
	if (s.n)
		error("not %s: remove the secrets (see 'lpcoach lint%s') or "
		    "give --allow-secrets", what, hint.s);
	found = (int)s.n;
	secrets_release(&s);
	buf_release(&hint);
	return found;
}

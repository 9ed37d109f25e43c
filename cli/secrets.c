#include "cli/secrets.h"

#include <string.h>

#include "cli/cli.h"
#include "cli/rubric_load.h"
#include "cli/term.h"

int
report_secrets(struct story *v, size_t n, const char *what)
{
	struct rubric_opts none = RUBRIC_OPTS_INIT;
	struct match_env env;
	struct rubric rb;
	struct buf name = BUF_INIT;
	size_t i, k, r;
	int found = 0;

	if (rubric_load(&none, &rb) < 0)
		return -1;
	for (r = 0; r < rb.n; r++)
		rb.rules[r].active = strcmp(rb.rules[r].category, "secrets") ==
		    0;
	if (match_env_init(&env) < 0) {
		rubric_free(&rb);
		return -1;
	}
	for (i = 0; i < n; i++) {
		struct lint_result res;

		buf_reset(&name);
		buf_addf(&name, "story %lld", v[i].id);
		if (lint_one(&rb, &env, &v[i], 1, STORY_DEFAULT_WPM, name.s,
		    &res) < 0) {
			lint_result_release(&res);
			found = -1;
			break;
		}
		if (res.n) {
			found++;
			fprintf(stderr, "lpcoach: story %lld (", v[i].id);
			term_puts(stderr, v[i].title, 0);
			fputs(") holds a secret:", stderr);
			for (k = 0; k < res.n; k++) {
				fputs(k ? ", " : " ", stderr);
				term_puts(stderr, res.v[k].match ?
				    res.v[k].match : "?", 0);
			}
			fputc('\n', stderr);
		}
		lint_result_release(&res);
	}
	if (found > 0)
		error("not %s: remove the secrets (see 'lpcoach lint --only "
		    "secret-token --only secret-assignment --only email-address') "
		    "or give --allow-secrets", what);
	buf_release(&name);
	match_env_free(&env);
	rubric_free(&rb);
	return found;
}

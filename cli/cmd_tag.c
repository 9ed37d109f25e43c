#include <string.h>

#include "cli/cli.h"
#include "cli/scoring.h"
#include "cli/term.h"
#include "stories/principle.h"
#include "stories/store.h"

const char usage_tag[] =
"usage: lpcoach tag STORY [+P|-P|P]...\n"
"\n"
"Adds (+P or P) and removes (-P) principles on a story; with none, shows\n"
"its principles.  P is a slug, name, alias or unique prefix; quote names\n"
"with spaces.  All names are checked before anything changes.\n";

static void
print_principles(const struct story *s)
{
	size_t i;

	printf("%lld  ", s->id);
	term_puts(stdout, s->title, 0);
	fputs(": ", stdout);
	for (i = 0; i < s->principles.n; i++) {
		const struct principle *p = principle_by_slug(s->principles.v[i]);

		printf("%s%s", i ? ", " : "", p ? p->name : s->principles.v[i]);
	}
	puts(s->principles.n ? "" : "(no principles)");
}

int
cmd_tag(struct cli *c, int argc, char **argv)
{
	struct buf err = BUF_INIT;
	struct story s;
	struct bank b;
	const char *ref = NULL;
	long long id;
	int i, rc, nops = 0, status = ST_ERROR, opened = 0;

	/*
	 * No getopt here: "-dive-deep" is an operand.  Only help and the
	 * global options are options.
	 */
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
			fputs(c->usage, stdout);
			return ST_OK;
		}
		if (strcmp(argv[i], "--db") == 0 && i + 1 < argc) {
			c->db_opt = argv[++i];
			argv[i - 1] = argv[i] = NULL;
		} else if (strncmp(argv[i], "--db=", 5) == 0) {
			c->db_opt = argv[i] + 5;
			argv[i] = NULL;
		} else if (strncmp(argv[i], "--color", 7) == 0) {
			argv[i] = NULL;
		} else if (ref == NULL) {
			ref = argv[i];
			argv[i] = NULL;
		}
	}
	if (ref == NULL)
		return usage_error(c, "which story?");
	story_init(&s);
	/* Check every name before touching the bank. */
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (a == NULL)
			continue;
		if (*a == '+' || *a == '-')
			a++;
		principle_resolve(a, &err);
		nops++;
	}
	if (err.len) {
		error_buf(&err);
		note("nothing was changed");
		goto out;
	}
	if (cli_open_bank(c, &b, BANK_WRITE) < 0)
		goto out;
	opened = 1;
	if (bank_begin(&b, &err) < 0)
		goto fail;
	rc = store_resolve(&b, ref, &id, &err);
	if (rc == STORE_FOUND)
		rc = store_load(&b, id, &s, &err);
	if (rc != 0) {
		bank_rollback(&b);
		error_buf(&err);
		status = rc == STORE_NOT_FOUND ? ST_FINDINGS : ST_ERROR;
		goto out;
	}
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		const struct principle *p;
		long at;

		if (a == NULL)
			continue;
		p = principle_resolve(a + (*a == '+' || *a == '-'), &err);
		at = strlist_find(&s.principles, p->slug);
		if (*a == '-' && at >= 0)
			strlist_remove(&s.principles, (size_t)at);
		else if (*a == '-')
			note("story %lld was not tagged with %s", s.id,
			    p->name);
		else if (at < 0)
			strlist_push(&s.principles, p->slug);
	}
	if (nops > 0 && (store_update(&b, &s, s.version, &err) != 0 ||
	    scores_refresh(&b, &err) < 0 || bank_commit(&b, &err) < 0))
		goto fail;
	bank_rollback(&b);	/* nothing to do when only showing */
	print_principles(&s);
	status = ST_OK;
	goto out;
fail:
	bank_rollback(&b);
	error_buf(&err);
out:
	if (opened)
		bank_close(&b);
	story_release(&s);
	buf_release(&err);
	return status;
}

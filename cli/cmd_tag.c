/* lpcoach tag: adds and removes a story's principles. */
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "cli/cli.h"
#include "cli/term.h"
#include "cli/saved_view.h"
#include "lp/story_edit.h"
#include "stories/store.h"

/*
 * Operands such as "-dive-deep" start with a dash, so only the global
 * options are options here (CMD_DASH_OPERANDS).
 */
const struct cmd_spec spec_tag = {
	.name = "tag",
	.operands = "STORY [+P|-P|P]...",
	.about =
"Adds (+P or P) and removes (-P) principles on a story; with none, shows\n"
"its principles.  P is a slug, name, alias or unique prefix; quote names\n"
"with spaces.  All names are checked before anything changes.\n",
	.flags = CMD_DASH_OPERANDS,
};

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

/* Reads +P, -P and P into ops; every bad name is reported.  0 or -1. */
static int
read_ops(char **args, int n, struct tag_op *ops)
{
	struct buf err = BUF_INIT;
	int i;

	for (i = 0; i < n; i++) {
		const char *a = args[i];
		const struct principle *p;

		ops[i].remove = *a == '-';
		if (*a == '+' || *a == '-')
			a++;
		if ((p = principle_resolve(a, &err)) != NULL)
			ops[i].slug = p->slug;
	}
	if (err.len == 0)
		return 0;
	error_buf(&err);
	note("nothing was changed");
	buf_release(&err);
	return -1;
}

int
cmd_tag(struct cli *c, int argc, char **argv)
{
	struct strlist notes = STRLIST_INIT;
	struct buf err = BUF_INIT;
	struct tag_op *ops;
	struct opt_args a;
	struct story s, old;
	struct bank b;
	long long id;
	size_t i;
	int have_old = 0, rc, st = cli_parse(c, &spec_tag, NULL, argc, argv, &a);

	if (st >= 0)
		return st;
	if (a.n == 0)
		return usage_error(c, "which story?");
	ops = xcalloc((size_t)a.n, sizeof(*ops));
	story_init(&s);
	story_init(&old);
	if (read_ops(a.v + 1, a.n - 1, ops) < 0) {
		st = ST_ERROR;
	} else if (cli_open_bank(c, &b, BANK_WRITE) < 0) {
		st = ST_ERROR;
	} else {
		/* The story as it was, to say what the change did to it. */
		if (a.n > 1 && store_resolve(&b, a.v[0], &id, &err) ==
		    STORE_FOUND && store_load(&b, id, &old, &err) == 0)
			have_old = 1;
		buf_reset(&err);
		rc = story_tag(&b, a.v[0], ops, (size_t)a.n - 1, &s, &notes,
		    &err);
		for (i = 0; i < notes.n; i++)
			note("story %lld was not tagged with %s", s.id,
			    notes.v[i]);
		if (rc == 0) {
			print_principles(&s);
			if (have_old) {
				fputs("  ", stdout);
				saved_change(&b, &old, &s);
			}
		} else {
			error_buf(&err);
		}
		st = cli_status(rc, ST_FINDINGS);
		bank_close(&b);
	}
	free(ops);
	strlist_clear(&notes);
	story_release(&s);
	story_release(&old);
	buf_release(&err);
	return st;
}

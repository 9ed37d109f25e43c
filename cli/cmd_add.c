/* lpcoach add: new stories from files or the editor. */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/editor.h"
#include "cli/saved_view.h"
#include "stories/ingest.h"
#include "lp/lint_run.h"
#include "lp/story_edit.h"
#include "cli/term.h"
#include "base/xalloc.h"

struct add_opts {
	int no_write_uid;
};

static const struct opt add_options[] = {
	{ .type = OPT_FLAG, .name = "no-write-uid",
	  .off = OPT_FIELD(struct add_opts, no_write_uid),
	  .help = "leave story files without a uid as they are" },
	{ .type = OPT_END }
};

const struct cmd_spec spec_add = {
	.name = "add",
	.operands = "[FILE.md|-]...",
	.about =
"Adds stories from story files ('-' reads standard input).  With no FILE,\n"
"opens $VISUAL or $EDITOR on a template.  Nothing is added unless every\n"
"file is good; every bad file is listed with line, column and reason.  A\n"
"story whose uid is already in the bank is refused (import updates it).\n"
"The uid made for a file without one is written into its front matter,\n"
"so that importing the file again updates the story (--no-write-uid: not).\n",
	.opts = add_options,
};

static const char template[] =
"---\n"
"title: \n"
"principles: []   # e.g. [dive-deep, ownership]; 'lpcoach principles' lists them\n"
"project:         # optional: groups stories about one piece of work\n"
"tags: []\n"
"---\n"
"## Situation\n"
"\n"
"## Task\n"
"\n"
"## Action\n"
"\n"
"## Result\n"
"\n"
"## Reflection\n";

static void
print_added(const struct story *s)
{
	printf("added %lld  ", s->id);
	term_puts(stdout, s->title, 0);
	printf("  (%s)", s->uid);
}

/* Stores every story in one transaction; returns a status. */
static int
add_all(struct cli *c, struct story *v, char **from, size_t n)
{
	struct buf err = BUF_INIT;
	struct story **order = NULL;
	int *scores = NULL, *ready = NULL;
	struct bank b;
	size_t i, k;
	int st = ST_OK;

	if (cli_open_bank(c, &b, BANK_WRITE) < 0)
		return ST_ERROR;
	if (stories_add(&b, v, from, n, &order, &err) < 0) {
		st = error_out(&err);
		note("nothing was added");
	} else {
		saved_scores(&b, v, n, &scores, &ready);
		for (i = 0; i < n; i++) {
			print_added(order[i]);
			k = (size_t)(order[i] - v);
			if (scores) {
				fputs("  ", stdout);
				saved_say(order[i], scores[k], ready[k], -1);
			} else {
				putchar('\n');
			}
		}
	}
	bank_close(&b);
	free(scores);
	free(ready);
	free(order);
	return st;
}

static int
add_from_editor(struct cli *c)
{
	struct story s;
	char *bank_path = cli_bank_path(c), *path = NULL;
	int status;

	if (bank_path == NULL)
		return ST_ERROR;
	story_init(&s);
	switch (edit_story(bank_path, "new", template, &s, &path)) {
	case EDIT_OK:
		status = add_all(c, &s, &path, 1);
		if (status == ST_OK)
			edit_done(path);
		else
			error("your text is kept in %s", path);
		break;
	case EDIT_UNCHANGED:
		status = error("nothing added: the template was not changed");
		break;
	default:
		status = ST_ERROR;
		break;
	}
	story_release(&s);
	free(path);
	free(bank_path);
	return status;
}

int
cmd_add(struct cli *c, int argc, char **argv)
{
	struct add_opts o = { 0 };
	struct ingest in = INGEST_INIT;
	struct buf err = BUF_INIT;
	struct opt_args a;
	int rc, st = cli_parse(c, &spec_add, &o, argc, argv, &a);

	if (st >= 0)
		return st;
	if (a.n == 0)
		return add_from_editor(c);
	rc = ingest_paths(&in, a.v, a.n, &err);
	error_buf(&in.warn);
	if (rc < 0) {
		st = error_out(&err);
		note("nothing was added");
	} else if (in.n == 0) {
		st = error("no story found in the given files");
	} else {
		/* A directive naming no rule: said now, an error in lint. */
		lint_warn_directives(in.v, in.from, in.n, &err);
		if (err.len)
			error_buf(&err);
		buf_reset(&err);
		st = add_all(c, in.v, in.from, in.n);
		if (st == ST_OK && !o.no_write_uid) {
			ingest_write_uids(&in, &err);
			error_buf(&err);
		}
	}
	ingest_release(&in);
	buf_release(&err);
	return st;
}

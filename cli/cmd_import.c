/* lpcoach import: story files and JSON documents into the bank. */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/term.h"
#include "lp/lint_run.h"
#include "lp/story_edit.h"
#include "stories/ingest.h"

struct import_opts {
	int dry;
	int no_write_uid;
};

static const struct opt import_options[] = {
	{ .type = OPT_FLAG, .name = "dry-run", .letter = 'n',
	  .off = OPT_FIELD(struct import_opts, dry),
	  .help = "say what would be added and updated, change nothing" },
	{ .type = OPT_FLAG, .name = "no-write-uid",
	  .off = OPT_FIELD(struct import_opts, no_write_uid),
	  .help = "leave story files without a uid as they are" },
	{ .type = OPT_END }
};

const struct cmd_spec spec_import = {
	.name = "import",
	.operands = "PATH...",
	.about =
"Imports story files (.md) and JSON documents (.json, as written by\n"
"'export --format json'); a directory is searched for both, in name order.\n"
"A story whose uid is in the bank updates that story; identical stories\n"
"are left alone, with a uid or without.  All or nothing: one bad file\n"
"means nothing is imported, and every bad file is listed with line, column\n"
"and reason.  A story file without a uid is given the story's uid in its\n"
"front matter, so that it and the bank stay in step (--no-write-uid: not).\n",
	.opts = import_options,
};

static const char *const verbs[] = { "add", "update", "unchanged" };

/* A dry run says each change it would make. */
static void
seen(void *ctx, const struct story *s, enum import_action act)
{
	if (!*(int *)ctx || act == IMPORT_SAME)
		return;
	printf("would %s: ", verbs[act]);
	term_puts(stdout, s->title, 0);
	printf(" (%s)\n", s->uid ? s->uid : "new uid");
}

int
cmd_import(struct cli *c, int argc, char **argv)
{
	struct import_opts o = { 0 };
	struct ingest in = INGEST_INIT;
	struct buf err = BUF_INIT;
	struct opt_args a;
	struct bank b;
	size_t count[3];
	int rc, st = cli_parse(c, &spec_import, &o, argc, argv, &a);

	if (st >= 0)
		return st;
	if (a.n == 0)
		return usage_error(c, "what to import? give files or "
		    "directories");
	rc = ingest_paths(&in, a.v, a.n, &err);
	error_buf(&in.warn);
	if (rc < 0) {
		st = error_out(&err);
		note("nothing was imported");
		ingest_release(&in);
		return st;
	}
	/* A directive naming no rule: said now, an error when linted. */
	lint_warn_directives(in.v, in.from, in.n, &err);
	if (err.len)
		error_buf(&err);
	buf_reset(&err);
	if (cli_open_bank(c, &b, o.dry ? BANK_READ : BANK_WRITE) < 0) {
		st = ST_ERROR;
	} else {
		if (stories_import(&b, in.v, in.n, o.dry, seen, &o.dry, count,
		    &err) < 0) {
			st = error_out(&err);
			note("nothing was imported");
		} else {
			printf("%s%zu added, %zu updated, %zu unchanged (%zu "
			    "files)\n", o.dry ? "dry run: would be " :
			    "imported: ", count[IMPORT_ADD],
			    count[IMPORT_UPDATE], count[IMPORT_SAME], in.files);
			st = ST_OK;
			if (!o.dry && !o.no_write_uid) {
				ingest_write_uids(&in, &err);
				error_buf(&err);
			}
		}
		bank_close(&b);
	}
	ingest_release(&in);
	buf_release(&err);
	return st;
}

#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "stories/ingest.h"
#include "cli/scoring.h"
#include "cli/term.h"
#include "stories/store.h"

const char usage_import[] =
"usage: lpcoach import [--dry-run] PATH...\n"
"\n"
"Imports story files (.md) and JSON documents (.json, as written by\n"
"'export --format json'); a directory is searched for both, in name order.\n"
"A story whose uid is in the bank updates that story; identical stories\n"
"are left alone.  All or nothing: one bad file means nothing is imported,\n"
"and every bad file is listed with line, column and reason.\n"
"\n"
"  --dry-run   say what would be added and updated, change nothing\n";

static const char *const verbs[] = { "add", "update", "unchanged" };


int
cmd_import(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "dry-run", no_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 }
	};
	struct ingest in = INGEST_INIT;
	struct buf err = BUF_INIT;
	struct story **order = NULL;
	enum import_action act;
	struct bank b;
	size_t i, count[3] = { 0, 0, 0 };
	int opt, dry = 0, status = ST_OK, opened = 0;

	while ((opt = cli_getopt(c, argc, argv, "n", opts)) != -1) {
		if (opt == 'n')
			dry = 1;
		else
			return opt == 'h' ? ST_OK : ST_ERROR;
	}
	if (optind == argc)
		return usage_error(c, "what to import? give files or "
		    "directories");
	if (ingest_paths(&in, argv + optind, argc - optind, &err) < 0) {
		error_buf(&err);
		note("nothing was imported");
		status = ST_ERROR;
		goto done;
	}
	if (cli_open_bank(c, &b, dry ? BANK_READ : BANK_WRITE) < 0) {
		status = ST_ERROR;
		goto done;
	}
	opened = 1;
	order = calloc(in.n ? in.n : 1, sizeof(*order));
	for (i = 0; i < in.n; i++)
		order[i] = &in.v[i];
	qsort(order, in.n, sizeof(*order), story_cmp_created);
	if (!dry && bank_begin(&b, &err) < 0)
		goto fail;
	for (i = 0; i < in.n; i++) {
		struct story *s = order[i];

		if (dry ? store_import_action(&b, s, &act, &err) :
		    store_import(&b, s, &act, &err))
			goto fail;
		count[act]++;
		if (dry && act != IMPORT_SAME) {
			printf("would %s: ", verbs[act]);
			term_puts(stdout, s->title, 0);
			printf(" (%s)\n", s->uid ? s->uid : "new uid");
		}
	}
	if (!dry && (scores_refresh(&b, &err) < 0 ||
	    bank_commit(&b, &err) < 0))
		goto fail;
	printf("%s%zu added, %zu updated, %zu unchanged (%zu files)\n",
	    dry ? "dry run: would be " : "imported: ", count[IMPORT_ADD],
	    count[IMPORT_UPDATE], count[IMPORT_SAME], in.files);
	goto done;
fail:
	bank_rollback(&b);
	status = error_buf(&err);
	note("nothing was imported");
done:
	if (opened)
		bank_close(&b);
	free(order);
	ingest_release(&in);
	buf_release(&err);
	return status;
}

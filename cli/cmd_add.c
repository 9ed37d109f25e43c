#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/editor.h"
#include "stories/ingest.h"
#include "cli/scoring.h"
#include "cli/term.h"
#include "stories/store.h"
#include "base/xalloc.h"

const char usage_add[] =
"usage: lpcoach add [FILE.md|-]...\n"
"\n"
"Adds stories from story files ('-' reads standard input).  With no FILE,\n"
"opens $VISUAL or $EDITOR on a template.  Nothing is added unless every\n"
"file is good; every bad file is listed with line, column and reason.  A\n"
"story whose uid is already in the bank is refused (import updates it).\n";

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
	printf("  (%s)\n", s->uid);
}

/* Stores every story in one transaction; returns a status. */
static int
add_all(struct cli *c, struct story *v, char **from, size_t n)
{
	struct buf err = BUF_INIT;
	struct story **order = xcalloc(n, sizeof(*order));
	struct bank b;
	long long other;
	size_t i;
	int status = ST_OK;

	/* The same order import uses, so ids follow creation then uid. */
	for (i = 0; i < n; i++)
		order[i] = &v[i];
	qsort(order, n, sizeof(*order), story_cmp_created);

	if (cli_open_bank(c, &b, BANK_WRITE) < 0) {
		free(order);
		return ST_ERROR;
	}
	if (bank_begin(&b, &err) < 0)
		goto fail;
	for (i = 0; i < n; i++) {
		if (v[i].uid) {
			if (store_find_uid(&b, v[i].uid, &other, &err) < 0)
				goto fail;
			if (other) {
				buf_addf(&err, "%s: uid '%s' is already in the "
				    "bank (story %lld); 'lpcoach import' "
				    "updates it\n", from[i], v[i].uid, other);
				continue;
			}
		}
	}
	if (err.len)
		goto fail;
	for (i = 0; i < n; i++)
		if (store_insert(&b, order[i], &err) < 0)
			goto fail;
	if (scores_refresh(&b, &err) < 0 || bank_commit(&b, &err) < 0)
		goto fail;
	for (i = 0; i < n; i++)
		print_added(order[i]);
	goto done;
fail:
	bank_rollback(&b);
	status = error_buf(&err);
	note("nothing was added");
done:
	bank_close(&b);
	buf_release(&err);
	free(order);
	return status;
}

static int
add_from_editor(struct cli *c)
{
	struct story s;
	char *bank_path = bank_default_path(c->db_opt), *path = NULL;
	int status;

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
	struct ingest in = INGEST_INIT;
	struct buf err = BUF_INIT;
	int opt, status;

	while ((opt = cli_getopt(c, argc, argv, "", NULL)) != -1)
		return opt == 'h' ? ST_OK : ST_ERROR;
	if (optind == argc)
		return add_from_editor(c);
	if (ingest_paths(&in, argv + optind, argc - optind, &err) < 0) {
		error_buf(&err);
		note("nothing was added");
		status = ST_ERROR;
	} else if (in.n == 0) {
		status = error("no story found in the given files");
	} else {
		status = add_all(c, in.v, in.from, in.n);
	}
	ingest_release(&in);
	buf_release(&err);
	return status;
}

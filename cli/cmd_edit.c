#include <stdlib.h>

#include "cli/cli.h"
#include "cli/editor.h"
#include "cli/scoring.h"
#include "cli/term.h"
#include "stories/render.h"
#include "stories/store.h"

const char usage_edit[] =
"usage: lpcoach edit STORY\n"
"\n"
"Opens one story in $VISUAL or $EDITOR as a story file and saves it back.\n"
"A parse error offers to edit again on a terminal, else keeps the file and\n"
"prints its path.  If the story changed in the bank while the editor was\n"
"open, nothing is overwritten and the edited file is kept.  An unchanged\n"
"file changes nothing.\n";

int
cmd_edit(struct cli *c, int argc, char **argv)
{
	struct buf err = BUF_INIT, md = BUF_INIT;
	struct story old, s;
	struct bank b;
	long long id;
	char *path = NULL, *bank_path = NULL;
	int opt, rc, status = ST_ERROR;

	while ((opt = cli_getopt(c, argc, argv, "", NULL)) != -1)
		return opt == 'h' ? ST_OK : ST_ERROR;
	if (optind + 1 != argc)
		return usage_error(c, optind == argc ? "which story?" :
		    "one story at a time");
	story_init(&old);
	story_init(&s);
	if (cli_open_bank(c, &b, BANK_WRITE) < 0)
		goto out;
	rc = store_resolve(&b, argv[optind], &id, &err);
	if (rc == STORE_FOUND)
		rc = store_load(&b, id, &old, &err);
	if (rc == 0)
		rc = story_to_markdown(&old, &md, &err);
	/* No connection, and so no lock, is held while the editor runs. */
	bank_close(&b);
	if (rc != 0) {
		error_buf(&err);
		status = rc == STORE_NOT_FOUND ? ST_FINDINGS : ST_ERROR;
		goto out;
	}
	bank_path = bank_default_path(c->db_opt);
	switch (edit_story(bank_path, "edit", md.s, &s, &path)) {
	case EDIT_UNCHANGED:
		note("no changes");
		status = ST_OK;
		goto out;
	case EDIT_FAILED:
		goto out;
	case EDIT_OK:
		break;
	}
	if (cli_open_bank(c, &b, BANK_WRITE) < 0) {
		error("your text is kept in %s", path);
		goto out;
	}
	s.id = old.id;
	if (bank_begin(&b, &err) < 0 ||
	    (rc = store_update(&b, &s, old.version, &err)) != 0 ||
	    scores_refresh(&b, &err) < 0 || bank_commit(&b, &err) < 0) {
		bank_rollback(&b);
		error_buf(&err);
		error("nothing was overwritten; your text is kept in %s "
		    "(compare with 'lpcoach show %lld --md', then 'lpcoach "
		    "import %s' to apply it)", path, old.id, path);
	} else {
		edit_done(path);
		printf("saved %lld  ", s.id);
		term_puts(stdout, s.title, 0);
		putchar('\n');
		status = ST_OK;
	}
	bank_close(&b);
out:
	story_release(&old);
	story_release(&s);
	buf_release(&err);
	buf_release(&md);
	free(path);
	free(bank_path);
	return status;
}

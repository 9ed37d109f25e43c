/* lpcoach edit: a story in the editor, saved back. */
#include <stdlib.h>

#include "base/shquote.h"
#include "cli/cli.h"
#include "cli/editor.h"
#include "cli/saved_view.h"
#include "lp/story_edit.h"
#include "cli/term.h"
#include "stories/render.h"
#include "stories/store.h"

const struct cmd_spec spec_edit = {
	.name = "edit",
	.operands = "STORY",
	.about =
"Opens one story in $VISUAL or $EDITOR as a story file and saves it back.\n"
"A parse error offers to edit again on a terminal, else keeps the file and\n"
"prints its path.  If the story changed in the bank while the editor was\n"
"open, nothing is overwritten and the edited file is kept.  An unchanged\n"
"file changes nothing, except for a damaged story (bytes that are not\n"
"UTF-8), which opens with each such byte shown as U+FFFD and is saved\n"
"repaired.\n",
};

/* Loads story ref and renders it as a story file; a status. */
static int
load_for_edit(struct cli *c, const char *ref, struct story *old,
    struct buf *md, size_t *bad)
{
	struct buf err = BUF_INIT;
	struct bank b;
	long long id;
	int rc;

	if (cli_open_bank(c, &b, BANK_WRITE) < 0)
		return ST_ERROR;
	rc = store_resolve(&b, ref, &id, &err);
	if (rc == STORE_FOUND)
		rc = store_load_salvage(&b, id, old, bad, &err);
	if (rc == 0 && *bad > 0)
		note("story %lld is damaged: %zu %s not UTF-8 %s as "
		    "U+FFFD; saving repairs it", id, *bad, *bad == 1 ?
		    "byte that was" : "bytes that were", *bad == 1 ? "shows" :
		    "show");
	if (rc == 0)
		rc = story_to_markdown(old, md, &err);
	/* No connection, and so no lock, is held while the editor runs. */
	bank_close(&b);
	if (rc == 0)
		return ST_OK;
	error_buf(&err);
	buf_release(&err);
	return rc == STORE_NOT_FOUND ? ST_FINDINGS : ST_ERROR;
}

/*
 * Saves the edited story s over old; a status.  path is the edited file,
 * kept when the save fails, or NULL when there is none to keep.
 */
static int
save_edit(struct cli *c, struct story *s, const struct story *old,
    const char *path)
{
	struct buf err = BUF_INIT;
	struct bank b;
	int st = ST_ERROR;

	if (cli_open_bank(c, &b, BANK_WRITE) < 0) {
		if (path)
			error("your text is kept in %s", path);
		return ST_ERROR;
	}
	s->id = old->id;
	if (story_replace(&b, s, old->version, &err) != 0) {
		error_buf(&err);
		if (path) {
			char *q = shquote_dup(path);

			error("nothing was overwritten; your text is kept in "
			    "%s (compare with 'lpcoach show %lld --md', then "
			    "'lpcoach import %s' to apply it)", path, old->id,
			    q);
			free(q);
		}
	} else {
		if (path)
			edit_done(path);
		printf("saved %lld  ", s->id);
		term_puts(stdout, s->title, 0);
		fputs("  ", stdout);
		saved_change(&b, old, s);
		st = ST_OK;
	}
	bank_close(&b);
	buf_release(&err);
	return st;
}

int
cmd_edit(struct cli *c, int argc, char **argv)
{
	struct buf md = BUF_INIT;
	struct story old, s;
	struct opt_args a;
	char *path = NULL, *bank_path = NULL;
	size_t bad = 0;
	int st = cli_parse(c, &spec_edit, NULL, argc, argv, &a);

	if (st >= 0)
		return st;
	if (a.n != 1)
		return a.n == 0 ? usage_error(c, "which story?") :
		    usage_error(c, "unexpected argument '%s' (one story at a "
		    "time)", a.v[1]);
	story_init(&old);
	story_init(&s);
	if ((st = load_for_edit(c, a.v[0], &old, &md, &bad)) != ST_OK)
		goto out;
	if ((bank_path = cli_bank_path(c)) == NULL) {
		st = ST_ERROR;
		goto out;
	}
	switch (edit_story(bank_path, "edit", md.s, &s, &path)) {
	case EDIT_UNCHANGED:
		if (bad > 0) {
			/* The repaired text is what was shown: keep it. */
			story_copy(&s, &old);
			st = save_edit(c, &s, &old, NULL);
			break;
		}
		note("no changes");
		st = ST_OK;
		break;
	case EDIT_FAILED:
		st = ST_ERROR;
		break;
	case EDIT_OK:
		st = save_edit(c, &s, &old, path);
		break;
	}
out:
	story_release(&old);
	story_release(&s);
	buf_release(&md);
	free(path);
	free(bank_path);
	return st;
}

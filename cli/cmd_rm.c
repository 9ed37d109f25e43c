/* lpcoach rm: removes stories, after asking. */
#include <stdlib.h>
#include <unistd.h>

#include "base/xalloc.h"
#include "cli/cli.h"
#include "cli/term.h"
#include "lp/story_edit.h"
#include "stories/loop_store.h"

struct rm_opts {
	int yes;
};

static const struct opt rm_options[] = {
	{ .type = OPT_FLAG, .name = "yes", .letter = 'y',
	  .off = OPT_FIELD(struct rm_opts, yes), .help = "do not ask" },
	{ .type = OPT_END }
};

const struct cmd_spec spec_rm = {
	.name = "rm",
	.operands = "STORY...",
	.about =
"Removes stories.  Asks first on a terminal; --yes is needed otherwise.\n"
"Every STORY is found before anything is removed; a story a loop pins or\n"
"plans is named with the slots it leaves empty.  The text is overwritten\n"
"in the bank file (secure_delete), but backups and exports keep it.\n",
	.opts = rm_options,
};

/* Loads every story named; a status (ST_OK when all were found). */
static int
find_all(struct bank *b, char **refs, int n, struct story *v)
{
	struct buf err = BUF_INIT;
	long long id;
	size_t bad;
	int i, rc, st = ST_OK;

	for (i = 0; i < n; i++) {
		story_init(&v[i]);
		rc = store_resolve(b, refs[i], &id, &err);
		/* A damaged story can still be removed: load it salvaged. */
		if (rc == STORE_FOUND)
			rc = store_load_salvage(b, id, &v[i], &bad, &err);
		if (rc != 0 && st != ST_ERROR)
			st = rc == STORE_NOT_FOUND ? ST_FINDINGS : ST_ERROR;
	}
	if (err.len) {
		error_buf(&err);
		note("nothing was removed");
	}
	buf_release(&err);
	return st;
}

/* Asks on the terminal; 1 when the user said yes. */
static int
confirm(const struct story *v, int n)
{
	int i;

	fprintf(stderr, "remove %d %s?\n", n, n == 1 ? "story" : "stories");
	for (i = 0; i < n; i++) {
		fprintf(stderr, "  %lld  ", v[i].id);
		term_puts(stderr, v[i].title, 0);
		fputc('\n', stderr);
	}
	return ask_yes();
}

/*
 * Warns of each loop slot a story pins, plans or backs up: removing it
 * leaves the slot empty (the loop keeps the slot, not the story).
 */
static int
warn_uses(struct bank *b, const struct story *v, int n)
{
	struct strlist uses = STRLIST_INIT;
	struct buf err = BUF_INIT;
	size_t k;
	int i, st = ST_OK;

	for (i = 0; i < n && st == ST_OK; i++) {
		strlist_clear(&uses);
		if (loop_story_uses(b, v[i].id, &uses, &err) < 0) {
			st = error_out(&err);
			break;
		}
		for (k = 0; k < uses.n; k++)
			note("warning: story %lld is in %s; removing it leaves "
			    "that slot empty", v[i].id, uses.v[k]);
	}
	strlist_clear(&uses);
	buf_release(&err);
	return st;
}

int
cmd_rm(struct cli *c, int argc, char **argv)
{
	struct rm_opts o = { 0 };
	struct buf err = BUF_INIT;
	struct story *v;
	struct opt_args a;
	struct bank b;
	int i, st = cli_parse(c, &spec_rm, &o, argc, argv, &a);

	if (st >= 0)
		return st;
	if (a.n == 0)
		return usage_error(c, "which stories?");
	if (!o.yes && !isatty(STDIN_FILENO))
		return error("refusing to remove stories without --yes when "
		    "standard input is not a terminal");
	if (cli_open_bank(c, &b, BANK_WRITE) < 0)
		return ST_ERROR;
	v = xcalloc((size_t)a.n, sizeof(*v));
	if ((st = find_all(&b, a.v, a.n, v)) != ST_OK ||
	    (st = warn_uses(&b, v, a.n)) != ST_OK)
		goto out;
	if (!o.yes && !confirm(v, a.n)) {
		note("nothing was removed");
		goto out;
	}
	if (stories_remove(&b, v, (size_t)a.n, &err) < 0) {
		st = error_out(&err);
		note("nothing was removed");
		goto out;
	}
	for (i = 0; i < a.n; i++) {
		printf("removed %lld  ", v[i].id);
		term_puts(stdout, v[i].title, 0);
		putchar('\n');
	}
out:
	for (i = 0; i < a.n; i++)
		story_release(&v[i]);
	free(v);
	bank_close(&b);
	return st;
}

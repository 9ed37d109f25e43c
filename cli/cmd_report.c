/* lpcoach report: one readiness page, in the terminal, Markdown or HTML. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/xalloc.h"
#include "cli/cli.h"
#include "cli/report_view.h"
#include "cli/secrets_view.h"
#include "stories/export.h"

struct report_opts {
	const char *loop, *html, *md, *cards;
	int open, force, allow_secrets;
};

#define F(m) OPT_FIELD(struct report_opts, m)
static const struct opt report_options[] = {
	{ .type = OPT_STRING, .name = "loop", .arg = "NAME", .off = F(loop),
	  .help = "the loop's principles and plan (its saved plan, or the plan "
	  "lpcoach would make now)" },
	{ .type = OPT_STRING, .name = "html", .arg = "FILE", .off = F(html),
	  .group = 1, .help = "write it as one self-contained HTML page (no "
	  "scripts or links; prints on A4 and Letter)" },
	{ .type = OPT_STRING, .name = "md", .arg = "FILE", .off = F(md),
	  .group = 1, .help = "write it as Markdown" },
	{ .type = OPT_STRING, .name = "cards", .arg = "FILE", .off = F(cards),
	  .group = 1, .help = "write the cue cards of the loop's plan alone, "
	  "one per slot, as one HTML page that prints two cards to a page "
	  "(needs --loop)" },
	{ .type = OPT_FLAG, .name = "open", .off = F(open),
	  .help = "open the file with xdg-open" },
	{ .type = OPT_FLAG, .name = "force", .letter = 'f', .off = F(force),
	  .help = "replace FILE if it exists" },
	{ .type = OPT_FLAG, .name = "allow-secrets", .off = F(allow_secrets),
	  .help = "write the file even when the secrets rules find one in a "
	  "story's text, title, uid, project or tags (a key, token, password "
	  "or email address; refused otherwise)" },
	{ .type = OPT_END }
};
#undef F

const struct cmd_spec spec_report = {
	.name = "report",
	.about =
"One page before the onsite: a readiness verdict, the coverage matrix and\n"
"how many of the bank's questions a story answers well (see cover\n"
"--questions), the loop plan round by round with the cue card of every\n"
"planned story (see\n"
"show --card), the stories that still have lint errors, drill progress per\n"
"principle and the days left.  --cards writes the cards alone, to print.\n"
"The report never changes the bank.  A story holding a secret stops --html\n"
"and --md, and one on a card stops --cards (see export).\n",
	.opts = report_options,
};

/* Splits FILE into a directory and a name for the atomic writer. */
static int
write_file(const char *path, const char *data, size_t len, int force)
{
	struct buf err = BUF_INIT;
	const char *slash = strrchr(path, '/');
	char *dir = slash ? xstrndup(path, (size_t)(slash - path) +
	    (slash == path)) : xstrdup(".");
	const char *name = slash ? slash + 1 : path;
	struct stat st;
	int rc = 0;

	if (*name == '\0' || (stat(path, &st) == 0 && S_ISDIR(st.st_mode))) {
		rc = error("%s: is a directory; give a file name", path);
	} else if (stat(dir, &st) < 0 || !S_ISDIR(st.st_mode)) {
		rc = error("%s: no such directory", dir);
	} else if (export_file(dir, name, data, len, force, &err) < 0) {
		rc = error_buf(&err);
	}
	free(dir);
	buf_release(&err);
	return rc ? -1 : 0;
}

static void
open_file(const char *path)
{
	pid_t pid;
	int status;

	if (access("/usr/bin/xdg-open", X_OK) != 0) {
		note("xdg-open is not installed: open %s yourself", path);
		return;
	}
	pid = fork();
	if (pid == 0) {
		execl("/usr/bin/xdg-open", "xdg-open", path, (char *)NULL);
		_exit(127);
	}
	if (pid > 0)
		waitpid(pid, &status, 0);
}

/* The file asked for: --html, --md or --cards; NULL for none. */
static const char *
out_path(const struct report_opts *o)
{
	return o->html ? o->html : o->md ? o->md : o->cards;
}

/* Writes the report to --html, --md or --cards FILE; a status. */
static int
write_report(const struct report_opts *o, const struct report *r)
{
	const char *path = out_path(o);
	char *data = NULL;
	size_t size = 0;
	int st = ST_OK;

	if (o->html || o->cards) {
		FILE *mem = open_memstream(&data, &size);

		if (mem == NULL)
			return error("out of memory");
		if (o->html)
			report_html(mem, r);
		else
			report_cards_html(mem, r);
		fclose(mem);
	} else {
		data = report_markdown(r);
		size = strlen(data);
	}
	if (write_file(path, data, size, o->force) < 0) {
		st = ST_ERROR;
	} else {
		printf("wrote %s\n", path);
		if (o->open)
			open_file(path);
	}
	free(data);
	return st;
}

/*
 * The secrets gate over the stories a cards file carries: those with a
 * card, so that a secret in a story the plan does not tell cannot stop
 * the cards, and one on a card always does.  A status.
 */
static int
cards_refuse(const struct report *r)
{
	struct story *v = xcalloc(r->stories->n + 1, sizeof(*v));
	size_t i, n = 0;
	int rc;

	/* Shallow copies: the report keeps owning every string. */
	for (i = 0; i < r->stories->n; i++)
		if (r->has_card[i])
			v[n++] = r->stories->v[i];
	rc = secrets_refuse(v, n, "written as cue cards");
	free(v);
	return rc;
}

int
cmd_report(struct cli *c, int argc, char **argv)
{
	struct report_opts o = { 0 };
	struct buf err = BUF_INIT;
	struct opt_args a;
	struct report r;
	struct bank b;
	int rc, st = cli_parse(c, &spec_report, &o, argc, argv, &a);

	if (st >= 0)
		return st;
	if (o.open && !out_path(&o))
		return usage_error(c, "--open opens the file of --html, --md or "
		    "--cards");
	if (o.cards && !o.loop)
		return usage_error(c, "--cards writes the cards of a loop's "
		    "plan: which loop (--loop NAME)?");
	if (cli_open_bank(c, &b, BANK_READ) < 0)
		return ST_ERROR;
	rc = report_gather(&b, o.loop, &r, &err);
	bank_close(&b);
	if (rc != 0) {
		error_out(&err);
		/* A loop asked for and not there is "not found". */
		st = cli_status(rc, ST_FINDINGS);
	} else if ((o.html || o.md) && !o.allow_secrets &&
	    secrets_refuse(r.stories->v, r.stories->n, o.html ?
	    "written as HTML" : "written as Markdown") != 0)
		st = ST_ERROR;
	else if (o.cards && !o.allow_secrets && cards_refuse(&r) != 0)
		st = ST_ERROR;
	else if (out_path(&o))
		st = write_report(&o, &r);
	else {
		report_print(c->color, &r);
		st = ST_OK;
	}
	report_release(&r);
	return st;
}

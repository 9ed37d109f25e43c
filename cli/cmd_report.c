/* lpcoach report: one readiness page, in the terminal, Markdown or HTML. */
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/xalloc.h"
#include "cli/cli.h"
#include "cli/report_view.h"
#include "cli/secrets_view.h"

struct report_opts {
	const char *loop, *html, *md, *cards;
	int open, force, allow_secrets, json;
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
	{ .type = OPT_FLAG, .name = "json", .off = F(json), .group = 1,
	  .help = "print the verdict and today's drill as JSON: {date, loop, "
	  "loop_date, days, state, ready, verdict, first, first_command, "
	  "problems, principles, covered, drilled, today: [{principle, name, "
	  "why}], today_command, next_due}" },
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
"One page before the onsite: a readiness verdict, the first thing to do\n"
"with its command, what to drill today, the coverage matrix and how many\n"
"of the bank's questions a story answers well (see cover --questions),\n"
"the loop plan round by round with the cue card of every planned story\n"
"(see show --card), the stories that still have lint errors, drill\n"
"progress per principle and the days left.  The verdict is \"ready\" only\n"
"when the loop is not past, its plan is saved and 'loop check' finds\n"
"nothing, every principle in scope has a ready story and was last rated\n"
"good or better in a drill.  Today is up to three principles: those with\n"
"a question due, then those never drilled, then those rated lowest.\n"
"Exit 0 whatever the verdict.  --cards writes the cards alone, to print.\n"
"The report never changes the bank.  A story holding a secret stops --html\n"
"and --md, and one on a card stops --cards (see export).\n",
	.opts = report_options,
};

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
	if (cli_write_file(path, data, size, o->force) < 0) {
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
	else if (o.json)
		st = report_json(&r) < 0 ? ST_ERROR : ST_OK;
	else {
		report_print(c->color, &r);
		st = ST_OK;
	}
	report_release(&r);
	return st;
}

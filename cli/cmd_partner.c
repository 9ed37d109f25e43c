/*
 * lpcoach partner: the packet for a friend who plays the interviewer
 * (lp/partner.h), and its verb 'partner import', which records the
 * friend's marks (lp/partner_import.h).  The verbs are a table, like
 * loop's, so that help and completion list them; without a verb the
 * command writes the packet.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "base/rng.h"
#include "base/shquote.h"
#include "cli/cli.h"
#include "cli/partner_view.h"
#include "cli/secrets_view.h"
#include "cli/term.h"
#include "lp/partner_import.h"
#include "stories/parse.h"

int cmd_partner_import(struct cli *c, int argc, char **argv);
extern const struct cmd_spec spec_partner_import;

static const struct command partner_verbs[] = {
	{ &spec_partner_import, cmd_partner_import },
};

struct partner_opts {
	const char *loop, *html, *md;
	uint64_t seed;
	int with_stories, force, allow_secrets;
};

#define F(m) OPT_FIELD(struct partner_opts, m)
static const struct opt partner_options[] = {
	{ .type = OPT_STRING, .name = "loop", .arg = "NAME", .off = F(loop),
	  .help = "the loop to rehearse (needed): its rounds, its principles "
	  "and its plan (the saved plan, or the plan lpcoach would make now)" },
	{ .type = OPT_STRING, .name = "html", .arg = "FILE", .off = F(html),
	  .group = 1, .help = "write the packet as one self-contained HTML "
	  "page, to print" },
	{ .type = OPT_STRING, .name = "md", .arg = "FILE", .off = F(md),
	  .group = 1, .help = "write the packet as Markdown" },
	{ .type = OPT_SEED, .name = "seed", .arg = "S", .off = F(seed),
	  .help = "choose the questions with seed S (default: a new seed, "
	  "printed in the packet so it can be made again)" },
	{ .type = OPT_FLAG, .name = "with-stories", .off = F(with_stories),
	  .help = "add the cue card of each planned story (refused when a "
	  "planned story holds a secret, as report --html is)" },
	{ .type = OPT_FLAG, .name = "force", .letter = 'f', .off = F(force),
	  .help = "replace FILE if it exists" },
	{ .type = OPT_FLAG, .name = "allow-secrets", .off = F(allow_secrets),
	  .help = "with --with-stories, show the cards even when the secrets "
	  "rules find one in a planned story" },
	{ .type = OPT_END }
};
#undef F

const struct cmd_spec spec_partner = {
	.name = "partner",
	.about =
"A packet for a friend who plays the interviewer in a mock of loop NAME,\n"
"round by round: for each of the loop's principles a question of the\n"
"bank (chosen as the drill chooses, seeded; none twice), what\n"
"interviewers listen for and the usual pitfalls, two or three follow-up\n"
"probes (first the drill's follow-up ladder over the planned story:\n"
"a figure of its Result and one level down, or a missing lesson; with\n"
"--with-stories also its \"we\", a hedge, a clash with another story),\n"
"a 1-4 scale and room for notes.  It ends with the marks file to fill in, which\n"
"'lpcoach partner import' records.  The packet shows no story's text,\n"
"only the figures its probes quote, unless --with-stories.  Printed on\n"
"standard output, or written with --html or --md (atomically; an\n"
"existing file only with --force).  It never changes the bank.\n",
	.opts = partner_options,
	.flags = CMD_VERBS,
	.verbs = partner_verbs,
	.nverbs = sizeof(partner_verbs) / sizeof(partner_verbs[0]),
};

const struct cmd_spec spec_partner_import = {
	.name = "partner import",
	.operands = "FILE",
	.about =
"Records a practice partner's marks: FILE is the template at the end of\n"
"the packet, filled in (the date of the mock, then for each question its\n"
"id, a mark 1-4, an optional note; a question left without a mark was\n"
"not asked).  Each mark is a rating in the drill history, as if the\n"
"candidate had rated the answer in 'lpcoach drill' (the question's\n"
"spaced-repetition card, 'drill --stats'), dated by the file and counted\n"
"as the partner's.  The whole file is checked first: an unknown\n"
"question, a mark out of 1-4 or a bad date is an error naming the line,\n"
"and nothing is recorded (exit 2).  A file imported before records\n"
"nothing again.  Each mark keeps its note, and the story the loop's plan\n"
"tells for the question (when the file names a loop the bank has):\n"
"'drill --stats' shows the notes.\n",
};

/* Writes the packet to --html or --md FILE; a status. */
static int
write_packet(const struct partner_opts *o, const struct partner_packet *pk)
{
	const char *path = o->html ? o->html : o->md;
	char *data = NULL;
	size_t size = 0;
	int st = ST_OK;

	if (o->html) {
		FILE *mem = open_memstream(&data, &size);

		if (mem == NULL)
			return error("out of memory");
		partner_html(mem, pk);
		fclose(mem);
	} else {
		data = partner_markdown(pk);
		size = strlen(data);
	}
	if (cli_write_file(path, data, size, o->force) < 0)
		st = ST_ERROR;
	else
		printf("wrote %s\n", path);
	free(data);
	return st;
}

/* The secrets gate over the stories the packet shows; a status. */
static int
stories_refuse(const struct partner_packet *pk)
{
	struct story *v = calloc(pk->nitems + 1, sizeof(*v));
	size_t r, i, k, n = 0;
	int rc;

	if (v == NULL)
		return error("out of memory");
	/* Shallow copies, each story once: the packet owns the strings. */
	for (r = 0; r < pk->nrounds; r++)
		for (i = 0; i < pk->rounds[r].n; i++) {
			long at = pk->rounds[r].v[i].story;

			for (k = 0; at >= 0 && k < n &&
			    v[k].id != pk->plan.stories.v[at].id; k++)
				;
			if (at >= 0 && k == n)
				v[n++] = pk->plan.stories.v[at];
		}
	rc = secrets_refuse(v, n, "shown in the packet (--with-stories)");
	free(v);
	return rc != 0 ? ST_ERROR : ST_OK;
}

/* Says that the stories are those of a plan not saved. */
static void
unsaved(const char *loop)
{
	char *q = shquote_dup(loop);

	note("loop '%s' has no saved plan: the packet follows the plan "
	    "lpcoach would make now ('lpcoach loop plan %s' saves one)", loop,
	    q);
	free(q);
}

static int
packet(struct cli *c, struct partner_opts *o, const struct opt_args *a)
{
	struct partner_packet pk;
	struct buf err = BUF_INIT;
	struct bank b;
	int rc, st;

	if (o->loop == NULL)
		return usage_error(c, "which loop? (--loop NAME; 'lpcoach loop "
		    "list' lists them)");
	if (o->force && !o->html && !o->md)
		return usage_error(c, "--force replaces the file of --html or "
		    "--md");
	if (o->allow_secrets && !o->with_stories)
		return usage_error(c, "--allow-secrets goes with "
		    "--with-stories: without it the packet shows no story");
	if (!opt_given(&spec_partner, a, "seed"))
		o->seed = rng_os_seed();
	if (cli_open_bank(c, &b, BANK_READ) < 0)
		return ST_ERROR;
	rc = partner_gather(&b, o->loop, o->seed, o->with_stories, &pk, &err);
	bank_close(&b);
	if (rc != 0) {
		error_out(&err);
		st = cli_status(rc, ST_FINDINGS);
	} else if (pk.nitems == 0) {
		char *q = shquote_dup(o->loop);

		error("loop '%s' has no rounds with principles to ask about "
		    "('lpcoach loop round add %s ROUND P...' adds one)", o->loop,
		    q);
		free(q);
		st = ST_FINDINGS;
	} else if (o->with_stories && !o->allow_secrets &&
	    (st = stories_refuse(&pk)) != ST_OK) {
		;
	} else if (o->html || o->md) {
		if (!pk.plan.saved)
			unsaved(o->loop);
		st = write_packet(o, &pk);
	} else {
		if (!pk.plan.saved)
			unsaved(o->loop);
		partner_print(stdout, &pk);
		st = ST_OK;
	}
	partner_release(&pk);
	return st;
}

int
cmd_partner(struct cli *c, int argc, char **argv)
{
	struct partner_opts o = { 0 };
	struct opt_args a;
	int st = cli_parse(c, &spec_partner, &o, argc, argv, &a);

	if (st >= 0)
		return st;
	if (a.n == 0)
		return packet(c, &o, &a);
	if (strcmp(a.v[0], "import") != 0)
		return cli_unknown_verb(&spec_partner, a.v[0]);
	if (a.given != 0)
		return usage_error(c, "the packet's options go before no verb: "
		    "'lpcoach partner import FILE' takes none of them");
	c->spec = &spec_partner_import;
	return cmd_partner_import(c, a.n, a.v);
}

/* Prints what was recorded, and the partner's notes. */
static void
print_marks(const char *path, const struct partner_marks *m)
{
	size_t i;

	term_printf(stdout, "recorded %zu mark%s from %s, dated %s", m->n,
	    m->n == 1 ? "" : "s", path, m->date);
	if (m->blank)
		printf(" (%zu question%s without a mark: not asked)", m->blank,
		    m->blank == 1 ? "" : "s");
	putchar('\n');
	for (i = 0; i < m->n; i++) {
		const char *name = partner_mark_names[m->v[i].mark];

		printf("  %-10s %d %s", m->v[i].q->id, m->v[i].mark, name);
		if (m->v[i].note == NULL) {
			putchar('\n');
			continue;
		}
		/* The notes in one column, past the longest name. */
		printf("%*s", 7 - (int)strlen(name), "");
		term_wrap(stdout, m->v[i].note, 22, 22, 79);
	}
}

int
cmd_partner_import(struct cli *c, int argc, char **argv)
{
	struct partner_marks m;
	struct buf err = BUF_INIT;
	struct opt_args a;
	struct bank b;
	long already;
	int st = cli_parse(c, &spec_partner_import, NULL, argc, argv, &a);

	if (st >= 0)
		return st;
	if (a.n == 0)
		return usage_error(c, "which file? (the marks the packet ends "
		    "with, filled in)");
	if (a.n > 1)
		return usage_error(c, "unexpected argument '%s' (one file at a "
		    "time)", a.v[1]);
	if (partner_marks_load(a.v[0], &m, &err) < 0) {
		partner_marks_release(&m);
		return error_out(&err);
	}
	if (cli_open_bank(c, &b, BANK_WRITE) < 0) {
		partner_marks_release(&m);
		return ST_ERROR;
	}
	st = ST_OK;
	if (partner_import(&b, &m, &already, &err) < 0)
		st = error_out(&err);
	else if (already)
		term_printf(stdout, "already imported: %s (its %ld mark%s are "
		    "in the drill history; nothing recorded)\n", a.v[0],
		    already, already == 1 ? "" : "s");
	else
		print_marks(a.v[0], &m);
	bank_close(&b);
	partner_marks_release(&m);
	return st;
}

/* lpcoach list: the stories of the bank with their scores. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "base/jsonx.h"
#include "base/xalloc.h"
#include "cli/cli.h"
#include "cli/term.h"
#include "lp/scoring.h"
#include "stories/render.h"
#include "stories/store.h"

struct list_opts {
	const char *principle, *project, *tag;
	int json;
	long wpm;
};

static int
principle_slug(const char *value, void *field)
{
	const struct principle *p = cli_principle(value);

	if (p == NULL)
		return -1;
	*(const char **)field = p->slug;
	return 0;
}

#define F(m) OPT_FIELD(struct list_opts, m)
static const struct opt list_options[] = {
	{ .type = OPT_CALL, .name = "principle", .arg = "P", .off = F(principle),
	  .call = principle_slug,
	  .help = "only stories tagged with principle P (slug, name, alias or "
	  "unique prefix)" },
	{ .type = OPT_STRING, .name = "project", .arg = "X", .off = F(project),
	  .help = "only stories of project X" },
	{ .type = OPT_STRING, .name = "tag", .arg = "T", .off = F(tag),
	  .help = "only stories with tag T" },
	{ .type = OPT_FLAG, .name = "json", .off = F(json),
	  .help = "an array of {id, uid, title, principles, primary, project, "
	  "tags, "
	  "words, seconds, score, ready}" },
	{ .type = OPT_NUMBER, .name = "wpm", .arg = "N", .off = F(wpm),
	  .min = 50, .max = 400,
	  .help = "speaking rate for the time estimate (default 150)" },
	{ .type = OPT_END }
};
#undef F

const struct cmd_spec spec_list = {
	.name = "list",
	.about =
"Lists the stories in the bank, by id, with their lint score ('!' after\n"
"a score: not ready, see 'lpcoach lint'); a '*' marks a story's primary\n"
"principle.\n",
	.opts = list_options,
};

static void
print_json(const struct story *v, size_t n, int wpm, const int *scores,
    const int *ready)
{
	json_t *arr = json_array();
	size_t i;

	for (i = 0; i < n; i++) {
		json_t *o = story_to_json(&v[i], wpm, 0);

		jset(o, "score", json_integer(scores[i]));
		jset(o, "ready", json_boolean(ready[i]));
		jappend(arr, o);
	}
	json_print(arr);
	json_decref(arr);
}

/* The columns of a row but the title's: "   4  " and " 100  163  1:05  ". */
#define FIXED_COLS 26
/* The narrowest title shown when the width is tight. */
#define MIN_TITLE 12
/* The title width worth keeping slugs for; below it, initials. */
#define FAIR_TITLE 40

/*
 * The initials of a principle's name, for a narrow terminal: the first
 * letter of each capitalised word ("Have Backbone; Disagree and Commit"
 * is HBDC).  The catalogue's initials are distinct (tests/cli/edges.bats).
 */
static void
initials(const char *slug, struct buf *out)
{
	const struct principle *p = principle_by_slug(slug);
	const char *s;

	if (p == NULL) {
		buf_adds(out, slug);
		return;
	}
	for (s = p->name; *s; s++)
		if (*s >= 'A' && *s <= 'Z' && (s == p->name || s[-1] == ' '))
			buf_addc(out, *s);
}

/*
 * The PRINCIPLES cell of story s: slugs, or initials when short; the
 * primary one has a '*' after it.
 */
static void
principles_cell(const struct story *s, int shrt, struct buf *out)
{
	size_t k;

	buf_reset(out);
	for (k = 0; k < s->principles.n; k++) {
		if (k)
			buf_adds(out, shrt ? " " : ", ");
		if (shrt)
			initials(s->principles.v[k], out);
		else
			buf_adds(out, s->principles.v[k]);
		if (s->primary && strcmp(s->primary, s->principles.v[k]) == 0)
			buf_addc(out, '*');
	}
}

/*
 * Fits the table to width (0: fit nothing): sets *title to the title
 * column's width and *shrt when the principles must be initials.
 */
static void
fit(const struct story *v, size_t n, int width, int *title, int *shrt)
{
	struct buf pr = BUF_INIT;
	/* At least the headings: TITLE and PRINCIPLES. */
	int longest = 5, full = 10, brief = 10, w;
	size_t i;

	for (i = 0; i < n; i++) {
		if ((w = term_width_of(v[i].title)) > longest)
			longest = w;
		principles_cell(&v[i], 0, &pr);
		if ((w = term_width_of(pr.s)) > full)
			full = w;
		principles_cell(&v[i], 1, &pr);
		if ((w = term_width_of(pr.s)) > brief)
			brief = w;
	}
	buf_release(&pr);
	*shrt = 0;
	*title = longest;
	if (width <= 0 || FIXED_COLS + longest + full <= width)
		return;
	/* Slugs while the title keeps a fair share; initials after. */
	if (FIXED_COLS + (longest < FAIR_TITLE ? longest : FAIR_TITLE) + full >
	    width) {
		*shrt = 1;
		full = brief;
	}
	*title = width - FIXED_COLS - full;
	if (*title < MIN_TITLE)
		*title = MIN_TITLE;
	if (*title > longest)
		*title = longest;
}

static void
print_table(struct cli *c, const struct story *v, size_t n, int wpm,
    const int *scores, const int *ready)
{
	struct buf pr = BUF_INIT;
	int tw, shrt;
	size_t i;

	fit(v, n, term_columns(stdout), &tw, &shrt);
	term_style(stdout, c->color, "1");
	printf("%4s  %-*s %5s %5s %5s  %s", "ID", tw, "TITLE", "SCORE",
	    "WORDS", "TIME", "PRINCIPLES");
	term_reset(stdout, c->color);
	putchar('\n');
	for (i = 0; i < n; i++) {
		size_t words = story_words(&v[i]);
		long sec = story_seconds(words, wpm);

		printf("%4lld  ", v[i].id);
		term_cell(stdout, v[i].title, tw);
		printf(" %4d%c %5zu %2ld:%02ld  ", scores[i], ready[i] ? ' ' :
		    '!', words, sec / 60, sec % 60);
		principles_cell(&v[i], shrt, &pr);
		term_puts(stdout, pr.s, 0);
		putchar('\n');
	}
	buf_release(&pr);
}

int
cmd_list(struct cli *c, int argc, char **argv)
{
	struct list_opts o = { .wpm = STORY_DEFAULT_WPM };
	struct story_filter f = { NULL, NULL, NULL };
	struct buf err = BUF_INIT;
	struct story *v = NULL;
	struct opt_args a;
	struct bank b;
	size_t n = 0;
	int *scores, *ready;
	int st = cli_parse(c, &spec_list, &o, argc, argv, &a);

	if (st >= 0)
		return st;
	f.principle = o.principle;
	f.project = o.project;
	f.tag = o.tag;
	if (cli_open_bank(c, &b, BANK_READ) < 0)
		return ST_ERROR;
	if (store_list(&b, &f, &v, &n, &err) < 0) {
		bank_close(&b);
		return error_out(&err);
	}
	scores = xcalloc(n + 1, sizeof(*scores));
	ready = xcalloc(n + 1, sizeof(*ready));
	st = ST_OK;
	if (scores_of(&b, v, n, (int)o.wpm, scores, ready, &err) < 0)
		st = error_out(&err);
	else if (o.json)
		print_json(v, n, (int)o.wpm, scores, ready);
	else if (n == 0 && (f.principle || f.project || f.tag))
		note("no story matches");
	else if (n == 0)
		note("the bank is empty: add a story with 'lpcoach add' or "
		    "'lpcoach import DIR'");
	else
		print_table(c, v, n, (int)o.wpm, scores, ready);
	bank_close(&b);
	store_free_list(v, n);
	free(scores);
	free(ready);
	return st;
}

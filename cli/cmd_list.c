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
	  .help = "an array of {id, uid, title, principles, project, tags, "
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
"a score: not ready, see 'lpcoach lint').\n",
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

static void
print_table(struct cli *c, const struct story *v, size_t n, int wpm,
    const int *scores, const int *ready)
{
	size_t i, k;

	term_style(stdout, c->color, "1");
	printf("%4s  %-44s %5s %5s %5s  %s", "ID", "TITLE", "SCORE", "WORDS",
	    "TIME", "PRINCIPLES");
	term_reset(stdout, c->color);
	putchar('\n');
	for (i = 0; i < n; i++) {
		size_t words = story_words(&v[i]);
		long sec = story_seconds(words, wpm);
		struct buf pr = BUF_INIT;

		printf("%4lld  ", v[i].id);
		term_cell(stdout, v[i].title, 44);
		printf(" %4d%c %5zu %2ld:%02ld  ", scores[i], ready[i] ? ' ' :
		    '!', words, sec / 60, sec % 60);
		for (k = 0; k < v[i].principles.n; k++)
			buf_addf(&pr, "%s%s", k ? ", " : "",
			    v[i].principles.v[k]);
		term_puts(stdout, pr.s, 0);
		putchar('\n');
		buf_release(&pr);
	}
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

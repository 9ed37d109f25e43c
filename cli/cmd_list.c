#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/scoring.h"
#include "cli/term.h"
#include "stories/principle.h"
#include "stories/render.h"
#include "stories/store.h"
#include "base/xalloc.h"

const char usage_list[] =
"usage: lpcoach list [--principle P] [--project X] [--tag T] [--json] [--wpm N]\n"
"\n"
"Lists the stories in the bank, by id, with their lint score ('!' after\n"
"a score: not ready, see 'lpcoach lint').\n"
"\n"
"  --principle P   only stories tagged with principle P (slug, name, alias\n"
"                  or unique prefix)\n"
"  --project X     only stories of project X\n"
"  --tag T         only stories with tag T\n"
"  --json          an array of {id, uid, title, principles, project, tags,\n"
"                  words, seconds, score, ready}\n"
"  --wpm N         speaking rate for the time estimate (default 150)\n";

int
cmd_list(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "principle", required_argument, NULL, 'p' },
		{ "project", required_argument, NULL, 'P' },
		{ "tag", required_argument, NULL, 't' },
		{ "json", no_argument, NULL, 'j' },
		{ "wpm", required_argument, NULL, 'w' },
		{ NULL, 0, NULL, 0 }
	};
	struct story_filter f = { NULL, NULL, NULL };
	struct buf err = BUF_INIT;
	struct story *v = NULL;
	struct bank b;
	const struct principle *p;
	size_t n = 0, i, k;
	long wpm = STORY_DEFAULT_WPM;
	int opt, json = 0, status = ST_OK, *scores, *ready;

	while ((opt = cli_getopt(c, argc, argv, "", opts)) != -1) {
		switch (opt) {
		case 'p':
			if ((p = cli_principle(optarg)) == NULL)
				return ST_ERROR;
			f.principle = p->slug;
			break;
		case 'P': f.project = optarg; break;
		case 't': f.tag = optarg; break;
		case 'j': json = 1; break;
		case 'w':
			if (cli_number("--wpm", optarg, 50, 400, &wpm) < 0)
				return ST_ERROR;
			break;
		default:
			return opt == 'h' ? ST_OK : ST_ERROR;
		}
	}
	if (optind != argc)
		return usage_error(c, "unexpected argument '%s'", argv[optind]);
	if (cli_open_bank(c, &b, BANK_READ) < 0)
		return ST_ERROR;
	if (store_list(&b, &f, &v, &n, &err) < 0) {
		error_buf(&err);
		buf_release(&err);
		bank_close(&b);
		return ST_ERROR;
	}
	scores = xcalloc(n ? n : 1, sizeof(*scores));
	ready = xcalloc(n ? n : 1, sizeof(*ready));
	if (score_stories(&b, v, n, (int)wpm, scores, ready) < 0) {
		status = ST_ERROR;
	} else if (json) {
		json_t *arr = json_array();

		for (i = 0; i < n; i++) {
			json_t *o = story_to_json(&v[i], (int)wpm, 0);

			json_object_set_new(o, "score", json_integer(scores[i]));
			json_object_set_new(o, "ready", json_boolean(ready[i]));
			json_array_append_new(arr, o);
		}
		json_print(arr);
		json_decref(arr);
	} else if (n == 0) {
		if (f.principle || f.project || f.tag)
			note("no story matches");
		else
			note("the bank is empty: add a story with 'lpcoach "
			    "add' or 'lpcoach import DIR'");
	} else {
		term_style(stdout, c->color, "1");
		printf("%4s  %-44s %5s %5s %5s  %s", "ID", "TITLE", "SCORE",
		    "WORDS", "TIME", "PRINCIPLES");
		term_reset(stdout, c->color);
		putchar('\n');
		for (i = 0; i < n; i++) {
			size_t words = story_words(&v[i]);
			long sec = story_seconds(words, (int)wpm);
			struct buf pr = BUF_INIT;

			printf("%4lld  ", v[i].id);
			term_cell(stdout, v[i].title, 44);
			printf(" %4d%c %5zu %2ld:%02ld  ", scores[i],
			    ready[i] ? ' ' : '!', words, sec / 60, sec % 60);
			for (k = 0; k < v[i].principles.n; k++)
				buf_addf(&pr, "%s%s", k ? ", " : "",
				    v[i].principles.v[k]);
			term_puts(stdout, pr.s, 0);
			putchar('\n');
			buf_release(&pr);
		}
	}
	bank_close(&b);
	store_free_list(v, n);
	free(scores);
	free(ready);
	return status;
}

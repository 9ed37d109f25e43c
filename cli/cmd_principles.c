/* lpcoach principles: the 16 principles and how many stories each has. */
#include <jansson.h>

#include "base/jsonx.h"
#include "cli/cli.h"
#include "cli/term.h"
#include "lp/guide.h"
#include "stories/principle.h"
#include "stories/render.h"
#include "stories/store.h"

struct principles_opts {
	int json;
};

static const struct opt principles_options[] = {
	{ .type = OPT_FLAG, .name = "json",
	  .off = OPT_FIELD(struct principles_opts, json),
	  .help = "an array of {slug, name, summary, listens_for, pitfalls, "
	  "stories}" },
	{ .type = OPT_END }
};

const struct cmd_spec spec_principles = {
	.name = "principles",
	.about =
"Lists the 16 Leadership Principles in catalogue order with the number of\n"
"stories tagged with each; 'lpcoach principle P' shows one in full.\n",
	.opts = principles_options,
};

static json_t *
principle_json(const struct principle *p, long stories)
{
	const struct guide *g = guide_of(p);

	return jpack("{s:s, s:s, s:s, s:o, s:o, s:I}", "slug", p->slug,
	    "name", p->name, "summary", g->summary, "listens_for",
	    json_strlist(&g->listens_for), "pitfalls", json_strlist(&g->pitfalls),
	    "stories", (json_int_t)stories);
}

int
cmd_principles(struct cli *c, int argc, char **argv)
{
	struct principles_opts o = { 0 };
	struct buf err = BUF_INIT;
	struct opt_args a;
	struct bank b;
	json_t *arr = NULL;
	int json, i, status = ST_OK;
	long n;
	int st = cli_parse(c, &spec_principles, &o, argc, argv, &a);

	if (st >= 0)
		return st;
	json = o.json;
	if (cli_open_bank(c, &b, BANK_READ) < 0)
		return ST_ERROR;
	if (json)
		arr = json_array();
	else {
		term_style(stdout, c->color, "1");
		printf("%3s  %-46s %s", "#", "PRINCIPLE", "STORIES");
		term_reset(stdout, c->color);
		putchar('\n');
	}
	for (i = 0; i < PRINCIPLE_COUNT; i++) {
		const struct principle *p = principle_at(i);

		if (store_count_principle(&b, p->slug, &n, &err) < 0) {
			status = error_buf(&err);
			break;
		}
		if (json)
			jappend(arr, principle_json(p, n));
		else
			printf("%3d  %-46s %7ld\n", i + 1, p->name, n);
	}
	if (json && status == ST_OK)
		json_print(arr);
	json_decref(arr);
	buf_release(&err);
	bank_close(&b);
	return status;
}

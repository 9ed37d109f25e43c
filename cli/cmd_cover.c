#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/rubric_load.h"
#include "cli/term.h"
#include "lp/cover.h"
#include "stories/loop.h"
#include "stories/xalloc.h"

const char usage_cover[] =
"usage: lpcoach cover [--loop NAME] [--json] [--strict]\n"
"\n"
"Shows how well your stories cover the principles: for each, its stories\n"
"and a status (missing: no story; weak: no ready story; thin: one ready\n"
"story; ok: two or more).  A story is ready with no lint error and a score\n"
"of 80 or more.  Warns when there are fewer than 16 distinct stories, when\n"
"over half the ready stories come from one project, and when no story says\n"
"what you would do differently.  The matrix shows a column per story, 20 to\n"
"a page: a filled dot is a ready story, a ring one that is not.\n"
"\n"
"  --loop NAME   only the principles of that loop's rounds\n"
"  --json        {principles: [{slug, name, status, stories: [{id, title,\n"
"                score, ready}]}], distinct_stories, ready_stories,\n"
"                warnings}\n"
"  --strict      exit 1 when a covered principle is missing\n";

#define PAGE 20

static json_t *
cover_json(const struct cover *c, const struct scored *s)
{
	json_t *o = json_object(), *ps = json_array(), *w = json_array();
	size_t i;
	int r;

	for (r = 0; r < PRINCIPLE_COUNT; r++) {
		const struct cover_row *row = &c->rows[r];
		json_t *st;

		if (!row->in_scope)
			continue;
		st = json_array();
		for (i = 0; i < row->n; i++) {
			size_t k = row->stories[i];

			json_array_append_new(st, json_pack("{s:I, s:s, s:i, "
			    "s:b}", "id", (json_int_t)s->v[k].id, "title",
			    s->v[k].title, "score", s->score[k], "ready",
			    s->ready[k]));
		}
		json_array_append_new(ps, json_pack("{s:s, s:s, s:s, s:o}",
		    "slug", row->p->slug, "name", row->p->name, "status",
		    cover_status_name(row->status), "stories", st));
	}
	for (i = 0; i < c->warnings.n; i++)
		json_array_append_new(w, json_string(c->warnings.v[i]));
	json_object_set_new(o, "principles", ps);
	json_object_set_new(o, "distinct_stories",
	    json_integer((json_int_t)c->distinct));
	json_object_set_new(o, "ready_stories",
	    json_integer((json_int_t)c->ready));
	json_object_set_new(o, "warnings", w);
	return o;
}

static const char *
status_sgr(enum cover_status st)
{
	switch (st) {
	case COVER_OK: return "32";
	case COVER_THIN: return "33";
	default: return "31";
	}
}

/* One page of the matrix: columns cols[0..ncols) (story indices). */
static void
print_page(struct cli *c, const struct cover *cv, const struct scored *s,
    const size_t *cols, size_t ncols, size_t first)
{
	size_t i, k;
	int r;

	/* Column numbers in two lines, tens over ones, two columns each. */
	if (first + ncols >= 10) {
		printf("%-34s", "");
		for (i = 0; i < ncols; i++) {
			size_t n = first + i + 1;

			if (n >= 10)
				printf(" %zu", n / 10 % 10);
			else
				fputs("  ", stdout);
		}
		putchar('\n');
	}
	printf("%-34s", "");
	for (i = 0; i < ncols; i++)
		printf(" %zu", (first + i + 1) % 10);
	putchar('\n');
	for (r = 0; r < PRINCIPLE_COUNT; r++) {
		const struct cover_row *row = &cv->rows[r];

		if (!row->in_scope)
			continue;
		term_cell(stdout, row->p->name, 26);
		putchar(' ');
		term_style(stdout, c->color, status_sgr(row->status));
		printf("%-7s", cover_status_name(row->status));
		term_reset(stdout, c->color);
		for (i = 0; i < ncols; i++) {
			size_t idx = cols[i];
			int tagged = 0;

			for (k = 0; k < row->n && !tagged; k++)
				tagged = row->stories[k] == idx;
			if (!tagged) {
				fputs(" \xc2\xb7", stdout);	/* middle dot */
				continue;
			}
			putchar(' ');
			term_style(stdout, c->color, s->ready[idx] ? "32" :
			    s->score[idx] >= 50 ? "33" : "31");
			/* Filled: ready; ring: not; readable without colour. */
			fputs(s->ready[idx] ? "\xe2\x97\x8f" : "\xe2\x97\x8b",
			    stdout);
			term_reset(stdout, c->color);
		}
		putchar('\n');
	}
	putchar('\n');
	for (i = 0; i < ncols; i++) {
		const struct story *st = &s->v[cols[i]];

		printf("%4zu  #%-4lld %3d%c  ", first + i + 1, st->id,
		    s->score[cols[i]], s->ready[cols[i]] ? ' ' : '!');
		term_clip(stdout, st->title, 56);
		putchar('\n');
	}
}

static void
print_text(struct cli *c, const struct cover *cv, const struct scored *s)
{
	size_t *cols = xcalloc(s->n + 1, sizeof(*cols)), ncols = 0, i, k;
	int r, covered = 0, with_ready = 0;

	for (i = 0; i < s->n; i++) {
		int in = 0;

		for (r = 0; r < PRINCIPLE_COUNT && !in; r++)
			for (k = 0; k < cv->rows[r].n && !in; k++)
				in = cv->rows[r].in_scope &&
				    cv->rows[r].stories[k] == i;
		if (in)
			cols[ncols++] = i;
	}
	for (r = 0; r < PRINCIPLE_COUNT; r++) {
		covered += cv->rows[r].in_scope;
		with_ready += cv->rows[r].in_scope &&
		    cv->rows[r].status >= COVER_THIN;
	}
	printf("%d of %d principles have a ready story; %zu distinct "
	    "stories (goal %d), %zu ready\n\n", with_ready, covered,
	    cv->distinct, COVER_GOAL, cv->ready);
	for (i = 0; i < ncols || i == 0; i += PAGE) {
		if (i)
			printf("\nstories %zu to %zu of %zu\n", i + 1,
			    i + PAGE < ncols ? i + PAGE : ncols, ncols);
		print_page(c, cv, s, cols + i, ncols - i < PAGE ? ncols - i :
		    PAGE, i);
		if (ncols == 0)
			break;
	}
	for (i = 0; i < cv->warnings.n; i++) {
		term_style(stdout, c->color, "33");
		fputs("\nwarning: ", stdout);
		term_reset(stdout, c->color);
		term_wrap(stdout, cv->warnings.v[i], 9, 9, 79);
	}
	free(cols);
}

int
cmd_cover(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "loop", required_argument, NULL, 'l' },
		{ "json", no_argument, NULL, 'j' },
		{ "strict", no_argument, NULL, 's' },
		{ NULL, 0, NULL, 0 }
	};
	struct buf err = BUF_INIT;
	struct scored s;
	struct cover cv;
	struct loop l;
	struct bank b;
	const char *loop_name = NULL;
	int in_scope[PRINCIPLE_COUNT], opt, json = 0, strict = 0, r;
	int status = ST_OK;
	size_t i, k;

	while ((opt = cli_getopt(c, argc, argv, "", opts)) != -1) {
		switch (opt) {
		case 'l': loop_name = optarg; break;
		case 'j': json = 1; break;
		case 's': strict = 1; break;
		default: return opt == 'h' ? ST_OK : ST_ERROR;
		}
	}
	if (optind != argc)
		return usage_error(c, "unexpected argument '%s'", argv[optind]);
	if (cli_open_bank(c, &b, BANK_READ) < 0)
		return ST_ERROR;
	for (r = 0; r < PRINCIPLE_COUNT; r++)
		in_scope[r] = loop_name == NULL;
	if (loop_name) {
		if (loop_load(&b, loop_name, &l, &err) != 0) {
			bank_close(&b);
			error_buf(&err);
			buf_release(&err);
			loop_release(&l);
			return ST_ERROR;
		}
		for (i = 0; i < l.nrounds; i++)
			for (k = 0; k < l.rounds[i].nslots; k++)
				in_scope[principle_by_slug(
				    l.rounds[i].slots[k].slug)->index] = 1;
		loop_release(&l);
	}
	if (load_scored(&b, &s) < 0) {
		bank_close(&b);
		return ST_ERROR;
	}
	bank_close(&b);
	cover_compute(s.v, s.ready, s.n, in_scope, &cv);
	if (json) {
		json_t *o = cover_json(&cv, &s);

		json_print(o);
		json_decref(o);
	} else {
		print_text(c, &cv, &s);
	}
	for (r = 0; r < PRINCIPLE_COUNT; r++)
		if (strict && cv.rows[r].in_scope &&
		    cv.rows[r].status == COVER_MISSING)
			status = ST_FINDINGS;
	cover_release(&cv);
	scored_release(&s);
	buf_release(&err);
	return status;
}

/* 'cover --questions' as text and JSON: see cli/cover_questions_view.h. */
#include "cli/cover_questions_view.h"

#include <math.h>

#include "base/jsonx.h"
#include "cli/term.h"
#include "stories/render.h"

static const char *
fit_sgr(enum qfit fit)
{
	return fit == QFIT_GOOD ? "32" : fit == QFIT_PARTIAL ? "33" : "31";
}

/* "  co-q01  #12  good     Title": one question. */
static void
print_row(FILE *f, int color, const struct qcover_row *row)
{
	fprintf(f, "  %-8s ", row->q->id);
	if (row->story)
		fprintf(f, "#%-5lld ", row->story->id);
	else
		fprintf(f, "%-6s ", "-");
	term_style(f, color, fit_sgr(row->fit));
	fprintf(f, row->story ? "%-8s" : "%s", qfit_name(row->fit));
	term_reset(f, color);
	if (row->story) {
		fputc(' ', f);
		term_clip(f, row->story->title, row->ready ? 54 : 42);
		if (!row->ready)
			fputs(" (not ready)", f);
	}
	fputc('\n', f);
}

/* The questions with exactly good good answers, and their text. */
static void
print_list(FILE *f, const struct qcover *c, size_t good, const char *head,
    size_t n)
{
	size_t i;
	int col;

	fprintf(f, "\n%s (%zu):\n", head, n);
	if (n == 0)
		fputs("  none\n", f);
	for (i = 0; i < c->n; i++) {
		const struct qcover_row *row = &c->v[i];

		if (row->good != good)
			continue;
		col = fprintf(f, "  %-8s ", row->q->id);
		if (good)
			col += fprintf(f, "#%-5lld ", row->story->id);
		term_wrap(f, row->q->text, col, col, 79);
	}
}

void
cover_questions_print(FILE *f, int color, const struct qcover *c)
{
	const struct principle *at = NULL;
	size_t i;

	for (i = 0; i < c->n; i++) {
		if (c->v[i].q->principle != at) {
			at = c->v[i].q->principle;
			fprintf(f, "%s%s\n", i ? "\n" : "", at->name);
		}
		print_row(f, color, &c->v[i]);
	}
	print_list(f, c, 0, "unanswered: no story answers well",
	    c->unanswered);
	print_list(f, c, 1, "only one good answer", c->single);
	fprintf(f, "\n%zu of %zu questions answered well; %zu unanswered, "
	    "%zu with only one good answer\n", c->answered, c->n,
	    c->unanswered, c->single);
}

static json_t *
row_json(const struct qcover_row *row)
{
	json_t *st = json_null();

	if (row->story)
		st = jpack("{s:I, s:s, s:s, s:i, s:i, s:b, s:o}", "id",
		    (json_int_t)row->story->id, "uid", row->story->uid,
		    "title", row->story->title, "score",
		    (int)lround(10 * row->score), "lint", row->lint, "ready",
		    row->ready, "terms", json_strlist(&row->terms));
	return jpack("{s:s, s:s, s:s, s:s, s:I, s:o}", "id", row->q->id,
	    "principle", row->q->principle->slug, "text", row->q->text,
	    "fit", qfit_name(row->fit), "good_answers",
	    (json_int_t)row->good, "story", st);
}

json_t *
cover_questions_json(const struct qcover *c)
{
	json_t *qs = json_array(), *none = json_array(), *one = json_array();
	size_t i;

	for (i = 0; i < c->n; i++) {
		jappend(qs, row_json(&c->v[i]));
		if (c->v[i].good == 0)
			jappend(none, json_string(c->v[i].q->id));
		else if (c->v[i].good == 1)
			jappend(one, json_string(c->v[i].q->id));
	}
	return jpack("{s:o, s:o, s:o, s:{s:I, s:I, s:I, s:I}}", "questions",
	    qs, "unanswered", none, "one_good_answer", one, "counts",
	    "questions", (json_int_t)c->n, "answered",
	    (json_int_t)c->answered, "unanswered", (json_int_t)c->unanswered,
	    "one_good_answer", (json_int_t)c->single);
}

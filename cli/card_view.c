/* Cue cards shown: see cli/card_view.h. */
#include "cli/card_view.h"

#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/jsonx.h"
#include "cli/term.h"
#include "stories/render.h"

/* "1:38, 245 words at 150 words a minute". */
static void
time_phrase(struct buf *b, const struct cue_card *c, int wpm)
{
	buf_addf(b, "%ld:%02ld, %zu words at %d words a minute",
	    c->seconds / 60, c->seconds % 60, c->words, wpm);
}

/* "0.71 to 0.88 (precision at the review threshold)". */
static void
figure_phrase(struct buf *b, const struct cue_figure *x)
{
	buf_adds(b, x->text);
	if (x->metric[0])
		buf_addf(b, " (%s)", x->metric);
}

static struct card_row *
row(struct card_row *rows, size_t *n, const char *label, int mine)
{
	struct card_row *r = &rows[(*n)++];

	memset(r, 0, sizeof(*r));
	r->label = label;
	r->mine = mine;
	return r;
}

size_t
card_rows(const struct cue_card *c, int wpm, struct card_row rows[CARD_ROWS])
{
	struct buf b = BUF_INIT;
	struct card_row *r;
	size_t n = 0, i;
	int sec;

	for (sec = 0; sec < SEC_REFLECTION; sec++) {
		r = row(rows, &n, section_name(sec), c->from_card[sec]);
		if (c->line[sec][0])
			strlist_push(&r->v, c->line[sec]);
	}
	if (c->nfigures) {
		r = row(rows, &n, "Say", 0);
		for (i = 0; i < c->nfigures; i++) {
			buf_reset(&b);
			figure_phrase(&b, &c->figures[i]);
			strlist_push(&r->v, b.s);
		}
		if (c->more_figures) {
			buf_reset(&b);
			buf_addf(&b, "and %zu more in the story",
			    c->more_figures);
			strlist_push(&r->v, b.s);
		}
	}
	if (c->actions.n) {
		r = row(rows, &n, "I did", 0);
		strlist_copy(&r->v, &c->actions);
		if (c->more_actions) {
			buf_reset(&b);
			buf_addf(&b, "and %zu more in the story",
			    c->more_actions);
			strlist_push(&r->v, b.s);
		}
	}
	if (c->line[SEC_REFLECTION][0]) {
		r = row(rows, &n, "Lesson", c->from_card[SEC_REFLECTION]);
		strlist_push(&r->v, c->line[SEC_REFLECTION]);
	}
	if (c->notes.n) {
		r = row(rows, &n, "Notes", 1);
		strlist_copy(&r->v, &c->notes);
	}
	r = row(rows, &n, "Time", 0);
	buf_reset(&b);
	time_phrase(&b, c, wpm);
	strlist_push(&r->v, b.s);
	buf_release(&b);
	return n;
}

void
card_rows_release(struct card_row *rows, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		strlist_clear(&rows[i].v);
}

void
card_print(FILE *f, int color, const struct story *s,
    const struct cue_card *c, int wpm, int indent, int title)
{
	struct card_row rows[CARD_ROWS];
	size_t n = card_rows(c, wpm, rows), i, k;
	int mine = 0, col = indent + 12;

	if (title) {
		term_style(f, color, "1");
		fprintf(f, "%*s#%lld  ", indent, "", s->id);
		term_puts(f, s->title, 0);
		term_reset(f, color);
		fputc('\n', f);
	}
	for (i = 0; i < n; i++) {
		char label[16];

		snprintf(label, sizeof(label), "%s%s", rows[i].label,
		    rows[i].mine ? "*" : "");
		mine |= rows[i].mine;
		fprintf(f, "%*s", indent, "");
		term_style(f, color, "1");
		fprintf(f, "%-12s", label);
		term_reset(f, color);
		if (rows[i].v.n == 0)
			fputs("(empty)\n", f);
		for (k = 0; k < rows[i].v.n; k++) {
			if (k)
				fprintf(f, "%*s", col, "");
			term_wrap(f, rows[i].v.v[k], col, col, 79);
		}
	}
	if (mine)
		fprintf(f, "%*s* from the story's ## Card\n", indent, "");
	card_rows_release(rows, n);
}

json_t *
card_json(const struct story *s, const struct cue_card *c, int wpm)
{
	json_t *lines = json_array(), *figs = json_array(), *o;
	int sec;
	size_t i;

	for (sec = 0; sec < SEC_REFLECTION; sec++)
		jappend(lines, jpack("{s:s, s:s, s:b}", "section",
		    section_key(sec), "text", c->line[sec], "card",
		    c->from_card[sec]));
	for (i = 0; i < c->nfigures; i++)
		jappend(figs, jpack("{s:s, s:s, s:s}", "text",
		    c->figures[i].text, "metric", c->figures[i].metric,
		    "section", section_key(c->figures[i].section)));
	o = jpack("{s:I, s:s, s:s, s:o, s:o, s:I, s:o, s:I, s:{s:s, s:b}, "
	    "s:o, s:I, s:I, s:i}", "id", (json_int_t)s->id, "uid", s->uid,
	    "title", s->title, "lines", lines, "figures", figs,
	    "more_figures", (json_int_t)c->more_figures, "actions",
	    json_strlist(&c->actions), "more_actions",
	    (json_int_t)c->more_actions, "lesson", "text",
	    c->line[SEC_REFLECTION], "card", c->from_card[SEC_REFLECTION],
	    "notes", json_strlist(&c->notes), "words", (json_int_t)c->words,
	    "seconds", (json_int_t)c->seconds, "wpm", wpm);
	return o;
}

/*
 * The report page's heatmap of principles by stories, its legend, and the
 * palette both use (cli/report_view.h).  Every cell that shows a score is
 * a palette colour whose ink passes WCAG AA for small text on it, hatched
 * or not (tests/unit/cli/test_report_palette.c computes it), and every
 * colour comes with a pattern or a label, so the page reads in
 * black-and-white print.  Stories go in pages of HEATMAP_PAGE columns, so
 * none is left out and each page fits the printed width; each column is
 * labelled with the story's id and a short title.
 */
#include <stdio.h>
#include <string.h>

#include "base/utf8.h"
#include "cli/report_view.h"

#define HEATMAP_PAGE 20
#define SHORT_TITLE 22		/* characters of a column's label */

const struct report_colour report_palette[] = {
	{ "ready (no lint error, score 80 or more)", "#2e7d32", "#fff", 0 },
	{ "not ready, score 50 or more", "#f9a825", "#000", 1 },
	{ "not ready, score below 50", "#c62828", "#fff", 1 },
	{ "not tagged with the principle", "#f2f2f2", NULL, 0 },
};
const size_t report_npalette = sizeof(report_palette) /
    sizeof(report_palette[0]);

const struct report_colour report_page_text[] = {
	{ "text", "#fff", "#111", 0 },
	{ "muted text", "#fff", "#555", 0 },
};
const size_t report_npage_text = sizeof(report_page_text) /
    sizeof(report_page_text[0]);

const struct report_colour *
report_colour_of(int score, int ready)
{
	return &report_palette[ready ? 0 : score >= 50 ? 1 : 2];
}

/* The hatch, defined once per page (url(#hatch)). */
void
html_hatch_defs(FILE *f)
{
	fprintf(f, "<svg width=\"0\" height=\"0\" aria-hidden=\"true\" "
	    "style=\"position:absolute\"><defs><pattern id=\"hatch\" width=\"4\" "
	    "height=\"4\" patternUnits=\"userSpaceOnUse\" "
	    "patternTransform=\"rotate(45)\"><rect width=\"2\" height=\"4\" "
	    "fill=\"#000\" opacity=\"%.2f\"/></pattern></defs></svg>",
	    REPORT_HATCH_OPACITY);
}

static void
cell(FILE *f, int x, int y, int size, const struct report_colour *c)
{
	fprintf(f, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" "
	    "fill=\"%s\" stroke=\"#fff\"/>", x, y, size, size, c->fill);
	if (c->hatched)
		fprintf(f, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" "
		    "fill=\"url(#hatch)\"/>", x, y, size, size);
}

/* "#7 Learned causal inferen…": a column's label. */
static void
column_label(FILE *f, const struct story *s, int x, int y)
{
	size_t len = strlen(s->title);
	size_t cut = utf8_prefix(s->title, len, SHORT_TITLE);
	struct buf b = BUF_INIT;

	buf_add(&b, s->title, cut);
	if (cut < len)
		buf_adds(&b, "\xe2\x80\xa6");
	fprintf(f, "<text class=\"col\" transform=\"translate(%d,%d) "
	    "rotate(-60)\">#%lld ", x, y, s->id);
	html_esc(f, b.s);
	fputs("</text>", f);
	buf_release(&b);
}

/* Columns from..to (exclusive) of the stories, as one SVG. */
static void
heatmap_page(FILE *f, const struct report *r, size_t from, size_t to)
{
	const struct scored *s = r->stories;
	int size = 22, left = 300, top = 130, p;
	/* Room on the right for the last labels, which lean that way. */
	int width = left + (int)(to - from) * size + 90;
	int height = top + PRINCIPLE_COUNT * size + 8;
	size_t i, k;

	fprintf(f, "<svg class=\"heatmap\" role=\"img\" aria-label=\"coverage "
	    "heatmap, stories %zu to %zu of %zu\" width=\"%d\" height=\"%d\" "
	    "viewBox=\"0 0 %d %d\">", from + 1, to, s->n, width, height, width,
	    height);
	for (i = from; i < to; i++)
		column_label(f, &s->v[i], left + (int)(i - from) * size +
		    size / 2 + 4, top - 6);
	for (p = 0; p < PRINCIPLE_COUNT; p++) {
		const struct cover_row *row = &r->cover.rows[p];
		int y = top + p * size;

		fprintf(f, "<g class=\"row\" data-principle=\"%s\"%s>",
		    row->p->slug, row->in_scope ? "" : " data-outside=\"true\"");
		fprintf(f, "<text x=\"0\" y=\"%d\"%s>", y + 15, row->in_scope ?
		    "" : " fill=\"#555\" font-style=\"italic\"");
		html_esc(f, row->p->name);
		if (row->in_scope)
			fprintf(f, " (%s)", cover_status_name(row->status));
		fputs("</text>", f);
		for (i = from; i < to; i++) {
			const struct report_colour *c = &report_palette[3];
			int x = left + (int)(i - from) * size, tagged = 0;

			for (k = 0; k < row->n && !tagged; k++)
				tagged = row->stories[k] == i;
			if (tagged)
				c = report_colour_of(s->score[i], s->ready[i]);
			cell(f, x, y, size, c);
			if (tagged)
				fprintf(f, "<text x=\"%d\" y=\"%d\" "
				    "text-anchor=\"middle\" fill=\"%s\" "
				    "font-size=\"9\">%d</text>", x + size / 2,
				    y + 14, c->ink, s->score[i]);
		}
		fputs("</g>", f);
	}
	fputs("</svg>", f);
}

/* What each colour and the hatch mean. */
static void
legend(FILE *f, const struct report *r)
{
	size_t i;

	fputs("<ul class=\"legend\">", f);
	for (i = 0; i < report_npalette; i++) {
		const struct report_colour *c = &report_palette[i];

		fputs("<li><svg width=\"16\" height=\"16\" aria-hidden=\"true\">",
		    f);
		cell(f, 0, 0, 16, c);
		fputs("</svg> ", f);
		html_esc(f, c->name);
		if (c->hatched)
			fputs(" (hatched)", f);
		fputs("</li>", f);
	}
	fputs("<li>The number in a cell is the story's score.</li>", f);
	if (r->has_loop)
		fputs("<li><em class=\"muted\">In italics</em>: a principle "
		    "outside the loop.</li>", f);
	fputs("</ul>", f);
}

void
html_heatmap(FILE *f, const struct report *r)
{
	const struct scored *s = r->stories;
	size_t from = 0, to;

	legend(f, r);
	do {
		to = s->n - from > HEATMAP_PAGE ? from + HEATMAP_PAGE : s->n;
		if (s->n > HEATMAP_PAGE)
			fprintf(f, "<p class=\"muted\">Stories %zu to %zu of "
			    "%zu</p>", from + 1, to, s->n);
		heatmap_page(f, r, from, to);
		from = to;
	} while (from < s->n);
}

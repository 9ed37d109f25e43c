/*
 * The report as one self-contained HTML page: inline CSS and SVG, no
 * scripts, fonts, images or URLs.  Colours always come with a label or a
 * pattern, so the page reads in black-and-white print; the heatmap, its
 * legend and the palette are in cli/report_heatmap.c.  Every string from
 * the user passes through esc().
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "cli/attempt_view.h"
#include "cli/card_view.h"
#include "cli/cli.h"
#include "cli/report_view.h"
#include "stories/principle.h"

void
html_esc(FILE *f, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': fputs("&amp;", f); break;
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '"': fputs("&quot;", f); break;
		case '\'': fputs("&#39;", f); break;
		default:
			/* Control characters become visible, not active. */
			if ((unsigned char)*s < 0x20 && *s != '\n' && *s != '\t')
				fprintf(f, "&#x2400;");
			else
				fputc(*s, f);
		}
	}
}

#define esc html_esc

void
html_cue_card(FILE *f, const struct cue_card *c)
{
	struct card_row rows[CARD_ROWS];
	size_t n = card_rows(c, STORY_DEFAULT_WPM, rows), i, k;

	fputs("<table class=\"cue\">", f);
	for (i = 0; i < n; i++) {
		fputs("<tr><th>", f);
		esc(f, rows[i].label);
		if (rows[i].mine)
			fputs(" <span class=\"mine\">(from the ## Card)</span>", f);
		fputs("</th><td>", f);
		if (rows[i].v.n == 0)
			fputs("<span class=\"muted\">(empty)</span>", f);
		for (k = 0; k < rows[i].v.n; k++) {
			if (k)
				fputs("<br>", f);
			esc(f, rows[i].v.v[k]);
		}
		fputs("</td></tr>", f);
	}
	fputs("</table>", f);
	card_rows_release(rows, n);
}

static const char css[] =
"body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;"
"color:#111;max-width:190mm;margin:0 auto;padding:16px}"
"h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:22px 0 8px;"
"border-bottom:1px solid #999}"
".verdict{font-size:16px;font-weight:600;padding:8px 10px;"
"border:2px solid #111;border-radius:4px}"
".muted{color:#555}.cards{display:flex;flex-wrap:wrap;gap:10px}"
".card{border:1px solid #777;border-radius:4px;padding:8px 10px;"
"flex:1 1 250px;break-inside:avoid}.card h3{margin:0 0 6px;font-size:15px}"
"table{border-collapse:collapse;width:100%}td,th{text-align:left;"
"padding:2px 6px;vertical-align:top;border-bottom:1px solid #ddd}"
"svg text{font:11px system-ui,sans-serif}"
".drills{display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,"
"1fr));gap:6px}.drill{break-inside:avoid;border:1px solid #ccc;padding:4px}"
"li{margin:2px 0}.round{flex-basis:100%}"
".cue{margin:4px 0 8px;font-size:13px}.cue th{width:7em;font-weight:600}"
".cue td,.cue th{border:0;padding:1px 6px}.mine{font-weight:400}"
".mark,.empty{font-weight:600}code{font:13px ui-monospace,monospace;"
"overflow-wrap:break-word}"
"svg.heatmap{display:block;max-width:100%;height:auto}"
".col{font-size:10px}.legend{list-style:none;padding:0;margin:4px 0 8px;"
"display:flex;flex-wrap:wrap;gap:4px 16px}.legend svg{vertical-align:"
"-3px}.drill-table{width:auto}"
"@page{margin:12mm}@media print{body{padding:0;max-width:none}"
"h2{break-after:avoid}}";

static void
bars(FILE *f, const struct report *r)
{
	const struct scored *s = r->stories;
	size_t i;
	int h = 16, width = 700, left = 300;

	fprintf(f, "<svg class=\"bars\" role=\"img\" aria-label=\"story scores\" "
	    "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">", width,
	    (int)s->n * h + 4, width, (int)s->n * h + 4);
	for (i = 0; i < s->n; i++) {
		int y = (int)i * h, w = s->score[i] * (width - left - 60) / 100;
		char title[64];

		snprintf(title, sizeof(title), "%.42s%s", s->v[i].title,
		    strlen(s->v[i].title) > 42 ? "..." : "");
		fprintf(f, "<text x=\"0\" y=\"%d\">#%lld ", y + 12, s->v[i].id);
		esc(f, title);
		fprintf(f, "</text><rect x=\"%d\" y=\"%d\" width=\"%d\" "
		    "height=\"%d\" fill=\"%s\"/>", left, y + 2, w > 0 ? w : 1,
		    h - 4, report_colour_of(s->score[i], s->ready[i])->fill);
		if (!s->ready[i])
			fprintf(f, "<rect x=\"%d\" y=\"%d\" width=\"%d\" "
			    "height=\"%d\" fill=\"url(#hatch)\"/>", left, y + 2,
			    w > 0 ? w : 1, h - 4);
		fprintf(f, "<text x=\"%d\" y=\"%d\">%d%s</text>", left + w + 4,
		    y + 12, s->score[i], s->ready[i] ? "" : " not ready");
	}
	fputs("</svg>", f);
}

static void
story_ref(FILE *f, const struct report *r, long long id)
{
	long at = scored_find(r->stories, id);

	if (at < 0) {
		fputs("&mdash;", f);
		return;
	}
	fprintf(f, "#%lld ", id);
	esc(f, r->stories->v[at].title);
	fprintf(f, " (%d)", r->stories->score[at]);
}

static void
plan_cards(FILE *f, const struct report *r)
{
	struct buf note = BUF_INIT;
	size_t i, k;

	fputs("<div class=\"cards\">", f);
	for (i = 0; i < r->plan.loop.nrounds; i++) {
		const struct round *rd = &r->plan.loop.rounds[i];

		fputs("<section class=\"card round\"><h3>", f);
		esc(f, rd->name);
		fputs("</h3><table>", f);
		for (k = 0; k < rd->nslots; k++) {
			const struct slot *s = &rd->slots[k];
			long at;

			buf_reset(&note);
			at = report_slot(r, i, k, &note);
			fputs("<tr><th>", f);
			esc(f, principle_by_slug(s->slug)->name);
			fputs("</th><td>", f);
			if (at < 0) {
				fputs("<span class=\"empty\">no story: ", f);
				esc(f, note.s);
				fputs("</span>", f);
			} else {
				story_ref(f, r, r->stories->v[at].id);
				if (note.len) {
					fputs(" <span class=\"mark\">[", f);
					esc(f, note.s);
					fputs("]</span>", f);
				}
			}
			if (s->backup) {
				fputs("<br><span class=\"muted\">backup: ", f);
				story_ref(f, r, s->backup);
				fputs("</span>", f);
			}
			if (at >= 0 && r->has_card[at])
				html_cue_card(f, &r->cards[at]);
			fputs("</td></tr>", f);
		}
		fputs("</table></section>", f);
	}
	fputs("</div>", f);
	buf_release(&note);
}

/*
 * When most principles have never been drilled, a card each would be a
 * page of "0 drilled": one table of those drilled, and one line naming
 * the rest.
 */
static void
drills_folded(FILE *f, const struct report *r)
{
	int p, left = 0;

	fputs("<table class=\"drill-table\"><tr><th>Principle</th>"
	    "<th>Drilled</th><th>Last rating</th><th>Average time</th>"
	    "<th>Fitting story named</th></tr>", f);
	for (p = 0; p < PRINCIPLE_COUNT; p++) {
		const struct principle_history *h = &r->drills[p];

		if (h->drilled == 0) {
			left++;
			continue;
		}
		fputs("<tr><td>", f);
		esc(f, principle_at(p)->name);
		fprintf(f, "</td><td>%ld", h->drilled);
		if (h->partner)
			fprintf(f, " (%ld by a partner)", h->partner);
		fprintf(f, "</td><td>%d of 4</td><td>", h->last_rating);
		if (h->drilled > h->partner)
			fprintf(f, "%.0f s", h->avg_seconds);
		else
			fputs("&ndash;", f);
		fputs("</td>", f);
		if (h->named)
			fprintf(f, "<td>%ld of %ld</td></tr>", h->named_fit,
			    h->named);
		else
			fputs("<td>-</td></tr>", f);
	}
	if (left == PRINCIPLE_COUNT)
		fputs("<tr><td colspan=\"5\" class=\"muted\">None drilled "
		    "yet.</td></tr>", f);
	fprintf(f, "</table>\n<p class=\"undrilled\">Not drilled yet (%d): ",
	    left);
	for (p = 0; p < PRINCIPLE_COUNT; p++)
		if (r->drills[p].drilled == 0) {
			esc(f, principle_at(p)->name);
			fputs(--left ? "; " : ".", f);
		}
	fputs("</p>", f);
}

static void
drills(FILE *f, const struct report *r)
{
	int p, drilled = 0;
	size_t i;

	for (p = 0; p < PRINCIPLE_COUNT; p++)
		drilled += r->drills[p].drilled > 0;
	if (drilled * 2 < PRINCIPLE_COUNT) {
		drills_folded(f, r);
		return;
	}
	fputs("<div class=\"drills\">", f);
	for (p = 0; p < PRINCIPLE_COUNT; p++) {
		const struct principle_history *h = &r->drills[p];

		fputs("<div class=\"drill\"><strong>", f);
		esc(f, principle_at(p)->name);
		fprintf(f, "</strong><br><span class=\"muted\">%ld drilled",
		    h->drilled);
		if (h->partner)
			fprintf(f, " (%ld by a partner)", h->partner);
		if (h->drilled)
			fprintf(f, ", last %d of 4", h->last_rating);
		if (h->drilled > h->partner)
			fprintf(f, ", %.0f s on average", h->avg_seconds);
		if (h->drilled) {
			struct buf recall = BUF_INIT;

			report_recall_phrase(h, &recall);
			esc(f, recall.s);
			buf_release(&recall);
		}
		fputs("</span><br><svg width=\"200\" height=\"36\" "
		    "role=\"img\" aria-label=\"ratings\">", f);
		fputs("<line x1=\"0\" y1=\"34\" x2=\"200\" y2=\"34\" "
		    "stroke=\"#999\"/>", f);
		for (i = 0; i < r->nratings[p]; i++)
			fprintf(f, "<rect x=\"%zu\" y=\"%d\" width=\"12\" "
			    "height=\"%d\" fill=\"#455a64\"/><text x=\"%zu\" "
			    "y=\"%d\" font-size=\"8\">%d</text>", i * 16,
			    34 - r->ratings[p][i] * 7, r->ratings[p][i] * 7,
			    i * 16 + 3, 32 - r->ratings[p][i] * 7 - 1,
			    r->ratings[p][i]);
		fputs("</svg></div>", f);
	}
	fputs("</div>", f);
}

/* Each story's spoken attempts, as a trend; nothing when none. */
static void
spoken(FILE *f, const struct report *r)
{
	struct buf line = BUF_INIT;
	size_t i;

	if (r->nspoken == 0)
		return;
	fputs("\n<h2>Spoken practice</h2>\n<ul class=\"spoken\">", f);
	for (i = 0; i < r->nspoken; i++) {
		const struct report_spoken *sp = &r->spoken[i];

		buf_reset(&line);
		attempt_story_line(&line, sp->id, sp->at >= 0 ?
		    r->stories->v[sp->at].title : NULL, sp->v, sp->n);
		fputs("<li>", f);
		esc(f, line.s);
		fputs("</li>", f);
	}
	fputs("</ul>\n", f);
	buf_release(&line);
}

/* The first thing to do and today's drill, each with its command. */
static void
first_and_today(FILE *f, const struct verdict *v)
{
	size_t i;

	if (v->first.len) {
		fputs("<p class=\"first\"><strong>First:</strong> ", f);
		esc(f, v->first.s);
		fputs("<br><code>", f);
		esc(f, v->first_cmd.s);
		fputs("</code></p>\n", f);
	}
	fputs("<h2>Today</h2>\n", f);
	if (v->ntoday == 0) {
		fputs("<p class=\"today\">", f);
		esc(f, v->quiet.s);
		fputs("</p>\n", f);
		return;
	}
	fputs("<ul class=\"today\">", f);
	for (i = 0; i < v->ntoday; i++) {
		fputs("<li><strong>", f);
		esc(f, v->today[i].p->name);
		fputs("</strong>: ", f);
		esc(f, v->today[i].why.s);
		fputs("</li>", f);
	}
	fputs("</ul>\n<p><code>", f);
	esc(f, v->command.s);
	fputs("</code></p>\n", f);
}

void
report_html(FILE *f, const struct report *r)
{
	size_t i, k;

	fputs("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
	    "<meta name=\"viewport\" content=\"width=device-width\">"
	    "<title>lpcoach readiness report</title><style>", f);
	fputs(css, f);
	fputs("</style></head><body>\n", f);
	html_hatch_defs(f);
	fprintf(f, "<h1>Readiness report</h1><p class=\"muted\">%s", r->date);
	if (r->has_loop) {
		fputs(" &middot; loop ", f);
		esc(f, r->plan.loop.name);
		if (r->plan.loop.date)
			fprintf(f, " on %s", r->plan.loop.date);
		if (r->plan.loop.date && r->days != INT_MIN) {
			char when[32];

			fprintf(f, " (%s)", days_phrase(r->days, when,
			    sizeof(when)));
		}
	}
	fputs("</p>\n<p class=\"verdict\">", f);
	esc(f, r->verdict.line.s);
	fputs("</p>\n", f);
	first_and_today(f, &r->verdict);
	if (r->stories->n == 0)
		fputs("<h2>Start here</h2><ol><li>Import the sample stories to "
		    "see how lpcoach works, or write your own with "
		    "<code>lpcoach add</code>.</li><li>Tag each story with the "
		    "principles it answers.</li><li>Run <code>lpcoach lint"
		    "</code> and fix what it finds.</li><li>Create your loop "
		    "with <code>lpcoach loop new</code> and plan it.</li></ol>\n",
		    f);
	fputs("<h2>Coverage</h2>\n", f);
	html_heatmap(f, r);
	fputs("\n<p class=\"questions\">", f);
	esc(f, r->questions_line);
	fputs("</p>\n", f);
	fputs("\n<h2>Story scores</h2>\n", f);
	bars(f, r);
	if (r->has_loop) {
		fputs("\n<h2>Loop plan</h2>\n", f);
		if (!r->plan.saved)
			fputs("<p class=\"muted\">No saved plan: this is the plan "
			    "lpcoach would make now.</p>", f);
		plan_cards(f, r);
	}
	fputs("\n<h2>Drill history</h2>\n", f);
	drills(f, r);
	spoken(f, r);
	fputs("\n<h2>Findings</h2>\n", f);
	if (r->nflagged == 0)
		fputs("<p>No findings.</p>", f);
	for (i = 0; i < r->nflagged; i++) {
		const struct story *s = &r->stories->v[r->flagged[i].index];

		fprintf(f, "<section class=\"story\"><h3>#%lld ", s->id);
		esc(f, s->title);
		fprintf(f, " (%d)</h3><ul>", r->stories->score[r->flagged[i].index]);
		for (k = 0; k < r->flagged[i].findings.n; k++) {
			fputs("<li>", f);
			esc(f, r->flagged[i].findings.v[k]);
			fputs("</li>", f);
		}
		fputs("</ul></section>\n", f);
	}
	fputs("</body></html>\n", f);
}

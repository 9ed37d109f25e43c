/*
 * The practice partner's packet as text, Markdown and HTML: see
 * cli/partner_view.h.  The three say the same things in the same order:
 * how to run the mock, the scale, each round's questions with what to
 * listen for, the pitfalls, the probes and room for notes, then the marks
 * template.
 */
#include <inttypes.h>
#include <stdlib.h>

#include "base/shquote.h"
#include "cli/card_view.h"
#include "cli/md.h"
#include "cli/partner_view.h"
#include "cli/report_view.h"
#include "cli/term.h"

static const char intro[] =
"You play the interviewer.  Ask each question as written, let the "
"candidate answer for about two minutes, then ask the follow-ups.  Listen "
"for the points below, note what was missing, and give one mark from 1 to "
"4 per question.  The candidate does not see this packet.";

/* "Round: bar-raiser", "Question 3 (own-q04): Ownership". */
static void
item_title(struct buf *b, size_t no, const struct partner_item *it)
{
	buf_reset(b);
	buf_addf(b, "Question %zu (%s): %s", no, it->q->id,
	    it->q->principle->name);
}

/* "the planned story, #12" or what to do without one. */
static void
story_line(struct buf *b, const struct partner_packet *pk,
    const struct partner_item *it)
{
	buf_reset(b);
	if (it->story < 0)
		buf_adds(b, "No story is planned for this question: listen "
		    "for which one they pick.");
	else if (pk->with_stories)
		buf_addf(b, "Their planned story: #%lld %s",
		    pk->plan.stories.v[it->story].id,
		    pk->plan.stories.v[it->story].title);
	else
		buf_addf(b, "They plan to tell story #%lld.",
		    pk->plan.stories.v[it->story].id);
}

static void
head_line(struct buf *b, const struct partner_packet *pk)
{
	buf_reset(b);
	buf_addf(b, "Loop %s, %zu question%s in %zu round%s, made %s.",
	    pk->plan.loop.name, pk->nitems, pk->nitems == 1 ? "" : "s",
	    pk->nrounds, pk->nrounds == 1 ? "" : "s", pk->date);
}

/* The command that makes the same packet again. */
static void
again_line(struct buf *b, const struct partner_packet *pk)
{
	buf_reset(b);
	buf_adds(b, "lpcoach partner --loop ");
	shquote(b, pk->plan.loop.name);
	buf_addf(b, " --seed %" PRIu64 "%s", pk->seed, pk->with_stories ?
	    " --with-stories" : "");
}

static void
text_list(FILE *f, const char *label, const struct strlist *l)
{
	size_t k;

	fprintf(f, "   %s\n", label);
	for (k = 0; k < l->n; k++) {
		fputs("     - ", f);
		term_wrap(f, l->v[k], 7, 7, 79);
	}
}

void
partner_print(FILE *f, const struct partner_packet *pk)
{
	struct buf b = BUF_INIT;
	size_t r, i, no = 0;
	int m;

	head_line(&b, pk);
	fputs("Practice partner's packet\n", f);
	term_wrap(f, b.s, 0, 0, 79);
	again_line(&b, pk);
	fputs("The same packet again: ", f);
	term_puts(f, b.s, 0);
	fputs("\n\n", f);
	term_wrap(f, intro, 0, 0, 79);
	fputs("\nThe marks:\n", f);
	for (m = 1; m <= 4; m++) {
		fprintf(f, "  %d %-5s  ", m, partner_mark_names[m]);
		term_wrap(f, partner_scale[m], 11, 11, 79);
	}
	for (r = 0; r < pk->nrounds; r++) {
		fputs("\n== ", f);
		term_puts(f, pk->rounds[r].name, 0);
		fputc('\n', f);
		for (i = 0; i < pk->rounds[r].n; i++) {
			const struct partner_item *it = &pk->rounds[r].v[i];

			item_title(&b, ++no, it);
			fputc('\n', f);
			term_wrap(f, b.s, 3, 0, 79);
			fputs("   Ask: ", f);
			term_wrap(f, it->q->text, 8, 8, 79);
			story_line(&b, pk, it);
			fputs("   ", f);
			term_wrap(f, b.s, 3, 3, 79);
			if (pk->with_stories && it->has_card)
				card_print(f, 0, NULL, &it->card,
				    STORY_DEFAULT_WPM, 5, 0);
			text_list(f, "Listen for:", &it->g->listens_for);
			text_list(f, "Pitfalls:", &it->g->pitfalls);
			text_list(f, "Follow-ups:", &it->probes);
			fputs("   Mark (1-4): ____   Notes:\n\n\n", f);
		}
	}
	buf_reset(&b);
	partner_template(pk, &b);
	fputs("\n== The marks, for the candidate to import\n", f);
	fputs("Fill in and save as a file, e.g. marks.yaml:\n\n", f);
	fputs(b.s, f);
	buf_release(&b);
}

static void
md_list(cmark_node *doc, const char *label, const struct strlist *l)
{
	cmark_node *list = md_bullets();
	size_t k;

	cmark_node_append_child(doc, md_block(CMARK_NODE_PARAGRAPH, label));
	for (k = 0; k < l->n; k++)
		md_item(list, l->v[k]);
	cmark_node_append_child(doc, list);
}

char *
partner_markdown(const struct partner_packet *pk)
{
	cmark_node *doc = cmark_node_new(CMARK_NODE_DOCUMENT), *list, *code;
	struct buf b = BUF_INIT;
	size_t r, i, no = 0;
	char *out;
	int m;

	cmark_node_append_child(doc, md_heading(1,
	    "Practice partner's packet"));
	head_line(&b, pk);
	cmark_node_append_child(doc, md_block(CMARK_NODE_PARAGRAPH, b.s));
	again_line(&b, pk);
	cmark_node_append_child(doc, md_block(CMARK_NODE_PARAGRAPH,
	    "The same packet again:"));
	code = cmark_node_new(CMARK_NODE_CODE_BLOCK);
	cmark_node_set_literal(code, b.s);
	buf_reset(&b);
	cmark_node_append_child(doc, code);
	cmark_node_append_child(doc, md_block(CMARK_NODE_PARAGRAPH, intro));
	list = md_bullets();
	for (m = 1; m <= 4; m++) {
		buf_reset(&b);
		buf_addf(&b, "%d (%s): %s", m, partner_mark_names[m],
		    partner_scale[m]);
		md_item(list, b.s);
	}
	cmark_node_append_child(doc, md_heading(2, "The marks"));
	cmark_node_append_child(doc, list);
	for (r = 0; r < pk->nrounds; r++) {
		cmark_node_append_child(doc, md_heading(2,
		    pk->rounds[r].name));
		for (i = 0; i < pk->rounds[r].n; i++) {
			const struct partner_item *it = &pk->rounds[r].v[i];

			item_title(&b, ++no, it);
			cmark_node_append_child(doc, md_heading(3, b.s));
			buf_reset(&b);
			buf_addf(&b, "Ask: %s", it->q->text);
			cmark_node_append_child(doc,
			    md_block(CMARK_NODE_PARAGRAPH, b.s));
			story_line(&b, pk, it);
			cmark_node_append_child(doc,
			    md_block(CMARK_NODE_PARAGRAPH, b.s));
			if (pk->with_stories && it->has_card)
				cmark_node_append_child(doc,
				    md_cue_card(&it->card));
			md_list(doc, "Listen for:", &it->g->listens_for);
			md_list(doc, "Pitfalls:", &it->g->pitfalls);
			md_list(doc, "Follow-ups:", &it->probes);
			cmark_node_append_child(doc, md_block(
			    CMARK_NODE_PARAGRAPH, "Mark (1-4), and notes:"));
		}
	}
	cmark_node_append_child(doc, md_heading(2,
	    "The marks, for the candidate to import"));
	buf_reset(&b);
	partner_template(pk, &b);
	code = cmark_node_new(CMARK_NODE_CODE_BLOCK);
	cmark_node_set_fence_info(code, "yaml");
	cmark_node_set_literal(code, b.s);
	cmark_node_append_child(doc, code);
	out = cmark_render_commonmark(doc, CMARK_OPT_DEFAULT, 0);
	cmark_node_free(doc);
	buf_release(&b);
	return out;
}

static const char css[] =
"body{font:13px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;"
"color:#111;max-width:190mm;margin:0 auto;padding:8px}"
"h2{border-bottom:1px solid #888;margin-top:6mm}"
"section.q{break-inside:avoid;page-break-inside:avoid;margin:0 0 5mm}"
"h3{font-size:14px;margin:3mm 0 1mm}.ask{font-weight:600}"
".notes{border:1px solid #666;min-height:28mm;padding:2mm;color:#444}"
"dl.scale dt{font-weight:600}pre{border:1px solid #666;padding:3mm;"
"white-space:pre-wrap}"
".cue{border-collapse:collapse}.cue th{text-align:left;"
"vertical-align:top;padding:1px 6px 3px 0}";

static void
html_list(FILE *f, const char *label, const struct strlist *l)
{
	size_t k;

	fprintf(f, "<p>%s</p><ul>", label);
	for (k = 0; k < l->n; k++) {
		fputs("<li>", f);
		html_esc(f, l->v[k]);
		fputs("</li>", f);
	}
	fputs("</ul>", f);
}

void
partner_html(FILE *f, const struct partner_packet *pk)
{
	struct buf b = BUF_INIT;
	size_t r, i, no = 0;
	int m;

	fputs("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
	    "<meta name=\"viewport\" content=\"width=device-width\">"
	    "<title>lpcoach practice partner's packet</title><style>", f);
	fputs(css, f);
	fputs("</style></head><body>\n<h1>Practice partner's packet</h1><p>",
	    f);
	head_line(&b, pk);
	html_esc(f, b.s);
	fputs(" The same packet again: <code>", f);
	again_line(&b, pk);
	html_esc(f, b.s);
	fputs("</code></p><p>", f);
	html_esc(f, intro);
	fputs("</p>\n<h2>The marks</h2><dl class=\"scale\">", f);
	for (m = 1; m <= 4; m++) {
		fprintf(f, "<dt>%d (%s)</dt><dd>", m, partner_mark_names[m]);
		html_esc(f, partner_scale[m]);
		fputs("</dd>", f);
	}
	fputs("</dl>\n", f);
	for (r = 0; r < pk->nrounds; r++) {
		fputs("<h2>", f);
		html_esc(f, pk->rounds[r].name);
		fputs("</h2>\n", f);
		for (i = 0; i < pk->rounds[r].n; i++) {
			const struct partner_item *it = &pk->rounds[r].v[i];

			item_title(&b, ++no, it);
			fputs("<section class=\"q\"><h3>", f);
			html_esc(f, b.s);
			fputs("</h3><p class=\"ask\">Ask: ", f);
			html_esc(f, it->q->text);
			fputs("</p><p>", f);
			story_line(&b, pk, it);
			html_esc(f, b.s);
			fputs("</p>", f);
			if (pk->with_stories && it->has_card)
				html_cue_card(f, &it->card);
			html_list(f, "Listen for:", &it->g->listens_for);
			html_list(f, "Pitfalls:", &it->g->pitfalls);
			html_list(f, "Follow-ups:", &it->probes);
			fputs("<div class=\"notes\">Mark (1-4): ____ "
			    "&nbsp; Notes:</div></section>\n", f);
		}
	}
	fputs("<h2>The marks, for the candidate to import</h2><pre>", f);
	buf_reset(&b);
	partner_template(pk, &b);
	html_esc(f, b.s);
	fputs("</pre>\n</body></html>\n", f);
	buf_release(&b);
}

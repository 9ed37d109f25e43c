/*
 * The readiness report as Markdown: a cmark tree rendered by cmark, never
 * written by hand.  See cli/report_view.h.
 */
#include <cmark.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/attempt_view.h"
#include "cli/card_view.h"
#include "cli/cover_view.h"
#include "cli/cli.h"
#include "cli/md.h"
#include "cli/report_view.h"


static void
story_text(const struct report *r, long long id, struct buf *b)
{
	long at = scored_find(r->stories, id);

	if (at < 0)
		buf_adds(b, "no story");
	else
		buf_addf(b, "#%lld %s (%d)", id, r->stories->v[at].title,
		    r->stories->score[at]);
}

/* A command as a code block of its own, to copy as it stands. */
static void
md_command(cmark_node *doc, const char *cmd)
{
	cmark_node *code = cmark_node_new(CMARK_NODE_CODE_BLOCK);
	struct buf b = BUF_INIT;

	buf_addf(&b, "%s\n", cmd);
	cmark_node_set_literal(code, b.s);
	cmark_node_append_child(doc, code);
	buf_release(&b);
}

static void
md_first(cmark_node *doc, const struct verdict *v, struct buf *b)
{
	if (v->first.len == 0)
		return;
	buf_reset(b);
	buf_addf(b, "First: %s.", v->first.s);
	cmark_node_append_child(doc, md_block(CMARK_NODE_PARAGRAPH, b->s));
	md_command(doc, v->first_cmd.s);
}

static void
md_today(cmark_node *doc, const struct verdict *v, struct buf *b)
{
	cmark_node *list;
	size_t i;

	cmark_node_append_child(doc, md_heading(2, "Today"));
	if (v->ntoday == 0) {
		buf_reset(b);
		buf_addf(b, "%s.", v->quiet.s);
		b->s[0] = 'N';
		cmark_node_append_child(doc, md_block(CMARK_NODE_PARAGRAPH, b->s));
		return;
	}
	list = md_bullets();
	for (i = 0; i < v->ntoday; i++) {
		buf_reset(b);
		buf_addf(b, "%s: %s", v->today[i].p->name, v->today[i].why.s);
		md_item(list, b->s);
	}
	cmark_node_append_child(doc, list);
	md_command(doc, v->command.s);
}

static void
md_head(cmark_node *doc, const struct report *r, struct buf *bp)
{
	cmark_node *para, *strong;
	char *matrix = NULL;
	size_t size = 0;
	FILE *mem;

	buf_addf(bp, "Readiness report, %s", r->date);
	cmark_node_append_child(doc, md_heading(1, bp->s));
	para = cmark_node_new(CMARK_NODE_PARAGRAPH);
	strong = cmark_node_new(CMARK_NODE_STRONG);
	cmark_node_append_child(strong, md_text(r->verdict.line.s));
	cmark_node_append_child(para, strong);
	cmark_node_append_child(doc, para);
	if (r->has_loop && r->days != INT_MIN) {
		buf_reset(bp);
		loop_when(bp, r->plan.loop.name, r->plan.loop.date, r->days);
		buf_addc(bp, '.');
		cmark_node_append_child(doc, md_block(CMARK_NODE_PARAGRAPH, bp->s));
	}
	md_first(doc, &r->verdict, bp);
	md_today(doc, &r->verdict, bp);
	cmark_node_append_child(doc, md_heading(2, "Coverage"));
	mem = open_memstream(&matrix, &size);
	if (mem) {
		cmark_node *code = cmark_node_new(CMARK_NODE_CODE_BLOCK);

		cover_print(mem, 0, &r->cover, r->stories);
		fclose(mem);
		cmark_node_set_literal(code, matrix);
		cmark_node_append_child(doc, code);
		free(matrix);
	}
	cmark_node_append_child(doc, md_block(CMARK_NODE_PARAGRAPH,
	    r->questions_line));
}


/* Each round, each slot with its story and marks, and the story's card. */
static void
md_plan(cmark_node *doc, const struct report *r, struct buf *b)
{
	struct buf note = BUF_INIT;
	size_t i, k;

	buf_reset(b);
	buf_addf(b, "Loop plan: %s", r->plan.loop.name);
	cmark_node_append_child(doc, md_heading(2, b->s));
	for (i = 0; i < r->plan.loop.nrounds; i++) {
		cmark_node_append_child(doc, md_heading(3,
		    r->plan.loop.rounds[i].name));
		for (k = 0; k < r->plan.loop.rounds[i].nslots; k++) {
			const struct slot *s =
			    &r->plan.loop.rounds[i].slots[k];
			long at;

			buf_reset(&note);
			at = report_slot(r, i, k, &note);
			buf_reset(b);
			buf_addf(b, "%s: ",
			    principle_by_slug(s->slug)->name);
			if (at < 0) {
				buf_addf(b, "no story (%s)", note.s);
			} else {
				story_text(r, r->stories->v[at].id, b);
				if (note.len)
					buf_addf(b, " [%s]", note.s);
			}
			if (s->backup) {
				buf_adds(b, "; backup ");
				story_text(r, s->backup, b);
			}
			cmark_node_append_child(doc, md_heading(4, b->s));
			if (at >= 0 && r->has_card[at])
				cmark_node_append_child(doc,
				    md_cue_card(&r->cards[at]));
		}
	}
	buf_release(&note);
}

static void
md_flagged(cmark_node *doc, const struct report *r, struct buf *b)
{
	cmark_node *list;
	size_t i, k;

	cmark_node_append_child(doc, md_heading(2, "Stories with lint errors"));
	list = md_bullets();
	for (i = 0; i < r->nflagged; i++) {
		const struct report_story *f = &r->flagged[i];

		if (f->errors == 0)
			continue;
		buf_reset(b);
		buf_addf(b, "#%lld %s (%d): ", r->stories->v[f->index].id,
		    r->stories->v[f->index].title, r->stories->score[f->index]);
		for (k = 0; k < f->findings.n; k++)
			buf_addf(b, "%s%s", k ? "; " : "", f->findings.v[k]);
		md_item(list, b->s);
	}
	if (cmark_node_first_child(list))
		cmark_node_append_child(doc, list);
	else {
		cmark_node_free(list);
		cmark_node_append_child(doc, md_block(CMARK_NODE_PARAGRAPH,
		    "None."));
	}
}

static void
md_drills(cmark_node *doc, const struct report *r, struct buf *b)
{
	cmark_node *list;
	int p;

	cmark_node_append_child(doc, md_heading(2, "Drill progress"));
	list = md_bullets();
	for (p = 0; p < PRINCIPLE_COUNT; p++) {
		const struct principle_history *h = &r->drills[p];

		buf_reset(b);
		if (h->drilled) {
			buf_addf(b, "%s: %ld drilled", principle_at(p)->name,
			    h->drilled);
			if (h->partner)
				buf_addf(b, " (%ld by a partner)", h->partner);
			buf_addf(b, ", last rating %d", h->last_rating);
			if (h->drilled > h->partner)
				buf_addf(b, ", %.0f s on average",
				    h->avg_seconds);
			report_recall_phrase(h, b);
		} else
			buf_addf(b, "%s: not drilled yet",
			    principle_at(p)->name);
		md_item(list, b->s);
	}
	cmark_node_append_child(doc, list);
	if (r->nspoken == 0)
		return;
	cmark_node_append_child(doc, md_heading(2, "Spoken practice"));
	list = md_bullets();
	for (size_t i = 0; i < r->nspoken; i++) {
		const struct report_spoken *sp = &r->spoken[i];

		buf_reset(b);
		attempt_story_line(b, sp->id, sp->at >= 0 ?
		    r->stories->v[sp->at].title : NULL, sp->v, sp->n);
		md_item(list, b->s);
	}
	cmark_node_append_child(doc, list);
}

char *
report_markdown(const struct report *r)
{
	cmark_node *doc = cmark_node_new(CMARK_NODE_DOCUMENT);
	struct buf b = BUF_INIT;
	char *out;

	md_head(doc, r, &b);
	if (r->has_loop)
		md_plan(doc, r, &b);
	md_flagged(doc, r, &b);
	md_drills(doc, r, &b);
	out = cmark_render_commonmark(doc, CMARK_OPT_DEFAULT, 0);
	cmark_node_free(doc);
	buf_release(&b);
	return out;
}


/* Markdown as cmark nodes, for the views that write it: see cli/md.h. */
#include "cli/md.h"

#include "cli/card_view.h"

cmark_node *
md_text(const char *s)
{
	cmark_node *t = cmark_node_new(CMARK_NODE_TEXT);

	cmark_node_set_literal(t, s);
	return t;
}

cmark_node *
md_block(cmark_node_type type, const char *s)
{
	cmark_node *n = cmark_node_new(type);

	if (s)
		cmark_node_append_child(n, md_text(s));
	return n;
}

cmark_node *
md_heading(int level, const char *s)
{
	cmark_node *h = md_block(CMARK_NODE_HEADING, s);

	cmark_node_set_heading_level(h, level);
	return h;
}

void
md_item(cmark_node *list, const char *s)
{
	cmark_node *item = cmark_node_new(CMARK_NODE_ITEM);

	cmark_node_append_child(item, md_block(CMARK_NODE_PARAGRAPH, s));
	cmark_node_append_child(list, item);
}

cmark_node *
md_bullets(void)
{
	cmark_node *l = cmark_node_new(CMARK_NODE_LIST);

	cmark_node_set_list_type(l, CMARK_BULLET_LIST);
	cmark_node_set_list_tight(l, 1);
	return l;
}

/* A card as a list: "Situation: ...", "Say: 340 ms to 85 ms; 60%". */
cmark_node *
md_cue_card(const struct cue_card *c)
{
	struct card_row rows[CARD_ROWS];
	size_t n = card_rows(c, STORY_DEFAULT_WPM, rows), i, k;
	cmark_node *list = md_bullets();
	struct buf b = BUF_INIT;

	for (i = 0; i < n; i++) {
		cmark_node *item, *sub;

		buf_reset(&b);
		buf_addf(&b, "%s%s:", rows[i].label, rows[i].mine ?
		    " (from the ## Card)" : "");
		if (rows[i].v.n > 1) {
			/* Several things to say: one item each. */
			md_item(list, b.s);
			item = cmark_node_last_child(list);
			sub = md_bullets();
			for (k = 0; k < rows[i].v.n; k++)
				md_item(sub, rows[i].v.v[k]);
			cmark_node_append_child(item, sub);
			continue;
		}
		buf_addf(&b, " %s", rows[i].v.n ? rows[i].v.v[0] : "(empty)");
		md_item(list, b.s);
	}
	card_rows_release(rows, n);
	buf_release(&b);
	return list;
}

#include "lp/guide.h"

#include <stdlib.h>
#include <string.h>

#include "base/die.h"
#include "base/xalloc.h"
#include "base/ydoc.h"
#include "lp/embed.h"

static struct guide guides[PRINCIPLE_COUNT];
static int loaded;

static void
free_guides(void)
{
	int i;

	for (i = 0; i < PRINCIPLE_COUNT; i++) {
		free(guides[i].summary);
		strlist_clear(&guides[i].listens_for);
		strlist_clear(&guides[i].pitfalls);
	}
}

/* The data is ours and tested; a failure here is a build defect. */
static void
load(void)
{
	struct embedded e = embed_guide();
	struct buf err = BUF_INIT;
	yaml_document_t doc;
	yaml_node_t *root;
	int i;

	if (ydoc_load(&doc, e.data, e.len, e.name, &err) < 0)
		die_internal("embedded guide.yaml: %s", err.s);
	root = yaml_document_get_root_node(&doc);
	if (ydoc_len(root) != PRINCIPLE_COUNT)
		die_internal("embedded guide.yaml: expected 16 principles");
	for (i = 0; i < PRINCIPLE_COUNT; i++) {
		yaml_node_t *g = ydoc_item(&doc, root, i);
		const char *slug = ydoc_str(ydoc_get(&doc, g, "slug"));
		const char *summary = ydoc_str(ydoc_get(&doc, g, "summary"));
		struct guide *to = &guides[i];

		to->p = principle_at(i);
		if (slug == NULL || strcmp(slug, to->p->slug) != 0 ||
		    summary == NULL)
			die_internal("embedded guide.yaml: entry %d is not %s "
			    "with a summary", i + 1, to->p->slug);
		to->summary = xstrdup(summary);
		ydoc_strlist(&doc, ydoc_get(&doc, g, "listens_for"),
		    &to->listens_for);
		ydoc_strlist(&doc, ydoc_get(&doc, g, "pitfalls"), &to->pitfalls);
	}
	yaml_document_delete(&doc);
	loaded = 1;
	atexit(free_guides);
}

const struct guide *
guide_of(const struct principle *p)
{
	if (!loaded)
		load();
	return &guides[p->index];
}

#include "lp/template.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lp/embed.h"
#include "stories/principle.h"
#include "base/ascii.h"
#include "base/die.h"
#include "base/ydoc.h"

const char *const template_names[] = {
	"mle", "sde", "scientist", "manager", "empty", NULL
};

const char *
template_find(const char *name)
{
	int i;

	for (i = 0; template_names[i]; i++)
		if (ascii_strcasecmp(template_names[i], name) == 0)
			return template_names[i];
	return NULL;
}

int
template_apply(const char *arg, struct loop *l, struct buf *err)
{
	struct embedded e = embed_loops();
	const char *name = template_find(arg);
	yaml_document_t doc;
	yaml_node_t *rounds;
	int i;

	if (name == NULL) {
		buf_addf(err, "unknown template '%s' (mle, sde, scientist, "
		    "manager or empty)\n", arg);
		return -1;
	}
	if (ydoc_load(&doc, e.data, e.len, e.name, err) < 0) {
		die_internal("%s", err->s);
	}
	rounds = ydoc_get(&doc, yaml_document_get_root_node(&doc), name);
	for (i = 0; i < ydoc_len(rounds); i++) {
		yaml_node_t *r = ydoc_item(&doc, rounds, i);
		struct strlist slugs = STRLIST_INIT;
		struct round *rd = loop_add_round(l,
		    ydoc_str(ydoc_get(&doc, r, "round")));
		size_t k;

		ydoc_strlist(&doc, ydoc_get(&doc, r, "principles"), &slugs);
		for (k = 0; k < slugs.n; k++) {
			if (principle_by_slug(slugs.v[k]) == NULL) {
				die_internal("loops.yaml: unknown principle "
				    "'%s'", slugs.v[k]);
			}
			round_add_slot(rd, slugs.v[k]);
		}
		strlist_clear(&slugs);
	}
	yaml_document_delete(&doc);
	return 0;
}

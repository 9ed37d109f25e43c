#include "base/ydoc.h"

#include <string.h>

int
ydoc_load(yaml_document_t *doc, const char *text, size_t len,
    const char *where, struct buf *err)
{
	yaml_parser_t p;
	yaml_node_t *n;
	int ok;

	yaml_parser_initialize(&p);
	yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
	ok = yaml_parser_load(&p, doc);
	if (!ok) {
		buf_addf(err, "%s:%zu:%zu: malformed YAML: %s\n", where,
		    p.problem_mark.line + 1, p.problem_mark.column + 1,
		    p.problem ? p.problem : "syntax error");
		yaml_parser_delete(&p);
		return -1;
	}
	yaml_parser_delete(&p);
	if (yaml_document_get_root_node(doc) == NULL) {
		buf_addf(err, "%s: empty YAML document\n", where);
		yaml_document_delete(doc);
		return -1;
	}
	/* C strings end at a NUL ("\0" in a quoted scalar): refuse it. */
	for (n = doc->nodes.start; n < doc->nodes.top; n++)
		if (n->type == YAML_SCALAR_NODE &&
		    strlen((const char *)n->data.scalar.value) !=
		    n->data.scalar.length) {
			buf_addf(err, "%s:%zu:%zu: a NUL character (the escape "
			    "\\0) is not allowed: the text would end there\n",
			    where, n->start_mark.line + 1,
			    n->start_mark.column + 1);
			yaml_document_delete(doc);
			return -1;
		}
	return 0;
}

yaml_node_t *
ydoc_get(yaml_document_t *doc, yaml_node_t *map, const char *key)
{
	yaml_node_pair_t *pair;

	if (map == NULL || map->type != YAML_MAPPING_NODE)
		return NULL;
	for (pair = map->data.mapping.pairs.start;
	    pair < map->data.mapping.pairs.top; pair++) {
		const char *k = ydoc_str(yaml_document_get_node(doc,
		    pair->key));

		if (k && strcmp(k, key) == 0)
			return yaml_document_get_node(doc, pair->value);
	}
	return NULL;
}

const char *
ydoc_str(yaml_node_t *n)
{
	if (n == NULL || n->type != YAML_SCALAR_NODE)
		return NULL;
	return (const char *)n->data.scalar.value;
}

int
ydoc_len(yaml_node_t *n)
{
	if (n == NULL || n->type != YAML_SEQUENCE_NODE)
		return 0;
	return (int)(n->data.sequence.items.top - n->data.sequence.items.start);
}

yaml_node_t *
ydoc_item(yaml_document_t *doc, yaml_node_t *n, int i)
{
	return yaml_document_get_node(doc, n->data.sequence.items.start[i]);
}

void
ydoc_strlist(yaml_document_t *doc, yaml_node_t *n, struct strlist *l)
{
	int i;

	if (ydoc_str(n)) {
		strlist_push(l, ydoc_str(n));
		return;
	}
	for (i = 0; i < ydoc_len(n); i++) {
		const char *s = ydoc_str(ydoc_item(doc, n, i));

		if (s)
			strlist_push(l, s);
	}
}

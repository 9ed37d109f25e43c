#include "base/ydoc.h"

#include <limits.h>
#include <string.h>

/* Where the loader is: the open collections, innermost last. */
struct ydoc_load {
	yaml_parser_t parser;
	yaml_document_t *doc;
	const char *where;
	struct buf *err;
	struct {
		int id;		/* the collection's node */
		int key;	/* a mapping's key waiting for its value, or 0 */
	} open[YDOC_MAX_DEPTH];
	int depth;
	int root;
};

static int
load_error(struct ydoc_load *l, const yaml_mark_t *m, const char *what)
{
	buf_addf(l->err, "%s:%zu:%zu: %s\n", l->where, m->line + 1,
	    m->column + 1, what);
	return -1;
}

/* Makes node id the root, an item of the open sequence or half a pair. */
static int
attach(struct ydoc_load *l, int id)
{
	int ok = 1;

	if (l->depth == 0) {
		l->root = id;
	} else {
		int parent = l->open[l->depth - 1].id;
		int *key = &l->open[l->depth - 1].key;

		if (yaml_document_get_node(l->doc, parent)->type ==
		    YAML_SEQUENCE_NODE) {
			ok = yaml_document_append_sequence_item(l->doc, parent,
			    id);
		} else if (*key == 0) {
			*key = id;
		} else {
			ok = yaml_document_append_mapping_pair(l->doc, parent,
			    *key, id);
			*key = 0;
		}
	}
	return ok ? 0 : -1;
}

/* Adds the node ev starts (0: it starts none) and attaches it; 0 or -1. */
static int
add_node(struct ydoc_load *l, yaml_event_t *ev)
{
	const unsigned char *anchor = NULL;
	int id = 0, collection = 0;

	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		anchor = ev->data.scalar.anchor;
		if (ev->data.scalar.length > INT_MAX)
			return load_error(l, &ev->start_mark, "scalar too long");
		id = yaml_document_add_scalar(l->doc, ev->data.scalar.tag,
		    ev->data.scalar.value, (int)ev->data.scalar.length,
		    ev->data.scalar.style);
		break;
	case YAML_SEQUENCE_START_EVENT:
		anchor = ev->data.sequence_start.anchor;
		id = yaml_document_add_sequence(l->doc,
		    ev->data.sequence_start.tag, ev->data.sequence_start.style);
		collection = 1;
		break;
	case YAML_MAPPING_START_EVENT:
		anchor = ev->data.mapping_start.anchor;
		id = yaml_document_add_mapping(l->doc,
		    ev->data.mapping_start.tag, ev->data.mapping_start.style);
		collection = 1;
		break;
	case YAML_ALIAS_EVENT:
		return load_error(l, &ev->start_mark, "YAML aliases are not "
		    "allowed");
	default:
		return 0;
	}
	if (anchor)
		return load_error(l, &ev->start_mark, "YAML anchors are not "
		    "allowed");
	if (collection && l->depth == YDOC_MAX_DEPTH)
		return load_error(l, &ev->start_mark, "YAML nested deeper than "
		    YDOC_MAX_DEPTH_TEXT " levels");
	if (id == 0 || attach(l, id) < 0)
		return load_error(l, &ev->start_mark, "out of memory, or text "
		    "that is not UTF-8");
	yaml_document_get_node(l->doc, id)->start_mark = ev->start_mark;
	yaml_document_get_node(l->doc, id)->end_mark = ev->end_mark;
	if (collection) {
		l->open[l->depth].id = id;
		l->open[l->depth++].key = 0;
	}
	return 0;
}

/*
 * libyaml's own loader (yaml_parser_load) has no depth limit, and its
 * scanner does work in proportion to the depth for every token: a file of
 * 100,000 '[' took 21 s.  Composing the document from events stops at
 * YDOC_MAX_DEPTH, after a few hundred bytes of such a file.
 */
int
ydoc_load(yaml_document_t *doc, const char *text, size_t len,
    const char *where, struct buf *err)
{
	struct ydoc_load l;
	yaml_node_t *n;
	yaml_event_t ev;
	int done = 0, rc = 0;

	memset(&l, 0, sizeof(l));
	l.doc = doc;
	l.where = where;
	l.err = err;
	memset(doc, 0, sizeof(*doc));
	if (!yaml_document_initialize(doc, NULL, NULL, NULL, 1, 1)) {
		buf_addf(err, "%s: out of memory\n", where);
		return -1;
	}
	yaml_parser_initialize(&l.parser);
	yaml_parser_set_input_string(&l.parser, (const unsigned char *)text,
	    len);
	while (!done && rc == 0) {
		if (!yaml_parser_parse(&l.parser, &ev)) {
			buf_addf(err, "%s:%zu:%zu: malformed YAML: %s\n", where,
			    l.parser.problem_mark.line + 1,
			    l.parser.problem_mark.column + 1, l.parser.problem ?
			    l.parser.problem : "syntax error");
			rc = -1;
			break;
		}
		if (ev.type == YAML_SEQUENCE_END_EVENT ||
		    ev.type == YAML_MAPPING_END_EVENT)
			yaml_document_get_node(doc,
			    l.open[--l.depth].id)->end_mark = ev.end_mark;
		else
			rc = add_node(&l, &ev);
		/* Only the first document counts, as with yaml_parser_load. */
		done = ev.type == YAML_DOCUMENT_END_EVENT ||
		    ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&l.parser);
	if (rc == 0 && l.root == 0) {
		buf_addf(err, "%s: empty YAML document\n", where);
		rc = -1;
	}
	/* C strings end at a NUL ("\0" in a quoted scalar): refuse it. */
	for (n = doc->nodes.start; rc == 0 && n < doc->nodes.top; n++)
		if (n->type == YAML_SCALAR_NODE &&
		    strlen((const char *)n->data.scalar.value) !=
		    n->data.scalar.length) {
			buf_addf(err, "%s:%zu:%zu: a NUL character (the escape "
			    "\\0) is not allowed: the text would end there\n",
			    where, n->start_mark.line + 1,
			    n->start_mark.column + 1);
			rc = -1;
		}
	if (rc < 0)
		yaml_document_delete(doc);
	return rc;
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

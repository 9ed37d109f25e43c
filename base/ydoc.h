/*
 * Small helpers over libyaml's document API, for the data and rule files
 * lpcoach reads.  Every pointer returned points into the document and
 * lives as long as it does.
 */
#ifndef LPC_YDOC_H
#define LPC_YDOC_H

#include <yaml.h>

#include "base/buf.h"
#include "base/strlist.h"

/* The deepest a collection may be nested; rule files need 5. */
#define YDOC_MAX_DEPTH 64
#define YDOC_MAX_DEPTH_TEXT "64"

/*
 * Loads the first YAML document in text[0..len) into *doc (which the
 * caller frees with yaml_document_delete() on success), refusing
 * collections nested deeper than YDOC_MAX_DEPTH and anchors and aliases
 * (no data or rule file needs them, and they are how a small document
 * grows large).  Errors name where, line and column.
 */
int ydoc_load(yaml_document_t *doc, const char *text, size_t len,
    const char *where, struct buf *err);

/* The value of key in mapping node map, or NULL. */
yaml_node_t *ydoc_get(yaml_document_t *doc, yaml_node_t *map,
    const char *key);
/* The text of a scalar node, or NULL for any other node (or NULL). */
const char *ydoc_str(yaml_node_t *n);
/* Appends the scalars of a sequence (or one scalar) to l. */
void ydoc_strlist(yaml_document_t *doc, yaml_node_t *n, struct strlist *l);
/* Number of items in sequence n, 0 for anything else. */
int ydoc_len(yaml_node_t *n);
/* Item i of sequence n. */
yaml_node_t *ydoc_item(yaml_document_t *doc, yaml_node_t *n, int i);

#endif

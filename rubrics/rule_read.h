/*
 * Inside the rule loader: the helpers rubrics/rule.c (a rule's keys) and
 * rubrics/rule_keys.c (the keys that need more) share.  Nothing outside
 * those files includes this.
 */
#ifndef LPC_RULE_READ_H
#define LPC_RULE_READ_H

#include <yaml.h>

#include "rubrics/rule.h"

/* The 1-based line of node n in its file, 0 for none. */
int rule_node_line(yaml_node_t *n);
/*
 * Appends "FILE:LINE: rule ID: " and fmt (with arg) for a problem with r
 * at node n (or at the rule); returns -1.
 */
int rule_bad(struct rule *r, yaml_node_t *n, struct buf *err,
    const char *fmt, const char *arg);
/* A section name or a list of them into *mask ('story' when allowed). */
int rule_read_sections(struct rule *r, yaml_document_t *doc,
    yaml_node_t *n, unsigned *mask, int allow_story, struct buf *err);
/* A pattern or a list of them (or {in, pattern} maps) into pl. */
int rule_read_patterns(struct rule *r, yaml_document_t *doc,
    yaml_node_t *n, const char *key, struct patlist *pl, struct buf *err);
/* Checks that r has what its kind needs; 0, or -1 with err set. */
int rule_check_kind(struct rule *r, yaml_node_t *node, struct buf *err);

#endif

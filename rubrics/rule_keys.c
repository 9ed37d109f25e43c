/*
 * Reading the keys of a rule that need more than a value: sections,
 * pattern lists (with their 'in:' sections), and what each kind needs.
 * Part of the rule loader (rubrics/rule.c); see rubrics/rule_read.h.
 */
#include "rubrics/rule_read.h"

#include <string.h>

#include "base/xalloc.h"
#include "base/ydoc.h"

static int
section_bit(const char *s)
{
	int i;

	for (i = 0; i < SEC_COUNT; i++)
		if (strcmp(s, section_key(i)) == 0)
			return 1 << i;
	return 0;
}

/* Reads a section name or a list of them into *mask. */
int
rule_read_sections(struct rule *r, yaml_document_t *doc, yaml_node_t *n,
    unsigned *mask, int allow_story, struct buf *err)
{
	struct strlist l = STRLIST_INIT;
	size_t i;
	int rc = 0;

	ydoc_strlist(doc, n, &l);
	if (l.n == 0)
		rc = rule_bad(r, n, err, "expected a section name or a list of "
		    "them%s", "");
	for (i = 0; i < l.n && rc == 0; i++) {
		if (allow_story && strcmp(l.v[i], "story") == 0) {
			*mask = (1u << SEC_COUNT) - 1;
			r->scope_story = 1;
		} else if (section_bit(l.v[i])) {
			*mask |= (unsigned)section_bit(l.v[i]);
		} else {
			rc = rule_bad(r, n, err, "unknown section '%s' (situation, "
			    "task, action, result, reflection or story)",
			    l.v[i]);
		}
	}
	strlist_clear(&l);
	return rc;
}

int
rule_read_patterns(struct rule *r, yaml_document_t *doc, yaml_node_t *n,
    const char *key, struct patlist *pl, struct buf *err)
{
	int i, count = ydoc_str(n) ? 1 : ydoc_len(n);

	if (pl->lines)
		return rule_bad(r, n, err, "'%s' given twice (pattern and "
		    "patterns are one key)", key);
	if (count == 0)
		return rule_bad(r, n, err, "'%s' must be a pattern or a list of "
		    "them", key);
	pl->lines = xcalloc((size_t)count, sizeof(int));
	pl->in = xcalloc((size_t)count, sizeof(unsigned));
	if (ydoc_str(n)) {
		strlist_push(&pl->src, ydoc_str(n));
		pl->lines[pl->n++] = rule_node_line(n);
		return 0;
	}
	for (i = 0; i < count; i++) {
		yaml_node_t *item = ydoc_item(doc, n, i);

		/* {in: [reflection], pattern: '...'}: a require rule's
		 * evidence that counts in those sections only. */
		if (item && item->type == YAML_MAPPING_NODE) {
			yaml_node_t *p = ydoc_get(doc, item, "pattern");
			yaml_node_t *in = ydoc_get(doc, item, "in");

			if (p == NULL || ydoc_str(p) == NULL || in == NULL ||
			    item->data.mapping.pairs.top -
			    item->data.mapping.pairs.start != 2)
				return rule_bad(r, item, err, "a pattern given as a "
				    "map has two keys, 'in' (sections) and "
				    "'pattern'%s", "");
			if (rule_read_sections(r, doc, in, &pl->in[pl->n], 0,
			    err) < 0)
				return -1;
			strlist_push(&pl->src, ydoc_str(p));
			pl->lines[pl->n++] = rule_node_line(p);
			continue;
		}
		if (ydoc_str(item) == NULL)
			return rule_bad(r, item, err, "'%s' must list patterns as "
			    "text, or as {in: [SECTION], pattern: P}", key);
		strlist_push(&pl->src, ydoc_str(item));
		pl->lines[pl->n++] = rule_node_line(item);
	}
	return 0;
}

/* Whether any pattern of pl looks in sections of its own ('in:'). */
static int
has_in(const struct patlist *pl)
{
	size_t i;

	for (i = 0; i < pl->n; i++)
		if (pl->in && pl->in[i])
			return 1;
	return 0;
}

/* Checks what each kind needs. */
int
rule_check_kind(struct rule *r, yaml_node_t *node, struct buf *err)
{
	if (r->kind != KIND_REQUIRE && (has_in(&r->patterns) ||
	    has_in(&r->unless) || has_in(&r->also) || has_in(&r->when) ||
	    has_in(&r->numerator) || has_in(&r->denominator)))
		return rule_bad(r, node, err, "only a require rule takes patterns "
		    "with 'in' (sections of their own)%s", "");
	switch (r->kind) {
	case KIND_EXISTENCE:
	case KIND_REQUIRE:
		if (r->patterns.n == 0)
			return rule_bad(r, node, err, "a %s rule needs 'patterns'",
			    rule_kind_names[r->kind]);
		break;
	case KIND_SENTENCE:
		if (r->patterns.n == 0)
			return rule_bad(r, node, err, "a sentence rule needs "
			    "'patterns'%s", "");
		break;
	case KIND_RATIO:
		if (r->numerator.n == 0 || r->denominator.n == 0 || r->max < 0)
			return rule_bad(r, node, err, "a ratio rule needs "
			    "'numerator', 'denominator' and 'max'%s", "");
		break;
	case KIND_LENGTH:
		if (r->min_words < 0 && r->max_words < 0 &&
		    r->min_seconds < 0 && r->max_seconds < 0 &&
		    r->min_share < 0 && r->max_share < 0)
			return rule_bad(r, node, err, "a length rule needs a bound "
			    "(min_words, max_words, min_seconds, max_seconds, "
			    "min_share or max_share)%s", "");
		break;
	case KIND_CONSISTENCY:
		if (r->patterns.n)
			return rule_bad(r, node, err, "a consistency rule takes no "
			    "'patterns': it compares the figures of stories%s",
			    "");
		break;
	case KIND_SECTIONS:
		if (r->required == 0)
			return rule_bad(r, node, err, "a sections rule needs "
			    "'required'%s", "");
		break;
	default:
		break;
	}
	return 0;
}


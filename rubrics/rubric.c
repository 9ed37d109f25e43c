#include "rubrics/rubric.h"

#include <stdlib.h>
#include <string.h>

#include "rubrics/default.h"
#include "rubrics/fragment.h"
#include "base/distance.h"
#include "base/hash.h"
#include "stories/parse.h"
#include "base/xalloc.h"
#include "base/ydoc.h"

void
rubric_init(struct rubric *rb)
{
	memset(rb, 0, sizeof(*rb));
	rb->fingerprint = HASH64_INIT;
}

void
rubric_free(struct rubric *rb)
{
	size_t i;

	for (i = 0; i < rb->n; i++)
		rule_free(&rb->rules[i]);
	free(rb->rules);
	strlist_clear(&rb->def_names);
	strlist_clear(&rb->def_values);
	free(rb->def_slot);
	memset(rb, 0, sizeof(*rb));
}

const struct rule *
rubric_find(const struct rubric *rb, const char *id)
{
	size_t i;

	for (i = 0; i < rb->n; i++)
		if (strcmp(rb->rules[i].id, id) == 0)
			return &rb->rules[i];
	return NULL;
}

/* Adds r, replacing a rule with the same id. */
static void
put_rule(struct rubric *rb, struct rule *r)
{
	size_t i;

	for (i = 0; i < rb->n; i++)
		if (strcmp(rb->rules[i].id, r->id) == 0) {
			rule_free(&rb->rules[i]);
			rb->rules[i] = *r;
			return;
		}
	rb->rules = xgrow(rb->rules, &rb->alloc, rb->n + 1, sizeof(*r));
	rb->rules[rb->n++] = *r;
}

static int
add_defines(struct rubric *rb, yaml_document_t *doc, yaml_node_t *map,
    const char *file, struct buf *err)
{
	yaml_node_pair_t *pair;

	if (map->type != YAML_MAPPING_NODE) {
		buf_addf(err, "%s:%zu: 'define' must map names to patterns\n",
		    file, map->start_mark.line + 1);
		return -1;
	}
	for (pair = map->data.mapping.pairs.start;
	    pair < map->data.mapping.pairs.top; pair++) {
		const char *k = ydoc_str(yaml_document_get_node(doc, pair->key));
		const char *v = ydoc_str(yaml_document_get_node(doc,
		    pair->value));

		if (k == NULL || v == NULL) {
			buf_addf(err, "%s:%zu: 'define' must map names to "
			    "patterns\n", file, map->start_mark.line + 1);
			return -1;
		}
		/* Kept in order; the index finds the last (fragment.h). */
		strlist_push(&rb->def_names, k);
		strlist_push(&rb->def_values, v);
	}
	return 0;
}

int
rubric_add_text(struct rubric *rb, const char *text, size_t len,
    const char *file, struct buf *err)
{
	yaml_document_t doc;
	yaml_node_t *root, *rules;
	yaml_node_pair_t *pair;
	int i, rc = 0;

	rb->fingerprint = hash64_str(rb->fingerprint, file);
	rb->fingerprint = hash64(hash64_u64(rb->fingerprint, len), text, len);
	if (story_check_bytes(text, len, file, err) < 0 ||
	    ydoc_load(&doc, text, len, file, err) < 0)
		return -1;
	root = yaml_document_get_root_node(&doc);
	if (root->type != YAML_MAPPING_NODE) {
		buf_addf(err, "%s: a rule file is a map with a 'rules' list\n",
		    file);
		yaml_document_delete(&doc);
		return -1;
	}
	for (pair = root->data.mapping.pairs.start;
	    pair < root->data.mapping.pairs.top; pair++) {
		yaml_node_t *k = yaml_document_get_node(&doc, pair->key);
		const char *key = ydoc_str(k);

		if (key == NULL || (strcmp(key, "rules") != 0 &&
		    strcmp(key, "define") != 0)) {
			buf_addf(err, "%s:%zu: unknown key '%s' (a rule file "
			    "has 'rules' and 'define')\n", file,
			    k->start_mark.line + 1, key ? key : "?");
			rc = -1;
		}
	}
	if (ydoc_get(&doc, root, "define") && add_defines(rb, &doc,
	    ydoc_get(&doc, root, "define"), file, err) < 0)
		rc = -1;
	rules = ydoc_get(&doc, root, "rules");
	if (rules == NULL || rules->type != YAML_SEQUENCE_NODE) {
		buf_addf(err, "%s: a rule file needs a 'rules' list\n", file);
		rc = -1;
	}
	for (i = 0; rc == 0 && i < ydoc_len(rules); i++) {
		struct rule r;

		if (rule_parse(&doc, ydoc_item(&doc, rules, i), file, &r,
		    err) < 0) {
			rule_free(&r);
			rc = -1;
			continue;
		}
		put_rule(rb, &r);
	}
	yaml_document_delete(&doc);
	return rc;
}

int
rubric_add_dir(struct rubric *rb, const char *dir, struct buf *err)
{
	static const char *const yaml[] = { ".yaml", ".yml", NULL };
	struct strlist names = STRLIST_INIT;
	size_t i;
	int rc = 0;

	if (dir_names(dir, yaml, &names, err) < 0)
		return -1;
	for (i = 0; i < names.n; i++) {
		struct buf path = BUF_INIT;
		char *text;
		size_t len;

		buf_addf(&path, "%s/%s", dir, names.v[i]);
		if (read_whole_file(path.s, &text, &len, err) < 0 ||
		    rubric_add_text(rb, text, len, path.s, err) < 0)
			rc = -1;
		free(text);
		buf_release(&path);
	}
	strlist_clear(&names);
	return rc;
}

int
rubric_add_default(struct rubric *rb, struct buf *err)
{
	size_t i;
	int rc = 0;

	for (i = 0; i < default_rubric_count(); i++) {
		struct embedded e = default_rubric_file(i);

		if (rubric_add_text(rb, e.data, e.len, e.name, err) < 0)
			rc = -1;
	}
	return rc;
}

/*
 * Compiles the patterns of pl: 0, -1 when one is bad, or -2 when the
 * rubric passed RUBRIC_MAX_EXPANDED (then nothing more is compiled).
 */
static int
compile_list(struct rubric *rb, struct rule *r, struct patlist *pl,
    struct buf *err)
{
	struct buf src = BUF_INIT, where = BUF_INIT;
	size_t i;
	int rc = 0;

	pl->pat = xcalloc(pl->n ? pl->n : 1, sizeof(*pl->pat));
	for (i = 0; i < pl->n && rc > -2; i++) {
		buf_reset(&src);
		buf_reset(&where);
		buf_addf(&where, "%s:%d: rule %s", r->file, pl->lines[i],
		    r->id);
		if (fragment_expand(rb, pl->src.v[i], &src, r, pl->lines[i],
		    err) < 0) {
			rc = -1;
		} else if ((rb->expanded += src.len) > RUBRIC_MAX_EXPANDED) {
			buf_addf(err, "%s: the rules' patterns expand to over "
			    "%d bytes (4 MiB) in all; use fewer or smaller "
			    "fragments\n", where.s, RUBRIC_MAX_EXPANDED);
			rc = -2;
		} else if (pattern_compile(&pl->pat[i], src.s, pl->src.v[i],
		    r->case_sensitive, pl->lines[i], where.s, err) < 0) {
			rc = -1;
		}
	}
	buf_release(&src);
	buf_release(&where);
	return rc;
}

int
rubric_compile(struct rubric *rb, struct buf *err)
{
	struct patlist *lists[6];
	size_t i, k;
	int rc = 0, r1;

	fragment_index(rb);
	rb->expanded = 0;
	for (i = 0; i < rb->n && rc > -2; i++) {
		struct rule *r = &rb->rules[i];

		lists[0] = &r->patterns;
		lists[1] = &r->unless;
		lists[2] = &r->also;
		lists[3] = &r->when;
		lists[4] = &r->numerator;
		lists[5] = &r->denominator;
		for (k = 0; k < 6; k++) {
			if ((r1 = compile_list(rb, r, lists[k], err)) < 0) {
				rc = r1 < rc ? r1 : rc;
				break;
			}
		}
	}
	return rc < 0 ? -1 : 0;
}

const char *
rubric_nearest(const struct rubric *rb, const char *id)
{
	size_t i, best = (size_t)-1, d;
	const char *near = "";

	for (i = 0; i < rb->n; i++) {
		d = edit_distance(id, rb->rules[i].id);
		if (d < best) {
			best = d;
			near = rb->rules[i].id;
		}
	}
	return near;
}

static int
unknown_id(const struct rubric *rb, const char *id, struct buf *err)
{
	buf_addf(err, "unknown rule '%s'; did you mean '%s'? ('lpcoach rules' "
	    "lists them)\n", id, rubric_nearest(rb, id));
	return -1;
}

int
rubric_select(struct rubric *rb, const struct strlist *only,
    const struct strlist *disable, struct buf *err)
{
	size_t i;
	int rc = 0;

	for (i = 0; only && i < only->n; i++)
		if (rubric_find(rb, only->v[i]) == NULL)
			rc = unknown_id(rb, only->v[i], err);
	for (i = 0; disable && i < disable->n; i++)
		if (rubric_find(rb, disable->v[i]) == NULL)
			rc = unknown_id(rb, disable->v[i], err);
	for (i = 0; i < rb->n; i++) {
		struct rule *r = &rb->rules[i];

		r->active = (only == NULL || only->n == 0 ||
		    strlist_find(only, r->id) >= 0) && (disable == NULL ||
		    strlist_find(disable, r->id) < 0);
		if (r->active)
			rb->fingerprint = hash64_str(rb->fingerprint, r->id);
	}
	return rc;
}

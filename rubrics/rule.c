#include "rubrics/rule.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/ascii.h"
#include "base/xalloc.h"
#include "base/ydoc.h"
#include "rubrics/rule_read.h"

const char *const rule_kind_names[KIND_COUNT] = {
	"existence", "require", "ratio", "sentence", "length", "sections",
	"consistency"
};
const char *const severity_names[3] = { "suggestion", "warning", "error" };
const char *const rule_categories[] = {
	"metrics", "ownership", "vagueness", "hedging", "filler", "structure",
	"length", "principle-fit", "secrets", "confidential", "consistency",
	NULL
};

static const char *const known_keys[] = {
	"id", "kind", "category", "severity", "scope", "principles",
	"message", "case", "patterns", "pattern", "unless", "also", "when",
	"numerator", "denominator", "max", "min_count", "min_words",
	"max_words", "min_seconds", "max_seconds", "min_share", "max_share",
	"share_of", "error_seconds", "unit", "required", "examples", NULL
};

int
severity_parse(const char *s)
{
	int i;

	for (i = 0; i < 3; i++)
		if (strcmp(s, severity_names[i]) == 0)
			return i;
	return -1;
}

int
rule_node_line(yaml_node_t *n)
{
	return n ? (int)n->start_mark.line + 1 : 0;
}

int
rule_bad(struct rule *r, yaml_node_t *n, struct buf *err, const char *fmt,
    const char *arg)
{
	buf_addf(err, "%s:%d: rule %s: ", r->file, n ? rule_node_line(n) : r->line,
	    r->id ? r->id : "(no id)");
	buf_addf(err, fmt, arg);
	buf_addc(err, '\n');
	return -1;
}

static int
id_valid(const char *id)
{
	size_t i;

	for (i = 0; id[i]; i++)
		if (i == 64 || !(ascii_isalnum(id[i]) ||
		    strchr("-_.", id[i])))
			return 0;
	return i > 0;
}

static int
in_list(const char *const *list, const char *s)
{
	int i;

	for (i = 0; list[i]; i++)
		if (strcmp(list[i], s) == 0)
			return 1;
	return 0;
}

static int
read_number(struct rule *r, yaml_node_t *n, double lo, double hi,
    double *out, struct buf *err)
{
	const char *s = ydoc_str(n);
	char *end;
	double v;

	errno = 0;
	v = s ? strtod(s, &end) : 0;
	if (s == NULL || end == s || *end || errno || !isfinite(v) ||
	    v < lo || v > hi)
		return rule_bad(r, n, err, "expected a number, not '%s'",
		    s ? s : "a list or map");
	*out = v;
	return 0;
}

static int
read_examples(struct rule *r, yaml_document_t *doc, yaml_node_t *n,
    struct buf *err)
{
	static const char *const which[2] = { "pass", "flag" };
	int f, i, count[2] = { 0, 0 };

	if (n == NULL || n->type != YAML_MAPPING_NODE)
		return rule_bad(r, n, err, "needs examples with 'flag' and 'pass' "
		    "lists%s", "");
	for (f = 0; f < 2; f++) {
		yaml_node_t *list = ydoc_get(doc, n, which[f]);

		for (i = 0; i < ydoc_len(list); i++) {
			yaml_node_t *item = ydoc_item(doc, list, i);
			const char *text = ydoc_str(item);
			struct buf t = BUF_INIT;
			double times = 1;

			if (text == NULL) {
				/* {text: ..., repeat: N} for long examples */
				text = ydoc_str(ydoc_get(doc, item, "text"));
				if (ydoc_get(doc, item, "repeat") &&
				    read_number(r, ydoc_get(doc, item,
				    "repeat"), 1, 10000, &times, err) < 0)
					return -1;
			}
			if (text == NULL)
				return rule_bad(r, item, err, "an example must be "
				    "text or {text, repeat}%s", "");
			while (times-- > 0.5)
				buf_adds(&t, text);
			r->examples = xrealloc(r->examples, (r->nexamples + 1) *
			    sizeof(*r->examples));
			r->examples[r->nexamples].text = buf_detach(&t);
			r->examples[r->nexamples].flag = f;
			r->examples[r->nexamples].line = rule_node_line(item);
			r->nexamples++;
			count[f]++;
		}
	}
	if (count[1] < 2 || count[0] < 2)
		return rule_bad(r, n, err, "needs at least two 'flag' and two "
		    "'pass' examples%s", "");
	return 0;
}

static int
read_string(struct rule *r, yaml_node_t *v, const char *key, char **out,
    struct buf *err)
{
	if (ydoc_str(v) == NULL || *ydoc_str(v) == '\0')
		return rule_bad(r, v, err, "'%s' must be text", key);
	free(*out);
	*out = xstrdup(ydoc_str(v));
	return 0;
}

static int
read_enum(struct rule *r, yaml_node_t *v, const char *key,
    const char *const *names, int n, int *out, struct buf *err)
{
	const char *s = ydoc_str(v);
	int i;

	for (i = 0; s && i < n; i++)
		if (strcmp(names[i], s) == 0) {
			*out = i;
			return 0;
		}
	return rule_bad(r, v, err, "unknown %s", key);
}

static int
read_key(struct rule *r, yaml_document_t *doc, const char *key,
    yaml_node_t *v, struct buf *err)
{
	int e;

	if (strcmp(key, "id") == 0)
		return 0;	/* read first, in rule_parse */
	if (strcmp(key, "kind") == 0) {
		if (read_enum(r, v, "kind (existence, require, ratio, "
		    "sentence, length, sections or consistency)", rule_kind_names,
		    KIND_COUNT, &e, err) < 0)
			return -1;
		r->kind = (enum rule_kind)e;
		return 0;
	}
	if (strcmp(key, "severity") == 0) {
		if (read_enum(r, v, "severity (error, warning or suggestion)",
		    severity_names, 3, &e, err) < 0)
			return -1;
		r->severity = (enum severity)e;
		return 0;
	}
	if (strcmp(key, "category") == 0) {
		if (read_string(r, v, key, &r->category, err) < 0)
			return -1;
		if (!in_list(rule_categories, r->category))
			return rule_bad(r, v, err, "unknown category '%s' (metrics, "
			    "ownership, vagueness, hedging, filler, structure, "
			    "length, principle-fit, secrets, confidential, "
			    "consistency)", r->category);
		return 0;
	}
	if (strcmp(key, "message") == 0)
		return read_string(r, v, key, &r->message, err);
	if (strcmp(key, "scope") == 0)
		return rule_read_sections(r, doc, v, &r->scope, 1, err);
	if (strcmp(key, "required") == 0)
		return rule_read_sections(r, doc, v, &r->required, 0, err);
	if (strcmp(key, "unit") == 0) {
		if (ydoc_str(v) && strcmp(ydoc_str(v), "clause") == 0)
			r->clauses = 1;
		else if (!ydoc_str(v) || strcmp(ydoc_str(v), "sentence"))
			return rule_bad(r, v, err, "'unit' is sentence or clause%s",
			    "");
		return 0;
	}
	if (strcmp(key, "share_of") == 0)
		return rule_read_sections(r, doc, v, &r->share_of, 0, err);
	if (strcmp(key, "principles") == 0) {
		ydoc_strlist(doc, v, &r->principles);
		return 0;
	}
	if (strcmp(key, "case") == 0) {
		if (ydoc_str(v) && strcmp(ydoc_str(v), "sensitive") == 0)
			r->case_sensitive = 1;
		else if (!ydoc_str(v) || strcmp(ydoc_str(v), "insensitive"))
			return rule_bad(r, v, err, "'case' is sensitive or "
			    "insensitive%s", "");
		return 0;
	}
	if (strcmp(key, "patterns") == 0 || strcmp(key, "pattern") == 0)
		return rule_read_patterns(r, doc, v, key, &r->patterns, err);
	else if (strcmp(key, "unless") == 0)
		return rule_read_patterns(r, doc, v, key, &r->unless, err);
	else if (strcmp(key, "also") == 0)
		return rule_read_patterns(r, doc, v, key, &r->also, err);
	else if (strcmp(key, "when") == 0)
		return rule_read_patterns(r, doc, v, key, &r->when, err);
	else if (strcmp(key, "numerator") == 0)
		return rule_read_patterns(r, doc, v, key, &r->numerator, err);
	else if (strcmp(key, "denominator") == 0)
		return rule_read_patterns(r, doc, v, key, &r->denominator, err);
	else if (strcmp(key, "max") == 0)
		return read_number(r, v, 0, 1, &r->max, err);
	else if (strcmp(key, "min_count") == 0) {
		double d;

		if (read_number(r, v, 0, 1e6, &d, err) < 0)
			return -1;
		r->min_count = (long)d;
	} else if (strcmp(key, "min_words") == 0)
		return read_number(r, v, 0, 1e7, &r->min_words, err);
	else if (strcmp(key, "max_words") == 0)
		return read_number(r, v, 0, 1e7, &r->max_words, err);
	else if (strcmp(key, "min_seconds") == 0)
		return read_number(r, v, 0, 1e7, &r->min_seconds, err);
	else if (strcmp(key, "max_seconds") == 0)
		return read_number(r, v, 0, 1e7, &r->max_seconds, err);
	else if (strcmp(key, "min_share") == 0)
		return read_number(r, v, 0, 1, &r->min_share, err);
	else if (strcmp(key, "max_share") == 0)
		return read_number(r, v, 0, 1, &r->max_share, err);
	else if (strcmp(key, "error_seconds") == 0)
		return read_number(r, v, 0, 1e7, &r->error_seconds, err);
	else if (strcmp(key, "examples") == 0)
		return read_examples(r, doc, v, err);
	return 0;
}

int
rule_parse(yaml_document_t *doc, yaml_node_t *node, const char *file,
    struct rule *r, struct buf *err)
{
	static const char *const needed[] = {
		"kind", "category", "severity", "scope", "message", "examples",
		NULL
	};
	yaml_node_pair_t *pair;
	int i;

	memset(r, 0, sizeof(*r));
	r->file = xstrdup(file);
	r->line = rule_node_line(node);
	r->max = -1;
	r->min_count = 1;
	r->min_words = r->max_words = r->min_seconds = r->max_seconds = -1;
	r->min_share = r->max_share = -1;
	r->error_seconds = -1;
	r->active = 1;
	if (node == NULL || node->type != YAML_MAPPING_NODE)
		return rule_bad(r, node, err, "a rule must be a map of keys%s", "");
	if (ydoc_str(ydoc_get(doc, node, "id")) == NULL)
		return rule_bad(r, node, err, "every rule needs an 'id'%s", "");
	/* Every message about the rule names it: keep that short. */
	if (!id_valid(ydoc_str(ydoc_get(doc, node, "id"))))
		return rule_bad(r, ydoc_get(doc, node, "id"), err, "an id is 1 "
		    "to 64 letters, digits, '-', '_' or '.'%s", "");
	r->id = xstrdup(ydoc_str(ydoc_get(doc, node, "id")));
	for (i = 0; needed[i]; i++)
		if (ydoc_get(doc, node, needed[i]) == NULL)
			return rule_bad(r, node, err, "missing '%s'", needed[i]);
	for (pair = node->data.mapping.pairs.start;
	    pair < node->data.mapping.pairs.top; pair++) {
		yaml_node_t *k = yaml_document_get_node(doc, pair->key);
		yaml_node_t *v = yaml_document_get_node(doc, pair->value);
		const char *key = ydoc_str(k);

		if (key == NULL || !in_list(known_keys, key))
			return rule_bad(r, k, err, "unknown key '%s'",
			    key ? key : "?");
		if (read_key(r, doc, key, v, err) < 0)
			return -1;
	}
	return rule_check_kind(r, node, err);
}

static void
patlist_free(struct patlist *pl)
{
	size_t i;

	if (pl->pat)
		for (i = 0; i < pl->n; i++)
			pattern_free(&pl->pat[i]);
	free(pl->pat);
	free(pl->lines);
	free(pl->in);
	strlist_clear(&pl->src);
	memset(pl, 0, sizeof(*pl));
}

void
rule_free(struct rule *r)
{
	size_t i;

	free(r->id);
	free(r->file);
	free(r->category);
	free(r->message);
	strlist_clear(&r->principles);
	patlist_free(&r->patterns);
	patlist_free(&r->unless);
	patlist_free(&r->also);
	patlist_free(&r->when);
	patlist_free(&r->numerator);
	patlist_free(&r->denominator);
	for (i = 0; i < r->nexamples; i++)
		free(r->examples[i].text);
	free(r->examples);
	memset(r, 0, sizeof(*r));
}

void
rule_scope_text(const struct rule *r, struct buf *out)
{
	int i, n = 0;

	if (r->scope_story) {
		buf_adds(out, "story");
		return;
	}
	for (i = 0; i < SEC_COUNT; i++)
		if (r->scope & (1u << i))
			buf_addf(out, "%s%s", n++ ? ", " : "", section_key(i));
}

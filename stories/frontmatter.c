/*
 * Story front matter: the YAML between the '---' fences, read with
 * libyaml's event parser so that line and column come from libyaml and
 * anchors and aliases (the billion-laughs attack) are refused before
 * anything is expanded.
 */
#include "stories/frontmatter.h"

#include <string.h>
#include <yaml.h>

#include "base/ascii.h"
#include "stories/parse.h"

static const char *const known_keys[] = {
	"uid", "title", "principles", "primary", "project", "tags", "created",
	"lint", NULL
};

static int
is_null_scalar(const yaml_event_t *ev)
{
	const char *v = (const char *)ev->data.scalar.value;

	if (ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return 0;
	return v[0] == '\0' || strcmp(v, "~") == 0 ||
	    ascii_strcasecmp(v, "null") == 0;
}

struct fm {
	yaml_parser_t parser;
	const char *name;
	int line0;		/* file line of the first YAML line, less 1 */
	struct buf *err;
};

static int
fm_error_at(struct fm *f, const yaml_mark_t *m, const char *msg,
    const char *arg)
{
	buf_addf(f->err, "%s:%d:%d: ", f->name, f->line0 + (int)m->line + 1,
	    (int)m->column + 1);
	buf_addf(f->err, msg, arg);
	buf_addc(f->err, '\n');
	return -1;
}

/*
 * Gets the next event; on a libyaml error reports it with its position.
 * A scalar holding a NUL (the escape "\0" in a quoted string) is refused
 * here, for every key and list: C strings would end at it, cutting a
 * title, tag or principle short without a word.
 */
static int
fm_next(struct fm *f, yaml_event_t *ev)
{
	if (yaml_parser_parse(&f->parser, ev)) {
		if (ev->type == YAML_SCALAR_EVENT &&
		    strlen((const char *)ev->data.scalar.value) !=
		    ev->data.scalar.length) {
			fm_error_at(f, &ev->start_mark, "a NUL character (the "
			    "escape \\0) is not allowed in front matter%s", "");
			yaml_event_delete(ev);
			return -1;
		}
		return 0;
	}
	buf_addf(f->err, "%s:%d:%d: malformed front matter: %s", f->name,
	    f->line0 + (int)f->parser.problem_mark.line + 1,
	    (int)f->parser.problem_mark.column + 1,
	    f->parser.problem ? f->parser.problem : "syntax error");
	if (f->parser.context)
		buf_addf(f->err, " (%s)", f->parser.context);
	buf_addc(f->err, '\n');
	return -1;
}

static int
fm_refuse_anchor(struct fm *f, yaml_event_t *ev)
{
	const unsigned char *anchor = NULL;

	if (ev->type == YAML_ALIAS_EVENT)
		return fm_error_at(f, &ev->start_mark, "YAML aliases are not "
		    "allowed in front matter%s", "");
	if (ev->type == YAML_SCALAR_EVENT)
		anchor = ev->data.scalar.anchor;
	else if (ev->type == YAML_SEQUENCE_START_EVENT)
		anchor = ev->data.sequence_start.anchor;
	else if (ev->type == YAML_MAPPING_START_EVENT)
		anchor = ev->data.mapping_start.anchor;
	if (anchor)
		return fm_error_at(f, &ev->start_mark, "YAML anchors are not "
		    "allowed in front matter%s", "");
	return 0;
}

/* Reads the value of key into *list: one scalar or a list of scalars. */
static int
fm_list(struct fm *f, const char *key, yaml_event_t *ev, struct strlist *l)
{
	yaml_event_t item;
	int rc = 0;

	if (ev->type == YAML_SCALAR_EVENT) {
		if (!is_null_scalar(ev))
			strlist_push(l, (const char *)ev->data.scalar.value);
		return 0;
	}
	if (ev->type != YAML_SEQUENCE_START_EVENT)
		return fm_error_at(f, &ev->start_mark, "'%s' must be a list "
		    "of names", key);
	for (;;) {
		if (fm_next(f, &item) < 0)
			return -1;
		if (item.type == YAML_SEQUENCE_END_EVENT) {
			yaml_event_delete(&item);
			strlist_uniq(l);	/* a name said twice is one */
			return 0;
		}
		if (fm_refuse_anchor(f, &item) < 0) {
			rc = -1;
		} else if (item.type != YAML_SCALAR_EVENT) {
			rc = fm_error_at(f, &item.start_mark, "'%s' must be a "
			    "list of plain names, not nested lists or maps",
			    key);
		} else {
			strlist_push(l, (const char *)item.data.scalar.value);
		}
		yaml_event_delete(&item);
		if (rc < 0)
			return -1;
	}
}

/*
 * 'lint: {disable: [RULE...]}': rules off for the whole story.  The map
 * has that one key, so that a misspelt one is an error, not a no-op.
 */
static int
fm_lint(struct fm *f, yaml_event_t *val, struct story *s)
{
	yaml_event_t k, v;
	int rc = 0;

	s->lint_line = f->line0 + (int)val->start_mark.line + 1;
	if (val->type != YAML_MAPPING_START_EVENT)
		return fm_error_at(f, &val->start_mark, "'lint' must be a map: "
		    "'lint: {disable: [RULE, ...]}'%s", "");
	for (;;) {
		if (fm_next(f, &k) < 0)
			return -1;
		if (k.type == YAML_MAPPING_END_EVENT) {
			yaml_event_delete(&k);
			return 0;
		}
		if (k.type != YAML_SCALAR_EVENT ||
		    strcmp((const char *)k.data.scalar.value, "disable") != 0) {
			rc = fm_error_at(f, &k.start_mark, "'lint' has one key, "
			    "'disable' (a list of rule ids)%s", "");
			yaml_event_delete(&k);
			return rc;
		}
		yaml_event_delete(&k);
		if (fm_next(f, &v) < 0)
			return -1;
		rc = fm_refuse_anchor(f, &v) < 0 ? -1 :
		    fm_list(f, "lint: disable", &v, &s->lint_off);
		yaml_event_delete(&v);
		if (rc < 0)
			return -1;
	}
}

static int
fm_key(struct fm *f, const char *key, yaml_event_t *val, struct story *s)
{
	char **slot = NULL;

	if (strcmp(key, "lint") == 0)
		return fm_lint(f, val, s);
	if (strcmp(key, "principles") == 0) {
		s->principles_line = f->line0 + (int)val->start_mark.line + 1;
		return fm_list(f, key, val, &s->principles);
	}
	if (strcmp(key, "tags") == 0)
		return fm_list(f, key, val, &s->tags);
	if (val->type != YAML_SCALAR_EVENT)
		return fm_error_at(f, &val->start_mark, "'%s' must be a single "
		    "line of text", key);
	if (strcmp(key, "uid") == 0)
		slot = &s->uid;
	else if (strcmp(key, "title") == 0)
		slot = &s->title;
	else if (strcmp(key, "project") == 0)
		slot = &s->project;
	else if (strcmp(key, "primary") == 0) {
		slot = &s->primary;
		s->primary_line = f->line0 + (int)val->start_mark.line + 1;
	} else
		slot = &s->created;
	story_set(slot, is_null_scalar(val) ? NULL :
	    (const char *)val->data.scalar.value);
	if (slot == &s->uid && s->uid && !uid_valid(s->uid))
		return fm_error_at(f, &val->start_mark, "bad uid '%s': use 1 "
		    "to 64 lower-case letters, digits, '-', '_' or '.'",
		    s->uid);
	if (slot == &s->created && s->created && !created_valid(s->created))
		return fm_error_at(f, &val->start_mark, "bad created time "
		    "'%s': " CREATED_FORMS, s->created);
	return 0;
}

static int
fm_known(const char *key)
{
	int i;

	for (i = 0; known_keys[i]; i++)
		if (strcmp(known_keys[i], key) == 0)
			return 1;
	return 0;
}

/*
 * Parses the front matter yaml[0..len) into s.  Unknown keys are refused
 * rather than kept: a misspelt 'principels:' would otherwise be carried
 * along silently while the story shows as untagged.
 */
int
frontmatter_parse(const char *yaml, size_t len, const char *name, int line0,
    struct story *s, struct buf *err)
{
	struct fm f = { .name = name, .line0 = line0, .err = err };
	struct strlist seen = STRLIST_INIT;
	yaml_event_t ev, val;
	int rc = -1, have_ev = 0;

	yaml_parser_initialize(&f.parser);
	yaml_parser_set_input_string(&f.parser, (const unsigned char *)yaml,
	    len);
	yaml_parser_set_encoding(&f.parser, YAML_UTF8_ENCODING);

	if (fm_next(&f, &ev) < 0)		/* stream start */
		goto done;
	yaml_event_delete(&ev);
	if (fm_next(&f, &ev) < 0)
		goto done;
	if (ev.type == YAML_STREAM_END_EVENT) {	/* empty front matter */
		yaml_event_delete(&ev);
		rc = 0;
		goto done;
	}
	yaml_event_delete(&ev);			/* document start */
	if (fm_next(&f, &ev) < 0)
		goto done;
	have_ev = 1;
	if (fm_refuse_anchor(&f, &ev) < 0)
		goto done;
	if (ev.type != YAML_MAPPING_START_EVENT) {
		if (ev.type == YAML_SCALAR_EVENT && is_null_scalar(&ev)) {
			rc = 0;
			goto done;
		}
		fm_error_at(&f, &ev.start_mark, "front matter must be "
		    "'key: value' lines%s", "");
		goto done;
	}
	for (;;) {
		const char *key;

		yaml_event_delete(&ev);
		have_ev = 0;
		if (fm_next(&f, &ev) < 0)
			goto done;
		have_ev = 1;
		if (ev.type == YAML_MAPPING_END_EVENT)
			break;
		if (fm_refuse_anchor(&f, &ev) < 0)
			goto done;
		if (ev.type != YAML_SCALAR_EVENT) {
			fm_error_at(&f, &ev.start_mark, "front matter keys "
			    "must be plain words%s", "");
			goto done;
		}
		key = (const char *)ev.data.scalar.value;
		if (!fm_known(key)) {
			fm_error_at(&f, &ev.start_mark, "unknown key '%s' "
			    "(known keys: uid, title, principles, primary, "
			    "project, tags, created, lint)", key);
			goto done;
		}
		if (strlist_find(&seen, key) >= 0) {
			fm_error_at(&f, &ev.start_mark, "duplicate key '%s'",
			    key);
			goto done;
		}
		strlist_push(&seen, key);
		if (fm_next(&f, &val) < 0)
			goto done;
		if (fm_refuse_anchor(&f, &val) < 0 ||
		    fm_key(&f, key, &val, s) < 0) {
			yaml_event_delete(&val);
			goto done;
		}
		yaml_event_delete(&val);
	}
	yaml_event_delete(&ev);
	have_ev = 0;
	if (fm_next(&f, &ev) < 0)		/* document end */
		goto done;
	yaml_event_delete(&ev);
	if (fm_next(&f, &ev) < 0)
		goto done;
	have_ev = 1;
	if (ev.type != YAML_STREAM_END_EVENT) {
		fm_error_at(&f, &ev.start_mark, "front matter holds more than "
		    "one YAML document%s", "");
		goto done;
	}
	rc = 0;
done:
	if (have_ev)
		yaml_event_delete(&ev);
	yaml_parser_delete(&f.parser);
	strlist_clear(&seen);
	return rc;
}


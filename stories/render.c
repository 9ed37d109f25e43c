#include "stories/render.h"

#include <stdint.h>
#include <string.h>
#include <yaml.h>

#include "base/jsonx.h"
#include "stories/parse.h"
#include "base/xalloc.h"

static int
emit_write(void *data, unsigned char *bytes, size_t size)
{
	buf_add(data, bytes, size);
	return 1;
}

struct emit {
	yaml_emitter_t em;
	yaml_event_t ev;
	int ok;
};

static void
emit(struct emit *e)
{
	if (e->ok && !yaml_emitter_emit(&e->em, &e->ev))
		e->ok = 0;
}

static void
emit_scalar(struct emit *e, const char *v)
{
	if (!e->ok)
		return;
	yaml_scalar_event_initialize(&e->ev, NULL, NULL,
	    (yaml_char_t *)(uintptr_t)v, (int)strlen(v), 1, 1,
	    YAML_ANY_SCALAR_STYLE);
	emit(e);
}

static void
emit_list(struct emit *e, const char *key, const struct strlist *l)
{
	size_t i;

	emit_scalar(e, key);
	if (!e->ok)
		return;
	yaml_sequence_start_event_initialize(&e->ev, NULL, NULL, 1,
	    YAML_FLOW_SEQUENCE_STYLE);
	emit(e);
	for (i = 0; i < l->n; i++)
		emit_scalar(e, l->v[i]);
	if (!e->ok)
		return;
	yaml_sequence_end_event_initialize(&e->ev);
	emit(e);
}

int
story_to_markdown(const struct story *s, struct buf *out, struct buf *err)
{
	struct emit e = { .ok = 1 };
	struct buf fm = BUF_INIT;
	int i;

	yaml_emitter_initialize(&e.em);
	yaml_emitter_set_output(&e.em, emit_write, &fm);
	yaml_emitter_set_unicode(&e.em, 1);
	yaml_emitter_set_width(&e.em, -1);	/* never fold long titles */
	yaml_stream_start_event_initialize(&e.ev, YAML_UTF8_ENCODING);
	emit(&e);
	if (e.ok) {
		yaml_document_start_event_initialize(&e.ev, NULL, NULL, NULL,
		    1);
		emit(&e);
	}
	if (e.ok) {
		yaml_mapping_start_event_initialize(&e.ev, NULL, NULL, 1,
		    YAML_BLOCK_MAPPING_STYLE);
		emit(&e);
	}
	if (s->uid) {
		emit_scalar(&e, "uid");
		emit_scalar(&e, s->uid);
	}
	emit_scalar(&e, "title");
	emit_scalar(&e, s->title ? s->title : "");
	emit_list(&e, "principles", &s->principles);
	if (s->primary) {
		emit_scalar(&e, "primary");
		emit_scalar(&e, s->primary);
	}
	if (s->project) {
		emit_scalar(&e, "project");
		emit_scalar(&e, s->project);
	}
	if (s->tags.n)
		emit_list(&e, "tags", &s->tags);
	if (s->created) {
		emit_scalar(&e, "created");
		emit_scalar(&e, s->created);
	}
	if (s->lint_off.n && e.ok) {
		emit_scalar(&e, "lint");
		yaml_mapping_start_event_initialize(&e.ev, NULL, NULL, 1,
		    YAML_FLOW_MAPPING_STYLE);
		emit(&e);
		emit_list(&e, "disable", &s->lint_off);
		yaml_mapping_end_event_initialize(&e.ev);
		emit(&e);
	}
	if (e.ok) {
		yaml_mapping_end_event_initialize(&e.ev);
		emit(&e);
	}
	if (e.ok) {
		yaml_document_end_event_initialize(&e.ev, 1);
		emit(&e);
	}
	if (e.ok) {
		yaml_stream_end_event_initialize(&e.ev);
		emit(&e);
	}
	if (!e.ok) {
		buf_addf(err, "cannot write front matter: %s\n",
		    e.em.problem ? e.em.problem : "YAML emitter error");
		yaml_emitter_delete(&e.em);
		buf_release(&fm);
		return -1;
	}
	yaml_emitter_delete(&e.em);
	/* libyaml may end an implicit document with "...": drop it. */
	if (fm.len >= 4 && strcmp(fm.s + fm.len - 4, "...\n") == 0)
		fm.len -= 4;
	buf_adds(out, "---\n");
	buf_add(out, fm.s, fm.len);
	buf_adds(out, "---\n");
	buf_release(&fm);
	for (i = 0; i < SEC_COUNT; i++) {
		if (i == SEC_REFLECTION && s->section[i][0] == '\0')
			continue;
		buf_addf(out, "\n## %s\n\n", section_name(i));
		if (s->section[i][0]) {
			buf_adds(out, s->section[i]);
			buf_addc(out, '\n');
		}
	}
	if (s->card[0])
		buf_addf(out, "\n## Card\n\n%s\n", s->card);
	return 0;
}

json_t *
json_strlist(const struct strlist *l)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < l->n; i++)
		jappend(a, json_string(l->v[i]));
	return a;
}

int
story_locate(struct story *s, struct buf *err)
{
	struct buf md = BUF_INIT;
	struct story back;
	int i, rc;

	story_init(&back);
	rc = story_to_markdown(s, &md, err);
	if (rc == 0)
		rc = story_parse(md.s, md.len, s->uid ? s->uid : "story", &back,
		    err);
	if (rc == 0)
		for (i = 0; i < SEC_COUNT; i++) {
			s->section_line[i] = back.section_line[i];
			s->text_line[i] = back.text_line[i];
			s->text_col[i] = back.text_col[i];
		}
	if (rc == 0)
		s->card_line = back.card_line;
	story_release(&back);
	buf_release(&md);
	return rc;
}

static json_t *
json_str_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

json_t *
story_to_json(const struct story *s, int wpm, int full)
{
	json_t *o = json_object();
	size_t words = story_words(s);
	int i;

	jset(o, "id", s->id ? json_integer(s->id) :
	    json_null());
	jset(o, "uid", json_str_or_null(s->uid));
	jset(o, "title", json_str_or_null(s->title));
	jset(o, "principles", json_strlist(&s->principles));
	jset(o, "primary", json_str_or_null(s->primary));
	jset(o, "project", json_str_or_null(s->project));
	jset(o, "tags", json_strlist(&s->tags));
	jset(o, "words", json_integer((json_int_t)words));
	jset(o, "seconds",
	    json_integer(story_seconds(words, wpm)));
	if (!full)
		return o;
	jset(o, "lint", jpack("{s:o}", "disable",
	    json_strlist(&s->lint_off)));
	for (i = 0; i < SEC_COUNT; i++)
		jset(o, section_key(i),
		    json_string(s->section[i]));
	/* Only when written, so that stories without one read as before. */
	if (s->card[0])
		jset(o, "card", json_string(s->card));
	jset(o, "created", json_str_or_null(s->created));
	jset(o, "updated", json_str_or_null(s->updated));
	return o;
}

static int
json_list(json_t *v, const char *where, const char *key, struct strlist *l,
    struct buf *err)
{
	size_t i;
	json_t *item;

	if (json_is_null(v))
		return 0;
	if (json_is_string(v)) {
		strlist_push(l, json_string_value(v));
		return 0;
	}
	if (!json_is_array(v)) {
		buf_addf(err, "%s: '%s' must be an array of strings\n", where,
		    key);
		return -1;
	}
	json_array_foreach(v, i, item) {
		if (!json_is_string(item)) {
			buf_addf(err, "%s: '%s' item %zu is not a string\n",
			    where, key, i + 1);
			return -1;
		}
		strlist_push(l, json_string_value(item));
	}
	strlist_uniq(l);	/* a name said twice is one */
	return 0;
}

/* "lint": {"disable": [...]}, as in the front matter. */
static int
json_lint(json_t *v, const char *where, struct story *s, struct buf *err)
{
	const char *key;
	json_t *d;

	if (json_is_null(v))
		return 0;
	if (!json_is_object(v)) {
		buf_addf(err, "%s: 'lint' must be an object: {\"disable\": "
		    "[rule ids]}\n", where);
		return -1;
	}
	json_object_foreach(v, key, d) {
		if (strcmp(key, "disable") != 0) {
			buf_addf(err, "%s: 'lint' has one field, 'disable', not "
			    "'%s'\n", where, key);
			return -1;
		}
		if (json_list(d, where, "lint.disable", &s->lint_off, err) < 0)
			return -1;
	}
	return 0;
}

int
story_from_json(json_t *obj, const char *where, struct story *s,
    struct buf *err)
{
	const char *key;
	json_t *v;
	int i;

	if (!json_is_object(obj)) {
		buf_addf(err, "%s: a story must be a JSON object\n", where);
		return -1;
	}
	json_object_foreach(obj, key, v) {
		char **slot = NULL;

		if (strcmp(key, "principles") == 0) {
			if (json_list(v, where, key, &s->principles, err) < 0)
				return -1;
			continue;
		}
		if (strcmp(key, "tags") == 0) {
			if (json_list(v, where, key, &s->tags, err) < 0)
				return -1;
			continue;
		}
		if (strcmp(key, "lint") == 0) {
			if (json_lint(v, where, s, err) < 0)
				return -1;
			continue;
		}
		if (strcmp(key, "id") == 0 || strcmp(key, "words") == 0 ||
		    strcmp(key, "seconds") == 0)
			continue;
		if (strcmp(key, "uid") == 0)
			slot = &s->uid;
		else if (strcmp(key, "title") == 0)
			slot = &s->title;
		else if (strcmp(key, "project") == 0)
			slot = &s->project;
		else if (strcmp(key, "primary") == 0)
			slot = &s->primary;
		else if (strcmp(key, "created") == 0)
			slot = &s->created;
		else if (strcmp(key, "updated") == 0)
			slot = &s->updated;	/* kept when added */
		else if (strcmp(key, "card") == 0)
			slot = &s->card;
		for (i = 0; slot == NULL && i < SEC_COUNT; i++)
			if (strcmp(key, section_key(i)) == 0)
				slot = &s->section[i];
		if (slot == NULL) {
			buf_addf(err, "%s: unknown field '%s'\n", where, key);
			return -1;
		}
		if (json_is_null(v) && slot != &s->title) {
			story_set(slot, (slot >= s->section &&
			    slot < s->section + SEC_COUNT) || slot == &s->card ?
			    "" : NULL);
			continue;
		}
		if (!json_is_string(v)) {
			buf_addf(err, "%s: '%s' must be a string\n", where,
			    key);
			return -1;
		}
		story_set(slot, json_string_value(v));
	}
	return story_validate(s, where, err);
}

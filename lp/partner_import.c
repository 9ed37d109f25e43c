/* A practice partner's marks, read and recorded: see lp/partner_import.h. */
#include "lp/partner_import.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "base/hash.h"
#include "base/xalloc.h"
#include "base/ydoc.h"
#include "lp/drill_session.h"
#include "stories/cards.h"
#include "stories/loop_store.h"
#include "stories/parse.h"

/* The reader's state: the file, its document and the problems found. */
struct reader {
	const char *path;
	yaml_document_t *doc;
	struct buf *err;
	int bad;
};

static size_t
line_of(const yaml_node_t *n)
{
	return n->start_mark.line + 1;
}

/* Adds "PATH:LINE: what" for node n. */
static void __attribute__((format(printf, 3, 4)))
problem(struct reader *r, const yaml_node_t *n, const char *fmt, ...)
{
	va_list ap;

	buf_addf(r->err, "%s:%zu: ", r->path, n ? line_of(n) : (size_t)1);
	va_start(ap, fmt);
	buf_vaddf(r->err, fmt, ap);
	va_end(ap);
	buf_addc(r->err, '\n');
	r->bad = 1;
}

/* Whether scalar n says nothing: empty, "~" or "null" unquoted. */
static int
is_null(const yaml_node_t *n)
{
	const char *s = ydoc_str((yaml_node_t *)n);

	return s && n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
	    (*s == '\0' || strcmp(s, "~") == 0 || strcmp(s, "null") == 0 ||
	    strcmp(s, "Null") == 0 || strcmp(s, "NULL") == 0);
}

/*
 * The value of each of keys[0..nkeys) in mapping map into val[], after
 * reporting any other key and any key given twice.
 */
static void
read_map(struct reader *r, yaml_node_t *map, const char *const *keys,
    size_t nkeys, const char *what, yaml_node_t **val)
{
	yaml_node_pair_t *pr;
	size_t k;

	memset(val, 0, nkeys * sizeof(*val));
	for (pr = map->data.mapping.pairs.start;
	    pr < map->data.mapping.pairs.top; pr++) {
		yaml_node_t *key = yaml_document_get_node(r->doc, pr->key);
		const char *name = ydoc_str(key);

		for (k = 0; name && k < nkeys; k++)
			if (strcmp(name, keys[k]) == 0)
				break;
		if (name == NULL || k == nkeys) {
			struct buf known = BUF_INIT;

			for (k = 0; k < nkeys; k++)
				buf_addf(&known, "%s%s", k ? ", " : "",
				    keys[k]);
			problem(r, key, "unknown key '%s' in %s (the keys are "
			    "%s)", name ? name : "?", what, known.s);
			buf_release(&known);
		} else if (val[k]) {
			problem(r, key, "'%s' given twice in %s", name, what);
		} else {
			val[k] = yaml_document_get_node(r->doc, pr->value);
		}
	}
}

static void
read_date(struct reader *r, yaml_node_t *n, struct partner_marks *m)
{
	const char *s = ydoc_str(n);
	char today[11];
	time_t t;

	if (s == NULL || strlen(s) != 10 || clock_parse_date(s, &t) < 0) {
		problem(r, n, "the date of the mock is a real date as "
		    "YYYY-MM-DD, not '%s'", s ? s : "a list");
		return;
	}
	if (clock_today(today) == 0 && strcmp(s, today) > 0) {
		problem(r, n, "the date of the mock, %s, is after today, %s",
		    s, today);
		return;
	}
	memcpy(m->date, s, 11);
	m->at = t < clock_now() ? t : clock_now();
}

/* Reads marks item n; it is recorded only when the whole file is good. */
static void
read_item(struct reader *r, yaml_node_t *n, struct partner_marks *m)
{
	static const char *const keys[] = { "question", "mark", "note" };
	yaml_node_t *val[3];
	const struct question *q;
	const char *id, *mark, *note = NULL;
	size_t i;

	if (n->type != YAML_MAPPING_NODE) {
		problem(r, n, "a mark is a mapping: question, mark, note");
		return;
	}
	read_map(r, n, keys, 3, "a mark", val);
	if (val[0] == NULL) {
		problem(r, n, "this mark names no question");
		return;
	}
	id = ydoc_str(val[0]);
	q = id ? question_by_id(id) : NULL;
	if (q == NULL || q->kind != QUESTION_MAIN) {
		problem(r, val[0], "unknown question id '%s' ('lpcoach "
		    "questions' lists them)", id ? id : "a list");
		return;
	}
	for (i = 0; i < m->n; i++)
		if (m->v[i].q == q) {
			problem(r, val[0], "question %s is marked twice (first "
			    "on line %zu)", id, m->v[i].line);
			return;
		}
	if (val[2] && !is_null(val[2]) && (note = ydoc_str(val[2])) == NULL) {
		problem(r, val[2], "the note for %s is one piece of text",
		    id);
		return;
	}
	if (val[1] == NULL || is_null(val[1])) {
		m->blank++;
		return;
	}
	mark = ydoc_str(val[1]);
	if (mark == NULL || strlen(mark) != 1 || mark[0] < '1' ||
	    mark[0] > '4') {
		problem(r, val[1], "the mark for %s is 1, 2, 3 or 4, not '%s'",
		    id, mark ? mark : "a list");
		return;
	}
	m->v = xrealloc(m->v, (m->n + 1) * sizeof(*m->v));
	m->v[m->n].q = q;
	m->v[m->n].mark = mark[0] - '0';
	m->v[m->n].note = note && *note ? xstrdup(note) : NULL;
	m->v[m->n].line = line_of(n);
	m->n++;
}

int
partner_marks_parse(const char *path, const char *text, size_t len,
    struct partner_marks *m, struct buf *err)
{
	static const char *const keys[] = { "date", "loop", "marks" };
	struct reader r = { path, NULL, err, 0 };
	yaml_document_t doc;
	yaml_node_t *root, *val[3];
	int i;

	memset(m, 0, sizeof(*m));
	snprintf(m->source, sizeof(m->source), "%016" PRIx64,
	    hash64(HASH64_INIT, text, len));
	if (ydoc_load(&doc, text, len, path, err) < 0)
		return -1;
	r.doc = &doc;
	root = yaml_document_get_root_node(&doc);
	if (root == NULL || root->type != YAML_MAPPING_NODE) {
		problem(&r, root, "not a partner's marks file: it begins "
		    "with date, loop and marks (the end of 'lpcoach partner' "
		    "is its template)");
		goto done;
	}
	read_map(&r, root, keys, 3, "the file", val);
	if (val[0] == NULL)
		problem(&r, root, "no date: give the day of the mock as "
		    "'date: YYYY-MM-DD'");
	else
		read_date(&r, val[0], m);
	if (val[1] && !is_null(val[1])) {
		const char *loop = ydoc_str(val[1]);

		if (loop == NULL || *loop == '\0')
			problem(&r, val[1], "the loop is a name");
		else
			m->loop = xstrdup(loop);
	}
	if (val[2] == NULL || val[2]->type != YAML_SEQUENCE_NODE) {
		problem(&r, val[2] ? val[2] : root, "no marks: 'marks:' is "
		    "a list of question, mark and note");
		goto done;
	}
	for (i = 0; i < ydoc_len(val[2]); i++)
		read_item(&r, ydoc_item(&doc, val[2], i), m);
	if (!r.bad && m->n == 0)
		problem(&r, val[2], "no question has a mark: give each "
		    "question asked a mark from 1 to 4");
done:
	yaml_document_delete(&doc);
	return r.bad ? -1 : 0;
}

int
partner_marks_load(const char *path, struct partner_marks *m,
    struct buf *err)
{
	char *text;
	size_t len;
	int rc;

	memset(m, 0, sizeof(*m));
	if (read_whole_file(path, &text, &len, err) < 0)
		return -1;
	rc = partner_marks_parse(path, text, len, m, err);
	free(text);
	return rc;
}

void
partner_marks_release(struct partner_marks *m)
{
	size_t i;

	for (i = 0; i < m->n; i++)
		free(m->v[i].note);
	free(m->v);
	free(m->loop);
	memset(m, 0, sizeof(*m));
}

int
partner_import(struct bank *b, const struct partner_marks *m,
    long *already, struct buf *err)
{
	char session[32];
	struct card c;
	struct loop l;
	int have_loop = 0;
	size_t i;

	*already = 0;
	snprintf(session, sizeof(session), "partner/%s", m->source);
	if (bank_begin(b, err) < 0)
		return -1;
	if (answers_from_source(b, m->source, already, err) < 0)
		goto fail;
	/*
	 * The story each mark is for: the one the loop's plan tells for the
	 * question's principle, what the packet showed the partner.  A loop
	 * the bank no longer has leaves the marks without a story.
	 */
	if (m->loop) {
		struct buf lerr = BUF_INIT;
		int rc = loop_load(b, m->loop, &l, &lerr);

		if (rc < 0)
			buf_adds(err, lerr.s);
		buf_release(&lerr);
		if (rc < 0)
			goto fail;
		have_loop = rc == 0;
	}
	for (i = 0; i < m->n && *already == 0; i++) {
		struct answer a;

		memset(&a, 0, sizeof(a));
		a.session = session;
		a.question = m->v[i].q->id;
		a.principle = m->v[i].q->principle->slug;
		a.rating = m->v[i].mark;
		a.at = m->at;
		a.loop = m->loop;
		a.recall = -1;
		a.rater = "partner";
		a.source = m->source;
		a.note = m->v[i].note;
		if (have_loop)
			a.story = loop_story_for(&l, a.principle);
		if (drill_review(b, &a, 0, &c, err) < 0)
			goto fail;
	}
	if (bank_commit(b, err) < 0)
		goto fail;
	if (have_loop)
		loop_release(&l);
	return 0;
fail:
	if (have_loop)
		loop_release(&l);
	bank_rollback(b);
	return -1;
}

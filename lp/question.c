#include "lp/question.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lp/embed.h"
#include "base/ascii.h"
#include "base/die.h"
#include "base/distance.h"
#include "base/xalloc.h"
#include "base/ydoc.h"

const char *const question_roles[] = {
	"general", "sde", "mle", "scientist", "manager", NULL
};

static struct question *bank;
static size_t nbank, abank;

static void
free_bank(void)
{
	size_t i;

	for (i = 0; i < nbank; i++) {
		free(bank[i].id);
		free(bank[i].text);
		strlist_clear(&bank[i].also);
		strlist_clear(&bank[i].roles);
	}
	free(bank);
}

/* The data is ours and tested; a failure here is a build defect. */
static void
broken(const char *what, const char *id)
{
	die_internal("embedded questions.yaml: %s%s%s", what, id ? ": " : "",
	    id ? id : "");
}

static void
add_items(yaml_document_t *doc, yaml_node_t *seq,
    const struct principle *p, enum question_kind kind)
{
	int i;

	for (i = 0; i < ydoc_len(seq); i++) {
		yaml_node_t *item = ydoc_item(doc, seq, i);
		const char *id = ydoc_str(ydoc_get(doc, item, "id"));
		const char *text = ydoc_str(ydoc_get(doc, item, "text"));
		struct question *q;

		if (id == NULL || text == NULL)
			broken("an item lacks id or text", id);
		bank = xgrow(bank, &abank, nbank + 1, sizeof(*bank));
		q = &bank[nbank++];
		memset(q, 0, sizeof(*q));
		q->id = xstrdup(id);
		q->text = xstrdup(text);
		q->principle = p;
		q->kind = kind;
		q->index = nbank - 1;
		ydoc_strlist(doc, ydoc_get(doc, item, "also"), &q->also);
		ydoc_strlist(doc, ydoc_get(doc, item, "roles"), &q->roles);
		if (kind == QUESTION_MAIN && q->roles.n == 0)
			broken("a question has no roles", id);
	}
}

static void
load(void)
{
	struct embedded e;
	struct buf err = BUF_INIT;
	yaml_document_t doc;
	yaml_node_t *root, *per;
	int i;

	if (bank)
		return;
	e = embed_questions();
	if (ydoc_load(&doc, e.data, e.len, "questions.yaml", &err) < 0)
		broken(err.s, NULL);
	root = yaml_document_get_root_node(&doc);
	per = ydoc_get(&doc, root, "principles");
	for (i = 0; i < PRINCIPLE_COUNT; i++) {
		const struct principle *p = principle_at(i);
		yaml_node_t *node = ydoc_get(&doc, per, p->slug);

		if (node == NULL)
			broken("no questions for", p->slug);
		add_items(&doc, ydoc_get(&doc, node, "questions"), p,
		    QUESTION_MAIN);
		add_items(&doc, ydoc_get(&doc, node, "probes"), p,
		    QUESTION_FOLLOW_UP);
	}
	add_items(&doc, ydoc_get(&doc, root, "generic_probes"), NULL,
	    QUESTION_FOLLOW_UP);
	yaml_document_delete(&doc);
	atexit(free_bank);
}

size_t
question_count(void)
{
	load();
	return nbank;
}

const struct question *
question_at(size_t i)
{
	load();
	return i < nbank ? &bank[i] : NULL;
}

const struct question *
question_by_id(const char *id)
{
	size_t i;

	load();
	for (i = 0; i < nbank; i++)
		if (strcmp(bank[i].id, id) == 0)
			return &bank[i];
	return NULL;
}

static int
passes(const struct question *q, const struct question_filter *f)
{
	size_t i;
	int ok;

	if (q->kind == QUESTION_FOLLOW_UP && !f->follow_ups)
		return 0;
	if (f->nprinciples && q->principle) {
		for (ok = 0, i = 0; i < f->nprinciples && !ok; i++)
			ok = f->principles[i] == q->principle;
		if (!ok)
			return 0;
	}
	if (f->role && q->kind == QUESTION_MAIN &&
	    strlist_find(&q->roles, f->role) < 0 &&
	    (strcmp(f->role, "general") == 0 ||
	    strlist_find(&q->roles, "general") < 0))
		return 0;
	return 1;
}

const struct question **
question_select(const struct question_filter *f, size_t *n)
{
	const struct question **v;
	size_t i;

	load();
	v = xcalloc(nbank, sizeof(*v));
	*n = 0;
	for (i = 0; i < nbank; i++)
		if (passes(&bank[i], f))
			v[(*n)++] = &bank[i];
	return v;
}

int
question_role_valid(const char *role, struct buf *err)
{
	return question_role_find(role, err) ? 0 : -1;
}

const char *
question_role_find(const char *role, struct buf *err)
{
	size_t best = (size_t)-1, d;
	int i, at = 0;
	struct buf low = BUF_INIT;

	for (i = 0; role[i]; i++)
		buf_addc(&low, (char)ascii_tolower((unsigned char)role[i]));
	for (i = 0; question_roles[i]; i++) {
		if (strcmp(low.s, question_roles[i]) == 0) {
			buf_release(&low);
			return question_roles[i];
		}
		d = edit_distance(low.s, question_roles[i]);
		if (d < best) {
			best = d;
			at = i;
		}
	}
	buf_release(&low);
	buf_addf(err, "unknown role '%s'; did you mean '%s'? (roles: general, "
	    "sde, mle, scientist, manager)\n", role, question_roles[at]);
	return NULL;
}

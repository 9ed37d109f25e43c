#include "stories/principle.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/ascii.h"
#include "base/die.h"
#include "base/distance.h"
#include "base/xalloc.h"
#include "base/ydoc.h"
#include "stories/embed.h"

static struct principle catalogue[PRINCIPLE_COUNT];
/* Each principle's aliases in principle_normalise() form, for matching. */
static struct strlist norm_aliases[PRINCIPLE_COUNT];
static int loaded;

static void
free_catalogue(void)
{
	int i;

	for (i = 0; i < PRINCIPLE_COUNT; i++) {
		free(catalogue[i].slug);
		free(catalogue[i].name);
		strlist_clear(&catalogue[i].aliases);
		strlist_clear(&norm_aliases[i]);
	}
}

/* The data is ours and tested; a failure here is a build defect. */
static void
broken(const char *what)
{
	die_internal("embedded principles.yaml: %s", what);
}

static void
load(void)
{
	struct embedded e = embed_principle_names();
	struct buf err = BUF_INIT;
	struct buf norm = BUF_INIT;
	yaml_document_t doc;
	yaml_node_t *root;
	size_t k;
	int i;

	if (loaded)
		return;
	if (ydoc_load(&doc, e.data, e.len, "principles.yaml", &err) < 0)
		broken(err.s);
	root = yaml_document_get_root_node(&doc);
	if (ydoc_len(root) != PRINCIPLE_COUNT)
		broken("expected 16 principles");
	for (i = 0; i < PRINCIPLE_COUNT; i++) {
		yaml_node_t *p = ydoc_item(&doc, root, i);
		const char *slug = ydoc_str(ydoc_get(&doc, p, "slug"));
		const char *name = ydoc_str(ydoc_get(&doc, p, "name"));

		if (slug == NULL || name == NULL)
			broken("a principle lacks a slug or a name");
		catalogue[i].index = i;
		catalogue[i].slug = xstrdup(slug);
		catalogue[i].name = xstrdup(name);
		ydoc_strlist(&doc, ydoc_get(&doc, p, "aliases"),
		    &catalogue[i].aliases);
		for (k = 0; k < catalogue[i].aliases.n; k++) {
			principle_normalise(catalogue[i].aliases.v[k], &norm);
			strlist_push(&norm_aliases[i], norm.s);
		}
	}
	yaml_document_delete(&doc);
	buf_release(&norm);
	loaded = 1;
	atexit(free_catalogue);
}

const struct principle *
principle_at(int i)
{
	load();
	return i >= 0 && i < PRINCIPLE_COUNT ? &catalogue[i] : NULL;
}

const struct principle *
principle_by_slug(const char *slug)
{
	int i;

	load();
	for (i = 0; i < PRINCIPLE_COUNT; i++)
		if (strcmp(catalogue[i].slug, slug) == 0)
			return &catalogue[i];
	return NULL;
}

void
principle_normalise(const char *in, struct buf *out)
{
	const unsigned char *p;
	int sep = 0;

	buf_reset(out);
	for (p = (const unsigned char *)in; *p; p++) {
		if (ascii_isalnum(*p) || *p >= 0x80) {
			if (sep && out->len)
				buf_addc(out, '-');
			sep = 0;
			buf_addc(out, (char)ascii_tolower(*p));
		} else if (*p == '&') {
			if (out->len)
				buf_addc(out, '-');
			buf_adds(out, "and");
			sep = 1;
		} else if (ascii_isspace(*p) || *p == '-' || *p == '_' ||
		    *p == '/') {
			sep = 1;
		}
		/* Other punctuation (',', ';', '\'') is dropped. */
	}
}

/* Words too common to name a principle: "and", "the", "be"... */
static int
stop_word(const char *w, size_t n)
{
	static const char *const stop[] = { "a", "and", "be", "bring", "for",
		"it", "of", "on", "the", "to", NULL };
	int i;

	for (i = 0; stop[i]; i++)
		if (strlen(stop[i]) == n && memcmp(stop[i], w, n) == 0)
			return 1;
	return 0;
}

/*
 * True when the dash-separated words of phrase hold w (n bytes): the
 * whole word, or with prefix a word that starts with w.
 */
static int
phrase_has(const char *phrase, const char *w, size_t n, int prefix)
{
	const char *p = phrase;

	while (*p) {
		size_t len = strcspn(p, "-");

		if ((len == n || (prefix && len > n)) && memcmp(p, w, n) == 0)
			return 1;
		p += len;
		p += *p == '-';
	}
	return 0;
}

/*
 * True when every word of norm but the stop words (and at least one) is
 * a word of principle i's slug or an alias, or with prefix begins one
 * (typed words of three letters or more only).
 */
static int
words_match(int i, const char *norm, int prefix)
{
	const char *p = norm;
	int any = 0;
	size_t k;

	while (*p) {
		size_t n = strcspn(p, "-");
		int hit;

		if (!stop_word(p, n)) {
			if (prefix && n < 3)
				return 0;
			hit = phrase_has(catalogue[i].slug, p, n, prefix);
			for (k = 0; k < norm_aliases[i].n && !hit; k++)
				hit = phrase_has(norm_aliases[i].v[k], p, n,
				    prefix);
			if (!hit)
				return 0;
			any = 1;
		}
		p += n;
		p += *p == '-';
	}
	return any;
}

/*
 * Sets match[i] for the principles whose words hold norm's: whole words
 * when any principle has them, else word prefixes.  Returns how many.
 */
static int
word_matches(const char *norm, int match[PRINCIPLE_COUNT])
{
	int i, n, prefix;

	for (prefix = 0; prefix < 2; prefix++) {
		for (i = n = 0; i < PRINCIPLE_COUNT; i++)
			n += match[i] = words_match(i, norm, prefix);
		if (n)
			return n;
	}
	return 0;
}

static void
suggest(const char *norm, const char *arg, const int match[PRINCIPLE_COUNT],
    struct buf *err)
{
	size_t dist[PRINCIPLE_COUNT];
	int order[PRINCIPLE_COUNT], i, j, k;
	struct buf a = BUF_INIT;

	for (i = 0; i < PRINCIPLE_COUNT; i++) {
		size_t d = edit_distance(norm, catalogue[i].slug);

		/* Compare with the slug's start too: "dive" ~ "dive-deep". */
		if (strlen(norm) < strlen(catalogue[i].slug)) {
			char *head = xstrndup(catalogue[i].slug, strlen(norm));
			size_t h = edit_distance(norm, head) + 1;

			free(head);
			if (h < d)
				d = h;
		}
		for (k = 0; k < (int)norm_aliases[i].n; k++) {
			size_t ad = edit_distance(norm, norm_aliases[i].v[k]);

			if (ad < d)
				d = ad;
		}
		dist[i] = d;
		order[i] = i;
	}
	buf_release(&a);
	for (i = 1; i < PRINCIPLE_COUNT; i++)
		/* Principles whose words hold the typed ones come first. */
		for (j = i; j > 0 && (match[order[j]] > match[order[j - 1]] ||
		    (match[order[j]] == match[order[j - 1]] &&
		    dist[order[j]] < dist[order[j - 1]])); j--) {
			k = order[j];
			order[j] = order[j - 1];
			order[j - 1] = k;
		}
	buf_addf(err, "unknown principle '%s'; did you mean ", arg);
	for (i = 0; i < 3; i++)
		buf_addf(err, "%s'%s'", i == 0 ? "" : i == 2 ? " or " : ", ",
		    catalogue[order[i]].name);
	buf_adds(err, "? ('lpcoach principles' lists all 16)\n");
}

const struct principle *
principle_resolve(const char *arg, struct buf *err)
{
	struct buf norm = BUF_INIT, a = BUF_INIT;
	const struct principle *found = NULL;
	int match[PRINCIPLE_COUNT] = { 0 };
	int i, k, prefix = 0;

	load();
	principle_normalise(arg, &norm);
	if (norm.len == 0) {
		buf_addf(err, "empty principle name '%s'\n", arg);
		goto done;
	}
	for (i = 0; i < PRINCIPLE_COUNT && !found; i++) {
		if (strcmp(norm.s, catalogue[i].slug) == 0)
			found = &catalogue[i];
		if (strlist_find(&norm_aliases[i], norm.s) >= 0)
			found = &catalogue[i];
	}
	for (i = 0; i < PRINCIPLE_COUNT && !found; i++)
		if (strncmp(norm.s, catalogue[i].slug, norm.len) == 0)
			prefix++;
	if (!found && prefix == 1) {
		for (i = 0; i < PRINCIPLE_COUNT; i++)
			if (strncmp(norm.s, catalogue[i].slug, norm.len) == 0)
				found = &catalogue[i];
	} else if (!found && prefix > 1) {
		buf_addf(err, "ambiguous principle '%s': it could be ", arg);
		for (i = 0, k = 0; i < PRINCIPLE_COUNT; i++)
			if (strncmp(norm.s, catalogue[i].slug, norm.len) == 0)
				buf_addf(err, "%s'%s'", k++ ? ", " : "",
				    catalogue[i].name);
		buf_addc(err, '\n');
	} else if (!found && word_matches(norm.s, match) == 1) {
		/* A word only one principle has: "disagree", "earth". */
		for (i = 0; i < PRINCIPLE_COUNT; i++)
			if (match[i])
				found = &catalogue[i];
	} else if (!found) {
		suggest(norm.s, arg, match, err);
	}
done:
	buf_release(&norm);
	buf_release(&a);
	return found;
}

/* "where:line: " for the primary, or "where: " when the line is unknown. */
static void
primary_at(const struct story *s, const char *where, struct buf *err)
{
	if (s->primary_line)
		buf_addf(err, "%s:%d: ", where, s->primary_line);
	else
		buf_addf(err, "%s: ", where);
}

/*
 * Resolves s->primary as a principle is resolved and replaces it by its
 * slug, which must be one of slugs (the story's principles, resolved).
 */
static int
canon_primary(struct story *s, const struct strlist *slugs, const char *where,
    struct buf *err)
{
	struct buf msg = BUF_INIT;
	const struct principle *p = principle_resolve(s->primary, &msg);
	int rc = 0;

	if (p == NULL) {
		primary_at(s, where, err);
		buf_addf(err, "primary: %s", msg.s);
		rc = -1;
	} else if (strlist_find(slugs, p->slug) < 0) {
		primary_at(s, where, err);
		buf_addf(err, "primary principle '%s' is not among the story's "
		    "principles: add it to 'principles' too\n", s->primary);
		rc = -1;
	} else {
		story_set(&s->primary, p->slug);
	}
	buf_release(&msg);
	return rc;
}

int
principle_canon_story(struct story *s, const char *where, struct buf *err)
{
	struct strlist slugs = STRLIST_INIT;
	struct buf msg = BUF_INIT;
	size_t i;
	int rc = 0;

	for (i = 0; i < s->principles.n; i++) {
		const struct principle *p;

		buf_reset(&msg);
		p = principle_resolve(s->principles.v[i], &msg);
		if (p == NULL) {
			if (s->principles_line)
				buf_addf(err, "%s:%d: %s", where,
				    s->principles_line, msg.s);
			else
				buf_addf(err, "%s: %s", where, msg.s);
			rc = -1;
		} else if (strlist_find(&slugs, p->slug) < 0) {
			strlist_push(&slugs, p->slug);
		}
	}
	if (rc == 0 && s->primary && canon_primary(s, &slugs, where, err) < 0)
		rc = -1;
	buf_release(&msg);
	if (rc == 0) {
		strlist_clear(&s->principles);
		s->principles = slugs;
	} else {
		strlist_clear(&slugs);
	}
	return rc;
}

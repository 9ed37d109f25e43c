/*
 * Shell completion: the hidden command 'lpcoach __complete' (see
 * cli/complete.h).  Everything a shell offers comes from the tables that
 * parse the command line: the command table and the loop verb tables, each
 * command's option table, the operands of its synopsis ("STORY", "NAME
 * ROUND P") and the value names of its options ("P", "NAME", "md|json"),
 * read as kinds of word.  What names the bank's contents (story ids and
 * uids, loop and round names) is read from a bank opened with BANK_PEEK,
 * which never writes or upgrades it.
 */
#include "cli/complete.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "lp/question.h"
#include "stories/loop_store.h"
#include "stories/names.h"
#include "stories/principle.h"

/* What the words before the cursor said. */
struct walk {
	const struct cmd_spec *spec;	/* the command or verb reached */
	char **ops;		/* its operands so far */
	int nops;
	int options_done;	/* after "--" */
	const char *db;		/* --db, when given */
	int files;		/* the shell should offer file names */
	const char *cur;	/* the word being completed */
	const char *outer;	/* before every word offered ("--x=") */
	struct strlist out;	/* the words offered */
	struct bank bank;
	int bank_state;		/* 0 unopened, 1 open, -1 failed */
};

/* Offers outer, prefix and cand as one word when it extends the current. */
static void
offer(struct walk *w, const char *prefix, const char *cand)
{
	struct buf word = BUF_INIT;

	buf_addf(&word, "%s%s%s", w->outer, prefix, cand);
	/* No search for repeats: a bank of 100,000 stories is offered whole. */
	if (strchr(word.s, '\n') == NULL &&
	    strncmp(word.s, w->cur, strlen(w->cur)) == 0)
		strlist_push_owned(&w->out, buf_detach(&word));
	buf_release(&word);
}

static void
offer_list(struct walk *w, const char *prefix, const struct strlist *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		offer(w, prefix, l->v[i]);
}

/* The bank, opened once on first need; NULL when it cannot be read. */
static struct bank *
bank(struct walk *w)
{
	struct buf err = BUF_INIT;
	char *path;

	if (w->bank_state == 0) {
		w->bank_state = -1;
		path = bank_default_path(w->db, &err);
		if (path && bank_open(&w->bank, path, BANK_PEEK, &err) == 0)
			w->bank_state = 1;
		free(path);
	}
	buf_release(&err);
	return w->bank_state == 1 ? &w->bank : NULL;
}

/* Offers the bank's names that names() appends (arg: its argument). */
static void
offer_bank(struct walk *w, const char *prefix,
    int (*names)(struct bank *, const char *, struct strlist *, struct buf *),
    const char *arg)
{
	struct strlist l = STRLIST_INIT;
	struct buf err = BUF_INIT;
	struct bank *b = bank(w);

	if (b && names(b, arg, &l, &err) == 0)
		offer_list(w, prefix, &l);
	strlist_clear(&l);
	buf_release(&err);
}

static int
stories_of(struct bank *b, const char *arg, struct strlist *l,
    struct buf *err)
{
	(void)arg;
	return names_stories(b, l, err);
}

static int
loops_of(struct bank *b, const char *arg, struct strlist *l, struct buf *err)
{
	(void)arg;
	return loop_names(b, l, err);
}

/*
 * Offers the words of one kind, named as the synopsis and the option
 * tables name them: STORY, P, NAME, ROUND, R, FILE..., DIR, PATH; a
 * lowercase name is itself the word ("md" of "md|json").
 */
static void
offer_kind(struct walk *w, const char *kind, size_t len)
{
	char prefix[2] = "";
	int i;

	if (len > 0 && (kind[0] == '+' || kind[0] == '-') && len > 1) {
		prefix[0] = kind[0];
		kind++;
		len--;
	}
#define IS(s) (len == strlen(s) && strncmp(kind, s, len) == 0)
	if (IS("STORY")) {
		offer_bank(w, prefix, stories_of, NULL);
	} else if (IS("P")) {
		for (i = 0; i < PRINCIPLE_COUNT; i++)
			offer(w, prefix, principle_at(i)->slug);
		for (i = 0; i < PRINCIPLE_COUNT; i++)
			offer(w, prefix, principle_at(i)->name);
	} else if (IS("NAME")) {
		offer_bank(w, prefix, loops_of, NULL);
	} else if (IS("ROUND")) {
		if (w->nops > 0)
			offer_bank(w, prefix, names_rounds, w->ops[0]);
	} else if (IS("R")) {
		for (i = 0; question_roles[i]; i++)
			offer(w, prefix, question_roles[i]);
	} else if (IS("FILE") || IS("FILE.md") || IS("DIR") || IS("PATH")) {
		w->files = 1;
	} else if (len > 0 && kind[0] >= 'a' && kind[0] <= 'z') {
		char *word = xstrndup(kind, len);

		offer(w, prefix, word);
		free(word);
	}
#undef IS
}

/* Offers each alternative of "A|B|C" (a trailing "..." dropped). */
static void
offer_alternatives(struct walk *w, const char *alts)
{
	const char *p = alts, *bar;
	size_t len;

	while (*p) {
		bar = strchr(p, '|');
		len = bar ? (size_t)(bar - p) : strlen(p);
		if (len >= 3 && strncmp(p + len - 3, "...", 3) == 0)
			offer_kind(w, p, len - 3);
		else
			offer_kind(w, p, len);
		p += len + (bar != NULL);
	}
}

/* Offers the values of option o. */
static void
offer_value(struct walk *w, const struct opt *o)
{
	size_t i;

	if (o->choices)
		for (i = 0; o->choices[i]; i++)
			offer(w, "", o->choices[i]);
	else if (o->arg)
		offer_alternatives(w, o->arg);
}

/*
 * Offers what operand k of the synopsis syn is: "STORY" of "STORY
 * [+P|-P|P]..." for k 0, "+P|-P|P" for k 1 and on (brackets dropped; the
 * last word, when it ends with "...", stands for all that follow).
 */
static void
offer_operand(struct walk *w, const char *syn, int k)
{
	struct strlist toks = STRLIST_INIT;
	struct buf t = BUF_INIT;
	const char *p;

	for (p = syn; ; p++) {
		if (*p == ' ' || *p == '\0') {
			if (t.len)
				strlist_push(&toks, t.s);
			buf_reset(&t);
			if (*p == '\0')
				break;
		} else if (*p != '[' && *p != ']') {
			buf_addc(&t, *p);
		}
	}
	if ((size_t)k < toks.n)
		offer_alternatives(w, toks.v[k]);
	else if (toks.n > 0 && strlen(toks.v[toks.n - 1]) >= 3 &&
	    strcmp(toks.v[toks.n - 1] + strlen(toks.v[toks.n - 1]) - 3,
	    "...") == 0)
		offer_alternatives(w, toks.v[toks.n - 1]);
	strlist_clear(&toks);
	buf_release(&t);
}

static void
offer_options(struct walk *w)
{
	const struct opt *tables[2] = { w->spec->opts, opt_global_options };
	size_t i;
	int t;

	for (t = 0; t < 2; t++)
		for (i = 0; i < opt_count(tables[t]); i++)
			offer(w, "--", tables[t][i].name);
}

static void
offer_verbs(struct walk *w)
{
	const struct cmd_spec *s = w->spec;
	size_t skip = *s->name ? strlen(s->name) + 1 : 0, i;

	for (i = 0; i < s->nverbs; i++)
		offer(w, "", s->verbs[i].spec->name + skip);
}

/* The verb of w->spec named word, or NULL. */
static const struct cmd_spec *
verb(const struct walk *w, const char *word)
{
	const struct cmd_spec *s = w->spec;
	size_t skip = *s->name ? strlen(s->name) + 1 : 0, i;

	for (i = 0; i < s->nverbs; i++)
		if (strcmp(s->verbs[i].spec->name + skip, word) == 0)
			return s->verbs[i].spec;
	return NULL;
}

/*
 * Reads the option word a; returns the option whose value is the next
 * word, or NULL.
 */
static const struct opt *
read_option(struct walk *w, const char *a)
{
	const char *eq;
	const struct opt *o;

	if (a[1] == '-') {
		eq = strchr(a + 2, '=');
		o = opt_find_long(w->spec, a + 2, eq ? (size_t)(eq - a - 2) :
		    strlen(a + 2));
		if (o && strcmp(o->name, "db") == 0 && eq)
			w->db = eq + 1;
		if (o == NULL || eq || o->arg == NULL ||
		    (o->flags & OPT_OPTIONAL_ARG))
			return NULL;
		return o;
	}
	/* Bundled letters: the first that takes a value takes the rest. */
	for (a++; *a; a++)
		if ((o = opt_find_short(w->spec, *a)) != NULL && o->arg)
			return a[1] ? NULL : o;
	return NULL;
}

int
complete_words(const struct cmd_spec *top, int n, char **words)
{
	struct walk w = { .spec = top, .cur = n > 0 ? words[n - 1] : "",
	    .outer = "", .out = STRLIST_INIT };
	const struct opt *value_of = NULL;
	const char *eq;
	size_t i;
	int k;

	w.ops = xcalloc((size_t)n + 1, sizeof(*w.ops));
	for (k = 0; k + 1 < n; k++) {
		const char *a = words[k];
		const struct cmd_spec *v;

		if (value_of) {
			if (strcmp(value_of->name, "db") == 0)
				w.db = a;
			value_of = NULL;
		} else if (!w.options_done && strcmp(a, "--") == 0) {
			w.options_done = 1;
		} else if (!w.options_done && a[0] == '-' && a[1] != '\0' &&
		    !((w.spec->flags & CMD_DASH_OPERANDS) && w.nops > 0 &&
		    a[1] != '-')) {
			value_of = read_option(&w, a);
		} else if (w.spec->nverbs && w.nops == 0 &&
		    (v = verb(&w, a)) != NULL) {
			w.spec = v;
		} else {
			w.ops[w.nops++] = words[k];
		}
	}
	eq = strncmp(w.cur, "--", 2) == 0 ? strchr(w.cur, '=') : NULL;
	if (value_of) {
		offer_value(&w, value_of);
	} else if (!w.options_done && eq) {
		/* "--format=j": offered whole, "--format=json". */
		const struct opt *o = opt_find_long(w.spec, w.cur + 2,
		    (size_t)(eq - w.cur - 2));
		char *outer = xstrndup(w.cur, (size_t)(eq - w.cur) + 1);

		w.outer = outer;
		if (o && o->arg)
			offer_value(&w, o);
		w.outer = "";
		free(outer);
	} else if (!w.options_done && w.cur[0] == '-' &&
	    (!(w.spec->flags & CMD_DASH_OPERANDS) || w.nops == 0 ||
	    w.cur[1] == '-')) {
		offer_options(&w);
	} else if (w.spec->nverbs && w.nops == 0) {
		offer_verbs(&w);
	} else if (w.spec->operands) {
		offer_operand(&w, w.spec->operands, w.nops);
	}
	/* The first line says whether file names complete too. */
	printf("%s\n", w.files ? "files" : "words");
	for (i = 0; i < w.out.n; i++)
		printf("%s\n", w.out.v[i]);
	if (w.bank_state == 1)
		bank_close(&w.bank);
	strlist_clear(&w.out);
	free(w.ops);
	return 0;
}

/* lpcoach match "QUESTION": which stories answer it, and why. */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "base/jsonx.h"
#include "cli/cli.h"
#include "cli/term.h"
#include "lp/match.h"
#include "stories/render.h"

struct match_cli_opts {
	const char *loop;
	int json;
	long n;
};

#define F(m) OPT_FIELD(struct match_cli_opts, m)
static const struct opt match_options[] = {
	{ .type = OPT_STRING, .name = "loop", .arg = "NAME", .off = F(loop),
	  .help = "also warn about stories already planned in loop NAME, or "
	  "told to its company before" },
	{ .type = OPT_FLAG, .name = "json", .off = F(json),
	  .help = "{question: {text, id, principles}, stories}; id is the "
	  "bank's question id or null, principles [{slug, confidence}] (confidence 1 to 100), stories "
	  "[{id, uid, title, score, lint, ready, rated_good, terms, "
	  "principle_words, principles, warnings}] "
	  "best first" },
	{ .type = OPT_NUMBER, .name = "number", .letter = 'n', .arg = "N",
	  .off = F(n), .min = 1, .max = 1000,
	  .help = "show the best N stories (default 5)" },
	{ .type = OPT_END }
};
#undef F

const struct cmd_spec spec_match = {
	.name = "match",
	.operands = "QUESTION",
	.about =
"Ranks your stories for a question as an interviewer would ask it: by the\n"
"words of the question and their synonyms in the stories' text (SQLite\n"
"FTS5, bm25), by the principles the question asks for (the bank's own\n"
"when it is one of its questions, else inferred from its words), and by\n"
"lint score, and, for the bank's own questions, by the drill answers\n"
"where you told the story for it and rated it good or easy.  Shows why\n"
"each story fits, and warnings: not ready, and\n"
"with --loop, already planned in the loop or told to its company.  A\n"
"score (higher fits better) compares stories for one question only.\n",
	.opts = match_options,
};

static json_t *
json_result(const char *text, const struct match_result *r)
{
	json_t *ps = json_array(), *st = json_array();
	size_t i;

	for (i = 0; i < r->q.nprinciples; i++)
		jappend(ps, jpack("{s:s, s:i}", "slug",
		    r->q.principles[i].p->slug, "confidence",
		    (int)lround(100 * r->q.principles[i].weight)));
	for (i = 0; i < r->n; i++) {
		const struct match_candidate *c = &r->v[i];

		jappend(st, jpack("{s:I, s:s, s:s, s:i, s:i, s:b, s:I, s:o, "
		    "s:o, s:o, s:o}", "id", (json_int_t)c->story->id, "uid",
		    c->story->uid, "title", c->story->title, "score",
		    (int)lround(10 * c->score), "lint",
		    c->lint, "ready", c->ready, "rated_good",
		    (json_int_t)c->rated_good, "terms",
		    json_strlist(&c->terms), "principle_words",
		    json_strlist(&c->vocab), "principles",
		    json_strlist(&c->principles), "warnings",
		    json_strlist(&c->warnings)));
	}
	return jpack("{s:{s:s, s:o, s:o}, s:o}", "question", "text", text,
	    "id", r->q.known ? json_string(r->q.known->id) : json_null(),
	    "principles", ps, "stories", st);
}

static void
print_list(const char *label, const struct strlist *l)
{
	struct buf line = BUF_INIT;
	size_t i;

	if (l->n == 0)
		return;
	buf_addf(&line, "%s: ", label);
	for (i = 0; i < l->n; i++)
		buf_addf(&line, "%s%s", i ? ", " : "", l->v[i]);
	fputs("      ", stdout);
	term_wrap(stdout, line.s, 8, 6, 78);
	buf_release(&line);
}

static void
print_text(struct cli *c, const struct match_result *r)
{
	struct buf l = BUF_INIT;
	size_t i, k;

	if (r->q.known)
		buf_addf(&l, "question %s ", r->q.known->id);
	buf_adds(&l, r->q.nprinciples ? "asks for: " :
	    "asks for no principle in particular");
	for (i = 0; i < r->q.nprinciples; i++)
		buf_addf(&l, "%s%s", i ? ", " : "", r->q.principles[i].p->name);
	if (r->q.nprinciples && !r->q.known)
		buf_adds(&l, " (from its words)");
	term_wrap(stdout, l.s, 2, 0, 78);
	buf_release(&l);
	for (i = 0; i < r->n; i++) {
		const struct match_candidate *m = &r->v[i];
		struct strlist tagged = STRLIST_INIT;

		printf("%2zu. %4ld  ", i + 1, lround(10 * m->score));
		term_style(stdout, c->color, "1");
		printf("%lld  ", m->story->id);
		term_puts(stdout, m->story->title, 0);
		term_reset(stdout, c->color);
		printf("  (lint %d)\n", m->lint);
		print_list("words", &m->terms);
		print_list("principle words", &m->vocab);
		for (k = 0; k < m->principles.n; k++)
			strlist_push(&tagged,
			    principle_by_slug(m->principles.v[k])->name);
		print_list("tagged", &tagged);
		strlist_clear(&tagged);
		if (m->rated_good)
			printf("      told for this question in drills and "
			    "rated good %ld %s\n", m->rated_good,
			    m->rated_good == 1 ? "time" : "times");
		for (k = 0; k < m->warnings.n; k++) {
			fputs("      warning: ", stdout);
			term_wrap(stdout, m->warnings.v[k], 8, 15, 78);
		}
	}
}

int
cmd_match(struct cli *c, int argc, char **argv)
{
	struct match_cli_opts o = { .n = 5 };
	struct match_opts mo = { 0 };
	struct match_result r;
	struct opt_args a;
	struct buf err = BUF_INIT;
	struct bank b;
	const char *text;
	int st = cli_parse(c, &spec_match, &o, argc, argv, &a);

	if (st >= 0)
		return st;
	if (a.n != 1)
		return usage_error(c, "give one QUESTION, in quotes");
	text = a.v[0];
	if (strspn(text, " \t\r\n") == strlen(text))
		return usage_error(c, "QUESTION is empty");
	if (strlen(text) > MATCH_MAX_TEXT)
		return usage_error(c, "QUESTION is %zu bytes long; at most %d "
		    "are taken", strlen(text), MATCH_MAX_TEXT);
	mo.loop = o.loop;
	mo.limit = (size_t)o.n;
	if (cli_open_bank(c, &b, BANK_READ) < 0)
		return ST_ERROR;
	b.damaged = &c->damaged;
	st = match_rank(&b, text, &mo, &r, &err);
	if (st != 0) {
		st = st == 1 ? (error_buf(&err), ST_FINDINGS) : error_out(&err);
		goto out;
	}
	if (r.stories == 0) {
		note_no_stories();
		st = ST_FINDINGS;
	} else if (o.json) {
		json_t *j = json_result(text, &r);

		st = json_print(j) < 0 ? ST_ERROR : r.n ? ST_OK : ST_FINDINGS;
		json_decref(j);
	} else {
		print_text(c, &r);
		if (r.n == 0)
			note("no story fits this question");
		st = r.n ? ST_OK : ST_FINDINGS;
	}
out:
	match_result_release(&r);
	buf_release(&err);
	bank_close(&b);
	return st;
}

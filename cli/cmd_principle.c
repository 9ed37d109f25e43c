/* lpcoach principle P: one principle in full, with your stories for it. */
#include <jansson.h>
#include <stdlib.h>

#include "base/jsonx.h"
#include "cli/cli.h"
#include "cli/term.h"
#include "lp/guide.h"
#include "lp/question.h"
#include "stories/render.h"
#include "stories/store.h"

struct principle_opts {
	int json;
};

static const struct opt principle_options[] = {
	{ .type = OPT_FLAG, .name = "json",
	  .off = OPT_FIELD(struct principle_opts, json),
	  .help = "{slug, name, summary, listens_for, pitfalls, questions, "
	  "follow_ups, stories}; questions and follow_ups as in 'questions "
	  "--json', stories as {id, uid, title}" },
	{ .type = OPT_END }
};

const struct cmd_spec spec_principle = {
	.name = "principle",
	.operands = "P",
	.about =
"Shows one principle: what it asks of you, what interviewers listen for,\n"
"how stories for it usually fail, its questions and follow-up probes, and\n"
"your stories tagged with it.  P is a slug, name, variant or unique prefix.\n",
	.opts = principle_options,
};

static void
heading(struct cli *c, const char *text)
{
	putchar('\n');
	term_style(stdout, c->color, "1");
	fputs(text, stdout);
	term_reset(stdout, c->color);
	putchar('\n');
}

static void
bullets(const struct strlist *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		fputs("  - ", stdout);
		term_wrap(stdout, l->v[i], 4, 4, 78);
	}
}

static void
print_json(const struct principle *p, const struct question **q, size_t nq,
    const struct story *v, size_t n)
{
	json_t *o = json_object(), *qs = json_array(), *fs = json_array();
	json_t *st = json_array();
	size_t i;

	jset(o, "slug", json_string(p->slug));
	jset(o, "name", json_string(p->name));
	jset(o, "summary", json_string(guide_of(p)->summary));
	jset(o, "listens_for",
	    json_strlist(&guide_of(p)->listens_for));
	jset(o, "pitfalls", json_strlist(&guide_of(p)->pitfalls));
	for (i = 0; i < nq; i++)
		jappend(q[i]->kind == QUESTION_MAIN ? qs : fs,
		    jpack("{s:s, s:s}", "id", q[i]->id, "text",
		    q[i]->text));
	jset(o, "questions", qs);
	jset(o, "follow_ups", fs);
	for (i = 0; i < n; i++)
		jappend(st, jpack("{s:I, s:s, s:s}", "id",
		    (json_int_t)v[i].id, "uid", v[i].uid, "title",
		    v[i].title));
	jset(o, "stories", st);
	json_print(o);
	json_decref(o);
}

static void
print_text(struct cli *c, const struct principle *p,
    const struct question **q, size_t nq, const struct story *v, size_t n)
{
	size_t i;

	term_style(stdout, c->color, "1");
	printf("%s", p->name);
	term_reset(stdout, c->color);
	printf("  (%s, %d of 16)\n\n", p->slug, p->index + 1);
	term_wrap(stdout, guide_of(p)->summary, 0, 0, 78);
	heading(c, "What interviewers listen for");
	bullets(&guide_of(p)->listens_for);
	heading(c, "How stories for it fail");
	bullets(&guide_of(p)->pitfalls);
	heading(c, "Questions");
	for (i = 0; i < nq; i++)
		if (q[i]->kind == QUESTION_MAIN) {
			printf("  %-8s ", q[i]->id);
			term_wrap(stdout, q[i]->text, 11, 11, 78);
		}
	heading(c, "Follow-up probes");
	for (i = 0; i < nq; i++)
		if (q[i]->kind == QUESTION_FOLLOW_UP) {
			printf("  %-8s ", q[i]->id);
			term_wrap(stdout, q[i]->text, 11, 11, 78);
		}
	heading(c, "Your stories");
	if (n == 0)
		printf("  none yet: add '%s' to a story's principles, or run "
		    "'lpcoach tag STORY +%s'\n", p->slug, p->slug);
	for (i = 0; i < n; i++) {
		printf("  %4lld  ", v[i].id);
		term_puts(stdout, v[i].title, 0);
		putchar('\n');
	}
}

int
cmd_principle(struct cli *c, int argc, char **argv)
{
	const struct principle *p;
	const struct question **q;
	struct story_filter f = { NULL, NULL, NULL };
	struct question_filter qf = { NULL, 1, NULL, 1 };
	struct principle_opts o = { 0 };
	struct buf err = BUF_INIT;
	struct story *v = NULL;
	struct opt_args a;
	struct bank b;
	size_t n = 0, nq, i, k;
	int st = cli_parse(c, &spec_principle, &o, argc, argv, &a);

	if (st >= 0)
		return st;
	if (a.n != 1)
		return a.n == 0 ? usage_error(c, "which principle?") :
		    usage_error(c, "unexpected argument '%s' (one principle "
		    "at a time; quote names with spaces)", a.v[1]);
	if ((p = cli_principle(a.v[0])) == NULL)
		return ST_ERROR;
	f.principle = p->slug;
	if (cli_open_bank(c, &b, BANK_READ) < 0)
		return ST_ERROR;
	st = store_list(&b, &f, &v, &n, &err);
	bank_close(&b);
	if (st < 0)
		return error_out(&err);
	qf.principles = &p;
	q = question_select(&qf, &nq);
	/* Only this principle's own probes here, not the generic ones. */
	for (i = k = 0; i < nq; i++)
		if (q[i]->principle)
			q[k++] = q[i];
	if (o.json)
		print_json(p, q, k, v, n);
	else
		print_text(c, p, q, k, v, n);
	free(q);
	store_free_list(v, n);
	return ST_OK;
}

#include "lp/lint_run.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "stories/parse.h"
#include "stories/principle.h"
#include "stories/store.h"

/* The active consistency rule of the run's rubric, or NULL. */
static const struct rule *
consistency_rule(const struct lint_run *x)
{
	size_t i;

	for (i = 0; i < x->lint.rb.n; i++)
		if (x->lint.rb.rules[i].kind == KIND_CONSISTENCY &&
		    x->lint.rb.rules[i].active)
			return &x->lint.rb.rules[i];
	return NULL;
}

/* store_foreach() state for collecting numbers: the run, its messages. */
struct collect {
	struct lint_run *x;
	struct figure_reader fr;
	struct buf *err;
};

static int
collect_numbers(struct story *s, void *ctx)
{
	struct collect *c = ctx;
	struct lint_run *x = c->x;

	x->sn = xgrow(x->sn, &x->asn, x->nsn + 1, sizeof(*x->sn));
	if (story_numbers_of(&c->fr, s, x->consistency->id, &x->sn[x->nsn],
	    c->err) < 0) {
		story_numbers_free(&x->sn[x->nsn], 1);
		return -1;
	}
	x->nsn++;
	return 0;
}

/*
 * Finds the contradictions among the bank's numbers and indexes them by
 * story: ct_of[ct_start[i]..ct_start[i + 1]) are those of story sn[i], in
 * the order of ct, so each story's are found without a walk of them all.
 */
static void
index_contradictions(struct lint_run *x)
{
	size_t k, *fill;

	contradictions_among(x->sn, x->nsn, &x->ct, &x->nct);
	x->ct_start = xcalloc(x->nsn + 2, sizeof(*x->ct_start));
	x->ct_of = xcalloc(2 * x->nct + 1, sizeof(*x->ct_of));
	for (k = 0; k < x->nct; k++) {
		x->ct_start[x->ct[k].a + 1]++;
		x->ct_start[x->ct[k].b + 1]++;
	}
	for (k = 0; k < x->nsn; k++)
		x->ct_start[k + 1] += x->ct_start[k];
	fill = xcalloc(x->nsn + 1, sizeof(*fill));
	memcpy(fill, x->ct_start, x->nsn * sizeof(*fill));
	for (k = 0; k < x->nct; k++) {
		x->ct_of[fill[x->ct[k].a]++] = k;
		x->ct_of[fill[x->ct[k].b]++] = k;
	}
	free(fill);
}

/*
 * Adds the contradictions story s (linted, so located) is part of to its
 * findings, at its figure, naming the other story's.
 */
static void
add_contradictions(struct lint_run *x, const struct story *s,
    struct lint_result *res)
{
	struct buf msg = BUF_INIT;
	size_t i, lo = 0, hi = x->nsn, me_at;

	/* The story's numbers (collected in id order), then its own. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (x->sn[mid].id < s->id)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == x->nsn || x->sn[lo].id != s->id)
		return;
	me_at = lo;
	for (i = x->ct_start[me_at]; i < x->ct_start[me_at + 1]; i++) {
		const struct contradiction *ct = &x->ct[x->ct_of[i]];
		const struct story_numbers *me, *other;
		const struct figure *f, *g;
		const char *mine, *theirs;

		if (x->sn[ct->a].id == s->id) {
			me = &x->sn[ct->a];
			other = &x->sn[ct->b];
			f = &me->q[ct->qa];
			mine = ct->phrase_a;
			theirs = ct->phrase_b;
		} else if (x->sn[ct->b].id == s->id) {
			me = &x->sn[ct->b];
			other = &x->sn[ct->a];
			f = &me->q[ct->qb];
			mine = ct->phrase_b;
			theirs = ct->phrase_a;
		} else {
			continue;
		}
		/* The metric both name: "latency" of "p99 latency". */
		g = &other->q[f == &x->sn[ct->a].q[ct->qa] ? ct->qb : ct->qa];
		buf_reset(&msg);
		buf_addf(&msg, "\"%s\" here, but story #%lld of project '%s' "
		    "says \"%s\" (%s): %s", mine, other->id, me->project,
		    theirs, strlen(g->metric) < strlen(f->metric) ? g->metric :
		    f->metric, x->consistency->message);
		lint_result_add_at(res, x->consistency, s, f->section, f->start,
		    f->end, msg.s, ct->silenced);
	}
	buf_release(&msg);
}

/* Lints one story and hands it on; file is NULL for a bank story. */
static void
lint_one(struct lint_run *x, struct story *s, const char *file,
    struct buf *err)
{
	struct lint_result res;
	struct buf what = BUF_INIT;

	if (file)
		buf_adds(&what, file);
	else
		buf_addf(&what, "story %lld", s->id);
	if (linter_lint(&x->lint, s, file == NULL, x->wpm, what.s, &res,
	    err) < 0) {
		buf_addf(err, "%s: not linted: a rule could not finish, so the "
		    "story is not reported clean\n", what.s);
		x->failed = 1;
	} else {
		/*
		 * A directive that names no rule silences nothing: an error,
		 * at its place (a bank story is named as in 'lint --format
		 * gnu', located by linter_lint()).
		 */
		buf_reset(&what);
		if (file)
			buf_adds(&what, file);
		else
			buf_addf(&what, "%s.md", s->uid);
		if (lint_check_directives(&x->lint.rb, s, what.s, "error",
		    err) > 0)
			x->failed = 1;
		if (file == NULL && x->nct)
			add_contradictions(x, s, &res);
		x->with_errors += res.errors > 0;
		x->emit(x->ctx, s, file, &res);
		x->linted++;
	}
	lint_result_release(&res);
	buf_release(&what);
}

void
lint_run_file(struct lint_run *x, const char *path, struct buf *err)
{
	const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
	size_t before = err->len;
	struct story s;
	char *data;
	size_t len;

	story_init(&s);
	if (read_whole_file(path, &data, &len, err) == 0) {
		if (story_parse(data, len, name, &s, err) == 0 &&
		    principle_canon_story(&s, name, err) == 0)
			lint_one(x, &s, name, err);
		free(data);
	}
	if (err->len > before)
		x->failed = 1;
	story_release(&s);
}

/* store_foreach() state: the run and where its messages go. */
struct each {
	struct lint_run *x;
	struct buf *err;
};

static int
lint_each(struct story *s, void *ctx)
{
	struct each *e = ctx;

	lint_one(e->x, s, NULL, e->err);
	return 0;
}

void
lint_run_bank(struct lint_run *x, struct bank *b, char **refs, int nrefs,
    struct buf *err)
{
	struct each e = { x, err };
	struct story s;
	long long id;
	int k;

	if (nrefs == 0 && (x->consistency = consistency_rule(x)) != NULL) {
		/* The whole bank: first the numbers of every story, then lint. */
		struct collect c = { x, { { NULL, NULL, NULL, 0, 0 }, { 0 } }, err };

		if (figure_reader_open(&c.fr, &x->lint.rb, err) < 0 ||
		    store_foreach(b, NULL, collect_numbers, &c, err) != 0)
			x->failed = 1;
		else
			index_contradictions(x);
		figure_reader_close(&c.fr);
	}
	if (nrefs == 0) {
		if (store_foreach(b, NULL, lint_each, &e, err) != 0)
			x->failed = 1;
		return;
	}
	for (k = 0; k < nrefs; k++) {
		int rc = store_resolve(b, refs[k], &id, err);

		story_init(&s);
		if (rc == STORE_FOUND && store_load(b, id, &s, err) == 0)
			lint_one(x, &s, NULL, err);
		else if (rc == STORE_NOT_FOUND)
			x->not_found++;
		else
			x->failed = 1;
		story_release(&s);
	}
}

void
lint_run_release(struct lint_run *x)
{
	contradictions_free(x->ct, x->nct);
	story_numbers_free(x->sn, x->nsn);
	free(x->ct_start);
	free(x->ct_of);
	x->ct_start = x->ct_of = NULL;
	x->ct = NULL;
	x->sn = NULL;
	x->nct = x->nsn = x->asn = 0;
}

void
lint_warn_directives(const struct story *v, char **from, size_t n,
    struct buf *out)
{
	struct linter l;
	struct buf err = BUF_INIT;
	size_t i;

	/* A rubric that does not load is lint's to report, not ours. */
	if (linter_open(&l, NULL, &err) < 0) {
		buf_release(&err);
		return;
	}
	for (i = 0; i < n; i++)
		lint_check_directives(&l.rb, &v[i], from && from[i] ? from[i] :
		    v[i].title, "warning", out);
	linter_close(&l);
	buf_release(&err);
}

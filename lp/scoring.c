#include "lp/scoring.h"

#include <stdlib.h>
#include <string.h>

#include "base/hash.h"
#include "base/xalloc.h"
#include "stories/scores.h"
#include "stories/store.h"

/* The cached row for story id in rows (by id), or NULL. */
static const struct score_row *
find_row(const struct score_row *rows, size_t n, long long id)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (rows[mid].story == id)
			return &rows[mid];
		if (rows[mid].story < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* What scoring needs besides the story: the linter and the cached rows. */
struct scorer {
	struct linter lint;
	struct score_row *rows;	/* by story id */
	size_t nrows;
	uint64_t key;		/* rubric, speaking rate, engine revision */
	int wpm;
	struct buf what, why;
	lint_seen_fn seen;	/* told of each story linted, or NULL */
	void *seen_ctx;
	size_t at;		/* the index of the story being scored */
};

/* Opens the linter; 0, 1 when a user rubric does not load, or -1. */
static int
scorer_init(struct scorer *sc, struct bank *b, int wpm, struct buf *err)
{
	memset(sc, 0, sizeof(*sc));
	buf_init(&sc->what);
	buf_init(&sc->why);
	sc->wpm = wpm;
	/* Compiled on the first story the cache cannot answer for. */
	if (linter_open_deferred(&sc->lint, NULL, err) < 0)
		return 1;
	sc->key = hash64_u64(hash64_u64(sc->lint.rb.fingerprint,
	    (uint64_t)wpm), LINT_SCORE_REVISION);
	if (scores_load(b, &sc->rows, &sc->nrows, err) < 0) {
		linter_close(&sc->lint);
		return -1;
	}
	return 0;
}

static void
scorer_free(struct scorer *sc)
{
	linter_close(&sc->lint);
	free(sc->rows);
	buf_release(&sc->what);
	buf_release(&sc->why);
}

/*
 * Scores story s into r (its digest, score and readiness): from the cache
 * when the row's digest matches (returns 0), by lint otherwise (returns 1).
 * Returns -1 when lint cannot finish, with the reason in err.
 */
static int
score_one(struct scorer *sc, struct story *s, struct score_row *r,
    struct buf *err)
{
	const struct score_row *c = find_row(sc->rows, sc->nrows, s->id);
	struct lint_result res;
	int rc = 1;

	r->story = s->id;
	r->digest = story_digest(s, sc->key);
	if (c != NULL && c->digest == r->digest) {
		r->score = c->score;
		r->ready = c->ready;
		return 0;
	}
	buf_reset(&sc->what);
	buf_addf(&sc->what, "story %lld", s->id);
	buf_reset(&sc->why);
	if (linter_lint(&sc->lint, s, 1, sc->wpm, sc->what.s, &res,
	    &sc->why) < 0) {
		buf_addf(err, "%s%s: not linted: a rule could not finish, so "
		    "the story is not reported clean\n", sc->why.s,
		    sc->what.s);
		rc = -1;
	} else if (sc->seen != NULL) {
		sc->seen(sc->at, &res, sc->seen_ctx);
	}
	r->score = res.score;
	r->ready = res.ready;
	lint_result_release(&res);
	return rc;
}

/*
 * Scores s->v[0..s->n) at wpm, filling the other arrays of s (allocated
 * here).  The first story lint cannot finish stops it, with the reason in
 * err.
 */
static int
score_into(struct bank *b, int wpm, struct scored *s, lint_seen_fn seen,
    void *ctx, struct buf *err)
{
	struct scorer sc;
	size_t i;
	int rc;

	s->score = xcalloc(s->n + 1, sizeof(*s->score));
	s->ready = xcalloc(s->n + 1, sizeof(*s->ready));
	s->fresh = xcalloc(s->n + 1, sizeof(*s->fresh));
	s->digest = xcalloc(s->n + 1, sizeof(*s->digest));
	if ((rc = scorer_init(&sc, b, wpm, err)) != 0)
		return -1;
	sc.seen = seen;
	sc.seen_ctx = ctx;
	for (i = 0; i < s->n && rc >= 0; i++) {
		struct score_row r;

		sc.at = i;
		rc = score_one(&sc, &s->v[i], &r, err);
		s->digest[i] = r.digest;
		s->score[i] = r.score;
		s->ready[i] = r.ready;
		s->fresh[i] = rc;
	}
	scorer_free(&sc);
	return rc < 0 ? -1 : 0;
}

/* Frees what score_into() allocated; the stories stay. */
static void
release_scores(struct scored *s)
{
	free(s->score);
	free(s->ready);
	free(s->fresh);
	free(s->digest);
	s->score = s->ready = s->fresh = NULL;
	s->digest = NULL;
}

int
scores_of(struct bank *b, struct story *v, size_t n, int wpm, int *scores,
    int *ready, struct buf *err)
{
	struct scored s;
	int rc;

	memset(&s, 0, sizeof(s));
	s.v = v;
	s.n = n;
	rc = score_into(b, wpm, &s, NULL, NULL, err);
	if (rc == 0) {
		memcpy(scores, s.score, n * sizeof(*scores));
		memcpy(ready, s.ready, n * sizeof(*ready));
	}
	release_scores(&s);
	return rc;
}

int
scored_load(struct bank *b, struct scored *out, struct buf *err)
{
	return scored_load_seen(b, out, NULL, NULL, err);
}

int
scored_load_seen(struct bank *b, struct scored *out, lint_seen_fn seen,
    void *ctx, struct buf *err)
{
	memset(out, 0, sizeof(*out));
	if (store_list(b, NULL, &out->v, &out->n, err) < 0)
		return -1;
	if (score_into(b, STORY_DEFAULT_WPM, out, seen, ctx, err) < 0) {
		scored_release(out);
		return -1;
	}
	return 0;
}

void
scored_release(struct scored *s)
{
	store_free_list(s->v, s->n);
	release_scores(s);
	memset(s, 0, sizeof(*s));
}

long
scored_find(const struct scored *s, long long id)
{
	size_t lo = 0, hi = s->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (s->v[mid].id == id)
			return (long)mid;
		if (s->v[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

int
scored_save(struct bank *b, const struct scored *s, struct buf *err)
{
	struct score_row *put = xcalloc(s->n + 1, sizeof(*put));
	size_t i, k = 0;
	int rc;

	for (i = 0; i < s->n; i++)
		if (s->fresh[i] == 1) {
			put[k].story = s->v[i].id;
			put[k].digest = s->digest[i];
			put[k].score = s->score[i];
			put[k].ready = s->ready[i];
			k++;
		}
	rc = scores_put(b, put, k, err);
	free(put);
	return rc;
}

/* store_foreach() state for scores_refresh(): the rows to write. */
struct refresh {
	struct scorer sc;
	struct score_row *put;
	size_t n, alloc;
};

static int
refresh_one(struct story *s, void *ctx)
{
	struct refresh *rf = ctx;
	struct buf ignore = BUF_INIT;
	struct score_row r;

	/* A story lint cannot finish stays uncached; its reader says why. */
	if (score_one(&rf->sc, s, &r, &ignore) == 1) {
		rf->put = xgrow(rf->put, &rf->alloc, rf->n + 1,
		    sizeof(*rf->put));
		rf->put[rf->n++] = r;
	}
	buf_release(&ignore);
	return 0;
}

int
scores_refresh(struct bank *b, struct buf *err)
{
	struct buf quiet = BUF_INIT;
	struct refresh rf;
	int rc;

	memset(&rf, 0, sizeof(rf));
	/* A user rubric that does not load is lint's to report, not ours. */
	rc = scorer_init(&rf.sc, b, STORY_DEFAULT_WPM, &quiet);
	if (rc == 1) {
		buf_release(&quiet);
		return 0;
	}
	if (rc < 0) {
		buf_adds(err, quiet.s);
		buf_release(&quiet);
		return -1;
	}
	buf_release(&quiet);
	rc = store_foreach(b, NULL, refresh_one, &rf, err);
	scorer_free(&rf.sc);
	if (rc == 0)
		rc = scores_put(b, rf.put, rf.n, err);
	free(rf.put);
	return rc;
}

void
top_findings(struct linter *l, struct story *s, size_t max, int with_rule,
    struct strlist *out, int *errors)
{
	const struct finding **top = xcalloc(max + 1, sizeof(*top));
	struct buf what = BUF_INIT, line = BUF_INIT, ignore = BUF_INIT;
	struct lint_result res;
	size_t k, n = 0;

	buf_addf(&what, "story %lld", s->id);
	if (errors)
		*errors = 0;
	if (linter_lint(l, s, 1, STORY_DEFAULT_WPM, what.s, &res,
	    &ignore) == 0) {
		n = lint_top(&res, max, top);
		if (errors)
			*errors = res.errors;
	}
	for (k = 0; k < n; k++) {
		buf_reset(&line);
		buf_adds(&line, top[k]->message);
		if (with_rule)
			buf_addf(&line, " [%s]", top[k]->rule->id);
		strlist_push(out, line.s);
	}
	lint_result_release(&res);
	free(top);
	buf_release(&what);
	buf_release(&line);
	buf_release(&ignore);
}

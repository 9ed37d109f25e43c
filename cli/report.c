#include "cli/report.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/loop_util.h"
#include "cli/scoring.h"
#include "base/clock.h"
#include "base/xalloc.h"

static int
gather_flagged(struct report *r)
{
	struct rubric_opts none = RUBRIC_OPTS_INIT;
	struct match_env env;
	struct rubric rb;
	struct buf what = BUF_INIT, line = BUF_INIT;
	size_t i, k, n;

	if (rubric_load(&none, &rb) < 0)
		return -1;
	if (match_env_init(&env) < 0) {
		rubric_free(&rb);
		return -1;
	}
	r->flagged = xcalloc(r->stories.n + 1, sizeof(*r->flagged));
	for (i = 0; i < r->stories.n; i++) {
		const struct finding *top[3];
		struct lint_result res;
		struct report_story *f;

		buf_reset(&what);
		buf_addf(&what, "story %lld", r->stories.v[i].id);
		if (lint_one(&rb, &env, &r->stories.v[i], 1, STORY_DEFAULT_WPM,
		    what.s, &res) < 0 || res.n == 0) {
			lint_result_release(&res);
			continue;
		}
		f = &r->flagged[r->nflagged++];
		f->index = i;
		f->errors = res.errors;
		n = lint_top(&res, 3, top);
		for (k = 0; k < n; k++) {
			buf_reset(&line);
			buf_addf(&line, "%s [%s]", top[k]->message,
			    top[k]->rule->id);
			strlist_push(&f->findings, line.s);
		}
		lint_result_release(&res);
	}
	buf_release(&what);
	buf_release(&line);
	match_env_free(&env);
	rubric_free(&rb);
	return 0;
}

/* A plan in memory for a loop that has none saved; nothing is written. */
static void
plan_in_memory(struct report *r)
{
	struct plan_story *ps = xcalloc(r->stories.n + 1, sizeof(*ps));
	struct plan_slot *slots = xcalloc(r->slots + 1, sizeof(*slots));
	size_t i, k, n;

	for (i = 0; i < r->stories.n; i++) {
		ps[i].id = r->stories.v[i].id;
		ps[i].score = r->stories.score[i];
		ps[i].principles = &r->stories.v[i].principles;
	}
	for (i = 0, n = 0; i < r->loop.nrounds; i++)
		for (k = 0; k < r->loop.rounds[i].nslots; k++, n++) {
			slots[n].slug = r->loop.rounds[i].slots[k].slug;
			slots[n].pinned = r->loop.rounds[i].slots[k].pinned;
		}
	plan_assign(slots, r->slots, ps, r->stories.n, 1);
	for (i = 0, n = 0; i < r->loop.nrounds; i++)
		for (k = 0; k < r->loop.rounds[i].nslots; k++, n++) {
			r->loop.rounds[i].slots[k].story = slots[n].story;
			r->loop.rounds[i].slots[k].backup = slots[n].backup;
		}
	free(ps);
	free(slots);
}

int
report_gather(struct bank *b, const char *loop, struct report *r)
{
	struct buf err = BUF_INIT;
	int in_scope[PRINCIPLE_COUNT], p;
	size_t i, k;
	time_t now = clock_now();
	struct tm tm;

	memset(r, 0, sizeof(*r));
	r->days = INT_MIN;
	localtime_r(&now, &tm);
	strftime(r->date, sizeof(r->date), "%Y-%m-%d", &tm);
	for (p = 0; p < PRINCIPLE_COUNT; p++)
		in_scope[p] = loop == NULL;
	if (loop) {
		if (loop_load(b, loop, &r->loop, &err) != 0) {
			error_buf(&err);
			buf_release(&err);
			return -1;
		}
		r->has_loop = 1;
		r->plan_saved = r->loop.planned != NULL;
		r->days = clock_days_until(r->loop.date);
		for (i = 0; i < r->loop.nrounds; i++)
			for (k = 0; k < r->loop.rounds[i].nslots; k++) {
				in_scope[principle_by_slug(
				    r->loop.rounds[i].slots[k].slug)->index] = 1;
				r->slots++;
			}
	}
	if (load_scored(b, &r->stories) < 0)
		return -1;
	cover_compute(r->stories.v, r->stories.ready, r->stories.n, in_scope,
	    &r->cover);
	if (r->has_loop && !r->plan_saved)
		plan_in_memory(r);
	for (i = 0; i < r->loop.nrounds; i++)
		for (k = 0; k < r->loop.rounds[i].nslots; k++) {
			const struct slot *s = &r->loop.rounds[i].slots[k];

			r->filled += (s->pinned || s->story) &&
			    scored_find(&r->stories, s->pinned ? s->pinned :
			    s->story) >= 0;
		}
	if (gather_flagged(r) < 0)
		return -1;
	for (p = 0; p < PRINCIPLE_COUNT; p++) {
		const char *slug = principle_at(p)->slug;

		if (answers_history(b, slug, &r->drills[p], &err) < 0 ||
		    answers_ratings(b, slug, r->ratings[p], REPORT_RATINGS,
		    &r->nratings[p], &err) < 0) {
			error_buf(&err);
			buf_release(&err);
			return -1;
		}
		if (!r->cover.rows[p].in_scope)
			continue;
		r->covered++;
		r->with_ready += r->cover.rows[p].status >= COVER_THIN;
		r->weak += r->cover.rows[p].status == COVER_WEAK;
		r->missing += r->cover.rows[p].status == COVER_MISSING;
	}
	{
		int ready = r->with_ready == r->covered &&
		    (!r->has_loop || r->filled == r->slots);
		int len = snprintf(r->verdict, sizeof(r->verdict),
		    "%s: %d/%d principles covered by a ready story; %d weak; "
		    "%d missing", ready ? "ready" : r->stories.n == 0 ?
		    "not started" : "not ready", r->with_ready, r->covered,
		    r->weak, r->missing);

		if (r->has_loop && len > 0 && (size_t)len < sizeof(r->verdict))
			snprintf(r->verdict + len, sizeof(r->verdict) -
			    (size_t)len, "; loop plan fills %zu/%zu slots",
			    r->filled, r->slots);
	}
	buf_release(&err);
	return 0;
}

void
report_release(struct report *r)
{
	size_t i;

	for (i = 0; i < r->nflagged; i++)
		strlist_clear(&r->flagged[i].findings);
	free(r->flagged);
	cover_release(&r->cover);
	scored_release(&r->stories);
	loop_release(&r->loop);
	memset(r, 0, sizeof(*r));
}

#include "stories/cards.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

#define CARD_COLUMNS \
	"question_id, stability, difficulty, due, last_review, reps, lapses"

/* Fills c from a row of CARD_COLUMNS. */
static void
row_to_card(sqlite3_stmt *st, struct card *c)
{
	memset(c, 0, sizeof(*c));
	snprintf(c->question, sizeof(c->question), "%s",
	    (const char *)sqlite3_column_text(st, 0));
	c->stability = sqlite3_column_double(st, 1);
	c->difficulty = sqlite3_column_double(st, 2);
	c->due = (time_t)sqlite3_column_int64(st, 3);
	c->last_review = (time_t)sqlite3_column_int64(st, 4);
	c->reps = sqlite3_column_int(st, 5);
	c->lapses = sqlite3_column_int(st, 6);
}

int
cards_load(struct bank *b, struct card **v, size_t *n, struct buf *err)
{
	sqlite3_stmt *st = bank_prepare(b, "SELECT " CARD_COLUMNS " FROM card "
	    "ORDER BY question_id", err);
	size_t alloc = 0;
	int rc;

	*v = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*v = xgrow(*v, &alloc, *n + 1, sizeof(**v));
		row_to_card(st, &(*v)[(*n)++]);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return bank_sql_error(b, "cannot read the bank", err);
	return 0;
}

static int
done(struct bank *b, sqlite3_stmt *st, struct buf *err)
{
	int rc = sqlite3_step(st);

	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : bank_sql_error(b, "cannot save the "
	    "drill", err);
}

int
cards_get(struct bank *b, const char *question, struct card *c, int *found,
    struct buf *err)
{
	sqlite3_stmt *st = bank_prepare(b, "SELECT " CARD_COLUMNS " FROM card "
	    "WHERE question_id = :q", err);
	int rc;

	*found = 0;
	memset(c, 0, sizeof(*c));
	snprintf(c->question, sizeof(c->question), "%s", question);
	if (st == NULL)
		return -1;
	bind_text(st, ":q", question);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*found = 1;
		row_to_card(st, c);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return bank_sql_error(b, "cannot read the bank", err);
	return 0;
}

int
cards_put(struct bank *b, const struct card *c, struct buf *err)
{
	sqlite3_stmt *st = bank_prepare(b, "INSERT INTO card (question_id, "
	    "stability, difficulty, due, last_review, reps, lapses) VALUES "
	    "(:q, :s, :d, :due, :last, :reps, :lapses) ON CONFLICT "
	    "(question_id) DO UPDATE SET stability = :s, difficulty = :d, due = "
	    ":due, last_review = :last, reps = :reps, lapses = :lapses", err);

	if (st == NULL)
		return -1;
	bind_text(st, ":q", c->question);
	bind_real(st, ":s", c->stability);
	bind_real(st, ":d", c->difficulty);
	bind_int(st, ":due", (long long)c->due);
	bind_int(st, ":last", (long long)c->last_review);
	bind_int(st, ":reps", c->reps);
	bind_int(st, ":lapses", c->lapses);
	return done(b, st, err);
}

/* Binds a spoken attempt's measures to their :sp_ parameters. */
static void
bind_spoken(sqlite3_stmt *st, const struct spoken *sp)
{
	bind_real(st, ":sp_seconds", sp->seconds);
	bind_real(st, ":sp_first", sp->first_word);
	bind_real(st, ":sp_speaking", sp->speaking);
	bind_int(st, ":sp_pauses", sp->pauses);
	bind_real(st, ":sp_longest", sp->longest_pause);
	bind_text(st, ":sp_audio", sp->audio);
	if (!sp->recognised)
		return;
	bind_int(st, ":sp_words", sp->words);
	bind_real(st, ":sp_wpm", sp->wpm);
	bind_int(st, ":sp_fillers", sp->fillers);
	bind_text(st, ":sp_band", sp->band);
	bind_int(st, ":sp_figures", sp->figures);
	bind_int(st, ":sp_said", sp->figures_said);
	bind_real(st, ":sp_share", sp->share);
	bind_text(st, ":sp_transcript", sp->transcript);
}

int
answers_add(struct bank *b, const struct answer *a, struct buf *err)
{
	sqlite3_stmt *st = bank_prepare(b, "INSERT INTO answer (session, "
	    "question_id, principle, rating, seconds, over_time, at, loop, "
	    "round, story_id, recall, rater, source, spoken_seconds, "
	    "spoken_first_word, spoken_speaking, spoken_pauses, "
	    "spoken_longest_pause, spoken_words, spoken_wpm, spoken_fillers, "
	    "spoken_band, spoken_figures, spoken_figures_said, spoken_share, "
	    "spoken_transcript, spoken_audio, note) VALUES (:session, :q, :p, "
	    ":rating, :seconds, :over, :at, :loop, :round, "
	    /* A story removed since it was named is no longer known. */
	    "(SELECT id FROM story WHERE id = :story), :recall, "
	    "coalesce(:rater, 'self'), :source, :sp_seconds, :sp_first, "
	    ":sp_speaking, :sp_pauses, :sp_longest, :sp_words, :sp_wpm, "
	    ":sp_fillers, :sp_band, :sp_figures, :sp_said, :sp_share, "
	    ":sp_transcript, :sp_audio, :note)", err);

	if (st == NULL)
		return -1;
	bind_text(st, ":session", a->session);
	bind_text(st, ":q", a->question);
	bind_text(st, ":p", a->principle);
	if (a->rating > 0)
		bind_int(st, ":rating", a->rating);
	bind_real(st, ":seconds", a->seconds);
	bind_int(st, ":over", a->over_time);
	bind_int(st, ":at", (long long)a->at);
	bind_text(st, ":loop", a->loop);
	bind_text(st, ":round", a->round);
	if (a->story > 0)
		bind_int(st, ":story", a->story);
	if (a->recall >= 0)
		bind_int(st, ":recall", a->recall);
	bind_text(st, ":rater", a->rater);
	bind_text(st, ":source", a->source);
	bind_text(st, ":note", a->note);
	if (a->spoken)
		bind_spoken(st, a->spoken);
	return done(b, st, err);
}

int
answers_history(struct bank *b, const char *slug, struct principle_history *h,
    struct buf *err)
{
	sqlite3_stmt *st = bank_prepare(b, "SELECT count(*), "
	    "avg(CASE WHEN rater = 'self' THEN seconds END), "
	    "(SELECT rating FROM answer WHERE principle = :p ORDER BY at DESC, "
	    "id DESC LIMIT 1), (SELECT avg(rating) FROM (SELECT rating FROM "
	    "answer WHERE principle = :p ORDER BY at DESC, id DESC LIMIT 3)), "
	    "count(recall), coalesce(sum(recall), 0), "
	    "coalesce(sum(rater = 'partner'), 0) "
	    "FROM answer WHERE principle = :p", err);
	int rc;

	memset(h, 0, sizeof(*h));
	if (st == NULL)
		return -1;
	bind_text(st, ":p", slug);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		h->drilled = (long)sqlite3_column_int64(st, 0);
		h->avg_seconds = sqlite3_column_double(st, 1);
		h->last_rating = sqlite3_column_int(st, 2);
		h->recent = sqlite3_column_double(st, 3);
		h->named = (long)sqlite3_column_int64(st, 4);
		h->named_fit = (long)sqlite3_column_int64(st, 5);
		h->partner = (long)sqlite3_column_int64(st, 6);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return bank_sql_error(b, "cannot read the bank", err);
	return 0;
}

int
answers_from_source(struct bank *b, const char *source, long *n,
    struct buf *err)
{
	sqlite3_stmt *st = bank_prepare(b, "SELECT count(*) FROM answer "
	    "WHERE source = :source", err);
	int rc;

	*n = 0;
	if (st == NULL)
		return -1;
	bind_text(st, ":source", source);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*n = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return bank_sql_error(b, "cannot read the bank", err);
	return 0;
}

int
answers_ratings(struct bank *b, const char *slug, int *out, size_t max,
    size_t *n, struct buf *err)
{
	sqlite3_stmt *st = bank_prepare(b, "SELECT rating FROM (SELECT rating, "
	    "at, id FROM answer WHERE principle = :p ORDER BY at DESC, id DESC "
	    "LIMIT :max) ORDER BY at, id", err);
	int rc;

	*n = 0;
	if (st == NULL)
		return -1;
	bind_text(st, ":p", slug);
	bind_int(st, ":max", (long long)max);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < max)
		out[(*n)++] = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return bank_sql_error(b, "cannot read the bank", err);
	return 0;
}

int
answers_good_for(struct bank *b, const char *qid, long long **ids,
    long **good, size_t *n, struct buf *err)
{
	sqlite3_stmt *st = bank_prepare(b, "SELECT story_id, count(*) FROM "
	    "answer WHERE question_id = :q AND story_id IS NOT NULL AND "
	    "rating >= 3 GROUP BY story_id ORDER BY count(*) DESC, story_id",
	    err);
	size_t alloc_ids = 0, alloc_good = 0;
	int rc;

	*ids = NULL;
	*good = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	bind_text(st, ":q", qid);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*ids = xgrow(*ids, &alloc_ids, *n + 1, sizeof(**ids));
		*good = xgrow(*good, &alloc_good, *n + 1, sizeof(**good));
		(*ids)[*n] = sqlite3_column_int64(st, 0);
		(*good)[(*n)++] = (long)sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(*ids);
		free(*good);
		*ids = NULL;
		*good = NULL;
		*n = 0;
		return bank_sql_error(b, "cannot read the bank", err);
	}
	return 0;
}

int
answers_partner_notes(struct bank *b, const char *slug,
    struct partner_note **v, size_t *n, struct buf *err)
{
	sqlite3_stmt *st = bank_prepare(b, "SELECT at, question_id, rating, "
	    "coalesce(story_id, 0), note FROM answer WHERE principle = :p AND "
	    "rater = 'partner' AND note IS NOT NULL ORDER BY at, id", err);
	size_t alloc = 0;
	int rc;

	*v = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	bind_text(st, ":p", slug);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct partner_note *t;
		size_t bad = 0;

		*v = xgrow(*v, &alloc, *n + 1, sizeof(**v));
		t = &(*v)[(*n)++];
		t->at = (time_t)sqlite3_column_int64(st, 0);
		/* Damaged bytes are shown as U+FFFD, never handed on. */
		t->question = column_salvage(st, 1, &bad);
		if (t->question == NULL)
			t->question = xstrdup("");
		t->mark = sqlite3_column_int(st, 2);
		t->story = sqlite3_column_int64(st, 3);
		t->note = column_salvage(st, 4, &bad);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		partner_notes_free(*v, *n);
		*v = NULL;
		*n = 0;
		return bank_sql_error(b, "cannot read the bank", err);
	}
	return 0;
}

void
partner_notes_free(struct partner_note *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].question);
		free(v[i].note);
	}
	free(v);
}

int
answers_attempts(struct bank *b, long long id, struct attempt **v, size_t *n,
    struct buf *err)
{
	sqlite3_stmt *st = bank_prepare(b, "SELECT at, question_id, "
	    "coalesce(rating, 0), spoken_seconds, spoken_first_word, "
	    "spoken_speaking, spoken_pauses, spoken_longest_pause, "
	    "spoken_words IS NOT NULL, spoken_words, spoken_fillers, "
	    "spoken_wpm, spoken_share, spoken_band, spoken_figures, "
	    "spoken_figures_said FROM answer WHERE story_id = :id AND "
	    "spoken_seconds IS NOT NULL ORDER BY at, id", err);
	size_t alloc = 0;
	int rc;

	*v = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	bind_int(st, ":id", id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct attempt *t;
		const char *q = (const char *)sqlite3_column_text(st, 1);
		const char *band = (const char *)sqlite3_column_text(st, 13);

		*v = xgrow(*v, &alloc, *n + 1, sizeof(**v));
		t = &(*v)[(*n)++];
		memset(t, 0, sizeof(*t));
		t->at = (time_t)sqlite3_column_int64(st, 0);
		t->question = q ? xstrdup(q) : NULL;
		t->rating = sqlite3_column_int(st, 2);
		t->sp.seconds = sqlite3_column_double(st, 3);
		t->sp.first_word = sqlite3_column_double(st, 4);
		t->sp.speaking = sqlite3_column_double(st, 5);
		t->sp.pauses = (long)sqlite3_column_int64(st, 6);
		t->sp.longest_pause = sqlite3_column_double(st, 7);
		t->sp.recognised = sqlite3_column_int(st, 8);
		t->sp.words = (long)sqlite3_column_int64(st, 9);
		t->sp.fillers = (long)sqlite3_column_int64(st, 10);
		t->sp.wpm = sqlite3_column_double(st, 11);
		t->sp.share = sqlite3_column_double(st, 12);
		t->sp.band = band ? xstrdup(band) : NULL;
		t->sp.figures = (long)sqlite3_column_int64(st, 14);
		t->sp.figures_said = (long)sqlite3_column_int64(st, 15);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		attempts_free(*v, *n);
		*v = NULL;
		*n = 0;
		return bank_sql_error(b, "cannot read the bank", err);
	}
	return 0;
}

void
attempts_free(struct attempt *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free((char *)v[i].question);
		free((char *)v[i].sp.band);
	}
	free(v);
}

int
answers_forget_story(struct bank *b, long long id, struct buf *err)
{
	sqlite3_stmt *st = bank_prepare(b, "DELETE FROM answer WHERE "
	    "story_id = :id AND rating IS NULL", err);

	if (st == NULL)
		return -1;
	bind_int(st, ":id", id);
	if (done(b, st, err) < 0)
		return -1;
	st = bank_prepare(b, "UPDATE answer SET spoken_transcript = NULL, "
	    "spoken_audio = NULL WHERE story_id = :id", err);
	if (st == NULL)
		return -1;
	bind_int(st, ":id", id);
	return done(b, st, err);
}

int
answers_attempted(struct bank *b, long long **ids, size_t *n, struct buf *err)
{
	*ids = NULL;
	*n = 0;
	return bank_ids(b, bank_prepare(b, "SELECT DISTINCT story_id FROM "
	    "answer WHERE story_id IS NOT NULL AND spoken_seconds IS NOT NULL "
	    "ORDER BY story_id", err), ids, n, err);
}

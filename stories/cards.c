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
	sqlite3_bind_double(st, sqlite3_bind_parameter_index(st, ":s"),
	    c->stability);
	sqlite3_bind_double(st, sqlite3_bind_parameter_index(st, ":d"),
	    c->difficulty);
	bind_int(st, ":due", (long long)c->due);
	bind_int(st, ":last", (long long)c->last_review);
	bind_int(st, ":reps", c->reps);
	bind_int(st, ":lapses", c->lapses);
	return done(b, st, err);
}

int
answers_add(struct bank *b, const struct answer *a, struct buf *err)
{
	sqlite3_stmt *st = bank_prepare(b, "INSERT INTO answer (session, "
	    "question_id, principle, rating, seconds, over_time, at, loop, "
	    "round, story_id, recall) VALUES (:session, :q, :p, :rating, "
	    ":seconds, :over, :at, :loop, :round, "
	    /* A story removed since it was named is no longer known. */
	    "(SELECT id FROM story WHERE id = :story), :recall)", err);

	if (st == NULL)
		return -1;
	bind_text(st, ":session", a->session);
	bind_text(st, ":q", a->question);
	bind_text(st, ":p", a->principle);
	bind_int(st, ":rating", a->rating);
	sqlite3_bind_double(st, sqlite3_bind_parameter_index(st, ":seconds"),
	    a->seconds);
	bind_int(st, ":over", a->over_time);
	bind_int(st, ":at", (long long)a->at);
	bind_text(st, ":loop", a->loop);
	bind_text(st, ":round", a->round);
	if (a->story > 0)
		bind_int(st, ":story", a->story);
	if (a->recall >= 0)
		bind_int(st, ":recall", a->recall);
	return done(b, st, err);
}

int
answers_history(struct bank *b, const char *slug, struct principle_history *h,
    struct buf *err)
{
	sqlite3_stmt *st = bank_prepare(b, "SELECT count(*), avg(seconds), "
	    "(SELECT rating FROM answer WHERE principle = :p ORDER BY at DESC, "
	    "id DESC LIMIT 1), (SELECT avg(rating) FROM (SELECT rating FROM "
	    "answer WHERE principle = :p ORDER BY at DESC, id DESC LIMIT 3)), "
	    "count(recall), coalesce(sum(recall), 0) "
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
	}
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

#include "stories/loop_store.h"

#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "base/xalloc.h"
#include "stories/principle.h"

static long long
col_id(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? 0 :
	    sqlite3_column_int64(st, i);
}

static void
bind_id(sqlite3_stmt *st, const char *name, long long id)
{
	if (id)
		bind_int(st, name, id);
	else
		sqlite3_bind_null(st, sqlite3_bind_parameter_index(st, name));
}

/*
 * The name of the first column in [from, to) of st whose bytes are
 * damaged (see column_ok), or NULL.
 */
static const char *
first_damaged(sqlite3_stmt *st, int from, int to)
{
	int i;

	for (i = from; i < to; i++)
		if (!column_ok(st, i))
			return sqlite3_column_name(st, i);
	return NULL;
}

static void
loop_damage(struct buf *err, long long id, const char *what)
{
	buf_addf(err, "loop %lld is damaged: %s; restore the bank from a "
	    "backup\n", id, what);
}

static void
loop_damage_utf8(struct buf *err, long long id, const char *column)
{
	buf_addf(err, "loop %lld is damaged: invalid UTF-8 in %s; restore "
	    "the bank from a backup\n", id, column);
}

int
loop_load(struct bank *b, const char *name, struct loop *l, struct buf *err)
{
	sqlite3_stmt *st;
	struct round *r = NULL;
	long long last_round = 0;
	const char *bad;
	int rc;

	loop_init(l);
	st = bank_prepare(b, "SELECT id, name, company, date, template, planned "
	    "FROM loop WHERE name = :name", err);
	if (st == NULL)
		return -1;
	bind_text(st, ":name", name);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && (bad = first_damaged(st, 1, 6)) != NULL) {
		loop_damage_utf8(err, sqlite3_column_int64(st, 0), bad);
		sqlite3_finalize(st);
		return BANK_DAMAGED;
	}
	if (rc == SQLITE_ROW) {
		l->id = sqlite3_column_int64(st, 0);
		l->name = column_dup(st, 1);
		l->company = column_dup(st, 2);
		l->date = column_dup(st, 3);
		l->template_name = column_dup(st, 4);
		l->planned = column_dup(st, 5);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE) {
		buf_addf(err, "no loop '%s' ('lpcoach loop list' shows them)\n",
		    name);
		return 1;
	}
	if (rc != SQLITE_ROW)
		return bank_sql_error(b, "cannot read the bank", err);
	/* Rounds with no slot still appear, thanks to the outer join. */
	st = bank_prepare(b, "SELECT r.id, r.name, s.slug, s.pinned, "
	    "s.story_id, s.backup_id FROM round r LEFT JOIN slot s ON "
	    "s.round_id = r.id WHERE r.loop_id = :loop ORDER BY r.pos, s.pos",
	    err);
	if (st == NULL)
		return -1;
	bind_int(st, ":loop", l->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((bad = first_damaged(st, 1, 3)) != NULL ||
		    sqlite3_column_type(st, 1) == SQLITE_NULL) {
			loop_damage_utf8(err, l->id, bad ? bad :
			    "a round's name");
			sqlite3_finalize(st);
			return BANK_DAMAGED;
		}
		/* Every slot names a principle of the catalogue. */
		if (sqlite3_column_type(st, 2) != SQLITE_NULL &&
		    principle_by_slug((const char *)
		    sqlite3_column_text(st, 2)) == NULL) {
			loop_damage(err, l->id, "a slot names no principle");
			sqlite3_finalize(st);
			return BANK_DAMAGED;
		}
		if (r == NULL || sqlite3_column_int64(st, 0) != last_round) {
			r = loop_add_round(l, (const char *)
			    sqlite3_column_text(st, 1));
			last_round = sqlite3_column_int64(st, 0);
		}
		if (sqlite3_column_type(st, 2) != SQLITE_NULL) {
			struct slot *s = round_add_slot(r, (const char *)
			    sqlite3_column_text(st, 2));

			s->pinned = col_id(st, 3);
			s->story = col_id(st, 4);
			s->backup = col_id(st, 5);
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return bank_sql_error(b, "cannot read the bank", err);
	return 0;
}

static int
step_done(struct bank *b, sqlite3_stmt *st, const char *what,
    struct buf *err)
{
	int rc = sqlite3_step(st);

	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return bank_sql_error(b, what, err);
	return 0;
}

int
loop_save(struct bank *b, struct loop *l, struct buf *err)
{
	sqlite3_stmt *st;
	size_t i, k;
	char now[21];

	if (l->id == 0) {
		if (clock_now_iso(now, err) < 0)
			return -1;
		st = bank_prepare(b, "INSERT INTO loop (name, company, date, "
		    "template, created) VALUES (:name, :company, :date, "
		    ":template, :created)", err);
		if (st == NULL)
			return -1;
		bind_text(st, ":name", l->name);
		bind_text(st, ":company", l->company);
		bind_text(st, ":date", l->date);
		bind_text(st, ":template", l->template_name);
		bind_text(st, ":created", now);
		if (sqlite3_step(st) != SQLITE_DONE) {
			if (sqlite3_extended_errcode(b->db) ==
			    SQLITE_CONSTRAINT_UNIQUE)
				buf_addf(err, "a loop named '%s' already "
				    "exists\n", l->name);
			else
				bank_sql_error(b, "cannot save the loop", err);
			sqlite3_finalize(st);
			return -1;
		}
		sqlite3_finalize(st);
		l->id = sqlite3_last_insert_rowid(b->db);
	} else {
		st = bank_prepare(b, "UPDATE loop SET company = :company, "
		    "date = :date, planned = :planned WHERE id = :id", err);
		if (st == NULL)
			return -1;
		bind_text(st, ":company", l->company);
		bind_text(st, ":date", l->date);
		bind_text(st, ":planned", l->planned);
		bind_int(st, ":id", l->id);
		if (step_done(b, st, "cannot save the loop", err) < 0)
			return -1;
		st = bank_prepare(b, "DELETE FROM round WHERE loop_id = :id",
		    err);
		if (st == NULL)
			return -1;
		bind_int(st, ":id", l->id);
		if (step_done(b, st, "cannot save the loop", err) < 0)
			return -1;
	}
	for (i = 0; i < l->nrounds; i++) {
		long long round_id;

		st = bank_prepare(b, "INSERT INTO round (loop_id, name, pos) "
		    "VALUES (:loop, :name, :pos)", err);
		if (st == NULL)
			return -1;
		bind_int(st, ":loop", l->id);
		bind_text(st, ":name", l->rounds[i].name);
		bind_int(st, ":pos", (long long)i);
		if (step_done(b, st, "cannot save the loop", err) < 0)
			return -1;
		round_id = sqlite3_last_insert_rowid(b->db);
		for (k = 0; k < l->rounds[i].nslots; k++) {
			const struct slot *s = &l->rounds[i].slots[k];

			st = bank_prepare(b, "INSERT INTO slot (round_id, slug, "
			    "pos, pinned, story_id, backup_id) VALUES (:round, "
			    ":slug, :pos, :pinned, :story, :backup)", err);
			if (st == NULL)
				return -1;
			bind_int(st, ":round", round_id);
			bind_text(st, ":slug", s->slug);
			bind_int(st, ":pos", (long long)k);
			bind_id(st, ":pinned", s->pinned);
			bind_id(st, ":story", s->story);
			bind_id(st, ":backup", s->backup);
			if (step_done(b, st, "cannot save the loop", err) < 0)
				return -1;
		}
	}
	return 0;
}

int
loop_delete(struct bank *b, long long id, struct buf *err)
{
	sqlite3_stmt *st = bank_prepare(b, "DELETE FROM loop WHERE id = :id",
	    err);

	if (st == NULL)
		return -1;
	bind_int(st, ":id", id);
	return step_done(b, st, "cannot remove the loop", err);
}

int
loop_names(struct bank *b, struct strlist *out, struct buf *err)
{
	sqlite3_stmt *st = bank_prepare(b, "SELECT id, name FROM loop ORDER BY "
	    "date IS NULL, date, name", err);
	struct buf m = BUF_INIT;
	int rc;

	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (sqlite3_column_type(st, 1) != SQLITE_NULL &&
		    column_ok(st, 1)) {
			strlist_push(out, (const char *)
			    sqlite3_column_text(st, 1));
			continue;
		}
		/* Passed over and reported: the other loops still list. */
		buf_reset(&m);
		loop_damage_utf8(&m, sqlite3_column_int64(st, 0), "its name");
		if (bank_report_damage(b, m.s, err) < 0) {
			rc = -1;
			break;
		}
	}
	sqlite3_finalize(st);
	buf_release(&m);
	if (rc == -1)
		return -1;
	if (rc != SQLITE_DONE)
		return bank_sql_error(b, "cannot read the bank", err);
	return 0;
}

/* Column i as text when it is sound, else "?". */
static const char *
col_name(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) != SQLITE_NULL && column_ok(st, i) ?
	    (const char *)sqlite3_column_text(st, i) : "?";
}

int
loop_story_uses(struct bank *b, long long story, struct strlist *out,
    struct buf *err)
{
	sqlite3_stmt *st = bank_prepare(b, "SELECT l.name, r.name, s.slug, "
	    "s.pinned IS :id, s.story_id IS :id FROM slot s JOIN round r ON "
	    "r.id = s.round_id JOIN loop l ON l.id = r.loop_id WHERE "
	    "s.pinned IS :id OR s.story_id IS :id OR s.backup_id IS :id "
	    "ORDER BY l.name, r.pos, s.pos", err);
	struct buf m = BUF_INIT;
	int rc;

	if (st == NULL)
		return -1;
	bind_int(st, ":id", story);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const struct principle *p = principle_by_slug(col_name(st, 2));

		buf_reset(&m);
		buf_addf(&m, "loop '%s', round '%s', ", col_name(st, 0),
		    col_name(st, 1));
		buf_adds(&m, p ? p->name : col_name(st, 2));
		buf_adds(&m, sqlite3_column_int(st, 3) ? " (pinned)" :
		    sqlite3_column_int(st, 4) ? " (planned)" : " (backup)");
		strlist_push(out, m.s);
	}
	sqlite3_finalize(st);
	buf_release(&m);
	if (rc != SQLITE_DONE)
		return bank_sql_error(b, "cannot read the bank", err);
	return 0;
}

int
told_add(struct bank *b, const struct loop *l, const char *round,
    long long story, const char *date, struct buf *err)
{
	sqlite3_stmt *st = bank_prepare(b, "INSERT INTO told (company, loop, "
	    "round, story_id, date) VALUES (:company, :loop, :round, :story, "
	    ":date)", err);

	if (st == NULL)
		return -1;
	bind_text(st, ":company", l->company);
	bind_text(st, ":loop", l->name);
	bind_text(st, ":round", round);
	bind_int(st, ":story", story);
	bind_text(st, ":date", date);
	return step_done(b, st, "cannot record what was told", err);
}

int
told_to_company(struct bank *b, const char *company, const char *except,
    long long **ids, size_t *n, struct buf *err)
{
	sqlite3_stmt *st;

	*ids = NULL;
	*n = 0;
	if (company == NULL)
		return 0;
	st = bank_prepare(b, "SELECT DISTINCT story_id FROM told WHERE "
	    "lower(company) = lower(:company) AND loop <> :except "
	    "ORDER BY story_id", err);
	if (st == NULL)
		return -1;
	bind_text(st, ":company", company);
	bind_text(st, ":except", except);
	return bank_ids(b, st, ids, n, err);
}

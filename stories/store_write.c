/* Writing stories to the bank: see stories/store.h. */
#include "stories/store.h"
#include "stories/cards.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/ascii.h"
#include "base/clock.h"
#include "base/xalloc.h"
#include "stories/parse.h"

/* Random bytes for uids; falls back to the clock and pid if need be. */
static unsigned
random16(void)
{
	unsigned char r[2];

	if (getentropy(r, sizeof(r)) == 0)
		return (unsigned)r[0] << 8 | r[1];
	return (unsigned)(clock_now() ^ getpid()) & 0xffff;
}

/*
 * The words of a uid made from a title: its first words, only ASCII
 * letters and digits kept, lower-cased; other ASCII separates words, and
 * the bytes of non-ASCII letters are left out ("Café" gives "caf"),
 * whatever the locale.
 */
char *
store_uid_stem(const char *title)
{
	struct buf b = BUF_INIT;
	const unsigned char *p;
	int words = 0, dash = 0;

	for (p = (const unsigned char *)title; *p && words < 5; p++) {
		if (*p >= 0x80)
			continue;
		if (ascii_isalnum(*p)) {
			if (dash && b.len)
				buf_addc(&b, '-');
			dash = 0;
			if (b.len >= 40)
				break;
			buf_addc(&b, (char)ascii_tolower(*p));
		} else if (!dash) {
			dash = 1;
			if (b.len)
				words++;
		}
	}
	if (b.len == 0)
		buf_adds(&b, "story");
	return buf_detach(&b);
}

/* A uid from the title's first words plus four random hex digits. */
static char *
make_uid(const char *title)
{
	struct buf b = BUF_INIT;
	char *stem = store_uid_stem(title);

	buf_addf(&b, "%s-%04x", stem, random16());
	free(stem);
	return buf_detach(&b);
}

static int
step_done(struct bank *b, sqlite3_stmt *st, struct buf *err)
{
	int rc = sqlite3_step(st);

	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return bank_sql_error(b, "cannot save", err);
	return 0;
}

static int
save_list(struct bank *b, long long id, const char *del, const char *ins,
    const struct strlist *l, struct buf *err)
{
	sqlite3_stmt *st = bank_prepare(b, del, err);
	size_t i;

	if (st == NULL)
		return -1;
	bind_int(st, ":id", id);
	if (step_done(b, st, err) < 0)
		return -1;
	for (i = 0; i < l->n; i++) {
		if ((st = bank_prepare(b, ins, err)) == NULL)
			return -1;
		bind_int(st, ":id", id);
		bind_text(st, ":v", l->v[i]);
		bind_int(st, ":pos", (long long)i);
		if (step_done(b, st, err) < 0)
			return -1;
	}
	return 0;
}

static int
save_lists(struct bank *b, const struct story *s, struct buf *err)
{
	if (save_list(b, s->id,
	    "DELETE FROM story_principle WHERE story_id = :id",
	    "INSERT INTO story_principle (story_id, slug, pos) "
	    "VALUES (:id, :v, :pos)", &s->principles, err) < 0)
		return -1;
	if (save_list(b, s->id, "DELETE FROM story_tag WHERE story_id = :id",
	    "INSERT INTO story_tag (story_id, tag, pos) VALUES (:id, :v, :pos)",
	    &s->tags, err) < 0)
		return -1;
	return save_list(b, s->id,
	    "DELETE FROM story_lint_off WHERE story_id = :id",
	    "INSERT INTO story_lint_off (story_id, rule, pos) "
	    "VALUES (:id, :v, :pos)", &s->lint_off, err);
}

static void
bind_story(sqlite3_stmt *st, const struct story *s)
{
	int i;
	char key[16];

	bind_text(st, ":uid", s->uid);
	bind_text(st, ":title", s->title);
	bind_text(st, ":project", s->project);
	bind_text(st, ":primary", s->primary);
	for (i = 0; i < SEC_COUNT; i++) {
		snprintf(key, sizeof(key), ":%s", section_key(i));
		bind_text(st, key, s->section[i]);
	}
	bind_text(st, ":created", s->created);
	bind_text(st, ":updated", s->updated);
	bind_text(st, ":card", s->card);
}

int
store_new_uid(struct bank *b, const char *words, char **uid, struct buf *err)
{
	long long other;
	int tries;

	for (tries = 0, *uid = NULL; *uid == NULL; tries++) {
		*uid = make_uid(words);
		if (!uid_valid(*uid)) {
			buf_addf(err, "cannot make a uid from the title (made "
			    "'%s'): give the story a uid\n", *uid);
			story_set(uid, NULL);
			return -1;
		}
		if (store_find_uid(b, *uid, &other, err) < 0) {
			story_set(uid, NULL);
			return -1;
		}
		if (other && tries < 50)
			story_set(uid, NULL);
	}
	return 0;
}

int
store_insert(struct bank *b, struct story *s, struct buf *err)
{
	sqlite3_stmt *st;
	char now[25];

	if (s->uid == NULL && store_new_uid(b, s->title, &s->uid, err) < 0)
		return -1;
	if (clock_stamp(now, err) < 0)
		return -1;
	if (s->created == NULL)
		s->created = xstrdup(now);
	/* A JSON document's updated time is kept: it is the story's. */
	if (s->updated == NULL)
		s->updated = xstrdup(now);
	st = bank_prepare(b, "INSERT INTO story (uid, title, project, "
	    "primary_slug, situation, task, action, result, reflection, "
	    "created, updated, version, card) VALUES (:uid, :title, :project, "
	    ":primary, :situation, :task, :action, :result, :reflection, "
	    ":created, :updated, 1, :card)", err);
	if (st == NULL)
		return -1;
	bind_story(st, s);
	if (sqlite3_step(st) != SQLITE_DONE) {
		if (sqlite3_extended_errcode(b->db) ==
		    SQLITE_CONSTRAINT_UNIQUE)
			buf_addf(err, "a story with uid '%s' is already in the "
			    "bank\n", s->uid);
		else
			bank_sql_error(b, "cannot save", err);
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	s->id = sqlite3_last_insert_rowid(b->db);
	s->version = 1;
	return save_lists(b, s, err);
}

int
store_update(struct bank *b, struct story *s, long long expect_version,
    struct buf *err)
{
	sqlite3_stmt *st;
	char now[25];

	if (clock_stamp(now, err) < 0)
		return -1;
	story_set(&s->updated, now);
	st = bank_prepare(b, "UPDATE story SET uid = :uid, title = :title, "
	    "project = :project, primary_slug = :primary, "
	    "situation = :situation, task = :task, action = :action, "
	    "result = :result, reflection = :reflection, card = :card, "
	    "created = coalesce(:created, created), updated = :updated, "
	    "version = version + 1 WHERE id = :id AND version = :version",
	    err);
	if (st == NULL)
		return -1;
	bind_story(st, s);
	bind_int(st, ":id", s->id);
	bind_int(st, ":version", expect_version);
	if (sqlite3_step(st) != SQLITE_DONE) {
		if (sqlite3_extended_errcode(b->db) ==
		    SQLITE_CONSTRAINT_UNIQUE)
			buf_addf(err, "another story already has uid '%s'\n",
			    s->uid);
		else
			bank_sql_error(b, "cannot save", err);
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	if (sqlite3_changes(b->db) != 1) {
		buf_addf(err, "story %lld changed (or was removed) since it "
		    "was read\n", s->id);
		return 1;
	}
	s->version = expect_version + 1;
	return save_lists(b, s, err);
}

int
store_delete(struct bank *b, long long id, struct buf *err)
{
	sqlite3_stmt *st;

	/* Its spoken attempts and transcripts go with it (stories/cards.h). */
	if (answers_forget_story(b, id, err) < 0)
		return -1;
	st = bank_prepare(b, "DELETE FROM story WHERE id = :id", err);
	if (st == NULL)
		return -1;
	bind_int(st, ":id", id);
	return step_done(b, st, err);
}

/*
 * Loads the story with s's uid into *old; sets *found (2 when it is
 * damaged).  A damaged story is loaded salvaged and never counts as the
 * same as s, so importing a sound copy (a backup, an export) repairs it.
 */
static int
load_same_uid(struct bank *b, const struct story *s, struct story *old,
    int *found, struct buf *err)
{
	long long id = 0;
	size_t bad;

	*found = 0;
	if (s->uid == NULL)
		return 0;
	if (store_find_uid(b, s->uid, &id, err) < 0)
		return -1;
	if (id == 0)
		return 0;
	if (store_load_salvage(b, id, old, &bad, err) != 0)
		return -1;
	*found = bad > 0 ? 2 : 1;
	return 0;
}

int
store_import_action(struct bank *b, const struct story *s,
    enum import_action *action, struct buf *err)
{
	struct story old;
	int found;

	story_init(&old);
	if (load_same_uid(b, s, &old, &found, err) < 0) {
		story_release(&old);
		return -1;
	}
	if (!found)
		*action = IMPORT_ADD;
	else if (found == 1 && story_same_content(&old, s))
		*action = IMPORT_SAME;
	else
		*action = IMPORT_UPDATE;
	story_release(&old);
	return 0;
}

int
store_import(struct bank *b, struct story *s, enum import_action *action,
    struct buf *err)
{
	struct story old;
	int found, rc = -1;

	story_init(&old);
	if (load_same_uid(b, s, &old, &found, err) < 0)
		goto done;
	if (!found) {
		*action = IMPORT_ADD;
		rc = store_insert(b, s, err);
	} else if (found == 1 && story_same_content(&old, s)) {
		*action = IMPORT_SAME;
		s->id = old.id;
		rc = 0;
	} else {
		*action = IMPORT_UPDATE;
		s->id = old.id;
		rc = store_update(b, s, old.version, err) == 0 ? 0 : -1;
	}
done:
	story_release(&old);
	return rc;
}

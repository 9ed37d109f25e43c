/* The bank: migrations, pragmas and the story store. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "stories/bank.h"
#include "stories/cards.h"
#include "stories/doctor.h"
#include "stories/migrate.h"
#include "stories/scores.h"
#include "stories/store.h"
#include "base/xalloc.h"

struct fixture {
	char dir[64];
	char *path;
	struct bank b;
};

static int
setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof(*f));
	struct buf err = BUF_INIT, p = BUF_INIT;

	snprintf(f->dir, sizeof(f->dir), "/tmp/lpcoach-test-XXXXXX");
	if (mkdtemp(f->dir) == NULL)
		return -1;
	buf_addf(&p, "%s/sub/bank.db", f->dir);
	f->path = buf_detach(&p);
	if (bank_open(&f->b, f->path, BANK_WRITE, &err) < 0) {
		fprintf(stderr, "%s", err.s);
		return -1;
	}
	buf_release(&err);
	setenv("LPCOACH_NOW", "2026-01-02T03:04:05Z", 1);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;
	char cmd[128];

	bank_close(&f->b);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", f->dir);
	if (system(cmd) != 0)
		return -1;
	free(f->path);
	free(f);
	return 0;
}

static void
make_story(struct story *s, const char *title, const char *principle)
{
	story_init(s);
	s->title = xstrdup(title);
	if (principle)
		strlist_push(&s->principles, principle);
	free(s->section[SEC_RESULT]);
	s->section[SEC_RESULT] = xstrdup("Latency fell 40%.");
}

static long long
add(struct bank *b, const char *title, const char *principle)
{
	struct buf err = BUF_INIT;
	struct story s;
	long long id;

	make_story(&s, title, principle);
	assert_int_equal(bank_begin(b, &err), 0);
	assert_int_equal(store_insert(b, &s, &err), 0);
	assert_int_equal(bank_commit(b, &err), 0);
	id = s.id;
	story_release(&s);
	buf_release(&err);
	return id;
}

static void
test_new_bank_is_versioned_and_private(void **state)
{
	struct fixture *f = *state;
	struct buf err = BUF_INIT;
	struct stat st;
	char dir[80];
	int version, app;

	assert_int_equal(migrate_read_version(&f->b, &version, &app, &err), 0);
	assert_int_equal(version, migrate_latest());
	assert_int_equal(app, BANK_APPLICATION_ID);
	assert_int_equal(stat(f->path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	snprintf(dir, sizeof(dir), "%s/sub", f->dir);
	assert_int_equal(stat(dir, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0700);
	buf_release(&err);
}

static void
test_reopen_is_idempotent(void **state)
{
	struct fixture *f = *state;
	struct buf err = BUF_INIT;
	struct bank b2;
	long n = -1;

	add(&f->b, "One", "ownership");
	assert_int_equal(bank_open(&b2, f->path, BANK_WRITE, &err), 0);
	assert_int_equal(store_count(&b2, &n, &err), 0);
	assert_int_equal(n, 1);
	bank_close(&b2);
	buf_release(&err);
}

static void
test_upgrade_from_version_1_keeps_stories(void **state)
{
	struct fixture *f = *state;
	struct buf err = BUF_INIT, p = BUF_INIT;
	struct bank old = { 0 }, b2;
	struct story s;
	long n = 0;
	int version, app;

	buf_addf(&p, "%s/v1.db", f->dir);
	old.path = p.s;
	assert_int_equal(sqlite3_open(p.s, &old.db), SQLITE_OK);
	assert_int_equal(migrate_to(&old, 1, &err), 0);
	/* As the version 1 program wrote it: its tables only. */
	assert_int_equal(sqlite3_exec(old.db, "INSERT INTO story (uid, title, "
	    "action, created, updated) VALUES ('from-v1', 'From version one', "
	    "'I did it.', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'); "
	    "INSERT INTO story_principle VALUES (1, 'ownership', 0);", NULL,
	    NULL, NULL), SQLITE_OK);
	assert_int_equal(migrate_read_version(&old, &version, &app, &err), 0);
	assert_int_equal(version, 1);
	sqlite3_close(old.db);

	assert_int_equal(bank_open(&b2, p.s, BANK_WRITE, &err), 0);
	assert_int_equal(migrate_read_version(&b2, &version, &app, &err), 0);
	assert_int_equal(version, migrate_latest());
	assert_true(version >= 2);
	assert_int_equal(store_count(&b2, &n, &err), 0);
	assert_int_equal(n, 1);
	assert_int_equal(sqlite3_exec(b2.db, "SELECT count(*) FROM loop",
	    NULL, NULL, NULL), SQLITE_OK);
	/* The story reads whole from the upgraded bank, and writes back. */
	story_init(&s);
	assert_int_equal(store_load(&b2, 1, &s, &err), 0);
	assert_string_equal(s.title, "From version one");
	assert_int_equal(s.lint_off.n, 0);
	/* A story from before cards has none, and takes one. */
	assert_string_equal(s.card, "");
	story_set(&s.card, "Result: say it first");
	strlist_push(&s.lint_off, "team-credit");
	assert_int_equal(bank_begin(&b2, &err), 0);
	assert_int_equal(store_update(&b2, &s, s.version, &err), 0);
	assert_int_equal(bank_commit(&b2, &err), 0);
	story_release(&s);
	story_init(&s);
	assert_int_equal(store_load(&b2, 1, &s, &err), 0);
	assert_int_equal(s.lint_off.n, 1);
	assert_string_equal(s.card, "Result: say it first");
	story_release(&s);
	bank_close(&b2);
	buf_release(&err);
	buf_release(&p);
}

/* Schema 9 rebuilt the answer table: the drill history comes through. */
static void
test_upgrade_keeps_drill_answers(void **state)
{
	struct fixture *f = *state;
	struct buf err = BUF_INIT, p = BUF_INIT;
	struct bank old = { 0 }, b2;
	struct principle_history h;
	int version, app;

	buf_addf(&p, "%s/v8.db", f->dir);
	old.path = p.s;
	assert_int_equal(sqlite3_open(p.s, &old.db), SQLITE_OK);
	assert_int_equal(migrate_to(&old, 8, &err), 0);
	assert_int_equal(sqlite3_exec(old.db, "INSERT INTO answer (session, "
	    "question_id, principle, rating, seconds, over_time, at) VALUES "
	    "('s', 'own-q01', 'ownership', 3, 40, 0, 100), ('s', 'own-q02', "
	    "'ownership', 1, 130, 1, 200);", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(old.db);
	assert_int_equal(bank_open(&b2, p.s, BANK_WRITE, &err), 0);
	assert_int_equal(migrate_read_version(&b2, &version, &app, &err), 0);
	assert_int_equal(version, migrate_latest());
	assert_int_equal(answers_history(&b2, "ownership", &h, &err), 0);
	assert_int_equal(h.drilled, 2);
	assert_int_equal(h.last_rating, 1);
	assert_int_equal(h.named, 0);
	assert_true(h.avg_seconds > 84.9 && h.avg_seconds < 85.1);
	/* New answers follow the old ones. */
	{
		struct answer a = { .session = "t", .question = "own-q03",
			.principle = "ownership", .rating = 4, .recall = -1,
			.seconds = 10, .at = 300 };

		assert_int_equal(bank_begin(&b2, &err), 0);
		assert_int_equal(answers_add(&b2, &a, &err), 0);
		assert_int_equal(bank_commit(&b2, &err), 0);
	}
	assert_int_equal(answers_history(&b2, "ownership", &h, &err), 0);
	assert_int_equal(h.drilled, 3);
	assert_int_equal(h.last_rating, 4);
	bank_close(&b2);
	buf_release(&p);
	buf_release(&err);
}

static void
test_newer_and_foreign_banks_refused(void **state)
{
	struct fixture *f = *state;
	struct buf err = BUF_INIT, p = BUF_INIT;
	struct bank b2;
	sqlite3 *db;

	assert_int_equal(sqlite3_exec(f->b.db, "PRAGMA user_version=99", NULL,
	    NULL, NULL), SQLITE_OK);
	assert_int_equal(bank_open(&b2, f->path, BANK_WRITE, &err), -1);
	assert_non_null(strstr(err.s, "schema version 99 is newer"));

	buf_addf(&p, "%s/other.db", f->dir);
	assert_int_equal(sqlite3_open(p.s, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "CREATE TABLE t(x)", NULL, NULL,
	    NULL), SQLITE_OK);
	sqlite3_close(db);
	buf_reset(&err);
	assert_int_equal(bank_open(&b2, p.s, BANK_WRITE, &err), -1);
	assert_non_null(strstr(err.s, "not an lpcoach bank"));
	buf_release(&err);
	buf_release(&p);
}

static void
test_not_a_database_refused(void **state)
{
	struct fixture *f = *state;
	struct buf err = BUF_INIT, p = BUF_INIT;
	struct bank b2;
	FILE *fp;

	buf_addf(&p, "%s/text.db", f->dir);
	fp = fopen(p.s, "w");
	fputs("this is not a database, just text that is long enough to "
	    "fill a header of one hundred bytes, really, it is quite long\n",
	    fp);
	fclose(fp);
	assert_int_equal(bank_open(&b2, p.s, BANK_READ, &err), -1);
	assert_non_null(strstr(err.s, "not an lpcoach bank"));
	buf_release(&err);
	buf_release(&p);
}

static void
test_symlink_bank_refused(void **state)
{
	struct fixture *f = *state;
	struct buf err = BUF_INIT, p = BUF_INIT;
	struct bank b2;

	buf_addf(&p, "%s/link.db", f->dir);
	assert_int_equal(symlink(f->path, p.s), 0);
	assert_int_equal(bank_open(&b2, p.s, BANK_READ, &err), -1);
	assert_non_null(strstr(err.s, "symbolic link"));
	buf_release(&err);
	buf_release(&p);
}

static void
test_insert_load_and_uid(void **state)
{
	struct fixture *f = *state;
	struct buf err = BUF_INIT;
	struct story s;
	long long id = add(&f->b, "Cut p99 latency: ranking", "dive-deep");

	story_init(&s);
	assert_int_equal(store_load(&f->b, id, &s, &err), 0);
	assert_string_equal(s.title, "Cut p99 latency: ranking");
	assert_int_equal(strncmp(s.uid, "cut-p99-latency-ranking-", 24), 0);
	assert_int_equal(strlen(s.uid), 28);
	/* The fixed clock's second, with this process's stamp count. */
	assert_int_equal(strncmp(s.created, "2026-01-02T03:04:05.", 20), 0);
	assert_int_equal(strlen(s.created), 24);
	assert_int_equal(s.version, 1);
	assert_string_equal(s.principles.v[0], "dive-deep");
	assert_string_equal(s.section[SEC_RESULT], "Latency fell 40%.");
	assert_string_equal(s.section[SEC_TASK], "");
	story_release(&s);
	assert_int_equal(store_load(&f->b, 999, &s, &err), STORE_NOT_FOUND);
	buf_release(&err);
}

static void
test_resolve(void **state)
{
	struct fixture *f = *state;
	struct buf err = BUF_INIT;
	struct story s;
	long long a = add(&f->b, "Latency win", NULL);
	long long b = add(&f->b, "Latency loss", NULL);
	long long c = add(&f->b, "Hiring loop", NULL), id;

	story_init(&s);
	store_load(&f->b, b, &s, &err);
	assert_int_equal(store_resolve(&f->b, "3", &id, &err), STORE_FOUND);
	assert_int_equal(id, c);
	assert_int_equal(store_resolve(&f->b, s.uid, &id, &err), STORE_FOUND);
	assert_int_equal(id, b);
	assert_int_equal(store_resolve(&f->b, "latency w", &id, &err),
	    STORE_FOUND);
	assert_int_equal(id, a);
	buf_reset(&err);
	assert_int_equal(store_resolve(&f->b, "Latency", &id, &err),
	    STORE_AMBIGUOUS);
	assert_non_null(strstr(err.s, "matches 2 stories"));
	buf_reset(&err);
	assert_int_equal(store_resolve(&f->b, "nothing", &id, &err),
	    STORE_NOT_FOUND);
	assert_non_null(strstr(err.s, "no story 'nothing'"));
	/* LIKE wildcards in a prefix are plain characters. */
	assert_int_equal(store_resolve(&f->b, "%", &id, &err),
	    STORE_NOT_FOUND);
	story_release(&s);
	buf_release(&err);
}

static void
test_update_detects_conflict(void **state)
{
	struct fixture *f = *state;
	struct buf err = BUF_INIT;
	struct story first, second;
	long long id = add(&f->b, "Shared", "ownership");

	story_init(&first);
	story_init(&second);
	store_load(&f->b, id, &first, &err);
	store_load(&f->b, id, &second, &err);
	story_set(&first.title, "First edit");
	story_set(&second.title, "Second edit");
	assert_int_equal(bank_begin(&f->b, &err), 0);
	assert_int_equal(store_update(&f->b, &first, 1, &err), 0);
	assert_int_equal(bank_commit(&f->b, &err), 0);
	assert_int_equal(first.version, 2);
	assert_int_equal(bank_begin(&f->b, &err), 0);
	assert_int_equal(store_update(&f->b, &second, 1, &err), 1);
	bank_rollback(&f->b);
	assert_non_null(strstr(err.s, "changed"));
	story_release(&second);
	story_init(&second);
	store_load(&f->b, id, &second, &err);
	assert_string_equal(second.title, "First edit");
	story_release(&first);
	story_release(&second);
	buf_release(&err);
}

static void
test_list_filters_and_delete(void **state)
{
	struct fixture *f = *state;
	struct story_filter flt = { "frugality", NULL, NULL };
	struct buf err = BUF_INIT;
	struct story *v;
	size_t n;
	long count;
	long long a = add(&f->b, "A", "frugality");

	add(&f->b, "B", "ownership");
	add(&f->b, "C", "frugality");
	assert_int_equal(store_list(&f->b, &flt, &v, &n, &err), 0);
	assert_int_equal(n, 2);
	assert_string_equal(v[0].title, "A");
	assert_string_equal(v[1].title, "C");
	store_free_list(v, n);
	assert_int_equal(store_count_principle(&f->b, "frugality", &count,
	    &err), 0);
	assert_int_equal(count, 2);
	assert_int_equal(bank_begin(&f->b, &err), 0);
	assert_int_equal(store_delete(&f->b, a, &err), 0);
	assert_int_equal(bank_commit(&f->b, &err), 0);
	assert_int_equal(store_count_principle(&f->b, "frugality", &count,
	    &err), 0);
	assert_int_equal(count, 1);
	/* Ids are never reused, so a script's id never names another story. */
	assert_true(add(&f->b, "D", NULL) > a + 2);
	buf_release(&err);
}

static void
test_import_add_update_same(void **state)
{
	struct fixture *f = *state;
	struct buf err = BUF_INIT;
	enum import_action act;
	struct story s;

	make_story(&s, "Imported", "ownership");
	s.uid = xstrdup("imp-1");
	assert_int_equal(store_import_action(&f->b, &s, &act, &err), 0);
	assert_int_equal(act, IMPORT_ADD);
	assert_int_equal(bank_begin(&f->b, &err), 0);
	assert_int_equal(store_import(&f->b, &s, &act, &err), 0);
	assert_int_equal(act, IMPORT_ADD);
	assert_int_equal(store_import(&f->b, &s, &act, &err), 0);
	assert_int_equal(act, IMPORT_SAME);
	story_set(&s.section[SEC_TASK], "New task");
	assert_int_equal(store_import(&f->b, &s, &act, &err), 0);
	assert_int_equal(act, IMPORT_UPDATE);
	assert_int_equal(bank_commit(&f->b, &err), 0);
	story_release(&s);
	buf_release(&err);
}

static void
test_doctor_clean_bank(void **state)
{
	struct fixture *f = *state;
	struct strlist problems = STRLIST_INIT;
	struct buf err = BUF_INIT;

	add(&f->b, "A", "ownership");
	assert_int_equal(bank_doctor(&f->b, &problems, &err), 0);
	assert_int_equal(problems.n, 0);
	assert_int_equal(sqlite3_exec(f->b.db, "PRAGMA user_version=0", NULL,
	    NULL, NULL), SQLITE_OK);
	assert_int_equal(bank_doctor(&f->b, &problems, &err), 0);
	assert_int_equal(problems.n, 1);
	assert_non_null(strstr(problems.v[0], "schema version 0"));
	strlist_clear(&problems);
	buf_release(&err);
}

static void
test_scores_round_trip_and_cascade(void **state)
{
	struct fixture *f = *state;
	struct buf err = BUF_INIT;
	long long a = add(&f->b, "A", "ownership");
	long long b = add(&f->b, "B", "ownership");
	/* Digests use all 64 bits: the top one must survive SQLite. */
	struct score_row put[2] = {
		{ b, UINT64_C(0xfedcba9876543210), 55, 0 },
		{ a, UINT64_C(1), 95, 1 },
	};
	struct score_row *v;
	size_t n;

	assert_int_equal(scores_load(&f->b, &v, &n, &err), 0);
	assert_int_equal(n, 0);
	free(v);
	assert_int_equal(bank_begin(&f->b, &err), 0);
	assert_int_equal(scores_put(&f->b, put, 2, &err), 0);
	assert_int_equal(bank_commit(&f->b, &err), 0);
	assert_int_equal(scores_load(&f->b, &v, &n, &err), 0);
	assert_int_equal(n, 2);
	/* By story id, whatever the order they were put in. */
	assert_true(v[0].story == a && v[0].digest == 1 && v[0].score == 95 &&
	    v[0].ready == 1);
	assert_true(v[1].story == b && v[1].digest == put[0].digest &&
	    v[1].score == 55 && v[1].ready == 0);
	free(v);
	/* A second put replaces; deleting the story deletes its row. */
	put[1].score = 60;
	assert_int_equal(bank_begin(&f->b, &err), 0);
	assert_int_equal(scores_put(&f->b, &put[1], 1, &err), 0);
	assert_int_equal(store_delete(&f->b, b, &err), 0);
	assert_int_equal(bank_commit(&f->b, &err), 0);
	assert_int_equal(scores_load(&f->b, &v, &n, &err), 0);
	assert_int_equal(n, 1);
	assert_true(v[0].story == a && v[0].score == 60);
	free(v);
	/* A row for a story that does not exist is refused. */
	put[0].story = 999;
	assert_int_equal(bank_begin(&f->b, &err), 0);
	assert_int_equal(scores_put(&f->b, put, 1, &err), -1);
	assert_non_null(strstr(err.s, "lint scores"));
	bank_rollback(&f->b);
	buf_release(&err);
}

/* An sqlite3_exec() callback for a query that must return no row. */
static int
fail_row(void *arg, int n, char **v, char **names)
{
	(void)arg;
	(void)n;
	(void)v;
	(void)names;
	fail_msg("a row where none was expected");
	return 1;
}

/* Records an answer to question qid about story, rated rating. */
static void
answer(struct bank *b, const char *qid, long long story, int rating,
    int recall)
{
	struct answer a = { .session = "s1", .question = qid,
		.principle = "ownership", .rating = rating, .story = story,
		.recall = recall, .seconds = 30, .at = 1767323045 };
	struct buf err = BUF_INIT;

	assert_int_equal(bank_begin(b, &err), 0);
	assert_int_equal(answers_add(b, &a, &err), 0);
	assert_int_equal(bank_commit(b, &err), 0);
	buf_release(&err);
}

static void
test_answers_keep_the_story_told(void **state)
{
	struct fixture *f = *state;
	struct buf err = BUF_INIT;
	long long a = add(&f->b, "A", "ownership");
	long long b = add(&f->b, "B", "ownership");
	struct principle_history h;
	long long *ids;
	long *good;
	size_t n;

	answer(&f->b, "own-q01", a, 3, 1);
	answer(&f->b, "own-q01", b, 4, 0);
	answer(&f->b, "own-q01", b, 3, -1);
	answer(&f->b, "own-q01", a, 2, -1);	/* hard: no evidence */
	answer(&f->b, "own-q02", a, 4, -1);	/* another question */
	answer(&f->b, "own-q01", 0, 4, 0);	/* no story named */
	/* A story removed since it was named is recorded as unknown. */
	answer(&f->b, "own-q01", 999, 4, -1);
	assert_int_equal(answers_good_for(&f->b, "own-q01", &ids, &good, &n,
	    &err), 0);
	assert_int_equal(n, 2);
	assert_true(ids[0] == b && good[0] == 2);
	assert_true(ids[1] == a && good[1] == 1);
	free(ids);
	free(good);
	assert_int_equal(answers_history(&f->b, "ownership", &h, &err), 0);
	assert_int_equal(h.drilled, 7);
	assert_int_equal(h.named, 3);
	assert_int_equal(h.named_fit, 1);
	/* rm of a story drops the pairs, never the ratings. */
	assert_int_equal(bank_begin(&f->b, &err), 0);
	assert_int_equal(store_delete(&f->b, b, &err), 0);
	assert_int_equal(bank_commit(&f->b, &err), 0);
	assert_int_equal(answers_good_for(&f->b, "own-q01", &ids, &good, &n,
	    &err), 0);
	assert_int_equal(n, 1);
	assert_true(ids[0] == a && good[0] == 1);
	free(ids);
	free(good);
	assert_int_equal(answers_history(&f->b, "ownership", &h, &err), 0);
	assert_int_equal(h.drilled, 7);
	buf_release(&err);
}

static void
test_attempts_trend_and_forget(void **state)
{
	struct fixture *f = *state;
	struct buf err = BUF_INIT;
	long long a = add(&f->b, "A", "ownership");
	struct spoken heard = { .seconds = 95, .first_word = 0.5,
		.speaking = 80, .pauses = 3, .longest_pause = 2.5,
		.recognised = 1, .words = 200, .fillers = 4, .wpm = 150,
		.share = 0.6, .band = "mostly I", .figures = 3,
		.figures_said = 2, .transcript = "i cut it by forty percent" };
	struct spoken plain = { .seconds = 80, .first_word = -1, .pauses = 1 };
	struct answer spoken_only = { .session = "speak", .story = a,
		.recall = -1, .seconds = 95, .at = 100, .spoken = &heard };
	struct answer drilled = { .session = "drill", .question = "own-q01",
		.principle = "ownership", .rating = 3, .story = a, .recall = -1,
		.seconds = 80, .at = 200, .spoken = &plain };
	struct attempt *v;
	struct principle_history h;
	size_t n;

	assert_int_equal(bank_begin(&f->b, &err), 0);
	assert_int_equal(answers_add(&f->b, &drilled, &err), 0);
	assert_int_equal(answers_add(&f->b, &spoken_only, &err), 0);
	assert_int_equal(bank_commit(&f->b, &err), 0);
	assert_int_equal(answers_attempts(&f->b, a, &v, &n, &err), 0);
	assert_int_equal(n, 2);
	/* Oldest first, each as measured. */
	assert_true(v[0].at == 100 && v[0].question == NULL &&
	    v[0].rating == 0 && v[0].sp.recognised && v[0].sp.wpm == 150 &&
	    v[0].sp.figures_said == 2 && v[0].sp.pauses == 3);
	assert_string_equal(v[0].sp.band, "mostly I");
	assert_true(v[1].at == 200 && v[1].rating == 3 &&
	    !v[1].sp.recognised && v[1].sp.first_word < 0);
	assert_string_equal(v[1].question, "own-q01");
	attempts_free(v, n);
	/* A spoken attempt is no drill answer. */
	assert_int_equal(answers_history(&f->b, "ownership", &h, &err), 0);
	assert_int_equal(h.drilled, 1);
	/* rm: the attempt goes, the rating stays without its story. */
	assert_int_equal(bank_begin(&f->b, &err), 0);
	assert_int_equal(store_delete(&f->b, a, &err), 0);
	assert_int_equal(bank_commit(&f->b, &err), 0);
	assert_int_equal(answers_attempts(&f->b, a, &v, &n, &err), 0);
	assert_int_equal(n, 0);
	free(v);
	assert_int_equal(answers_history(&f->b, "ownership", &h, &err), 0);
	assert_int_equal(h.drilled, 1);
	assert_int_equal(sqlite3_exec(f->b.db, "SELECT 1 FROM answer WHERE "
	    "spoken_transcript IS NOT NULL OR story_id IS NOT NULL", fail_row,
	    NULL, NULL), SQLITE_OK);
	buf_release(&err);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
		T(test_new_bank_is_versioned_and_private),
		T(test_reopen_is_idempotent),
		T(test_upgrade_from_version_1_keeps_stories),
		T(test_upgrade_keeps_drill_answers),
		T(test_newer_and_foreign_banks_refused),
		T(test_not_a_database_refused),
		T(test_symlink_bank_refused),
		T(test_insert_load_and_uid),
		T(test_resolve),
		T(test_update_detects_conflict),
		T(test_list_filters_and_delete),
		T(test_import_add_update_same),
		T(test_doctor_clean_bank),
		T(test_scores_round_trip_and_cascade),
		T(test_answers_keep_the_story_told),
		T(test_attempts_trend_and_forget),
#undef T
	};
	umask(077);
	return cmocka_run_group_tests_name("store", tests, NULL, NULL);
}

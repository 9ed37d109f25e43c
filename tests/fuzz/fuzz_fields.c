/*
 * Any bytes in a stored story's fields: written into a real bank with raw
 * SQL (as disk damage, a sqlite3 edit or someone else's bank would), then
 * read back.  A story whose bytes are all valid UTF-8 goes through
 * story_to_markdown (libyaml), story_to_json (jansson) and lint; any other
 * is refused as damaged, by id, and never reaches them, while the walk
 * over the bank passes over it.
 *
 * The input is split at 0x1F into uid, title, project, the five sections,
 * created, updated and one tag.
 */
#include <string.h>
#include <unistd.h>

#include "base/utf8.h"
#include "rubrics/linter.h"
#include "stories/render.h"
#include "stories/store.h"
#include "tests/fuzz/fuzz.h"

#define NFIELDS 11

static struct bank bank;
static struct linter linter;
static char dir[64];
static long long id;

static void
cleanup(void)
{
	char path[96];

	bank_close(&bank);
	linter_close(&linter);
	snprintf(path, sizeof(path), "%s/bank.db", dir);
	unlink(path);
	snprintf(path, sizeof(path), "%s/bank.db-wal", dir);
	unlink(path);
	snprintf(path, sizeof(path), "%s/bank.db-shm", dir);
	unlink(path);
	rmdir(dir);
}

static void
setup(void)
{
	struct buf err = BUF_INIT;
	struct story s;
	char path[96];
	const char *tmp = getenv("TMPDIR");

	snprintf(dir, sizeof(dir), "%s/fuzz-fields.XXXXXX", tmp ? tmp : "/tmp");
	if (strlen(dir) > 40 || mkdtemp(dir) == NULL)
		snprintf(dir, sizeof(dir), "/tmp/fuzz-fields.XXXXXX");
	if (dir[0] == '\0' || (access(dir, F_OK) != 0 && mkdtemp(dir) == NULL))
		abort();
	snprintf(path, sizeof(path), "%s/bank.db", dir);
	story_init(&s);
	s.title = strdup("seed");
	story_set(&s.section[SEC_ACTION], "I did it.");
	strlist_push(&s.tags, "t");
	if (bank_open(&bank, path, BANK_WRITE, &err) < 0 ||
	    store_insert(&bank, &s, &err) < 0 ||
	    linter_open(&linter, NULL, &err) < 0) {
		fprintf(stderr, "%s", err.s);
		abort();
	}
	sqlite3_exec(bank.db, "PRAGMA synchronous=OFF", NULL, NULL, NULL);
	id = s.id;
	story_release(&s);
	buf_release(&err);
	atexit(cleanup);
}

/* Sets the fields with raw bytes; 1 when every one is sound. */
static int
store_fields(const char *field[], const size_t len[])
{
	sqlite3_stmt *st;
	int i, sound = 1;

	FUZZ_ASSERT(sqlite3_prepare_v2(bank.db, "UPDATE story SET uid = ?1, "
	    "title = ?2, project = ?3, situation = ?4, task = ?5, action = ?6, "
	    "result = ?7, reflection = ?8, created = ?9, updated = ?10 "
	    "WHERE id = ?12", -1, &st, NULL) == SQLITE_OK);
	for (i = 0; i < NFIELDS - 1; i++)
		sqlite3_bind_text(st, i + 1, field[i], (int)len[i],
		    SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 12, id);
	FUZZ_ASSERT(sqlite3_step(st) == SQLITE_DONE);
	sqlite3_finalize(st);
	FUZZ_ASSERT(sqlite3_prepare_v2(bank.db, "UPDATE story_tag SET tag = ?1 "
	    "WHERE story_id = ?2", -1, &st, NULL) == SQLITE_OK);
	sqlite3_bind_text(st, 1, field[NFIELDS - 1], (int)len[NFIELDS - 1],
	    SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, id);
	FUZZ_ASSERT(sqlite3_step(st) == SQLITE_DONE);
	sqlite3_finalize(st);
	for (i = 0; i < NFIELDS; i++)
		if (utf8_check(field[i], len[i], NULL) >= 0)
			sound = 0;
	return sound;
}

static int
count(struct story *s, void *ctx)
{
	(void)s;
	++*(int *)ctx;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *field[NFIELDS], *p = (const char *)data, *end = p + size;
	size_t len[NFIELDS];
	struct strlist damaged = STRLIST_INIT;
	struct buf err = BUF_INIT, md = BUF_INIT;
	struct lint_result res;
	struct story s;
	json_t *j;
	int i, sound, rc, seen = 0;

	if (id == 0)
		setup();
	if (size > 65536)
		return 0;
	for (i = 0; i < NFIELDS; i++) {
		const char *q = p < end ? memchr(p, 0x1f, (size_t)(end - p)) :
		    NULL;

		field[i] = p < end ? p : "";
		len[i] = p < end ? (size_t)((q ? q : end) - p) : 0;
		p = q ? q + 1 : end;
	}
	sound = store_fields(field, len);
	story_init(&s);
	rc = store_load(&bank, id, &s, &err);
	if (!sound) {
		FUZZ_ASSERT(rc == BANK_DAMAGED);
		FUZZ_ASSERT(strstr(err.s, "is damaged: invalid UTF-8") != NULL);
		FUZZ_ASSERT(s.title == NULL);
	} else {
		FUZZ_ASSERT(rc == 0);
		FUZZ_ASSERT(story_to_markdown(&s, &md, &err) == 0 ||
		    err.len > 0);
		j = story_to_json(&s, 150, 1);
		FUZZ_ASSERT(j != NULL);
		json_decref(j);
		if (linter_lint(&linter, &s, 1, 150, "fuzz", &res, &err) == 0)
			FUZZ_ASSERT(res.score >= 0 && res.score <= 100);
		lint_result_release(&res);
	}
	/* The walk passes over the damaged story and reports it once. */
	bank.damaged = &damaged;
	FUZZ_ASSERT(store_foreach(&bank, NULL, count, &seen, &err) == 0);
	FUZZ_ASSERT(seen == (sound ? 1 : 0));
	FUZZ_ASSERT(damaged.n == (sound ? 0u : 1u));
	bank.damaged = NULL;
	strlist_clear(&damaged);
	story_release(&s);
	buf_release(&err);
	buf_release(&md);
	return 0;
}

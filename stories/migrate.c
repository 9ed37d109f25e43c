#include "stories/migrate.h"

#include <stdio.h>

static const char *const steps[] = {
	/* 1: stories, their principles and their tags. */
	"CREATE TABLE story ("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  uid TEXT NOT NULL UNIQUE,"
	"  title TEXT NOT NULL,"
	"  project TEXT,"
	"  situation TEXT NOT NULL DEFAULT '',"
	"  task TEXT NOT NULL DEFAULT '',"
	"  action TEXT NOT NULL DEFAULT '',"
	"  result TEXT NOT NULL DEFAULT '',"
	"  reflection TEXT NOT NULL DEFAULT '',"
	"  created TEXT NOT NULL,"
	"  updated TEXT NOT NULL,"
	"  version INTEGER NOT NULL DEFAULT 1"
	");"
	"CREATE TABLE story_principle ("
	"  story_id INTEGER NOT NULL REFERENCES story(id) ON DELETE CASCADE,"
	"  slug TEXT NOT NULL,"
	"  pos INTEGER NOT NULL,"
	"  PRIMARY KEY (story_id, slug)"
	");"
	"CREATE INDEX story_principle_slug ON story_principle(slug);"
	"CREATE TABLE story_tag ("
	"  story_id INTEGER NOT NULL REFERENCES story(id) ON DELETE CASCADE,"
	"  tag TEXT NOT NULL,"
	"  pos INTEGER NOT NULL,"
	"  PRIMARY KEY (story_id, tag)"
	");"
	"CREATE INDEX story_tag_tag ON story_tag(tag);",

	/*
	 * 2: interview loops, their rounds and (round, principle) slots with
	 * pins and the saved plan, and the ledger of stories actually told.
	 * The ledger keeps the company and loop by name, so that it outlives
	 * the loop: the same company's interviewers compare notes.
	 */
	"CREATE TABLE loop ("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  name TEXT NOT NULL UNIQUE,"
	"  company TEXT,"
	"  date TEXT,"
	"  template TEXT NOT NULL,"
	"  created TEXT NOT NULL,"
	"  planned TEXT"
	");"
	"CREATE TABLE round ("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  loop_id INTEGER NOT NULL REFERENCES loop(id) ON DELETE CASCADE,"
	"  name TEXT NOT NULL,"
	"  pos INTEGER NOT NULL,"
	"  UNIQUE (loop_id, name)"
	");"
	"CREATE TABLE slot ("
	"  round_id INTEGER NOT NULL REFERENCES round(id) ON DELETE CASCADE,"
	"  slug TEXT NOT NULL,"
	"  pos INTEGER NOT NULL,"
	"  pinned INTEGER REFERENCES story(id) ON DELETE SET NULL,"
	"  story_id INTEGER REFERENCES story(id) ON DELETE SET NULL,"
	"  backup_id INTEGER REFERENCES story(id) ON DELETE SET NULL,"
	"  PRIMARY KEY (round_id, slug)"
	");"
	"CREATE TABLE told ("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  company TEXT,"
	"  loop TEXT NOT NULL,"
	"  round TEXT NOT NULL,"
	"  story_id INTEGER NOT NULL REFERENCES story(id) ON DELETE CASCADE,"
	"  date TEXT NOT NULL"
	");"
	"CREATE INDEX told_company ON told(company);",

	/*
	 * 3: drills.  A card is a question's spaced-repetition state; an
	 * answer is one answered question, written in the same transaction
	 * as its card, so a killed drill loses at most the question asked.
	 */
	"CREATE TABLE card ("
	"  question_id TEXT PRIMARY KEY,"
	"  stability REAL NOT NULL,"
	"  difficulty REAL NOT NULL,"
	"  due INTEGER NOT NULL,"
	"  last_review INTEGER NOT NULL,"
	"  reps INTEGER NOT NULL,"
	"  lapses INTEGER NOT NULL"
	");"
	"CREATE TABLE answer ("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  session TEXT NOT NULL,"
	"  question_id TEXT NOT NULL,"
	"  principle TEXT NOT NULL,"
	"  rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),"
	"  seconds REAL NOT NULL,"
	"  over_time INTEGER NOT NULL,"
	"  at INTEGER NOT NULL,"
	"  loop TEXT,"
	"  round TEXT"
	");"
	"CREATE INDEX answer_principle ON answer(principle, at);",
	/*
	 * 4: a cache of lint scores (stories/scores.h), so that commands
	 * which score the whole bank do not lint every story every time.
	 */
	"CREATE TABLE lint_score ("
	"  story_id INTEGER PRIMARY KEY REFERENCES story(id) ON DELETE CASCADE,"
	"  digest INTEGER NOT NULL,"
	"  score INTEGER NOT NULL,"
	"  ready INTEGER NOT NULL"
	");",
	/*
	 * 5: the rules a story's front matter turns off ('lint: {disable:
	 * [...]}'); the comments that turn rules off live in the text.
	 */
	"CREATE TABLE story_lint_off ("
	"  story_id INTEGER NOT NULL REFERENCES story(id) ON DELETE CASCADE,"
	"  rule TEXT NOT NULL,"
	"  pos INTEGER NOT NULL,"
	"  PRIMARY KEY (story_id, rule)"
	");",
	/*
	 * 6: the full-text index of the stories' text for 'match'
	 * (stories/fts.h).  External content: the text is read from story,
	 * never copied, so deleting the index loses nothing.  fts_state says
	 * which stories (and versions) it was last built from, and holds a
	 * hash of the index's bytes as built.
	 */
	"CREATE VIRTUAL TABLE story_fts USING fts5(title, situation, task, "
	"  action, result, reflection, content='story', content_rowid='id', "
	"  tokenize='porter unicode61');"
	"CREATE TABLE fts_state ("
	"  k INTEGER PRIMARY KEY CHECK (k = 1),"
	"  revision INTEGER NOT NULL,"
	"  n INTEGER NOT NULL,"
	"  digest REAL NOT NULL,"
	"  blocks INTEGER NOT NULL"
	");",
	/*
	 * 7: a story's primary principle (front matter 'primary:'), a slug
	 * of its principles, or NULL.
	 */
	"ALTER TABLE story ADD COLUMN primary_slug TEXT;",
	/*
	 * 8: the candidate's own cue card, the story file's '## Card'
	 * section ('' when none): not a STAR section, so not indexed.
	 */
	"ALTER TABLE story ADD COLUMN card TEXT NOT NULL DEFAULT '';",
	/*
	 * 9: the answer record, rebuilt to say who answered what with which
	 * story, and how it was said.  story_id is the story told (named
	 * under drill --recall, the planned one the candidate said they told,
	 * or the story a spoken attempt was for), NULL when unknown or when
	 * that story was removed: a rating stays the principle's drill
	 * history, the pair goes (stories/store_write.c removes a removed
	 * story's spoken attempts and transcripts).  recall: 1 when the named
	 * story fit the question, 0 when it did not, NULL when nothing was
	 * named.  rater: who gave the rating, the candidate or a practice
	 * partner (source: the digest of the partner's file, so that a file
	 * imported twice counts once).  A spoken attempt ('lpcoach speak')
	 * has no question, principle or rating; its delivery and content
	 * measures are the spoken_* columns, NULL for an answer not recorded.
	 */
	"CREATE TABLE answer_v9 ("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  session TEXT NOT NULL,"
	"  question_id TEXT,"
	"  principle TEXT,"
	"  rating INTEGER CHECK (rating BETWEEN 1 AND 4),"
	"  seconds REAL NOT NULL,"
	"  over_time INTEGER NOT NULL,"
	"  at INTEGER NOT NULL,"
	"  loop TEXT,"
	"  round TEXT,"
	"  story_id INTEGER REFERENCES story(id) ON DELETE SET NULL,"
	"  recall INTEGER CHECK (recall IN (0, 1)),"
	"  rater TEXT NOT NULL DEFAULT 'self' CHECK (rater IN ('self', "
	"    'partner')),"
	"  source TEXT,"
	"  spoken_seconds REAL,"
	"  spoken_first_word REAL,"
	"  spoken_speaking REAL,"
	"  spoken_pauses INTEGER,"
	"  spoken_longest_pause REAL,"
	"  spoken_words INTEGER,"
	"  spoken_wpm REAL,"
	"  spoken_fillers INTEGER,"
	"  spoken_band TEXT,"
	"  spoken_figures INTEGER,"
	"  spoken_figures_said INTEGER,"
	"  spoken_share REAL,"
	"  spoken_transcript TEXT,"
	"  spoken_audio TEXT,"
	"  CHECK (question_id IS NOT NULL OR spoken_seconds IS NOT NULL)"
	");"
	"INSERT INTO answer_v9 (id, session, question_id, principle, rating, "
	"  seconds, over_time, at, loop, round) SELECT id, session, "
	"  question_id, principle, rating, seconds, over_time, at, loop, round "
	"  FROM answer;"
	"DROP TABLE answer;"
	"ALTER TABLE answer_v9 RENAME TO answer;"
	"CREATE INDEX answer_principle ON answer(principle, at);"
	"CREATE INDEX answer_question ON answer(question_id, story_id);"
	"CREATE INDEX answer_story ON answer(story_id, at);"
	"CREATE UNIQUE INDEX answer_source ON answer(source, question_id) "
	"  WHERE source IS NOT NULL;",
	/*
	 * 10: a practice partner's note on an answer ('lpcoach partner
	 * import'), as the partner wrote it, or NULL.
	 */
	"ALTER TABLE answer ADD COLUMN note TEXT;",
};

int
migrate_latest(void)
{
	return (int)(sizeof(steps) / sizeof(steps[0]));
}

static int
pragma_int(struct bank *b, const char *sql, int *out, struct buf *err)
{
	sqlite3_stmt *st = bank_prepare(b, sql, err);
	int rc;

	if (st == NULL)
		return -1;
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		return bank_sql_error(b, "cannot read the schema version", err);
	}
	*out = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return 0;
}

int
migrate_read_version(struct bank *b, int *version, int *app_id,
    struct buf *err)
{
	if (pragma_int(b, "PRAGMA user_version", version, err) < 0 ||
	    pragma_int(b, "PRAGMA application_id", app_id, err) < 0)
		return -1;
	return 0;
}

static int
table_count(struct bank *b, int *n, struct buf *err)
{
	return pragma_int(b, "SELECT count(*) FROM sqlite_schema", n, err);
}

int
migrate(struct bank *b, struct buf *err)
{
	return migrate_to(b, migrate_latest(), err);
}

int
migrate_check_only(struct bank *b, struct buf *err)
{
	int version, app_id;

	if (migrate_read_version(b, &version, &app_id, err) < 0)
		return -1;
	if (app_id != BANK_APPLICATION_ID) {
		buf_addf(err, "%s: not an lpcoach bank\n", b->path);
		return -1;
	}
	if (version != migrate_latest()) {
		buf_addf(err, "%s: bank schema version %d, this lpcoach needs %d "
		    "and cannot upgrade a read-only bank\n", b->path, version,
		    migrate_latest());
		return -1;
	}
	return 0;
}

int
migrate_check_owner(struct bank *b, int *version, struct buf *err)
{
	int app_id, tables;

	if (migrate_read_version(b, version, &app_id, err) < 0)
		return -1;
	if (app_id != BANK_APPLICATION_ID) {
		if (table_count(b, &tables, err) < 0)
			return -1;
		if (app_id != 0 || *version != 0 || tables != 0) {
			buf_addf(err, "%s: not an lpcoach bank (it is a SQLite "
			    "database of another program)\n", b->path);
			return -1;
		}
	}
	if (*version > migrate_latest()) {
		buf_addf(err, "%s: bank schema version %d is newer than this "
		    "lpcoach understands (%d): upgrade lpcoach\n", b->path,
		    *version, migrate_latest());
		return -1;
	}
	return 0;
}

int
migrate_to(struct bank *b, int target, struct buf *err)
{
	int version, v;
	char sql[96];

	if (migrate_check_owner(b, &version, err) < 0)
		return -1;
	for (v = version; v < target; v++) {
		if (bank_begin(b, err) < 0)
			return -1;
		/* Another process may have migrated while we waited. */
		if (pragma_int(b, "PRAGMA user_version", &version, err) < 0) {
			bank_rollback(b);
			return -1;
		}
		if (version > v) {
			bank_rollback(b);
			v = version - 1;
			continue;
		}
		snprintf(sql, sizeof(sql), "PRAGMA application_id=%d; "
		    "PRAGMA user_version=%d", BANK_APPLICATION_ID, v + 1);
		if (sqlite3_exec(b->db, steps[v], NULL, NULL, NULL) != SQLITE_OK
		    || sqlite3_exec(b->db, sql, NULL, NULL, NULL) != SQLITE_OK) {
			bank_sql_error(b, "cannot upgrade the schema", err);
			bank_rollback(b);
			return -1;
		}
		if (bank_commit(b, err) < 0)
			return -1;
	}
	return 0;
}

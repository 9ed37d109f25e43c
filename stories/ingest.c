#include "stories/ingest.h"

#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "stories/principle.h"
#include "stories/parse.h"
#include "stories/render.h"
#include "stories/uid_file.h"
#include "base/xalloc.h"

static struct story *
push(struct ingest *in, const char *from)
{
	size_t a = in->alloc, a2 = in->alloc;

	in->v = xgrow(in->v, &in->alloc, in->n + 1, sizeof(*in->v));
	in->from = xgrow(in->from, &a, in->n + 1, sizeof(*in->from));
	in->file = xgrow(in->file, &a2, in->n + 1, sizeof(*in->file));
	story_init(&in->v[in->n]);
	in->from[in->n] = xstrdup(from);
	in->file[in->n] = NULL;
	return &in->v[in->n++];
}

static void
pop(struct ingest *in)
{
	in->n--;
	story_release(&in->v[in->n]);
	free(in->from[in->n]);
	free(in->file[in->n]);
}

static int
ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/*
 * A story from JSON must survive export as a story file: a section holding
 * a line such as "## Result" would otherwise come back split.
 */
static int
check_markdown_round_trip(const struct story *s, const char *where,
    struct buf *err)
{
	struct buf md = BUF_INIT, perr = BUF_INIT;
	struct story back;
	int rc = -1;

	story_init(&back);
	if (story_to_markdown(s, &md, err) == 0 &&
	    story_parse(md.s, md.len, where, &back, &perr) == 0 &&
	    principle_canon_story(&back, where, &perr) == 0 &&
	    story_same_content(s, &back))
		rc = 0;
	else
		buf_addf(err, "%s: this story would not survive export as a "
		    "story file (does a section hold a line like '## Result', "
		    "or text with leading blank lines?)\n", where);
	story_release(&back);
	buf_release(&md);
	buf_release(&perr);
	return rc;
}

static int
ingest_json(struct ingest *in, const char *name, const char *data,
    size_t len, struct buf *err)
{
	json_error_t jerr;
	json_t *root, *item;
	size_t i;
	int rc = 0;
	struct buf where = BUF_INIT;

	root = json_loadb(data, len, JSON_REJECT_DUPLICATES, &jerr);
	if (root == NULL) {
		buf_addf(err, "%s:%d:%d: malformed JSON: %s\n", name,
		    jerr.line, jerr.column, jerr.text);
		return -1;
	}
	if (json_is_object(root)) {
		json_t *wrap = json_array();

		json_array_append(wrap, root);
		json_decref(root);
		root = wrap;
	}
	if (!json_is_array(root)) {
		buf_addf(err, "%s: expected an array of stories\n", name);
		json_decref(root);
		return -1;
	}
	json_array_foreach(root, i, item) {
		struct story *s;

		buf_reset(&where);
		buf_addf(&where, "%s: story %zu", name, i + 1);
		s = push(in, where.s);
		if (story_from_json(item, where.s, s, err) < 0) {
			pop(in);
			rc = -1;
			continue;
		}
		if (principle_canon_story(s, where.s, err) < 0 ||
		    check_markdown_round_trip(s, where.s, err) < 0) {
			pop(in);
			rc = -1;
		}
	}
	buf_release(&where);
	json_decref(root);
	return rc;
}

static int
ingest_file(struct ingest *in, const char *path, struct buf *err)
{
	const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
	char *data;
	size_t len;
	int rc, json;

	in->files++;
	if (read_whole_file(path, &data, &len, err) < 0)
		return -1;
	json = ends_with(path, ".json");
	if (strcmp(path, "-") == 0)
		json = data[strspn(data, " \t\r\n")] == '[' ||
		    data[strspn(data, " \t\r\n")] == '{';
	rc = ingest_data(in, name, data, len, json, err);
	/* Only a file named by its path can be given its uid. */
	if (rc == 0 && !json && strcmp(path, "-") != 0 &&
	    in->v[in->n - 1].uid == NULL)
		in->file[in->n - 1] = xstrdup(path);
	free(data);
	return rc;
}

int
ingest_data(struct ingest *in, const char *name, const char *data,
    size_t len, int json, struct buf *err)
{
	struct story *s;
	int rc;

	if (json) {
		rc = story_check_bytes(data, len, name, err);
		return rc == 0 ? ingest_json(in, name, data, len, err) : rc;
	}
	s = push(in, name);
	rc = story_parse(data, len, name, s, err);
	if (rc == 0)
		rc = principle_canon_story(s, name, err);
	if (rc < 0)
		pop(in);
	return rc;
}

/*
 * True when the directory entry at path, of lstat() result *st, is a
 * regular file or a symbolic link to one; else warns that it is skipped.
 */
static int
regular_entry(struct ingest *in, const char *path, const struct stat *st)
{
	struct stat target;

	if (S_ISREG(st->st_mode))
		return 1;
	if (S_ISLNK(st->st_mode) && stat(path, &target) == 0) {
		if (S_ISREG(target.st_mode))
			return 1;
		buf_addf(&in->warn, "%s: warning: a symbolic link to %s, not a "
		    "regular file: skipped\n", path, file_kind(target.st_mode));
		return 0;
	}
	buf_addf(&in->warn, "%s: warning: %s, not a regular file: skipped\n",
	    path, S_ISLNK(st->st_mode) ? "a dangling symbolic link" :
	    file_kind(st->st_mode));
	return 0;
}

static int
ingest_dir(struct ingest *in, const char *dir, struct buf *err)
{
	struct strlist names = STRLIST_INIT;
	size_t i;
	int rc = 0;

	if (dir_names(dir, NULL, &names, err) < 0)
		return -1;
	for (i = 0; i < names.n; i++) {
		struct buf path = BUF_INIT;
		struct stat st;
		int have;

		buf_addf(&path, "%s%s%s", dir,
		    ends_with(dir, "/") ? "" : "/", names.v[i]);
		have = lstat(path.s, &st) == 0;
		if (have && S_ISDIR(st.st_mode)) {
			if (ingest_dir(in, path.s, err) < 0)
				rc = -1;
		} else if ((ends_with(names.v[i], ".md") ||
		    ends_with(names.v[i], ".json")) &&
		    (!have || regular_entry(in, path.s, &st))) {
			/* One that vanished is ingest_file()'s to report. */
			if (ingest_file(in, path.s, err) < 0) {
				in->bad++;
				rc = -1;
			}
		}
		buf_release(&path);
	}
	strlist_clear(&names);
	return rc;
}

/* qsort() order of story indices: by uid, then by position. */
static const struct story *sort_v;

static int
by_uid(const void *a, const void *b)
{
	size_t i = *(const size_t *)a, j = *(const size_t *)b;
	int c = strcmp(sort_v[i].uid, sort_v[j].uid);

	return c ? c : (i > j) - (i < j);
}

/*
 * Two stories with one uid in one batch: the second would overwrite.
 * Sorted, not compared pair by pair: 100,000 files took minutes so.
 * Each later story is named with the first that has its uid, in order.
 */
static int
check_duplicate_uids(struct ingest *in, struct buf *err)
{
	size_t *order = xcalloc(in->n + 1, sizeof(*order));
	size_t *first = xcalloc(in->n + 1, sizeof(*first));
	size_t i, n = 0, k;
	int rc = 0;

	for (i = 0; i < in->n; i++) {
		first[i] = i;
		if (in->v[i].uid)
			order[n++] = i;
	}
	sort_v = in->v;
	qsort(order, n, sizeof(*order), by_uid);
	for (k = 1; k < n; k++)
		if (strcmp(in->v[order[k]].uid, in->v[order[k - 1]].uid) == 0)
			first[order[k]] = first[order[k - 1]];
	for (i = 0; i < in->n; i++)
		if (first[i] != i) {
			buf_addf(err, "%s: uid '%s' is also used by %s\n",
			    in->from[i], in->v[i].uid, in->from[first[i]]);
			rc = -1;
		}
	free(order);
	free(first);
	return rc;
}

int
ingest_paths(struct ingest *in, char **paths, int npaths, struct buf *err)
{
	struct stat st;
	int i, rc = 0;

	for (i = 0; i < npaths; i++) {
		if (strcmp(paths[i], "-") != 0 && stat(paths[i], &st) == 0 &&
		    S_ISDIR(st.st_mode)) {
			if (ingest_dir(in, paths[i], err) < 0)
				rc = -1;
		} else if (ingest_file(in, paths[i], err) < 0) {
			in->bad++;
			rc = -1;
		}
	}
	if (check_duplicate_uids(in, err) < 0)
		rc = -1;
	return rc;
}

void
ingest_release(struct ingest *in)
{
	while (in->n)
		pop(in);
	free(in->v);
	free(in->from);
	free(in->file);
	buf_release(&in->warn);
	memset(in, 0, sizeof(*in));
	buf_init(&in->warn);
}

void
ingest_write_uids(const struct ingest *in, struct buf *warn)
{
	size_t i;

	for (i = 0; i < in->n; i++)
		if (in->file[i] && in->v[i].uid)
			(void)story_file_write_uid(in->file[i], &in->v[i],
			    warn);
}

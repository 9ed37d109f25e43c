/* Writing a uid back into a story file: see stories/uid_file.h. */
#include "stories/uid_file.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/atomic.h"
#include "base/xalloc.h"
#include "stories/parse.h"
#include "stories/principle.h"

/*
 * 1 when data[0..len) parses as a story with s's content, its uid being
 * uid (NULL: none).
 */
static int
says(const char *data, size_t len, const char *path, const char *uid,
    const struct story *s)
{
	struct buf err = BUF_INIT;
	struct story t;
	int same = 0;

	story_init(&t);
	if (story_parse(data, len, path, &t, &err) == 0 &&
	    principle_canon_story(&t, path, &err) == 0 &&
	    (t.uid == NULL) == (uid == NULL) &&
	    (uid == NULL || strcmp(t.uid, uid) == 0)) {
		story_set(&t.uid, s->uid);
		same = story_same_content(&t, s);
	}
	story_release(&t);
	buf_release(&err);
	return same;
}

/*
 * The new text: data with "uid: UID" and the first line's own line end
 * after that first line (the "---" fence, after any byte order mark).
 * NULL when the first line has no line end.
 */
static char *
with_uid(const char *data, size_t len, const char *uid, size_t *outlen)
{
	struct buf b = BUF_INIT;
	size_t at = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	size_t n;

	n = strcspn(data + at, "\r\n");
	if (at + n >= len)
		return NULL;
	at += n;
	/* The line end: CRLF, LF or a lone CR, as the file has it. */
	n = data[at] == '\r' && at + 1 < len && data[at + 1] == '\n' ? 2 : 1;
	buf_add(&b, data, at + n);
	buf_addf(&b, "uid: %s", uid);
	buf_add(&b, data + at, n);
	buf_add(&b, data + at + n, len - at - n);
	*outlen = b.len;
	return buf_detach(&b);
}

/* The directory and plain name of path, both new strings. */
static void
split(const char *path, char **dir, char **name)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL) {
		*dir = xstrdup(".");
		*name = xstrdup(path);
	} else {
		*dir = slash == path ? xstrdup("/") :
		    xstrndup(path, (size_t)(slash - path));
		*name = xstrdup(slash + 1);
	}
}

/* Why path may not be rewritten, or NULL when it may. */
static const char *
refusal(const char *path, struct stat *st)
{
	if (lstat(path, st) < 0)
		return "it is gone";
	if (S_ISLNK(st->st_mode))
		return "it is a symbolic link";
	if (!S_ISREG(st->st_mode))
		return "it is not a regular file";
	if (st->st_uid != geteuid() || access(path, W_OK) != 0)
		return "you may not write it";
	if (st->st_nlink > 1)
		return "it has other hard links, which would keep the old text";
	return NULL;
}

int
story_file_write_uid(const char *path, const struct story *s,
    struct buf *warn)
{
	struct buf err = BUF_INIT;
	struct atomic a;
	struct stat st;
	const char *why;
	char *data = NULL, *out = NULL, *dir, *name;
	size_t len, outlen;
	int rc = -1;

	split(path, &dir, &name);
	if ((why = refusal(path, &st)) != NULL)
		goto done;
	why = "it cannot be read";
	if (read_whole_file(path, &data, &len, &err) < 0)
		goto done;
	why = "it changed since it was read";
	if (!says(data, len, path, NULL, s))
		goto done;
	why = "its front matter cannot take a 'uid:' line as it is written";
	if ((out = with_uid(data, len, s->uid, &outlen)) == NULL ||
	    !says(out, outlen, path, s->uid, s))
		goto done;
	why = "it cannot be replaced";
	if (atomic_open(&a, dir, name, 1, &err) < 0)
		goto done;
	if (fchmod(a.fd, st.st_mode & 07777) < 0 ||
	    atomic_write(&a, out, outlen, &err) < 0) {
		atomic_abort(&a);
		goto done;
	}
	if (atomic_commit(&a, &err) < 0)
		goto done;
	rc = 0;
done:
	if (rc < 0)
		buf_addf(warn, "%s: warning: the uid was not written into it "
		    "(%s%s%.*s): add 'uid: %s' to its front matter\n", path,
		    why, err.len ? ": " : "",
		    (int)(err.len && err.s[err.len - 1] == '\n' ? err.len - 1 :
		    err.len), err.s ? err.s : "", s->uid);
	buf_release(&err);
	free(data);
	free(out);
	free(dir);
	free(name);
	return rc;
}

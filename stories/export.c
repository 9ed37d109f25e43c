#include "stories/export.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/atomic.h"
#include "stories/render.h"
#include "base/xalloc.h"

static int
ensure_dir(const char *dir, struct buf *err)
{
	if (mkdir(dir, 0700) < 0 && errno != EEXIST) {
		buf_addf(err, "%s: cannot create directory: %s\n", dir,
		    strerror(errno));
		return -1;
	}
	return 0;
}

static char *
md_name(const struct story *s)
{
	struct buf b = BUF_INIT;

	buf_addf(&b, "%s.md", s->uid);
	return buf_detach(&b);
}

int
export_file(const char *dir, const char *name, const char *data, size_t len,
    int force, struct buf *err)
{
	struct atomic a;

	if (ensure_dir(dir, err) < 0 ||
	    atomic_open(&a, dir, name, force, err) < 0)
		return -1;
	if (atomic_write(&a, data, len, err) < 0) {
		atomic_abort(&a);
		return -1;
	}
	return atomic_commit(&a, err);
}

int
export_md_dir(const struct story *v, size_t n, const char *dir, int force,
    struct buf *err)
{
	struct strlist created = STRLIST_INIT;
	struct buf md = BUF_INIT;
	struct stat st;
	size_t i;
	int rc = 0;

	if (ensure_dir(dir, err) < 0)
		return -1;
	for (i = 0; i < n; i++) {
		char *name = md_name(&v[i]);

		if (atomic_check(dir, name, force, err) < 0)
			rc = -1;
		free(name);
	}
	if (rc < 0)
		return -1;
	for (i = 0; i < n && rc == 0; i++) {
		char *name = md_name(&v[i]);
		struct buf path = BUF_INIT;

		buf_addf(&path, "%s/%s", dir, name);
		if (lstat(path.s, &st) < 0)
			strlist_push(&created, path.s);
		buf_reset(&md);
		if (story_to_markdown(&v[i], &md, err) < 0 ||
		    export_file(dir, name, md.s, md.len, force, err) < 0)
			rc = -1;
		free(name);
		buf_release(&path);
	}
	if (rc < 0)
		for (i = 0; i < created.n; i++)
			unlink(created.v[i]);
	strlist_clear(&created);
	buf_release(&md);
	return rc;
}

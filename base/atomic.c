#include "base/atomic.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/xalloc.h"

static int
open_dir(const char *dir, struct buf *err)
{
	struct stat st;
	int fd;

	if (lstat(dir, &st) == 0 && S_ISLNK(st.st_mode)) {
		buf_addf(err, "%s: is a symbolic link; refusing to write "
		    "through it\n", dir);
		return -1;
	}
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		buf_addf(err, "%s: cannot open directory: %s\n", dir,
		    strerror(errno));
	return fd;
}

static int
check_at(int dirfd, const char *dir, const char *name, int force,
    struct buf *err)
{
	struct stat st;

	if (strchr(name, '/') || strcmp(name, ".") == 0 ||
	    strcmp(name, "..") == 0 || *name == '\0') {
		buf_addf(err, "%s: '%s' is not a plain file name\n", dir, name);
		return -1;
	}
	if (fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) < 0) {
		if (errno == ENOENT)
			return 0;
		buf_addf(err, "%s/%s: %s\n", dir, name, strerror(errno));
		return -1;
	}
	if (S_ISLNK(st.st_mode)) {
		buf_addf(err, "%s/%s: is a symbolic link; refusing to "
		    "replace it\n", dir, name);
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		buf_addf(err, "%s/%s: exists and is not a regular file\n", dir,
		    name);
		return -1;
	}
	if (!force) {
		buf_addf(err, "%s/%s: already exists (use --force to "
		    "replace it)\n", dir, name);
		return -1;
	}
	return 0;
}

int
atomic_check(const char *dir, const char *name, int force, struct buf *err)
{
	int fd = open_dir(dir, err), rc;

	if (fd < 0)
		return -1;
	rc = check_at(fd, dir, name, force, err);
	close(fd);
	return rc;
}

int
atomic_open(struct atomic *a, const char *dir, const char *name, int force,
    struct buf *err)
{
	struct buf tmp = BUF_INIT;
	unsigned char r[4];
	int tries;

	memset(a, 0, sizeof(*a));
	a->fd = -1;
	a->dirfd = open_dir(dir, err);
	if (a->dirfd < 0)
		return -1;
	a->dir = xstrdup(dir);
	a->name = xstrdup(name);
	if (check_at(a->dirfd, dir, name, force, err) < 0)
		goto fail;
	for (tries = 0; tries < 100 && a->fd < 0; tries++) {
		if (getentropy(r, sizeof(r)) < 0)
			memset(r, tries, sizeof(r));
		buf_reset(&tmp);
		buf_addf(&tmp, ".%s.%02x%02x%02x%02x.tmp", name, r[0], r[1],
		    r[2], r[3]);
		a->fd = openat(a->dirfd, tmp.s, O_WRONLY | O_CREAT | O_EXCL |
		    O_NOFOLLOW | O_CLOEXEC, 0600);
		if (a->fd < 0 && errno != EEXIST) {
			buf_addf(err, "%s/%s: cannot create: %s\n", dir, tmp.s,
			    strerror(errno));
			goto fail;
		}
	}
	if (a->fd < 0) {
		buf_addf(err, "%s: cannot create a temporary file\n", dir);
		goto fail;
	}
	a->tmp = buf_detach(&tmp);
	return 0;
fail:
	buf_release(&tmp);
	atomic_abort(a);
	return -1;
}

int
atomic_write(struct atomic *a, const void *data, size_t len,
    struct buf *err)
{
	const char *p = data;
	ssize_t n;

	while (len > 0) {
		n = write(a->fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			buf_addf(err, "%s/%s: cannot write: %s\n", a->dir,
			    a->name, n < 0 ? strerror(errno) : "short write");
			return -1;
		}
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

char *
atomic_tmp_path(const struct atomic *a)
{
	struct buf b = BUF_INIT;

	buf_addf(&b, "%s/%s", a->dir, a->tmp);
	return buf_detach(&b);
}

int
atomic_commit(struct atomic *a, struct buf *err)
{
	if (fsync(a->fd) < 0 || close(a->fd) < 0) {
		buf_addf(err, "%s/%s: cannot write: %s\n", a->dir, a->name,
		    strerror(errno));
		a->fd = -1;
		atomic_abort(a);
		return -1;
	}
	a->fd = -1;
	if (renameat(a->dirfd, a->tmp, a->dirfd, a->name) < 0) {
		buf_addf(err, "%s/%s: cannot rename into place: %s\n", a->dir,
		    a->name, strerror(errno));
		atomic_abort(a);
		return -1;
	}
	fsync(a->dirfd);
	free(a->tmp);
	a->tmp = NULL;
	atomic_abort(a);
	return 0;
}

void
atomic_abort(struct atomic *a)
{
	if (a->fd >= 0)
		close(a->fd);
	if (a->tmp && a->dirfd >= 0)
		unlinkat(a->dirfd, a->tmp, 0);
	if (a->dirfd >= 0)
		close(a->dirfd);
	free(a->dir);
	free(a->name);
	free(a->tmp);
	memset(a, 0, sizeof(*a));
	a->fd = a->dirfd = -1;
}

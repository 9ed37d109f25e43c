/*
 * Story file parsing: the checks on the bytes, the front-matter fences
 * (the YAML between them is frontmatter.c's), and the body, which goes
 * through cmark so that a "## Action" inside a fenced code block or a list
 * is not taken for a section.
 */
#include "stories/parse.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/ascii.h"
#include "base/clock.h"
#include "stories/body.h"
#include "stories/frontmatter.h"
#include "base/utf8.h"
#include "base/xalloc.h"

int
uid_valid(const char *uid)
{
	size_t i, n = strlen(uid);

	if (n == 0 || n > 64 || !(ascii_islower(uid[0]) ||
	    ascii_isdigit(uid[0])))
		return 0;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)uid[i];

		if (!(ascii_islower(c) || ascii_isdigit(c) || c == '-' ||
		    c == '_' || c == '.'))
			return 0;
	}
	return 1;
}

int
created_valid(const char *s)
{
	long long ms;

	return clock_parse_ms(s, &ms) == 0;
}

/*
 * Line breaks would break the one-line fields; other control characters
 * are kept (every view escapes them, JSON keeps them exact).
 */
static int
has_line_break(const char *s)
{
	return strpbrk(s, "\n\r") != NULL;
}

int
story_validate(const struct story *s, const char *where, struct buf *err)
{
	size_t i;

	if (s->title == NULL || s->title[strspn(s->title, " \t")] == '\0') {
		buf_addf(err, "%s: no title: every story needs 'title'\n",
		    where);
		return -1;
	}
	if (strchr(s->title, '\n') || strchr(s->title, '\r')) {
		buf_addf(err, "%s: the title must be one line\n", where);
		return -1;
	}
	if (s->uid && !uid_valid(s->uid)) {
		buf_addf(err, "%s: bad uid '%s': use 1 to 64 lower-case "
		    "letters, digits, '-', '_' or '.', starting with a letter "
		    "or digit\n", where, s->uid);
		return -1;
	}
	for (i = 0; i < s->tags.n; i++) {
		if (s->tags.v[i][0] == '\0' || has_line_break(s->tags.v[i]) ||
		    strlen(s->tags.v[i]) > 64) {
			buf_addf(err, "%s: bad tag '%s': a tag is 1 to 64 "
			    "characters on one line\n", where, s->tags.v[i]);
			return -1;
		}
	}
	if (s->created && !created_valid(s->created)) {
		buf_addf(err, "%s: bad 'created' time '%s': " CREATED_FORMS
		    "\n", where, s->created);
		return -1;
	}
	if (s->updated && !created_valid(s->updated)) {
		buf_addf(err, "%s: bad 'updated' time '%s': " CREATED_FORMS
		    "\n", where, s->updated);
		return -1;
	}
	if (s->project && has_line_break(s->project)) {
		buf_addf(err, "%s: the project must be one line\n", where);
		return -1;
	}
	return 0;
}

int
story_check_bytes(const char *buf, size_t len, const char *name,
    struct buf *err)
{
	const char *why;
	long off;
	size_t k;

	if (len > STORY_MAX_BYTES) {
		buf_addf(err, "%s: too large: %zu bytes, the limit is %d "
		    "(1 MiB)\n", name, len, STORY_MAX_BYTES);
		return -1;
	}
	for (k = 0; k < len && buf[k] != '\0' && strchr(" \t\r\n", buf[k]); k++)
		;
	if (k == len) {
		buf_addf(err, "%s: empty file\n", name);
		return -1;
	}
	off = utf8_check(buf, len, &why);
	if (off >= 0) {
		buf_addf(err, "%s: %s at byte offset %ld\n", name, why, off);
		return -1;
	}
	return 0;
}

const char *
file_kind(mode_t mode)
{
	return S_ISDIR(mode) ? "a directory" : S_ISFIFO(mode) ? "a FIFO" :
	    S_ISSOCK(mode) ? "a socket" : S_ISCHR(mode) ? "a character device" :
	    S_ISBLK(mode) ? "a block device" : S_ISLNK(mode) ?
	    "a symbolic link" : S_ISREG(mode) ? "a regular file" :
	    "not a regular file";
}

int
read_whole_file(const char *path, char **data, size_t *len, struct buf *err)
{
	struct buf b = BUF_INIT;
	struct stat st;
	int fd, is_stdin = strcmp(path, "-") == 0;
	const char *name = is_stdin ? "<stdin>" : path;
	ssize_t n;

	*data = NULL;
	*len = 0;
	/*
	 * O_NONBLOCK: opening a FIFO nobody writes would block for ever; it
	 * is refused below, once fstat() has said what the file is.
	 */
	fd = is_stdin ? 0 : open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0) {
		buf_addf(err, "%s: cannot open: %s\n", name, strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) < 0) {
		buf_addf(err, "%s: cannot read: %s\n", name, strerror(errno));
		goto fail;
	}
	if (S_ISDIR(st.st_mode)) {
		buf_addf(err, "%s: is a directory\n", name);
		goto fail;
	}
	if (!is_stdin && !S_ISREG(st.st_mode)) {
		buf_addf(err, "%s: %s, not a regular file\n", name,
		    file_kind(st.st_mode));
		goto fail;
	}
	if (S_ISREG(st.st_mode) && st.st_size > STORY_MAX_BYTES) {
		buf_addf(err, "%s: too large: %lld bytes, the limit is %d "
		    "(1 MiB)\n", name, (long long)st.st_size, STORY_MAX_BYTES);
		goto fail;
	}
	for (;;) {
		buf_grow(&b, 65536);
		n = read(fd, b.s + b.len, 65536);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			buf_addf(err, "%s: cannot read: %s\n", name,
			    strerror(errno));
			goto fail;
		}
		if (n == 0)
			break;
		b.len += (size_t)n;
		b.s[b.len] = '\0';
		if (b.len > STORY_MAX_BYTES) {
			buf_addf(err, "%s: too large: over %d bytes (1 MiB)\n",
			    name, STORY_MAX_BYTES);
			goto fail;
		}
	}
	if (!is_stdin)
		close(fd);
	*len = b.len;
	*data = buf_detach(&b);
	return 0;
fail:
	if (!is_stdin)
		close(fd);
	buf_release(&b);
	return -1;
}

/*
 * Copies src to a new string with every CRLF, and every lone CR, turned
 * into LF.  CommonMark ends a line at a lone CR too, so cmark's line
 * numbers only match ours when we do the same (the fuzzer found a story
 * whose sections moved when a CR sat inside a line).
 */
static char *
crlf_to_lf(const char *src, size_t len, size_t *outlen)
{
	char *dst = xmalloc(len + 1);
	size_t i, j = 0;

	for (i = 0; i < len; i++) {
		if (src[i] == '\r' && i + 1 < len && src[i + 1] == '\n')
			continue;
		dst[j++] = src[i] == '\r' ? '\n' : src[i];
	}
	dst[j] = '\0';
	*outlen = j;
	return dst;
}

/* The length of the line at s, without its newline. */
static size_t
line_len(const char *s)
{
	const char *nl = strchr(s, '\n');

	return nl ? (size_t)(nl - s) : strlen(s);
}

/* True when the line at s, less trailing blanks, is exactly mark. */
static int
is_fence(const char *s, const char *mark)
{
	size_t n = line_len(s), m = strlen(mark);

	while (n > m && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return n == m && strncmp(s, mark, m) == 0;
}

int
story_parse(const char *buf, size_t len, const char *name, struct story *s,
    struct buf *err)
{
	char *text, *p, *yaml_end;
	size_t n;
	int line, rc = -1;

	if (story_check_bytes(buf, len, name, err) < 0)
		return -1;
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
		buf += 3;
		len -= 3;
	}
	text = crlf_to_lf(buf, len, &n);
	if (!is_fence(text, "---")) {
		buf_addf(err, "%s:1:1: no front matter: a story file starts "
		    "with a line '---', then 'title: ...', then '---'\n", name);
		goto done;
	}
	p = text + line_len(text) + (text[line_len(text)] == '\n');
	line = 2;
	while (*p && !is_fence(p, "---") && !is_fence(p, "...")) {
		p += line_len(p);
		if (*p == '\n')
			p++;
		line++;
	}
	if (*p == '\0') {
		buf_addf(err, "%s:1:1: front matter is not closed: add a line "
		    "'---' after it\n", name);
		goto done;
	}
	yaml_end = p;
	p += line_len(p);
	if (*p == '\n')
		p++;
	{
		const char *yaml = text + line_len(text) + 1;

		if (frontmatter_parse(yaml, (size_t)(yaml_end - yaml), name, 1, s,
		    err) < 0)
			goto done;
	}
	if (story_validate(s, name, err) < 0)
		goto done;
	if (body_parse(p, n - (size_t)(p - text), name, line, s, err) < 0)
		goto done;
	rc = 0;
done:
	free(text);
	return rc;
}

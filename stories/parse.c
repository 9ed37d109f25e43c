/*
 * Story file parsing: the checks on the bytes, the front-matter fences
 * (the YAML between them is frontmatter.c's), and the body, which goes
 * through cmark so that a "## Action" inside a fenced code block or a list
 * is not taken for a section.
 */
#include "stories/parse.h"

#include <cmark.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "stories/frontmatter.h"
#include "base/utf8.h"
#include "base/xalloc.h"

int
uid_valid(const char *uid)
{
	size_t i, n = strlen(uid);

	if (n == 0 || n > 64 || !(islower((unsigned char)uid[0]) ||
	    isdigit((unsigned char)uid[0])))
		return 0;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)uid[i];

		if (!(islower(c) || isdigit(c) || c == '-' || c == '_' ||
		    c == '.'))
			return 0;
	}
	return 1;
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
	fd = is_stdin ? 0 : open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		buf_addf(err, "%s: cannot open: %s\n", name, strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) == 0) {
		if (S_ISDIR(st.st_mode)) {
			buf_addf(err, "%s: is a directory\n", name);
			goto fail;
		}
		if (S_ISREG(st.st_mode) && st.st_size > STORY_MAX_BYTES) {
			buf_addf(err, "%s: too large: %lld bytes, the limit "
			    "is %d (1 MiB)\n", name, (long long)st.st_size,
			    STORY_MAX_BYTES);
			goto fail;
		}
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

/* Appends the text of node's inline children to out. */
static void
heading_text(cmark_node *node, struct buf *out)
{
	cmark_iter *it = cmark_iter_new(node);
	cmark_event_type ev;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		const char *lit;

		if (ev != CMARK_EVENT_ENTER)
			continue;
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
			lit = cmark_node_get_literal(n);
			if (lit)
				buf_adds(out, lit);
			break;
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
			buf_addc(out, ' ');
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
}

/* True when the line is blank (spaces and tabs only). */
static int
blank_line(const char *s)
{
	size_t n = line_len(s), i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return 0;
	return 1;
}

/* True for an ATX heading line: up to three spaces, then '#'. */
static int
atx_line(const char *s)
{
	int i;

	for (i = 0; i < 3 && s[i] == ' '; i++)
		;
	return s[i] == '#';
}

/*
 * Copies lines [first, last] (1-based, inclusive) of the body, less
 * leading blank lines and trailing white space: the section as written.
 */
static char *
section_text(char **lines, int nlines, int first, int last, int *start)
{
	struct buf b = BUF_INIT;
	int i;

	while (first <= last && first <= nlines && blank_line(lines[first - 1]))
		first++;
	*start = first;
	for (i = first; i <= last && i <= nlines; i++) {
		buf_add(&b, lines[i - 1], line_len(lines[i - 1]));
		buf_addc(&b, '\n');
	}
	buf_rtrim(&b);
	return buf_detach(&b);
}

/*
 * A fenced code block or an HTML block such as <pre> or <!-- that is never
 * closed runs to the end of the file and takes in every heading after it:
 * the sections would change when the story is written back.  Only the
 * last block of the body can be open, and it is when a heading put after
 * it is not read as a heading.  Returns 0, or -1 with a message.
 */
static int
open_block(const char *body, size_t len, cmark_node *last, const char *name,
    int line0, struct buf *err)
{
	static const char probe[] = "\n\n# end\n";
	cmark_node *doc, *tail;
	struct buf b = BUF_INIT;
	int type, open;

	if (last == NULL)
		return 0;
	type = cmark_node_get_type(last);
	if (type != CMARK_NODE_CODE_BLOCK && type != CMARK_NODE_HTML_BLOCK)
		return 0;
	buf_add(&b, body, len);
	buf_add(&b, probe, sizeof(probe) - 1);
	doc = cmark_parse_document(b.s, b.len, CMARK_OPT_DEFAULT);
	tail = cmark_node_last_child(doc);
	open = tail == NULL || cmark_node_get_type(tail) != CMARK_NODE_HEADING;
	cmark_node_free(doc);
	buf_release(&b);
	if (!open)
		return 0;
	buf_addf(err, "%s:%d:1: this %s is never closed, so it would take in "
	    "every heading after it; close it%s\n", name,
	    line0 + cmark_node_get_start_line(last),
	    type == CMARK_NODE_CODE_BLOCK ? "code block" : "HTML block",
	    type == CMARK_NODE_CODE_BLOCK ? " with a line of the same fence "
	    "(```)" : "");
	return -1;
}

struct heading {
	int sec;
	int line;		/* body line, 1-based */
};

static int
body_parse(const char *body, size_t len, const char *name, int line0,
    struct story *s, struct buf *err)
{
	cmark_node *doc = cmark_parse_document(body, len, CMARK_OPT_DEFAULT);
	cmark_node *n;
	struct heading heads[SEC_COUNT + 1];
	char **lines = NULL;
	size_t alloc = 0;
	int nlines = 0, nheads = 0, i, rc = -1, first_content = 0, text_at;
	const char *p = body;

	while (*p) {
		lines = xgrow(lines, &alloc, (size_t)nlines + 1,
		    sizeof(*lines));
		lines[nlines++] = (char *)p;
		p += line_len(p);
		if (*p == '\n')
			p++;
	}
	for (n = cmark_node_first_child(doc); n; n = cmark_node_next(n)) {
		int start = cmark_node_get_start_line(n), sec = -1;
		struct buf text = BUF_INIT;

		if (cmark_node_get_type(n) == CMARK_NODE_HEADING &&
		    cmark_node_get_heading_level(n) <= 3 &&
		    start >= 1 && start <= nlines && atx_line(lines[start - 1])) {
			heading_text(n, &text);
			sec = section_from_heading(text.s, text.len);
		}
		if (sec < 0) {
			/*
			 * Text before the first section would be lost, so it
			 * is an error; a top-level "# Title" is allowed.
			 */
			if (nheads == 0 && !first_content &&
			    !(cmark_node_get_type(n) == CMARK_NODE_HEADING &&
			    cmark_node_get_heading_level(n) == 1 && s->title &&
			    strcasecmp(text.s, s->title) == 0))
				first_content = start;
			buf_release(&text);
			continue;
		}
		buf_release(&text);
		for (i = 0; i < nheads; i++) {
			if (heads[i].sec == sec) {
				buf_addf(err, "%s:%d:1: duplicate section '%s' "
				    "(first at line %d)\n", name, line0 + start,
				    section_name(sec), line0 + heads[i].line);
				goto done;
			}
		}
		heads[nheads].sec = sec;
		heads[nheads].line = start;
		nheads++;
	}
	if (open_block(body, len, cmark_node_last_child(doc), name, line0,
	    err) < 0)
		goto done;
	if (first_content) {
		buf_addf(err, "%s:%d:1: text before the first section heading; "
		    "put it under '## Situation', '## Task', '## Action', "
		    "'## Result' or '## Reflection'\n", name,
		    line0 + first_content);
		goto done;
	}
	for (i = 0; i < nheads; i++) {
		int last = i + 1 < nheads ? heads[i + 1].line - 1 : nlines;

		free(s->section[heads[i].sec]);
		s->section[heads[i].sec] = section_text(lines, nlines,
		    heads[i].line + 1, last, &text_at);
		s->section_line[heads[i].sec] = line0 + heads[i].line;
		s->text_line[heads[i].sec] = line0 + text_at;
	}
	rc = 0;
done:
	free(lines);
	cmark_node_free(doc);
	return rc;
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

/* The body of a story file: see stories/body.h. */
#include "stories/body.h"

#include <cmark.h>
#include <stdlib.h>
#include <string.h>

#include "base/ascii.h"
#include "base/utf8.h"
#include "base/xalloc.h"

/* The length of the line at s, without its newline. */
static size_t
line_len(const char *s)
{
	const char *nl = strchr(s, '\n');

	return nl ? (size_t)(nl - s) : strlen(s);
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

int
body_label(const char *s, size_t *rest)
{
	static const char *const marks[] = { "**", "__", "*", "_", "" };
	size_t i = 0, k, m, start, end;
	int sec;

	while (i < 3 && s[i] == ' ')
		i++;
	for (k = 0; k < sizeof(marks) / sizeof(marks[0]); k++) {
		m = strlen(marks[k]);
		if (strncmp(s + i, marks[k], m) != 0)
			continue;
		start = i + m;
		for (end = start; end - start < 24 && (s[end] == ' ' ||
		    (s[end] >= 'a' && s[end] <= 'z') ||
		    (s[end] >= 'A' && s[end] <= 'Z')); end++)
			;
		/* "**Action:**" or "**Action**:", or a bare "Action:". */
		if (m && s[end] == ':' && strncmp(s + end + 1, marks[k], m) == 0)
			*rest = end + 1 + m;
		else if (m && strncmp(s + end, marks[k], m) == 0 &&
		    s[end + m] == ':')
			*rest = end + m + 1;
		else if (!m && s[end] == ':')
			*rest = end + 1;
		else
			continue;
		if (end == start || (sec = section_from_heading(s + start,
		    end - start)) < 0)
			return -1;
		while (s[*rest] == ' ' || s[*rest] == '\t')
			(*rest)++;
		return sec;
	}
	return -1;
}

/* The '## Card' section, read like a section but kept apart. */
#define BODY_CARD SEC_COUNT

/* "Situation" ... or "Card": a section's heading as written. */
static const char *
head_name(int sec)
{
	return sec == BODY_CARD ? "Card" : section_name((enum section)sec);
}

struct heading {
	int sec;		/* SEC_* or BODY_CARD */
	int line;		/* body line, 1-based */
	size_t rest;		/* a label's text starts here on its line, or 0 */
};

/* The state of one body being read. */
struct body {
	const char *name;
	int line0;		/* file line before the body's first */
	char **lines;		/* each line's start, in the body */
	int nlines;
	struct heading heads[SEC_COUNT + 1];
	int nheads;
	int first_content;	/* body line of text before any section, or 0 */
	struct story *s;
	struct buf *err;
};

/* Whether node n is a top-level "# Title" that repeats the title. */
static int
is_title(const struct body *b, cmark_node *n)
{
	struct buf text = BUF_INIT;
	int yes;

	if (cmark_node_get_type(n) != CMARK_NODE_HEADING ||
	    cmark_node_get_heading_level(n) != 1 || b->s->title == NULL)
		return 0;
	heading_text(n, &text);
	yes = ascii_strcasecmp(text.s, b->s->title) == 0;
	buf_release(&text);
	return yes;
}

/* Adds section sec at body line; -1 with a message when it is there. */
static int
add_head(struct body *b, int sec, int line, size_t rest)
{
	int i;

	for (i = 0; i < b->nheads; i++)
		if (b->heads[i].sec == sec) {
			buf_addf(b->err, "%s:%d:1: duplicate section '%s' (first "
			    "at line %d)\n", b->name, b->line0 + line,
			    head_name(sec), b->line0 + b->heads[i].line);
			return -1;
		}
	b->heads[b->nheads].sec = sec;
	b->heads[b->nheads].line = line;
	b->heads[b->nheads].rest = rest;
	b->nheads++;
	return 0;
}

/*
 * The section node n starts (a STAR heading or a Card heading; with
 * labels, a paragraph that starts with a STAR label, or a Card heading),
 * or -1.  Sets *rest for a label.
 */
static int
section_of(const struct body *b, cmark_node *n, int labels, size_t *rest)
{
	int start = cmark_node_get_start_line(n), sec = -1;
	struct buf text = BUF_INIT;

	*rest = 0;
	if (start < 1 || start > b->nlines)
		return -1;
	if (labels && cmark_node_get_type(n) == CMARK_NODE_PARAGRAPH)
		return body_label(b->lines[start - 1], rest);
	if (cmark_node_get_type(n) == CMARK_NODE_HEADING &&
	    cmark_node_get_heading_level(n) <= 3 &&
	    atx_line(b->lines[start - 1])) {
		heading_text(n, &text);
		if (card_heading(text.s, text.len))
			sec = BODY_CARD;
		else if (!labels)
			sec = section_from_heading(text.s, text.len);
	}
	buf_release(&text);
	return sec;
}

/*
 * Finds the sections among the top-level blocks of doc: headings, or
 * labels when labels is set.  Text before the first section would be lost,
 * so its line is kept in first_content (a "# Title" aside).
 */
static int
find_sections(struct body *b, cmark_node *doc, int labels)
{
	cmark_node *n;
	size_t rest;
	int sec;

	b->nheads = 0;
	b->first_content = 0;
	for (n = cmark_node_first_child(doc); n; n = cmark_node_next(n)) {
		/*
		 * With labels, the Card runs to the end: its lines start
		 * with labels ("Action: ...") that are the card's own.
		 */
		if (labels && b->nheads && b->heads[b->nheads - 1].sec ==
		    BODY_CARD)
			break;
		if ((sec = section_of(b, n, labels, &rest)) >= 0) {
			if (add_head(b, sec, cmark_node_get_start_line(n),
			    rest) < 0)
				return -1;
		} else if (b->nheads == 0 && !b->first_content &&
		    !is_title(b, n)) {
			b->first_content = cmark_node_get_start_line(n);
		}
	}
	return 0;
}

/*
 * A label's section: the rest of its line, then the lines after it up to
 * last.  Sets *start to where its text starts and *col to the column of
 * that text on the label's line (0 when it starts on the next line).
 */
static char *
label_text(const struct body *b, const struct heading *h, int last,
    int *start, int *col)
{
	const char *line = b->lines[h->line - 1];
	struct buf t = BUF_INIT;
	size_t n = line_len(line);
	char *after;

	if (h->rest >= n) {
		*col = 0;
		return section_text(b->lines, b->nlines, h->line + 1, last,
		    start);
	}
	*start = h->line;
	*col = (int)utf8_length(line, h->rest) + 1;
	buf_add(&t, line + h->rest, n - h->rest);
	after = section_text(b->lines, b->nlines, h->line + 1, last,
	    &(int){ 0 });
	if (*after) {
		/* Blank lines between the label's line and the rest stay. */
		int k;

		for (k = h->line + 1; k <= last && blank_line(b->lines[k - 1]);
		    k++)
			buf_addc(&t, '\n');
		buf_addc(&t, '\n');
		buf_adds(&t, after);
	}
	free(after);
	buf_rtrim(&t);
	return buf_detach(&t);
}

/* Copies each section's text and where it was into the story. */
static void
fill_sections(struct body *b)
{
	struct story *s = b->s;
	int i, text_at, col;

	for (i = 0; i < b->nheads; i++) {
		const struct heading *h = &b->heads[i];
		int last = i + 1 < b->nheads ? b->heads[i + 1].line - 1 :
		    b->nlines;

		if (h->sec == BODY_CARD) {
			free(s->card);
			s->card = section_text(b->lines, b->nlines,
			    h->line + 1, last, &text_at);
			s->card_line = b->line0 + h->line;
			continue;
		}
		free(s->section[h->sec]);
		if (h->rest) {
			s->section[h->sec] = label_text(b, h, last, &text_at,
			    &col);
		} else {
			s->section[h->sec] = section_text(b->lines, b->nlines,
			    h->line + 1, last, &text_at);
			col = 0;
		}
		s->section_line[h->sec] = b->line0 + h->line;
		s->text_line[h->sec] = b->line0 + text_at;
		s->text_col[h->sec] = col;
	}
}

/* The STAR headings found, less a Card's. */
static int
star_heads(const struct body *b)
{
	int i, n = 0;

	for (i = 0; i < b->nheads; i++)
		n += b->heads[i].sec != BODY_CARD;
	return n;
}

int
body_parse(const char *body, size_t len, const char *name, int line0,
    struct story *s, struct buf *err)
{
	cmark_node *doc = cmark_parse_document(body, len, CMARK_OPT_DEFAULT);
	struct body b = { name, line0, NULL, 0, { { 0, 0, 0 } }, 0, 0, s, err };
	const char *p = body;
	size_t alloc = 0;
	int rc = -1;

	while (*p) {
		b.lines = xgrow(b.lines, &alloc, (size_t)b.nlines + 1,
		    sizeof(*b.lines));
		b.lines[b.nlines++] = (char *)p;
		p += line_len(p);
		if (*p == '\n')
			p++;
	}
	/* Headings first; labels only in a file with no STAR heading. */
	if (find_sections(&b, doc, 0) < 0 ||
	    (star_heads(&b) == 0 && find_sections(&b, doc, 1) < 0))
		goto done;
	if (open_block(body, len, cmark_node_last_child(doc), name, line0,
	    err) < 0)
		goto done;
	if (b.first_content) {
		buf_addf(err, "%s:%d:1: text before the first section heading; "
		    "put it under '## Situation', '## Task', '## Action', "
		    "'## Result' or '## Reflection' (or start it with a label "
		    "such as '**Situation:**')\n", name, line0 + b.first_content);
		goto done;
	}
	fill_sections(&b);
	rc = 0;
done:
	free(b.lines);
	cmark_node_free(doc);
	return rc;
}

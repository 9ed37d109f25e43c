#include "base/ics.h"

void
ics_escape(struct buf *b, const char *text)
{
	const unsigned char *p;

	for (p = (const unsigned char *)text; *p; p++)
		switch (*p) {
		case '\\':
		case ';':
		case ',':
			buf_addc(b, '\\');
			buf_addc(b, (char)*p);
			break;
		case '\n':
			buf_adds(b, "\\n");
			break;
		case '\r':
			/* CRLF is one newline; a lone CR is none. */
			break;
		default:
			buf_addc(b, *p < 0x20 && *p != '\t' ? ' ' :
			    *p == 0x7f ? ' ' : (char)*p);
		}
}

/* A UTF-8 continuation byte, which no fold may come before. */
static int
continues(unsigned char c)
{
	return (c & 0xc0) == 0x80;
}

void
ics_line(struct buf *b, const char *name, const char *value)
{
	struct buf line = BUF_INIT;
	size_t at = 0, room = ICS_LINE_MAX, cut;

	buf_adds(&line, name);
	buf_addc(&line, ':');
	buf_adds(&line, value);
	while (line.len - at > room) {
		cut = at + room;
		/* Back off to a character's first byte (at most three). */
		while (cut > at + 1 && continues((unsigned char)line.s[cut]))
			cut--;
		buf_add(b, line.s + at, cut - at);
		buf_adds(b, "\r\n ");
		at = cut;
		room = ICS_LINE_MAX - 1;	/* the space counts */
	}
	buf_add(b, line.s + at, line.len - at);
	buf_adds(b, "\r\n");
	buf_release(&line);
}

void
ics_text(struct buf *b, const char *name, const char *text)
{
	struct buf v = BUF_INIT;

	ics_escape(&v, text);
	ics_line(b, name, v.s);
	buf_release(&v);
}

#define _XOPEN_SOURCE 700	/* wcwidth */
#include "cli/term.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <wchar.h>

#include "base/buf.h"
#include "base/utf8.h"
#include "base/xalloc.h"

int
term_color_on(int color_opt, FILE *f)
{
	const char *term = getenv("TERM");
	const char *no = getenv("NO_COLOR");

	if (color_opt >= 0)
		return color_opt;
	if (no && *no)
		return 0;
	return isatty(fileno(f)) && term && strcmp(term, "dumb") != 0;
}

int
term_columns(FILE *f)
{
	const char *cols = getenv("COLUMNS");
	struct winsize ws;
	char *end;
	long n;

	if (cols && *cols) {
		n = strtol(cols, &end, 10);
		if (*end == '\0' && n > 0 && n <= 10000)
			return (int)n;
	}
	if (isatty(fileno(f)) && ioctl(fileno(f), TIOCGWINSZ, &ws) == 0 &&
	    ws.ws_col > 0)
		return ws.ws_col;
	return 0;
}

/*
 * Writes the escape for one unsafe code point (or invalid byte) into out;
 * returns 0 when cp is safe to print as it is.
 */
static int
escape_of(uint32_t cp, int multiline, char out[12])
{
	if ((cp == '\n' || cp == '\t') && multiline)
		return 0;
	if (cp < 0x20 || cp == 0x7f) {
		snprintf(out, 12, "\\x%02x", (unsigned)cp);
		return 1;
	}
	if ((cp >= 0x80 && cp <= 0x9f) || utf8_is_bidi_control(cp)) {
		snprintf(out, 12, "\\u%04x", (unsigned)cp);
		return 1;
	}
	return 0;
}

/*
 * Writes s to f (or only measures it when f is NULL), escaping what
 * escape_of() says, and stops before width columns (no limit when
 * negative).  Runs of safe bytes go out in one fwrite.  Returns the
 * columns used.
 */
static int
walk(FILE *f, const char *s, int multiline, int width)
{
	size_t len = strlen(s), i = 0, run = 0, n;
	int cols = 0, w;
	uint32_t cp;
	char esc[12];

	while (i < len) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 0x20 && c < 0x7f) {	/* printable ASCII */
			n = 1;
			cp = c;
			esc[0] = '\0';
			w = 1;
		} else if ((n = utf8_decode(s + i, len - i, &cp)) == 0) {
			n = 1;
			snprintf(esc, sizeof(esc), "\\x%02x", c);
			w = (int)strlen(esc);
		} else if (escape_of(cp, multiline, esc)) {
			w = (int)strlen(esc);
		} else {
			esc[0] = '\0';
			w = cp == '\n' || cp == '\t' ? (cp == '\t') :
			    wcwidth((wchar_t)cp);
			if (w < 0)
				w = 1;
		}
		if (width >= 0 && cols + w > width)
			break;
		if (esc[0]) {
			if (f && run)
				fwrite(s + i - run, 1, run, f);
			if (f)
				fputs(esc, f);
			run = 0;
		} else {
			run += n;
		}
		cols += w;
		i += n;
	}
	if (f && run)
		fwrite(s + i - run, 1, run, f);
	return cols;
}

void
term_puts(FILE *f, const char *s, int multiline)
{
	walk(f, s, multiline, -1);
}

int
term_width_of(const char *s)
{
	return walk(NULL, s, 0, -1);
}

void
term_cell(FILE *f, const char *s, int width)
{
	int w = term_width_of(s);

	if (w <= width) {
		walk(f, s, 0, -1);
		fprintf(f, "%*s", width - w, "");
		return;
	}
	w = walk(f, s, 0, width - 1);
	fputs("\xe2\x80\xa6", f);	/* U+2026 HORIZONTAL ELLIPSIS */
	fprintf(f, "%*s", width - 1 - w, "");
}

void
term_clip(FILE *f, const char *s, int width)
{
	if (term_width_of(s) <= width) {
		walk(f, s, 0, -1);
		return;
	}
	walk(f, s, 0, width - 1);
	fputs("\xe2\x80\xa6", f);
}

void
term_style(FILE *f, int on, const char *sgr)
{
	if (on)
		fprintf(f, "\033[%sm", sgr);
}

void
term_reset(FILE *f, int on)
{
	if (on)
		fputs("\033[0m", f);
}

size_t
json_flags(FILE *f)
{
	/* On a terminal every non-ASCII character is a \u escape: still the
	 * same JSON, but no C1 control or bidi override reaches the screen. */
	return JSON_INDENT(2) | JSON_PRESERVE_ORDER |
	    (isatty(fileno(f)) ? JSON_ENSURE_ASCII : 0);
}

int
json_print(json_t *j)
{
	int rc = json_dumpf(j, stdout, json_flags(stdout));

	fputc('\n', stdout);
	return rc;
}

void
term_wrap(FILE *f, const char *s, int indent, int col, int width)
{
	const char *p = s, *end;
	int w, first = 1;

	while (*p) {
		char *word;

		while (*p == ' ' || *p == '\n')
			p++;
		if (*p == '\0')
			break;
		for (end = p; *end && *end != ' ' && *end != '\n'; end++)
			;
		word = xstrndup(p, (size_t)(end - p));
		w = term_width_of(word);
		if (!first && col + 1 + w > width) {
			fprintf(f, "\n%*s", indent, "");
			col = indent;
		} else if (!first) {
			fputc(' ', f);
			col++;
		}
		term_puts(f, word, 0);
		col += w;
		first = 0;
		free(word);
		p = end;
	}
	fputc('\n', f);
}

void
term_printf(FILE *f, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	term_puts(f, b.s, 1);
	buf_release(&b);
}

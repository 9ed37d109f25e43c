/* Shell quoting: see base/shquote.h. */
#include "base/shquote.h"

#include <string.h>

static int
safe(const char *w)
{
	static const char ok[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstu"
	    "vwxyz0123456789-_./:=+@%";

	/* A leading '-' or '=' is safe to the shell; the word is bare too. */
	return *w != '\0' && strspn(w, ok) == strlen(w);
}

void
shquote(struct buf *b, const char *word)
{
	const char *p;

	if (safe(word)) {
		buf_adds(b, word);
		return;
	}
	buf_addc(b, '\'');
	for (p = word; *p; p++)
		if (*p == '\'')
			buf_adds(b, "'\\''");
		else
			buf_addc(b, *p);
	buf_addc(b, '\'');
}

char *
shquote_dup(const char *word)
{
	struct buf b = BUF_INIT;

	shquote(&b, word);
	return buf_detach(&b);
}

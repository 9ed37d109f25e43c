#include "base/utf8.h"

#include <string.h>

#include "base/buf.h"

size_t
utf8_decode(const char *str, size_t len, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	uint32_t c, min;
	size_t n, i;

	if (len == 0)
		return 0;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		n = 2; c = s[0] & 0x1F; min = 0x80;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		n = 3; c = s[0] & 0x0F; min = 0x800;
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		n = 4; c = s[0] & 0x07; min = 0x10000;
	} else {
		return 0;	/* continuation byte, C0/C1 overlong lead, F5+ */
	}
	if (len < n)
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return n;
}

long
utf8_check(const char *s, size_t len, const char **why)
{
	size_t i = 0, n;
	uint32_t cp;

	while (i < len) {
		/*
		 * Plain ASCII, the common case, needs no decoding: eight
		 * bytes at a time while none has its high bit set or is NUL.
		 */
		while (len - i >= 8) {
			uint64_t w;

			memcpy(&w, s + i, 8);
			if ((w & UINT64_C(0x8080808080808080)) != 0 ||
			    ((w - UINT64_C(0x0101010101010101)) & ~w &
			    UINT64_C(0x8080808080808080)) != 0)
				break;
			i += 8;
		}
		if (i == len)
			break;
		if ((unsigned char)s[i] < 0x80 && s[i] != '\0') {
			i++;
			continue;
		}
		if (s[i] == '\0') {
			if (why)
				*why = "NUL byte";
			return (long)i;
		}
		n = utf8_decode(s + i, len - i, &cp);
		if (n == 0) {
			if (why)
				*why = "invalid UTF-8";
			return (long)i;
		}
		i += n;
	}
	return -1;
}

size_t
utf8_length(const char *s, size_t len)
{
	size_t i = 0, count = 0, n;
	uint32_t cp;

	while (i < len) {
		n = utf8_decode(s + i, len - i, &cp);
		i += n ? n : 1;
		count++;
	}
	return count;
}

size_t
utf8_prefix(const char *s, size_t len, size_t chars)
{
	size_t i = 0, n;
	uint32_t cp;

	while (i < len && chars > 0) {
		n = utf8_decode(s + i, len - i, &cp);
		i += n ? n : 1;
		chars--;
	}
	return i;
}

size_t
utf8_salvage(const char *s, size_t len, struct buf *out)
{
	size_t i = 0, n, bad = 0;
	uint32_t cp;

	while (i < len) {
		n = s[i] == '\0' ? 0 : utf8_decode(s + i, len - i, &cp);
		if (n == 0) {
			buf_adds(out, "\xef\xbf\xbd");
			bad++;
			i++;
			continue;
		}
		buf_add(out, s + i, n);
		i += n;
	}
	return bad;
}

int
utf8_is_bidi_control(uint32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202E) ||
	    (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F ||
	    cp == 0x061C;
}

int
utf8_name_ok(const char *s, size_t max)
{
	size_t len = strlen(s), i = 0, n, count = 0;
	uint32_t cp;

	while (i < len) {
		if ((n = utf8_decode(s + i, len - i, &cp)) == 0)
			return 0;
		if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) ||
		    utf8_is_bidi_control(cp))
			return 0;
		i += n;
		count++;
	}
	return count >= 1 && count <= max;
}

#include "base/ascii.h"

int
ascii_strncasecmp(const char *a, const char *b, size_t n)
{
	const unsigned char *x = (const unsigned char *)a;
	const unsigned char *y = (const unsigned char *)b;
	size_t i;
	int d;

	for (i = 0; i < n; i++) {
		d = ascii_tolower(x[i]) - ascii_tolower(y[i]);
		if (d != 0 || x[i] == '\0')
			return d;
	}
	return 0;
}

int
ascii_strcasecmp(const char *a, const char *b)
{
	return ascii_strncasecmp(a, b, (size_t)-1);
}

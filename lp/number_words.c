/* Numbers said and written: see lp/number_words.h. */
#include "lp/number_words.h"

#include <stdlib.h>
#include <string.h>

#include "base/ascii.h"
#include "base/strlist.h"
#include "base/xalloc.h"

static const char *const small[] = {
	"zero", "one", "two", "three", "four", "five", "six", "seven",
	"eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen",
	"fifteen", "sixteen", "seventeen", "eighteen", "nineteen", NULL
};
static const char *const tens[] = {
	"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
	"eighty", "ninety", NULL
};

/* The words a lone "one" may stand before as a number. */
static const char *const unit_words[] = {
	"millisecond", "milliseconds", "second", "seconds", "minute",
	"minutes", "hour", "hours", "day", "days", "week", "weeks", "month",
	"months", "year", "years", "percent", "x", "dollar", "dollars",
	"gigabyte", "gigabytes", "terabyte", "terabytes", "megabyte",
	"megabytes", NULL
};

static long
index_of(const char *w, const char *const *list)
{
	for (long i = 0; list[i]; i++)
		if (strcmp(w, list[i]) == 0)
			return i;
	return -1;
}

static double
scale_of(const char *w)
{
	return strcmp(w, "thousand") == 0 ? 1e3 : strcmp(w, "million") == 0 ?
	    1e6 : strcmp(w, "billion") == 0 ? 1e9 : 0;
}

/* 0-19 and the tens: the value, or -1. */
static long
value_of(const char *w)
{
	long v = index_of(w, small);

	if (v >= 0)
		return v;
	v = index_of(w, tens);
	return v >= 2 ? v * 10 : -1;
}

/*
 * Reads a number from w[i..n); returns the words used (0: none) and sets
 * *val and *decimals (the digits after "point", for printing).
 */
static size_t
read_number(char **w, size_t i, size_t n, double *val, int *decimals)
{
	double total = 0, cur = 0;
	size_t j = i;
	long last = -1;		/* the value of the last small word */
	int any = 0, scaled = 0;

	*decimals = 0;
	for (; j < n; j++) {
		long v = value_of(w[j]);
		double s = scale_of(w[j]);

		if (v >= 0) {
			/* "nine nine", "twenty thirty": two numbers. */
			if (last >= 0 && (last < 20 || v >= 20 || last % 10))
				break;
			cur += (double)v;
			last = v;
			any = 1;
		} else if (any && strcmp(w[j], "hundred") == 0 &&
		    (long)cur % 100 == (long)cur && cur < 100) {
			cur = (cur ? cur : 1) * 100;
			last = -1;
			scaled = 1;
		} else if (any && s > 0 && s > cur) {
			total += (cur ? cur : 1) * s;
			cur = 0;
			last = -1;
			scaled = 1;
		} else if (any && last < 0 && scaled &&
		    strcmp(w[j], "and") == 0 && j + 1 < n &&
		    value_of(w[j + 1]) >= 0) {
			continue;
		} else {
			break;
		}
	}
	if (!any)
		return 0;
	/* "two point five": digits after the point, one word each. */
	if (j + 1 < n && strcmp(w[j], "point") == 0 &&
	    (value_of(w[j + 1]) >= 0 && value_of(w[j + 1]) < 10)) {
		double f = 0.1;

		for (j++; j < n && value_of(w[j]) >= 0 && value_of(w[j]) < 10;
		    j++) {
			cur += f * (double)value_of(w[j]);
			f /= 10;
			(*decimals)++;
		}
	}
	*val = total + cur;
	return j - i;
}

/* Splits words at spaces into a vector of owned strings. */
static char **
split(const char *s, size_t *n)
{
	char **v = NULL;
	size_t alloc = 0;

	*n = 0;
	while (*s) {
		size_t k = strcspn(s, " \n");

		if (k) {
			v = xgrow(v, &alloc, *n + 1, sizeof(*v));
			v[(*n)++] = xstrndup(s, k);
		}
		s += k;
		s += strspn(s, " \n");
	}
	return v;
}

void
number_words_to_digits(const char *words, struct buf *out)
{
	size_t n, i, used;
	char **w = split(words, &n);
	const char *sep = "";

	for (i = 0; i < n; i += used) {
		double val;
		int dec;

		used = read_number(w, i, n, &val, &dec);
		/* A lone "one" is a pronoun unless a unit or scale follows. */
		if (used == 1 && strcmp(w[i], "one") == 0 &&
		    (i + 1 >= n || index_of(w[i + 1], unit_words) < 0))
			used = 0;
		if (used == 0) {
			buf_addf(out, "%s%s", sep, w[i]);
			used = 1;
		} else {
			/* "p ninety nine" is p99, "two point five x" 2.5x. */
			int glue = i > 0 && strcmp(w[i - 1], "p") == 0;

			buf_addf(out, "%s%.*f", glue ? "" : sep, dec, val);
			if (i + used < n && strcmp(w[i + used], "x") == 0) {
				buf_addc(out, 'x');
				used++;
			}
		}
		sep = " ";
	}
	for (i = 0; i < n; i++)
		free(w[i]);
	free(w);
}

/* Appends the words of the whole number v (below a trillion). */
static void
say_int(unsigned long long v, struct buf *out)
{
	static const struct { unsigned long long n; const char *w; } sc[] = {
		{ 1000000000ULL, "billion" }, { 1000000, "million" },
		{ 1000, "thousand" }, { 100, "hundred" }
	};

	for (size_t k = 0; k < 4; k++) {
		if (v >= sc[k].n) {
			say_int(v / sc[k].n, out);
			buf_addf(out, "%s ", sc[k].w);
			v %= sc[k].n;
			if (v == 0)
				return;
		}
	}
	if (v >= 20) {
		buf_addf(out, "%s ", tens[v / 10]);
		v %= 10;
		if (v == 0)
			return;
	}
	buf_addf(out, "%s ", small[v]);
}

/* Says the number at t (digits, commas, one point); returns its end. */
static const char *
say_number(const char *t, struct buf *out)
{
	unsigned long long v = 0;
	const char *p = t;

	for (; ascii_isdigit((unsigned char)*p) || (*p == ',' &&
	    ascii_isdigit((unsigned char)p[1])); p++)
		if (*p != ',' && v < 100000000000ULL)
			v = v * 10 + (unsigned)(*p - '0');
	say_int(v, out);
	if (*p == '.' && ascii_isdigit((unsigned char)p[1])) {
		buf_adds(out, "point ");
		for (p++; ascii_isdigit((unsigned char)*p); p++)
			buf_addf(out, "%s ", small[*p - '0']);
	}
	return p;
}

void
number_words_spoken(const char *t, struct buf *out, struct strlist *acr)
{
	while (*t) {
		unsigned char c = (unsigned char)*t;

		if (ascii_isdigit(c)) {
			t = say_number(t, out);
			if (*t == '%')
				buf_adds(out, "percent "), t++;
			else if (*t == 'x' && !ascii_isalpha((unsigned char)t[1]))
				buf_adds(out, "x "), t++;
		} else if (ascii_isalpha(c) || (c & 0x80)) {
			const char *s = t;
			int upper = 1;

			while (ascii_isalpha((unsigned char)*t) || *t == '\'' ||
			    (*t & 0x80)) {
				upper &= ascii_isupper((unsigned char)*t);
				t++;
			}
			if (t - s == 2 && ascii_strncasecmp(s, "ms", 2) == 0 &&
			    !upper) {
				buf_adds(out, "milliseconds ");
				continue;
			}
			for (const char *q = s; q < t; q++)
				buf_addc(out, (char)ascii_tolower((unsigned char)*q));
			buf_addc(out, ' ');
			if (upper && t - s >= 2 && t - s <= 6 && acr) {
				char *a = xstrndup(out->s + out->len - 1 -
				    (size_t)(t - s), (size_t)(t - s));

				if (strlist_find(acr, a) < 0)
					strlist_push_owned(acr, a);
				else
					free(a);
			}
		} else {
			if (strchr(".!?;:", c) && out->len &&
			    out->s[out->len - 1] != '\n')
				buf_addc(out, '\n');
			else if (c == '%')
				buf_adds(out, "percent ");
			t++;
		}
	}
}

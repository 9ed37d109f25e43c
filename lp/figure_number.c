/*
 * Reading one figure: the number (in digits or words), its unit and its
 * period, and the word helpers the metric reader shares.  Internal to
 * lp/figures.c; see lp/figure_number.h.
 */
#include "lp/figure_number.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/ascii.h"

/* A word of text t at i, lower case, into w; returns its end. */
size_t
fig_word_at(const char *t, size_t i, size_t len, char *w, size_t wsize)
{
	size_t j = 0;

	while (i < len && (ascii_isalnum(t[i]) || t[i] == '-' ||
	    t[i] == '\'' || (unsigned char)t[i] >= 0x80) && j + 1 < wsize)
		w[j++] = (char)ascii_tolower(t[i++]);
	w[j] = '\0';
	return i;
}

size_t
fig_skip_blanks(const char *t, size_t i, size_t len)
{
	while (i < len && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n'))
		i++;
	return i;
}

int
fig_in(const char *w, const char *const *list)
{
	size_t i;

	for (i = 0; list[i]; i++)
		if (strcmp(w, list[i]) == 0)
			return 1;
	return 0;
}

/* Numbers written as words, and their values. */
static const struct {
	const char *w;
	double v;
} numwords[] = {
	{ "zero", 0 }, { "none", 0 }, { "neither", 0 }, { "one", 1 },
	{ "two", 2 }, { "three", 3 }, { "four", 4 }, { "five", 5 },
	{ "six", 6 }, { "seven", 7 }, { "eight", 8 }, { "nine", 9 },
	{ "ten", 10 }, { "eleven", 11 }, { "twelve", 12 }, { "thirteen", 13 },
	{ "fourteen", 14 }, { "fifteen", 15 }, { "sixteen", 16 },
	{ "seventeen", 17 }, { "eighteen", 18 }, { "nineteen", 19 },
	{ "twenty", 20 }, { "thirty", 30 }, { "forty", 40 }, { "fifty", 50 },
	{ "sixty", 60 }, { "seventy", 70 }, { "eighty", 80 }, { "ninety", 90 },
	{ "dozen", 12 }, { "half", 0.5 }, { "hundred", 100 },
	{ "thousand", 1e3 }, { "million", 1e6 }, { "billion", 1e9 },
};

/* The value of one number word (or "twenty-five"), or -1. */
double
fig_numword(const char *w)
{
	char head[24];
	const char *dash = strchr(w, '-');
	size_t i;

	if (dash && (size_t)(dash - w) < sizeof(head)) {
		snprintf(head, sizeof(head), "%.*s", (int)(dash - w), w);
		if (fig_numword(head) >= 20 && fig_numword(dash + 1) >= 1 &&
		    fig_numword(dash + 1) < 10)
			return fig_numword(head) + fig_numword(dash + 1);
		return -1;
	}
	for (i = 0; i < sizeof(numwords) / sizeof(numwords[0]); i++)
		if (strcmp(w, numwords[i].w) == 0)
			return numwords[i].v;
	return -1;
}

/* Unit words after a number: what they make of it. */
static const struct {
	const char *w;
	enum figure_unit unit;
	double factor;
} units[] = {
	{ "ms", UNIT_TIME, 1 }, { "millisecond", UNIT_TIME, 1 },
	{ "milliseconds", UNIT_TIME, 1 }, { "s", UNIT_TIME, 1e3 },
	{ "sec", UNIT_TIME, 1e3 }, { "secs", UNIT_TIME, 1e3 },
	{ "second", UNIT_TIME, 1e3 }, { "seconds", UNIT_TIME, 1e3 },
	{ "min", UNIT_TIME, 6e4 }, { "mins", UNIT_TIME, 6e4 },
	{ "minute", UNIT_TIME, 6e4 }, { "minutes", UNIT_TIME, 6e4 },
	{ "h", UNIT_TIME, 3.6e6 }, { "hr", UNIT_TIME, 3.6e6 },
	{ "hrs", UNIT_TIME, 3.6e6 }, { "hour", UNIT_TIME, 3.6e6 },
	{ "hours", UNIT_TIME, 3.6e6 }, { "day", UNIT_TIME, 8.64e7 },
	{ "days", UNIT_TIME, 8.64e7 }, { "week", UNIT_TIME, 6.048e8 },
	{ "weeks", UNIT_TIME, 6.048e8 }, { "month", UNIT_TIME, 2.592e9 },
	{ "months", UNIT_TIME, 2.592e9 }, { "year", UNIT_TIME, 3.1536e10 },
	{ "years", UNIT_TIME, 3.1536e10 }, { "percent", UNIT_PERCENT, 1 },
	{ "kb", UNIT_BYTES, 1e3 }, { "mb", UNIT_BYTES, 1e6 },
	{ "gb", UNIT_BYTES, 1e9 }, { "tb", UNIT_BYTES, 1e12 },
	{ "pb", UNIT_BYTES, 1e15 }, { "x", UNIT_TIMES, 1 },
	{ "times", UNIT_TIMES, 1 },
};

int
fig_is_unit(const char *w)
{
	size_t u;

	for (u = 0; u < sizeof(units) / sizeof(units[0]); u++)
		if (strcmp(w, units[u].w) == 0)
			return 1;
	return 0;
}

/* Reads a number in digits at t[i]: "1,400", "0.9", "85ms", "$4.2M". */
static size_t
read_digits(const char *t, size_t i, size_t len, struct figure *f)
{
	char buf[40];
	size_t j = 0;

	while (i < len && (ascii_isdigit(t[i]) || ((t[i] == ',' ||
	    t[i] == '.') && i + 1 < len && ascii_isdigit(t[i + 1]))) &&
	    j + 1 < sizeof(buf)) {
		if (t[i] != ',')
			buf[j++] = t[i];
		i++;
	}
	buf[j] = '\0';
	f->value = strtod(buf, NULL);
	/* Suffixes: 4.2M, 300k, 2bn. */
	if (i < len && strchr("kKmMbB", t[i]) && (i + 1 >= len ||
	    !ascii_isalpha(t[i + 1]) || ascii_strncasecmp(t + i, "bn", 2) ==
	    0)) {
		f->value *= strchr("kK", t[i]) ? 1e3 : strchr("mM", t[i]) ? 1e6 :
		    1e9;
		i += ascii_strncasecmp(t + i, "bn", 2) == 0 ? 2 : 1;
	} else {
		/* "11 million", "2.3 billion", "40 thousand". */
		char w[24];
		size_t b = fig_skip_blanks(t, i, len), e;
		double m;

		e = fig_word_at(t, b, len, w, sizeof(w));
		if (b > i && b - i <= 2 && e > b && (m = fig_numword(w)) >= 1e3) {
			f->value *= m;
			i = e;
		}
	}
	return i;
}

/* Reads the unit after a number at t[i]; returns where the figure ends. */
static size_t
read_unit(const char *t, size_t i, size_t len, struct figure *f)
{
	char w[24];
	size_t j, k;

	if (i < len && t[i] == '%') {
		f->unit = UNIT_PERCENT;
		return i + 1;
	}
	if (i + 1 < len && (unsigned char)t[i] == 0xc3 &&
	    (unsigned char)t[i + 1] == 0x97) {	/* × */
		f->unit = UNIT_TIMES;
		return i + 2;
	}
	/* One blank, or the line break of hard-wrapped text: "10\nminutes". */
	j = i < len && (t[i] == ' ' || t[i] == '\n') ? i + 1 : i;
	k = fig_word_at(t, j, len, w, sizeof(w));
	if (k == j)
		return i;
	if (strcmp(w, "per") == 0 &&
	    ascii_strncasecmp(t + k, " cent", 5) == 0) {
		f->unit = UNIT_PERCENT;
		return k + 5;
	}
	for (size_t u = 0; u < sizeof(units) / sizeof(units[0]); u++)
		if (strcmp(w, units[u].w) == 0 && f->unit != UNIT_MONEY) {
			f->unit = units[u].unit;
			f->value *= units[u].factor;
			f->factor = units[u].factor;
			return k;
		}
	/* "thirty-one thousand dollars": money named after the number. */
	if (f->unit != UNIT_MONEY && fig_in(w, (const char *const[]){
	    "dollars", "euros", "pounds", "usd", "eur", "gbp", NULL })) {
		f->unit = UNIT_MONEY;
		snprintf(f->currency, sizeof(f->currency), "%s", w[0] == 'd' ||
		    w[0] == 'u' ? "$" : (w[0] == 'e' ? "\xe2\x82\xac" :
		    "\xc2\xa3"));
		return k;
	}
	return i;
}

/*
 * Whether the word before t[start] makes quarters a time: "over three
 * quarters", "in two quarters", not "to three quarters".
 */
static int
time_before(const char *t, size_t start)
{
	char w[24];
	size_t e = start, b;

	while (e > 0 && (t[e - 1] == ' ' || t[e - 1] == '\n'))
		e--;
	for (b = e; b > 0 && ascii_isalpha(t[b - 1]); b--)
		;
	if (e == b || e - b >= sizeof(w))
		return 0;
	fig_word_at(t, b, e, w, sizeof(w));
	return fig_in(w, (const char *const[]){ "over", "in", "for", "within",
	    "across", "during", "next", "last", "past", "first", "after",
	    "every", NULL });
}

/* "three quarters", "two thirds": a share, in percent; 0 when not one. */
static double
fraction_of(const char *w)
{
	static const struct {
		const char *w;
		double d;
	} den[] = {
		{ "halves", 2 }, { "third", 3 }, { "thirds", 3 },
		{ "quarter", 4 }, { "quarters", 4 }, { "fifth", 5 },
		{ "fifths", 5 }, { "tenth", 10 }, { "tenths", 10 },
	};
	size_t i;

	for (i = 0; i < sizeof(den) / sizeof(den[0]); i++)
		if (strcmp(w, den[i].w) == 0)
			return den[i].d;
	return 0;
}

size_t
fig_read_period(const char *t, size_t i, size_t len, struct figure *f)
{
	static const char *const periods[] = { "year", "month", "week", "day",
		"hour", "quarter", NULL };
	char w[24];
	size_t j = fig_skip_blanks(t, i, len), k;

	k = fig_word_at(t, j, len, w, sizeof(w));
	if (strcmp(w, "a") != 0 && strcmp(w, "an") != 0 && strcmp(w, "per"))
		return i;
	j = fig_skip_blanks(t, k, len);
	k = fig_word_at(t, j, len, w, sizeof(w));
	if (!fig_in(w, periods))
		return i;
	snprintf(f->period, sizeof(f->period), "%.7s", w);
	return k;
}

/* Multiplier words: "twice" 2, "halved" 0.5. */
static double
multiplier_word(const char *w)
{
	static const struct {
		const char *w;
		double v;
	} m[] = {
		{ "twice", 2 }, { "doubled", 2 }, { "tripled", 3 },
		{ "quadrupled", 4 }, { "halved", 0.5 },
	};
	size_t i;

	for (i = 0; i < sizeof(m) / sizeof(m[0]); i++)
		if (strcmp(w, m[i].w) == 0)
			return m[i].v;
	return -1;
}

/*
 * Reads the figure the fragment found in t[ms..me); returns where it ends
 * (past me when the unit follows), or 0 when nothing there is a number.
 */
size_t
fig_read_number(const char *t, size_t len, size_t ms, size_t me,
    struct figure *f)
{
	size_t i, u, end;
	char w[24];
	double v;

	for (i = ms; i < me && !ascii_isdigit(t[i]); i++)
		;
	if (i < me) {
		/* A currency sign just before the digits makes it money. */
		size_t sign = i > 0 && t[i - 1] == ' ' ? i - 1 : i;

		f->start = i;
		if (sign >= 1 && t[sign - 1] == '$') {
			snprintf(f->currency, sizeof(f->currency), "$");
			f->start = sign - 1;
		} else if (sign >= 2 && (unsigned char)t[sign - 2] == 0xc2 &&
		    (unsigned char)t[sign - 1] == 0xa3) {
			snprintf(f->currency, sizeof(f->currency), "£");
			f->start = sign - 2;
		} else if (sign >= 3 && (unsigned char)t[sign - 3] == 0xe2 &&
		    (unsigned char)t[sign - 2] == 0x82 &&
		    (unsigned char)t[sign - 1] == 0xac) {
			snprintf(f->currency, sizeof(f->currency), "€");
			f->start = sign - 3;
		}
		if (f->currency[0])
			f->unit = UNIT_MONEY;
		end = read_digits(t, i, len, f);
		/* "5th", "1st": a place in a ranking. */
		if (end + 1 < len && (strncmp(t + end, "st", 2) == 0 ||
		    strncmp(t + end, "nd", 2) == 0 || strncmp(t + end, "rd", 2) ==
		    0 || strncmp(t + end, "th", 2) == 0)) {
			f->unit = UNIT_RANK;
			return end + 2;
		}
		u = read_unit(t, end, len, f);
		/* "a recall of 0.82": a proportion, the same as 82%. */
		if (u == end && f->unit == UNIT_COUNT && f->value > 0 &&
		    f->value < 1 && memchr(t + i, '.', end - i)) {
			f->unit = UNIT_PERCENT;
			f->value *= 100;
		}
		return fig_read_period(t, u, len, f);
	}
	/* In words: "two hours", "a dozen", "twice", "zero". */
	for (i = ms; i < me; i = fig_skip_blanks(t, i, len)) {
		size_t e = fig_word_at(t, i, len, w, sizeof(w));

		if (e == i) {
			i++;
			continue;
		}
		if ((v = multiplier_word(w)) >= 0) {
			f->start = i;
			f->value = v;
			f->unit = UNIT_TIMES;
			return e;
		}
		if ((v = fig_numword(w)) >= 0) {
			f->start = i;
			f->value = v;
			end = e;
			/* "two hundred", "three million" */
			for (;;) {
				size_t j = fig_skip_blanks(t, end, len), k;

				k = fig_word_at(t, j, len, w, sizeof(w));
				if (k == j || (v = fig_numword(w)) < 100)
					break;
				f->value *= v;
				end = k;
			}
			{
				size_t j = fig_skip_blanks(t, end, len), k;
				double d;

				k = fig_word_at(t, j, len, w, sizeof(w));
				if (k > j && (d = fraction_of(w)) > f->value &&
				    !time_before(t, f->start)) {
					f->unit = UNIT_PERCENT;
					f->value = f->value / d * 100;
					return k;
				}
			}
			return fig_read_period(t, read_unit(t, end, len, f), len, f);
		}
		i = e;
	}
	return 0;
}

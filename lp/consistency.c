#include "lp/consistency.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/xalloc.h"

/* Words that name what a number measures. */
static const char *const metrics[] = {
	"latency", "cost", "costs", "bill", "spend", "spending", "revenue",
	"savings", "sales", "budget", "precision", "recall", "accuracy", "auc",
	"ndcg", "conversion", "ctr", "click-through", "queue", "incidents",
	"errors", "outages", "pages", "users", "customers", "requests",
	"transactions", "models", "runtime", "throughput", "qps", "traffic",
	"churn", "retention", "team", "engineers", "headcount", "complaints",
	"sessions", "orders", "reviews", "saved", "saving", "spent", NULL
};

/* Words that name the same metric as another. */
static const char *const same_as[][2] = {
	{ "saved", "savings" }, { "saving", "savings" }, { "costs", "cost" },
	{ "spent", "spend" }, { "spending", "spend" },
	{ "click-through", "ctr" }, { "outages", "incidents" },
};

static const char *
canonical_metric(const char *w)
{
	size_t i;

	for (i = 0; i < sizeof(same_as) / sizeof(same_as[0]); i++)
		if (strcmp(w, same_as[i][0]) == 0)
			return same_as[i][1];
	return w;
}

struct tok {
	const char *s;		/* in the section text */
	size_t len;
	char low[32];		/* lower case, punctuation trimmed */
};

static int
in_list(const char *const *list, const char *w)
{
	int i;

	for (i = 0; list[i]; i++)
		if (strcmp(list[i], w) == 0)
			return 1;
	return 0;
}

/* Splits text[0..len) into words (runs of non-space). */
static size_t
tokenize(const char *text, size_t len, struct tok *t, size_t max)
{
	size_t i = 0, n = 0, k, j;

	while (i < len && n < max) {
		while (i < len && isspace((unsigned char)text[i]))
			i++;
		if (i >= len)
			break;
		t[n].s = text + i;
		while (i < len && !isspace((unsigned char)text[i]))
			i++;
		t[n].len = (size_t)(text + i - t[n].s);
		/* Trim closing punctuation, keep '%', '$', '.' in numbers. */
		for (k = j = 0; k < t[n].len && j + 1 < sizeof(t[n].low); k++)
			t[n].low[j++] = (char)tolower((unsigned char)t[n].s[k]);
		t[n].low[j] = '\0';
		while (j > 0 && strchr(",;:!?)\"'", t[n].low[j - 1]))
			t[n].low[--j] = '\0';
		if (j > 0 && t[n].low[j - 1] == '.')
			t[n].low[--j] = '\0';
		n++;
	}
	return n;
}

/*
 * Reads a number token: optional currency sign, digits with commas and a
 * decimal part, optional k/m/bn suffix or '%'.  Sets *money, *percent.
 */
static int
read_number(const char *w, double *v, int *money, int *percent)
{
	const char *p = w;
	char digits[32];
	size_t n = 0;
	int saw_digit = 0;

	*money = *percent = 0;
	if (strncmp(p, "$", 1) == 0 || strncmp(p, "\xe2\x82\xac", 3) == 0 ||
	    strncmp(p, "\xc2\xa3", 2) == 0) {
		*money = 1;
		p += *p == '$' ? 1 : (unsigned char)*p == 0xe2 ? 3 : 2;
	}
	while (*p && n + 1 < sizeof(digits) && (isdigit((unsigned char)*p) ||
	    *p == ',' || *p == '.')) {
		if (*p != ',')
			digits[n++] = *p;
		saw_digit |= isdigit((unsigned char)*p);
		p++;
	}
	digits[n] = '\0';
	if (!saw_digit)
		return 0;
	*v = strtod(digits, NULL);
	if (strcmp(p, "k") == 0)
		*v *= 1e3;
	else if (strcmp(p, "m") == 0)
		*v *= 1e6;
	else if (strcmp(p, "b") == 0 || strcmp(p, "bn") == 0)
		*v *= 1e9;
	else if (strcmp(p, "%") == 0)
		*percent = 1;
	else if (*p != '\0')
		return 0;	/* 3.1.4, 2x, p99, 20th: not a plain number */
	return 1;
}

/* Unit words: class and factor to the base unit. */
static const struct {
	const char *word, *unit;
	double factor;
} units[] = {
	{ "ms", "time", 1 }, { "milliseconds", "time", 1 },
	{ "s", "time", 1e3 }, { "sec", "time", 1e3 }, { "secs", "time", 1e3 },
	{ "seconds", "time", 1e3 }, { "minutes", "time", 6e4 },
	{ "mins", "time", 6e4 }, { "hours", "time", 3.6e6 },
	{ "hrs", "time", 3.6e6 }, { "days", "days", 1 },
	{ "weeks", "days", 7 }, { "percent", "percent", 1 },
	{ "people", "people", 1 }, { "engineers", "people", 1 },
	{ "million", "count", 1e6 }, { "thousand", "count", 1e3 },
	{ "billion", "count", 1e9 },
};

static void
add_quantity(struct quantity **q, size_t *n, size_t *alloc, const char *key,
    double value, const char *from, const char *to)
{
	*q = xgrow(*q, alloc, *n + 1, sizeof(**q));
	(*q)[*n].key = xstrdup(key);
	(*q)[*n].value = value;
	(*q)[*n].phrase = xstrndup(from, (size_t)(to - from));
	(*n)++;
}

static void
sentence_quantities(const char *text, size_t len, struct quantity **q,
    size_t *n, size_t *alloc)
{
	struct tok t[256];
	size_t nt = tokenize(text, len, t, 256), i, j, u;
	struct buf key = BUF_INIT;

	for (i = 0; i < nt; i++) {
		const char *unit = "count", *metric = NULL, *role = "plain";
		const char *period = "", *start, *end;
		double v, factor = 1;
		int money, percent;
		size_t last = i, mtok = i;

		if (!read_number(t[i].low, &v, &money, &percent))
			continue;
		if (money)
			unit = "money";
		if (percent)
			unit = "percent";
		for (u = 0; !money && !percent && i + 1 < nt &&
		    u < sizeof(units) / sizeof(units[0]); u++)
			if (strcmp(t[i + 1].low, units[u].word) == 0) {
				unit = units[u].unit;
				factor = units[u].factor;
				last = i + 1;
				break;
			}
		/* A calendar year, not a quantity. */
		if (strcmp(unit, "count") == 0 && v >= 1900 && v <= 2099 &&
		    floor(v) == v)
			continue;
		/* "a team of 5": the team; else the nearest metric before. */
		if (i >= 2 && strcmp(t[i - 1].low, "of") == 0 &&
		    (strcmp(t[i - 2].low, "team") == 0 ||
		    strcmp(t[i - 2].low, "group") == 0)) {
			metric = "team";
			mtok = i - 2;
			unit = "people";	/* "of 6" and "of 6 engineers" */
		}
		/*
		 * A bare count measures the noun after it ("14 models", "2
		 * million transactions", "3 skew bugs"); a number with a unit
		 * measures the nearest metric before it ("p99 latency fell to
		 * 85 ms").
		 */
		if (metric == NULL && (strcmp(unit, "count") == 0 ||
		    strcmp(unit, "people") == 0) && last + 1 < nt &&
		    isalpha((unsigned char)t[last + 1].low[0])) {
			size_t noun = last + 1;

			if (!in_list(metrics, t[noun].low) && noun + 1 < nt &&
			    in_list(metrics, t[noun + 1].low))
				noun++;
			metric = t[noun].low;
			last = noun;
		}
		for (j = i; metric == NULL && j > 0 && i - j < 6; j--)
			if (in_list(metrics, t[j - 1].low)) {
				metric = t[j - 1].low;
				mtok = j - 1;
			}
		if (metric == NULL)
			continue;
		if (i > 0 && (strcmp(t[i - 1].low, "from") == 0 ||
		    strcmp(t[i - 1].low, "to") == 0 ||
		    strcmp(t[i - 1].low, "by") == 0))
			role = t[i - 1].low;
		if (strcmp(unit, "money") == 0 && last + 1 < nt) {
			const char *a = t[last + 1].low;
			const char *b = last + 2 < nt ? t[last + 2].low : "";

			if ((strcmp(a, "a") == 0 || strcmp(a, "per") == 0) &&
			    (strcmp(b, "year") == 0 || strcmp(b, "month") == 0 ||
			    strcmp(b, "quarter") == 0 || strcmp(b, "day") ==
			    0)) {
				period = b;
				last += 2;
			}
		}
		buf_reset(&key);
		buf_addf(&key, "%s|%s|%s|%s", canonical_metric(metric), unit,
		    role, period);
		start = t[mtok < i ? mtok : i].s;
		end = t[last].s + t[last].len;
		while (end > start && strchr(".,;:!?)", end[-1]))
			end--;
		add_quantity(q, n, alloc, key.s, v * factor, start, end);
	}
	buf_release(&key);
}

void
story_quantities(const struct story *s, struct quantity **out, size_t *n)
{
	size_t alloc = 0, a, b, len;
	int sec;

	*out = NULL;
	*n = 0;
	for (sec = 0; sec < SEC_COUNT; sec++) {
		const char *t = s->section[sec];

		len = strlen(t);
		for (a = 0; a < len; a = b) {
			/* Sentences end at '.', '!' or '?' before a space. */
			for (b = a; b < len; b++)
				if (strchr(".!?", t[b]) && (b + 1 == len ||
				    isspace((unsigned char)t[b + 1]))) {
					b++;
					break;
				}
			sentence_quantities(t + a, b - a, out, n, &alloc);
		}
	}
}

void
quantities_free(struct quantity *q, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(q[i].key);
		free(q[i].phrase);
	}
	free(q);
}

static int
differ(double a, double b)
{
	double m = fabs(a) > fabs(b) ? fabs(a) : fabs(b);

	return fabs(a - b) > m * 0.005;
}

void
story_numbers_of(const struct story *s, struct story_numbers *out)
{
	out->id = s->id;
	out->project = s->project ? xstrdup(s->project) : NULL;
	story_quantities(s, &out->q, &out->n);
}

void
story_numbers_free(struct story_numbers *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].project);
		quantities_free(v[i].q, v[i].n);
	}
	free(v);
}

void
contradictions_among(const struct story_numbers *v, size_t n,
    struct contradiction **out, size_t *nout)
{
	size_t alloc = 0, i, j, x, y;

	*out = NULL;
	*nout = 0;
	for (i = 0; i < n; i++)
		for (j = i + 1; j < n; j++) {
			int found = 0;

			if (!v[i].project || !v[j].project ||
			    strcmp(v[i].project, v[j].project) != 0)
				continue;
			for (x = 0; x < v[i].n && !found; x++)
				for (y = 0; y < v[j].n && !found; y++) {
					if (strcmp(v[i].q[x].key, v[j].q[y].key)
					    || !differ(v[i].q[x].value,
					    v[j].q[y].value))
						continue;
					*out = xgrow(*out, &alloc, *nout + 1,
					    sizeof(**out));
					(*out)[*nout].a = i;
					(*out)[*nout].b = j;
					(*out)[*nout].phrase_a =
					    xstrdup(v[i].q[x].phrase);
					(*out)[*nout].phrase_b =
					    xstrdup(v[j].q[y].phrase);
					(*nout)++;
					found = 1;
				}
		}
}

void
find_contradictions(const struct story *v, size_t n, const int *consider,
    struct contradiction **out, size_t *nout)
{
	struct story_numbers *sn = xcalloc(n + 1, sizeof(*sn));
	size_t i;

	for (i = 0; i < n; i++)
		if (consider == NULL || consider[i])
			story_numbers_of(&v[i], &sn[i]);
	contradictions_among(sn, n, out, nout);
	story_numbers_free(sn, n);
}

void
contradictions_free(struct contradiction *c, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(c[i].phrase_a);
		free(c[i].phrase_b);
	}
	free(c);
}

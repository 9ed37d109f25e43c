/* The figures a story gives: see lp/figures.h. */
#include "lp/figures.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/ascii.h"
#include "base/xalloc.h"
#include "lp/figure_number.h"

const char *
figure_unit_name(enum figure_unit u)
{
	static const char *const names[] = { "count", "ms", "%", "money", "x",
		"bytes", "rank" };

	return (size_t)u < sizeof(names) / sizeof(names[0]) ? names[u] : "?";
}

int
figure_reader_open(struct figure_reader *fr, const struct rubric *rb,
    struct buf *err)
{
	struct buf src = BUF_INIT;
	int rc;

	memset(fr, 0, sizeof(*fr));
	if (rubric_expand(rb, "{{figure}}", &src, err) < 0) {
		buf_release(&src);
		return -1;
	}
	rc = pattern_compile(&fr->pat, src.s, "{{figure}}", 0, 0,
	    "the figure fragment", err);
	buf_release(&src);
	if (rc < 0)
		return -1;
	if (match_env_init(&fr->env) < 0) {
		pattern_free(&fr->pat);
		buf_addf(err, "out of memory for the regex engine\n");
		return -1;
	}
	return 0;
}

void
figure_reader_close(struct figure_reader *fr)
{
	match_env_free(&fr->env);
	pattern_free(&fr->pat);
	memset(fr, 0, sizeof(*fr));
}

void
figures_release(struct figures *f)
{
	free(f->v);
	memset(f, 0, sizeof(*f));
}

/* Whether a comma comes just before t[i] (blanks aside). */
static int
comma_before(const char *t, size_t i)
{
	while (i > 0 && (t[i - 1] == ' ' || t[i - 1] == '\n'))
		i--;
	return i > 0 && t[i - 1] == ',';
}

/* Words between a metric and its number ("fell from", "went up to"). */
static const char *const joining[] = {
	"the", "a", "an", "its", "our", "their", "my", "this", "that", "from",
	"to", "by", "at", "of", "in", "on", "for", "with", "was", "is", "were",
	"are", "be", "been", "has", "have", "had", "went", "fell", "rose",
	"dropped", "climbed", "jumped", "stayed", "held", "got", "came",
	"moved", "grew", "shrank", "reached", "hit", "improved", "increased",
	"decreased", "reduced", "cut", "brought", "sat", "remained", "averaged",
	"peaked", "settled", "down", "up", "back", "only", "just", "about",
	"around", "roughly", "nearly", "almost", "over", "under", "less",
	"more", "than", "and", "now", "still", "then", "already", "after",
	"before", "since", "within", "earlier", "later", "ago", "today", "per",
	"every", "each", "it", "we", "i", "they", "which", "also", "all",
	"some", "went", "goes", "go", "made", "make", "kept", "keep", "new",
	"old", "first", "last", "next", "so", "but", "while", "when", "as",
	"year", "month", "week", "day", "quarter", "sits", "sat", "stands",
	"stood", "come", "took", "takes", "take", "runs", "hovered", "hovers",
	"ended", "ends", "landed", "during", "without", "across", "dollars",
	"euros", "pounds", NULL
};

/* One name for a metric said several ways ("saved", "savings"). */
static const char *
canonical(const char *w)
{
	static const char *const same[][2] = {
		{ "saved", "savings" }, { "saving", "savings" },
		{ "saves", "savings" }, { "costs", "cost" }, { "spent", "spend" },
		{ "spending", "spend" }, { "outages", "incidents" },
		{ "click-through", "ctr" }, { "bills", "bill" },
		{ "latencies", "latency" }, { "errors", "error" },
	};
	size_t i;

	for (i = 0; i < sizeof(same) / sizeof(same[0]); i++)
		if (strcmp(w, same[i][0]) == 0)
			return same[i][1];
	return w;
}

/* Where a value is said: before a change, after it, the change itself. */
static void
role_before(const char *t, size_t start, char role[6])
{
	static const char *const soft[] = { "about", "around", "roughly",
		"nearly", "almost", "just", "only", "under", "over", "back",
		"all", "the", "a", NULL };
	char w[24];
	size_t i = start, e;

	role[0] = '\0';
	for (;;) {
		while (i > 0 && (t[i - 1] == ' ' || t[i - 1] == '\t' ||
		    t[i - 1] == '\n'))
			i--;
		e = i;
		while (i > 0 && ascii_isalpha(t[i - 1]))
			i--;
		if (i == e || e - i >= sizeof(w))
			return;
		snprintf(w, sizeof(w), "%.*s", (int)(e - i), t + i);
		for (char *p = w; *p; p++)
			*p = (char)ascii_tolower(*p);
		if (strcmp(w, "from") == 0 || strcmp(w, "by") == 0) {
			snprintf(role, 6, "%.5s", w);
			return;
		}
		/* "fell 60%", "was down 1.2%", "gained 1.8%": the change. */
		if (fig_in(w, (const char *const[]){ "up", "down", "rose",
		    "fell", "dropped", "grew", "climbed", "jumped", "shrank",
		    "improved", "increased", "decreased", "reduced", "lifted",
		    "gained", "lost", "declined", "slipped", "sank", "soared",
		    "added", NULL })) {
			snprintf(role, 6, "by");
			return;
		}
		/* "to 85 ms": the value after a change. */
		if (strcmp(w, "to") == 0) {
			snprintf(role, 6, "to");
			return;
		}
		/* "at 60 ms", "was 90 ms": a level, before or after by where. */
		if (fig_in(w, (const char *const[]){ "at", "of", "is", "was",
		    "are", "were", "stayed", "held", "hit", "reached", "now",
		    NULL })) {
			snprintf(role, 6, "at");
			return;
		}
		if (!fig_in(w, soft))
			return;
	}
}

/* The word that ends before t[i] (blanks aside), lower case, into w. */
static const char *
word_before(const char *t, size_t i, char *w, size_t size)
{
	size_t e;

	while (i > 0 && (t[i - 1] == ' ' || t[i - 1] == '\n'))
		i--;
	e = i;
	while (i > 0 && (ascii_isalpha(t[i - 1]) || t[i - 1] == '\'' ||
	    t[i - 1] == '-'))
		i--;
	fig_word_at(t, i, e, w, size);
	return w;
}

/*
 * The metric a figure measures: the content words just before it in its
 * clause ("the freshness lag from two hours to 15 minutes"), skipping the
 * words that join a metric to its number and other figures on the way.
 */
static size_t
metric_before(const char *t, size_t start, char *metric, size_t size)
{
	static const char *const qualifier[] = { "on", "in", "for", "after",
		"before", "since", "during", "with", "without", "across", "at",
		"under", NULL };
	static const char *const article[] = { "the", "a", "an", "its",
		"our", "their", "this", "that", "my", "each", "every", NULL };
	char words[3][24], kept[3][24], w[24], pw[24], link[24] = "";
	size_t i = start, e, first = start, kfirst = start;
	int n = 0, nkept = 0, k;

	metric[0] = '\0';
	while (i > 0 && n < 3) {
		char c = t[i - 1];

		/* A decimal point is no sentence end: "2.4%". */
		if (c == '.' && ascii_isdigit(t[i]) && i >= 2 &&
		    ascii_isdigit(t[i - 2])) {
			i--;
			continue;
		}
		if (c == '.' || c == ';' || c == '!' || c == '?' || c == ':' ||
		    c == '(' || c == ')' || (c == '\n' && i >= 2 &&
		    t[i - 2] == '\n'))
			break;
		if (!ascii_isalnum(c) && c != '-' &&
		    (unsigned char)c < 0x80) {
			i--;
			continue;
		}
		e = i;
		while (i > 0 && (ascii_isalnum(t[i - 1]) ||
		    t[i - 1] == '-' || t[i - 1] == '\'' ||
		    (unsigned char)t[i - 1] >= 0x80))
			i--;
		fig_word_at(t, i, e, w, sizeof(w));
		/*
		 * "340 ms against a 150 ms budget", "0.82 versus 0.61 for the
		 * rule": a baseline or a bound, not the metric's value.
		 */
		if (fig_in(w, (const char *const[]){ "against", "versus", "vs",
		    "compared", "instead", "unlike", NULL })) {
			n = nkept = 0;
			break;
		}
		/* ", and we cut ...": the clause before is another claim. */
		if (fig_in(w, (const char *const[]){ "and", "but", "so", "while",
		    "which", "whereas", NULL }) && comma_before(t, i))
			break;
		/*
		 * "close after the switch took two days", "recall on urgent
		 * messages was 0.82": words after a preposition qualify the
		 * metric before it.  Once, and kept if nothing is before; not
		 * when "of" links them to the number ("with a p50 of 38ms").
		 */
		if (n > 0 && nkept == 0 && strcmp(link, "of") != 0 &&
		    (fig_in(w, qualifier) ||
		    (fig_in(w, article) && fig_in(word_before(t, i, pw,
		    sizeof(pw)), qualifier)))) {
			memcpy(kept, words, sizeof(kept));
			nkept = n;
			kfirst = first;
			n = 0;
			continue;
		}
		/* Numbers and units of other figures, and joining words. */
		if (ascii_isdigit(w[0]) || fig_numword(w) >= 0 ||
		    fig_in(w, joining) || fig_is_unit(w)) {
			if (n > 0)
				break;
			if (link[0] == '\0' && fig_in(w, joining))
				snprintf(link, sizeof(link), "%s", w);
			continue;
		}
		/* "the service's p99 latency": the owner is not the metric. */
		if (strlen(w) > 2 && strcmp(w + strlen(w) - 2, "'s") == 0)
			break;
		snprintf(words[n++], sizeof(words[0]), "%s", w);
		first = i;
	}
	if (n == 0 && nkept > 0) {
		memcpy(words, kept, sizeof(words));
		n = nkept;
		first = kfirst;
	}
	for (k = n - 1; k >= 0; k--)
		snprintf(metric + strlen(metric), size - strlen(metric), "%s%s",
		    k == n - 1 ? "" : " ", canonical(words[k]));
	return first;
}

/*
 * The thing a count counts: the words after it ("1,400 fraud cases");
 * returns where they end.
 */
static size_t
counted_after(const char *t, size_t i, size_t len, char *metric, size_t size)
{
	static const char *const skip[] = { "of", "more", "fewer", "extra",
		"new", "the", "our", "its", "their", "all", "other", "real",
		NULL };
	char w[24];
	int n = 0;

	metric[0] = '\0';
	while (n < 2) {
		size_t e;

		i = fig_skip_blanks(t, i, len);
		if (i >= len || !ascii_isalpha(t[i]))
			break;
		e = fig_word_at(t, i, len, w, sizeof(w));
		if (fig_in(w, skip) && n == 0) {
			i = fig_skip_blanks(t, e, len);
			/* "1,140 of 1,400 fraud cases": the cases, both times. */
			if (strcmp(w, "of") == 0 && i < len &&
			    ascii_isdigit(t[i]))
				while (i < len && (ascii_isdigit(t[i]) ||
				    t[i] == ',' || t[i] == '.'))
					i++;
			continue;
		}
		if (fig_numword(w) >= 0 || fig_in(w, joining))
			break;
		snprintf(metric + strlen(metric), size - strlen(metric), "%s%s",
		    n ? " " : "", w);
		n++;
		i = e;
	}
	return i;
}


/*
 * Whether a count at t[start] belongs to something the sentence names
 * ("its 300 pods", "the vendor's 12 annotators"): a part, not the
 * project's own number, so nothing to compare.
 */
static int
owned(const char *t, size_t start)
{
	char w[24];
	size_t i = start, n;

	for (n = 0; n < 2; n++) {
		while (i > 0 && (t[i - 1] == ' ' || t[i - 1] == '\n'))
			i--;
		word_before(t, i, w, sizeof(w));
		if (fig_in(w, (const char *const[]){ "its", "their", "his",
		    "her", NULL }) || (strlen(w) > 2 &&
		    strcmp(w + strlen(w) - 2, "'s") == 0))
			return 1;
		if (!fig_in(w, (const char *const[]){ "all", "only", "just",
		    "about", "some", "nearly", NULL }) || strlen(w) > i)
			return 0;
		i -= strlen(w);
	}
	return 0;
}

/*
 * Whether a count at t[start] is said as the whole of something ("the
 * 2,400 agents", "all 1,800 stores", "a total of 40"), rather than some
 * of it ("in 60 stores", "routed zero forms back").
 */
static int
definite(const char *t, size_t start)
{
	char w[24];
	size_t i = start, n;

	for (n = 0; n < 3; n++) {
		while (i > 0 && (t[i - 1] == ' ' || t[i - 1] == '\n'))
			i--;
		word_before(t, i, w, sizeof(w));
		if (fig_in(w, (const char *const[]){ "the", "our", "all",
		    "every", "total", "whole", "entire", NULL }))
			return 1;
		if (!fig_in(w, (const char *const[]){ "about", "around",
		    "roughly", "nearly", "some", "just", "over", "of", "a",
		    NULL }) || strlen(w) > i || w[0] == '\0')
			return 0;
		i -= strlen(w);
	}
	return 0;
}

/*
 * "from $31k a month to $13k", "from 18 minutes to forty": the value
 * after a change is in the unit and period of the value before, and the
 * other way round ("from 3 to 5 hours"), when one of them does not say.
 */
static void
share_units(const char *t, struct figure *a, struct figure *b)
{
	struct figure *from = a, *to = b;

	if (strcmp(a->role, "from") != 0 || strcmp(b->role, "to") != 0 ||
	    b->start < a->end || b->start - a->end > 40 ||
	    memchr(t + a->end, '.', b->start - a->end))
		return;
	if (to->unit == UNIT_COUNT && from->unit != UNIT_COUNT) {
		to->unit = from->unit;
		to->value *= from->factor ? from->factor : 1;
		to->factor = from->factor;
		memcpy(to->currency, from->currency, sizeof(to->currency));
		to->metric[0] = '\0';
	} else if (from->unit == UNIT_COUNT && to->unit != UNIT_COUNT) {
		from->unit = to->unit;
		from->value *= to->factor ? to->factor : 1;
		from->factor = to->factor;
		memcpy(from->currency, to->currency, sizeof(from->currency));
		from->metric[0] = '\0';
	}
	if (!to->period[0])
		memcpy(to->period, from->period, sizeof(to->period));
	else if (!from->period[0])
		memcpy(from->period, to->period, sizeof(from->period));
}

/* Reads one figure that the fragment found at t[ms..me); 0 if none. */
static size_t
read_one(const char *t, size_t len, size_t ms, size_t me, struct figure *f)
{
	size_t end = fig_read_number(t, len, ms, me, f), noun;

	if (end == 0)
		return 0;
	f->end = end;
	role_before(t, f->start, f->role);
	if (f->unit == UNIT_COUNT) {
		noun = counted_after(t, end, len, f->metric, sizeof(f->metric));
		/* "11 million calls a year": a rate. */
		if (!f->period[0] && f->metric[0])
			fig_read_period(t, noun, len, f);
		f->definite = definite(t, f->start);
	}
	f->mstart = f->start;
	if (f->unit == UNIT_COUNT && owned(t, f->start))
		f->metric[0] = '\0';
	return end;
}

int
figures_of(struct figure_reader *fr, const struct story *s,
    struct figures *out, struct buf *err)
{
	size_t from, ms, me, len, first;
	int sec, rc;

	for (sec = 0; sec < SEC_COUNT; sec++) {
		const char *t = s->section[sec];

		len = strlen(t);
		first = out->n;
		match_env_start(&fr->env);
		for (from = 0; from < len;) {
			struct figure f;
			size_t end;

			rc = pattern_find(&fr->env, &fr->pat, t, len, from, &ms,
			    &me, "a story", "figures", err);
			if (rc < 0)
				return -1;
			if (rc == 0)
				break;
			memset(&f, 0, sizeof(f));
			f.section = sec;
			if ((end = read_one(t, len, ms, me, &f)) == 0) {
				from = me;
				continue;
			}
			out->v = xgrow(out->v, &out->alloc, out->n + 1,
			    sizeof(*out->v));
			out->v[out->n++] = f;
			from = end > me ? end : me;
		}
		/* Units shared along "from ... to", then each metric. */
		for (size_t k = first + 1; k < out->n; k++)
			share_units(t, &out->v[k - 1], &out->v[k]);
		for (size_t k = first; k < out->n; k++) {
			struct figure *f = &out->v[k];

			if (f->metric[0] == '\0' && !(f->unit == UNIT_COUNT &&
			    owned(t, f->start)))
				f->mstart = metric_before(t, f->start,
				    f->metric, sizeof(f->metric));
		}
	}
	return 0;
}

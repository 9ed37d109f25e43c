/* Spoken practice, delivery and content: see lp/speech.h. */
#include "lp/speech.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "lp/number_words.h"
#include "stories/comment.h"

void
speech_report_release(struct speech_report *r)
{
	delivery_release(&r->d);
	free(r->why_not);
	free(r->transcript);
	free(r->generic);
	lint_result_release(&r->lint);
	for (size_t i = 0; i < r->nsaid; i++)
		free(r->said[i].text);
	free(r->said);
	for (size_t i = 0; i < r->nheard; i++) {
		free(r->heard[i].text);
		free(r->heard[i].story_text);
	}
	free(r->heard);
	memset(r, 0, sizeof(*r));
}

/* The story's language model: what it says, as it would be said. */
static void
story_model(const struct story *s, struct story_lm *lm)
{
	story_lm_init(lm);
	for (int k = 0; k < SEC_COUNT; k++) {
		char *said = comments_strip(s->section[k]);

		story_lm_add(lm, said);
		free(said);
	}
}

/*
 * Runs one recognition pass over v[0..n) into the words *out (owned);
 * returns 0, REC_NO_MODEL or -1.
 */
static int
recognise(const int16_t *v, size_t n, const struct speech_opts *o,
    const struct story_lm *bias, char **out, struct buf *err)
{
	struct recognizer_opts ro = { o->model_dir, bias,
		bias ? SPEECH_BIAS_WEIGHT : 0 };
	struct transcript t = { 0 };
	struct buf text = BUF_INIT;
	struct recognizer rec;
	int rc = recognizer_open(&rec, &ro, err);

	if (rc != 0)
		return rc;
	if (recognizer_feed(&rec, v, n, err) < 0 ||
	    recognizer_words(&rec, &t, err) < 0)
		rc = -1;
	recognizer_close(&rec);
	transcript_text(&t, &text);
	transcript_release(&t);
	*out = buf_detach(&text);
	return rc;
}

static int
word_in(const char *w, size_t len, const char *const *list)
{
	for (size_t i = 0; list[i]; i++)
		if (strlen(list[i]) == len && memcmp(w, list[i], len) == 0)
			return 1;
	return 0;
}

/* Counts "I" and "we" words; capitalises "i" in lint's copy. */
static void
pronouns(struct speech_report *r, struct buf *lint_text)
{
	static const char *const i_words[] = { "i", "i'm", "i've", "i'd",
		"i'll", "me", "my", "myself", NULL };
	static const char *const we_words[] = { "we", "we're", "we've",
		"we'd", "we'll", "us", "our", "ourselves", NULL };
	const char *p = r->transcript;
	size_t total;

	while (*p) {
		size_t k = strcspn(p, " ");

		r->i_words += word_in(p, k, i_words);
		r->we_words += word_in(p, k, we_words);
		if (p[0] == 'i' && (k == 1 || p[1] == '\''))
			buf_addc(lint_text, 'I'), buf_add(lint_text, p + 1, k - 1);
		else
			buf_add(lint_text, p, k);
		p += k;
		if (*p == ' ')
			buf_addc(lint_text, *p++);
	}
	total = r->i_words + r->we_words;
	r->band = total == 0 ? "neither" :
	    (double)r->i_words >= 0.7 * (double)total ? "mostly I" :
	    (double)r->i_words <= 0.3 * (double)total ? "mostly we" : "mixed";
}

/* The rubric on the transcript, standing as the Action. */
static int
lint_transcript(struct speech_report *r, const struct story *s,
    struct linter *l, struct buf *err)
{
	struct buf text = BUF_INIT;
	int rc;

	pronouns(r, &text);
	rc = lint_field(&l->rb, &l->env, s, SEC_ACTION, text.s, "the answer",
	    &r->lint, err);
	for (size_t i = 0; rc == 0 && i < r->lint.n; i++)
		if (r->lint.v[i].rule->category &&
		    strcmp(r->lint.v[i].rule->category, "filler") == 0)
			r->fillers++;
	buf_release(&text);
	return rc;
}

int
speech_content(struct speech_report *r, const struct story *s,
    struct linter *l, const char *generic, const char *biased,
    struct buf *err)
{
	struct buf digits = BUF_INIT;
	int rc;

	number_words_to_digits(biased, &digits);
	r->transcript = buf_detach(&digits);
	number_words_to_digits(generic, &digits);
	r->generic = buf_detach(&digits);
	r->words = text_words(r->transcript);
	if (r->d.speaking > 0)
		r->wpm = (double)text_words(biased) * 60 / r->d.speaking;
	r->recognised = 1;
	rc = lint_transcript(r, s, l, err);
	if (rc == 0)
		rc = speech_compare(r, s, l, biased, err);
	return rc;
}

void
speech_story_model(const struct story *s, struct story_lm *lm)
{
	story_model(s, lm);
}

/* Both passes, then what the transcripts say; 0, REC_NO_MODEL or -1. */
static int
content(const struct pcm *a, const struct story *s, struct linter *l,
    const struct speech_opts *o, struct speech_report *r, struct buf *err)
{
	const int16_t *v = a->v + o->lead_in;
	size_t n = a->n - o->lead_in;
	struct story_lm lm;
	char *generic = NULL, *biased = NULL;
	int rc;

	story_model(s, &lm);
	rc = recognise(v, n, o, NULL, &generic, err);
	if (rc == 0)
		rc = recognise(v, n, o, &lm, &biased, err);
	story_lm_release(&lm);
	if (rc == 0)
		rc = speech_content(r, s, l, generic, biased, err);
	free(generic);
	free(biased);
	return rc;
}

/*
 * Delivery into r, and whether content is to be measured: 1 yes; 0 no,
 * with r->why_not set.
 */
int
speech_delivery(const struct pcm *audio, const struct story *s,
    const struct speech_opts *o, struct speech_report *r)
{
	struct buf why = BUF_INIT;

	memset(r, 0, sizeof(*r));
	r->engine = recognizer_builtin.name;
	r->band = "neither";
	delivery_measure(audio->v, audio->n, o->lead_in, &r->d);
	if (r->d.first_word < 0) {
		r->why_not = xstrdup("no voice was heard");
		return 0;
	}
	if (s == NULL) {
		r->why_not = xstrdup("no story to hear it against");
		return 0;
	}
	if (r->d.noisy) {
		buf_addf(&why, "the voice is only %.0f dB above the room's noise "
		    "(under %.0f, recognition is guesswork)",
		    r->d.speech_db - r->d.floor_db, VAD_NOISY_DB);
		r->why_not = buf_detach(&why);
		return 0;
	}
	return 1;
}

int
speech_analyse(const struct pcm *audio, const struct story *s,
    struct linter *l, const struct speech_opts *o, struct speech_report *r,
    struct buf *err)
{
	struct buf why = BUF_INIT;
	int rc;

	if (!speech_delivery(audio, s, o, r))
		return 0;
	rc = content(audio, s, l, o, r, &why);
	if (rc == REC_NO_MODEL) {
		buf_rtrim(&why);
		r->why_not = buf_detach(&why);
		return 0;
	}
	if (rc < 0)
		buf_add(err, why.s, why.len);
	buf_release(&why);
	return rc < 0 ? -1 : 0;
}

/* Decoding while the answer is recorded: see lp/speech.h. */
#include "lp/speech.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

void
speech_live_open(struct speech_live *lv, const struct story *s,
    const struct speech_opts *o)
{
	struct recognizer_opts generic = { o->model_dir, NULL, 0 };
	struct recognizer_opts biased = { o->model_dir, &lv->lm,
		SPEECH_BIAS_WEIGHT };

	memset(lv, 0, sizeof(*lv));
	if (s == NULL) {
		lv->rc = -1;	/* nothing to hear it against: delivery only */
		return;
	}
	speech_story_model(s, &lv->lm);
	lv->rc = recognizer_open(&lv->rec[0], &generic, &lv->why);
	if (lv->rc != 0)
		return;
	lv->rc = recognizer_open(&lv->rec[1], &biased, &lv->why);
	if (lv->rc != 0) {
		recognizer_close(&lv->rec[0]);
		return;
	}
	lv->open = 1;
}

/* Ends both utterances, adding their words (at their times) to heard. */
static void
cut(struct speech_live *lv)
{
	for (int k = 0; k < 2 && lv->rc == 0; k++) {
		struct transcript t = { 0 };

		if (recognizer_words(&lv->rec[k], &t, &lv->why) < 0)
			lv->rc = -1;
		for (size_t i = 0; i < t.n; i++) {
			struct transcript *h = &lv->heard[k];

			h->v = xgrow(h->v, &h->alloc, h->n + 1, sizeof(*h->v));
			h->v[h->n] = t.v[i];
			h->v[h->n].start += lv->cut.start;
			h->v[h->n].end += lv->cut.start;
			h->n++;
			t.v[i].word = NULL;	/* moved */
		}
		transcript_release(&t);
	}
	utterance_cut_next(&lv->cut);
	lv->utterances++;
}

void
speech_live_feed(struct speech_live *lv, const int16_t *v, size_t n)
{
	if (!lv->open || lv->rc != 0 || n == 0)
		return;
	if (recognizer_feed(&lv->rec[0], v, n, &lv->why) < 0 ||
	    recognizer_feed(&lv->rec[1], v, n, &lv->why) < 0) {
		lv->rc = -1;
		return;
	}
	if (utterance_cut_feed(&lv->cut, v, n))
		cut(lv);
}

/* The words heard by pass k as text (owned). */
static char *
words_of(struct speech_live *lv, int k)
{
	struct buf text = BUF_INIT;

	transcript_text(&lv->heard[k], &text);
	return buf_detach(&text);
}

int
speech_live_finish(struct speech_live *lv, const struct pcm *audio,
    const struct story *s, struct linter *l, const struct speech_opts *o,
    struct speech_report *r, struct buf *err)
{
	char *generic = NULL, *biased = NULL;
	int rc = 0;

	if (!speech_delivery(audio, s, o, r))
		goto done;
	if (lv->rc == REC_NO_MODEL) {
		buf_rtrim(&lv->why);
		r->why_not = buf_detach(&lv->why);
		goto done;
	}
	if (lv->open && lv->rc == 0)
		cut(lv);	/* the last utterance */
	if (lv->rc != 0 || !lv->open) {
		buf_add(err, lv->why.s, lv->why.len);
		rc = -1;
		goto done;
	}
	generic = words_of(lv, 0);
	biased = words_of(lv, 1);
	rc = speech_content(r, s, l, generic, biased, err);
done:
	free(generic);
	free(biased);
	speech_live_close(lv);
	return rc;
}

void
speech_live_close(struct speech_live *lv)
{
	if (lv->open) {
		recognizer_close(&lv->rec[0]);
		recognizer_close(&lv->rec[1]);
	}
	story_lm_release(&lv->lm);
	transcript_release(&lv->heard[0]);
	transcript_release(&lv->heard[1]);
	buf_release(&lv->why);
	memset(lv, 0, sizeof(*lv));
}

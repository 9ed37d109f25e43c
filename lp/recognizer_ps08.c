/*
 * The pocketsphinx 0.8 engine (Debian 12's 0.8+5prealpha): the only file
 * that includes pocketsphinx or sphinxbase, so that 5.x, which removed
 * cmd_ln_t and merged sphinxbase, is a second small file
 * (lp/recognizer_ps5.c, chosen by the Makefile) rather than a rewrite.
 *
 * The story-biased model: 0.8's ngram_model_read() takes only a path, so
 * the story's trigrams (lp/story_lm.c) are written as ARPA text to a
 * private temporary file (mkstemp: 0600), read, and removed at once; the
 * set of that model and the generic one is interpolated by
 * ngram_model_set_init().  Acronyms the dictionary lacks are added to it
 * spelled letter by letter: Debian has no grapheme-to-phoneme tool.
 */
#include "lp/recognizer.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <pocketsphinx.h>
#include <sphinxbase/err.h>
#include <sphinxbase/ngram_model.h>

#include "base/xalloc.h"

struct ps08 {
	cmd_ln_t *config;
	ps_decoder_t *ps;
	int started;
};

/* The CMU phones of each letter's name, A to Z. */
static const char *const letter_phones[26] = {
	"EY", "B IY", "S IY", "D IY", "IY", "EH F", "JH IY", "EY CH", "AY",
	"JH EY", "K EY", "EH L", "EH M", "EH N", "OW", "P IY", "K Y UW",
	"AA R", "EH S", "T IY", "Y UW", "V IY", "D AH B AH L Y UW", "EH K S",
	"W AY", "Z IY"
};

static int
known(void *ctx, const char *w)
{
	char *p = ps_lookup_word(ctx, w);

	free(p);
	return p != NULL;
}

/* Adds the acronyms of lm the dictionary lacks, spelled out. */
static void
add_acronyms(ps_decoder_t *ps, const struct story_lm *lm)
{
	for (size_t i = 0; i < lm->acronyms.n; i++) {
		const char *a = lm->acronyms.v[i];
		struct buf ph = BUF_INIT;

		if (known(ps, a))
			continue;
		for (const char *q = a; *q; q++)
			if (*q >= 'a' && *q <= 'z')
				buf_addf(&ph, "%s%s", ph.len ? " " : "",
				    letter_phones[*q - 'a']);
		if (ph.len)
			ps_add_word(ps, a, ph.s, FALSE);
		buf_release(&ph);
	}
}

/* The story model, read back from its private temporary ARPA file. */
static ngram_model_t *
story_model(struct ps08 *e, const struct story_lm *lm, struct buf *err)
{
	const char *tmp = getenv("TMPDIR");
	struct buf path = BUF_INIT;
	ngram_model_t *m = NULL;
	long words;
	FILE *f;
	int fd;

	buf_addf(&path, "%s/lpcoach-lm.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if ((fd = mkstemp(path.s)) < 0 || (f = fdopen(fd, "w")) == NULL) {
		buf_addf(err, "'%s': %s\n", path.s, strerror(errno));
		if (fd >= 0)
			close(fd), unlink(path.s);
		buf_release(&path);
		return NULL;
	}
	words = story_lm_write_arpa(lm, f, known, e->ps);
	if (fclose(f) == EOF)
		words = -1;
	if (words < 0)
		buf_addf(err, "'%s': cannot write the story's language model\n",
		    path.s);
	else if (words > 0)
		m = ngram_model_read(e->config, path.s, NGRAM_ARPA,
		    ps_get_logmath(e->ps));
	unlink(path.s);
	if (words > 0 && m == NULL)
		buf_addf(err, "the story's language model does not load\n");
	buf_release(&path);
	return m;
}

/* Makes the generic model interpolated with the story's the search. */
static int
bias(struct ps08 *e, const char *lm_path, const struct recognizer_opts *o,
    struct buf *err)
{
	ngram_model_t *m[2], *set;
	char *names[2] = { "generic", "story" };
	float32 w[2] = { (float32)(1 - o->bias_weight),
		(float32)o->bias_weight };
	int rc;

	add_acronyms(e->ps, o->bias);
	if ((m[1] = story_model(e, o->bias, err)) == NULL)
		return err->len ? -1 : 0;	/* no known word: unbiased */
	m[0] = ngram_model_read(e->config, lm_path, NGRAM_AUTO,
	    ps_get_logmath(e->ps));
	if (m[0] == NULL) {
		ngram_model_free(m[1]);
		buf_addf(err, "'%s': the language model does not load\n",
		    lm_path);
		return -1;
	}
	/*
	 * The set and the search each take a reference (sphinxbase counts
	 * them): ours are dropped once they hold theirs.
	 */
	set = ngram_model_set_init(e->config, m, names, w, 2);
	ngram_model_free(m[0]);
	ngram_model_free(m[1]);
	rc = ps_set_lm(e->ps, "story", set) < 0 ||
	    ps_set_search(e->ps, "story") < 0 ? -1 : 0;
	ngram_model_free(set);
	if (rc < 0)
		buf_addf(err, "the story's language model cannot be used\n");
	return rc;
}

static int
ps08_open(struct recognizer *r, const struct recognizer_opts *o,
    struct buf *err)
{
	const char *dir = o->model_dir ? o->model_dir :
	    r->engine->default_models;
	struct buf hmm = BUF_INIT, lm = BUF_INIT, dict = BUF_INIT;
	struct ps08 *e;
	int rc = REC_NO_MODEL;

	buf_addf(&hmm, "%s/en-us", dir);
	buf_addf(&lm, "%s/en-us.lm.bin", dir);
	buf_addf(&dict, "%s/cmudict-en-us.dict", dir);
	if (access(hmm.s, R_OK) < 0 || access(lm.s, R_OK) < 0 ||
	    access(dict.s, R_OK) < 0) {
		buf_addf(err, "no speech models in '%s' (install the Debian "
		    "package %s)\n", dir, r->engine->install);
		goto done;
	}
	err_set_logfp(NULL);
	e = xcalloc(1, sizeof(*e));
	r->state = e;
	/*
	 * A biased recogniser reads the generic model itself, into the
	 * set: loading it for a search of its own too would hold it twice.
	 */
	e->config = cmd_ln_init(NULL, ps_args(), TRUE, "-hmm", hmm.s,
	    "-dict", dict.s, "-logfn", "/dev/null", NULL);
	if (e->config && !(o->bias && o->bias_weight > 0))
		cmd_ln_set_str_r(e->config, "-lm", lm.s);
	if (e->config)
		e->ps = ps_init(e->config);
	rc = 0;
	if (e->ps == NULL) {
		buf_addf(err, "the speech models in '%s' do not load\n", dir);
		rc = -1;
	} else if (o->bias && o->bias_weight > 0) {
		rc = bias(e, lm.s, o, err);
	}
	if (rc < 0) {
		r->engine->close(r);
	}
done:
	buf_release(&hmm);
	buf_release(&lm);
	buf_release(&dict);
	return rc;
}

static int
ps08_feed(struct recognizer *r, const int16_t *v, size_t n, struct buf *err)
{
	struct ps08 *e = r->state;

	if (!e->started) {
		if (ps_start_utt(e->ps) < 0) {
			buf_addf(err, "the recogniser does not start\n");
			return -1;
		}
		e->started = 1;
	}
	if (n && ps_process_raw(e->ps, v, n, FALSE, FALSE) < 0) {
		buf_addf(err, "the recogniser failed on the audio\n");
		return -1;
	}
	return 0;
}

/* Whether w is a word rather than silence, noise or a sentence mark. */
static int
is_word(const char *w)
{
	return w[0] != '<' && w[0] != '[' && w[0] != '+';
}

static int
ps08_words(struct recognizer *r, struct transcript *out, struct buf *err)
{
	struct ps08 *e = r->state;
	int frate = cmd_ln_int32_r(e->config, "-frate");
	ps_seg_t *seg;

	if (ps08_feed(r, NULL, 0, err) < 0)
		return -1;
	ps_end_utt(e->ps);
	e->started = 0;
	for (seg = ps_seg_iter(e->ps); seg; seg = ps_seg_next(seg)) {
		const char *w = ps_seg_word(seg);
		size_t len = strcspn(w, "(");	/* "read(2)": an alternative */
		int sf, ef;

		if (!is_word(w) || len == 0)
			continue;
		ps_seg_frames(seg, &sf, &ef);
		out->v = xgrow(out->v, &out->alloc, out->n + 1, sizeof(*out->v));
		out->v[out->n].word = xstrndup(w, len);
		out->v[out->n].start = (double)sf / frate;
		out->v[out->n].end = (double)(ef + 1) / frate;
		out->n++;
	}
	return 0;
}

static void
ps08_close(struct recognizer *r)
{
	struct ps08 *e = r->state;

	if (e == NULL)
		return;
	if (e->ps)
		ps_free(e->ps);
	if (e->config)
		cmd_ln_free_r(e->config);
	free(e);
	r->state = NULL;
}

const struct recognizer_engine recognizer_builtin = {
	.name = "pocketsphinx 0.8",
	.install = "pocketsphinx-en-us",
	.default_models = "/usr/share/pocketsphinx/model/en-us",
	.open = ps08_open,
	.feed = ps08_feed,
	.words = ps08_words,
	.close = ps08_close,
};

/*
 * Measures spoken practice (bench/speech.sh drives it):
 *
 *     speechbench say TEXT
 *         prints TEXT as it is said (lp/number_words.h), for flite
 *     speechbench run STORY.md REF WAV PAUSE_START PAUSE_LEN
 *         decodes WAV twice (generic, biased towards STORY.md), scores
 *         each against the reference words REF, and prints one line:
 *         words, errors of each pass, CPU seconds of each pass, audio
 *         seconds, the voice's level above the floor, and the detected
 *         pause nearest the true one (start and length; -1 if none)
 *     speechbench live STORY.md WAV
 *         plays WAV in real time, in 0.1 s chunks as the capture device
 *         gives them, to the decoders of lp/speech.h's speech_live (both
 *         passes, decoding while it is said), then measures it as
 *         'lpcoach speak' does; and the same after the end, decoded in
 *         one go (speech_analyse).  Prints one line: audio seconds, how
 *         far the live decoders fell behind the audio, the seconds from
 *         the end of the audio to the report of each, whether each
 *         recognised it and whether the transcripts are the same
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/wav.h"
#include "lp/number_words.h"
#include "lp/speech.h"
#include "lp/recognizer.h"
#include "lp/voice_activity.h"
#include "stories/comment.h"
#include "stories/parse.h"

static char **
words(const char *s, size_t *n)
{
	char **v = calloc(strlen(s) + 1, sizeof(*v));

	*n = 0;
	while (*s) {
		size_t k = strcspn(s, " \n");

		if (k)
			v[(*n)++] = strndup(s, k);
		s += k;
		s += strspn(s, " \n");
	}
	return v;
}

/* Word-level edit distance between ref and hyp. */
static size_t
errors(const char *ref, const char *hyp, size_t *nref)
{
	size_t nr, nh, i, j, *d, e;
	char **r = words(ref, &nr), **h = words(hyp, &nh);

	d = calloc((nr + 1) * (nh + 1), sizeof(*d));
	for (i = 0; i <= nr; i++)
		d[i * (nh + 1)] = i;
	for (j = 0; j <= nh; j++)
		d[j] = j;
	for (i = 1; i <= nr; i++)
		for (j = 1; j <= nh; j++) {
			size_t sub = d[(i - 1) * (nh + 1) + j - 1] +
			    (strcmp(r[i - 1], h[j - 1]) != 0);
			size_t del = d[(i - 1) * (nh + 1) + j] + 1;
			size_t ins = d[i * (nh + 1) + j - 1] + 1;

			d[i * (nh + 1) + j] = sub < del ? (sub < ins ? sub : ins) :
			    (del < ins ? del : ins);
		}
	e = d[nr * (nh + 1) + nh];
	*nref = nr;
	for (i = 0; i < nr; i++)
		free(r[i]);
	for (j = 0; j < nh; j++)
		free(h[j]);
	free(r);
	free(h);
	free(d);
	return e;
}

/* One pass: the words heard, and its CPU seconds. */
static char *
pass(const struct pcm *a, const struct story_lm *bias, double *cpu)
{
	struct recognizer_opts o = { NULL, bias, bias ? 0.3 : 0 };
	struct transcript t = { 0 };
	struct buf err = BUF_INIT, text = BUF_INIT;
	struct recognizer r;
	clock_t c0 = clock();

	if (recognizer_open(&r, &o, &err) != 0) {
		fputs(err.s, stderr);
		exit(2);
	}
	recognizer_feed(&r, a->v, a->n, &err);
	recognizer_words(&r, &t, &err);
	recognizer_close(&r);
	*cpu = (double)(clock() - c0) / CLOCKS_PER_SEC;
	transcript_text(&t, &text);
	transcript_release(&t);
	buf_release(&err);
	return buf_detach(&text);
}

static char *
slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *s = calloc(1 << 20, 1);

	if (f == NULL || s == NULL) {
		perror(path);
		exit(2);
	}
	s[fread(s, 1, (1 << 20) - 1, f)] = '\0';
	fclose(f);
	return s;
}

static int
run(char **argv)
{
	char *md = slurp(argv[0]), *ref = slurp(argv[1]), *gen, *bia;
	double ps = atof(argv[3]), pl = atof(argv[4]), cg, cb, best = 1e9;
	struct buf err = BUF_INIT;
	struct pcm a = PCM_INIT;
	struct story s;
	struct story_lm lm;
	struct delivery d;
	size_t n, eg, eb, i, k = (size_t)-1;

	story_init(&s);
	if (story_parse(md, strlen(md), argv[0], &s, &err) < 0 ||
	    wav_read(argv[2], &a, &err) < 0) {
		fputs(err.s, stderr);
		return 2;
	}
	story_lm_init(&lm);
	for (int sec = 0; sec < SEC_COUNT; sec++) {
		char *said = comments_strip(s.section[sec]);

		story_lm_add(&lm, said);
		free(said);
	}
	gen = pass(&a, NULL, &cg);
	bia = pass(&a, &lm, &cb);
	eg = errors(ref, gen, &n);
	eb = errors(ref, bia, &n);
	delivery_measure(a.v, a.n, 0, &d);
	for (i = 0; i < d.npauses; i++)
		if (fabs(d.pauses[i].start - ps) < best)
			best = fabs(d.pauses[i].start - ps), k = i;
	/* A pause found is one that overlaps the true one. */
	if (k != (size_t)-1 && (d.pauses[k].start > ps + pl ||
	    d.pauses[k].start + d.pauses[k].seconds < ps))
		k = (size_t)-1;
	printf("words=%zu generic_err=%zu biased_err=%zu generic_cpu=%.2f "
	    "biased_cpu=%.2f audio=%.2f gap_db=%.1f pause_start=%.2f "
	    "pause_len=%.2f generic_words=%zu biased_words=%zu\n", n, eg, eb,
	    cg, cb, pcm_seconds(a.n), d.speech_db - d.floor_db,
	    k != (size_t)-1 ? d.pauses[k].start : -1,
	    k != (size_t)-1 ? d.pauses[k].seconds : -1, text_words(gen),
	    text_words(bia));
	fprintf(stderr, "  generic: %s\n  biased:  %s\n", gen, bia);
	delivery_release(&d);
	story_lm_release(&lm);
	story_release(&s);
	pcm_release(&a);
	free(gen);
	free(bia);
	free(md);
	free(ref);
	buf_release(&err);
	return 0;
}

static double
now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int
live(char **argv)
{
	char *md = slurp(argv[0]);
	struct speech_opts o = { NULL, 0 };
	struct speech_report r1, r2;
	struct speech_live lv;
	struct buf err = BUF_INIT;
	struct pcm a = PCM_INIT;
	struct linter l;
	struct story s;
	double t0, end, live_s, batch_s, behind = 0;
	int utterances;
	size_t at, chunk = PCM_RATE / 10;

	story_init(&s);
	if (story_parse(md, strlen(md), argv[0], &s, &err) < 0 ||
	    wav_read(argv[1], &a, &err) < 0 || linter_open(&l, NULL, &err) < 0) {
		fputs(err.s, stderr);
		return 2;
	}
	speech_live_open(&lv, &s, &o);
	if (getenv("SPEECHBENCH_FAST"))
		t0 = -1e9;	/* as fast as it decodes: no waiting */
	else
		t0 = now();
	for (at = 0; at < a.n; at += chunk) {
		double due = t0 + (double)(at + chunk) / PCM_RATE, wait;

		/* The device gives a chunk once it has been said. */
		if ((wait = due - now()) > 0) {
			struct timespec ts = { (time_t)wait,
				(long)((wait - (double)(time_t)wait) * 1e9) };

			nanosleep(&ts, NULL);
		}
		speech_live_feed(&lv, a.v + at, at + chunk < a.n ? chunk :
		    a.n - at);
	}
	utterances = lv.utterances + 1;	/* and the last, to come */
	end = t0 < 0 ? now() : t0 + pcm_seconds(a.n);
	if (now() > end) {
		behind = now() - end;	/* the decoders fell behind */
		end = now();
	}
	if (speech_live_finish(&lv, &a, &s, &l, &o, &r1, &err) < 0) {
		fputs(err.s, stderr);
		return 2;
	}
	live_s = now() - end;
	end = now();
	if (speech_analyse(&a, &s, &l, &o, &r2, &err) < 0) {
		fputs(err.s, stderr);
		return 2;
	}
	batch_s = now() - end;
	printf("audio=%.1f utterances=%d live_behind=%.2f live_after_end=%.2f "
	    "batch_after_end=%.2f live_recognised=%d batch_recognised=%d "
	    "same_transcript=%d\n", pcm_seconds(a.n), utterances, behind,
	    live_s + behind,
	    batch_s, r1.recognised, r2.recognised,
	    r1.transcript && r2.transcript &&
	    strcmp(r1.transcript, r2.transcript) == 0);
	speech_report_release(&r1);
	speech_report_release(&r2);
	linter_close(&l);
	story_release(&s);
	pcm_release(&a);
	free(md);
	buf_release(&err);
	return 0;
}

int
main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "say") == 0) {
		struct buf b = BUF_INIT;

		number_words_spoken(argv[2], &b, NULL);
		fputs(b.s, stdout);
		buf_release(&b);
		return 0;
	}
	if (argc == 7 && strcmp(argv[1], "run") == 0)
		return run(argv + 2);
	if (argc == 4 && strcmp(argv[1], "live") == 0)
		return live(argv + 2);
	fprintf(stderr, "usage: speechbench say TEXT | run STORY.md REF WAV "
	    "PAUSE_START PAUSE_LEN | live STORY.md WAV\n");
	return 2;
}

/* lpcoach speak: an answer said aloud, measured against its story. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/wav.h"
#include "cli/cli.h"
#include "cli/record.h"
#include "cli/speech_view.h"
#include "lp/attempt.h"
#include "lp/speech.h"
#include "stories/store.h"

struct speak_opts {
	const char *wav, *models, *keep_audio;
	long time;
	int json, no_save;
};

#define F(m) OPT_FIELD(struct speak_opts, m)
static const struct opt speak_options[] = {
	{ .type = OPT_STRING, .name = "wav", .arg = "FILE", .off = F(wav),
	  .help = "analyse the answer in FILE (16-bit PCM WAV, mono or "
	  "stereo, any rate) instead of recording one" },
	{ .type = OPT_NUMBER, .name = "time", .arg = "SECS", .off = F(time),
	  .min = 5, .max = WAV_MAX_SECONDS,
	  .help = "record for SECS seconds (default 120)" },
	{ .type = OPT_STRING, .name = "models", .arg = "DIR",
	  .off = F(models),
	  .help = "the recogniser's model directory (default: "
	  "$LPCOACH_SPEECH_MODELS, else Debian's pocketsphinx-en-us)" },
	{ .type = OPT_STRING, .name = "keep-audio", .arg = "DIR",
	  .off = F(keep_audio),
	  .help = "also keep the recording, as a new WAV file (0600) in DIR "
	  "named after the story and the time" },
	{ .type = OPT_FLAG, .name = "no-save", .off = F(no_save),
	  .help = "measure only: keep no attempt in the bank" },
	{ .type = OPT_FLAG, .name = "json", .off = F(json),
	  .help = "the report as JSON" },
	{ .type = OPT_END }
};
#undef F

const struct cmd_spec spec_speak = {
	.name = "speak",
	.operands = "STORY",
	.about =
"Listens to an answer for STORY, said aloud, and reports on it: recorded\n"
"from the default capture device (a second of silence first, then\n"
"--time seconds), or read from --wav FILE.  Nothing leaves the machine.\n"
"\n"
"Delivery, from the audio alone: duration, time to the first word,\n"
"speaking time, pauses of a second or more, and how far the voice stands\n"
"above the room's noise.  Content, when the recogniser (pocketsphinx,\n"
"Debian's pocketsphinx-en-us) is installed and the room quiet enough: a\n"
"transcript, words a minute, fillers and the rest of the rubric, I and\n"
"we as a band, and against the written story the figures said, figures\n"
"said that disagree with it, which sections were told, and spoken length\n"
"against written (aim for 60-70%).  \"um\" and \"uh\" are not counted:\n"
"the recogniser hears them as other words.\n"
"\n"
"Each attempt is kept in the bank with its story: the measures and the\n"
"transcript, not the audio (unless --keep-audio).  'lpcoach show STORY'\n"
"and 'drill --stats' show the attempts as a trend; 'lpcoach rm STORY'\n"
"removes them; export never carries them.\n",
	.opts = speak_options,
};

/* record_live()'s audio: each chunk to the decoders as it comes. */
static void
feed(const int16_t *v, size_t n, void *arg)
{
	speech_live_feed(arg, v, n);
}

/*
 * Measures the answer into r: read from --wav and decoded after, or
 * recorded and decoded while it is said.  The audio goes to *audio.
 * Returns 0, or -1 (reported).
 */
static int
measure(const struct speak_opts *o, const struct story *s, struct linter *l,
    struct speech_opts *so, struct pcm *audio, struct speech_report *r)
{
	struct buf err = BUF_INIT;
	struct speech_live lv;
	struct record_live rec = { o->time ? (int)o->time : 120, 0, 0, NULL,
		feed, &lv, 1 };
	int rc;

	memset(r, 0, sizeof(*r));	/* released whatever happens */
	so->lead_in = 0;
	if (o->wav) {
		rc = wav_read(o->wav, audio, &err);
		if (rc == 0)
			rc = speech_analyse(audio, s, l, so, r, &err);
	} else {
		rec.max_seconds = rec.seconds;
		speech_live_open(&lv, s, so);
		rc = record_live(&rec, audio, &so->lead_in, &err);
		if (rc == 0)
			rc = speech_live_finish(&lv, audio, s, l, so, r, &err);
		else
			speech_live_close(&lv);
	}
	if (rc < 0)
		error_out(&err);
	buf_release(&err);
	return rc;
}

static int
load_story(struct bank *b, const char *ref, struct story *s)
{
	struct buf err = BUF_INIT;
	long long id;
	int rc;

	rc = store_resolve(b, ref, &id, &err);
	if (rc == STORE_FOUND)
		rc = store_load(b, id, s, &err);
	if (rc != 0) {
		error_buf(&err);
		rc = rc == STORE_NOT_FOUND ? ST_FINDINGS : ST_ERROR;
	}
	buf_release(&err);
	return rc;
}

/* True for a directory that is not a symbolic link. */
static int
is_dir(const char *path)
{
	struct stat st;

	return lstat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Keeps the attempt (and with --keep-audio its recording); a status. */
static int
keep(struct bank *b, const struct speak_opts *o, const struct story *s,
    const struct pcm *audio, const struct speech_report *r)
{
	struct buf err = BUF_INIT;
	char *path = NULL;
	size_t nth = 0;
	int st = ST_OK;

	if (o->keep_audio &&
	    attempt_keep_audio(o->keep_audio, s, audio, &path, &err) < 0)
		st = error_out(&err);
	else if (attempt_save(b, s, r, path, &nth, &err) < 0) {
		/* A recording no attempt names would be lost in the dir. */
		if (path)
			unlink(path);
		st = error_out(&err);
	} else if (fflush(stdout) == 0) {	/* the note after the report */
		note("kept as attempt %zu of story %lld%s%s", nth, s->id,
		    path ? ", the recording in " : "", path ? path : "");
	}
	free(path);
	buf_release(&err);
	return st;
}

int
cmd_speak(struct cli *c, int argc, char **argv)
{
	struct speak_opts o = { 0 };
	struct speech_opts so = { 0 };
	struct speech_report r;
	struct buf err = BUF_INIT;
	struct pcm audio = PCM_INIT;
	struct linter l;
	struct opt_args a;
	struct story s;
	struct bank b;
	int st = cli_parse(c, &spec_speak, &o, argc, argv, &a);

	if (st >= 0)
		return st;
	if (a.n != 1)
		return usage_error(c, a.n == 0 ? "which story?" :
		    "one story at a time");
	if (o.wav && o.time)
		return usage_error(c, "--time is for recording, not --wav");
	if (o.no_save && o.keep_audio)
		return usage_error(c, "--keep-audio keeps an attempt: it does "
		    "not go with --no-save");
	story_init(&s);
	if (cli_open_bank(c, &b, o.no_save ? BANK_READ : BANK_WRITE) < 0) {
		story_release(&s);
		return ST_ERROR;
	}
	if ((st = load_story(&b, a.v[0], &s)) != 0)
		goto out;
	if (linter_open(&l, NULL, &err) < 0) {
		st = error_out(&err);
		goto out;
	}
	/* Before the answer is said, not after: the directory must be there. */
	if (o.keep_audio && !is_dir(o.keep_audio)) {
		error("--keep-audio '%s': not a directory", o.keep_audio);
		st = ST_ERROR;
		goto lint;
	}
	so.model_dir = o.models ? o.models : getenv("LPCOACH_SPEECH_MODELS");
	if (so.model_dir && !*so.model_dir)
		so.model_dir = NULL;
	if (measure(&o, &s, &l, &so, &audio, &r) < 0) {
		st = ST_ERROR;
	} else {
		if (!r.recognised)
			note("content not measured: %s", r.why_not);
		if (o.json)
			speech_print_json(&r);
		else
			speech_print_text(c, &r);
		if (!o.no_save)
			st = keep(&b, &o, &s, &audio, &r);
	}
	speech_report_release(&r);
lint:
	linter_close(&l);
out:
	bank_close(&b);
	pcm_release(&audio);
	story_release(&s);
	buf_release(&err);
	return st;
}

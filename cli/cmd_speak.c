/* lpcoach speak: an answer said aloud, measured against its story. */
#include <stdlib.h>

#include "base/wav.h"
#include "cli/cli.h"
#include "cli/record.h"
#include "cli/speech_view.h"
#include "lp/speech.h"
#include "stories/store.h"

struct speak_opts {
	const char *wav, *models;
	long time;
	int json;
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
"the recogniser hears them as other words.\n",
	.opts = speak_options,
};

/* The answer's audio, from --wav or the capture device; 0 or -1. */
static int
get_audio(const struct speak_opts *o, struct pcm *a, size_t *lead_in)
{
	struct buf err = BUF_INIT;
	int rc;

	*lead_in = 0;
	if (o->wav)
		rc = wav_read(o->wav, a, &err);
	else
		rc = record_answer(o->time ? (int)o->time : 120, a, lead_in,
		    &err);
	if (rc < 0)
		error_out(&err);
	buf_release(&err);
	return rc;
}

static int
load_story(struct cli *c, const char *ref, struct story *s)
{
	struct buf err = BUF_INIT;
	struct bank b;
	long long id;
	int rc;

	if (cli_open_bank(c, &b, BANK_READ) < 0)
		return ST_ERROR;
	rc = store_resolve(&b, ref, &id, &err);
	if (rc == STORE_FOUND)
		rc = store_load(&b, id, s, &err);
	bank_close(&b);
	if (rc != 0) {
		error_buf(&err);
		rc = rc == STORE_NOT_FOUND ? ST_FINDINGS : ST_ERROR;
	}
	buf_release(&err);
	return rc;
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
	int st = cli_parse(c, &spec_speak, &o, argc, argv, &a);

	if (st >= 0)
		return st;
	if (a.n != 1)
		return usage_error(c, a.n == 0 ? "which story?" :
		    "one story at a time");
	if (o.wav && o.time)
		return usage_error(c, "--time is for recording, not --wav");
	story_init(&s);
	if ((st = load_story(c, a.v[0], &s)) != 0)
		goto out;
	if (linter_open(&l, NULL, &err) < 0) {
		st = error_out(&err);
		goto out;
	}
	if (get_audio(&o, &audio, &so.lead_in) < 0) {
		st = ST_ERROR;
		goto lint;
	}
	so.model_dir = o.models ? o.models : getenv("LPCOACH_SPEECH_MODELS");
	if (so.model_dir && !*so.model_dir)
		so.model_dir = NULL;
	if (speech_analyse(&audio, &s, &l, &so, &r, &err) < 0) {
		st = error_out(&err);
	} else {
		if (!r.recognised)
			note("content not measured: %s", r.why_not);
		if (o.json)
			speech_print_json(&r);
		else
			speech_print_text(c, &r);
	}
	speech_report_release(&r);
lint:
	linter_close(&l);
out:
	pcm_release(&audio);
	story_release(&s);
	buf_release(&err);
	return st;
}

/* Recording from ALSA: see cli/record.h. */
#include "cli/record.h"

#include <alsa/asoundlib.h>
#include <poll.h>
#include <signal.h>
#include <unistd.h>

static volatile sig_atomic_t interrupted;

static void
on_sigint(int sig)
{
	(void)sig;
	interrupted = 1;
}

/* ALSA's own messages: ours say what went wrong, once. */
static void
quiet(const char *file, int line, const char *fn, int err,
    const char *fmt, ...)
{
	(void)file, (void)line, (void)fn, (void)err, (void)fmt;
}

/* Whether Enter was pressed on a terminal standard input. */
static int
enter_pressed(void)
{
	struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };
	char c;

	if (!isatty(STDIN_FILENO) || poll(&p, 1, 0) <= 0)
		return 0;
	return read(STDIN_FILENO, &c, 1) == 1 && c == '\n';
}

/* What capture() watches besides the count of frames. */
struct watch {
	const struct record_live *o;
	double floor, peak;	/* dBFS: the room's, the loudest chunk's */
	double quiet;		/* seconds of silence so far */
};

/* Reads n frames into out; 0, or -1 with err set. */
static int
capture(snd_pcm_t *h, size_t n, int stop_on_enter, struct watch *w,
    struct pcm *out, struct buf *err)
{
	int16_t chunk[PCM_RATE / 10];
	size_t got = 0;
	double db;

	while (got < n && !interrupted) {
		size_t want = n - got < PCM_RATE / 10 ? n - got : PCM_RATE / 10;
		snd_pcm_sframes_t r = snd_pcm_readi(h, chunk, want);

		if (r < 0)
			r = snd_pcm_recover(h, (int)r, 1) < 0 ? r : 0;
		if (r < 0) {
			buf_addf(err, "recording failed: %s\n",
			    snd_strerror((int)r));
			return -1;
		}
		pcm_add(out, chunk, (size_t)r);
		got += (size_t)r;
		if (stop_on_enter && enter_pressed())
			break;
		if (w == NULL || r == 0)
			continue;
		if (w->o->audio)
			w->o->audio(chunk, (size_t)r, w->o->arg);
		if (w->o->tick)
			w->o->tick((double)got / PCM_RATE, w->o->arg);
		db = pcm_level(chunk, (size_t)r);
		if (db > w->peak)
			w->peak = db;
		if (db < (w->floor + w->peak) / 2)
			w->quiet += (double)r / PCM_RATE;
		else
			w->quiet = 0;
		if (w->o->silence > 0 && got >= (size_t)w->o->seconds *
		    PCM_RATE && w->quiet >= w->o->silence)
			break;
	}
	return 0;
}

/* Records as w->o says. */
static int
record(int seconds, struct watch *w, struct pcm *out, size_t *lead_in,
    struct buf *err)
{
	struct sigaction sa = { .sa_handler = on_sigint }, old;
	snd_pcm_t *h;
	int rc;

	*lead_in = 0;
	snd_lib_error_set_handler(quiet);
	rc = snd_pcm_open(&h, "default", SND_PCM_STREAM_CAPTURE, 0);
	if (rc == 0 && (rc = snd_pcm_set_params(h, SND_PCM_FORMAT_S16_LE,
	    SND_PCM_ACCESS_RW_INTERLEAVED, 1, PCM_RATE, 1, 500000)) < 0)
		snd_pcm_close(h);
	if (rc < 0) {
		buf_addf(err, "no capture device to record from (%s): record "
		    "the answer elsewhere and give it with --wav FILE\n",
		    snd_strerror(rc));
		return -1;
	}
	interrupted = 0;
	sigaction(SIGINT, &sa, &old);
	if (w->o->announce)
		fputs("lpcoach: listening to the room for a second...\n",
		    stderr);
	rc = capture(h, PCM_RATE, 0, NULL, out, err);
	*lead_in = out->n;
	w->floor = w->peak = pcm_level(out->v, out->n);
	if (rc == 0 && !interrupted) {
		if (w->o->announce)
			fprintf(stderr, "lpcoach: speak now (%d s%s)\n", seconds,
			    isatty(STDIN_FILENO) ? ", Enter to stop" : "");
		rc = capture(h, (size_t)seconds * PCM_RATE, 1, w, out, err);
	}
	snd_pcm_close(h);
	sigaction(SIGINT, &old, NULL);
	if (rc == 0 && interrupted) {
		buf_addf(err, "recording interrupted: nothing kept\n");
		rc = -1;
	}
	if (rc < 0) {
		pcm_release(out);
		*lead_in = 0;
	}
	return rc;
}

int
record_interrupted(void)
{
	return interrupted;
}

int
record_live(const struct record_live *o, struct pcm *out, size_t *lead_in,
    struct buf *err)
{
	struct watch w = { o, 0, 0, 0 };

	return record(o->max_seconds, &w, out, lead_in, err);
}

/* WAV reading and writing: see base/wav.h. */
#include "base/wav.h"

#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/xalloc.h"

/* The largest file read at all: 20 minutes of 48 kHz stereo is 230 MB. */
#define WAV_MAX_BYTES ((size_t)1 << 30)

void
pcm_release(struct pcm *p)
{
	free(p->v);
	p->v = NULL;
	p->n = p->alloc = 0;
}

void
pcm_add(struct pcm *p, const int16_t *v, size_t n)
{
	if (n == 0)
		return;
	p->v = xgrow(p->v, &p->alloc, p->n + n, sizeof(*p->v));
	memcpy(p->v + p->n, v, n * sizeof(*v));
	p->n += n;
}

double
pcm_seconds(size_t n)
{
	return (double)n / PCM_RATE;
}

double
pcm_level(const int16_t *v, size_t n)
{
	double sum = 0;
	size_t i;

	for (i = 0; i < n; i++)
		sum += (double)v[i] * v[i];
	return n && sum > 0 ? 10 * log10(sum / (double)n / (32768.0 * 32768)) :
	    -120;
}

static unsigned
le16(const unsigned char *p)
{
	return (unsigned)p[0] | (unsigned)p[1] << 8;
}

static uint32_t
le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
}

static int
fail(struct buf *err, const char *name, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int
fail(struct buf *err, const char *name, const char *fmt, ...)
{
	va_list ap;

	buf_addf(err, "'%s': ", name);
	va_start(ap, fmt);
	buf_vaddf(err, fmt, ap);
	va_end(ap);
	buf_addc(err, '\n');
	return -1;
}

struct wav_fmt {
	unsigned tag, channels, bits, align;
	uint32_t rate;
	int seen;
};

/* Reads and checks the "fmt " chunk body p[0..n); 0 or -1. */
static int
read_fmt(const unsigned char *p, uint32_t n, const char *name,
    struct wav_fmt *f, struct buf *err)
{
	if (n < 16)
		return fail(err, name, "the format chunk is %u bytes, "
		    "not at least 16", (unsigned)n);
	f->tag = le16(p);
	f->channels = le16(p + 2);
	f->rate = le32(p + 4);
	f->align = le16(p + 12);
	f->bits = le16(p + 14);
	/* WAVE_FORMAT_EXTENSIBLE: the sub-format's first two bytes. */
	if (f->tag == 0xFFFE && n >= 26)
		f->tag = le16(p + 24);
	f->seen = 1;
	if (f->tag != 1)
		return fail(err, name, "not PCM (format %u): save it as "
		    "16-bit PCM WAV", f->tag);
	if (f->bits != 16)
		return fail(err, name, "%u-bit samples: only 16-bit PCM "
		    "is read", f->bits);
	if (f->channels != 1 && f->channels != 2)
		return fail(err, name, "%u channels: only mono and stereo "
		    "are read", f->channels);
	if (f->rate < 4000 || f->rate > 384000)
		return fail(err, name, "a sample rate of %lu Hz is not one "
		    "a recording has", (unsigned long)f->rate);
	if (f->align != f->channels * 2)
		return fail(err, name, "the header's block size (%u) does "
		    "not match %u channels of 16 bits", f->align,
		    f->channels);
	return 0;
}

/* The number of 16 kHz samples frames at rate become. */
static size_t
resampled(size_t frames, uint32_t rate)
{
	return rate == PCM_RATE ? frames :
	    (size_t)((double)frames / ((double)rate / PCM_RATE));
}

/* Low-pass, mix to mono and resample frames at rate to out. */
static void
convert(const unsigned char *p, size_t frames, unsigned ch, uint32_t rate,
    struct pcm *out)
{
	double *mono = xmalloc((frames ? frames : 1) * sizeof(*mono));
	double step = (double)rate / PCM_RATE;
	size_t i, n, w = step > 1 ? (size_t)(step + 0.5) : 1;

	for (i = 0; i < frames; i++) {
		const unsigned char *f = p + i * ch * 2;
		double v = (int16_t)le16(f);

		if (ch == 2)
			v = (v + (int16_t)le16(f + 2)) / 2;
		mono[i] = v;
	}
	/* A moving average as wide as the ratio keeps aliasing down. */
	if (w > 1) {
		double *lp = xmalloc(frames * sizeof(*lp)), sum = 0;

		for (i = 0; i < frames; i++) {
			sum += mono[i];
			if (i >= w)
				sum -= mono[i - w];
			lp[i] = sum / (double)(i + 1 < w ? i + 1 : w);
		}
		free(mono);
		mono = lp;
	}
	n = resampled(frames, rate);
	out->v = xgrow(out->v, &out->alloc, out->n + n + 1, sizeof(*out->v));
	for (i = 0; i < n; i++) {
		double x = (double)i * step, v;
		size_t k = (size_t)x;
		double t = x - (double)k;

		v = k + 1 < frames ? mono[k] * (1 - t) + mono[k + 1] * t :
		    mono[frames - 1];
		out->v[out->n++] = (int16_t)(v < -32768 ? -32768 :
		    v > 32767 ? 32767 : v);
	}
	free(mono);
}

int
wav_parse(const unsigned char *data, size_t len, const char *name,
    struct pcm *out, int *rate, int *channels, struct buf *err)
{
	struct wav_fmt f = { 0 };
	size_t at = 12, frames;

	if (len == 0)
		return fail(err, name, "empty file");
	if (len < 12 || memcmp(data, "RIFF", 4) != 0 ||
	    memcmp(data + 8, "WAVE", 4) != 0)
		return fail(err, name, "not a WAV file (no RIFF/WAVE header)");
	if ((uint64_t)le32(data + 4) + 8 > len)
		return fail(err, name, "truncated: the header says %llu bytes, "
		    "the file has %zu", (unsigned long long)le32(data + 4) + 8,
		    len);
	while (at + 8 <= len) {
		uint32_t n = le32(data + at + 4);
		const unsigned char *body = data + at + 8;

		if ((uint64_t)n > len - at - 8)
			return fail(err, name, "the '%.4s' chunk says %lu bytes "
			    "but only %zu follow it", (const char *)data + at,
			    (unsigned long)n, len - at - 8);
		if (memcmp(data + at, "fmt ", 4) == 0) {
			if (read_fmt(body, n, name, &f, err) < 0)
				return -1;
		} else if (memcmp(data + at, "data", 4) == 0) {
			if (!f.seen)
				return fail(err, name, "the audio comes before "
				    "its format chunk");
			if (n % f.align)
				return fail(err, name, "truncated: the audio "
				    "ends inside a sample");
			frames = n / f.align;
			/* A few frames at a high rate are less than a sample. */
			if (resampled(frames, f.rate) == 0)
				return fail(err, name, "no audio in it");
			if (frames > (size_t)f.rate * WAV_MAX_SECONDS)
				return fail(err, name, "%lu minutes long: "
				    "answers of up to %d minutes are read",
				    (unsigned long)(frames / f.rate / 60),
				    WAV_MAX_SECONDS / 60);
			convert(body, frames, f.channels, f.rate, out);
			if (rate)
				*rate = (int)f.rate;
			if (channels)
				*channels = (int)f.channels;
			return 0;
		}
		at += 8 + (size_t)n + (n & 1);
	}
	return fail(err, name, f.seen ? "no audio in it (no data chunk)" :
	    "truncated: no format chunk");
}

int
wav_read(const char *path, struct pcm *out, struct buf *err)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC), rc = -1;
	unsigned char *data = NULL;
	struct stat st;
	size_t len = 0;

	if (fd < 0)
		return fail(err, path, "%s", strerror(errno));
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		fail(err, path, "not a regular file");
		goto done;
	}
	if ((uint64_t)st.st_size > WAV_MAX_BYTES) {
		fail(err, path, "%lld bytes: longer than any %d-minute answer",
		    (long long)st.st_size, WAV_MAX_SECONDS / 60);
		goto done;
	}
	data = xmalloc((size_t)st.st_size + 1);
	while (len < (size_t)st.st_size) {
		ssize_t r = read(fd, data + len, (size_t)st.st_size - len);

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			fail(err, path, "%s", strerror(errno));
			goto done;
		}
		if (r == 0)
			break;
		len += (size_t)r;
	}
	rc = wav_parse(data, len, path, out, NULL, NULL, err);
done:
	free(data);
	close(fd);
	return rc;
}

static void
put16(struct buf *b, unsigned v)
{
	buf_addc(b, (char)(v & 0xff));
	buf_addc(b, (char)(v >> 8 & 0xff));
}

static void
put32(struct buf *b, uint32_t v)
{
	put16(b, v & 0xffff);
	put16(b, v >> 16);
}

void
wav_encode(const int16_t *v, size_t n, int rate, struct buf *out)
{
	uint32_t bytes = (uint32_t)(n * 2);
	size_t i;

	buf_add(out, "RIFF", 4);
	put32(out, 36 + bytes);
	buf_add(out, "WAVEfmt ", 8);
	put32(out, 16);
	put16(out, 1);
	put16(out, 1);
	put32(out, (uint32_t)rate);
	put32(out, (uint32_t)rate * 2);
	put16(out, 2);
	put16(out, 16);
	buf_add(out, "data", 4);
	put32(out, bytes);
	for (i = 0; i < n; i++)
		put16(out, (uint16_t)v[i]);
}

int
wav_write(const char *path, const int16_t *v, size_t n, int rate,
    struct buf *err)
{
	struct buf img = BUF_INIT;
	int fd, rc = 0;
	size_t off = 0;

	wav_encode(v, n, rate, &img);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW,
	    0600);
	if (fd < 0) {
		buf_release(&img);
		return fail(err, path, "%s", strerror(errno));
	}
	while (off < img.len) {
		ssize_t w = write(fd, img.s + off, img.len - off);

		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0) {
			rc = fail(err, path, "%s", strerror(errno));
			break;
		}
		off += (size_t)w;
	}
	if (close(fd) < 0 && rc == 0)
		rc = fail(err, path, "%s", strerror(errno));
	buf_release(&img);
	return rc;
}

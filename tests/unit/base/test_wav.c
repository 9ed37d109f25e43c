/* WAV reading, resampling and refusal of bad files (base/wav.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/wav.h"

/* A WAV image of n frames of ch channels at rate, a 440 Hz tone. */
static void
tone(struct buf *b, unsigned ch, unsigned rate, size_t n)
{
	int16_t *v = calloc(n * ch, sizeof(*v));
	size_t i;

	for (i = 0; i < n * ch; i++)
		v[i] = (int16_t)(8000 * sin(2 * M_PI * 440 * (double)(i / ch) /
		    rate));
	/* wav_encode() writes mono: patch the header for ch channels. */
	wav_encode(v, n * ch, (int)rate, b);
	b->s[22] = (char)ch;
	b->s[32] = (char)(2 * ch);
	b->s[28] = (char)(rate * 2 * ch & 0xff);
	b->s[29] = (char)(rate * 2 * ch >> 8 & 0xff);
	b->s[30] = (char)(rate * 2 * ch >> 16 & 0xff);
	free(v);
}

static int
parse(const struct buf *img, struct pcm *p, struct buf *err)
{
	return wav_parse((const unsigned char *)img->s, img->len, "a.wav", p,
	    NULL, NULL, err);
}

static void
test_rates_and_channels(void **state)
{
	static const unsigned rates[] = { 8000, 16000, 22050, 44100, 48000 };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(rates) / sizeof(*rates); i++) {
		for (unsigned ch = 1; ch <= 2; ch++) {
			struct buf img = BUF_INIT, err = BUF_INIT;
			struct pcm p = PCM_INIT;
			double peak = 0;

			tone(&img, ch, rates[i], rates[i] / 2);
			assert_int_equal(parse(&img, &p, &err), 0);
			/* Half a second, whatever the rate, at 16 kHz. */
			assert_true(fabs(pcm_seconds(p.n) - 0.5) < 0.01);
			for (size_t k = 0; k < p.n; k++)
				peak = fmax(peak, abs(p.v[k]));
			assert_true(peak > 7000 && peak <= 8001);
			pcm_release(&p);
			buf_release(&img);
			buf_release(&err);
		}
	}
}

/* Parses img and expects an error containing what. */
static void
refused(const struct buf *img, const char *what)
{
	struct buf err = BUF_INIT;
	struct pcm p = PCM_INIT;

	assert_int_equal(parse(img, &p, &err), -1);
	assert_null(p.v);
	assert_non_null(strstr(err.s, "'a.wav': "));
	if (strstr(err.s, what) == NULL)
		fail_msg("expected '%s' in: %s", what, err.s);
	buf_release(&err);
}

static void
test_bad_files(void **state)
{
	struct buf img = BUF_INIT, cut = BUF_INIT;

	(void)state;
	refused(&img, "empty file");
	buf_adds(&img, "RIFX....WAVE");
	refused(&img, "not a WAV file");
	buf_reset(&img);
	tone(&img, 1, 16000, 100);
	img.s[20] = 3;		/* IEEE float */
	refused(&img, "not PCM");
	buf_reset(&img);
	tone(&img, 1, 16000, 100);
	img.s[34] = 8;
	refused(&img, "8-bit samples");
	buf_reset(&img);
	tone(&img, 1, 16000, 100);
	buf_add(&cut, img.s, img.len - 51);
	refused(&cut, "truncated");
	/* A lying data size, with the RIFF size made to agree with the file. */
	img.s[41] = 0x7f;
	refused(&img, "'data' chunk says");
	buf_reset(&img);
	tone(&img, 1, 16000, 0);
	refused(&img, "no audio");
	/* Eight frames at 200 kHz are less than one sample at 16 kHz. */
	buf_reset(&img);
	tone(&img, 1, 200000, 8);
	refused(&img, "no audio");
	/* Over 20 minutes: the header is enough to tell. */
	buf_reset(&img);
	tone(&img, 1, 4000, 10);
	{
		uint32_t n = 4000u * 2 * 1201;
		struct buf big = BUF_INIT;

		buf_add(&big, img.s, 44);
		buf_grow(&big, n);
		memset(big.s + 44, 0, n);
		big.len = 44 + n;
		memcpy(big.s + 40, &n, 4);	/* little-endian host */
		n += 36;
		memcpy(big.s + 4, &n, 4);
		refused(&big, "20 minutes");
		buf_release(&big);
	}
	buf_release(&img);
	buf_release(&cut);
}

static void
test_write_read(void **state)
{
	char path[] = "/tmp/test_wav.XXXXXX";
	int16_t v[1600];
	struct buf err = BUF_INIT;
	struct pcm p = PCM_INIT;
	size_t i;
	int fd = mkstemp(path);

	(void)state;
	assert_true(fd >= 0);
	for (i = 0; i < 1600; i++)
		v[i] = (int16_t)(i * 7);
	assert_int_equal(wav_write(path, v, 1600, PCM_RATE, &err), 0);
	assert_int_equal(wav_read(path, &p, &err), 0);
	assert_int_equal(p.n, 1600);
	assert_memory_equal(p.v, v, sizeof(v));
	pcm_release(&p);
	unlink(path);
	assert_int_equal(wav_read(path, &p, &err), -1);
	assert_non_null(strstr(err.s, path));
	buf_release(&err);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rates_and_channels),
		cmocka_unit_test(test_bad_files),
		cmocka_unit_test(test_write_read),
	};

	return cmocka_run_group_tests_name("wav", tests, NULL, NULL);
}

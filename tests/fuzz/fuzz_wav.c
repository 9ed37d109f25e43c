/*
 * Any bytes as a WAV file: base/wav.c either reads 16 kHz mono audio from
 * them or refuses them with a message naming the file, and never reads
 * outside the input (a lying chunk size, a truncated header).
 */
#include <string.h>

#include "base/wav.h"
#include "tests/fuzz/fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pcm p = PCM_INIT;
	struct buf err = BUF_INIT;
	int rate = 0, ch = 0;
	int rc = wav_parse(data, size, "fuzz.wav", &p, &rate, &ch, &err);

	if (rc == 0) {
		FUZZ_ASSERT(p.n > 0 && err.len == 0);
		FUZZ_ASSERT(ch == 1 || ch == 2);
		FUZZ_ASSERT(rate >= 4000);
	} else {
		FUZZ_ASSERT(p.n == 0);
		FUZZ_ASSERT(strncmp(err.s, "'fuzz.wav': ", 12) == 0);
	}
	pcm_release(&p);
	buf_release(&err);
	return 0;
}

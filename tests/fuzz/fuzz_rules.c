/* The rule-file loader and compiler on anything. */
#include "rubrics/rubric.h"
#include "tests/fuzz/fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rubric rb;
	struct buf err = BUF_INIT;
	int rc;

	rubric_init(&rb);
	rc = rubric_add_text(&rb, (const char *)data, size, "fuzz.yaml", &err);
	if (rc == 0)
		rc = rubric_compile(&rb, &err);
	FUZZ_ASSERT(rc == 0 || err.len > 0);
	rubric_free(&rb);
	buf_release(&err);
	return 0;
}

/* The JSON importer on anything. */
#include "stories/ingest.h"
#include "tests/fuzz/fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ingest in = INGEST_INIT;
	struct buf err = BUF_INIT;
	int rc = ingest_data(&in, "fuzz.json", (const char *)data, size, 1,
	    &err);

	FUZZ_ASSERT(rc == 0 || err.len > 0);
	ingest_release(&in);
	buf_release(&err);
	return 0;
}

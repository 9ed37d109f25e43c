/* The story file parser on anything: it must fail cleanly or parse. */
#include <string.h>

#include "stories/principle.h"
#include "stories/parse.h"
#include "tests/fuzz/fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct buf err = BUF_INIT;
	struct story s;
	int rc;

	story_init(&s);
	rc = story_parse((const char *)data, size, "fuzz.md", &s, &err);
	if (rc == 0) {
		FUZZ_ASSERT(s.title != NULL);
		FUZZ_ASSERT(err.len == 0);
		principle_canon_story(&s, "fuzz.md", &err);
	} else {
		/* Every failure says why, naming the file. */
		FUZZ_ASSERT(strncmp(err.s, "fuzz.md", 7) == 0);
	}
	story_release(&s);
	buf_release(&err);
	return 0;
}

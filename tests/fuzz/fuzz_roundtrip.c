/*
 * Import and export: a story that parses, written out as a story file and
 * as JSON and read back, is the same story.
 */
#include "stories/principle.h"
#include "stories/parse.h"
#include "stories/render.h"
#include "tests/fuzz/fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct buf err = BUF_INIT, md = BUF_INIT;
	struct story a, b, c;
	json_t *j;

	story_init(&a);
	story_init(&b);
	story_init(&c);
	if (story_parse((const char *)data, size, "fuzz.md", &a, &err) < 0 ||
	    principle_canon_story(&a, "fuzz.md", &err) < 0)
		goto out;
	FUZZ_ASSERT(story_to_markdown(&a, &md, &err) == 0);
	FUZZ_ASSERT(story_parse(md.s, md.len, "out.md", &b, &err) == 0);
	FUZZ_ASSERT(principle_canon_story(&b, "out.md", &err) == 0);
	FUZZ_ASSERT(story_same_content(&a, &b));
	j = story_to_json(&a, 150, 1);
	FUZZ_ASSERT(story_from_json(j, "json", &c, &err) == 0);
	FUZZ_ASSERT(story_same_content(&a, &c));
	json_decref(j);
out:
	story_release(&a);
	story_release(&b);
	story_release(&c);
	buf_release(&err);
	buf_release(&md);
	return 0;
}

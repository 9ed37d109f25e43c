/*
 * The lint engine with the default rubric on any story text: as a story
 * file when it parses, else as the text of every section.
 */
#include <string.h>

#include "rubrics/lint.h"
#include "stories/parse.h"
#include "base/utf8.h"
#include "tests/fuzz/fuzz.h"

static struct rubric rb;
static struct match_env env;
static int ready;

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct buf err = BUF_INIT;
	struct lint_result res;
	struct story s;
	int sec, rc;

	if (!ready) {
		rubric_init(&rb);
		if (rubric_add_default(&rb, &err) < 0 ||
		    rubric_compile(&rb, &err) < 0 || match_env_init(&env) < 0)
			abort();
		ready = 1;
	}
	story_init(&s);
	if (story_parse((const char *)data, size, "fuzz.md", &s, &err) < 0) {
		char *text;

		story_release(&s);
		story_init(&s);
		if (size > 65536 || utf8_check((const char *)data, size,
		    NULL) >= 0)
			goto out;
		text = strndup((const char *)data, size);
		s.title = strdup("fuzz");
		for (sec = 0; sec < SEC_COUNT; sec++) {
			story_set(&s.section[sec], text);
			s.text_line[sec] = 1 + sec * 100;
		}
		free(text);
	}
	rc = lint_story(&rb, &env, &s, 150, "fuzz", &res, &err);
	if (rc == 0) {
		FUZZ_ASSERT(res.score >= 0 && res.score <= 100);
		for (size_t i = 0; i < res.n; i++)
			FUZZ_ASSERT(res.v[i].line >= 1 && res.v[i].column >= 1);
	} else {
		FUZZ_ASSERT(err.len > 0);	/* never silently clean */
	}
	lint_result_release(&res);
out:
	story_release(&s);
	buf_release(&err);
	return 0;
}

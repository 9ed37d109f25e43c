/* The FNV-1a hash and the story digest built on it. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "base/hash.h"
#include "stories/story.h"
#include "base/xalloc.h"

/* Published FNV-1a 64-bit test vectors (Noll's FNV test suite). */
static void
test_fnv1a_vectors(void **state)
{
	(void)state;
	assert_true(hash64(HASH64_INIT, "", 0) ==
	    UINT64_C(0xcbf29ce484222325));
	assert_true(hash64(HASH64_INIT, "a", 1) ==
	    UINT64_C(0xaf63dc4c8601ec8c));
	assert_true(hash64(HASH64_INIT, "foobar", 6) ==
	    UINT64_C(0x85944171f73967e8));
	/* Hashing in pieces is hashing the whole. */
	assert_true(hash64(hash64(HASH64_INIT, "foo", 3), "bar", 3) ==
	    hash64(HASH64_INIT, "foobar", 6));
}

static void
test_strings_are_delimited(void **state)
{
	uint64_t ab_c = hash64_str(hash64_str(HASH64_INIT, "ab"), "c");
	uint64_t a_bc = hash64_str(hash64_str(HASH64_INIT, "a"), "bc");

	(void)state;
	assert_true(ab_c != a_bc);
	assert_true(hash64_str(HASH64_INIT, NULL) !=
	    hash64_str(HASH64_INIT, ""));
	assert_true(hash64_u64(HASH64_INIT, 1) != hash64_u64(HASH64_INIT, 2));
}

static void
sample(struct story *s)
{
	story_init(s);
	s->title = xstrdup("Queue");
	s->project = xstrdup("ingest");
	strlist_push(&s->principles, "ownership");
	strlist_push(&s->tags, "infra");
	story_set(&s->section[SEC_ACTION], "I profiled the job.");
	story_set(&s->section[SEC_RESULT], "It fell 40%.");
}

/* Equal content, equal digest; any one change, another digest. */
static void
test_story_digest(void **state)
{
	struct story a, b;
	uint64_t d;
	int i;

	(void)state;
	sample(&a);
	sample(&b);
	d = story_digest(&a, 42);
	/* Ids, timestamps and versions are not content. */
	b.id = 7;
	b.version = 3;
	story_set(&b.updated, "2026-01-01T00:00:00Z");
	assert_true(story_digest(&b, 42) == d);
	assert_true(story_digest(&a, 43) != d);
	story_set(&b.title, "Queues");
	assert_true(story_digest(&b, 42) != d);
	story_release(&b);
	sample(&b);
	story_set(&b.project, NULL);
	assert_true(story_digest(&b, 42) != d);
	story_release(&b);
	sample(&b);
	strlist_push(&b.principles, "dive-deep");
	assert_true(story_digest(&b, 42) != d);
	story_release(&b);
	sample(&b);
	strlist_clear(&b.tags);
	assert_true(story_digest(&b, 42) != d);
	for (i = 0; i < SEC_COUNT; i++) {
		story_release(&b);
		sample(&b);
		story_set(&b.section[i], "Something else.");
		assert_true(story_digest(&b, 42) != d);
	}
	/* Text moved from one section to the next is a change. */
	story_release(&b);
	sample(&b);
	story_set(&b.section[SEC_ACTION], "I profiled the job.It fell 40%.");
	story_set(&b.section[SEC_RESULT], "");
	assert_true(story_digest(&b, 42) != d);
	story_release(&a);
	story_release(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fnv1a_vectors),
		cmocka_unit_test(test_strings_are_delimited),
		cmocka_unit_test(test_story_digest),
	};

	return cmocka_run_group_tests_name("hash", tests, NULL, NULL);
}

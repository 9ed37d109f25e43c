/* Writing a uid back into a story file (stories/uid_file.h). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/xalloc.h"
#include "stories/parse.h"
#include "stories/principle.h"
#include "stories/uid_file.h"

static const char text[] = "---\n"
    "title: Cut p99 latency   # a comment stays\n"
    "principles: [dive-deep]\n"
    "---\n"
    "## Action\nI profiled.\n";

struct fixture {
	char dir[64];
	char path[96];
	struct story s;		/* the story as read, with its uid given */
};

static void
write_file(const char *path, const char *data)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	assert_int_equal(fputs(data, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
}

static char *
read_file(const char *path)
{
	struct buf err = BUF_INIT;
	char *data;
	size_t len;

	assert_int_equal(read_whole_file(path, &data, &len, &err), 0);
	buf_release(&err);
	return data;
}

static int
setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof(*f));
	struct buf err = BUF_INIT;

	snprintf(f->dir, sizeof(f->dir), "/tmp/lpcoach-uidfile-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	snprintf(f->path, sizeof(f->path), "%s/a.md", f->dir);
	write_file(f->path, text);
	story_init(&f->s);
	assert_int_equal(story_parse(text, strlen(text), "a.md", &f->s, &err),
	    0);
	assert_int_equal(principle_canon_story(&f->s, "a.md", &err), 0);
	story_set(&f->s.uid, "cut-p99-1a2b");
	buf_release(&err);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	unlink(f->path);
	rmdir(f->dir);
	story_release(&f->s);
	free(f);
	return 0;
}

static void
test_writes_the_uid_line(void **state)
{
	struct fixture *f = *state;
	struct buf warn = BUF_INIT;
	char *got;

	assert_int_equal(story_file_write_uid(f->path, &f->s, &warn), 0);
	assert_string_equal(warn.s, "");
	got = read_file(f->path);
	assert_string_equal(got, "---\nuid: cut-p99-1a2b\n"
	    "title: Cut p99 latency   # a comment stays\n"
	    "principles: [dive-deep]\n---\n## Action\nI profiled.\n");
	free(got);
	buf_release(&warn);
}

/* The file was edited after import read it: the edit wins. */
static void
test_a_changed_file_is_left_alone(void **state)
{
	struct fixture *f = *state;
	struct buf warn = BUF_INIT;
	static const char edited[] = "---\ntitle: Cut p99 latency\n---\n"
	    "## Action\nI profiled, then cached.\n";
	char *got;

	write_file(f->path, edited);
	assert_int_equal(story_file_write_uid(f->path, &f->s, &warn), -1);
	assert_non_null(strstr(warn.s, "a.md: warning: the uid was not "
	    "written into it (it changed since it was read): add 'uid: "
	    "cut-p99-1a2b' to its front matter\n"));
	got = read_file(f->path);
	assert_string_equal(got, edited);
	free(got);
	buf_release(&warn);
}

/* A flow-style front matter cannot take a line before it. */
static void
test_flow_front_matter_is_left_alone(void **state)
{
	struct fixture *f = *state;
	struct buf warn = BUF_INIT;
	static const char flow[] = "---\n{title: Cut p99 latency, "
	    "principles: [dive-deep]}\n---\n## Action\nI profiled.\n";
	char *got;

	write_file(f->path, flow);
	assert_int_equal(story_file_write_uid(f->path, &f->s, &warn), -1);
	assert_non_null(strstr(warn.s, "cannot take a 'uid:' line"));
	got = read_file(f->path);
	assert_string_equal(got, flow);
	free(got);
	buf_release(&warn);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_writes_the_uid_line,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_a_changed_file_is_left_alone, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_flow_front_matter_is_left_alone, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* Comments in story text and the directives in them (stories/comment.h). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "stories/comment.h"

static void
test_comments_are_not_said(void **state)
{
	const char *t = "I cut it <!-- a note\nover two lines --> by 40%.";
	char *b = xstrdup(t), *strip;
	size_t start, end;

	(void)state;
	assert_int_equal(comment_next(t, 0, &start, &end), 1);
	assert_int_equal(start, 9);
	assert_int_equal(end, strstr(t, "-->") + 3 - t);
	assert_int_equal(comment_next(t, end, &start, &end), 0);
	/* Never closed: text, as cmark shows it. */
	assert_int_equal(comment_next("a <!-- b", 0, &start, &end), 0);
	/* The first "<!--" opens; one inside the comment is part of it. */
	assert_int_equal(comment_next("a <!-- b <!-- c --> d", 0, &start,
	    &end), 1);
	assert_int_equal(start, 2);
	assert_int_equal(end, 19);
	/* Blanked: the same length, the line break kept, no words. */
	comments_blank(b);
	assert_int_equal(strlen(b), strlen(t));
	assert_non_null(strchr(b, '\n'));
	assert_null(strstr(b, "note"));
	assert_int_equal(strstr(b, "by 40%") - b, strstr(t, "by 40%") - t);
	assert_int_equal(text_words(t), 5);
	assert_int_equal(text_words(b), 5);
	assert_int_equal(text_words("a <!-- b c"), 3);
	/* Stripped for reading: a line that was only a comment goes. */
	strip = comments_strip("one <!-- x --> two\n<!-- lpcoach-disable r -->\n"
	    "three\n\nfour");
	assert_string_equal(strip, "one two\nthree\n\nfour");
	free(strip);
	free(b);
}

static void
test_directives_read_and_placed(void **state)
{
	struct directives d;
	struct story s;

	(void)state;
	story_init(&s);
	s.text_line[SEC_RESULT] = 20;
	story_set(&s.section[SEC_RESULT], "ok\n  <!-- lpcoach-disable a, b -->\n"
	    "<!-- lpcoach-disable-next-line c -->\nline\n"
	    "<!--lpcoach-enable a-->\n<!-- lpcoach-frob a -->\n<!-- other -->");
	directives_read(&s, &d);
	assert_int_equal(d.n, 5);
	assert_int_equal(d.v[0].kind, DIRECTIVE_DISABLE);
	assert_string_equal(d.v[0].rule, "a");
	assert_string_equal(d.v[1].rule, "b");
	assert_int_equal(d.v[0].line, 21);
	assert_int_equal(d.v[0].column, 3);
	assert_int_equal(d.v[2].kind, DIRECTIVE_NEXT_LINE);
	assert_int_equal(d.v[3].kind, DIRECTIVE_ENABLE);
	assert_int_equal(d.v[4].kind, DIRECTIVE_BAD);
	assert_string_equal(d.v[4].rule, "frob");
	/* "c" covers line 23 only; "a" the text between disable and enable,
	 * and any finding about the whole section. */
	assert_true(directives_off(&d, &s, "c", SEC_RESULT, 70, 23));
	assert_false(directives_off(&d, &s, "c", SEC_RESULT, 70, 24));
	assert_true(directives_off(&d, &s, "a", SEC_RESULT, 60, 23));
	assert_false(directives_off(&d, &s, "a", SEC_RESULT, 0, 20));
	assert_false(directives_off(&d, &s, "a", SEC_RESULT, 120, 26));
	assert_true(directives_off(&d, &s, "a", SEC_RESULT, (size_t)-1, 0));
	assert_false(directives_off(&d, &s, "a", SEC_ACTION, 60, 23));
	assert_false(directives_off(&d, &s, "a", -1, 0, 1));
	strlist_push(&s.lint_off, "z");
	assert_true(directives_off(&d, &s, "z", -1, 0, 1));
	directives_release(&d);
	story_release(&s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_comments_are_not_said),
		cmocka_unit_test(test_directives_read_and_placed),
	};
	return cmocka_run_group_tests_name("comment", tests, NULL, NULL);
}

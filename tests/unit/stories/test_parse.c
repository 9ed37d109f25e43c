/* The story file parser and renderer. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "stories/parse.h"
#include "stories/render.h"

/* Parses text; returns 0 or -1 and leaves the message in err. */
static int
parse(const char *text, struct story *s, struct buf *err)
{
	story_init(s);
	buf_reset(err);
	return story_parse(text, strlen(text), "t.md", s, err);
}

static void
expect_error(const char *text, const char *message)
{
	struct story s;
	struct buf err = BUF_INIT;

	assert_int_equal(parse(text, &s, &err), -1);
	if (strstr(err.s, message) == NULL)
		fail_msg("expected '%s' in '%s'", message, err.s);
	story_release(&s);
	buf_release(&err);
}

static void
test_full_story(void **state)
{
	struct story s;
	struct buf err = BUF_INIT;

	(void)state;
	assert_int_equal(parse("---\n"
	    "uid: p99-7f3a\n"
	    "title: Cut p99 latency\n"
	    "principles: [dive-deep, Ownership]\n"
	    "project: ranking\n"
	    "tags: [mle, latency]\n"
	    "---\n"
	    "## Situation\nSlow.\n\n"
	    "## Task\nFix it.\n"
	    "## Action\nI profiled.\n"
	    "## Result\n340 ms to 85 ms.\n"
	    "## Reflection\nMeasure first.\n", &s, &err), 0);
	assert_string_equal(s.uid, "p99-7f3a");
	assert_string_equal(s.title, "Cut p99 latency");
	assert_string_equal(s.project, "ranking");
	assert_int_equal(s.principles.n, 2);
	assert_string_equal(s.principles.v[1], "Ownership");
	assert_int_equal(s.principles_line, 4);
	assert_int_equal(s.tags.n, 2);
	assert_string_equal(s.section[SEC_SITUATION], "Slow.");
	assert_string_equal(s.section[SEC_ACTION], "I profiled.");
	assert_string_equal(s.section[SEC_RESULT], "340 ms to 85 ms.");
	assert_string_equal(s.section[SEC_REFLECTION], "Measure first.");
	assert_int_equal(s.section_line[SEC_SITUATION], 8);
	assert_int_equal(s.text_line[SEC_SITUATION], 9);
	assert_int_equal(s.text_line[SEC_TASK], 12);
	assert_int_equal(story_words(&s), 12);
	story_release(&s);
	buf_release(&err);
}

static void
test_heading_aliases_levels_and_case(void **state)
{
	struct story s;
	struct buf err = BUF_INIT;

	(void)state;
	assert_int_equal(parse("---\ntitle: t\n---\n"
	    "# SITUATION\na\n"
	    "### actions:\nb\n"
	    "## Results\nc\n"
	    "## Lessons learned\nd\n", &s, &err), 0);
	assert_string_equal(s.section[SEC_SITUATION], "a");
	assert_string_equal(s.section[SEC_ACTION], "b");
	assert_string_equal(s.section[SEC_RESULT], "c");
	assert_string_equal(s.section[SEC_REFLECTION], "d");
	story_release(&s);
	/* Learnings is the other alias; level 4 is not a section. */
	assert_int_equal(parse("---\ntitle: t\n---\n## Action\nx\n"
	    "#### Result\nstill action\n## Learnings\ny\n", &s, &err), 0);
	assert_non_null(strstr(s.section[SEC_ACTION], "#### Result"));
	assert_string_equal(s.section[SEC_RESULT], "");
	assert_string_equal(s.section[SEC_REFLECTION], "y");
	story_release(&s);
	buf_release(&err);
}

static void
test_headings_in_code_are_text(void **state)
{
	struct story s;
	struct buf err = BUF_INIT;

	(void)state;
	assert_int_equal(parse("---\ntitle: t\n---\n## Situation\n"
	    "```\n## Result\n```\n\n    ## Task\n\n> ## Action\n"
	    "## Result\nreal\n", &s, &err), 0);
	assert_non_null(strstr(s.section[SEC_SITUATION], "## Result"));
	assert_non_null(strstr(s.section[SEC_SITUATION], "> ## Action"));
	assert_string_equal(s.section[SEC_TASK], "");
	assert_string_equal(s.section[SEC_ACTION], "");
	assert_string_equal(s.section[SEC_RESULT], "real");
	story_release(&s);
	buf_release(&err);
}

static void
test_text_kept_exactly(void **state)
{
	struct story s;
	struct buf err = BUF_INIT;

	(void)state;
	assert_int_equal(parse("---\ntitle: t\n---\n## Action\n\n\n"
	    "  - I did *this*,\n  - then   that.\n\n\n## Result\n1\n", &s,
	    &err), 0);
	assert_string_equal(s.section[SEC_ACTION],
	    "  - I did *this*,\n  - then   that.");
	story_release(&s);
	buf_release(&err);
}

static void
test_crlf_and_bom(void **state)
{
	struct story s;
	struct buf err = BUF_INIT;

	(void)state;
	assert_int_equal(parse("\xef\xbb\xbf---\r\ntitle: t\r\n---\r\n"
	    "## Result\r\nline one\r\nline two\r\n", &s, &err), 0);
	assert_string_equal(s.title, "t");
	assert_string_equal(s.section[SEC_RESULT], "line one\nline two");
	story_release(&s);
	/* A lone CR ends a line, as in CommonMark: headings stay headings. */
	assert_int_equal(parse("---\ntitle: t\n---\n## Action\na\rb\n"
	    "## Result\nc\n", &s, &err), 0);
	assert_string_equal(s.section[SEC_ACTION], "a\nb");
	assert_string_equal(s.section[SEC_RESULT], "c");
	story_release(&s);
	buf_release(&err);
}

static void
test_title_heading_allowed(void **state)
{
	struct story s;
	struct buf err = BUF_INIT;

	(void)state;
	assert_int_equal(parse("---\ntitle: Big Win\n---\n# Big win\n\n"
	    "## Result\nx\n", &s, &err), 0);
	story_release(&s);
	buf_release(&err);
}

static void
test_errors_name_line_and_column(void **state)
{
	(void)state;
	expect_error("", "t.md: empty file");
	expect_error("  \n\n", "t.md: empty file");
	expect_error("no front matter\n", "t.md:1:1: no front matter");
	expect_error("---\ntitle: t\n", "t.md:1:1: front matter is not "
	    "closed");
	expect_error("---\ntitle: \"open\n---\n", "t.md:3:1: malformed "
	    "front matter");
	expect_error("---\nproject: x\n---\n", "t.md: no title");
	expect_error("---\ntitle: t\nprincipels: [x]\n---\n",
	    "t.md:3:1: unknown key 'principels'");
	expect_error("---\ntitle: t\ntitle: u\n---\n",
	    "t.md:3:1: duplicate key 'title'");
	expect_error("---\ntitle: &a t\n---\n", "t.md:2:8: YAML anchors");
	expect_error("---\ntitle: t\ntags: *a\n---\n", "t.md:3:7: YAML "
	    "aliases");
	expect_error("---\ntitle: [a]\n---\n", "t.md:2:8: 'title' must be");
	expect_error("---\ntitle: t\ntags: [[a]]\n---\n", "t.md:3:8: 'tags' "
	    "must be a list of plain names");
	expect_error("---\ntitle: t\nuid: Bad/Uid\n---\n", "bad uid 'Bad/Uid'");
	expect_error("---\ntitle: t\n---\nhello\n## Action\nx\n",
	    "t.md:4:1: text before the first section");
	expect_error("---\ntitle: t\n---\n## Action\nx\n## Actions\ny\n",
	    "t.md:6:1: duplicate section 'Action' (first at line 4)");
	expect_error("---\ntitle: t\n---\n## Action\nab\xff\n",
	    "t.md: invalid UTF-8 at byte offset 29");
	/* Open blocks would swallow the headings written after them. */
	expect_error("---\ntitle: t\n---\n## Situation\n```\nx\n"
	    "## Action\ny\n", "t.md:5:1: this code block is never closed");
	expect_error("---\ntitle: t\n---\n## Action\ny\n\n~~~~\nx\n~~~\n",
	    "t.md:7:1: this code block is never closed");
	expect_error("---\ntitle: t\n---\n## Action\n<pre>\nx\n\nz\n",
	    "t.md:5:1: this HTML block is never closed");
	expect_error("---\ntitle: t\n---\n## Action\n<!-- note\n",
	    "t.md:5:1: this HTML block is never closed");
}

static void
test_closed_blocks_at_the_end_are_fine(void **state)
{
	struct story s;
	struct buf err = BUF_INIT;

	(void)state;
	assert_int_equal(parse("---\ntitle: t\n---\n## Action\ny\n"
	    "```\nx\n```\n", &s, &err), 0);
	story_release(&s);
	assert_int_equal(parse("---\ntitle: t\n---\n## Action\ny\n"
	    "<div>\nx\n", &s, &err), 0);
	assert_non_null(strstr(s.section[SEC_ACTION], "<div>"));
	story_release(&s);
	assert_int_equal(parse("---\ntitle: t\n---\n## Action\n"
	    "    indented code\n", &s, &err), 0);
	story_release(&s);
	buf_release(&err);
}

static void
test_nul_and_size(void **state)
{
	struct story s;
	struct buf err = BUF_INIT;
	char *big;

	(void)state;
	story_init(&s);
	assert_int_equal(story_parse("---\ntitle: a\0b\n---\n", 17, "t.md",
	    &s, &err), -1);
	assert_non_null(strstr(err.s, "NUL byte at byte offset 12"));
	big = malloc(STORY_MAX_BYTES + 1);
	memset(big, 'a', STORY_MAX_BYTES + 1);
	buf_reset(&err);
	assert_int_equal(story_parse(big, STORY_MAX_BYTES + 1, "big.md", &s,
	    &err), -1);
	assert_non_null(strstr(err.s, "big.md: too large"));
	free(big);
	story_release(&s);
	buf_release(&err);
}

/* A YAML "\0" escape would cut a value short in C: refused where it is. */
static void
test_yaml_nul_escape(void **state)
{
	(void)state;
	expect_error("---\ntitle: \"Cut\\0 short\"\n---\n## Action\nx\n",
	    "t.md:2:8: a NUL character (the escape \\0) is not allowed");
	expect_error("---\ntitle: t\ntags: [ok, \"ml\\0ops\"]\n---\n",
	    "t.md:3:12: a NUL character");
	expect_error("---\ntitle: t\nprinciples:\n  - dive-deep\n"
	    "  - \"ownership\\0evil\"\n---\n", "t.md:5:5: a NUL character");
	expect_error("---\ntitle: t\nproject: \"\\0\"\n---\n",
	    "t.md:3:10: a NUL character");
	expect_error("---\n\"title\\0x\": t\n---\n", "t.md:2:1: a NUL "
	    "character");
	expect_error("---\ntitle: t\nlint: {disable: [\"too-long\\0\"]}\n"
	    "---\n", "t.md:3:18: a NUL character");
	/* '\0' in single quotes, or written out, is text, not a NUL. */
	{
		struct story s;
		struct buf err = BUF_INIT;

		assert_int_equal(parse("---\ntitle: 'a\\0b'\n---\n## Action\n"
		    "x\n", &s, &err), 0);
		assert_string_equal(s.title, "a\\0b");
		story_release(&s);
		buf_release(&err);
	}
}

/* Sections by label, in a file with no STAR heading. */
static void
test_labels_start_sections(void **state)
{
	struct story s;
	struct buf err = BUF_INIT, md = BUF_INIT;
	struct story back;

	(void)state;
	assert_int_equal(parse("---\ntitle: t\n---\n"
	    "# t\n\n"
	    "**Situation:** The queue grew.\n\n"
	    "**Task**: Fix it.\n\n"
	    "**Action:**\n"
	    "- I profiled the job.\n"
	    "- I cut the batch size.\n\n"
	    "Result: It fell 40%.\n\n"
	    "Lessons learned:\n\nMeasure first.\n", &s, &err), 0);
	assert_string_equal(s.section[SEC_SITUATION], "The queue grew.");
	assert_string_equal(s.section[SEC_TASK], "Fix it.");
	assert_string_equal(s.section[SEC_ACTION],
	    "- I profiled the job.\n- I cut the batch size.");
	assert_string_equal(s.section[SEC_RESULT], "It fell 40%.");
	assert_string_equal(s.section[SEC_REFLECTION], "Measure first.");
	/* Where the text is: after the label on its line, or the next one. */
	assert_int_equal(s.text_line[SEC_SITUATION], 6);
	assert_int_equal(s.text_col[SEC_SITUATION], 16);
	assert_int_equal(s.text_line[SEC_ACTION], 11);
	assert_int_equal(s.text_col[SEC_ACTION], 0);
	assert_int_equal(s.text_col[SEC_RESULT], 9);
	/* Written back with headings, it reads the same. */
	assert_int_equal(story_to_markdown(&s, &md, &err), 0);
	assert_non_null(strstr(md.s, "## Situation\n\nThe queue grew.\n"));
	story_init(&back);
	assert_int_equal(story_parse(md.s, md.len, "back.md", &back, &err), 0);
	assert_true(story_same_content(&s, &back));
	story_release(&back);
	story_release(&s);
	buf_release(&md);
	buf_release(&err);
}

/* A label is text where there are STAR headings, and inside a list. */
static void
test_labels_only_without_headings(void **state)
{
	struct story s;
	struct buf err = BUF_INIT;

	(void)state;
	assert_int_equal(parse("---\ntitle: t\n---\n## Action\n"
	    "I fixed it.\n\nResult: it fell.\n", &s, &err), 0);
	assert_string_equal(s.section[SEC_ACTION],
	    "I fixed it.\n\nResult: it fell.");
	assert_string_equal(s.section[SEC_RESULT], "");
	story_release(&s);
	assert_int_equal(parse("---\ntitle: t\n---\n**Action:** I did.\n\n"
	    "- **Result:** inside a list\n\nNote: kept\n", &s, &err), 0);
	assert_string_equal(s.section[SEC_ACTION],
	    "I did.\n\n- **Result:** inside a list\n\nNote: kept");
	story_release(&s);
	buf_release(&err);
	expect_error("---\ntitle: t\n---\nSome words first.\n\n"
	    "**Action:** I did.\n", "t.md:4:1: text before the first section");
	expect_error("---\ntitle: t\n---\n**Action:** I did.\n\n"
	    "Action: again\n", "t.md:6:1: duplicate section 'Action'");
	/* Not labels: no colon, an unknown name, text before the colon. */
	expect_error("---\ntitle: t\n---\n**Action** I did.\n", "text before");
	expect_error("---\ntitle: t\n---\nBackground: old.\n", "text before");
}

static void
test_round_trip(void **state)
{
	struct story a, b;
	struct buf err = BUF_INIT, md = BUF_INIT;

	(void)state;
	assert_int_equal(parse("---\nuid: x-1\n"
	    "title: 'Quotes: \"a\" and #hash, [brackets] & more'\n"
	    "principles: [ownership, 'are-right-a-lot']\n"
	    "project: 'yes'\ntags: ['-dash', 'caf\xc3\xa9']\n---\n"
	    "## Situation\nline\n\n```\n## Result\n```\n"
	    "## Result\n$1.4M a year, 50%\n", &a, &err), 0);
	assert_int_equal(story_to_markdown(&a, &md, &err), 0);
	story_init(&b);
	assert_int_equal(story_parse(md.s, md.len, "out.md", &b, &err), 0);
	assert_true(story_same_content(&a, &b));
	assert_string_equal(b.project, "yes");
	assert_string_equal(b.tags.v[0], "-dash");
	story_release(&a);
	story_release(&b);
	buf_release(&md);
	buf_release(&err);
}

static void
test_json_round_trip(void **state)
{
	struct story a, b;
	struct buf err = BUF_INIT;
	json_t *j;

	(void)state;
	assert_int_equal(parse("---\nuid: j-1\ntitle: t\nprinciples: [x]\n"
	    "---\n## Task\n\x1b]52;c;aGk=\x07 kept exactly\n", &a, &err), 0);
	j = story_to_json(&a, 150, 1);
	story_init(&b);
	assert_int_equal(story_from_json(j, "j", &b, &err), 0);
	assert_true(story_same_content(&a, &b));
	json_object_set_new(j, "colour", json_string("x"));
	story_release(&b);
	story_init(&b);
	assert_int_equal(story_from_json(j, "doc.json: story 1", &b, &err), -1);
	assert_non_null(strstr(err.s, "doc.json: story 1: unknown field "
	    "'colour'"));
	json_decref(j);
	story_release(&a);
	story_release(&b);
	buf_release(&err);
}

static void
test_words_and_seconds(void **state)
{
	(void)state;
	assert_int_equal(text_words("I cut p99 - from 340 ms to 85 ms."), 9);
	assert_int_equal(text_words("  --- *** "), 0);
	/* A comment is no words, and ends a word as a blank does. */
	assert_int_equal(text_words("one <!-- two three -->four"), 2);
	assert_int_equal(text_words("a<!--x-->b <!--y--> c<!-- z -->"), 3);
	assert_int_equal(text_words("<!-- only a comment -->"), 0);
	assert_int_equal(story_seconds(150, 150), 60);
	assert_int_equal(story_seconds(375, 150), 150);
	assert_int_equal(story_seconds(100, 200), 30);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_full_story),
		cmocka_unit_test(test_heading_aliases_levels_and_case),
		cmocka_unit_test(test_headings_in_code_are_text),
		cmocka_unit_test(test_text_kept_exactly),
		cmocka_unit_test(test_crlf_and_bom),
		cmocka_unit_test(test_title_heading_allowed),
		cmocka_unit_test(test_errors_name_line_and_column),
		cmocka_unit_test(test_closed_blocks_at_the_end_are_fine),
		cmocka_unit_test(test_nul_and_size),
		cmocka_unit_test(test_yaml_nul_escape),
		cmocka_unit_test(test_labels_start_sections),
		cmocka_unit_test(test_labels_only_without_headings),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_json_round_trip),
		cmocka_unit_test(test_words_and_seconds),
	};
	return cmocka_run_group_tests_name("parse", tests, NULL, NULL);
}

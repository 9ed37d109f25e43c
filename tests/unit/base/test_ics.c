/* iCalendar content lines: TEXT escaping and folding at 75 octets. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "base/ics.h"
#include "base/utf8.h"

/*
 * Checks that the CRLF-ended lines in s are at most 75 octets, each valid
 * UTF-8 on its own (no character split), continuations beginning with a
 * space; returns the unfolded content in out.
 */
static void
check_folded(const char *s, struct buf *out)
{
	const char *p = s, *eol;
	int first = 1;

	while (*p) {
		eol = strstr(p, "\r\n");
		assert_non_null(eol);
		assert_true(eol - p <= ICS_LINE_MAX);
		assert_true(utf8_check(p, (size_t)(eol - p), NULL) < 0);
		assert_null(memchr(p, '\n', (size_t)(eol - p)));
		if (!first) {
			assert_int_equal(*p, ' ');
			p++;
		}
		buf_add(out, p, (size_t)(eol - p));
		p = eol + 2;
		first = 0;
	}
}

static void
test_text_escapes_the_four(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	ics_escape(&b, "a\\b;c,d\ne\r\nf\tg\x01h");
	assert_string_equal(b.s, "a\\\\b\\;c\\,d\\ne\\nf\tg h");
	buf_release(&b);
}

static void
test_short_lines_stay_whole(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	ics_line(&b, "BEGIN", "VCALENDAR");
	ics_text(&b, "SUMMARY", "Drill; today, 3");
	assert_string_equal(b.s, "BEGIN:VCALENDAR\r\nSUMMARY:Drill\\; today\\, 3"
	    "\r\n");
	buf_release(&b);
}

static void
test_exactly_75_octets_is_not_folded(void **state)
{
	struct buf b = BUF_INIT;
	char v[76];

	(void)state;
	memset(v, 'x', 67);
	v[67] = '\0';
	ics_line(&b, "SUMMARY", v);	/* 8 + 67 = 75 */
	assert_int_equal(b.len, 77);
	buf_reset(&b);
	v[67] = 'y';
	v[68] = '\0';
	ics_line(&b, "SUMMARY", v);
	assert_string_equal(b.s + 75, "\r\n y\r\n");
	buf_release(&b);
}

static void
test_folds_between_characters(void **state)
{
	/* Two-, three- and four-byte characters at every offset. */
	static const char *const chars[] = { "\xc3\xa9", "\xe2\x80\x94",
	    "\xf0\x9f\x93\x85" };
	size_t c, shift, i;

	(void)state;
	for (c = 0; c < 3; c++)
		for (shift = 0; shift < 4; shift++) {
			struct buf v = BUF_INIT, out = BUF_INIT, back = BUF_INIT;

			for (i = 0; i < shift; i++)
				buf_addc(&v, 'a');
			for (i = 0; i < 80; i++)
				buf_adds(&v, chars[c]);
			ics_line(&out, "DESCRIPTION", v.s);
			check_folded(out.s, &back);
			assert_string_equal(back.s + strlen("DESCRIPTION:"), v.s);
			buf_release(&v);
			buf_release(&out);
			buf_release(&back);
		}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_escapes_the_four),
		cmocka_unit_test(test_short_lines_stay_whole),
		cmocka_unit_test(test_exactly_75_octets_is_not_folded),
		cmocka_unit_test(test_folds_between_characters),
	};

	return cmocka_run_group_tests_name("ics", tests, NULL, NULL);
}

/* Strict UTF-8 checks: every kind of malformed input is refused. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "base/buf.h"
#include "base/utf8.h"

static long
check(const char *s, size_t len)
{
	return utf8_check(s, len, NULL);
}

static void
test_valid_text(void **state)
{
	const char *s = "plain ASCII, caf\xc3\xa9, \xe2\x82\xac 5, \xf0\x9f\x98\x80";

	(void)state;
	assert_int_equal(check(s, strlen(s)), -1);
	assert_int_equal(check("", 0), -1);
}

static void
test_invalid_forms_report_offset(void **state)
{
	(void)state;
	/* Overlong encodings of '/' and of NUL. */
	assert_int_equal(check("ab\xc0\xaf", 4), 2);
	assert_int_equal(check("\xe0\x80\xaf", 3), 0);
	assert_int_equal(check("x\xc0\x80", 3), 1);
	/* UTF-16 surrogates encoded in UTF-8. */
	assert_int_equal(check("ok\xed\xa0\x80", 5), 2);
	/* Truncated sequence at the end. */
	assert_int_equal(check("abc\xe2\x82", 5), 3);
	/* Lone continuation byte. */
	assert_int_equal(check("\x80", 1), 0);
	/* Bytes F5 and above, and above U+10FFFF. */
	assert_int_equal(check("a\xf5\x80\x80\x80", 5), 1);
	assert_int_equal(check("\xff", 1), 0);
	assert_int_equal(check("\xf4\x90\x80\x80", 4), 0);
}

static void
test_nul_is_refused(void **state)
{
	const char *why = NULL;

	(void)state;
	assert_int_equal(utf8_check("abc\0def", 7, &why), 3);
	assert_string_equal(why, "NUL byte");
	assert_int_equal(utf8_check("\xc3", 1, &why), 0);
	assert_string_equal(why, "invalid UTF-8");
}

/*
 * Long ASCII runs are checked eight bytes at a time: a bad byte, a NUL or
 * a valid multibyte character at every offset of a 40-byte text is found
 * (or passed) where it is, whatever its place in an 8-byte block.
 */
static void
test_every_offset_of_a_long_run(void **state)
{
	char t[41];
	size_t at;

	(void)state;
	for (at = 0; at < 40; at++) {
		memset(t, 'a', 40);
		t[40] = '\0';
		t[at] = (char)0xFF;
		assert_int_equal(utf8_check(t, 40, NULL), (long)at);
		t[at] = '\0';
		assert_int_equal(utf8_check(t, 40, NULL), (long)at);
		if (at + 1 < 40) {
			t[at] = (char)0xC3;	/* é */
			t[at + 1] = (char)0xA9;
			assert_int_equal(utf8_check(t, 40, NULL), -1);
			/* Cut after its first byte: invalid there. */
			assert_int_equal(utf8_check(t, at + 1, NULL), (long)at);
		}
	}
	memset(t, 'a', 40);
	assert_int_equal(utf8_check(t, 40, NULL), -1);
	assert_int_equal(utf8_check(t, 0, NULL), -1);
}

static void
test_decode_and_length(void **state)
{
	uint32_t cp = 0;

	(void)state;
	assert_int_equal(utf8_decode("\xe2\x80\xae", 3, &cp), 3);
	assert_int_equal(cp, 0x202e);
	assert_int_equal(utf8_decode("\xc2\x9b", 2, &cp), 2);
	assert_int_equal(cp, 0x9b);
	assert_int_equal(utf8_length("caf\xc3\xa9", 5), 4);
	/* A prefix of whole characters: never half of the "\xc3\xa9". */
	assert_int_equal(utf8_prefix("a\xc3\xa9\xc3\xa9x", 6, 3), 5);
	assert_int_equal(utf8_prefix("a\xc3\xa9", 3, 9), 3);
	assert_int_equal(utf8_prefix("a\xc3\xa9", 3, 0), 0);
}

static void
test_salvage_replaces_only_the_bad_bytes(void **state)
{
	struct buf out = BUF_INIT;
	static const char in[] = "caf\xc3\xa9 \xc0\xaf x\0y \xe2\x82";

	(void)state;
	/* Two bytes of an overlong form, a NUL, two of a cut sequence. */
	assert_int_equal(utf8_salvage(in, sizeof(in) - 1, &out), 5);
	assert_string_equal(out.s, "caf\xc3\xa9 \xef\xbf\xbd\xef\xbf\xbd "
	    "x\xef\xbf\xbdy \xef\xbf\xbd\xef\xbf\xbd");
	assert_int_equal(check(out.s, out.len), -1);
	buf_reset(&out);
	assert_int_equal(utf8_salvage("fine", 4, &out), 0);
	assert_string_equal(out.s, "fine");
	buf_release(&out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_text),
		cmocka_unit_test(test_invalid_forms_report_offset),
		cmocka_unit_test(test_nul_is_refused),
		cmocka_unit_test(test_every_offset_of_a_long_run),
		cmocka_unit_test(test_decode_and_length),
		cmocka_unit_test(test_salvage_replaces_only_the_bad_bytes),
	};
	return cmocka_run_group_tests_name("utf8", tests, NULL, NULL);
}

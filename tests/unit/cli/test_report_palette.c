/*
 * The report page's colours pass WCAG 2 AA for small text: computed from
 * the palette the page is written with (the page has no scripts, so the
 * browser test cannot read its computed colours).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/report_view.h"

#define AA_SMALL 4.5

/* "#rgb" or "#rrggbb" into 0-255 channels. */
static void
parse(const char *hex, double rgb[3])
{
	unsigned v[3];
	int i;

	assert_true(hex[0] == '#');
	if (strlen(hex) == 4) {
		for (i = 0; i < 3; i++) {
			char d[2] = { hex[1 + i], 0 };

			v[i] = (unsigned)strtoul(d, NULL, 16) * 17;
		}
	} else {
		assert_int_equal(strlen(hex), 7);
		assert_int_equal(sscanf(hex + 1, "%2x%2x%2x", &v[0], &v[1],
		    &v[2]), 3);
	}
	for (i = 0; i < 3; i++)
		rgb[i] = v[i];
}

/* WCAG 2's relative luminance of 0-255 sRGB channels. */
static double
luminance(const double rgb[3])
{
	static const double w[3] = { 0.2126, 0.7152, 0.0722 };
	double l = 0;
	int i;

	for (i = 0; i < 3; i++) {
		double c = rgb[i] / 255;

		c = c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
		l += w[i] * c;
	}
	return l;
}

static double
contrast(const double a[3], const double b[3])
{
	double la = luminance(a), lb = luminance(b);

	return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

/* Asserts ink on fill, and on the fill under the hatch when hatched. */
static void
check(const struct report_colour *c)
{
	double fill[3], ink[3], dark[3];
	int i;

	if (c->ink == NULL)
		return;
	parse(c->fill, fill);
	parse(c->ink, ink);
	if (contrast(ink, fill) < AA_SMALL)
		fail_msg("%s: %s on %s is %.2f:1", c->name, c->ink, c->fill,
		    contrast(ink, fill));
	if (!c->hatched)
		return;
	/* The hatch is black at this opacity, composited in sRGB. */
	for (i = 0; i < 3; i++)
		dark[i] = fill[i] * (1 - REPORT_HATCH_OPACITY);
	if (contrast(ink, dark) < AA_SMALL)
		fail_msg("%s: %s on hatched %s is %.2f:1", c->name, c->ink,
		    c->fill, contrast(ink, dark));
}

static void
test_the_formula_gives_the_known_ratios(void **state)
{
	double black[3], white[3], grey[3];

	(void)state;
	parse("#000", black);
	parse("#ffffff", white);
	parse("#767676", grey);
	assert_true(fabs(contrast(black, white) - 21) < 1e-9);
	/* #767676 on white is the lightest grey that passes AA: 4.54. */
	assert_true(fabs(contrast(grey, white) - 4.54) < 0.01);
}

static void
test_every_score_cell_passes_aa_hatched_or_not(void **state)
{
	size_t i;

	(void)state;
	assert_true(report_npalette >= 3);
	for (i = 0; i < report_npalette; i++)
		check(&report_palette[i]);
}

static void
test_the_page_text_passes_aa(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < report_npage_text; i++)
		check(&report_page_text[i]);
}

static void
test_not_ready_stories_are_hatched_and_ready_ones_not(void **state)
{
	(void)state;
	assert_false(report_colour_of(100, 1)->hatched);
	assert_true(report_colour_of(79, 0)->hatched);
	assert_true(report_colour_of(10, 0)->hatched);
	assert_true(report_colour_of(60, 0) != report_colour_of(40, 0));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_the_formula_gives_the_known_ratios),
		cmocka_unit_test(test_every_score_cell_passes_aa_hatched_or_not),
		cmocka_unit_test(test_the_page_text_passes_aa),
		cmocka_unit_test(
		    test_not_ready_stories_are_hatched_and_ready_ones_not),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

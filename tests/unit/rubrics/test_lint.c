/* The lint engine, the rule loader and the default rubric's catches. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "rubrics/default.h"
#include "rubrics/lint.h"
#include "stories/parse.h"
#include "base/xalloc.h"

static struct rubric defrb;
static struct match_env env;

static int
setup(void **state)
{
	struct buf err = BUF_INIT;

	(void)state;
	rubric_init(&defrb);
	if (rubric_add_default(&defrb, &err) < 0 ||
	    rubric_compile(&defrb, &err) < 0 || match_env_init(&env) < 0) {
		fprintf(stderr, "%s", err.s);
		return -1;
	}
	buf_release(&err);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	rubric_free(&defrb);
	match_env_free(&env);
	return 0;
}

/* Loads one rule file's text into a fresh, compiled rubric. */
static int
load(struct rubric *rb, const char *yaml, struct buf *err)
{
	rubric_init(rb);
	if (rubric_add_text(rb, yaml, strlen(yaml), "t.yaml", err) < 0)
		return -1;
	return rubric_compile(rb, err);
}

/* A story with text in one section, tagged with principle (or none). */
static void
story_with(struct story *s, int sec, const char *text, const char *principle)
{
	story_init(s);
	s->title = xstrdup("t");
	story_set(&s->section[sec], text);
	s->text_line[sec] = 10;
	if (principle)
		strlist_push(&s->principles, principle);
}

/* How many findings of rule id linting s with rb gives. */
static int
count(const struct rubric *rb, const struct story *s, const char *id)
{
	struct lint_result res;
	struct buf err = BUF_INIT;
	size_t i;
	int n = 0;

	if (lint_story(rb, &env, s, 150, "t", &res, &err) < 0)
		fail_msg("lint failed: %s", err.s);
	for (i = 0; i < res.n; i++)
		n += strcmp(res.v[i].rule->id, id) == 0;
	lint_result_release(&res);
	buf_release(&err);
	return n;
}

/* Findings of default rule id for text in section sec. */
static int
hits(const char *id, int sec, const char *text, const char *principle)
{
	struct story s;
	int n;

	story_with(&s, sec, text, principle);
	n = count(&defrb, &s, id);
	story_release(&s);
	return n;
}

/* The severity of the first finding of rule id, or -1 when none. */
static int
severity_of(const char *id, int sec, const char *text)
{
	struct buf err = BUF_INIT;
	struct lint_result res;
	struct story s;
	int sev = -1;
	size_t i;

	story_with(&s, sec, text, NULL);
	assert_int_equal(lint_story(&defrb, &env, &s, 150, "t", &res, &err), 0);
	for (i = 0; i < res.n && sev < 0; i++)
		if (strcmp(res.v[i].rule->id, id) == 0)
			sev = (int)res.v[i].severity;
	lint_result_release(&res);
	story_release(&s);
	buf_release(&err);
	return sev;
}

#define RULE_HEAD(kind, scope) \
	"rules:\n- id: r\n  kind: " kind "\n  category: filler\n" \
	"  severity: warning\n  scope: " scope "\n  message: \"got $0 ($1)\"\n"
#define EXAMPLES \
	"  examples: {flag: [a, b], pass: [c, d]}\n"

static void
test_existence_positions_and_message(void **state)
{
	struct rubric rb;
	struct buf err = BUF_INIT;
	struct lint_result res;
	struct story s;

	(void)state;
	assert_int_equal(load(&rb, RULE_HEAD("existence", "action")
	    "  patterns: ['\\bsyn(erg)y\\b']\n" EXAMPLES, &err), 0);
	story_with(&s, SEC_ACTION, "caf\xc3\xa9 synergy\nand synergy", NULL);
	assert_int_equal(lint_story(&rb, &env, &s, 150, "t", &res, &err), 0);
	assert_int_equal(res.n, 2);
	assert_int_equal(res.v[0].line, 10);
	assert_int_equal(res.v[0].column, 6);	/* characters, not bytes */
	assert_int_equal(res.v[1].line, 11);
	assert_int_equal(res.v[1].column, 5);
	assert_string_equal(res.v[0].message, "got synergy (erg)");
	assert_string_equal(res.v[0].match, "synergy");
	assert_int_equal(res.v[0].section, SEC_ACTION);
	assert_int_equal(res.warnings, 2);
	assert_int_equal(res.score, 90);
	lint_result_release(&res);
	story_release(&s);
	/* Out of scope: nothing. */
	story_with(&s, SEC_SITUATION, "synergy", NULL);
	assert_int_equal(count(&rb, &s, "r"), 0);
	story_release(&s);
	rubric_free(&rb);
	buf_release(&err);
}

static void
test_require_unless_when(void **state)
{
	struct rubric rb;
	struct buf err = BUF_INIT;
	struct story s;

	(void)state;
	assert_int_equal(load(&rb, RULE_HEAD("require", "[result]")
	    "  patterns: ['\\d']\n  unless: ['\\bnone\\b']\n" EXAMPLES, &err),
	    0);
	story_with(&s, SEC_RESULT, "it went well", NULL);
	assert_int_equal(count(&rb, &s, "r"), 1);
	story_set(&s.section[SEC_RESULT], "it fell 40%");
	assert_int_equal(count(&rb, &s, "r"), 0);
	story_set(&s.section[SEC_RESULT], "none to report");
	assert_int_equal(count(&rb, &s, "r"), 0);
	/* An empty scope is left to the sections rules. */
	story_set(&s.section[SEC_RESULT], "");
	assert_int_equal(count(&rb, &s, "r"), 0);
	story_release(&s);
	rubric_free(&rb);
	assert_int_equal(load(&rb, RULE_HEAD("require", "reflection")
	    "  when: ['my mistake']\n  patterns: ['\\S']\n" EXAMPLES, &err), 0);
	story_with(&s, SEC_ACTION, "It was my mistake.", NULL);
	assert_int_equal(count(&rb, &s, "r"), 1);
	story_set(&s.section[SEC_REFLECTION], "I test it now.");
	assert_int_equal(count(&rb, &s, "r"), 0);
	story_set(&s.section[SEC_ACTION], "All fine.");
	story_set(&s.section[SEC_REFLECTION], "");
	assert_int_equal(count(&rb, &s, "r"), 0);
	story_release(&s);
	rubric_free(&rb);
	buf_release(&err);
}

static void
test_require_pattern_in_sections(void **state)
{
	struct rubric rb;
	struct buf err = BUF_INIT;
	struct story s;

	(void)state;
	/* The first pattern counts anywhere in scope, the second only in
	 * the Reflection. */
	assert_int_equal(load(&rb, RULE_HEAD("require", "story")
	    "  patterns:\n    - 'lesson'\n"
	    "    - {in: [reflection], pattern: 'now'}\n" EXAMPLES, &err), 0);
	story_with(&s, SEC_ACTION, "I did it now.", NULL);
	assert_int_equal(count(&rb, &s, "r"), 1);
	story_set(&s.section[SEC_REFLECTION], "I test first now.");
	assert_int_equal(count(&rb, &s, "r"), 0);
	story_set(&s.section[SEC_REFLECTION], "");
	story_set(&s.section[SEC_ACTION], "The lesson was clear.");
	assert_int_equal(count(&rb, &s, "r"), 0);
	story_release(&s);
	rubric_free(&rb);
	/* Only require rules take them, and a map needs both keys. */
	assert_int_equal(load(&rb, RULE_HEAD("existence", "story")
	    "  patterns: [{in: [task], pattern: x}]\n" EXAMPLES, &err), -1);
	assert_non_null(strstr(err.s, "only a require rule takes patterns "
	    "with 'in'"));
	rubric_free(&rb);
	buf_reset(&err);
	assert_int_equal(load(&rb, RULE_HEAD("require", "story")
	    "  patterns: [{in: [task]}]\n" EXAMPLES, &err), -1);
	assert_non_null(strstr(err.s, "has two keys, 'in' (sections) and "
	    "'pattern'"));
	rubric_free(&rb);
	buf_release(&err);
}

/* The findings of rule id in a lint of s: how many, and how many off. */
static void
tally_of(const struct rubric *rb, const struct story *s, const char *id,
    int *on, int *off)
{
	struct lint_result res;
	struct buf err = BUF_INIT;
	size_t i;

	*on = *off = 0;
	if (lint_story(rb, &env, s, 150, "t", &res, &err) < 0)
		fail_msg("lint failed: %s", err.s);
	for (i = 0; i < res.n; i++)
		if (strcmp(res.v[i].rule->id, id) == 0)
			(*(res.v[i].disabled ? off : on))++;
	/* A finding turned off counts nowhere. */
	assert_int_equal(res.errors + res.warnings + res.suggestions +
	    res.disabled, (int)res.n);
	lint_result_release(&res);
	buf_release(&err);
}

static void
test_directives_silence_findings(void **state)
{
	struct rubric rb;
	struct buf err = BUF_INIT;
	struct story s;
	int on, off;

	(void)state;
	assert_int_equal(load(&rb, RULE_HEAD("existence", "story")
	    "  patterns: ['\\bwe\\b']\n" EXAMPLES, &err), 0);
	/* The rest of the section, until an enable. */
	story_with(&s, SEC_ACTION, "we a.\n<!-- lpcoach-disable r -->\nwe b.\n"
	    "we c.\n<!-- lpcoach-enable r -->\nwe d.", NULL);
	tally_of(&rb, &s, "r", &on, &off);
	assert_int_equal(on, 2);
	assert_int_equal(off, 2);
	/* The next line only. */
	story_set(&s.section[SEC_ACTION], "<!-- lpcoach-disable-next-line r "
	    "-->\nwe a.\nwe b.");
	tally_of(&rb, &s, "r", &on, &off);
	assert_int_equal(on, 1);
	assert_int_equal(off, 1);
	/* Another rule's directive and another section's do nothing. */
	story_set(&s.section[SEC_ACTION], "<!-- lpcoach-disable other -->\nwe");
	story_set(&s.section[SEC_RESULT], "<!-- lpcoach-disable r -->\nok");
	tally_of(&rb, &s, "r", &on, &off);
	assert_int_equal(on, 1);
	/* The front matter's list: the whole story. */
	strlist_push(&s.lint_off, "r");
	tally_of(&rb, &s, "r", &on, &off);
	assert_int_equal(on, 0);
	assert_int_equal(off, 1);
	/* Words in a comment are not read: "we" there is no finding. */
	story_release(&s);
	story_with(&s, SEC_ACTION, "I did it <!-- we --> alone.", NULL);
	tally_of(&rb, &s, "r", &on, &off);
	assert_int_equal(on + off, 0);
	story_release(&s);
	rubric_free(&rb);
	buf_release(&err);
}

static void
test_directives_are_checked(void **state)
{
	struct buf err = BUF_INIT;
	struct story s;

	(void)state;
	story_with(&s, SEC_ACTION, "ok\n<!-- lpcoach-disable team-credt -->\n"
	    "<!-- lpcoach-disabel team-credit -->\n<!-- lpcoach-disable -->\n"
	    "<!-- lpcoach-disable team-credit -->\n<!-- just a note -->", NULL);
	strlist_push(&s.lint_off, "too-lng");
	s.lint_line = 4;
	assert_int_equal(lint_check_directives(&defrb, &s, "a.md", "error",
	    &err), 4);
	assert_non_null(strstr(err.s, "a.md:4:1: error: unknown rule 'too-lng' "
	    "in 'lint: disable'; did you mean 'too-long'?"));
	assert_non_null(strstr(err.s, "a.md:11:1: error: unknown rule "
	    "'team-credt' in a lint directive; did you mean 'team-credit'?"));
	assert_non_null(strstr(err.s, "a.md:12:1: error: unknown directive "
	    "'lpcoach-disabel'"));
	assert_non_null(strstr(err.s, "a.md:13:1: error: a lint directive "
	    "names no rule"));
	story_release(&s);
	buf_release(&err);
}

static void
test_ratio(void **state)
{
	struct rubric rb;
	struct buf err = BUF_INIT;
	struct lint_result res;
	struct story s;

	(void)state;
	assert_int_equal(load(&rb, RULE_HEAD("ratio", "action")
	    "  numerator: ['\\bwe\\b']\n  denominator: ['(?-i:\\bI\\b)']\n"
	    "  max: 0.5\n  min_count: 3\n" EXAMPLES, &err), 0);
	story_with(&s, SEC_ACTION, "We did it, we won, I helped.", NULL);
	assert_int_equal(lint_story(&rb, &env, &s, 150, "t", &res, &err), 0);
	assert_int_equal(res.n, 1);
	assert_non_null(strstr(res.v[0].message, "(2 of 3)"));
	lint_result_release(&res);
	/* Exactly half is not over the maximum; too few is not judged. */
	story_set(&s.section[SEC_ACTION], "We did, I did, we did, I did.");
	assert_int_equal(count(&rb, &s, "r"), 0);
	story_set(&s.section[SEC_ACTION], "We did, we did.");
	assert_int_equal(count(&rb, &s, "r"), 0);
	/* "we" in the Situation is context and out of scope. */
	story_set(&s.section[SEC_ACTION], "I did it.");
	story_set(&s.section[SEC_SITUATION], "We we we we.");
	assert_int_equal(count(&rb, &s, "r"), 0);
	story_release(&s);
	rubric_free(&rb);
	buf_release(&err);
}

static void
test_sentence(void **state)
{
	struct rubric rb;
	struct buf err = BUF_INIT;
	struct story s;

	(void)state;
	assert_int_equal(load(&rb, RULE_HEAD("sentence", "result")
	    "  pattern: '\\bimproved\\b'\n  unless: ['\\d']\n" EXAMPLES, &err),
	    0);
	story_with(&s, SEC_RESULT, "It improved. It improved by 3.5%. "
	    "It improved!\n- It improved", NULL);
	assert_int_equal(count(&rb, &s, "r"), 3);
	story_release(&s);
	rubric_free(&rb);
	buf_release(&err);
}

/* Several patterns, 'also', 'unless' and clauses as the unit. */
static void
test_sentence_also_and_clauses(void **state)
{
	struct rubric rb;
	struct buf err = BUF_INIT;
	struct story s;

	(void)state;
	assert_int_equal(load(&rb, RULE_HEAD("sentence", "result")
	    "  patterns: ['\\bimproved\\b', '\\bbetter\\b']\n"
	    "  also: ['\\bit\\b']\n  unless: ['\\d']\n" EXAMPLES
	    "- id: c\n  kind: sentence\n  category: vagueness\n"
	    "  severity: warning\n  scope: result\n  unit: clause\n"
	    "  message: m\n  patterns: ['\\bbetter\\b']\n"
	    "  unless: ['\\d']\n" EXAMPLES, &err), 0);
	/* One finding a sentence, only where 'it' is said, none with a 3. */
	story_with(&s, SEC_RESULT, "It improved and got better. Things "
	    "improved. It is better by 3. Latency fell 30%, and it was better; "
	    "it was better", NULL);
	assert_int_equal(count(&rb, &s, "r"), 1);
	/* By clause: ", and" and ";" start new claims. */
	assert_int_equal(count(&rb, &s, "c"), 3);
	story_release(&s);
	rubric_free(&rb);
	buf_release(&err);
}

/* An existence rule's 'unless' excuses a match in its sentence. */
static void
test_existence_unless(void **state)
{
	struct rubric rb;
	struct buf err = BUF_INIT;
	struct story s;

	(void)state;
	assert_int_equal(load(&rb, RULE_HEAD("existence", "action")
	    "  patterns: ['\\bprobably\\b']\n  unless: ['\\bsaid\\b']\n"
	    EXAMPLES, &err), 0);
	story_with(&s, SEC_ACTION, "It was probably fine. She said it would "
	    "probably slip. I was probably right.", NULL);
	assert_int_equal(count(&rb, &s, "r"), 2);
	story_release(&s);
	rubric_free(&rb);
	buf_release(&err);
}

/* A share of some sections only, and a length that becomes an error. */
static void
test_length_share_of_and_error_seconds(void **state)
{
	struct rubric rb;
	struct buf err = BUF_INIT;
	struct lint_result res;
	struct story s;

	(void)state;
	assert_int_equal(load(&rb, RULE_HEAD("length", "action")
	    "  share_of: [situation, action]\n  min_share: 0.5\n" EXAMPLES
	    "- id: long\n  kind: length\n  category: length\n"
	    "  severity: warning\n  scope: story\n  max_seconds: 2\n"
	    "  error_seconds: 4\n  message: m\n" EXAMPLES, &err), 0);
	/* A long Result does not count against the Action's share. */
	story_with(&s, SEC_ACTION, "a b c d", NULL);
	story_set(&s.section[SEC_SITUATION], "a b c");
	story_set(&s.section[SEC_RESULT], "a b c d e f g h i j k l m n o p");
	assert_int_equal(count(&rb, &s, "r"), 0);
	story_set(&s.section[SEC_SITUATION], "a b c d e f");
	assert_int_equal(count(&rb, &s, "r"), 1);
	/* 26 words at 150 a minute: 10.4 s, past 4 s: one error. */
	assert_int_equal(lint_story(&rb, &env, &s, 150, "t", &res, &err), 0);
	for (size_t i = 0; i < res.n; i++)
		if (strcmp(res.v[i].rule->id, "long") == 0)
			assert_int_equal(res.v[i].severity, SEV_ERROR);
	assert_int_equal(res.errors, 1);
	lint_result_release(&res);
	story_release(&s);
	rubric_free(&rb);
	buf_release(&err);
}

static void
test_length_and_sections(void **state)
{
	struct rubric rb;
	struct buf err = BUF_INIT;
	struct story s;

	(void)state;
	assert_int_equal(load(&rb, RULE_HEAD("length", "story")
	    "  max_seconds: 6\n" EXAMPLES
	    "- id: share\n  kind: length\n  category: structure\n"
	    "  severity: error\n  scope: action\n  min_share: 0.5\n"
	    "  message: small\n" EXAMPLES
	    "- id: need\n  kind: sections\n  category: structure\n"
	    "  severity: error\n  scope: story\n  required: [situation, "
	    "result]\n  message: missing\n" EXAMPLES, &err), 0);
	/* 16 words at 150 a minute is 6.4 s; at 200 it is 4.8 s. */
	story_with(&s, SEC_ACTION, "one two three four five six seven eight "
	    "nine ten eleven twelve thirteen fourteen fifteen sixteen", NULL);
	assert_int_equal(count(&rb, &s, "r"), 1);
	{
		struct lint_result res;

		assert_int_equal(lint_story(&rb, &env, &s, 200, "t", &res,
		    &err), 0);
		for (size_t i = 0; i < res.n; i++)
			assert_string_not_equal(res.v[i].rule->id, "r");
		lint_result_release(&res);
	}
	assert_int_equal(count(&rb, &s, "share"), 0);
	assert_int_equal(count(&rb, &s, "need"), 2);
	story_set(&s.section[SEC_SITUATION], "a b c d e f g h i j k l m n o p "
	    "q r");
	story_set(&s.section[SEC_RESULT], "  \n ");
	assert_int_equal(count(&rb, &s, "share"), 1);
	assert_int_equal(count(&rb, &s, "need"), 1);
	story_release(&s);
	rubric_free(&rb);
	buf_release(&err);
}

static void
test_fragments_override_and_select(void **state)
{
	struct rubric rb;
	struct buf err = BUF_INIT;
	struct strlist only = STRLIST_INIT, off = STRLIST_INIT;
	struct story s;
	const char *first = "define: {word: 'foo'}\n" RULE_HEAD("existence",
	    "action") "  patterns: ['{{word}}']\n" EXAMPLES
	    "- id: other\n  kind: existence\n  category: filler\n"
	    "  severity: error\n  scope: action\n  message: m\n"
	    "  patterns: ['baz']\n" EXAMPLES;
	const char *second = "define: {word: 'bar'}\n" RULE_HEAD("existence",
	    "action") "  patterns: ['{{word}}']\n" EXAMPLES;

	(void)state;
	rubric_init(&rb);
	assert_int_equal(rubric_add_text(&rb, first, strlen(first), "a.yaml",
	    &err), 0);
	/* A later file replaces rule r and the fragment 'word'. */
	assert_int_equal(rubric_add_text(&rb, second, strlen(second),
	    "b.yaml", &err), 0);
	assert_int_equal(rubric_compile(&rb, &err), 0);
	assert_int_equal(rb.n, 2);
	assert_string_equal(rubric_find(&rb, "r")->file, "b.yaml");
	story_with(&s, SEC_ACTION, "foo bar baz", NULL);
	assert_int_equal(count(&rb, &s, "r"), 1);
	assert_int_equal(count(&rb, &s, "other"), 1);
	{
		/* $1 of a pattern without a group 1 is empty, not stale. */
		struct lint_result res;

		assert_int_equal(lint_story(&rb, &env, &s, 150, "t", &res,
		    &err), 0);
		assert_string_equal(res.v[0].message, "got bar ()");
		lint_result_release(&res);
	}
	strlist_push(&off, "other");
	assert_int_equal(rubric_select(&rb, NULL, &off, &err), 0);
	assert_int_equal(count(&rb, &s, "other"), 0);
	strlist_push(&only, "other");
	assert_int_equal(rubric_select(&rb, &only, NULL, &err), 0);
	assert_int_equal(count(&rb, &s, "r"), 0);
	assert_int_equal(count(&rb, &s, "other"), 1);
	strlist_push(&off, "othr");
	assert_int_equal(rubric_select(&rb, NULL, &off, &err), -1);
	assert_non_null(strstr(err.s, "unknown rule 'othr'; did you mean "
	    "'other'"));
	strlist_clear(&only);
	strlist_clear(&off);
	story_release(&s);
	rubric_free(&rb);
	buf_release(&err);
}

/* The same files selected the same way, the same fingerprint. */
static void
test_fingerprint(void **state)
{
	const char *text = RULE_HEAD("existence", "action")
	    "  patterns: ['foo']\n" EXAMPLES;
	const char *other = RULE_HEAD("existence", "action")
	    "  patterns: ['fob']\n" EXAMPLES;
	struct strlist off = STRLIST_INIT;
	struct buf err = BUF_INIT;
	struct rubric a, b;

	(void)state;
	assert_int_equal(load(&a, text, &err), 0);
	assert_int_equal(load(&b, text, &err), 0);
	assert_true(a.fingerprint == b.fingerprint);
	assert_int_equal(rubric_select(&a, NULL, NULL, &err), 0);
	assert_int_equal(rubric_select(&b, NULL, NULL, &err), 0);
	assert_true(a.fingerprint == b.fingerprint);
	rubric_free(&b);
	/* One changed letter in a pattern. */
	assert_int_equal(load(&b, other, &err), 0);
	assert_int_equal(rubric_select(&b, NULL, NULL, &err), 0);
	assert_true(a.fingerprint != b.fingerprint);
	rubric_free(&b);
	/* The same text, every rule disabled. */
	assert_int_equal(load(&b, text, &err), 0);
	strlist_push(&off, "r");
	assert_int_equal(rubric_select(&b, NULL, &off, &err), 0);
	assert_true(a.fingerprint != b.fingerprint);
	strlist_clear(&off);
	rubric_free(&a);
	rubric_free(&b);
	buf_release(&err);
}

static void
expect_load_error(const char *yaml, const char *message)
{
	struct rubric rb;
	struct buf err = BUF_INIT;

	if (load(&rb, yaml, &err) == 0)
		fail_msg("loaded: %s", yaml);
	if (strstr(err.s, message) == NULL)
		fail_msg("expected '%s' in '%s'", message, err.s);
	rubric_free(&rb);
	buf_release(&err);
}

static void
test_bad_rule_files(void **state)
{
	(void)state;
	expect_load_error(RULE_HEAD("existence", "action")
	    "  patterns: ['ok', '(unclosed']\n" EXAMPLES,
	    "t.yaml:8: rule r: bad pattern at offset 9: missing closing "
	    "parenthesis");
	expect_load_error(RULE_HEAD("existence", "action")
	    "  patterns: ['{{nope}}']\n" EXAMPLES,
	    "t.yaml:8: rule r: unknown fragment '{{nope}}'");
	expect_load_error(RULE_HEAD("telepathy", "action")
	    "  patterns: [x]\n" EXAMPLES, "t.yaml:3: rule r: unknown kind");
	expect_load_error(RULE_HEAD("existence", "preamble")
	    "  patterns: [x]\n" EXAMPLES, "unknown section 'preamble'");
	expect_load_error(RULE_HEAD("existence", "action")
	    "  patterns: [x]\n  colour: red\n" EXAMPLES,
	    "t.yaml:9: rule r: unknown key 'colour'");
	expect_load_error(RULE_HEAD("existence", "action")
	    "  patterns: [x]\n  examples: {flag: [a], pass: [c, d]}\n",
	    "needs at least two 'flag' and two 'pass' examples");
	expect_load_error("rules:\n- id: r\n  kind: existence\n",
	    "t.yaml:2: rule r: missing 'category'");
	expect_load_error(RULE_HEAD("ratio", "action") "  numerator: [a]\n"
	    EXAMPLES, "a ratio rule needs 'numerator', 'denominator' and "
	    "'max'");
	expect_load_error("rules: [\n", "t.yaml:2:1: malformed YAML");
	expect_load_error("rulez: []\n", "unknown key 'rulez'");
}

static void
test_catastrophic_pattern_is_an_error_not_clean(void **state)
{
	struct rubric rb;
	struct buf err = BUF_INIT;
	struct lint_result res;
	struct story s;
	struct timespec t0, t1;
	char *text = malloc(100001);
	double secs;

	(void)state;
	memset(text, 'a', 100000);
	text[100000] = '\0';
	assert_int_equal(load(&rb, RULE_HEAD("existence", "action")
	    "  patterns: ['(a+)+$', '(?=.*x)(?=.*y)']\n" EXAMPLES, &err), 0);
	text[99999] = 'b';
	story_with(&s, SEC_ACTION, text, NULL);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_int_equal(lint_story(&rb, &env, &s, 150, "story 7", &res, &err),
	    -1);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	secs = (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	assert_non_null(strstr(err.s, "story 7: rule r: "));
	assert_true(strstr(err.s, "match limit") || strstr(err.s, "longer "
	    "than"));
	/* Not a timing threshold on speed: a bound on hanging. */
	assert_true(secs < 5);
	lint_result_release(&res);
	story_release(&s);
	rubric_free(&rb);
	free(text);
	buf_release(&err);
}

static void
test_score(void **state)
{
	(void)state;
	assert_int_equal(lint_score(0, 0, 0), 100);
	assert_int_equal(lint_score(1, 1, 1), 79);
	assert_int_equal(lint_score(7, 0, 0), 0);
}

static void
test_default_examples_and_embedding(void **state)
{
	struct buf err = BUF_INIT;
	struct dirent *de;
	DIR *d = opendir("rubrics/default");
	size_t files = 0;

	(void)state;
	if (rubric_check_examples(&defrb, NULL, NULL, &err) != 0)
		fail_msg("%s", err.s);
	assert_non_null(d);
	while ((de = readdir(d)) != NULL)
		files += strstr(de->d_name, ".yaml") != NULL;
	closedir(d);
	/* Every file of rubrics/default/ is compiled in. */
	assert_int_equal(files, default_rubric_count());
	buf_release(&err);
}

static void
test_default_metrics(void **state)
{
	static const char *const figures[] = {
		"p99 fell from 340 ms to 85 ms.", "Conversion rose 4.2%.",
		"It saved $1.4M a year.", "It saved EUR 300 a month.",
		"It saved 300 USD.", "2x faster.",
		"3.5× more throughput.", "Costs halved.", "Revenue doubled.",
		"It ran twice as fast.", "1,200 more orders a day.",
		"Pages fell from nine a week to two.", "Zero incidents since.",
		"It went from four hours to twenty minutes.",
		"One in eight pages led to action.", "We rose from 5th to 1st.",
		"It is now in the top 3.", "A dozen steps are gone.", NULL
	};
	static const char *const not_figures[] = {
		"It shipped in 2023.", "We moved to version 2.1.4.",
		"It launched on November 20.", "Ticket JIRA-421 closed.",
		"A team of 5 celebrated.", "6 engineers were happy.",
		"Our p99 and Q3 goals.", "It went well.",
		"It took 3 weeks.", "We shipped it in two weeks.",
		"One of the engineers was pleased.", NULL
	};
	int i;

	(void)state;
	for (i = 0; figures[i]; i++)
		if (hits("result-no-figure", SEC_RESULT, figures[i], NULL))
			fail_msg("not seen as a figure: %s", figures[i]);
	for (i = 0; not_figures[i]; i++)
		if (!hits("result-no-figure", SEC_RESULT, not_figures[i], NULL))
			fail_msg("taken for a figure: %s", not_figures[i]);
}

static void
test_default_ownership_vagueness_hedging_filler(void **state)
{
	(void)state;
	assert_int_equal(hits("we-over-i-in-action", SEC_ACTION,
	    "We looked, we decided, our fix shipped, I watched.", NULL), 1);
	assert_int_equal(hits("we-over-i-in-action", SEC_SITUATION,
	    "We looked, we decided, our fix shipped.", NULL), 0);
	assert_int_equal(hits("team-credit", SEC_RESULT,
	    "We delivered it early.", NULL), 1);
	assert_int_equal(hits("team-credit", SEC_RESULT,
	    "The team\ndecided to wait.", NULL), 1);
	assert_int_equal(hits("vague-outcome", SEC_RESULT,
	    "Latency improved. Costs fell 20% and things were better.", NULL),
	    1);
	assert_int_equal(hits("hypothetical", SEC_ACTION,
	    "I would check the logs. I'd ask them. I'd shipped it.", NULL), 2);
	assert_int_equal(hits("habit", SEC_ACTION,
	    "I usually check the logs. I usually start there, so I read them.",
	    NULL), 1);
	assert_int_equal(hits("hedge", SEC_RESULT,
	    "I think it worked. It was probably the cache. He said it might "
	    "have been the cache.", NULL), 2);
	/* "we" in a clause of its own is context, not credit. */
	assert_int_equal(hits("team-credit", SEC_ACTION,
	    "When we launched, I watched. The model we shipped was mine. "
	    "After the review, we rewrote it.", NULL), 1);
	assert_int_equal(hits("hypothetical", SEC_ACTION,
	    "She said it would fail, so I tested it.", NULL), 0);
	assert_int_equal(hits("corporate-filler", SEC_SITUATION,
	    "I touched base, circled back and drove\nalignment.", NULL), 3);
}

static void
test_default_structure_and_length(void **state)
{
	struct buf words = BUF_INIT;
	int i;

	(void)state;
	assert_int_equal(hits("missing-core-section", SEC_TASK, "x", NULL), 3);
	/* 2:32 is fine; 3:04 is a warning; 4:08 one finding, an error. */
	for (i = 0; i < 380; i++)
		buf_adds(&words, "word ");
	assert_int_equal(hits("too-long", SEC_ACTION, words.s, NULL), 0);
	for (i = 0; i < 80; i++)
		buf_adds(&words, "word ");
	assert_int_equal(severity_of("too-long", SEC_ACTION, words.s),
	    SEV_WARNING);
	for (i = 0; i < 160; i++)
		buf_adds(&words, "word ");
	assert_int_equal(hits("too-long", SEC_ACTION, words.s, NULL), 1);
	assert_int_equal(severity_of("too-long", SEC_ACTION, words.s),
	    SEV_ERROR);
	assert_int_equal(hits("too-short", SEC_ACTION, "I fixed it.", NULL), 1);
	buf_release(&words);
}

static void
test_default_principle_fit_applies_only_when_tagged(void **state)
{
	static const struct {
		const char *rule, *principle;
		int sec;
		const char *text;
	} cases[] = {
		{ "backbone-needs-disagreement",
		    "have-backbone-disagree-and-commit", SEC_ACTION,
		    "I built the dashboard." },
		{ "frugality-needs-figure", "frugality", SEC_RESULT,
		    "The bill went down a lot." },
		{ "customer-needs-customer", "customer-obsession", SEC_ACTION,
		    "I rewrote the service." },
		{ "dive-deep-needs-evidence", "dive-deep", SEC_ACTION,
		    "I asked around and fixed it." },
		{ "learning-needs-lesson", "learn-and-be-curious", SEC_ACTION,
		    "I read two papers." },
		{ "results-needs-goal", "deliver-results", SEC_ACTION,
		    "I built the model." },
		{ "trust-needs-candour", "earn-trust", SEC_ACTION,
		    "I set up meetings." },
		{ "action-needs-risk", "bias-for-action", SEC_ACTION,
		    "I moved fast." },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		if (hits(cases[i].rule, cases[i].sec, cases[i].text,
		    cases[i].principle) != 1)
			fail_msg("%s did not fire", cases[i].rule);
		if (hits(cases[i].rule, cases[i].sec, cases[i].text,
		    "ownership") != 0)
			fail_msg("%s fired on a story not tagged %s",
			    cases[i].rule, cases[i].principle);
	}
}

static void
test_default_secrets_are_redacted(void **state)
{
	struct lint_result res;
	struct buf err = BUF_INIT;
	struct story s;
	size_t i;
	int seen = 0;

	(void)state;
	story_with(&s, SEC_ACTION, "Key AKIAIOSFODNN7EXAMPLE, token "
	    "ghp_0123456789abcdefghijklmnopqrstuvwxyz, password: hunter22, "
	    "mail jo@example.com.", NULL);
	assert_int_equal(lint_story(&defrb, &env, &s, 150, "t", &res, &err), 0);
	for (i = 0; i < res.n; i++) {
		if (strcmp(res.v[i].rule->category, "secrets") != 0)
			continue;
		seen++;
		assert_null(strstr(res.v[i].message, "IOSFODNN7EXAMPLE"));
		assert_null(strstr(res.v[i].match, "IOSFODNN7EXAMPLE"));
		assert_null(strstr(res.v[i].match, "hunter22"));
		assert_null(strstr(res.v[i].message, "456789abcdef"));
		assert_non_null(strstr(res.v[i].match, "redacted"));
	}
	assert_int_equal(seen, 4);
	lint_result_release(&res);
	story_release(&s);
	buf_release(&err);
}

/*
 * How many secrets-category findings text in the Action gives; the first's
 * rule and match in *rule and *match (the caller frees them).
 */
static int
secret_hits(const char *text, char **rule, char **match)
{
	struct lint_result res;
	struct buf err = BUF_INIT;
	struct story s;
	size_t i;
	int n = 0;

	story_with(&s, SEC_ACTION, text, NULL);
	if (lint_story(&defrb, &env, &s, 150, "t", &res, &err) < 0)
		fail_msg("lint failed: %s", err.s);
	for (i = 0; i < res.n; i++) {
		if (strcmp(res.v[i].rule->category, "secrets") != 0)
			continue;
		if (n++ == 0 && rule) {
			*rule = xstrdup(res.v[i].rule->id);
			*match = xstrdup(res.v[i].match);
		}
	}
	lint_result_release(&res);
	story_release(&s);
	buf_release(&err);
	return n;
}

static void
test_default_secret_formats(void **state)
{
	/* Each: text, the rule that finds it, a part that must not show. */
	static const char *const flag[][3] = {
		{ "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
		  "secret-assignment", "bPxRfiCY" },
		{ "\"aws_secret_access_key\": \"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\"",
		  "secret-assignment", "bPxRfiCY" },
		{ "The AWS secret access key was wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY then.",
		  "secret-assignment", "bPxRfiCY" },
		{ "I used github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz",
		  "secret-token", "0123456789" },
		{ "It was sk_live_51H8abcdefghijklmnopqrstu in prod.",
		  "secret-token", "abcdefghijkl" },
		{ "The runner had glpat-7hQx2KrVw9ZmN4tLpB3e set.",
		  "secret-token", "KrVw9ZmN" },
		{ "Authorization: Bearer abcdefghijklmnop0123456789",
		  "secret-token", "ijklmnop0123" },
		{ "{\"Authorization\": \"Bearer 0a1b2c3d4e5f6a7b8c9d0e1f\"}",
		  "secret-token", "4e5f6a7b" },
		{ "The log showed ya29.a0AfH6SMBabcdefghijklmnop once.",
		  "secret-token", "SMBabcdef" },
		{ "It published with npm_abcdefghijklmnopqrstuvwxyz0123456789.",
		  "secret-token", "mnopqrstuv" },
		{ "HF_TOKEN=hf_abcdefghijklmnopqrstuvwxyzABCDEFGH in the notebook.",
		  "secret-token", "mnopqrstuv" },
		{ "The notebook held hf_abcdefghijklmnopqrstuvwxyzABCDEFGH.",
		  "secret-token", "mnopqrstuv" },
		{ "passphrase: correct-horse-battery-9", "secret-assignment",
		  "horse-battery" },
		{ "{\"password\": \"hunter2222\"}", "secret-assignment",
		  "hunter2222" },
		{ "the password is Winter2024! for the box.", "secret-assignment",
		  "Winter2024" },
		{ "-----BEGIN PGP PRIVATE KEY BLOCK-----\nlQdGBF\n",
		  "secret-token", "PGP PRIVATE" },
		{ "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaA\n",
		  "secret-token", "OPENSSH PRIVATE" },
	};
	static const char *const pass[] = {
		"The bearer of bad news was me.",
		"Bearer tokens expired after 3600 seconds, so I added a refresh.",
		"I used hf to download the weights, then hf_hub_download in CI.",
		"I rotated the GitHub PAT and the Stripe live key the same day.",
		"The AWS secret access key was rotated every 90 days.",
		"The API key was revoked within 10 minutes.",
		"The password was reset for 40 users.",
		"The npm_config_cache setting pointed at a full disk.",
		"I moved the passphrase into the vault.",
		"I checked the PGP PUBLIC KEY BLOCK of the release.",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(flag) / sizeof(flag[0]); i++) {
		char *rule = NULL, *match = NULL;

		if (secret_hits(flag[i][0], &rule, &match) == 0)
			fail_msg("no secret found in: %s", flag[i][0]);
		if (strcmp(rule, flag[i][1]) != 0)
			fail_msg("%s found '%s', not %s", rule, flag[i][0],
			    flag[i][1]);
		if (strstr(match, flag[i][2]) || !strstr(match, "redacted"))
			fail_msg("not redacted: %s", match);
		free(rule);
		free(match);
	}
	for (i = 0; i < sizeof(pass) / sizeof(pass[0]); i++)
		if (secret_hits(pass[i], NULL, NULL) != 0)
			fail_msg("a secret found in: %s", pass[i]);
}

static void
test_lint_field(void **state)
{
	struct rubric rb;
	struct buf err = BUF_INIT;
	struct lint_result res;
	struct story s;

	(void)state;
	/* A result-only rule, a rule that measures, and an Action rule. */
	assert_int_equal(load(&rb, RULE_HEAD("existence", "result")
	    "  patterns: ['k3y']\n" EXAMPLES
	    "- id: short\n  kind: length\n  category: length\n"
	    "  severity: warning\n  scope: story\n  message: short\n"
	    "  min_words: 50\n" EXAMPLES
	    "- id: act\n  kind: existence\n  category: filler\n"
	    "  severity: warning\n  scope: action\n  message: m\n"
	    "  patterns: ['k3y']\n" EXAMPLES, &err), 0);
	story_with(&s, SEC_ACTION, "I did it.", NULL);
	/* A field goes where each rule looks; only matches count. */
	assert_int_equal(lint_field(&rb, &env, &s, -1, "a k3y here", "t", &res,
	    &err), 0);
	assert_int_equal(res.n, 2);
	assert_string_equal(res.v[0].rule->id, "r");
	assert_string_equal(res.v[1].rule->id, "act");
	assert_int_equal((int)res.v[1].offset, 2);
	lint_result_release(&res);
	/* A section keeps its comments, and only its rules run. */
	assert_int_equal(lint_field(&rb, &env, &s, SEC_ACTION,
	    "x <!-- k3y -->", "t", &res, &err), 0);
	assert_int_equal(res.n, 1);
	assert_string_equal(res.v[0].rule->id, "act");
	assert_int_equal((int)res.v[0].offset, 7);
	lint_result_release(&res);
	/* lint_story() does not see the comment. */
	story_set(&s.section[SEC_ACTION], "x <!-- k3y -->");
	assert_int_equal(count(&rb, &s, "act"), 0);
	story_release(&s);
	rubric_free(&rb);
	buf_release(&err);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_existence_positions_and_message),
		cmocka_unit_test(test_require_unless_when),
		cmocka_unit_test(test_ratio),
		cmocka_unit_test(test_sentence),
		cmocka_unit_test(test_sentence_also_and_clauses),
		cmocka_unit_test(test_existence_unless),
		cmocka_unit_test(test_length_share_of_and_error_seconds),
		cmocka_unit_test(test_length_and_sections),
		cmocka_unit_test(test_fragments_override_and_select),
		cmocka_unit_test(test_bad_rule_files),
		cmocka_unit_test(test_catastrophic_pattern_is_an_error_not_clean),
		cmocka_unit_test(test_score),
		cmocka_unit_test(test_fingerprint),
		cmocka_unit_test(test_default_examples_and_embedding),
		cmocka_unit_test(test_require_pattern_in_sections),
		cmocka_unit_test(test_directives_silence_findings),
		cmocka_unit_test(test_directives_are_checked),
		cmocka_unit_test(test_default_metrics),
		cmocka_unit_test(test_default_ownership_vagueness_hedging_filler),
		cmocka_unit_test(test_default_structure_and_length),
		cmocka_unit_test(test_default_principle_fit_applies_only_when_tagged),
		cmocka_unit_test(test_default_secrets_are_redacted),
		cmocka_unit_test(test_default_secret_formats),
		cmocka_unit_test(test_lint_field),
	};
	return cmocka_run_group_tests_name("lint", tests, setup, teardown);
}

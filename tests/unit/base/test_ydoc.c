/* Loading YAML documents: what the tree holds, and what is refused. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/xalloc.h"
#include "base/ydoc.h"

/* Loads text; returns what ydoc_load did, with its message in err. */
static int
load(yaml_document_t *doc, const char *text, struct buf *err)
{
	buf_reset(err);
	return ydoc_load(doc, text, strlen(text), "t.yaml", err);
}

static void
test_maps_lists_and_lines(void **state)
{
	struct buf err = BUF_INIT;
	yaml_document_t doc;
	yaml_node_t *root, *rules, *item;

	(void)state;
	assert_int_equal(load(&doc, "# a rule file\nrules:\n  - id: a\n"
	    "    tags: [x, y]\n  - id: b\ndefine: {f: '\\d'}\n", &err), 0);
	root = yaml_document_get_root_node(&doc);
	assert_int_equal(root->type, YAML_MAPPING_NODE);
	rules = ydoc_get(&doc, root, "rules");
	assert_int_equal(ydoc_len(rules), 2);
	item = ydoc_item(&doc, rules, 1);
	assert_string_equal(ydoc_str(ydoc_get(&doc, item, "id")), "b");
	/* Lines are the file's (rule messages name them). */
	assert_int_equal(item->start_mark.line + 1, 5);
	item = ydoc_item(&doc, rules, 0);
	assert_int_equal(ydoc_len(ydoc_get(&doc, item, "tags")), 2);
	assert_string_equal(ydoc_str(ydoc_get(&doc, ydoc_get(&doc, root,
	    "define"), "f")), "\\d");
	yaml_document_delete(&doc);
	buf_release(&err);
}

/* n levels of flow sequences: "[[[...]]]". */
static char *
nested(size_t n)
{
	char *s = xmalloc(2 * n + 1);

	memset(s, '[', n);
	memset(s + n, ']', n);
	s[2 * n] = '\0';
	return s;
}

static void
test_nesting_is_capped(void **state)
{
	struct buf err = BUF_INIT;
	yaml_document_t doc;
	char *ok = nested(YDOC_MAX_DEPTH), *deep = nested(YDOC_MAX_DEPTH + 1);
	char *huge = nested(100000);

	(void)state;
	assert_int_equal(load(&doc, ok, &err), 0);
	yaml_document_delete(&doc);
	assert_int_equal(load(&doc, deep, &err), -1);
	assert_string_equal(err.s, "t.yaml:1:65: YAML nested deeper than 64 "
	    "levels\n");
	/* Refused where it passes the limit, without reading the rest. */
	assert_int_equal(load(&doc, huge, &err), -1);
	assert_string_equal(err.s, "t.yaml:1:65: YAML nested deeper than 64 "
	    "levels\n");
	assert_int_equal(load(&doc, "a:\n  b:\n    c: [1]\n", &err), 0);
	yaml_document_delete(&doc);
	free(ok);
	free(deep);
	free(huge);
	buf_release(&err);
}

static void
test_anchors_aliases_and_bad_documents(void **state)
{
	struct buf err = BUF_INIT;
	yaml_document_t doc;

	(void)state;
	assert_int_equal(load(&doc, "a: &x [1]\nb: 2\n", &err), -1);
	assert_string_equal(err.s, "t.yaml:1:4: YAML anchors are not "
	    "allowed\n");
	assert_int_equal(load(&doc, "a: [1]\nb: *x\n", &err), -1);
	assert_string_equal(err.s, "t.yaml:2:4: YAML aliases are not "
	    "allowed\n");
	assert_int_equal(load(&doc, "a: [1\n", &err), -1);
	assert_non_null(strstr(err.s, "t.yaml:2:1: malformed YAML: "));
	assert_int_equal(load(&doc, "# nothing\n", &err), -1);
	assert_string_equal(err.s, "t.yaml: empty YAML document\n");
	/* Only the first document counts, as with libyaml's own loader. */
	assert_int_equal(load(&doc, "a: 1\n---\nb: [\n", &err), 0);
	assert_non_null(ydoc_get(&doc, yaml_document_get_root_node(&doc),
	    "a"));
	yaml_document_delete(&doc);
	buf_release(&err);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_maps_lists_and_lines),
		cmocka_unit_test(test_nesting_is_capped),
		cmocka_unit_test(test_anchors_aliases_and_bad_documents),
	};
	return cmocka_run_group_tests_name("ydoc", tests, NULL, NULL);
}

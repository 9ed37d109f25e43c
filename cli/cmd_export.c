/* lpcoach export: every story out, as story files or one JSON document. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/jsonx.h"
#include "cli/cli.h"
#include "cli/secrets_view.h"
#include "cli/term.h"
#include "stories/export.h"
#include "stories/render.h"
#include "stories/store.h"

struct export_opts {
	int format;		/* index in formats */
	const char *out;
	int force, allow_secrets;
};

static const char *const formats[] = { "md", "json", NULL };

#define F(m) OPT_FIELD(struct export_opts, m)
static const struct opt export_options[] = {
	{ .type = OPT_CHOICE, .name = "format", .arg = "md|json",
	  .off = F(format), .choices = formats, .help = "md or json" },
	{ .type = OPT_STRING, .name = "out", .arg = "DIR|-", .off = F(out),
	  .help = "the directory to write into (made if missing), or - for "
	  "standard output" },
	{ .type = OPT_FLAG, .name = "force", .letter = 'f', .off = F(force),
	  .help = "replace existing files" },
	{ .type = OPT_FLAG, .name = "allow-secrets", .off = F(allow_secrets),
	  .help = "export even when the secrets rules find one in a story's "
	  "text, title, uid, project or tags (a key, token, password or email "
	  "address; refused otherwise)" },
	{ .type = OPT_END }
};
#undef F

const struct cmd_spec spec_export = {
	.name = "export",
	.about =
"Writes every story out.  md (the default) writes one story file per\n"
"story, DIR/UID.md; json writes one document, DIR/stories.json.  Without\n"
"--out, json goes to standard output and md needs a DIR.  Files are\n"
"written atomically and mode 0600; no file is overwritten without --force\n"
"and no symbolic link is followed.  'import' of the result gives back the\n"
"same bank.  Nothing is written when lint's secrets rules find a secret in\n"
"any field a story file carries (its text and comments, title, uid,\n"
"project, tags); each is named, redacted.\n",
	.opts = export_options,
};

/* The whole export as text in out; 0, or -1 with err set. */
static int
render(const struct export_opts *o, const struct story *v, size_t n,
    struct buf *out, struct buf *err)
{
	size_t i;

	if (o->format == 1) {
		json_t *arr = json_array();
		char *text;

		for (i = 0; i < n; i++)
			jappend(arr, story_to_json(&v[i],
			    STORY_DEFAULT_WPM, 1));
		text = json_dumps(arr, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		json_decref(arr);
		if (text == NULL) {
			buf_adds(err, "out of memory writing JSON\n");
			return -1;
		}
		buf_adds(out, text);
		buf_addc(out, '\n');
		free(text);
		return 0;
	}
	for (i = 0; i < n; i++) {
		if (i)
			buf_addc(out, '\n');
		if (story_to_markdown(&v[i], out, err) < 0)
			return -1;
	}
	return 0;
}

/* Writes the export where --out says; a status. */
static int
write_out(const struct export_opts *o, const struct story *v, size_t n)
{
	int to_stdout = o->out == NULL || strcmp(o->out, "-") == 0;
	struct buf err = BUF_INIT, text = BUF_INIT;
	int st = ST_OK;

	if ((to_stdout || o->format == 1) && render(o, v, n, &text, &err) < 0)
		st = error_out(&err);
	else if (to_stdout && isatty(STDOUT_FILENO))
		term_puts(stdout, text.s, 1);
	else if (to_stdout)
		fwrite(text.s, 1, text.len, stdout);
	else if (o->format == 1 ? export_file(o->out, "stories.json", text.s,
	    text.len, o->force, &err) < 0 : export_md_dir(v, n, o->out,
	    o->force, &err) < 0) {
		st = error_out(&err);
		note("nothing was exported");
	} else {
		printf("exported %zu %s to %s%s\n", n, n == 1 ? "story" :
		    "stories", o->out, o->format == 1 ? "/stories.json" : "");
	}
	buf_release(&text);
	return st;
}

int
cmd_export(struct cli *c, int argc, char **argv)
{
	struct export_opts o = { 0 };
	struct buf err = BUF_INIT;
	struct story *v = NULL;
	struct opt_args a;
	struct bank b;
	size_t n = 0;
	int st = cli_parse(c, &spec_export, &o, argc, argv, &a);

	if (st >= 0)
		return st;
	if (o.out == NULL && o.format == 0)
		return usage_error(c, "--format md writes one file per story: "
		    "give --out DIR");
	if (cli_open_bank(c, &b, BANK_READ) < 0)
		return ST_ERROR;
	if (store_list(&b, NULL, &v, &n, &err) < 0)
		st = error_out(&err);
	else if (!o.allow_secrets && secrets_refuse(v, n, "exported") != 0)
		st = ST_ERROR;
	else
		st = write_out(&o, v, n);
	store_free_list(v, n);
	bank_close(&b);
	return st;
}

#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/secrets.h"
#include "cli/term.h"
#include "stories/export.h"
#include "stories/render.h"
#include "stories/store.h"

const char usage_export[] =
"usage: lpcoach export [--format md|json] [--out DIR|-] [--force] [--allow-secrets]\n"
"\n"
"Writes every story out.  md (the default) writes one story file per\n"
"story, DIR/UID.md; json writes one document, DIR/stories.json.  Without\n"
"--out, json goes to standard output and md needs a DIR.  Files are\n"
"written atomically and mode 0600; no file is overwritten without --force\n"
"and no symbolic link is followed.  'import' of the result gives back the\n"
"same bank.\n"
"\n"
"  --format F    md or json\n"
"  --out DIR|-   the directory to write into (made if missing), or - for\n"
"                standard output\n"
"  -f, --force   replace existing files\n"
"  --allow-secrets   export stories even when lint finds a key, token,\n"
"                password or email address in them (refused otherwise)\n";

int
cmd_export(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'F' },
		{ "out", required_argument, NULL, 'o' },
		{ "force", no_argument, NULL, 'f' },
		{ "allow-secrets", no_argument, NULL, 'S' },
		{ NULL, 0, NULL, 0 }
	};
	struct buf err = BUF_INIT, md = BUF_INIT;
	struct story *v = NULL;
	const char *out = NULL;
	struct bank b;
	size_t n = 0, i;
	int opt, json = 0, force = 0, allow_secrets = 0, status = ST_OK;
	char *text = NULL;

	while ((opt = cli_getopt(c, argc, argv, "f", opts)) != -1) {
		switch (opt) {
		case 'F':
			if (strcmp(optarg, "json") == 0)
				json = 1;
			else if (strcmp(optarg, "md") != 0)
				return usage_error(c, "--format takes md or "
				    "json, not '%s'", optarg);
			break;
		case 'o': out = optarg; break;
		case 'f': force = 1; break;
		case 'S': allow_secrets = 1; break;
		default:
			return opt == 'h' ? ST_OK : ST_ERROR;
		}
	}
	if (optind != argc)
		return usage_error(c, "unexpected argument '%s'", argv[optind]);
	if (out == NULL && !json)
		return usage_error(c, "--format md writes one file per story: "
		    "give --out DIR");
	if (cli_open_bank(c, &b, BANK_READ) < 0)
		return ST_ERROR;
	if (store_list(&b, NULL, &v, &n, &err) < 0) {
		status = error_buf(&err);
		goto out;
	}
	if (!allow_secrets && report_secrets(v, n, "exported") != 0) {
		status = ST_ERROR;
		goto out;
	}
	if (json) {
		json_t *arr = json_array();

		for (i = 0; i < n; i++)
			json_array_append_new(arr, story_to_json(&v[i],
			    STORY_DEFAULT_WPM, 1));
		text = json_dumps(arr, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		json_decref(arr);
		buf_adds(&md, text);
		buf_addc(&md, '\n');
	} else if (out == NULL || strcmp(out, "-") == 0) {
		for (i = 0; i < n; i++) {
			if (i)
				buf_addc(&md, '\n');
			if (story_to_markdown(&v[i], &md, &err) < 0)
				break;
		}
	}
	if (err.len) {
		status = error_buf(&err);
	} else if (out == NULL || strcmp(out, "-") == 0) {
		if (isatty(STDOUT_FILENO))
			term_puts(stdout, md.s, 1);
		else
			fwrite(md.s, 1, md.len, stdout);
	} else if (json ? export_file(out, "stories.json", md.s, md.len,
	    force, &err) < 0 : export_md_dir(v, n, out, force, &err) < 0) {
		status = error_buf(&err);
		note("nothing was exported");
	} else {
		printf("exported %zu %s to %s%s\n", n, n == 1 ? "story" :
		    "stories", out, json ? "/stories.json" : "");
	}
out:
	free(text);
	store_free_list(v, n);
	buf_release(&md);
	buf_release(&err);
	bank_close(&b);
	return status;
}

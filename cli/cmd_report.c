/* lpcoach report: one readiness page, in the terminal, Markdown or HTML. */
#include <cmark.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/cover_view.h"
#include "cli/report.h"
#include "cli/secrets.h"
#include "cli/term.h"
#include "stories/principle.h"
#include "stories/export.h"
#include "base/xalloc.h"

const char usage_report[] =
"usage: lpcoach report [--loop NAME] [--html FILE | --md FILE] [--open] [--force] [--allow-secrets]\n"
"\n"
"One page before the onsite: a readiness verdict, the coverage matrix, the\n"
"loop plan round by round, the stories that still have lint errors, drill\n"
"progress per principle and the days left.  The report never changes the\n"
"bank.\n"
"\n"
"  --loop NAME   the loop's principles and plan (its saved plan, or the\n"
"                plan lpcoach would make now)\n"
"  --md FILE     write it as Markdown\n"
"  --html FILE   write it as one self-contained HTML page (no scripts or\n"
"                links; prints on A4 and Letter)\n"
"  --open        open the file with xdg-open\n"
"  --force       replace FILE if it exists\n"
"  --allow-secrets   write the HTML page even when a story holds a key,\n"
"                token, password or email address (refused otherwise)\n";

static void
print_story(FILE *f, const struct report *r, long long id)
{
	long at = scored_find(&r->stories, id);

	if (at < 0) {
		fputs("-", f);
		return;
	}
	fprintf(f, "#%-4lld %3d  ", id, r->stories.score[at]);
	term_clip(f, r->stories.v[at].title, 36);
}

static void
print_terminal(struct cli *c, const struct report *r)
{
	size_t i, k;
	int p;

	term_style(stdout, c->color, "1");
	printf("%s\n", r->verdict);
	term_reset(stdout, c->color);
	if (r->has_loop && r->days != INT_MIN)
		printf("%d days until %s on %s\n", r->days, r->loop.name,
		    r->loop.date);
	if (r->stories.n == 0)
		puts("\nStart here: import the samples ('lpcoach import "
		    "stories/samples') or write a story ('lpcoach add'), tag it "
		    "with its principles, then run 'lpcoach lint'.");
	puts("\n== Coverage");
	cover_print(stdout, c->color, &r->cover, &r->stories);
	if (r->has_loop) {
		printf("\n== Loop plan: %s%s\n", r->loop.name, r->plan_saved ?
		    "" : " (not saved: the plan lpcoach would make now)");
		for (i = 0; i < r->loop.nrounds; i++) {
			printf("  %s\n", r->loop.rounds[i].name);
			for (k = 0; k < r->loop.rounds[i].nslots; k++) {
				const struct slot *s =
				    &r->loop.rounds[i].slots[k];

				printf("    ");
				term_cell(stdout,
				    principle_by_slug(s->slug)->name, 28);
				putchar(' ');
				print_story(stdout, r, s->pinned ? s->pinned :
				    s->story);
				if (s->backup) {
					fputs("  backup ", stdout);
					printf("#%lld", s->backup);
				}
				putchar('\n');
			}
		}
	}
	puts("\n== Stories with lint errors");
	for (i = 0, k = 0; i < r->nflagged; i++) {
		const struct report_story *f = &r->flagged[i];
		size_t j;

		if (f->errors == 0)
			continue;
		k++;
		printf("  #%lld ", r->stories.v[f->index].id);
		term_puts(stdout, r->stories.v[f->index].title, 0);
		printf(" (%d)\n", r->stories.score[f->index]);
		for (j = 0; j < f->findings.n; j++) {
			printf("    - ");
			term_wrap(stdout, f->findings.v[j], 6, 6, 79);
		}
	}
	if (k == 0)
		puts("  none");
	puts("\n== Drill progress");
	for (p = 0; p < PRINCIPLE_COUNT; p++) {
		const struct principle_history *h = &r->drills[p];

		printf("  ");
		term_cell(stdout, principle_at(p)->name, 36);
		if (h->drilled)
			printf(" %3ld drilled, last rating %d, %3.0f s on "
			    "average\n", h->drilled, h->last_rating,
			    h->avg_seconds);
		else
			puts("   not drilled yet");
	}
}

/* cmark nodes: the Markdown is rendered by cmark, never by hand. */
static cmark_node *
text_node(const char *s)
{
	cmark_node *t = cmark_node_new(CMARK_NODE_TEXT);

	cmark_node_set_literal(t, s);
	return t;
}

static cmark_node *
block(cmark_node_type type, const char *s)
{
	cmark_node *n = cmark_node_new(type);

	if (s)
		cmark_node_append_child(n, text_node(s));
	return n;
}

static cmark_node *
heading(int level, const char *s)
{
	cmark_node *h = block(CMARK_NODE_HEADING, s);

	cmark_node_set_heading_level(h, level);
	return h;
}

static void
add_item(cmark_node *list, const char *s)
{
	cmark_node *item = cmark_node_new(CMARK_NODE_ITEM);

	cmark_node_append_child(item, block(CMARK_NODE_PARAGRAPH, s));
	cmark_node_append_child(list, item);
}

static cmark_node *
bullet_list(void)
{
	cmark_node *l = cmark_node_new(CMARK_NODE_LIST);

	cmark_node_set_list_type(l, CMARK_BULLET_LIST);
	cmark_node_set_list_tight(l, 1);
	return l;
}

static void
story_text(const struct report *r, long long id, struct buf *b)
{
	long at = scored_find(&r->stories, id);

	if (at < 0)
		buf_adds(b, "no story");
	else
		buf_addf(b, "#%lld %s (%d)", id, r->stories.v[at].title,
		    r->stories.score[at]);
}

static char *
markdown(const struct report *r)
{
	cmark_node *doc = cmark_node_new(CMARK_NODE_DOCUMENT), *list, *para;
	struct buf b = BUF_INIT;
	char *matrix = NULL, *out;
	size_t size = 0, i, k;
	FILE *mem;
	int p;

	buf_addf(&b, "Readiness report, %s", r->date);
	cmark_node_append_child(doc, heading(1, b.s));
	para = cmark_node_new(CMARK_NODE_PARAGRAPH);
	{
		cmark_node *strong = cmark_node_new(CMARK_NODE_STRONG);

		cmark_node_append_child(strong, text_node(r->verdict));
		cmark_node_append_child(para, strong);
	}
	cmark_node_append_child(doc, para);
	if (r->has_loop && r->days != INT_MIN) {
		buf_reset(&b);
		buf_addf(&b, "%d days until %s on %s.", r->days, r->loop.name,
		    r->loop.date);
		cmark_node_append_child(doc, block(CMARK_NODE_PARAGRAPH, b.s));
	}
	cmark_node_append_child(doc, heading(2, "Coverage"));
	mem = open_memstream(&matrix, &size);
	if (mem) {
		cmark_node *code = cmark_node_new(CMARK_NODE_CODE_BLOCK);

		cover_print(mem, 0, &r->cover, &r->stories);
		fclose(mem);
		cmark_node_set_literal(code, matrix);
		cmark_node_append_child(doc, code);
		free(matrix);
	}
	if (r->has_loop) {
		buf_reset(&b);
		buf_addf(&b, "Loop plan: %s", r->loop.name);
		cmark_node_append_child(doc, heading(2, b.s));
		for (i = 0; i < r->loop.nrounds; i++) {
			cmark_node_append_child(doc, heading(3,
			    r->loop.rounds[i].name));
			list = bullet_list();
			for (k = 0; k < r->loop.rounds[i].nslots; k++) {
				const struct slot *s =
				    &r->loop.rounds[i].slots[k];

				buf_reset(&b);
				buf_addf(&b, "%s: ",
				    principle_by_slug(s->slug)->name);
				story_text(r, s->pinned ? s->pinned : s->story,
				    &b);
				if (s->backup) {
					buf_adds(&b, "; backup ");
					story_text(r, s->backup, &b);
				}
				add_item(list, b.s);
			}
			cmark_node_append_child(doc, list);
		}
	}
	cmark_node_append_child(doc, heading(2, "Stories with lint errors"));
	list = bullet_list();
	for (i = 0; i < r->nflagged; i++) {
		const struct report_story *f = &r->flagged[i];

		if (f->errors == 0)
			continue;
		buf_reset(&b);
		buf_addf(&b, "#%lld %s (%d): ", r->stories.v[f->index].id,
		    r->stories.v[f->index].title, r->stories.score[f->index]);
		for (k = 0; k < f->findings.n; k++)
			buf_addf(&b, "%s%s", k ? "; " : "", f->findings.v[k]);
		add_item(list, b.s);
	}
	if (cmark_node_first_child(list))
		cmark_node_append_child(doc, list);
	else {
		cmark_node_free(list);
		cmark_node_append_child(doc, block(CMARK_NODE_PARAGRAPH,
		    "None."));
	}
	cmark_node_append_child(doc, heading(2, "Drill progress"));
	list = bullet_list();
	for (p = 0; p < PRINCIPLE_COUNT; p++) {
		const struct principle_history *h = &r->drills[p];

		buf_reset(&b);
		if (h->drilled)
			buf_addf(&b, "%s: %ld drilled, last rating %d, %.0f s "
			    "on average", principle_at(p)->name, h->drilled,
			    h->last_rating, h->avg_seconds);
		else
			buf_addf(&b, "%s: not drilled yet",
			    principle_at(p)->name);
		add_item(list, b.s);
	}
	cmark_node_append_child(doc, list);
	out = cmark_render_commonmark(doc, CMARK_OPT_DEFAULT, 0);
	cmark_node_free(doc);
	buf_release(&b);
	return out;
}

/* Splits FILE into a directory and a name for the atomic writer. */
static int
write_file(const char *path, const char *data, size_t len, int force)
{
	struct buf err = BUF_INIT;
	const char *slash = strrchr(path, '/');
	char *dir = slash ? xstrndup(path, (size_t)(slash - path) +
	    (slash == path)) : xstrdup(".");
	const char *name = slash ? slash + 1 : path;
	struct stat st;
	int rc = 0;

	if (*name == '\0' || (stat(path, &st) == 0 && S_ISDIR(st.st_mode))) {
		rc = error("%s: is a directory; give a file name", path);
	} else if (stat(dir, &st) < 0 || !S_ISDIR(st.st_mode)) {
		rc = error("%s: no such directory", dir);
	} else if (export_file(dir, name, data, len, force, &err) < 0) {
		rc = error_buf(&err);
	}
	free(dir);
	buf_release(&err);
	return rc ? -1 : 0;
}

static void
open_file(const char *path)
{
	pid_t pid;
	int status;

	if (access("/usr/bin/xdg-open", X_OK) != 0) {
		note("xdg-open is not installed: open %s yourself", path);
		return;
	}
	pid = fork();
	if (pid == 0) {
		execl("/usr/bin/xdg-open", "xdg-open", path, (char *)NULL);
		_exit(127);
	}
	if (pid > 0)
		waitpid(pid, &status, 0);
}

int
cmd_report(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "loop", required_argument, NULL, 'l' },
		{ "html", required_argument, NULL, 'H' },
		{ "md", required_argument, NULL, 'M' },
		{ "open", no_argument, NULL, 'o' },
		{ "force", no_argument, NULL, 'f' },
		{ "allow-secrets", no_argument, NULL, 'S' },
		{ NULL, 0, NULL, 0 }
	};
	const char *loop = NULL, *html = NULL, *md = NULL;
	struct report r;
	struct bank b;
	int opt, open_it = 0, force = 0, allow_secrets = 0, status = ST_OK;

	while ((opt = cli_getopt(c, argc, argv, "f", opts)) != -1) {
		switch (opt) {
		case 'l': loop = optarg; break;
		case 'H': html = optarg; break;
		case 'M': md = optarg; break;
		case 'o': open_it = 1; break;
		case 'f': force = 1; break;
		case 'S': allow_secrets = 1; break;
		default: return opt == 'h' ? ST_OK : ST_ERROR;
		}
	}
	if (optind != argc)
		return usage_error(c, "unexpected argument '%s'", argv[optind]);
	if (html && md)
		return usage_error(c, "give --html or --md, not both");
	if (open_it && !html && !md)
		return usage_error(c, "--open opens the file of --html or --md");
	if (cli_open_bank(c, &b, BANK_READ) < 0)
		return ST_ERROR;
	if (report_gather(&b, loop, &r) < 0) {
		bank_close(&b);
		report_release(&r);
		return ST_ERROR;
	}
	bank_close(&b);
	if (html && !allow_secrets && report_secrets(r.stories.v, r.stories.n,
	    "written as HTML") != 0) {
		status = ST_ERROR;
		goto out;
	}
	if (html || md) {
		char *data = NULL;
		size_t size = 0;

		if (html) {
			FILE *mem = open_memstream(&data, &size);

			if (mem == NULL) {
				status = error("out of memory");
				goto out;
			}
			report_html(mem, &r);
			fclose(mem);
		} else {
			data = markdown(&r);
			size = strlen(data);
		}
		if (write_file(html ? html : md, data, size, force) < 0)
			status = ST_ERROR;
		else {
			printf("wrote %s\n", html ? html : md);
			if (open_it)
				open_file(html ? html : md);
		}
		free(data);
	} else {
		print_terminal(c, &r);
	}
out:
	report_release(&r);
	return status;
}

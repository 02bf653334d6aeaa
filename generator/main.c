/* main.c: the command line. The only place that prints errors and exits. */
#include "build.h"
#include "cli.h"
#include "check.h"
#include "err.h"
#include "fixenc.h"
#include "markdown.h"
#include "pool.h"
#include "progress.h"
#include "serve.h"
#include "gitcmd.h"

#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#ifndef CONGKHAI_VERSION
#define CONGKHAI_VERSION "0.1.0"
#endif

enum { EXIT_OK = 0, EXIT_SITE = 1, EXIT_USAGE = 2 };

static const char usage_build[] =
	"usage: congkhai build [options]\n"
	"\n"
	"Builds the site in the current folder (content/, data/, themes/, site.toml)\n"
	"into public/. The previous public/ is replaced only when the whole build\n"
	"succeeds.\n"
	"\n"
	"options:\n"
	"  -s, --source DIR     the site folder (default: .)\n"
	"  -c, --config FILE    the configuration file (default: DIR/site.toml)\n"
	"  -o, --output DIR     the output folder (default: DIR/public)\n"
	"  -b, --base-url URL   the site's address, overriding site.toml's base_url\n"
	"  -D, --drafts         include pages with draft = true\n"
	"      --now DATE       the build's date, YYYY-MM-DD (default: today in Vietnam)\n"
	"      --rev REV        build the site as it was at a commit (files read from git)\n"
	"  -j, --jobs N         render with N threads (default: one per processor;\n"
	"                       the output is the same for every N)\n"
	"  -q, --quiet          print errors only\n"
	"  -v, --verbose        print more about what was built\n"
	"\n"
	"exit status: 0 built, 1 the site has errors, 2 usage error\n";

static void print_warnings(int quiet)
{
	size_t i, n = warn_count();

	if (quiet)
		return;
	for (i = 0; i < n; i++)
		fprintf(stderr, "%s\n", warn_get(i));
}

static double seconds_since(const struct timespec *t0)
{
	struct timespec t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

static int cmd_build(int argc, char **argv)
{
	build_options o = BUILD_OPTIONS_INIT;
	build_stats st;
	int i, quiet = 0, verbose = 0, r;
	struct timespec t0;
	progress pr;
	const char *v, *rev = NULL;

	for (i = 0; i < argc; i++) {
		const char *a = argv[i];
		static const struct { const char *s, *l; } opts[] = {
			{ "-s", "--source" }, { "-c", "--config" }, { "-o", "--output" },
			{ "-b", "--base-url" }, { NULL, "--now" }, { NULL, "--rev" }, { "-j", "--jobs" }
		};
		size_t k;
		int done = 0;

		for (k = 0; k < sizeof opts / sizeof *opts && !done; k++) {
			if (!cli_take_opt(argc, argv, &i, opts[k].s, opts[k].l, &v))
				continue;
			if (!v || !*v)
				return cli_usage("build", "option %s needs a value", opts[k].l);
			switch (k) {
			case 0: o.site.source = v; break;
			case 1: o.site.config = v; break;
			case 2: o.output = v; break;
			case 3: o.site.base_url = v; break;
			case 4: o.now = v; break;
			case 5: rev = v; break; /* gitcmd.h */
			case 6: {
				char *end;
				long n = strtol(v, &end, 10);
				if (*end || n < 1 || n > 256)
					return cli_usage("build", "--jobs needs a number from 1 to 256, not '%s'", v);
				pool_set_jobs((int)n);
				break;
			}
			}
			done = 1;
		}
		if (done)
			continue;
		if (cli_take_flag(a, &o.site.drafts, &quiet, &verbose))
			continue;
		if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			fputs(usage_build, stdout);
			return EXIT_OK;
		} else
			return cli_usage("build", "unknown option '%s' for build", a);
	}
	if (quiet && verbose)
		return cli_usage("build", "%s", "--quiet and --verbose cannot go together");
	if (o.now) {
		value_dt d;
		if (build_parse_date(o.now, &d) < 0)
			return cli_usage("build", "--now: %s", err_msg() + strlen("error: "));
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	progress_init(&pr, quiet);
	o.progress = progress_cb;
	o.progress_ud = &pr;
	r = rev ? gitcmd_build_rev(&o, rev, &st) : build_run(&o, &st);
	progress_end(&pr);
	if (r < 0) {
		print_warnings(quiet);
		fprintf(stderr, "%s\n", err_msg());
		fprintf(stderr, "congkhai: build failed; the previous output was left as it was\n");
		return EXIT_SITE;
	}
	print_warnings(quiet);
	if (verbose)
		fprintf(stderr, "congkhai: read the site in %.0f ms, rendered in %.0f ms, moved into place in %.0f ms\n",
			st.load_ms, st.render_ms, st.commit_ms);
	if (verbose && st.drafts_skipped)
		fprintf(stderr, "congkhai: %zu draft page(s) left out (use --drafts to include them)\n",
			st.drafts_skipped);
	if (!quiet)
		fprintf(stderr, "congkhai: built %zu pages (%zu files, %zu KB) in %.0f ms, %zu warning%s\n",
			st.pages, st.files, (st.bytes + 1023) / 1024, seconds_since(&t0) * 1000.0,
			warn_count(), warn_count() == 1 ? "" : "s");
	return EXIT_OK;
}

static int cmd_help(int argc, char **argv);
static int cmd_version(int argc, char **argv);

/* The commands. A module that adds a command adds its row here: the name,
 * the function (argc/argv after the command name; returns the exit code),
 * a one-line summary and the full usage text. */
static const struct command {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *summary;
	const char *usage;
} commands[] = {
	{ "build", cmd_build, "build the site into public/", usage_build },
	{ "serve", serve_main, "preview the site, rebuilding and reloading as you edit", serve_usage },
	{ "check", check_main, "check links, anchors, front matter, duplicates and data", check_usage },
	{ "fix-encoding", fixenc_main, "convert text pasted in a legacy encoding (VNI, TCVN3) to Unicode",
	  fixenc_usage },
	{ "new", gitcmd_new, "create a document or page from the theme's archetype", gitcmd_new_usage },
	{ "commit", gitcmd_commit, "check the site, then commit content/, data/ and site.toml", gitcmd_commit_usage },
	{ "publish", gitcmd_publish, "record the built site as a commit on a branch (default: site)",
	  gitcmd_publish_usage },
	{ "help", cmd_help, "show help for a command", "usage: congkhai help [COMMAND]\n" },
	{ "version", cmd_version, "print the version", "usage: congkhai version\n" },
	{ NULL, NULL, NULL, NULL }
};

static void print_usage(FILE *f)
{
	const struct command *c;

	fputs("usage: congkhai <command> [options]\n\ncommands:\n", f);
	for (c = commands; c->name; c++)
		fprintf(f, "  %-13s %s\n", c->name, c->summary);
	fputs("\nRun 'congkhai help <command>' for a command's options.\n", f);
}

static const struct command *find_command(const char *name)
{
	const struct command *c;

	for (c = commands; c->name; c++)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}

static int cmd_version(int argc, char **argv)
{
	(void)argv;
	if (argc > 0)
		return cli_usage(NULL, "version takes no arguments");
	printf("congkhai %s\n", CONGKHAI_VERSION);
	return EXIT_OK;
}

static int cmd_help(int argc, char **argv)
{
	const struct command *c;

	if (argc == 0) {
		print_usage(stdout);
		return EXIT_OK;
	}
	c = find_command(argv[0]);
	if (!c)
		return cli_usage(NULL, "no help for unknown command '%s'", argv[0]);
	fputs(c->usage, stdout);
	return EXIT_OK;
}

int main(int argc, char **argv)
{
	const struct command *c;
	int r;

	/* a file-size limit (a full disk in tests) must give a write error,
	 * not kill the build */
	signal(SIGXFSZ, SIG_IGN);
	if (argc < 2) {
		print_usage(stderr);
		return EXIT_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)
		return cmd_help(0, NULL);
	if (strcmp(argv[1], "--version") == 0)
		return cmd_version(0, NULL);
	c = find_command(argv[1]);
	if (!c)
		return cli_usage(NULL, "unknown command '%s'", argv[1]);
	r = c->fn(argc - 2, argv + 2);
	warn_clear();
	err_clear();
	md_shutdown();
	return r;
}

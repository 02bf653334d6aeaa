/* floor.c: the cmark-gfm floor of the benchmark. Parses and renders every
 * Markdown file given (front matter skipped) with the same extensions as
 * congkhai, writes nothing, and prints how many bytes of HTML it made. Any
 * generator that turns these files into pages has at least this work to do.
 * With -j N it uses N threads, as congkhai does. */
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char **files;
static int nfiles, next_file;
static size_t total;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static size_t render_one(const char *path)
{
	static const char *names[] = { "table", "autolink", "strikethrough", "tagfilter" };
	FILE *f = fopen(path, "rb");
	char *buf, *body, *html;
	long n;
	size_t i, out;
	cmark_parser *p;
	cmark_node *doc;

	if (!f)
		return 0;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t)n + 1);
	if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n) {
		fclose(f);
		free(buf);
		return 0;
	}
	fclose(f);
	buf[n] = '\0';
	body = buf;
	if (strncmp(buf, "+++\n", 4) == 0) {
		char *end = strstr(buf + 4, "\n+++\n");
		if (end)
			body = end + 5;
	}
	p = cmark_parser_new(CMARK_OPT_VALIDATE_UTF8);
	for (i = 0; i < sizeof names / sizeof *names; i++)
		cmark_parser_attach_syntax_extension(p, cmark_find_syntax_extension(names[i]));
	cmark_parser_feed(p, body, strlen(body));
	doc = cmark_parser_finish(p);
	html = cmark_render_html(doc, CMARK_OPT_VALIDATE_UTF8, cmark_parser_get_syntax_extensions(p));
	out = strlen(html);
	free(html);
	cmark_node_free(doc);
	cmark_parser_free(p);
	free(buf);
	return out;
}

static void *worker(void *arg)
{
	size_t mine = 0;

	(void)arg;
	for (;;) {
		int i;
		pthread_mutex_lock(&lock);
		i = next_file++;
		pthread_mutex_unlock(&lock);
		if (i >= nfiles)
			break;
		mine += render_one(files[i]);
	}
	pthread_mutex_lock(&lock);
	total += mine;
	pthread_mutex_unlock(&lock);
	return NULL;
}

int main(int argc, char **argv)
{
	int jobs = 1, i = 1;
	pthread_t th[64];

	if (argc > 2 && strcmp(argv[1], "-j") == 0) {
		jobs = atoi(argv[2]);
		i = 3;
	}
	if (jobs < 1 || jobs > 64)
		jobs = 1;
	files = argv + i;
	nfiles = argc - i;
	cmark_gfm_core_extensions_ensure_registered();
	for (i = 0; i < jobs; i++)
		pthread_create(&th[i], NULL, worker, NULL);
	for (i = 0; i < jobs; i++)
		pthread_join(th[i], NULL);
	printf("floor: %d files, %zu bytes of HTML\n", nfiles, total);
	return 0;
}

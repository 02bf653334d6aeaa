/* Unit tests for the Mustache engine beyond the spec suite: the context
 * stack a page renders with, error messages, recursion limits, escaping,
 * indentation through layouts, and rendering one env from many threads. */
#include "test.h"
#include "buf.h"
#include "err.h"
#include "mustache.h"
#include "value.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static value *json(const char *s)
{
	value *v = json_parse(s, strlen(s), "test.json");

	if (!v)
		fprintf(stderr, "bad test JSON: %s\n", err_msg());
	return v;
}

static int add(mustache_env *env, const char *name, const char *src)
{
	buf_t path = BUF_INIT;
	int rc;

	buf_printf(&path, "%s.mustache", name);
	rc = mustache_env_add(env, name, src, strlen(src), path.ptr);
	buf_free(&path);
	return rc;
}

/* Renders name with ctx; returns the malloc'd output (the caller frees it) or
 * NULL on failure (message in err_msg()). */
static char *render(const mustache_env *env, const char *name, const value *const *ctx, size_t n)
{
	buf_t out = BUF_INIT;

	if (mustache_render(env, name, ctx, n, &out) < 0) {
		buf_free(&out);
		return NULL;
	}
	return buf_detach(&out, NULL);
}

static void check_render(const mustache_env *env, const char *name, const value *const *ctx,
			 size_t n, const char *expected)
{
	char *got = render(env, name, ctx, n);

	if (!got)
		fprintf(stderr, "render %s: %s\n", name, err_msg());
	CHECK_STR(got, expected);
	free(got);
}

static void test_context_stack(void)
{
	mustache_env *env = mustache_env_new(0);
	value *site = json("{\"title\": \"Cổng khai\", \"lang\": \"vi\", \"params\": {\"lang\": \"vi\", \"year\": 2024},"
			   " \"site\": {\"title\": \"Cổng khai\", \"menu\": [{\"name\": \"Văn bản\"}, {\"name\": \"Chỉ tiêu\"}]}}");
	value *page = json("{\"title\": \"Kế hoạch\", \"params\": {\"author\": \"UBND\"},"
			   " \"page\": {\"title\": \"Kế hoạch\", \"tags\": [\"a\", \"b\"]}}");
	const value *ctx[2] = { site, page };

	CHECK(env && site && page);
	CHECK(add(env, "t1", "{{title}}|{{lang}}|{{site.title}}|{{page.title}}") == 0);
	check_render(env, "t1", ctx, 2, "Kế hoạch|vi|Cổng khai|Kế hoạch");
	/* Inside sections, names still reach the page and the site below. */
	CHECK(add(env, "t2", "{{#page.tags}}{{.}}:{{page.title}}:{{site.title}}:{{lang}};{{/page.tags}}"
			     "{{#site.menu}}[{{name}} {{title}}]{{/site.menu}}") == 0);
	check_render(env, "t2", ctx, 2,
		     "a:Kế hoạch:Cổng khai:vi;b:Kế hoạch:Cổng khai:vi;[Văn bản Kế hoạch][Chỉ tiêu Kế hoạch]");
	/* A dotted name resolves its first key once, from the top: the page's
	 * params hide the site's (spec behaviour). */
	CHECK(add(env, "t3", "{{params.author}}|{{params.lang}}|{{params.year}}") == 0);
	check_render(env, "t3", ctx, 2, "UBND||");
	/* With only the site, the same template sees the site's params. */
	check_render(env, "t3", ctx, 1, "|vi|2024");
	/* No context at all renders the literal text. */
	check_render(env, "t3", NULL, 0, "||");
	value_free(site);
	value_free(page);
	mustache_env_free(env);
}

static void test_missing_partial(void)
{
	mustache_env *env = mustache_env_new(0), *lenient = mustache_env_new(MUSTACHE_LENIENT_PARTIALS);
	const char *src = "<!doctype html>\n<html>\n<head>\n<title>x</title>\n</head>\n<body>\n"
			  "<main>\n</main>\n\n\n\n  {{> header }}\n</body>\n";
	value *d = json("{\"name\": \"nothere\"}");
	const value *ctx[1] = { d };
	buf_t out = BUF_INIT;

	CHECK(mustache_env_add(env, "layouts/single", src, strlen(src), "layouts/single.mustache") == 0);
	CHECK(mustache_env_has(env, "layouts/single"));
	CHECK(!mustache_env_has(env, "partials/header"));
	buf_puts(&out, "keep");
	err_clear();
	CHECK(mustache_render(env, "layouts/single", ctx, 1, &out) == -1);
	CHECK_STR(err_msg(), "layouts/single.mustache:12:3: error: partial 'header' not found");
	CHECK_STR(out.ptr, "keep"); /* a failed render adds nothing */
	/* Dynamic names that resolve to nothing or to a missing template. */
	CHECK(add(env, "dyn", "a\n{{>*name}}") == 0);
	CHECK(mustache_render(env, "dyn", ctx, 1, &out) == -1);
	CHECK_STR(err_msg(), "dyn.mustache:2:1: error: partial 'nothere' not found");
	CHECK(add(env, "dyn2", "{{>*missing}}") == 0);
	CHECK(mustache_render(env, "dyn2", ctx, 1, &out) == -1);
	CHECK_STR(err_msg(), "dyn2.mustache:1:1: error: partial name '*missing' has no value in the context");
	CHECK(add(env, "par", "{{<base}}{{$x}}y{{/x}}{{/base}}") == 0);
	CHECK(mustache_render(env, "par", ctx, 1, &out) == -1);
	CHECK_STR(err_msg(), "par.mustache:1:1: error: parent 'base' not found");
	CHECK(mustache_render(env, "nope", ctx, 1, &out) == -1);
	CHECK_STR(err_msg(), "error: template 'nope' not found");
	/* Lenient: a missing partial renders as nothing. */
	CHECK(mustache_env_add(lenient, "layouts/single", src, strlen(src), "layouts/single.mustache") == 0);
	buf_reset(&out);
	CHECK(mustache_render(lenient, "layouts/single", ctx, 1, &out) == 0);
	CHECK(strstr(out.ptr, "</main>\n\n\n\n</body>\n") != NULL);
	err_clear();
	buf_free(&out);
	value_free(d);
	mustache_env_free(env);
	mustache_env_free(lenient);
}

static void test_recursion(void)
{
	mustache_env *env = mustache_env_new(0);
	value *d = json("{\"self\": \"loop\", \"tree\": {\"name\": \"a\", \"kids\": [{\"name\": \"b\", \"kids\": []}]}}");
	const value *ctx[1] = { d };
	char *got;

	/* A partial that includes itself without end. */
	CHECK(add(env, "loop", "x\n{{>loop}}") == 0);
	err_clear();
	got = render(env, "loop", ctx, 1);
	CHECK(got == NULL);
	CHECK(strstr(err_msg(), "loop.mustache:2:1: error: partial 'loop' nested deeper than 64 levels") == err_msg());
	free(got);
	/* The same through a dynamic name. */
	CHECK(add(env, "dloop", "{{>*self}}") == 0);
	CHECK(add(env, "dstart", "{{>dloop}}") == 0);
	CHECK(render(env, "dstart", ctx, 1) == NULL);
	CHECK(strstr(err_msg(), "nested deeper than 64 levels") != NULL);
	/* A parent cycle: a -> b -> a. */
	CHECK(add(env, "a", "{{<b}}{{$x}}A{{/x}}{{/b}}") == 0);
	CHECK(add(env, "b", "B\n{{<a}}{{/a}}") == 0);
	CHECK(render(env, "a", ctx, 1) == NULL);
	CHECK(strstr(err_msg(), "error: parent '") != NULL);
	CHECK(strstr(err_msg(), "nested deeper than 64 levels") != NULL);
	CHECK(strncmp(err_msg(), "a.mustache:1:1:", 15) == 0 || strncmp(err_msg(), "b.mustache:2:1:", 15) == 0);
	/* Bounded recursion through data still works. */
	CHECK(add(env, "node", "{{name}}({{#kids}}{{>node}}{{/kids}})") == 0);
	CHECK(add(env, "tree", "{{#tree}}{{>node}}{{/tree}}") == 0);
	check_render(env, "tree", ctx, 1, "a(b())");
	value_free(d);
	mustache_env_free(env);
}

static void test_syntax_errors(void)
{
	mustache_env *env = mustache_env_new(0);
	static const struct {
		const char *src, *msg;
	} cases[] = {
		{ "<ul>\n  {{#items}}\n  <li>{{name}}</li>\n</ul>\n",
		  "t.mustache:2:3: error: section 'items' is not closed: add {{/items}}" },
		{ "{{#a}}\n {{^b}}x{{/a}}",
		  "t.mustache:2:9: error: '{{/a}}' does not match the open inverted section 'b' from line 2; close that first" },
		{ "x\ny {{/a}}", "t.mustache:2:3: error: '{{/a}}' closes nothing: no section 'a' is open" },
		{ "ab\n  cd {{name", "t.mustache:2:6: error: unclosed tag: no '}}' after '{{'" },
		{ "{{{name}}", "t.mustache:1:1: error: unclosed tag: no '}}}' after '{{{'" },
		{ "{{=<% %>=}}\n<%name", "t.mustache:2:1: error: unclosed tag: no '%>' after '<%'" },
		{ "{{= a =}}", "t.mustache:1:1: error: bad delimiter change '{{= a =}}': write two delimiters without spaces or '=' inside, like {{=<% %>=}}" },
		{ "{{ }}", "t.mustache:1:1: error: empty tag '{{ }}' has no name" },
		{ "{{a..b}}", "t.mustache:1:1: error: bad name 'a..b': dotted names need a key between dots" },
		{ "{{<p}}{{$b}}x{{/p}}", "t.mustache:1:14: error: '{{/p}}' does not match the open block 'b' from line 1; close that first" },
		{ "Việt {{#x}}", "t.mustache:1:6: error: section 'x' is not closed: add {{/x}}" },
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		err_clear();
		CHECK(add(env, "t", cases[i].src) == -1);
		CHECK_STR(err_msg(), cases[i].msg);
		CHECK(!mustache_env_has(env, "t"));
	}
	/* A failed add keeps the template that was there. */
	CHECK(add(env, "t", "old") == 0);
	CHECK(add(env, "t", "{{#x}}") == -1);
	check_render(env, "t", NULL, 0, "old");
	CHECK(add(env, "t", "new") == 0);
	check_render(env, "t", NULL, 0, "new");
	mustache_env_free(env);
}

static void test_escaping(void)
{
	mustache_env *env = mustache_env_new(0);
	value *d = json("{\"x\": \"<script>alert('hi & \\\"bye\\\"')</script>\", \"n\": 1.210, \"i\": -7,"
			" \"t\": true, \"f\": false, \"z\": null, \"list\": [1, \"<\"]}");
	const value *ctx[1] = { d };

	CHECK(add(env, "esc", "<p title=\"{{x}}\">{{x}}</p>") == 0);
	check_render(env, "esc", ctx, 1,
		     "<p title=\"&lt;script&gt;alert(&#39;hi &amp; &quot;bye&quot;&#39;)&lt;/script&gt;\">"
		     "&lt;script&gt;alert(&#39;hi &amp; &quot;bye&quot;&#39;)&lt;/script&gt;</p>");
	CHECK(add(env, "raw", "{{{x}}}|{{&x}}|{{=<% %>=}}<%{x}%>") == 0);
	check_render(env, "raw", ctx, 1,
		     "<script>alert('hi & \"bye\"')</script>|<script>alert('hi & \"bye\"')</script>|"
		     "<script>alert('hi & \"bye\"')</script>");
	CHECK(add(env, "scalars", "{{n}} {{i}} {{t}} {{f}} [{{z}}] {{list}} {{{list}}}") == 0);
	check_render(env, "scalars", ctx, 1, "1.21 -7 true false [] [1,&quot;\\u003c&quot;] [1,\"\\u003c\"]");
	value_free(d);
	mustache_env_free(env);
}

static void test_layout(void)
{
	mustache_env *env = mustache_env_new(0);
	value *site = json("{\"site\": {\"title\": \"Cổng & khai\"}}");
	value *page = json("{\"page\": {\"title\": \"Văn bản\", \"items\": [\"một\", \"hai\"],"
			   " \"body\": \"<p>a</p>\\n<p>b</p>\"}}");
	const value *ctx[2] = { site, page };

	CHECK(add(env, "layouts/baseof",
		  "<html>\n"
		  "<head><title>{{$title}}{{site.title}}{{/title}}</title></head>\n"
		  "<body>\n"
		  "  {{>partials/header}}\n"
		  "  <main>\n"
		  "    {{$main}}\n"
		  "    {{/main}}\n"
		  "  </main>\n"
		  "</body>\n"
		  "</html>\n") == 0);
	CHECK(add(env, "partials/header", "<header>\n  <h1>{{site.title}}</h1>\n</header>\n") == 0);
	CHECK(add(env, "layouts/list",
		  "{{<layouts/baseof}}\n"
		  "{{$title}}{{page.title}} · {{site.title}}{{/title}}\n"
		  "{{$main}}\n"
		  "<ul>\n"
		  "  {{#page.items}}\n"
		  "  <li>{{.}}</li>\n"
		  "  {{/page.items}}\n"
		  "</ul>\n"
		  "{{{page.body}}}\n"
		  "{{/main}}\n"
		  "{{/layouts/baseof}}\n") == 0);
	check_render(env, "layouts/list", ctx, 2,
		     "<html>\n"
		     "<head><title>Văn bản · Cổng &amp; khai</title></head>\n"
		     "<body>\n"
		     "  <header>\n"
		     "    <h1>Cổng &amp; khai</h1>\n"
		     "  </header>\n"
		     "  <main>\n"
		     "    <ul>\n"
		     "      <li>một</li>\n"
		     "      <li>hai</li>\n"
		     "    </ul>\n"
		     "    <p>a</p>\n"
		     "<p>b</p>\n"
		     "  </main>\n"
		     "</body>\n"
		     "</html>\n");
	/* The parent on its own renders its defaults. */
	check_render(env, "layouts/baseof", ctx, 2,
		     "<html>\n"
		     "<head><title>Cổng &amp; khai</title></head>\n"
		     "<body>\n"
		     "  <header>\n"
		     "    <h1>Cổng &amp; khai</h1>\n"
		     "  </header>\n"
		     "  <main>\n"
		     "  </main>\n"
		     "</body>\n"
		     "</html>\n");
	value_free(site);
	value_free(page);
	mustache_env_free(env);
}

#define NTHREADS 4
#define NROUNDS 200

struct job {
	const mustache_env *env;
	const value *const *ctx;
	const char *expected;
	int mismatches;
	int failures;
};

static void *worker(void *arg)
{
	struct job *j = arg;
	buf_t out = BUF_INIT;
	int r;

	for (r = 0; r < NROUNDS; r++) {
		buf_reset(&out);
		if (mustache_render(j->env, "page", j->ctx, 2, &out) < 0)
			j->failures++;
		else if (strcmp(out.ptr, j->expected) != 0)
			j->mismatches++;
	}
	buf_free(&out);
	return NULL;
}

static void test_threads(void)
{
	mustache_env *env = mustache_env_new(0);
	value *site = json("{\"site\": {\"title\": \"S\"}, \"kind\": \"row\"}");
	value *page = json("{\"rows\": [{\"k\": \"a<\", \"v\": 1}, {\"k\": \"b\", \"v\": 2.5}, {\"k\": \"c\", \"v\": true}],"
			   " \"title\": \"T\"}");
	const value *ctx[2] = { site, page };
	pthread_t th[NTHREADS];
	struct job jobs[NTHREADS];
	char *expected;
	int i, started = 0;

	CHECK(add(env, "base", "<h1>{{$h}}{{site.title}}{{/h}}</h1>\n<table>\n  {{$body}}{{/body}}\n</table>\n") == 0);
	CHECK(add(env, "row", "<tr>\n  <td>{{k}}</td><td>{{v}}</td>\n</tr>\n") == 0);
	CHECK(add(env, "page", "{{<base}}{{$h}}{{title}} - {{site.title}}{{/h}}{{$body}}\n"
			       "{{#rows}}\n{{>*kind}}\n{{/rows}}\n{{/body}}{{/base}}") == 0);
	expected = render(env, "page", ctx, 2);
	CHECK_STR(expected,
		  "<h1>T - S</h1>\n<table>\n"
		  "  <tr>\n    <td>a&lt;</td><td>1</td>\n  </tr>\n"
		  "  <tr>\n    <td>b</td><td>2.5</td>\n  </tr>\n"
		  "  <tr>\n    <td>c</td><td>true</td>\n  </tr>\n"
		  "\n</table>\n");
	if (!expected)
		goto out;
	for (i = 0; i < NTHREADS; i++) {
		jobs[i].env = env;
		jobs[i].ctx = ctx;
		jobs[i].expected = expected;
		jobs[i].mismatches = jobs[i].failures = 0;
		if (pthread_create(&th[i], NULL, worker, &jobs[i]) != 0)
			break;
		started++;
	}
	CHECK(started == NTHREADS);
	for (i = 0; i < started; i++) {
		pthread_join(th[i], NULL);
		CHECK(jobs[i].failures == 0);
		CHECK(jobs[i].mismatches == 0);
	}
out:
	free(expected);
	value_free(site);
	value_free(page);
	mustache_env_free(env);
}

static void test_misc(void)
{
	mustache_env *env = mustache_env_new(0);
	value *d = json("{\"n\": 0, \"s\": \"\", \"e\": [], \"o\": {}, \"name\": \"x\"}");
	const value *ctx[1] = { d };
	buf_t big = BUF_INIT;
	int i;

	/* Truthiness: 0 and {} are true, "" and [] are false. */
	CHECK(add(env, "truth", "{{#n}}n{{/n}}{{#s}}s{{/s}}{{#e}}e{{/e}}{{#o}}o{{/o}}{{^s}}!s{{/s}}{{^e}}!e{{/e}}") == 0);
	check_render(env, "truth", ctx, 1, "no!s!e");
	/* A comment or delimiter change inside a line keeps the text whole. */
	CHECK(add(env, "cm", "a{{! c }}b {{=| |=}}|name| |={{ }}=|{{name}}\n") == 0);
	check_render(env, "cm", ctx, 1, "ab x x\n");
	/* Standalone partials indent each line; inline ones do not. */
	CHECK(add(env, "p", "1\n2\n") == 0);
	CHECK(add(env, "ind", "<div>\n    {{>p}}\n  <i>{{>p}}</i>\n</div>\n") == 0);
	check_render(env, "ind", ctx, 1, "<div>\n    1\n    2\n  <i>1\n2\n</i>\n</div>\n");
	/* Deep but finite section nesting renders. */
	for (i = 0; i < 200; i++)
		buf_puts(&big, "{{#o}}");
	buf_puts(&big, "{{name}}");
	for (i = 0; i < 200; i++)
		buf_puts(&big, "{{/o}}");
	CHECK(mustache_env_add(env, "deep", big.ptr, big.len, "deep.mustache") == 0);
	check_render(env, "deep", ctx, 1, "x");
	/* Nesting beyond the compile limit is a clean error. */
	buf_reset(&big);
	for (i = 0; i < 300; i++)
		buf_puts(&big, "{{#o}}");
	CHECK(mustache_env_add(env, "deeper", big.ptr, big.len, "deeper.mustache") == -1);
	CHECK(strstr(err_msg(), "deeper.mustache:1:1537: error: section 'o' is nested deeper than 256 levels") != NULL);
	/* Empty templates and NULL-free empty source. */
	CHECK(mustache_env_add(env, "empty", "", 0, "empty.mustache") == 0);
	check_render(env, "empty", ctx, 1, "");
	err_clear();
	buf_free(&big);
	value_free(d);
	mustache_env_free(env);
}

int main(void)
{
	test_context_stack();
	test_missing_partial();
	test_recursion();
	test_syntax_errors();
	test_escaping();
	test_layout();
	test_threads();
	test_misc();
	return test_done("mustache");
}

/* Fuzz target: the front-matter splitter and a whole content file (UTF-8
 * check, TOML front matter, known keys, Markdown). */
#include "content.h"
#include "err.h"

#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fm_split sp;
	content_file cf;
	md_options mo = MD_OPTIONS_INIT;

	frontmatter_split(&sp, (const char *)data, size, "fuzz.md");
	if (content_parse(&cf, (const char *)data, size, "fuzz.md", &mo) == 0)
		content_free(&cf);
	err_clear();
	return 0;
}

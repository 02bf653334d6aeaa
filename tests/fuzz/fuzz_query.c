/* Fuzz target: query blocks. The input's first line is the info string
 * ("query chart=bar x=a y=b title=\"...\""), the rest the SQL. Both the
 * option parser and the whole block (SQL on the read-only data, table and
 * chart rendering) run against a small database made once in a temporary
 * folder. */
#include "data.h"
#include "err.h"
#include "fs.h"
#include "query.h"
#include "site.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static site fake;
static int ready;

static void setup(void)
{
	char dir[] = "/tmp/congkhai-fuzz-query-XXXXXX";
	buf_t path = BUF_INIT;
	static const char schema[] =
		"CREATE TABLE obs (unit TEXT, period TEXT, value REAL, n INTEGER, source TEXT);\n"
		"INSERT INTO obs VALUES ('Xã <A>', '2023-01', 76.03, 3, 'sample');\n"
		"INSERT INTO obs VALUES ('Xã B', '2023-02', NULL, -1, '91/KH-UBND');\n"
		"INSERT INTO obs VALUES ('Xã \"C\"', '2023-03', 1e300, 9223372036854775807, 'sample');\n";

	ready = 1;
	memset(&fake, 0, sizeof fake);
	if (!mkdtemp(dir))
		return;
	if (fs_join(&path, dir, "schema.sql") == 0 && fs_write(path.ptr, schema, sizeof schema - 1) == 0)
		data_open(&fake.db, dir, NULL);
	fs_rm_rf(dir);
	buf_free(&path);
	err_clear();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data, *nl = memchr(s, '\n', size);
	size_t ilen = nl ? (size_t)(nl - s) : size;
	char *info = malloc(ilen + 8), *code;
	size_t clen = nl ? size - ilen - 1 : 0;
	value *opts;
	buf_t out = BUF_INIT;

	if (!ready)
		setup();
	code = malloc(clen + 1);
	if (!info || !code) {
		free(info);
		free(code);
		return 0;
	}
	memcpy(info, "query ", 6);
	memcpy(info + 6, s, ilen);
	info[ilen + 6] = '\0';
	if (clen)
		memcpy(code, nl + 1, clen);
	code[clen] = '\0';
	opts = query_parse_info(info, "fuzz.md", 3);
	value_free(opts);
	err_clear();
	if (fake.db && strlen(info) == ilen + 6 && strlen(code) == clen)
		query_block(&fake, "fuzz.md", &out, info, code, clen, 3);
	buf_free(&out);
	err_clear();
	free(info);
	free(code);
	return 0;
}

/* Unit tests for opendata.c: CSV fields and files byte for byte (RFC 4180
 * quoting, CRLF, the UTF-8 byte-order mark), and which table names are
 * published. The generator itself is tested end to end by
 * tests/cli/opendata.sh. */
#include "test.h"
#include "buf.h"
#include "err.h"
#include "opendata.h"
#include "value.h"

#include <string.h>

static buf_t out = BUF_INIT;

/* The CSV form of one field, or "(failed)". */
static const char *field(const char *s)
{
	buf_reset(&out);
	return opendata_csv_field(&out, s, strlen(s)) == 0 ? out.ptr : "(failed)";
}

static void test_fields(void)
{
	CHECK_STR(field("abc"), "abc");
	CHECK_STR(field(""), "");
	CHECK_STR(field("76.03"), "76.03");
	/* comma, quote, LF, CR, CRLF: quoted, quotes doubled */
	CHECK_STR(field("a,b"), "\"a,b\"");
	CHECK_STR(field("Kế hoạch \"91/KH-UBND\""), "\"Kế hoạch \"\"91/KH-UBND\"\"\"");
	CHECK_STR(field("\""), "\"\"\"\"");
	CHECK_STR(field("dòng 1\ndòng 2"), "\"dòng 1\ndòng 2\"");
	CHECK_STR(field("a\rb"), "\"a\rb\"");
	CHECK_STR(field("a\r\nb"), "\"a\r\nb\"");
	/* leading or trailing spaces and tabs are kept, inside quotes */
	CHECK_STR(field(" đầu"), "\" đầu\"");
	CHECK_STR(field("cuối "), "\"cuối \"");
	CHECK_STR(field("\tx"), "\"\tx\"");
	CHECK_STR(field("giữa có cách"), "giữa có cách");
	/* Vietnamese text: the UTF-8 bytes unchanged */
	CHECK_STR(field("Ủy ban nhân dân xã Phước Lộc"), "Ủy ban nhân dân xã Phước Lộc");
	CHECK_STR(field("Ủy ban nhân dân xã Phước Lộc"),
		  "\xE1\xBB\xA6y ban nh\xC3\xA2n d\xC3\xA2n x\xC3\xA3 Ph\xC6\xB0\xE1\xBB\x9B\x63 L\xE1\xBB\x99\x63");
	CHECK_STR(field("Đường, phố"), "\"Đường, phố\"");
	/* a field with a NUL byte is written as given (len counts) */
	buf_reset(&out);
	CHECK(opendata_csv_field(&out, "a\0b", 3) == 0);
	CHECK(out.len == 3 && memcmp(out.ptr, "a\0b", 3) == 0);
}

static value *row(const char *a, value *b, value *c)
{
	value *r = value_new_table();

	value_table_set_str(r, "ten", a);
	value_table_setc(r, "gia tri", b);
	value_table_setc(r, "ghi chú", c);
	return r;
}

static void test_file(void)
{
	value *cols = value_new_array(), *rows = value_new_array();
	static const char want[] =
		"\xEF\xBB\xBF"
		"ten,gia tri,ghi chú\r\n"
		"Xã Phước Lộc,76.03,\r\n"
		"\"Thị trấn, Diêu Trì\",1250000,\"nói \"\"đạt\"\"\"\r\n"
		"\" cách \",-5,\"hai\r\ndòng\"\r\n";

	value_array_push(cols, value_new_cstr("ten"));
	value_array_push(cols, value_new_cstr("gia tri"));
	value_array_push(cols, value_new_cstr("ghi chú"));
	value_array_push(rows, row("Xã Phước Lộc", value_new_float(76.03), value_new_null()));
	value_array_push(rows, row("Thị trấn, Diêu Trì", value_new_int(1250000), value_new_cstr("nói \"đạt\"")));
	value_array_push(rows, row(" cách ", value_new_int(-5), value_new_cstr("hai\r\ndòng")));
	buf_reset(&out);
	CHECK(opendata_csv(&out, cols, rows) == 0);
	CHECK(out.len == sizeof want - 1);
	CHECK(memcmp(out.ptr, want, sizeof want - 1) == 0);
	if (out.len != sizeof want - 1 || memcmp(out.ptr, want, sizeof want - 1) != 0)
		fprintf(stderr, "got:\n%s\n", out.ptr);

	/* no rows: the BOM and the header only */
	value_free(rows);
	rows = value_new_array();
	buf_reset(&out);
	CHECK(opendata_csv(&out, cols, rows) == 0);
	CHECK_STR(out.ptr, "\xEF\xBB\xBFten,gia tri,ghi chú\r\n");

	/* a missing key is an empty field; floats in shortest form */
	value_array_push(rows, value_new_table());
	value_table_setc(value_at(rows, 0), "gia tri", value_new_float(0.1));
	buf_reset(&out);
	CHECK(opendata_csv(&out, cols, rows) == 0);
	CHECK_STR(out.ptr, "\xEF\xBB\xBFten,gia tri,ghi chú\r\n,0.1,\r\n");
	value_free(cols);
	value_free(rows);
}

static void test_names(void)
{
	CHECK(opendata_name_ok("observations") == 1);
	CHECK(opendata_name_ok("ranking_weights") == 1);
	CHECK(opendata_name_ok("bang-2024") == 1);
	CHECK(opendata_name_ok("") == 0);
	CHECK(opendata_name_ok("../etc") == 0);
	CHECK(opendata_name_ok("a/b") == 0);
	CHECK(opendata_name_ok("bảng") == 0);
	CHECK(opendata_name_ok("has space") == 0);
	CHECK(opendata_name_ok(".hidden") == 0);
	CHECK(opendata_name_ok("x\"y") == 0);
	CHECK(opendata_name_ok("a234567890123456789012345678901234567890123456789012345678901234") == 1);
	CHECK(opendata_name_ok("a2345678901234567890123456789012345678901234567890123456789012345") == 0);
}

int main(void)
{
	test_fields();
	test_file();
	test_names();
	buf_free(&out);
	return test_done("opendata");
}

/* Unit tests for document numbers and citations (docnum.h): every symbol
 * form of DOMAIN.md, the near-misses that must not match, both date forms,
 * type words, short citations and the NFC requirement. */
#include "test.h"

#include "buf.h"
#include "docnum.h"
#include "err.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The citations found in s, one per ';': "key type [word] [dd/mm/yyyy]
 * [short] <text of the span>". */
static char out[4096];

static const char *find(const char *s)
{
	docnum_cite *c = NULL;
	size_t n = 0, i, o = 0;

	out[0] = '\0';
	if (docnum_find_all(s, strlen(s), &c, &n) < 0)
		return "(error)";
	for (i = 0; i < n; i++) {
		int w = snprintf(out + o, sizeof out - o, "%s%s %s%s%s", i ? ";" : "", c[i].sym.key,
				 c[i].sym.type[0] ? c[i].sym.type : "-",
				 c[i].word >= 0 ? " " : "", c[i].word >= 0 ? docnum_word_name(c[i].word) : "");
		if (w < 0 || (size_t)w >= sizeof out - o)
			break;
		o += (size_t)w;
		if (c[i].date_year)
			o += (size_t)snprintf(out + o, sizeof out - o, " %02d/%02d/%04d", c[i].day, c[i].month,
					      c[i].date_year);
		if (c[i].is_short)
			o += (size_t)snprintf(out + o, sizeof out - o, " short");
		o += (size_t)snprintf(out + o, sizeof out - o, " <%.*s>", (int)(c[i].end - c[i].start),
				      s + c[i].start);
	}
	free(c);
	return out;
}

static void test_parse(void)
{
	docnum_symbol s;
	char key[DOCNUM_KEY_MAX];

	CHECK(docnum_parse(&s, "46/UBND", 7) == 1);
	CHECK_STR(s.number, "46");
	CHECK_STR(s.type, "");
	CHECK_STR(s.key, "46/UBND");
	CHECK(s.year == 0);
	CHECK(docnum_parse(&s, "91/KH-UBND", 10) == 1);
	CHECK_STR(s.type, "KH");
	CHECK_STR(s.key, "91/KH-UBND");
	CHECK(docnum_parse(&s, "585/QĐ-UBND-HC", strlen("585/QĐ-UBND-HC")) == 1);
	CHECK_STR(s.type, "QĐ");
	CHECK_STR(s.key, "585/QĐ-UBND-HC");
	CHECK(docnum_parse(&s, "30/2020/NĐ-CP", strlen("30/2020/NĐ-CP")) == 1);
	CHECK(s.year == 2020);
	CHECK_STR(s.type, "NĐ");
	CHECK_STR(s.number, "30");
	CHECK_STR(s.key, "30/2020/NĐ-CP");
	CHECK(docnum_parse(&s, "71/2007/TTLT/BTC-BNV", 20) == 1);
	CHECK(s.year == 2007);
	CHECK_STR(s.type, "TTLT");
	CHECK_STR(s.key, "71/2007/TTLT/BTC-BNV");
	CHECK(docnum_parse(&s, "1785/SNV-XDCQ&CTTN", 18) == 1);
	CHECK_STR(s.type, "");
	CHECK_STR(s.key, "1785/SNV-XDCQ&CTTN");
	CHECK(docnum_parse(&s, "64a/KH-UBND", 11) == 1);
	CHECK_STR(s.number, "64a");
	CHECK_STR(s.key, "64A/KH-UBND");
	CHECK(docnum_parse(&s, " 6090/UBND-TH ", 14) == 1);
	CHECK_STR(s.key, "6090/UBND-TH");
	CHECK(docnum_parse(&s, "1847/QĐ-TTg", strlen("1847/QĐ-TTg")) == 1);
	CHECK_STR(s.type, "QĐ");
	CHECK_STR(s.key, "1847/QĐ-TTG");
	CHECK(docnum_parse(&s, "12/QyĐ-UBND", strlen("12/QyĐ-UBND")) == 1);
	CHECK_STR(s.type, "QyĐ");
	CHECK(docnum_parse(&s, "60/2014/QH13", 12) == 1);
	CHECK_STR(s.key, "60/2014/QH13");
	/* drafts keep the blank number */
	CHECK(docnum_parse(&s, "/UBND-NV", 8) == 0);
	CHECK_STR(s.number, "");
	CHECK_STR(s.key, "/UBND-NV");
	CHECK(docnum_parse(&s, "/KH-UBND", 8) == 0);
	CHECK_STR(s.type, "KH");
	/* not numbers */
	CHECK(docnum_parse(&s, "", 0) == -1);
	CHECK(docnum_parse(&s, "46", 2) == -1);
	CHECK(docnum_parse(&s, "Số: 46/UBND", strlen("Số: 46/UBND")) == -1);
	CHECK(docnum_parse(&s, "20/10/2022", 10) == -1);
	CHECK(docnum_parse(&s, "46/UBND x", 9) == -1);
	CHECK(docnum_parse(&s, "10/A", 4) == -1);
	CHECK(docnum_parse(&s, "1234567/UBND", 12) == -1);
	/* keys: spaces and dashes around '-' do not matter, letter case neither */
	CHECK(docnum_key(key, "26/KH – UBND", strlen("26/KH – UBND")) == 0);
	CHECK_STR(key, "26/KH-UBND");
	CHECK(docnum_key(key, "2169/UBND - NC", 14) == 0);
	CHECK_STR(key, "2169/UBND-NC");
	CHECK(docnum_key(key, "26/KH—UBND", strlen("26/KH—UBND")) == 0);
	CHECK_STR(key, "26/KH-UBND");
	CHECK(docnum_key(key, "nope", 4) == -1);
	CHECK_STR(key, "");
	CHECK_STR(docnum_type_name("KH"), "Kế hoạch");
	CHECK_STR(docnum_type_name("NĐ"), "Nghị định");
	CHECK(docnum_type_name("UBND") == NULL);
	CHECK(docnum_type_name("") == NULL);
}

static void test_forms_in_text(void)
{
	/* seed 000's first sentence */
	CHECK_STR(find("Thực hiện Văn bản số 6090/UBND-TH ngày 20/10/2022 của Chủ tịch Ủy ban nhân dân tỉnh "
		       "và Văn bản số 1785/SNV-XDCQ&CTTN ngày 21/10/2022 của Sở Nội vụ tỉnh Bình Định;"),
		  "6090/UBND-TH - Văn bản 20/10/2022 <Văn bản số 6090/UBND-TH ngày 20/10/2022>;"
		  "1785/SNV-XDCQ&CTTN - Văn bản 21/10/2022 <Văn bản số 1785/SNV-XDCQ&CTTN ngày 21/10/2022>");
	CHECK_STR(find("(Kế hoạch số 91/KH-UBND ngày 28/12/2021, Kế hoạch số 45/KH-UBND ngày 22/4/2022 và "
		       "Kế hoạch số 64a/KH-UBND ngày 15/9/2021 của Ủy ban nhân dân huyện)."),
		  "91/KH-UBND KH Kế hoạch 28/12/2021 <Kế hoạch số 91/KH-UBND ngày 28/12/2021>;"
		  "45/KH-UBND KH Kế hoạch 22/04/2022 <Kế hoạch số 45/KH-UBND ngày 22/4/2022>;"
		  "64A/KH-UBND KH Kế hoạch 15/09/2021 <Kế hoạch số 64a/KH-UBND ngày 15/9/2021>");
	/* seed 003: lower-case type word, spaced dashes, no "số" */
	CHECK_STR(find("Thực hiện kế hoạch số 26/KH – UBND ngày 11/4/2024 của Ủy ban nhân dân phường"),
		  "26/KH-UBND KH Kế hoạch 11/04/2024 <kế hoạch số 26/KH – UBND ngày 11/4/2024>");
	CHECK_STR(find("theo công văn số 2169/UBND - NC ngày 31/7/2018 của Chủ tịch UBND tỉnh;"),
		  "2169/UBND-NC - Công văn 31/07/2018 <công văn số 2169/UBND - NC ngày 31/7/2018>");
	CHECK_STR(find("theo Nghị định 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ."),
		  "61/2018/NĐ-CP NĐ Nghị định 23/04/2018 <Nghị định 61/2018/NĐ-CP ngày 23/4/2018>");
	CHECK_STR(find("Quyết định số 1847/QĐ-TTg ngày 27/12/2018 của Thủ tướng"),
		  "1847/QĐ-TTG QĐ Quyết định 27/12/2018 <Quyết định số 1847/QĐ-TTg ngày 27/12/2018>");
	/* the other forms of DOMAIN.md, without a type word or a date */
	CHECK_STR(find("Số 585/QĐ-UBND-HC và 71/2007/TTLT/BTC-BNV; 46/UBND."),
		  "585/QĐ-UBND-HC QĐ <585/QĐ-UBND-HC>;71/2007/TTLT/BTC-BNV TTLT <71/2007/TTLT/BTC-BNV>;"
		  "46/UBND - <46/UBND>");
	CHECK_STR(find("Thông báo số 43/TB-UBND ngày 08/3/2023 của UBND huyện"),
		  "43/TB-UBND TB Thông báo 08/03/2023 <Thông báo số 43/TB-UBND ngày 08/3/2023>");
	/* a word that only looks like a type word is not one */
	CHECK_STR(find("Dự kiến hoạch số 12/KH-UBND"), "12/KH-UBND KH <12/KH-UBND>");
	/* a draft's blank number in running text is no citation */
	CHECK_STR(find("(Kèm theo Kế hoạch số /KH-UBND ngày / /2023 của UBND huyện)"), "");
}

static void test_dates(void)
{
	CHECK_STR(find("Nghị quyết số 99/NQ-CP ngày 24 tháng 6 năm 2020 của Chính phủ"),
		  "99/NQ-CP NQ Nghị quyết 24/06/2020 <Nghị quyết số 99/NQ-CP ngày 24 tháng 6 năm 2020>");
	CHECK_STR(find("Nghị định số 61/2018/NĐ-CP ngày 23 tháng 4 năm 2018 của Chính phủ"),
		  "61/2018/NĐ-CP NĐ Nghị định 23/04/2018 <Nghị định số 61/2018/NĐ-CP ngày 23 tháng 4 năm 2018>");
	CHECK_STR(find("Kế hoạch số 5/KH-UBND Ngày 05 tháng 03 năm 2020"),
		  "5/KH-UBND KH Kế hoạch 05/03/2020 <Kế hoạch số 5/KH-UBND Ngày 05 tháng 03 năm 2020>");
	/* an impossible or incomplete date is left out of the span */
	CHECK_STR(find("Kế hoạch số 5/KH-UBND ngày 31/02/2021."), "5/KH-UBND KH Kế hoạch <Kế hoạch số 5/KH-UBND>");
	CHECK_STR(find("Kế hoạch số 5/KH-UBND ngày 12/2021."), "5/KH-UBND KH Kế hoạch <Kế hoạch số 5/KH-UBND>");
	CHECK_STR(find("Kế hoạch số 5/KH-UBND ngày tháng 10 năm 2022"), "5/KH-UBND KH Kế hoạch <Kế hoạch số 5/KH-UBND>");
	CHECK_STR(find("Kế hoạch số 5/KH-UBND ngày 05 tháng 3 2020"), "5/KH-UBND KH Kế hoạch <Kế hoạch số 5/KH-UBND>");
	CHECK_STR(find("Kế hoạch số 5/KH-UBND ngày 29/2/2024"),
		  "5/KH-UBND KH Kế hoạch 29/02/2024 <Kế hoạch số 5/KH-UBND ngày 29/2/2024>");
	CHECK_STR(find("Kế hoạch số 5/KH-UBND ngày 29/2/2023"), "5/KH-UBND KH Kế hoạch <Kế hoạch số 5/KH-UBND>");
}

static void test_near_misses(void)
{
	CHECK_STR(find("Đường dây nóng: 0256 3822 128 hoặc 0256.3822.128, (0256) 3822128."), "");
	CHECK_STR(find("Ngày 02/11/2022, UBND huyện tổ chức Hội nghị; hạn 20/10/2022 và 15/12."), "");
	CHECK_STR(find("Thủ tục 1.000893 và 2.001234; lệ phí 1.250.000 đồng."), "");
	CHECK_STR(find("đạt 76,03/100 điểm, xếp thứ 10/11 huyện; 46,78/60 điểm"), "");
	CHECK_STR(find("đạt dưới 80%/ tổng điểm; 01 tin, bài/năm; Như K/g; V/v thực hiện"), "");
	CHECK_STR(find("tháng 11 và 12/2022; Quý II/2023; năm 2024/."), "");
	CHECK_STR(find("lớp 10/A và 3/Chỉ tiêu; 12/Ba; 5/Tổng số"), "");
	CHECK_STR(find("mã 2.46/UBND; x46/UBND; 46/UBNDé"), "");
	CHECK_STR(find("1234567/KH-UBND"), "");
	CHECK_STR(find("24/7 và 2024/2025, 2024/2025/"), "");
}

static void test_short(void)
{
	/* resolved against an earlier full citation of the same type */
	CHECK_STR(find("Kế hoạch số 91/KH-UBND ngày 28/12/2021 của UBND huyện. Thực hiện Kế hoạch 91, "
		       "các đơn vị báo cáo; theo kế hoạch số 91 đã nêu."),
		  "91/KH-UBND KH Kế hoạch 28/12/2021 <Kế hoạch số 91/KH-UBND ngày 28/12/2021>;"
		  "91/KH-UBND KH Kế hoạch 28/12/2021 short <Kế hoạch 91>;"
		  "91/KH-UBND KH Kế hoạch 28/12/2021 short <kế hoạch số 91>");
	/* a công văn's symbol has no type: "Văn bản số 6090" */
	CHECK_STR(find("Văn bản số 6090/UBND-TH ngày 20/10/2022. Văn bản số 6090 yêu cầu"),
		  "6090/UBND-TH - Văn bản 20/10/2022 <Văn bản số 6090/UBND-TH ngày 20/10/2022>;"
		  "6090/UBND-TH - Văn bản 20/10/2022 short <Văn bản số 6090>");
	/* the type must agree; no earlier full citation: nothing */
	CHECK_STR(find("Chỉ thị số 26/CT-TTg ngày 05/9/2016. Kế hoạch số 26 và Chỉ thị 26."),
		  "26/CT-TTG CT Chỉ thị 05/09/2016 <Chỉ thị số 26/CT-TTg ngày 05/9/2016>;"
		  "26/CT-TTG CT Chỉ thị 05/09/2016 short <Chỉ thị 26>");
	CHECK_STR(find("Kế hoạch số 91 đã nêu; Kế hoạch 2023."), "");
	/* a short citation before the full one is not resolved */
	CHECK_STR(find("Kế hoạch 91 và Kế hoạch số 91/KH-UBND"), "91/KH-UBND KH Kế hoạch <Kế hoạch số 91/KH-UBND>");
	/* "Kế hoạch số 91.5" is a number, not a citation */
	CHECK_STR(find("Kế hoạch số 91/KH-UBND; Kế hoạch số 91,5 triệu"), "91/KH-UBND KH Kế hoạch <Kế hoạch số 91/KH-UBND>");
	/* letter suffixes compare without case */
	CHECK_STR(find("Kế hoạch số 64a/KH-UBND; Kế hoạch số 64A"),
		  "64A/KH-UBND KH Kế hoạch <Kế hoạch số 64a/KH-UBND>;64A/KH-UBND KH Kế hoạch short <Kế hoạch số 64A>");
}

static void test_nfc(void)
{
	/* "Quyết định" with ế decomposed (e + U+0302 + U+0301) */
	const char *nfd = "Quye\xCC\x82\xCC\x81t \xC4\x91i\xCC\xA3nh so\xCC\x82\xCC\x81 264/QĐ-UBND nga\xCC\x80y 31/01/2023";
	buf_t b = BUF_INIT;

	/* the symbol is found, the type word and the date are not */
	CHECK_STR(find(nfd), "264/QĐ-UBND QĐ <264/QĐ-UBND>");
	CHECK(text_nfc(&b, nfd, strlen(nfd)) == 0);
	CHECK_STR(find(b.ptr), "264/QĐ-UBND QĐ Quyết định 31/01/2023 <Quyết định số 264/QĐ-UBND ngày 31/01/2023>");
	buf_free(&b);
}

static void test_edges(void)
{
	docnum_cite *c = (docnum_cite *)1;
	size_t n = 9;
	const char bad[] = "\xff\xfe 46/UBND\x80 \xC4 91/KH-UBND ngày\xE1";
	char nul[] = "46/UBND\0 91/KH-UBND";
	char big[300];

	CHECK(docnum_find_all("", 0, &c, &n) == 0 && c == NULL && n == 0);
	CHECK(docnum_find_all(bad, sizeof bad - 1, &c, &n) == 0 && n == 2);
	free(c);
	CHECK(docnum_find_all(nul, sizeof nul - 1, &c, &n) == 0 && n == 2);
	if (n == 2)
		CHECK(c[1].num_start == 9);
	free(c);
	/* a symbol too long for the key is no match, and no overflow */
	memset(big, 'A', sizeof big);
	memcpy(big, "1/", 2);
	big[sizeof big - 1] = '\0';
	for (n = 10; n < sizeof big - 1; n += 10)
		big[n] = '-';
	CHECK_STR(find(big), "");
	/* the text may end anywhere */
	CHECK_STR(find("Kế hoạch số 9"), "");
	CHECK_STR(find("46/"), "");
	CHECK_STR(find("46/UBND ngày 1"), "46/UBND - <46/UBND>");
	CHECK_STR(find("46/UBND ngày 1 tháng 2 năm"), "46/UBND - <46/UBND>");
}

/* The scan jumps eight bytes at a time to the next digit: a number is
 * found wherever it falls against those steps, and no byte is skipped. */
static void test_digit_steps(void)
{
	static const char *const pads[] = { " ", "ạ", "x ", "(" };
	char s[128], want[128];
	size_t p, k;

	for (p = 0; p < sizeof pads / sizeof *pads; p++)
		for (k = 0; k < 20; k++) {
			size_t i, o = 0;
			docnum_cite *c = NULL;
			size_t n = 0;
			for (i = 0; i < k; i++)
				o += (size_t)snprintf(s + o, sizeof s - o, "%s", pads[p]);
			snprintf(s + o, sizeof s - o, " 9/KH-UBND và 10/QĐ-UBND");
			CHECK(docnum_find_all(s, strlen(s), &c, &n) == 0);
			CHECK(n == 2);
			if (n == 2) {
				CHECK(c[0].num_start == o + 1);
				CHECK(c[1].num_start == o + strlen(" 9/KH-UBND và "));
			}
			free(c);
			snprintf(want, sizeof want, "9/KH-UBND KH <9/KH-UBND>;10/QĐ-UBND QĐ <10/QĐ-UBND>");
			CHECK_STR(find(s), want);
		}
	/* a digit in the last bytes, after a long run without any */
	memset(s, ' ', 70);
	strcpy(s + 70, "46/UBND");
	CHECK_STR(find(s), "46/UBND - <46/UBND>");
}

int main(void)
{
	test_parse();
	test_digit_steps();
	test_forms_in_text();
	test_dates();
	test_near_misses();
	test_short();
	test_nfc();
	test_edges();
	err_clear();
	return test_done("docnum");
}

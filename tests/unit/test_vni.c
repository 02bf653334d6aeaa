/* Unit tests for legacy encodings (vni.h): the VNI and TCVN3 tables, the
 * syllable check, detection (seed 003's passages, and nothing in correct
 * Vietnamese, English, French or German), conversion of seed 003's
 * sentence back to "Chủ tịch Ủy ban nhân dân phường", and the quick pass of
 * detection against the full scan. */
#include "test.h"

#include "buf.h"
#include "err.h"
#include "fs.h"
#include "text.h"
#include "vni.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static buf_t b = BUF_INIT;

static const char *decode(const char *s, vni_encoding enc)
{
	buf_reset(&b);
	if (vni_decode(&b, s, strlen(s), enc) < 0)
		return "(error)";
	return b.ptr;
}

static const char *fix(const char *s, size_t *nw)
{
	buf_reset(&b);
	if (vni_fix(&b, s, strlen(s), nw) < 0)
		return "(error)";
	return b.ptr;
}

static size_t hits(const char *s)
{
	vni_hit *h;
	size_t n;

	if (vni_scan(s, strlen(s), &h, &n) < 0)
		return 999;
	free(h);
	return n;
}

static void test_vni_table(void)
{
	/* every letter: a base and its marks, in VNI-Windows read as Windows-1252 */
	CHECK_STR(decode("a aù aø aû aõ aï aâ aá aà aå aã aä aê aé aè aú aü aë", VNI_ENC_VNI),
		  "a á à ả ã ạ â ấ ầ ẩ ẫ ậ ă ắ ằ ẳ ẵ ặ");
	CHECK_STR(decode("e eù eø eû eõ eï eâ eá eà eå eã eä", VNI_ENC_VNI), "e é è ẻ ẽ ẹ ê ế ề ể ễ ệ");
	CHECK_STR(decode("o où oø oû oõ oï oâ oá oà oå oã oä ô ôù ôø ôû ôõ ôï", VNI_ENC_VNI),
		  "o ó ò ỏ õ ọ ô ố ồ ổ ỗ ộ ơ ớ ờ ở ỡ ợ");
	CHECK_STR(decode("u uù uø uû uõ uï ö öù öø öû öõ öï", VNI_ENC_VNI), "u ú ù ủ ũ ụ ư ứ ừ ử ữ ự");
	CHECK_STR(decode("i í ì æ ó ò y yù yø yû yõ î ñ", VNI_ENC_VNI), "i í ì ỉ ĩ ị y ý ỳ ỷ ỹ ỵ đ");
	CHECK_STR(decode("A AÙ AØ AÛ AÕ AÏ AÂ AÁ AÀ AÅ AÃ AÄ AÊ AÉ AÈ AÚ AÜ AË", VNI_ENC_VNI),
		  "A Á À Ả Ã Ạ Â Ấ Ầ Ẩ Ẫ Ậ Ă Ắ Ằ Ẳ Ẵ Ặ");
	CHECK_STR(decode("E EÙ EØ EÛ EÕ EÏ EÂ EÁ EÀ EÅ EÃ EÄ", VNI_ENC_VNI), "E É È Ẻ Ẽ Ẹ Ê Ế Ề Ể Ễ Ệ");
	CHECK_STR(decode("O OÙ OØ OÛ OÕ OÏ OÂ OÁ OÀ OÅ OÃ OÄ Ô ÔÙ ÔØ ÔÛ ÔÕ ÔÏ", VNI_ENC_VNI),
		  "O Ó Ò Ỏ Õ Ọ Ô Ố Ồ Ổ Ỗ Ộ Ơ Ớ Ờ Ở Ỡ Ợ");
	CHECK_STR(decode("U UÙ UØ UÛ UÕ UÏ Ö ÖÙ ÖØ ÖÛ ÖÕ ÖÏ", VNI_ENC_VNI), "U Ú Ù Ủ Ũ Ụ Ư Ứ Ừ Ử Ữ Ự");
	CHECK_STR(decode("I Í Ì Æ Ó Ò Y YÙ YØ YÛ YÕ Î Ñ", VNI_ENC_VNI), "I Í Ì Ỉ Ĩ Ị Y Ý Ỳ Ỷ Ỹ Ỵ Đ");
	/* whole words; punctuation, digits and spacing kept */
	CHECK_STR(decode("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", VNI_ENC_VNI),
		  "Cộng hòa xã hội chủ nghĩa Việt Nam");
	CHECK_STR(decode("Ñoäc laäp - Töï do - Haïnh phuùc", VNI_ENC_VNI), "Độc lập - Tự do - Hạnh phúc");
	CHECK_STR(decode("(ngöôøi, 2024) tröôùc", VNI_ENC_VNI), "(người, 2024) trước");
	/* as typed: the tone stays where the typist put it */
	CHECK_STR(decode("Uyû ban", VNI_ENC_VNI), "Uỷ ban");
	/* a mark with no vowel before it: the word is left alone */
	CHECK_STR(decode("ùa bù", VNI_ENC_VNI), "ùa bù");
}

static void test_tcvn3_table(void)
{
	/* every lower-case letter of TCVN3 (ABC), one byte each */
	CHECK_STR(decode("¸ µ ¶ · ¹ ¨ ¾ » ¼ ½ Æ © Ê Ç È É Ë ® Ð Ì Î Ï Ñ ª Õ Ò Ó Ô Ö", VNI_ENC_TCVN3),
		  "á à ả ã ạ ă ắ ằ ẳ ẵ ặ â ấ ầ ẩ ẫ ậ đ é è ẻ ẽ ẹ ê ế ề ể ễ ệ");
	CHECK_STR(decode("Ý × Ø Ü Þ ã ß á â ä « è å æ ç é ¬ í ê ë ì î", VNI_ENC_TCVN3),
		  "í ì ỉ ĩ ị ó ò ỏ õ ọ ô ố ồ ổ ỗ ộ ơ ớ ờ ở ỡ ợ");
	CHECK_STR(decode("ó ï ñ ò ô \xC2\xAD ø õ ö ÷ ù ý ú û ü þ", VNI_ENC_TCVN3),
		  "ú ù ủ ũ ụ ư ứ ừ ử ữ ự ý ỳ ỷ ỹ ỵ");
	/* the capitals it has */
	CHECK_STR(decode("¡ ¢ £ ¤ ¥ ¦ §", VNI_ENC_TCVN3), "Ă Â Ê Ô Ơ Ư Đ");
	CHECK_STR(decode("Céng hoµ x· héi chñ nghÜa ViÖt Nam", VNI_ENC_TCVN3), "Cộng hoà xã hội chủ nghĩa Việt Nam");
	CHECK_STR(decode("§éc lËp - Tù do - H¹nh phóc", VNI_ENC_TCVN3), "Độc lập - Tự do - Hạnh phúc");
	CHECK_STR(decode("Uû ban nh©n d©n", VNI_ENC_TCVN3), "Uỷ ban nhân dân");
	/* a word in capitals (typed with the capitals font) stays in capitals */
	CHECK_STR(decode("CéNG HOµ X· HéI", VNI_ENC_TCVN3), "CỘNG HOÀ XÃ HỘI");
	/* bytes VN3 does not use stay */
	CHECK_STR(decode("° ±", VNI_ENC_TCVN3), "° ±");
}

static void test_syllables(void)
{
	static const char *const ok[] = {
		"phường", "Ủy", "uỷ", "thủy", "thuỷ", "hòa", "hoà", "khỏe", "khoẻ", "khuya", "người",
		"nghiêng", "quốc", "quỳnh", "giữ", "gìn", "già", "kế", "ghi", "nghĩ", "được", "việc",
		"Đắc", "yêu", "uống", "oong", "xoong", "ý", "ạ", "ke", "quà", "CCHC",
	};
	static const char *const bad[] = {
		"caùc", "cac", "kem\xCC\x81", "ngăc", "ghex", "gê", "Chuû", "tòch", "theỏ", "kă",
		"Đắk", "theo\xCC\x8A", "xyz", "ăn\xC3\xA1", "nhaân", "cáác", "hello", "café", "naïve",
		"",
	};
	size_t i;

	for (i = 0; i < sizeof ok / sizeof *ok - 1; i++)
		CHECK(vni_is_syllable(ok[i], strlen(ok[i])) == 1);
	CHECK(vni_is_syllable("CCHC", 4) == 0); /* an abbreviation is no syllable */
	for (i = 0; i < sizeof bad / sizeof *bad; i++)
		CHECK(vni_is_syllable(bad[i], strlen(bad[i])) == 0);
	/* a tone where neither placement puts it */
	CHECK(vni_is_syllable("hoaì", strlen("hoaì")) == 0);
	CHECK(vni_is_syllable("tuôí", strlen("tuôí")) == 0);
	/* NFD is read as NFC */
	CHECK(vni_is_syllable("phu\xCC\x9Bo\xCC\x9B\xCC\x80ng", strlen("phu\xCC\x9Bo\xCC\x9B\xCC\x80ng")) == 1);
}

/* Seed 003 (phat-dong-thi-dua-cchc-thac-mo-2024.md), some of its lines. */
static const char seed003[] =
	"Thực hiện kế hoạch số 26/KH – UBND ngày 11/4/2024 của Ủy ban nhân dân phường Thác Mơ về phát "
	"động Phong trào thi đua theo chuyên đề thực hiện cải cách hành chính, nâng cao chỉ số cải cách "
	"hành chính phường Thác Mơ năm 2024;\n"
	"\n"
	"Để tăng cường thực hiện nhiệm vụ cải cách hành chính và nâng cao chỉ số cải cách hành chính năm "
	"2024 trên địa bàn theo mục tiêu đề ra, Chuû tòch Uyû ban nhaân daân phòõng yeâu caàu toaøn theỏ "
	"caùn boỏ coâng nhaân vieân, caùc ban ngaõnh ñoàøn theỏ cuûa phòõng toỏ chòùc phaùt ñoàng tăng "
	"cường thực hiện nhiệm vụ CCHC năm 2024 vôùi nhữõng noãi dung cuûi theỏ sau:\n"
	"\n"
	"1. Thực hiện hoàn thành đúng tiến độ các nhiệm vụ CCHC được Chủ tịch UBND phường giao tại kế "
	"hoạch cải cách hành chính năm 2024 đã được ban hành.\n"
	"\n"
	"recipients = [\"Các ban ngành, đoàn thể, CBCNV phường.\"]\n"
	"Trong nhóm, giải pháp này cần tổ chức thực hiện các nội dung cụ thể sau:\n"
	"8. Tăng cường công tác đào tạo, bồi dưỡng, phấn đấu tỷ lệ đạt chuẩn cán bộ, công chức của phường "
	"đạt 100%.\n";

static void test_seed003(void)
{
	size_t nw = 0;
	const char *r;
	vni_hit *h;
	size_t n;

	/* detection: the second paragraph only, at its first legacy word */
	CHECK(vni_scan(seed003, sizeof seed003 - 1, &h, &n) == 0);
	CHECK(n == 1);
	if (n == 1) {
		CHECK(h[0].line == 3);
		CHECK(h[0].col == 136);
		CHECK(h[0].enc == VNI_ENC_VNI);
		CHECK(h[0].words >= 15);
		CHECK(strncmp(seed003 + h[0].off, "Chuû tòch", strlen("Chuû tòch")) == 0);
	}
	free(h);
	/* conversion: the sentence exactly, with the words the text spells
	 * correctly elsewhere ("phường") settling the damaged ones */
	r = fix(seed003, &nw);
	CHECK(strstr(r, "đề ra, Chủ tịch Ủy ban nhân dân phường yêu cầu toàn thể cán bộ công nhân viên, "
			"các ban ngành đoàn thể của phường tổ chức phát động tăng cường thực hiện nhiệm vụ CCHC "
			"năm 2024 với những nội dung") != NULL);
	CHECK(nw >= 20);
	/* the other lines, byte for byte */
	CHECK(strncmp(r, seed003, strstr(seed003, "Để") - seed003) == 0);
	CHECK(strstr(r, "\n\n1. Thực hiện hoàn thành đúng tiến độ") != NULL);
	CHECK(strlen(r) > 0 && r[strlen(r) - 1] == '\n');
	/* the sentence alone on its line, in that text */
	{
		buf_t t = BUF_INIT;
		buf_puts(&t, seed003);
		buf_puts(&t, "Chuû tòch Uyû ban nhaân daân phòõng\n");
		r = fix(t.ptr, NULL);
		CHECK(strstr(r, "\nChủ tịch Ủy ban nhân dân phường\n") != NULL);
		buf_free(&t);
	}
	/* the repairs need the text's own words: alone, "phòõng" has two
	 * readings and the one with fewer repairs wins */
	CHECK_STR(fix("Chuû tòch Uyû ban nhaân daân phòõng\n", NULL), "Chủ tịch Ủy ban nhân dân phững\n");
	CHECK_STR(fix("UBND phường.\nChuû tòch Uyû ban nhaân daân phòõng\n", NULL),
		  "UBND phường.\nChủ tịch Ủy ban nhân dân phường\n");
	/* the text's own tone placement wins over the traditional one */
	CHECK_STR(fix("Uỷ ban.\nChuû tòch Uyû ban nhaân daân\n", NULL), "Uỷ ban.\nChủ tịch Uỷ ban nhân dân\n");
	/* the passage of item 4 */
	CHECK_STR(fix("cải cách hành chính\n4. Tập trung chỉ đạo caùc caùch haõnh chính, trong đó", NULL),
		  "cải cách hành chính\n4. Tập trung chỉ đạo các cách hành chính, trong đó");
}

static void test_seed003_file(void)
{
	/* the real file, when the tests run from the repository */
	const char *path = "content/van-ban/phat-dong-thi-dua-cchc-thac-mo-2024.md";
	buf_t src = BUF_INIT, out = BUF_INIT;
	vni_hit *h;
	size_t n, nw;

	if (fs_read(path, &src) < 0) {
		err_clear();
		test_skipped++;
		return;
	}
	CHECK(vni_scan(src.ptr, src.len, &h, &n) == 0);
	CHECK(n == 2);
	free(h);
	CHECK(vni_fix(&out, src.ptr, src.len, &nw) == 0);
	CHECK(strstr(out.ptr, "Chủ tịch Ủy ban nhân dân phường yêu cầu") != NULL);
	CHECK(strstr(out.ptr, "chỉ đạo các cách hành chính,") != NULL);
	CHECK(out.len < src.len); /* legacy text is longer */
	/* fixed text has nothing left to flag, and fixing it again changes nothing */
	CHECK(vni_scan(out.ptr, out.len, &h, &n) == 0 && n == 0);
	free(h);
	buf_reset(&src);
	CHECK(vni_fix(&src, out.ptr, out.len, &nw) == 0 && nw == 0);
	CHECK(src.len == out.len && memcmp(src.ptr, out.ptr, out.len) == 0);
	buf_free(&src);
	buf_free(&out);
}

static void test_tcvn3_fix(void)
{
	size_t nw;

	CHECK(hits("Céng hoµ x· héi chñ nghÜa ViÖt Nam\n") == 1);
	CHECK_STR(fix("Céng hoµ x· héi chñ nghÜa ViÖt Nam\n§éc lËp - Tù do - H¹nh phóc\n", &nw),
		  "Cộng hòa xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc\n");
	CHECK(nw == 12);
	CHECK_STR(fix("Hoà nhập.\nUû ban nh©n d©n x· Ph\xC2\xADíc Léc\n", NULL), "Hoà nhập.\nỦy ban nhân dân xã Phước Lộc\n");
}

static void test_untouched(void)
{
	static const char *const texts[] = {
		/* correct Vietnamese, NFC, including words with Latin-1 letters */
		"Thực hiện Văn bản số 6090/UBND-TH ngày 20/10/2022 của Chủ tịch Ủy ban nhân dân tỉnh về việc "
		"triển khai kịch bản các chỉ tiêu; Ý Yên, Đắk Lắk, hoà hợp, khoẻ, thuỷ, Tuy Phước.\n",
		"Phòng Tài chính – Kế hoạch, phòng Tư pháp: 100% hồ sơ (mức độ 3, 4); Idesk, zalo, facebook.\n",
		"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n",
		/* English, French, German, Spanish */
		"The one-stop shop (Bộ phận Một cửa) publishes every procedure online.\n",
		"Le café où nous étions, près de la gare: déjà vu, naïve, Noël, garçon, là-bas, façade, rôle, hôtel.\n",
		"Où est-il ? Là. Où sont-ils ? Ici.\n",
		"Müller über schön, Straße; señor, año, mañana, niño; São Paulo, não.\n",
		/* Latin-1 symbols */
		"25°C ± 2, © 2024, § 5, «guillemets», ½ và ¼\n",
		/* NFD Vietnamese */
		"Chu\xCC\x89 ti\xCC\xA3\x63h U\xCC\x89y ban\n",
	};
	size_t i, nw;

	for (i = 0; i < sizeof texts / sizeof *texts; i++) {
		CHECK(hits(texts[i]) == 0);
		CHECK_STR(fix(texts[i], &nw), texts[i]);
		CHECK(nw == 0);
	}
}

static void test_errors_and_warnings(void)
{
	const char bad[] = "Chuû tòch Uyû \xff ban nhaân\n";
	const char *w;
	size_t before = warn_count();

	/* scanning skips invalid UTF-8; fixing refuses it */
	CHECK(hits(bad) == 1);
	buf_reset(&b);
	buf_puts(&b, "kept");
	CHECK(vni_fix(&b, bad, sizeof bad - 1, NULL) == -1);
	CHECK(strstr(err_msg(), "invalid UTF-8 at line 1, column 15") != NULL);
	CHECK_STR(b.ptr, "kept");
	err_clear();
	/* a warning per flagged line, with path:line:col and the fix */
	CHECK(vni_warn("content/x.md", seed003, sizeof seed003 - 1) == 0);
	CHECK(warn_count() == before + 1);
	w = warn_get(before);
	CHECK(w && strncmp(w, "content/x.md:3:136: warning: text typed in a legacy encoding (VNI)", 66) == 0);
	CHECK(w && strstr(w, "\"Chuû tòch Uyû ban") != NULL);
	CHECK(w && strstr(w, "congkhai fix-encoding --in-place content/x.md") != NULL);
	warn_clear();
	CHECK(hits("") == 0);
	CHECK_STR(fix("", NULL), "");
	CHECK_STR(fix("\n\n", NULL), "\n\n");
	/* long words and long lines are fine */
	{
		char big[3000];
		size_t i;
		for (i = 0; i + 1 < sizeof big; i++)
			big[i] = "aù"[i % 3];
		big[sizeof big - 1] = '\0';
		CHECK(hits(big) == 0);
	}
}

/* A word's verdict is kept by its bytes: a text with more words than are
 * kept, and a legacy line many times over, read as each line alone. */
static void test_many_words(void)
{
	const char line[] = "Chuû tòch Uyû ban nhaân daân phòõng\n";
	buf_t t = BUF_INIT;
	vni_hit *one, *h;
	size_t none, n, i;

	CHECK(vni_scan(line, sizeof line - 1, &one, &none) == 0 && none == 1);
	/* 2,000 different words with a Latin-1 letter first, one a line */
	for (i = 0; i < 2000; i++)
		buf_printf(&t, "%c%c%cé\n", 'a' + (int)(i % 26), 'a' + (int)(i / 26 % 26), 'a' + (int)(i / 676));
	buf_puts(&t, line);
	CHECK(vni_scan(t.ptr, t.len, &h, &n) == 0);
	CHECK(n == 1);
	if (n == 1 && none == 1) {
		CHECK(h[0].line == 2001);
		CHECK(h[0].col == one[0].col && h[0].len == one[0].len);
		CHECK(h[0].words == one[0].words && h[0].enc == one[0].enc);
	}
	free(h);
	/* the same line 50 times: 50 hits, alike */
	buf_reset(&t);
	for (i = 0; i < 50; i++)
		buf_puts(&t, line);
	CHECK(vni_scan(t.ptr, t.len, &h, &n) == 0);
	CHECK(n == 50);
	for (i = 0; i < n && none == 1; i++)
		CHECK(h[i].line == (int)i + 1 && h[i].words == one[0].words && h[i].enc == one[0].enc);
	free(h);
	free(one);
	buf_free(&t);
}


/* ---- the quick pass of vni_scan() against vni_scan_full() ---- */

static uint64_t rng = 0x9E3779B97F4A7C15ull;

static unsigned rnd(unsigned n)
{
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return (unsigned)((rng * 0x2545F4914F6CDD1Dull) >> 33) % n;
}

#define PICK(a) (a)[rnd(sizeof (a) / sizeof *(a))]

/* correct Vietnamese (NFC and NFD), as typed in the seed files */
static const char *const p_vi[] = {
	"Chủ", "tịch", "Ủy", "ban", "nhân", "dân", "phường", "công", "hành", "chính", "các", "toàn",
	"yêu", "cầu", "với", "những", "nội", "dung", "hòa", "hoà", "khoẻ", "thuỷ", "quý", "già",
	"giúp", "CỘNG", "HÒA", "XÃ", "HỘI", "Đắk", "Lắk", "Ý", "Yên", "tháng", "năm", "được", "thể",
	"Chu\xCC\x89", "ti\xCC\xA3\x63h", "U\xCC\x89y", "đâu", "nghiêng", "NGHIÊNG", "tòa", "gì", "ý",
};
/* VNI-Windows read as Windows-1252, some damaged (seed 003) */
static const char *const p_vni[] = {
	"Chuû", "tòch", "Uyû", "nhaân", "daân", "phòõng", "yeâu", "caàu", "toaøn", "theỏ", "caùn",
	"boỏ", "coâng", "vieân", "caùc", "ngaõnh", "ñoàøn", "cuûa", "toỏ", "chòùc", "phaùt", "ñoàng",
	"vôùi", "nhữõng", "noãi", "cuûi", "Coäng", "hoøa", "xaõ", "hoäi", "chuû", "nghóa", "Vieät",
	"Ñoäc", "laäp", "Töï", "Haïnh", "phuùc", "ngöôøi", "tröôùc", "AÙ", "COÄNG", "HOØA", "aù",
};
/* TCVN3 read as Windows-1252 */
static const char *const p_tcvn3[] = {
	"Céng", "hoµ", "x·", "héi", "chñ", "nghÜa", "ViÖt", "§éc", "lËp", "Tù", "H¹nh", "phóc", "Uû",
	"nh©n", "d©n", "Ph\xC2\xADíc", "Léc", "CéNG", "HOµ", "X·", "HéI", "§¹i", "hoµn",
};
/* other languages, symbols, ASCII */
static const char *const p_other[] = {
	"où", "Où", "café", "naïve", "Müller", "über", "señor", "São", "Noël", "garçon", "déjà",
	"©", "°C", "±", "«", "»", "½", "\xC2\xA0", "–", "“", "”", "the", "one", "CCHC", "UBND", "2024",
	"26/KH", "a", "é", "ý", "x", "ß", "×", "÷", "ÿ", "þ", "ð", "Æ", "æ", "¿", "¡",
};
/* edges of UTF-8 and of word_cp(): invalid, overlong, surrogate, truncated,
 * just inside and just outside the ranges of word code points */
static const char *const p_odd[] = {
	"\xC3", "\xC2", "\xC3\x28", "\xC2\x80", "\xC2\xA0", "\xC2\xA1", "\xC2\xBF", "\xC0\xAF",
	"\xC1\xBF", "\xE0\x80\xAF", "\xE0\xA0\x80", "\xED\xA0\x80", "\xE1\xBA", "\xE1\xBA\xA1",
	"\xE1\xB7\xBF", "\xE1\xB8\x80", "\xE1\xBB\xBF", "\xE1\xBC\x80", "\xE1\xB8", "\xC9\x8F",
	"\xC9\x90", "\xCC\x80", "\xCC\x81", "\xCD\xAF", "\xCD\xB0", "\xCB\xBF", "\xC8\xA7",
	"\xF0\x9F\x98\x80", "\xF0\x9F\x98", "\xF4\x90\x80\x80", "\x80", "\xBF", "\xA9", "\xB8",
	"\xFF", "\xFE", "\xF8\x88\x80\x80\x80", "\xE2\x80\x93", "\xEF\xBB\xBF", "\xDF\xBF",
	"\xC4\x91", "\xC6\xB0", "\xC6\xA1", "\xC3\xC3", "\xDF\xC2", "\xC3\xE1\xBA", "\x01", "@", "[",
	"`", "{", "Z", "z", "A",
};
static const char *const p_sep[] = { " ", " ", " ", " ", ", ", ". ", "\n", "\n", "\t", "", "", "-", "\r\n", "\xC2\xA0", "0" };

/* A random letter for a random word: ASCII, Latin-1, Vietnamese. */
static void put_letter(buf_t *t)
{
	static const char *const vi[] = { "ă", "â", "đ", "ê", "ô", "ơ", "ư", "ạ", "ả", "ấ", "ầ", "ệ", "ộ", "ớ", "ự", "Ă", "Đ", "Ơ", "Ư" };
	unsigned c = rnd(10);

	if (c < 5)
		buf_putc(t, (char)((rnd(2) ? 'a' : 'A') + rnd(26)));
	else if (c < 8)
		buf_printf(t, "\xC3%c", (char)(0x80 + rnd(64)));
	else if (c < 9)
		buf_printf(t, "\xC2%c", (char)(0xA1 + rnd(31)));
	else
		buf_puts(t, PICK(vi));
}

/* A random text of pieces, separators, random words and random bytes. */
static void random_text(buf_t *t)
{
	unsigned n = rnd(40), i, k;

	buf_reset(t);
	for (i = 0; i < n; i++) {
		unsigned c = rnd(100);
		if (c < 25)
			buf_puts(t, PICK(p_vi));
		else if (c < 50)
			buf_puts(t, PICK(p_vni));
		else if (c < 60)
			buf_puts(t, PICK(p_tcvn3));
		else if (c < 70)
			buf_puts(t, PICK(p_other));
		else if (c < 80)
			buf_puts(t, PICK(p_odd));
		else if (c < 95)
			for (k = 1 + rnd(8); k > 0; k--)
				put_letter(t);
		else
			buf_putc(t, (char)(1 + rnd(255)));
		if (rnd(4))
			buf_puts(t, PICK(p_sep));
	}
	/* now and then a line twice, a byte changed, or the end cut */
	if (t->len && rnd(8) == 0) {
		buf_t tail = BUF_INIT;
		size_t a = rnd((unsigned)t->len);
		buf_put(&tail, t->ptr + a, t->len - a);
		buf_put(t, tail.ptr, tail.len);
		buf_free(&tail);
	}
	if (t->len && rnd(6) == 0)
		t->ptr[rnd((unsigned)t->len)] = (char)(1 + rnd(255));
	if (t->len && rnd(6) == 0)
		buf_truncate(t, rnd((unsigned)t->len));
}

static int same_hits(const vni_hit *x, size_t nx, const vni_hit *y, size_t ny)
{
	size_t i;

	if (nx != ny)
		return 0;
	for (i = 0; i < nx; i++)
		if (x[i].line != y[i].line || x[i].col != y[i].col || x[i].off != y[i].off ||
		    x[i].len != y[i].len || x[i].words != y[i].words || x[i].enc != y[i].enc)
			return 0;
	return 1;
}

/* vni_scan() (the quick pass, the per-thread cache) gives what
 * vni_scan_full() (every line read, every word judged afresh) gives, on
 * 30,000 random texts; the cache fills and turns over on the way. */
static void test_quick_pass(void)
{
	buf_t t = BUF_INIT;
	size_t i, j, flagged = 0, hits_all = 0, failed = 0;

	for (i = 0; i < 30000; i++) {
		vni_hit *quick = NULL, *full = NULL;
		size_t nq = 0, nf = 0;
		int rq, rf;
		random_text(&t);
		rq = vni_scan(t.ptr, t.len, &quick, &nq);
		rf = vni_scan_full(t.ptr, t.len, &full, &nf);
		if (rq != 0 || rf != 0 || !same_hits(quick, nq, full, nf)) {
			if (failed++ == 0) {
				fprintf(stderr, "quick pass differs (%zu and %zu hits) on:", nq, nf);
				for (j = 0; j < t.len; j++)
					fprintf(stderr, " %02X", (unsigned char)t.ptr[j]);
				fprintf(stderr, "\n");
			}
		}
		flagged += nf > 0;
		hits_all += nf;
		free(quick);
		free(full);
	}
	CHECK(failed == 0);
	/* the texts were of both kinds */
	CHECK(flagged > 3000 && flagged < 27000);
	CHECK(hits_all > flagged);
	buf_free(&t);
}

/* One text of test_quick_edges(): the quick pass against the full scan;
 * counts the text, whether the full scan flagged it, and a difference. */
static void quick_vs_full(const buf_t *t, size_t *texts, size_t *flagged, size_t *failed)
{
	vni_hit *quick = NULL, *full = NULL;
	size_t nq = 0, nf = 0;

	if (vni_scan(t->ptr, t->len, &quick, &nq) != 0 || vni_scan_full(t->ptr, t->len, &full, &nf) != 0 ||
	    !same_hits(quick, nq, full, nf))
		if ((*failed)++ == 0)
			fprintf(stderr, "quick pass differs on \"%s\"\n", t->ptr);
	(*texts)++;
	*flagged += nf > 0;
	free(quick);
	free(full);
}

/* The same on lines made to trip the quick pass: two legacy words glued to
 * each edge piece (before, after, both, after a letter), the pair at every
 * alignment and at the very end of the text, words with only a C2 byte
 * pair (TCVN3). */
static void test_quick_edges(void)
{
	static const char *const words[] = {
		"Chuû", "tòch", "x·", "d©n", "¡n", "¡m", "Céng", "hoµ", "où", "aù", "nhöõng", "ngöôøi",
		"tröôùc", "Ph\xC2\xADíc", "H¹nh", "COÄNG",
	};
	buf_t t = BUF_INIT, pre = BUF_INIT;
	size_t e, i, j, f, k, texts = 0, flagged = 0, failed = 0;

	for (e = 0; e <= sizeof p_odd / sizeof *p_odd + sizeof p_other / sizeof *p_other; e++) {
		const char *x = e == 0 ? "" : e <= sizeof p_odd / sizeof *p_odd ? p_odd[e - 1]
			: p_other[e - 1 - sizeof p_odd / sizeof *p_odd];
		for (i = 0; i < sizeof words / sizeof *words; i++)
			for (j = 0; j < sizeof words / sizeof *words; j++)
				for (f = 0; f < 5; f++) {
					buf_reset(&t);
					if (f == 0)
						buf_printf(&t, "%s%s %s%s", x, words[i], x, words[j]);
					else if (f == 1)
						buf_printf(&t, "%s%s %s%s", words[i], x, words[j], x);
					else if (f == 2)
						buf_printf(&t, "%s%s%s %s%s%s", x, words[i], x, x, words[j], x);
					else if (f == 3)
						buf_printf(&t, "%s%s\n%s%s", words[i], x, x, words[j]);
					else
						buf_printf(&t, "a%s%s b%s%s", x, words[i], x, words[j]);
					quick_vs_full(&t, &texts, &flagged, &failed);
				}
	}
	/* every alignment of the eight-byte search, and the text's last bytes */
	for (k = 0; k < 40; k++)
		for (i = 0; i < sizeof words / sizeof *words; i++) {
			buf_reset(&pre);
			for (j = 0; j < k; j++)
				buf_putc(&pre, "ab c\xC3\xA1"[j % 6]);
			buf_reset(&t);
			buf_printf(&t, "%s %s %s", pre.ptr, words[i], words[(i + 1) % (sizeof words / sizeof *words)]);
			quick_vs_full(&t, &texts, &flagged, &failed);
		}
	CHECK(failed == 0);
	CHECK(flagged > texts / 4 && flagged < texts);
	/* the C2-only words are legacy words: a line of two is flagged */
	CHECK(hits("¡n ¡m") == 1);
	CHECK(hits("abcdefgh x· d©n") == 1);
	buf_free(&t);
	buf_free(&pre);
}

int main(void)
{
	test_vni_table();
	test_tcvn3_table();
	test_syllables();
	test_seed003();
	test_seed003_file();
	test_tcvn3_fix();
	test_untouched();
	test_errors_and_warnings();
	test_many_words();
	test_quick_pass();
	test_quick_edges();
	buf_free(&b);
	err_clear();
	return test_done("vni");
}

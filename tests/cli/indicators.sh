#!/bin/sh
# Indicator data end to end: data/*.sql loaded under data/schema.sql's
# constraints; /chi-tieu/, /chi-tieu/<id>/, /don-vi/, /don-vi/<id>/ and
# /xep-hang/ with the seeds' figures and their sources; sample data marked;
# a bad row fails the build with its file and line and leaves public/ as it
# was; a site without the tables builds without the pages.
. "$(dirname "$0")/lib.sh"

S=$TMP/site
copy_example "$S"
run build --source "$S" --now 2026-11-21 --quiet; expect_rc 0 "example build"
P=$S/public
for f in chi-tieu/index.html chi-tieu/thanh-toan-truc-tuyen/index.html chi-tieu/ho-so-truc-tuyen/index.html \
	xep-hang/index.html don-vi/index.html don-vi/tuy-phuoc/index.html don-vi/phuoc-loc/index.html \
	don-vi/thac-mo/index.html; do
	expect_file "$P/$f" "indicator pages"
done
expect_grep "<loc>https://cchc-tuyphuoc.example/xep-hang/</loc>" "$P/sitemap.xml" "generated pages in the sitemap"

# --- /xep-hang/: the PAR INDEX of seed 001 with its source ---
X=$P/xep-hang/index.html
expect_grep "76,03/100" "$X" "PAR INDEX score, Vietnamese form"
expect_grep "10/11" "$X" "rank 10 of 11"
expect_grep "264/QĐ-UBND" "$X" "the decision that announced it"
expect_grep "31/01/2023" "$X" "the decision's date"
expect_grep "46,78/60" "$X" "component: reform work"
expect_grep "5,82/10" "$X" "component: survey"
expect_grep "23,43/30" "$X" "component: SIPAS"
expect_grep 'href="/van-ban/ke-hoach-cchc-2023/">Kế hoạch /KH-UBND' "$X" "source linked to the plan's page"
expect_grep "Giảm 3,09 điểm" "$X" "change against the year before"
expect_grep "năm trước xếp hạng 8/11" "$X" "rank the year before"
expect_grep '<td class="num">60</td>' "$X" "weight table from ranking_weights"
expect_grep "76,67%" "$X" "SIPAS criterion rate"
expect_grep "≥ 90%" "$X" "SIPAS target"
expect_grep "≥ 80%" "$X" "SIPAS land target"
expect_grep '<svg' "$X" "bar chart"
expect_grep 'role="img"' "$X" "chart is an image with a title"
expect_grep '<caption>' "$X" "tables have captions"
expect_grep 'sample-tag' "$X" "sample rankings marked"
expect_grep 'du-lieu/rankings.csv' "$X" "open-data link to the rankings"
# the real 2022 row is not marked as sample (its cells up to the source)
expect_grep 'Kế hoạch /KH-UBND, năm 2023</a></td></tr>' "$X" "seed ranking row: its source, not marked sample"

# --- /chi-tieu/<id>/: the seeds' targets with their documents (a no-break
# space U+00A0 keeps "≥" and its number together) ---
I=$P/chi-tieu/thanh-toan-truc-tuyen/index.html
expect_grep "≥ 70%" "$I" "target of seed 000"
expect_grep "đạt 100%" "$I" "target of seed 001"
expect_grep "đạt 50%" "$I" "target of seeds 002, 003"
expect_grep 'href="/van-ban/cong-van-nang-cao-chat-luong-phong-ban-2022/">Công văn /UBND-NV' "$I" "seed 000 linked"
expect_grep 'href="/van-ban/thong-bao-ket-luan-hoi-nghi-cchc-y-yen-2022/">Thông báo /TB-UBND' "$I" "seed 002 linked"
expect_grep 'href="/van-ban/phat-dong-thi-dua-cchc-thac-mo-2024/">Công văn 46/UBND' "$I" "seed 003 linked"
expect_grep "Đạt từ 70% trở lên hồ sơ thủ tục hành chính" "$I" "the document's words"
expect_grep "Các xã, phường, thị trấn thuộc Huyện Ý Yên" "$I" "group target scope"
expect_grep "(số liệu mẫu)" "$I" "sample observations marked"
expect_grep "ck-chart-line" "$I" "line chart"
expect_grep "ck-chart-table" "$I" "chart's numbers as a table"
expect_grep "<th scope=\"row\">tháng 12/2024</th>" "$I" "values by period"
expect_grep "53/64" "$I" "numerator/denominator shown"
expect_grep "ind-not-reached" "$I" "not reached against 100%"
expect_grep 'du-lieu/observations.csv' "$I" "open-data link to the results"
D=$P/chi-tieu/ho-so-dung-han/index.html
expect_grep "Công văn /UBND-KSTT" "$D" "seed 004 target source"
expect_grep "≥ 95%" "$D" "seed 004 target"
L=$P/chi-tieu/index.html
expect_grep "ck-chart-spark" "$L" "sparklines"
expect_grep "ind-reached" "$L" "reached status"
expect_grep "Chưa có chỉ tiêu" "$L" "no target status"
expect_grep "≥ 360 hồ sơ" "$L" "count target"

# --- /don-vi/ ---
U=$P/don-vi/tuy-phuoc/index.html
expect_grep "30/06/2025" "$U" "the district's end date"
expect_grep "hai cấp" "$U" "the two-tier note"
expect_grep 'href="/van-ban/ke-hoach-cchc-2023/"' "$U" "documents it issued"
expect_grep "76,03/100" "$U" "its ranking"
expect_grep 'href="/don-vi/phuoc-loc/"' "$U" "its communes"
expect_grep 'href="/van-ban/phat-dong-thi-dua-cchc-thac-mo-2024/"' "$P/don-vi/thac-mo/index.html" "ward's document"
expect_no_grep "Văn bản do đơn vị ban hành" "$P/don-vi/phuoc-loc/index.html" "no documents of others"
expect_grep 'href="/don-vi/tuy-phuoc/"' "$P/don-vi/index.html" "unit list"

# --- the same input gives the same pages ---
run build --source "$S" --output "$TMP/again" --now 2026-11-21 --quiet; expect_rc 0 "second build"
check "deterministic indicator pages" [ "$(tree_sum "$P/chi-tieu")" = "$(tree_sum "$TMP/again/chi-tieu")" ]
check "deterministic ranking page" cmp -s "$X" "$TMP/again/xep-hang/index.html"

# --- hotlines (a table another part of the schema defines) on the unit's
# page: matched by the longest unit name its `unit` holds ---
if grep -q "CREATE TABLE hotlines" "$S/data/schema.sql"; then
	printf '%s\n' "INSERT INTO hotlines (unit, label, phone, source) VALUES ('UBND xã Phước Hòa', 'Một cửa thử', '0256 999 9999', 'sample');" \
		"INSERT INTO hotlines (unit, label, phone, source) VALUES ('Phòng Tư pháp huyện Tuy Phước', 'Tư pháp thử', '0256 999 9998', 'sample');" \
		>"$S/data/96-hotline-test.sql"
	run build --source "$S" --now 2026-11-21 --quiet; expect_rc 0 "build with test hotlines"
	expect_grep 'href="tel:02569999999">0256 999 9999</a>' "$P/don-vi/phuoc-hoa/index.html" "commune's hotline"
	expect_grep '0256 999 9998' "$P/don-vi/tuy-phuoc-tu-phap/index.html" "agency's hotline"
	expect_no_grep '0256 999 9998' "$P/don-vi/tuy-phuoc/index.html" "agency's hotline not the district's"
	expect_no_grep '0256 999 9999' "$P/don-vi/tuy-phuoc/index.html" "commune's hotline not the district's"
	rm "$S/data/96-hotline-test.sql"
	run build --source "$S" --now 2026-11-21 --quiet; expect_rc 0 "build again"
fi

# --- the page a figure's source names (dataviews.h): the one page with
# that number; of several, the one whose source is the row's source_file
# (none when no such page); with no page of that number, the first page
# whose source is the file ---
for x in a b; do
	printf '+++\ntitle = "Văn bản thử %s"\ndate = 2024-01-02\nnumber = "99/TEST"\nkind = "Quyết định"\nsource = "seeds/test-%s.txt"\n+++\nThử.\n' \
		"$x" "$x" >"$S/content/van-ban/test-$x.md"
done
printf '%s\n' "INSERT INTO targets (indicator, unit, period, value, comparison, note, source, source_file) VALUES ('so-hoa', 'phuoc-loc', '2030', 50, '>=', 'note-by-file-b', '99/TEST', 'seeds/test-b.txt');" \
	"INSERT INTO targets (indicator, unit, period, value, comparison, note, source, source_file) VALUES ('so-hoa', 'phuoc-loc', '2031', 50, '>=', 'note-two-pages', '99/TEST', NULL);" \
	"INSERT INTO targets (indicator, unit, period, value, comparison, note, source, source_file) VALUES ('so-hoa', 'phuoc-loc', '2032', 50, '>=', 'note-file-only', '98/NONE', 'seeds/test-a.txt');" \
	"INSERT INTO targets (indicator, unit, period, value, comparison, note, source, source_file) VALUES ('so-hoa', 'phuoc-loc', '2033', 50, '>=', 'note-one-page', '/KH-UBND', 'seeds/other.txt');" \
	>"$S/data/96-source-test.sql"
run build --source "$S" --now 2026-11-21 --quiet; expect_rc 0 "build with two pages of one number"
H=$P/chi-tieu/so-hoa/index.html
expect_grep '<td>note-by-file-b</td><td><a href="/van-ban/test-b/">Quyết định 99/TEST, 02/01/2024</a>' "$H" "several by number: the one with the file"
expect_grep '<td>note-two-pages</td><td>99/TEST</td>' "$H" "several by number, no file: not linked"
expect_grep '<td>note-file-only</td><td><a href="/van-ban/test-a/">' "$H" "no page by number: the page of the file"
expect_grep '<td>note-one-page</td><td><a href="/van-ban/ke-hoach-cchc-2023/">' "$H" "one page by number: that page"
rm "$S/data/96-source-test.sql" "$S/content/van-ban/test-a.md" "$S/content/van-ban/test-b.md"
run build --source "$S" --now 2026-11-21 --quiet; expect_rc 0 "build again"

# --- a bad row fails the build with file and line; public/ stays ---
before=$(tree_sum "$P")
bad() { # bad NAME LINE MESSAGE SQL: writes data/95-bad.sql, builds, checks
	printf '%s\n' "$4" >"$S/data/95-bad.sql"
	run build --source "$S" --now 2026-11-21
	expect_rc 1 "$1"
	expect_err "data/95-bad.sql:$2:" "$1: file and line"
	expect_err "$3" "$1: message"
}
bad "month 13" 1 "observations.period must be a year, quarter or month" \
"INSERT INTO observations (indicator, unit, period, value, source) VALUES ('so-hoa', 'phuoc-loc', '2023-13', 50, 'sample');"
bad "numerator alone" 3 "give both numerator and denominator" \
"

INSERT INTO observations (indicator, unit, period, value, numerator, source)
VALUES ('so-hoa', 'phuoc-loc', '2022-05', 50, 5, 'sample');"
bad "value against fraction" 2 "must equal 100 * numerator / denominator" \
"
INSERT INTO observations (indicator, unit, period, value, numerator, denominator, source) VALUES ('so-hoa', 'phuoc-loc', '2022-05', 60, 5, 10, 'sample');"
bad "comma decimal" 1 "must be a number written with a dot" \
"INSERT INTO observations (indicator, unit, period, value, source) VALUES ('so-hoa', 'phuoc-loc', '2022-05', '76,03', 'sample');"
bad "unknown unit" 1 "FOREIGN KEY constraint failed" \
"INSERT INTO observations (indicator, unit, period, value, source) VALUES ('so-hoa', 'khong-co', '2022-05', 50, 'sample');"
bad "unit and group" 1 "exactly one of unit and unit_group" \
"INSERT INTO targets (indicator, unit, unit_group, period, value, source) VALUES ('so-hoa', 'phuoc-loc', 'all', '2023', 50, 'sample');"
bad "bad comparison" 1 "targets.comparison must be" \
"INSERT INTO targets (indicator, unit, period, value, comparison, source) VALUES ('so-hoa', 'phuoc-loc', '2023', 50, '=>', 'sample');"
bad "no such day" 1 "units.valid_to must be a date" \
"INSERT INTO units (id, name, kind, valid_to, source) VALUES ('xa-mau', 'Xã Mẫu', 'commune', '2025-02-30', 'sample');"
bad "bad kind" 1 "units.kind must be" \
"INSERT INTO units (id, name, kind, source) VALUES ('xa-mau', 'Xã Mẫu', 'hamlet', 'sample');"
bad "rank beyond out_of" 1 "rankings.rank must be between 1 and out_of" \
"INSERT INTO rankings (index_name, year, unit, score, max_score, rank, out_of, source) VALUES ('PAR INDEX', 2020, 'tuy-phuoc', 70, 100, 12, 11, 'sample');"
bad "score beyond max" 1 "rankings.score must be a number between 0 and max_score" \
"INSERT INTO rankings (index_name, year, unit, score, max_score, source) VALUES ('PAR INDEX', 2020, 'tuy-phuoc', 101, 100, 'sample');"
bad "SQL syntax" 2 "syntax error" \
"SELECT 1;
INSERT INTO observations VALUES (;"
after=$(tree_sum "$P")
check "public/ unchanged after failed builds" [ "$before" = "$after" ]
check "no staging left" sh -c "! ls -d '$S'/public.staging-* 2>/dev/null"
rm "$S/data/95-bad.sql"

# --- a site without the tables builds without the pages ---
N=$TMP/nodata
copy_example "$N"
rm -rf "$N/data"
# pages whose query blocks read the tables go too
grep -rl '^```query' "$N/content" | xargs rm -f
run build --source "$N" --now 2026-11-21 --quiet; expect_rc 0 "build without data/"
check "no /chi-tieu/ without data" [ ! -e "$N/public/chi-tieu" ]
check "no /xep-hang/ without data" [ ! -e "$N/public/xep-hang" ]
mkdir "$N/data"
cp "$ROOT/data/schema.sql" "$N/data/"
run build --source "$N" --now 2026-11-21 --quiet; expect_rc 0 "build with empty tables"
check "no /don-vi/ with empty tables" [ ! -e "$N/public/don-vi" ]

# --- [data] db: the same data from a SQLite file ---
if command -v sqlite3 >/dev/null 2>&1; then
	B=$TMP/dbsite
	copy_example "$B"
	cat "$B"/data/schema.sql $(ls "$B"/data/*.sql | grep -v /schema.sql | sort) | sqlite3 "$B/cchc.db"
	rm -f "$B"/data/*.sql
	printf '\n[data]\ndb = "cchc.db"\n' >>"$B/site.toml"
	run build --source "$B" --now 2026-11-21 --quiet; expect_rc 0 "build from a .db file"
	expect_grep "76,03/100" "$B/public/xep-hang/index.html" "rankings from the .db file"
else
	echo "SKIP: sqlite3 command not installed; [data] db not tested"
fi

done_suite indicators

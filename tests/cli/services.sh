#!/bin/sh
# The citizen-service pages end to end: a copy of the example built with
# --now 2026-11-21 has a page per procedure, per field and per level, the
# hotline page with tel: links, the finance and apology pages; the apology
# window at its edges (site.toml [apologies] window_days); every text field
# from the data escaped (a procedure named <script>, a hotline label with
# <b>); legal bases linked to the document page with the same number; the
# errors for a bad window and for two codes that fold to one address.
. "$(dirname "$0")/lib.sh"

S=$TMP/site
P=$S/public
copy_example "$S"

# hostile text in every kind of row, written as staff would: a .sql file
cat >"$S/data/99-hostile.sql" <<'EOF'
INSERT INTO procedures (code, name, field, level, applicants, agency, result, steps, conditions, online_url, updated, source)
VALUES ('9.000001', '<script>alert(1)</script>', 'Thử <i>nghiệm</i>', 'mức độ 4',
	'<img src=x onerror=alert(2)>', '<b>Cơ quan</b> thử', '<u>kết quả</u>',
	'Bước 1: <script>alert(3)</script>' || char(10) || 'Bước 2: xong', '<em>điều kiện</em>',
	'https://dichvucong.gov.vn/"><script>alert(4)</script>', '2026-01-02', '<q>nguồn</q>');
INSERT INTO procedure_channels (procedure, channel, time_limit, time_days, fee, fee_amount) VALUES
	('9.000001', 'truc-tiep', '<i>3 ngày</i>', 3, '<b>phí</b>', 1000),
	('9.000001', 'truc-tuyen-toan-trinh', '3 ngày', 3, NULL, 0),
	('9.000001', 'buu-chinh', '4 ngày', 4, NULL, 25000);
INSERT INTO procedure_documents (procedure, name, form, originals, copies) VALUES
	('9.000001', '<img src=y onerror=alert(5)>', '<s>mẫu</s>', 1, 2);
INSERT INTO procedure_legal_basis (procedure, number, title, date, issuer) VALUES
	('9.000001', '60/2014/QH13', '</script><script>alert(6)</script>', '2014-11-20', '<b>Quốc hội</b>');
INSERT INTO hotlines (unit, label, phone, email, address, office_hours, purpose, source) VALUES
	('<b>Cơ quan</b> thử', '<b>Nhãn</b> nóng', '0256 111 2222', 'a"b@x.example', '<i>địa chỉ</i>', '<i>giờ</i>', '<i>việc</i>', 'sample'),
	('<b>Cơ quan</b> thử', 'Số có gạch', '0256-111-3333', NULL, NULL, NULL, NULL, 'sample'),
	('<b>Cơ quan</b> thử', 'Số lạ', 'javascript:alert(7)', NULL, NULL, NULL, NULL, 'sample');
INSERT INTO budget (unit, year, stage, kind, category, amount, decision, decision_date, source) VALUES
	('<b>Đơn vị</b>', 2026, 'du-toan', 'chi', '<script>alert(8)</script>', 1000000, '<i>1/QĐ</i>', '2026-01-05', 'sample'),
	('<b>Đơn vị</b>', 2026, 'chap-hanh', 'chi', '<script>alert(8)</script>', 500000, '<i>2/QĐ</i>', '2026-06-30', 'sample');
INSERT INTO apologies (dossier_code, procedure, agency, due_date, new_date, reason, published, source) VALUES
	('<b>HS-1</b>', '9.000001', '<i>cơ quan</i>', '2026-11-01', '2026-11-06', '<script>alert(9)</script>', '2026-11-20', 'sample'),
	('EDGE-31', '9.000001', 'x', '2026-10-01', '2026-10-02', 'x', '2026-10-21', 'sample'),
	('EDGE-FUTURE', '9.000001', 'x', '2026-10-01', '2026-10-02', 'x', '2026-11-22', 'sample');
EOF
# a document whose number is a legal basis of procedures
printf '+++\ntitle = "Luật Hộ tịch"\ndate = 2014-11-20\nnumber = "60/2014/QH13"\nkind = "Luật"\n+++\nVăn bản.\n' \
	>"$S/content/van-ban/luat-ho-tich.md"

run build --source "$S" --now 2026-11-21; expect_rc 0 "example build with services"

# --- a page per procedure, per field, per level ---
want=$(cat "$S"/data/*.sql | grep -c '^INSERT INTO procedures ')
got=$(ls -d "$P"/thu-tuc/[0-9]*/ 2>/dev/null | wc -l)
check "a page per procedure ($got of $want)" [ "$got" -eq "$want" ]
check "about 40 example procedures" [ "$want" -ge 41 ]
for f in index.html linh-vuc/chung-thuc/index.html linh-vuc/ho-tich/index.html linh-vuc/dat-dai/index.html \
	linh-vuc/dang-ky-kinh-doanh/index.html linh-vuc/lao-dong-thuong-binh-va-xa-hoi/index.html \
	linh-vuc/xay-dung/index.html linh-vuc/thu-i-nghiem-i/index.html \
	muc-do/toan-trinh/index.html muc-do/mot-phan/index.html muc-do/truc-tiep/index.html \
	1-001193/index.html 9-000001/index.html; do
	expect_file "$P/thu-tuc/$f" "procedure pages"
done
for f in duong-day-nong/index.html tai-chinh/index.html xin-loi/index.html xin-loi/luu-tru/index.html; do
	expect_file "$P/$f" "service pages"
done
expect_grep 'href="/thu-tuc/linh-vuc/ho-tich/">Hộ tịch <span class="term-count">(9)</span>' "$P/thu-tuc/index.html" "field count"
expect_grep 'href="/thu-tuc/9-000001/"' "$P/thu-tuc/muc-do/toan-trinh/index.html" "legacy mức độ 4 listed as toàn trình"
expect_grep 'mức độ 4' "$P/thu-tuc/9-000001/index.html" "legacy level still shown"
expect_grep '"@type":"GovernmentService"' "$P/thu-tuc/1-001193/index.html" "JSON-LD"
expect_grep '<script type="application/ld+json">' "$P/thu-tuc/1-001193/index.html" "JSON-LD block"
expect_grep 'href="/van-ban/luat-ho-tich/">60/2014/QH13</a>' "$P/thu-tuc/1-001193/index.html" "legal basis linked to its document"
expect_grep '<input type="checkbox"> <span>Tờ khai đăng ký khai sinh' "$P/thu-tuc/1-001193/index.html" "documents as a checklist"
expect_grep 'Qua dịch vụ bưu chính công ích' "$P/thu-tuc/1-001193/index.html" "postal channel"
expect_grep 'href="https://dichvucong.gov.vn/"' "$P/thu-tuc/1-001193/index.html" "online link"
expect_grep 'href="tel:02560000008"' "$P/thu-tuc/1-001193/index.html" "agency hotline on the procedure page"
expect_grep 'datetime="2025-07-15">15/07/2025' "$P/thu-tuc/1-001193/index.html" "last changed"
expect_grep '(số liệu mẫu)' "$P/thu-tuc/1-001193/index.html" "sample marked"
expect_grep '<loc>https://cchc-tuyphuoc.example/thu-tuc/1-001193/</loc>' "$P/sitemap.xml" "procedure in the sitemap"
expect_grep 'href="/thu-tuc/"' "$P/index.html" "menu links the procedures"

# --- hotlines: tel: links, refused numbers as text ---
H=$P/duong-day-nong/index.html
expect_grep 'href="tel:02560000000">0256 000 0000</a>' "$H" "tel: link, spaces stripped"
expect_grep 'href="tel:02560000001">0256.000.0001</a>' "$H" "tel: link, dots stripped"
expect_grep 'href="tel:+842560000003">+84 256 000 0003</a>' "$H" "tel: link keeps the leading +"
expect_grep 'Điện thoại: 0256-111-3333</p>' "$H" "a number with hyphens is text"
expect_no_grep 'tel:0256-111' "$H" "no tel: link for a refused number"
expect_no_grep 'href="javascript' "$H" "no javascript: link"
expect_no_grep 'tel:javascript' "$H" "no tel:javascript"
expect_grep 'javascript:alert(7)' "$H" "the refused number is shown as text"
expect_no_grep 'mailto:a&quot;b' "$H" "a strange address is not linked"
expect_grep 'tel:' "$P/index.html" "footer hotline from site.toml"

# --- every text field escaped, wherever it appears ---
for f in thu-tuc/index.html thu-tuc/9-000001/index.html thu-tuc/linh-vuc/thu-i-nghiem-i/index.html \
	thu-tuc/muc-do/toan-trinh/index.html xin-loi/index.html xin-loi/luu-tru/index.html; do
	expect_grep '&lt;script&gt;alert(1)&lt;/script&gt;' "$P/$f" "procedure name escaped in $f"
done
for f in duong-day-nong/index.html thu-tuc/9-000001/index.html; do
	expect_grep '&lt;b&gt;Nhãn&lt;/b&gt; nóng' "$P/$f" "hotline label escaped in $f"
done
for f in $(cd "$P" && find . -name '*.html'); do
	bad=
	for raw in '<script>alert(' '<b>Nhãn' '<b>Cơ quan' '<img src=' '<i>nghiệm' '<u>kết' '<em>điều' '<q>nguồn' \
		'<s>mẫu' '<i>3 ngày' '<b>phí' '<i>địa chỉ' '<b>Đơn vị' '<i>1/QĐ' '<b>HS-1' '<i>cơ quan' '<b>Quốc hội'; do
		grep -qF -- "$raw" "$P/$f" && bad="$bad '$raw'"
	done
	if [ -z "$bad" ]; then pass; else fail "raw$bad in $f"; fi
done
X=$P/thu-tuc/9-000001/index.html
for esc in '&lt;img src=x onerror=alert(2)&gt;' '&lt;b&gt;Cơ quan&lt;/b&gt; thử' '&lt;u&gt;kết quả&lt;/u&gt;' \
	'Bước 1: &lt;script&gt;alert(3)&lt;/script&gt;' '&lt;em&gt;điều kiện&lt;/em&gt;' '&lt;img src=y onerror=alert(5)&gt;' \
	'&lt;s&gt;mẫu&lt;/s&gt;' '&lt;/script&gt;&lt;script&gt;alert(6)&lt;/script&gt;' '&lt;i&gt;3 ngày&lt;/i&gt;' \
	'&lt;b&gt;phí&lt;/b&gt;' '&lt;i&gt;địa chỉ&lt;/i&gt;' '\u003cscript>alert(1)\u003c/script>'; do
	expect_grep "$esc" "$X" "escaped on the procedure page"
done
expect_no_grep 'alert(4)' "$X" "an online_url with quotes is not linked"
expect_grep 'Miễn phí' "$X" "fee 0 shows as free"
expect_grep '25.000 đồng' "$X" "fee amount in Vietnamese form"
expect_grep '&lt;script&gt;alert(8)&lt;/script&gt;' "$P/tai-chinh/index.html" "budget category escaped"
expect_grep '&lt;script&gt;alert(9)&lt;/script&gt;' "$P/xin-loi/index.html" "apology reason escaped"
check "one JSON-LD block, no other script" [ "$(grep -c '<script' "$X")" -eq 1 ]

# --- finance ---
F=$P/tai-chinh/index.html
expect_grep '<h2>UBND huyện Tuy Phước</h2>' "$F" "finance per unit"
expect_grep 'Năm 2024' "$F" "finance per year"
expect_grep '<td class="num" data-label="Tỷ lệ thực hiện">80%</td>' "$F" "execution rate"
expect_grep '97.500 (65%)' "$F" "investment disbursement against plan"
expect_grep '4502/QĐ-UBND ngày <time datetime="2024-12-26">26/12/2024</time>' "$F" "the decision and its date"
expect_grep '<svg' "$F" "a chart"
expect_grep 'href="/du-lieu/"' "$F" "downloads"
expect_grep '(số liệu mẫu)' "$F" "sample marked"

# --- apologies: the 30-day window at its edges (--now 2026-11-21) ---
C=$P/xin-loi/index.html
A=$P/xin-loi/luu-tru/index.html
expect_grep '000.31.22.H08-261109-0012' "$C" "published today (day 0) is current"
expect_grep '000.31.22.H08-261012-0021' "$C" "day 29 is current"
expect_no_grep '000.31.22.H08-261012-0021' "$A" "day 29 is not archived"
expect_grep '000.31.22.H08-261005-0033' "$A" "day 30 is archived"
expect_no_grep '000.31.22.H08-261005-0033' "$C" "day 30 is not current"
expect_grep 'EDGE-31' "$A" "day 31 is archived"
expect_no_grep 'EDGE-FUTURE' "$C" "tomorrow's apology not listed yet"
expect_no_grep 'EDGE-FUTURE' "$A" "tomorrow's apology not archived"
expect_grep '1 apology is published after the build date' "$TMP/err" "a warning names the future apology"
expect_grep '<td data-label="Số ngày trễ">7</td>' "$C" "days late computed"
expect_grep 'niêm yết đến hết ngày 21/11/2026' "$C" "the last day listed of a day-29 apology is today"
for f in "$C" "$A"; do
	for w in 'Nguyễn' 'Trần' ' ông ' ' bà ' 'Ông ' 'Bà '; do
		expect_no_grep "$w" "$f" "no personal names ($w)"
	done
done

# --- window_days from site.toml ---
sed 's/^window_days = 30$/window_days = 7/' "$S/site.toml" >"$TMP/s.toml" && cp "$TMP/s.toml" "$S/site.toml"
run build --source "$S" --now 2026-11-21 --quiet; expect_rc 0 "build with window_days = 7"
expect_grep 'Mỗi thư được niêm yết 7 ngày' "$C" "window shown"
expect_grep '&lt;b&gt;HS-1&lt;/b&gt;' "$C" "day 1 current with 7 days"
expect_grep '000.31.22.H08-261103-0047' "$A" "day 7 archived with 7 days"
expect_no_grep '000.31.22.H08-261103-0047' "$C" "day 7 not current with 7 days"
sed 's/^window_days = 7$/window_days = 0/' "$S/site.toml" >"$TMP/s.toml" && cp "$TMP/s.toml" "$S/site.toml"
before=$(tree_sum "$P")
run build --source "$S" --now 2026-11-21 --quiet; expect_rc 1 "window_days = 0 refused"
expect_err "site.toml:" "bad window names site.toml"
expect_err "window_days must be a whole number of days" "bad window message"
check "public/ unchanged after the failed build" [ "$before" = "$(tree_sum "$P")" ]
sed 's/^window_days = 0$/window_days = 30/' "$S/site.toml" >"$TMP/s.toml" && cp "$TMP/s.toml" "$S/site.toml"

# --- two codes that fold to one address ---
printf "INSERT INTO procedures (code, name, field, level, agency, source) VALUES ('9.A', 'a', 'x', 'một phần', 'y', 'sample'), ('9.a', 'b', 'x', 'một phần', 'y', 'sample');\n" \
	>"$S/data/99-zz.sql"
run build --source "$S" --now 2026-11-21 --quiet; expect_rc 1 "codes sharing an address refused"
expect_err "would share the address /thu-tuc/9-a/" "address clash message"
rm "$S/data/99-zz.sql"

# --- a site without the service tables writes no service pages ---
B=$TMP/bare
mkdir -p "$B/content"
cp -r "$ROOT/themes" "$ROOT/site.toml" "$B/"
printf '+++\ntitle = "Trang chủ"\n+++\n' >"$B/content/_index.md"
run build --source "$B" --now 2026-11-21 --quiet; expect_rc 0 "build without data"
check "no /thu-tuc/ without data" [ ! -e "$B/public/thu-tuc" ]
check "no /xin-loi/ without data" [ ! -e "$B/public/xin-loi" ]

done_suite services

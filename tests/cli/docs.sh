#!/bin/sh
# Documents end to end: citations linked both ways, the cited documents not
# published, the replaced decree's note, legal force from front matter,
# documents by year, JSON-LD, the 2023 plan's task tracker (and a deadline
# edge), bodies read in NFC and the same citations on 1 and 4 threads, the
# legacy-encoding warning, and fix-encoding on seed 003.
. "$(dirname "$0")/lib.sh"

S=$TMP/site
P=$S/public
V=$P/van-ban
copy_example "$S"
run build --source "$S" --now 2026-11-21; expect_rc 0 "example build"

# --- the build warns about seed 003's legacy-encoded lines, with path:line:col ---
expect_err "content/van-ban/phat-dong-thi-dua-cchc-thac-mo-2024.md:36:136: warning: text typed in a legacy encoding (VNI)" "VNI warning, first passage"
expect_err "phat-dong-thi-dua-cchc-thac-mo-2024.md:44:22: warning: text typed in a legacy encoding (VNI)" "VNI warning, second passage"
n=$(printf '%s\n' "$ERR" | grep -c "legacy encoding")
check "only seed 003's two passages are flagged" [ "$n" -eq 2 ]

# --- citations: seeds cite documents the site does not publish ---
D003=$V/phat-dong-thi-dua-cchc-thac-mo-2024/index.html
D004=$V/cong-van-nhiem-vu-cchc-binh-dinh-2020/index.html
D001=$V/ke-hoach-cchc-2023/index.html
D000=$V/cong-van-nang-cao-chat-luong-phong-ban-2022/index.html
expect_grep '<span class="cited">Nghị định 61/2018/NĐ-CP ngày 23/4/2018</span> <span class="legal-note">(đã được thay thế bởi 118/2025/NĐ-CP)</span>' "$D003" "replaced decree noted in seed 003"
expect_grep '<span class="cited">Nghị định số 61/2018/NĐ-CP ngày 23 tháng 4 năm 2018</span> <span class="legal-note">(đã được thay thế bởi 118/2025/NĐ-CP)</span>' "$D004" "replaced decree noted in seed 004"
expect_grep '<span class="cited">kế hoạch số 26/KH – UBND ngày 11/4/2024</span>' "$D003" "spaced dash symbol marked"
expect_grep '<span class="cited">Văn bản số 1785/SNV-XDCQ&amp;CTTN ngày 21/10/2022</span>' "$D000" "symbol with & marked"
expect_grep '<span class="cited">Thông báo số 43/TB-UBND ngày 08/3/2023</span>' "$D001" "seed 001 cites 43/TB-UBND"
expect_grep "<h2>Căn cứ / Thực hiện</h2>" "$D001" "cites section"
expect_grep "<h2>Được dẫn chiếu bởi</h2>" "$D003" "backlinks section"
expect_grep "Chưa có văn bản nào trên trang dẫn chiếu văn bản này." "$D003" "no backlinks yet in the seeds"
expect_grep "Văn bản chưa có số nên chưa được dẫn chiếu." "$D001" "a draft cannot be cited"

# the cited documents not published, each with the pages citing it
C=$V/da-dan-chieu/index.html
expect_file "$C" "cited documents page"
for id in vb-43-tb-ubnd-2023 vb-61-2018-nd-cp vb-64a-kh-ubnd-2021 vb-6090-ubnd-th-2022 vb-1785-snv-xdcq-cttn-2022 vb-91-kh-ubnd-2021 vb-45-kh-ubnd-2022 vb-264-qd-ubnd-2023 vb-26-kh-ubnd-2024; do
	expect_grep "id=\"$id\"" "$C" "cited page lists $id"
done
block() { sed -n "/id=\"$1\"/,/<\/ul>/p" "$C"; }
check "43/TB-UBND listed with the plan citing it" sh -c "$(printf "sed -n '/id=\"vb-43-tb-ubnd-2023\"/,/<\\\\/ul>/p' '%s' | grep -q 'href=\"/van-ban/ke-hoach-cchc-2023/\"'" "$C")"
n=$(block vb-64a-kh-ubnd-2021 | grep -c '<li><a href=')
check "64a/KH-UBND cited by two documents" [ "$n" -eq 2 ]
n=$(block vb-61-2018-nd-cp | grep -c '<li><a href=')
check "61/2018/NĐ-CP cited by two documents" [ "$n" -eq 2 ]
check "61/2018/NĐ-CP shown replaced" sh -c "$(printf "sed -n '/id=\"vb-61-2018-nd-cp\"/,/<\\\\/ul>/p' '%s' | grep -q 'đã được thay thế bởi 118/2025/NĐ-CP'" "$C")"
expect_grep 'href="/van-ban/da-dan-chieu/#vb-43-tb-ubnd-2023"' "$D001" "cites list links to the cited page"
expect_no_grep "vb-46-ubnd" "$C" "a held document is not listed as unpublished"

# --- documents by year ---
expect_file "$V/nam/index.html" "years index"
for y in 2020 2022 2023 2024; do expect_file "$V/nam/$y/index.html" "year $y"; done
expect_grep 'href="/van-ban/phat-dong-thi-dua-cchc-thac-mo-2024/"' "$V/nam/2024/index.html" "2024 lists seed 003"
expect_no_grep 'ke-hoach-cchc-2023' "$V/nam/2024/index.html" "2024 lists no 2023 document"
expect_grep 'href="/van-ban/nam/2023/"' "$V/index.html" "documents list links the years"
expect_grep 'href="/van-ban/da-dan-chieu/"' "$V/index.html" "documents list links the cited page"

# --- JSON-LD ---
expect_grep '<script type="application/ld+json">{"@context":"https://schema.org","@type":"Legislation"' "$D003" "JSON-LD"
expect_grep '"legislationIdentifier":"46/UBND","legislationDate":"2024-07-16","legislationType":"Công văn","legislationPassedBy":{"@type":"GovernmentOrganization","name":"UBND phường Thác Mơ"},"legislationLegalForce":"https://schema.org/InForce"' "$D003" "JSON-LD fields"
expect_grep '"creativeWorkStatus":"Draft","legislationDate":"2023"' "$D001" "a draft's JSON-LD"

# --- the 2023 plan's tasks ---
T=$V/ke-hoach-cchc-2023/nhiem-vu/index.html
expect_file "$T" "task tracker"
expect_grep 'href="/van-ban/ke-hoach-cchc-2023/nhiem-vu/"' "$D001" "the plan links its tracker"
expect_grep "tổng số nhiệm vụ 72;" "$T" "72 tasks"
expect_grep '<th class="col-title" scope="row">Phòng Nội vụ</th>' "$T" "an agency row"
check "Phòng Nội vụ: 7 tasks, 2 due, 5 overdue" sh -c "grep -A4 'scope=\"row\">Phòng Nội vụ</th>' '$T' | tr -d '\\n' | grep -q '>7</td>.*>0</td>.*>2</td>.*>5</td>'"
expect_grep '<h3 id="han-2023-04">tháng 4/2023</h3>' "$T" "grouped by deadline month"
expect_grep '<h3 id="han-recurring">Thường xuyên, định kỳ</h3>' "$T" "recurring tasks"
expect_grep 'Quý III/2023 (<time datetime="2023-09-30">30/09/2023</time>)' "$T" "a quarter read into its last day"
expect_grep 'Hoàn thành trước ngày 15/4/2023 (<time datetime="2023-04-14">14/04/2023</time>)' "$T" "'before' read into the day before"
over() { sed -n 's/.*>Quá hạn \([0-9]*\)<\/span>.*/\1/p' "$1" | head -n 1; }
n1=$(over "$T")
# the deadline edge: tasks due by 30/04/2023 are due on that day, overdue the day after
run build --source "$S" --now 2023-04-30 --quiet; expect_rc 0 "build on 2023-04-30"
a=$(over "$T")
run build --source "$S" --now 2023-05-01 --quiet; expect_rc 0 "build on 2023-05-01"
b=$(over "$T")
check "overdue grows after the deadline day ($a -> $b)" [ "$b" -gt "$a" ]
check "all dated tasks overdue by 2026 ($n1)" [ "$n1" -eq 27 ]
expect_grep "tính đến ngày <time datetime=\"2023-05-01\">01/05/2023</time>" "$T" "status as of the build date"

# --- documents that cite each other (the seeds do not: add two) ---
cat >"$S/content/van-ban/thu-dan-chieu.md" <<'EOF'
+++
title = "Kiểm tra việc thực hiện phong trào thi đua"
number = "12/UBND"
kind = "Công văn"
issuer = "UBND phường Thác Mơ"
date = 2024-09-02
+++

Thực hiện Công văn số 46/UBND ngày 16/7/2024 của Ủy ban nhân dân phường Thác Mơ; theo Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ. Công văn số 46 nói trên yêu cầu ... Công văn số 46/UBND ngày 01/01/2020 là văn bản khác.
EOF
cat >"$S/content/van-ban/nghi-dinh-118.md" <<'EOF'
+++
title = "Nghị định về thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông"
number = "118/2025/NĐ-CP"
kind = "Nghị định"
issuer = "Chính phủ"
date = 2025-06-09
replaces = ["61/2018/NĐ-CP"]
+++

Văn bản thử.
EOF
run build --source "$S" --now 2026-11-21 --quiet; expect_rc 0 "build with documents citing each other"
N=$V/thu-dan-chieu/index.html
expect_grep '<a class="cite" href="/van-ban/phat-dong-thi-dua-cchc-thac-mo-2024/">Công văn số 46/UBND ngày 16/7/2024</a>' "$N" "a held document is linked"
expect_grep '<a class="cite" href="/van-ban/phat-dong-thi-dua-cchc-thac-mo-2024/">Công văn số 46</a>' "$N" "a short citation is linked"
expect_grep '<span class="cited">Công văn số 46/UBND ngày 01/01/2020</span>' "$N" "same number, another date: not linked"
expect_grep '(đã được thay thế bởi <a href="/van-ban/nghi-dinh-118/">118/2025/NĐ-CP</a>)' "$N" "the replacement is linked when held"
expect_grep '(đã được thay thế bởi <a href="/van-ban/nghi-dinh-118/">118/2025/NĐ-CP</a>)' "$D003" "also on the seeds"
check "backlink on the cited document" sh -c "sed -n '/Được dẫn chiếu bởi/,/<\\/ul>/p' '$D003' | grep -q 'href=\"/van-ban/thu-dan-chieu/\"'"
expect_grep "<h2>Văn bản này thay thế</h2>" "$V/nghi-dinh-118/index.html" "what a document replaces"
expect_grep '"citation":[{"@type":"Legislation","legislationIdentifier":"46/UBND","legislationType":"Công văn","url":"https://cchc-tuyphuoc.example/van-ban/phat-dong-thi-dua-cchc-thac-mo-2024/"}' "$N" "JSON-LD citation of a held document"
# legal force from front matter: a replaced document says so
printf '+++\ntitle = "Cũ"\nnumber = "7/KH-UBND"\nkind = "Kế hoạch"\ndate = 2021-01-04\nreplaced_by = "9/KH-UBND"\n+++\nx\n' >"$S/content/van-ban/cu.md"
run build --source "$S" --now 2026-11-21 --quiet; expect_rc 0 "build with replaced_by"
expect_grep '<p class="notice notice-legal"><strong>Văn bản này đã được thay thế bởi 9/KH-UBND.</strong></p>' "$V/cu/index.html" "replaced notice"
expect_grep '"legislationLegalForce":"https://schema.org/NotInForce"' "$V/cu/index.html" "not in force in JSON-LD"
# bad front matter and data: path:line:col, exit 1, nothing swapped in
before=$(tree_sum "$P")
printf '+++\ntitle = "Hỏng"\nnumber = "8/KH-UBND"\nreplaced_by = 5\n+++\nx\n' >"$S/content/van-ban/hong.md"
run build --source "$S" --now 2026-11-21; expect_rc 1 "replaced_by must be a number"
expect_err "content/van-ban/hong.md:4:15: error: 'replaced_by' must be a document number" "replaced_by error names line and column"
rm "$S/content/van-ban/hong.md"
printf "INSERT INTO legal_status (number, status, source) VALUES ('không phải số', 'in-force', 'x');\n" >"$S/data/99-bad.sql"
run build --source "$S" --now 2026-11-21; expect_rc 1 "legal_status number checked"
expect_err "legal_status: 'không phải số' is not a document number" "legal_status error"
rm "$S/data/99-bad.sql"
printf "INSERT INTO plan_task_groups VALUES ('/khong-co/', 'I', 1, 'X');\nINSERT INTO plan_tasks (plan, grp, item, content, action, agencies, deadline_text, source) VALUES ('/khong-co/', 'I', 1, 'a', 'b', 'c', 'Năm 2023', 'sample');\n" >"$S/data/99-bad.sql"
run build --source "$S" --now 2026-11-21; expect_rc 1 "a plan must be a page"
expect_err "plan_tasks: plan '/khong-co/' is not the address of a page" "plan error"
rm "$S/data/99-bad.sql"
after=$(tree_sum "$P")
check "public/ unchanged after failed builds" [ "$before" = "$after" ]

# --- bodies are read in NFC, and on several threads with the same result ---
# decomposed letters (NFD: e + U+0302 + U+0301) are composed before reading
printf '+++\ntitle = "Gõ kiểu tổ hợp"\nnumber = "13/UBND"\nkind = "Công văn"\ndate = 2024-09-03\n+++\n\nThực hiện Ke\314\202\314\201 hoạch số 891/KH-UBND ngày 05/3/2022 của UBND.\n' >"$S/content/van-ban/to-hop.md"
# only letters, quotes and dashes that are NFC as they are; and an arrow
printf '+++\ntitle = "Dấu ngoặc kép"\nnumber = "14/UBND"\nkind = "Công văn"\ndate = 2024-09-04\n+++\n\nTheo “Kế hoạch số 893/KH-UBND” – đã xong.\n' >"$S/content/van-ban/ngoac-kep.md"
printf '+++\ntitle = "Mũi tên"\nnumber = "15/UBND"\nkind = "Công văn"\ndate = 2024-09-05\n+++\n\nXem → Kế hoạch số 894/KH-UBND.\n' >"$S/content/van-ban/mui-ten.md"
# 40 documents (several jobs of docs.c's reading), each citing the one
# before it and 700/KH-UBND of one of three years, some also without a
# date (which resolves to a 700/KH-UBND made before): the cited documents
# are made in the pages' order whatever thread read which page
i=1
while [ $i -le 40 ]; do
	more=
	[ $((i % 5)) -eq 0 ] && more=" Kế hoạch số 700/KH-UBND nói trên."
	printf '+++\ntitle = "Quyết định %d"\nnumber = "%d/QĐ-UBND"\nkind = "Quyết định"\ndate = 2024-03-%02d\n+++\n\nCăn cứ Quyết định số %d/QĐ-UBND; Kế hoạch số 700/KH-UBND ngày 02/01/%d.%s\n' \
		$i $i $((i % 28 + 1)) $((i - 1)) $((2020 + i % 3)) "$more" >"$S/content/van-ban/qd-$i.md"
	i=$((i + 1))
done
run build --source "$S" --output "$TMP/d1" --now 2026-11-21 --quiet --jobs 1; expect_rc 0 "many documents, --jobs 1"
run build --source "$S" --output "$TMP/d4" --now 2026-11-21 --quiet --jobs 4; expect_rc 0 "many documents, --jobs 4"
check "the same site with 1 and 4 threads" [ "$(tree_sum "$TMP/d1")" = "$(tree_sum "$TMP/d4")" ]
expect_grep '<p>Thực hiện <span class="cited">Kế hoạch số 891/KH-UBND ngày 05/3/2022</span> của UBND.</p>' "$TMP/d4/van-ban/to-hop/index.html" "an NFD body is shown in NFC, its citation read with its type word"
expect_grep '“<span class="cited">Kế hoạch số 893/KH-UBND</span>” – đã xong' "$TMP/d4/van-ban/ngoac-kep/index.html" "a citation between quotes"
expect_grep 'Xem → <span class="cited">Kế hoạch số 894/KH-UBND</span>' "$TMP/d4/van-ban/mui-ten/index.html" "a citation after an arrow"
expect_grep '<a class="cite" href="/van-ban/qd-39/">Quyết định số 39/QĐ-UBND</a>' "$TMP/d4/van-ban/qd-40/index.html" "a document cites the one before"
C4=$TMP/d4/van-ban/da-dan-chieu/index.html
for y in 2020 2021 2022; do expect_grep "id=\"vb-700-kh-ubnd-$y\"" "$C4" "700/KH-UBND of $y"; done
n=$(sed -n '/id="vb-700-kh-ubnd-2021"/,/<\/ul>/p' "$C4" | grep -c '<li><a href=')
check "700/KH-UBND of 2021 cited by 14 documents ($n)" [ "$n" -eq 14 ]

# --- fix-encoding on seed 003 ---
F=$TMP/seed003.md
cp "$ROOT/content/van-ban/phat-dong-thi-dua-cchc-thac-mo-2024.md" "$F"
run fix-encoding "$F"; expect_rc 0 "fix-encoding to stdout"
printf '%s\n' "$OUT" >"$TMP/fixed.md"
expect_grep "Chủ tịch Ủy ban nhân dân phường yêu cầu toàn thể cán bộ công nhân viên" "$TMP/fixed.md" "seed 003's sentence converted"
expect_grep "4. Tập trung chỉ đạo các cách hành chính, trong đó" "$TMP/fixed.md" "item 4 converted"
n=$(diff "$F" "$TMP/fixed.md" | grep -c '^[<>]')
check "only the two legacy lines change ($n diff lines)" [ "$n" -eq 4 ]
expect_err "seed003.md:36:136: converted text typed in VNI" "converted line named"
cmp -s "$F" "$ROOT/content/van-ban/phat-dong-thi-dua-cchc-thac-mo-2024.md"; check "the file itself is untouched" [ $? -eq 0 ]
run fix-encoding --output "$TMP/out.md" "$F"; expect_rc 0 "fix-encoding --output"
check "--output writes the same text" cmp -s "$TMP/out.md" "$TMP/fixed.md"
run fix-encoding --in-place --quiet "$F"; expect_rc 0 "fix-encoding --in-place"
check "--in-place writes the same text" cmp -s "$F" "$TMP/fixed.md"
check "--quiet says nothing" [ -z "$ERR" ]
run fix-encoding "$F"; expect_rc 0 "fix-encoding again"
expect_err "no text in a legacy encoding found" "nothing left to convert"
# correct text stays byte for byte, in place too
for f in "$ROOT"/content/van-ban/*.md; do
	case $f in *thac-mo*) continue ;; esac
	cp "$f" "$TMP/x.md"
	run fix-encoding --in-place "$TMP/x.md"; expect_rc 0 "fix-encoding $(basename "$f")"
	check "$(basename "$f") unchanged" cmp -s "$f" "$TMP/x.md"
done
printf 'Céng hoµ x· héi chñ nghÜa ViÖt Nam\n' | "$CONGKHAI" fix-encoding - >"$TMP/tcvn3.txt" 2>/dev/null
expect_grep "Cộng hòa xã hội chủ nghĩa Việt Nam" "$TMP/tcvn3.txt" "TCVN3 from standard input"
printf 'Chu\373 t\362ch\n' >"$TMP/bad.md"
run fix-encoding "$TMP/bad.md"; expect_rc 1 "not UTF-8"
expect_err "bad.md: error: invalid UTF-8 at line 1, column 4" "invalid UTF-8 named"
run fix-encoding; expect_rc 2 "no file"
run fix-encoding --in-place --output x "$F"; expect_rc 2 "--in-place with --output"
run fix-encoding --nope "$F"; expect_rc 2 "unknown option"
run fix-encoding "$TMP/missing.md"; expect_rc 1 "missing file"
run help fix-encoding; expect_rc 0 "help fix-encoding"
check "help names --in-place" sh -c "printf '%s' \"$OUT\" | grep -q -- '--in-place'"

done_suite docs

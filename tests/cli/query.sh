#!/bin/sh
# ```query blocks end to end, on a copy of the example with a table of its
# own: the table (caption, header cells, Vietnamese numbers, escaping, the
# sample-data mark), charts (bar and line, target, gaps), and every kind of
# bad block failing at its line with the previous public/ intact.
. "$(dirname "$0")/lib.sh"

S=$TMP/site
P=$S/public
copy_example "$S"
cat >"$S/data/zz-query-test.sql" <<'SQL'
CREATE TABLE qt (thang TEXT, ty_le REAL, so INTEGER, nam INTEGER, ten TEXT, source TEXT);
INSERT INTO qt VALUES ('2026-08', 45.5, 1250000, 2026, 'Xã <b>A</b> & "B"', 'sample');
INSERT INTO qt VALUES ('2026-09', NULL, 7, 2026, 'Xã C', '12/BC-UBND');
INSERT INTO qt VALUES ('2026-10', 61.255, 0, 2026, '<script>alert(1)</script>', 'sample');
SQL
mkdir -p "$S/content/thu"
cat >"$S/content/thu/q.md" <<'MD'
+++
title = "Thử khối query"
+++

Bảng:

```query title="Bảng <thử> & 'x'"
SELECT thang AS "Tháng", ty_le AS "Tỷ lệ", so, nam, ten, source FROM qt ORDER BY thang
```

```query chart=bar x="Tháng" y="Tỷ lệ" unit="%" target=50 title="Cột"
SELECT thang AS "Tháng", ty_le AS "Tỷ lệ" FROM qt ORDER BY thang
```

```query chart=line x=thang y=ty_le,so decimals=1 target=92,5 min=0 max=100
SELECT thang, ty_le, so FROM qt ORDER BY thang
```

```query chart=bar x=thang y=ty_le
SELECT thang, ty_le FROM qt WHERE 0
```

```sql
SELECT 'an ordinary code block stays code'
```
MD
run build --source "$S" --now 2026-11-21 --quiet; expect_rc 0 "site with query blocks builds"
H=$P/thu/q/index.html
expect_file "$H" "page written"
expect_grep '<caption>Bảng &lt;thử&gt; &amp; &#39;x&#39;</caption>' "$H" "caption escaped"
expect_grep '<th scope="col">Tháng</th><th scope="col">Tỷ lệ</th>' "$H" "header cells with scope"
expect_grep '<td class="num">45,5</td>' "$H" "decimal comma"
expect_grep '<td class="num">1.250.000</td>' "$H" "thousands dots"
expect_grep '<td>2026</td>' "$H" "a year column as written"
expect_grep 'Xã &lt;b&gt;A&lt;/b&gt; &amp; &quot;B&quot;' "$H" "text escaped"
expect_no_grep '<script>alert' "$H" "no script from data"
expect_grep '<td class="sample-tag">(số liệu mẫu)</td>' "$H" "sample rows marked"
expect_grep '<td>12/BC-UBND</td>' "$H" "a real source as written"
expect_grep 'class="ck-query-note"' "$H" "sample note"
expect_grep '<td class="num">61,26</td>' "$H" "rounded to 2 decimals"
expect_grep 'role="img" aria-labelledby="ck-q11-t ck-q11-d"' "$H" "bar chart, ids from the line"
expect_grep '<title id="ck-q11-t">Cột</title>' "$H" "chart title"
expect_grep '<td class="num">45,5%</td>' "$H" "unit on the y column"
expect_grep 'Mục tiêu: 50%' "$H" "default target label"
expect_grep 'ck-chart-line' "$H" "line chart"
expect_grep 'Mục tiêu: 92,5' "$H" "target with a decimal comma"
expect_grep 'Không có số liệu.' "$H" "no rows"
expect_grep 'class="language-sql"' "$H" "other code blocks untouched"
if command -v python3 >/dev/null 2>&1; then
	check "charts parse as XML" python3 - "$H" <<'PY'
import re, sys, xml.etree.ElementTree as E
html = open(sys.argv[1], encoding="utf-8").read()
svgs = re.findall(r"<svg .*?</svg>", html, re.S)
assert len(svgs) == 2, len(svgs)
ids = re.findall(r' id="([^"]+)"', html)
assert len(ids) == len(set(ids)), "duplicate ids"
for s in svgs:
    E.fromstring(s)
PY
fi

# bad blocks: each fails at the fence's line (8 here), output untouched
before=$(tree_sum "$P")
bad() {
	# bad INFO SQL MESSAGE
	printf '+++\ntitle = "Hỏng"\n+++\n\nx\n\ny\n```%s\n%s\n```\n' "$1" "$2" >"$S/content/thu/hong.md"
	run build --source "$S" --now 2026-11-21
	expect_rc 1 "bad block: $1 / $2"
	expect_err "content/thu/hong.md:8:1: error: query block: $3" "message for: $1 / $2"
}
bad 'query' 'SELECT * FROM khong_co' 'no such table: khong_co'
bad 'query' 'SELEC 1' 'near "SELEC": syntax error'
bad 'query' 'SELECT 1; SELECT 2' 'a query block holds one statement'
bad 'query' '' 'the block is empty'
bad 'query' 'SELECT 1 AS a, 2 AS a' 'the result has two columns named "a"'
bad 'query chart=pie x=a y=b' 'SELECT 1 AS a, 2 AS b' "unknown chart type 'pie'"
bad 'query chart=bar x=a' 'SELECT 1 AS a, 2 AS b' 'chart=bar needs x=COLUMN and y=COLUMN'
bad 'query chart=bar x=a y=c' 'SELECT 1 AS a, 2 AS b' 'y="c" is not a column of the result; the columns are "a", "b"'
bad 'query chart=line x=z y=b' 'SELECT 1 AS a, 2 AS b' 'x="z" is not a column'
bad 'query chart=bar x=a y=b,a' 'SELECT 1 AS a, 2 AS b' 'chart=bar shows one y column'
bad 'query chart=bar x=a y=b' "SELECT 1 AS a, 'nhiều' AS b" 'y column "b" holds "nhiều" in row 1'
bad 'query chart=bar x=a y=b target=cao' 'SELECT 1 AS a, 2 AS b' 'target=cao is not a number'
bad 'query chart=bar x=a y=b min=0' 'SELECT 1 AS a, 2 AS b' 'give both min=N and max=N'
bad 'query x=a y=b' 'SELECT 1 AS a, 2 AS b' 'x, y, target, min and max are for charts'
bad 'query colour=red' 'SELECT 1' "unknown option 'colour'"
bad 'query title="a" title="b"' 'SELECT 1' "option 'title' is given twice"
bad 'query title="a' 'SELECT 1' "the value of 'title' has no closing"
bad 'query decimals=9' 'SELECT 1' 'decimals=9: give a whole number from 0 to 6'
bad 'query' 'SELECT :x' 'SQL parameter :x has no value'
after=$(tree_sum "$P")
check "public/ unchanged after bad blocks" [ "$before" = "$after" ]
rm -f "$S/content/thu/hong.md"

# more than 1000 rows is a warning, not an error
printf '+++\ntitle = "Dài"\n+++\n\n```query\nWITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1001) SELECT i FROM n\n```\n' >"$S/content/thu/dai.md"
run build --source "$S" --now 2026-11-21 --output "$TMP/dai"
expect_rc 0 "long query builds"
expect_err "content/thu/dai.md:5:1: warning: query block returns 1001 rows" "long query warned"

done_suite query

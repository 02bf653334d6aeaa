#!/bin/sh
# Open data end to end: the example portal's tables as CSV and JSON below
# /du-lieu/, the /du-lieu/ list, the data.json catalogue (its downloadURLs
# point at files that exist), and a query block that tries to write: the
# build fails at the block's line and public/ stays as it was.
. "$(dirname "$0")/lib.sh"

S=$TMP/site
P=$S/public
copy_example "$S"
run build --source "$S" --now 2026-11-21 --quiet; expect_rc 0 "example build"
D=$P/du-lieu
expect_file "$D/index.html" "open data page"
expect_file "$P/data.json" "catalogue"
for t in observations units indicators data_dictionary; do
	expect_file "$D/$t.csv" "CSV of $t"
	expect_file "$D/$t.json" "JSON of $t"
done

# every published table is listed, with its downloads
n=0
for f in "$D"/*.csv; do
	t=$(basename "$f" .csv)
	n=$((n + 1))
	expect_grep "id=\"bang-$t\"" "$D/index.html" "table $t listed"
	expect_grep "href=\"/du-lieu/$t.csv\"" "$D/index.html" "CSV link of $t"
	expect_grep "href=\"/du-lieu/$t.json\"" "$D/index.html" "JSON link of $t"
done
check "several tables published" [ "$n" -ge 5 ]
expect_grep "Kết quả thực hiện chỉ tiêu" "$D/index.html" "table title from data_dictionary"
expect_grep "Giá trị đo được" "$D/index.html" "column description from data_dictionary"
expect_grep "<td>REAL</td>" "$D/index.html" "SQL type shown"
expect_grep "dòng số liệu mẫu" "$D/index.html" "sample rows counted"
expect_grep "href=\"/data.json\"" "$D/index.html" "catalogue linked"

# CSV: the BOM, the header row, CRLF line ends
check "CSV starts with the UTF-8 BOM" sh -c "head -c 3 '$D/observations.csv' | od -An -tx1 | grep -q 'ef bb bf'"
check "CSV header row" sh -c "head -n 1 '$D/observations.csv' | grep -q '^.*indicator,unit,period,value,'"
check "CSV lines end in CRLF" sh -c "head -n 2 '$D/observations.csv' | od -An -c | tr -s ' ' | grep -q '\\\\r \\\\n'"

if command -v python3 >/dev/null 2>&1; then
	check "data.json is JSON" python3 -m json.tool "$P/data.json" /dev/null
	check "data.json: DCAT fields, downloadURLs to files that exist" python3 - "$P" <<'PY'
import json, os, sys
root = sys.argv[1]
cat = json.load(open(os.path.join(root, "data.json"), encoding="utf-8"))
base = "https://cchc-tuyphuoc.example/"
assert cat["dataset"], "no datasets"
kinds = set()
for ds in cat["dataset"]:
    for k in ("title", "description", "keyword", "modified", "publisher", "distribution"):
        assert k in ds, k
    assert ds["modified"] == "2026-11-21", ds["modified"]
    assert ds["publisher"]["name"] == "Ủy ban nhân dân huyện Tuy Phước"
    assert isinstance(ds["keyword"], list) and ds["keyword"]
    for d in ds["distribution"]:
        u = d["downloadURL"]
        assert u.startswith(base), u
        path = os.path.join(root, u[len(base):])
        assert os.path.isfile(path), path
        kinds.add(d["mediaType"])
assert kinds == {"text/csv", "application/json"}, kinds
PY
	check "CSV and JSON hold the same rows" python3 - "$P/du-lieu" <<'PY'
import csv, io, json, os, sys
d = sys.argv[1]
for f in sorted(os.listdir(d)):
    if not f.endswith(".csv"):
        continue
    t = f[:-4]
    raw = open(os.path.join(d, f), "rb").read()
    assert raw.startswith(b"\xef\xbb\xbf"), f
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    js = json.load(open(os.path.join(d, t + ".json"), encoding="utf-8"))
    assert len(rows) - 1 == len(js), (t, len(rows), len(js))
    for r, j in zip(rows[1:], js):
        assert list(j.keys()) == rows[0], t
        for cell, v in zip(r, j.values()):
            want = "" if v is None else (str(v) if not isinstance(v, float) else repr(v))
            if isinstance(v, float) and v == int(v) and cell == str(int(v)):
                continue
            assert cell == want, (t, cell, want)
PY
else
	echo "SKIP: python3 not found, data.json not parsed"
fi

# --base-url with a path: links carry the root, downloadURLs the full address
run build --source "$S" --now 2026-11-21 --quiet --output "$TMP/sub" --base-url https://cong.example/cchc/
expect_rc 0 "build with a base path"
expect_grep "href=\"/cchc/du-lieu/units.csv\"" "$TMP/sub/du-lieu/index.html" "links with the root"
expect_grep "\"downloadURL\": \"https://cong.example/cchc/du-lieu/units.csv\"" "$TMP/sub/data.json" "absolute downloadURL"

# a query block that writes: refused at its line, public/ untouched
before=$(tree_sum "$P")
for sql in "INSERT INTO units (id, name, kind, source) VALUES ('x', 'X', 'commune', 'sample')" \
	"UPDATE observations SET value = 0" "DELETE FROM observations" \
	"CREATE TABLE t (a)" "ATTACH DATABASE '$TMP/x.db' AS x" "PRAGMA query_only = 0" \
	"DROP TABLE observations"; do
	printf '+++\ntitle = "Hỏng"\n+++\n\nĐoạn đầu.\n\n```query\n%s\n```\n' "$sql" >"$S/content/bao-cao/hong.md"
	run build --source "$S" --now 2026-11-21
	expect_rc 1 "writing query refused: $sql"
	expect_err "content/bao-cao/hong.md:7:1: error: query block: " "error at the block's line: $sql"
	expect_err "not allowed" "says the query may only read: $sql"
done
after=$(tree_sum "$P")
check "public/ unchanged after refused queries" [ "$before" = "$after" ]
check "no staging left" sh -c "! ls -d '$S'/public.staging-* 2>/dev/null"
check "the attach made no file" [ ! -e "$TMP/x.db" ]
rm -f "$S/content/bao-cao/hong.md"

# a table name that cannot be a file name is left out, with a warning
printf 'CREATE TABLE "bảng lạ" (a);\nINSERT INTO "bảng lạ" VALUES (1);\n' >"$S/data/zz-la.sql"
run build --source "$S" --now 2026-11-21 --output "$TMP/la"
expect_rc 0 "odd table name builds"
expect_err "is not published as open data" "odd table name warned"
check "odd table not written" [ "$(ls "$TMP/la/du-lieu" | wc -l)" -eq "$(ls "$D" | wc -l)" ]
rm -f "$S/data/zz-la.sql"

# cells of every kind, byte for byte, the CSV and the JSON from one read:
# quotes, '<', a leading space, a tab, a line break and control characters
# (CSV quoting, JSON escapes), BLOBs in hex, the infinities (inf in CSV,
# null in JSON), an integer beyond a double's precision, NULL, a sample row
printf "CREATE TABLE odd (t TEXT, r REAL, i INTEGER, b BLOB, source);\n%s\n%s\n%s\n%s\n" \
	"INSERT INTO odd VALUES ('a \"q\", <b>', 1e999, -5, X'00ff', NULL);" \
	"INSERT INTO odd VALUES (' lead', 0.1, 9007199254740993, X'', 'line
two\\');" \
	"INSERT INTO odd VALUES ('tab	', -1e999, 0, NULL, 2.5);" \
	"INSERT INTO odd VALUES (char(1, 127) || 'é', 1.5e300, 3, 'x', 'sample');" >"$S/data/zz-odd.sql"
run build --source "$S" --now 2026-11-21 --quiet --output "$TMP/odd"
expect_rc 0 "odd cells build"
printf '\357\273\277t,r,i,b,source\r\n"a ""q"", <b>",inf,-5,00ff,\r\n" lead",0.1,9007199254740993,,"line\ntwo\\"\r\n"tab\t",-inf,0,,2.5\r\n\001\177\303\251,1.5e+300,3,x,sample\r\n' >"$TMP/odd.csv"
printf '[{"t":"a \\"q\\", \\u003cb>","r":null,"i":-5,"b":"00ff","source":null},{"t":" lead","r":0.1,"i":9007199254740993,"b":"","source":"line\\ntwo\\\\"},{"t":"tab\\t","r":null,"i":0,"b":null,"source":2.5},{"t":"\\u0001\\u007f\303\251","r":1.5e+300,"i":3,"b":"x","source":"sample"}]\n' >"$TMP/odd.json"
check "odd cells: the CSV byte for byte" cmp "$TMP/odd.csv" "$TMP/odd/du-lieu/odd.csv"
check "odd cells: the JSON byte for byte" cmp "$TMP/odd.json" "$TMP/odd/du-lieu/odd.json"
expect_grep "1/4." "$TMP/odd/data.json" "odd cells: the sample row counted"
rm -f "$S/data/zz-odd.sql"

done_suite opendata

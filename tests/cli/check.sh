#!/bin/sh
# congkhai check: a small site with a broken link, a missing anchor, a
# duplicate slug, a duplicate alias, an image without alt text and a broken
# menu link; each reported at its exact path:line:col, the counts, exit 1,
# --format json; then required front matter of documents in the example
# portal, and the example itself without errors.
. "$(dirname "$0")/lib.sh"

S=$TMP/site
mkdir -p "$S/content/tin" "$S/themes"
cp -r "$ROOT/tests/golden/basic/site/themes/mini" "$S/themes/"
cat >"$S/site.toml" <<'EOF'
title = "Cổng thử kiểm tra"
base_url = "https://thu.example"
language = "vi"
theme = "mini"
page_size = 10
feed_section = "tin"

[[menu]]
title = "Tin"
url = "/tin/"

[[menu]]
title = "Liên hệ"
url = "/lien-he/"
EOF
printf '+++\ntitle = "Trang chủ"\n+++\nCổng thử.\n' >"$S/content/_index.md"
printf '+++\ntitle = "Tin"\n+++\nCác tin.\n' >"$S/content/tin/_index.md"
printf '<svg xmlns="http://www.w3.org/2000/svg"/>\n' >"$S/content/so-do.svg"
cat >"$S/content/gioi-thieu.md" <<'EOF'
+++
title = "Giới thiệu"
+++

## Mục một

Xem [các tin](/tin/) và [mục một](#muc-mot), [tin thử](/tin/trung/#muc-ba).

![Sơ đồ tổ chức](/so-do.svg)

```
![](/trong-khoi-ma.png) is code, not an image
```
EOF
cat >"$S/content/tin/a.md" <<'EOF'
+++
title = "Tin thử"
date = 2024-01-05
slug = "trung"
aliases = ["/cu/tin/"]
+++

Căn cứ [quy định](/tin/khong-co/), xem thêm [mục hai](/gioi-thieu/#muc-hai).

Hình: ![](/so-do.svg)

### Mục ba
EOF
cat >"$S/content/tin/b.md" <<'EOF'
+++
title = "Tin khác"
date = 2024-02-01
slug = "trung"
+++

Nội dung.
EOF
cat >"$S/content/tin/c.md" <<'EOF'
+++
title = "Tin cũ"
aliases = ["/cu/tin/"]
+++

Đọc [tin thử](../trung/) và [đầu trang](#khong-co).
EOF

cd "$TMP" || exit 1
run check --source site --now 2026-11-21
expect_rc 1 "errors give exit 1"
out=$TMP/out
expect_line() {
	if grep -qxF -- "$1" "$out"; then pass; else fail "$2: no line '$1' in: $(cat "$out")"; fi
}
expect_line "site/content/tin/a.md:8:19: error: broken link '/tin/khong-co/': the site has no page or file /tin/khong-co/" "broken link"
expect_line "site/content/tin/a.md:8:55: error: missing anchor '/gioi-thieu/#muc-hai': /gioi-thieu/ has no id \"muc-hai\"" "missing anchor in another page"
expect_line "site/content/tin/c.md:6:41: error: missing anchor '#khong-co': /tin/c/ has no id \"khong-co\"" "missing anchor in the same page"
expect_line "site/content/tin/b.md:4:8: error: duplicate URL /tin/trung/: site/content/tin/a.md:4:8 makes it too; give one of them another slug" "duplicate slug with both lines"
expect_line "site/content/tin/c.md:3:12: error: duplicate alias /cu/tin/: site/content/tin/a.md:5:12 has it too; one address can redirect to one page" "duplicate alias"
check "image without alt text" grep -q '^site/content/tin/a.md:10:7: warning: image without alt text' "$out"
check "menu link reported once, at site.toml" grep -q "^site/site.toml:14:8: error: broken link '/lien-he/': the site has no page or file /lien-he/ (on [0-9]* built pages" "$out"
check "six errors" grep -q '^congkhai check: 6 errors, [0-9]* warnings\?$' "$out"
check "valid links are not reported" sh -c "! grep -Eq 'gioi-thieu.md|muc-mot|muc-ba|\.\./trung/|so-do.svg.: the site' '$out'"
check "code blocks are not images" sh -c "! grep -q 'trong-khoi-ma' '$out'"
check "lines sorted by file and line" sh -c "LC_ALL=C; export LC_ALL; grep -E '^site/' '$out' | cut -d: -f1,2 | sort -t: -k1,1 -k2,2n -c"
check "check writes nothing into the site" [ ! -e "$S/public" ]

run check --source site --now 2026-11-21 --format json
expect_rc 1 "json: exit 1"
check "json parses, with the counts and positions" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["errors"] == 6, d["errors"]
assert d["warnings"] == len([x for x in d["diagnostics"] if x["severity"] == "warning"])
dup = [x for x in d["diagnostics"] if x["message"].startswith("duplicate URL")]
assert len(dup) == 1 and dup[0]["path"] == "site/content/tin/b.md" and dup[0]["line"] == 4 and dup[0]["col"] == 8, dup
for x in d["diagnostics"]:
    assert set(x) == {"path", "line", "col", "severity", "message"}, x
' "$TMP/out"

run check --source site --now 2026-11-21 --quiet
expect_rc 1 "quiet: exit 1"
check "quiet: errors only, no count" sh -c "! grep -Eq 'warning:|congkhai check:' '$TMP/out' && grep -q 'error:' '$TMP/out'"

# --- fixed: no errors, exit 0 ---
sed -i 's|/tin/khong-co/|/tin/|; s|#muc-hai|#muc-mot|; s|!\[\]|![Sơ đồ]|' "$S/content/tin/a.md"
sed -i 's|^slug = "trung"|slug = "khac"|' "$S/content/tin/b.md"
sed -i 's|#khong-co|#|; s|^aliases = .*||' "$S/content/tin/c.md"
sed -i 's|"/lien-he/"|"/gioi-thieu/"|' "$S/site.toml"
run check --source site --now 2026-11-21
expect_rc 0 "fixed site: exit 0"
check "fixed site: no errors" grep -q '^congkhai check: 0 errors' "$TMP/out"

# --- served below a path: Markdown links from "/" leave the site; links
# the theme makes, relative links and same-page anchors do not ---
run check --source site --now 2026-11-21 --base-url https://thu.example/cchc
expect_rc 1 "below a path: exit 1"
expect_line "site/content/gioi-thieu.md:7:15: error: link '/tin/' is outside the site's root /cchc/: write it as /cchc/tin/" "link outside the root"
check "below a path: only Markdown links from /" sh -c "! grep -E 'error: ' '$TMP/out' | grep -Ev \"link '/(tin/|tin/trung/#muc-ba|gioi-thieu/#muc-mot|so-do.svg)' is outside\""
check "below a path: same-page anchors and relative links fine" sh -c "! grep -Eq \"'#|'\\.\\./\" '$TMP/out'"

# --- a build error is reported as the build reports it ---
printf '+++\ntitle = "hỏng\n+++\n' >"$S/content/tin/hong.md"
run check --source site --now 2026-11-21
expect_rc 1 "build error: exit 1"
check "build error with its position" grep -q '^site/content/tin/hong.md:2:9: error: ' "$TMP/out"
rm "$S/content/tin/hong.md"

# --- the example portal: no errors; a document without issuer ---
E=$TMP/example
copy_example "$E"
run check --source "$E" --now 2026-11-21
expect_rc 0 "example portal has no errors"
check "example: 0 errors" grep -q '^congkhai check: 0 errors' "$TMP/out"
cat >"$E/content/van-ban/thieu.md" <<'EOF'
+++
title = "Thiếu cơ quan"
number = "/UBND"
kind = "Công văn"
date = 2024-03-01
+++

Văn bản dự thảo còn để trống số.
EOF
run check --source "$E" --now 2026-11-21
expect_rc 1 "document without issuer: exit 1"
check "required front matter named" grep -q "^$E/content/van-ban/thieu.md:1:1: error: a document in van-ban/ needs 'issuer'" "$TMP/out"
check "a draft's blank number is fine" sh -c "! grep -q \"thieu.md.*'number'\" '$TMP/out'"

# --- data integrity: a database (site.toml [data] db) with a target of an
# unknown indicator; SQLite files are not checked on opening as SQL is ---
rm "$E/content/van-ban/thieu.md"
check "example data into a .db with one bad target" python3 -c '
import glob, os, sqlite3, sys
os.chdir(sys.argv[1])
db = sqlite3.connect("data.db")
for f in ["data/schema.sql"] + sorted(f for f in glob.glob("data/*.sql") if not f.endswith("schema.sql")):
    db.executescript(open(f, encoding="utf-8").read())
db.execute("PRAGMA foreign_keys = OFF")
cols = [r[1] for r in db.execute("PRAGMA table_info(targets)")]
sel = ", ".join("'"'"'khong-co-chi-tieu'"'"'" if c == "indicator" else c for c in cols)
db.execute("INSERT INTO targets (%s) SELECT %s FROM targets LIMIT 1" % (", ".join(cols), sel))
db.commit()
' "$E"
printf '\n[data]\ndb = "data.db"\n' >>"$E/site.toml"
run check --source "$E" --now 2026-11-21
expect_rc 1 "unknown indicator: exit 1"
check "unknown indicator named at the database" grep -q "^$E/data.db: error: a target names the indicator 'khong-co-chi-tieu', which is not in the indicators table" "$TMP/out"

run check --nope; expect_rc 2 "unknown option"
run check --format xml; expect_rc 2 "bad format"
done_suite check

#!/bin/sh
# Search (/tim-kiem/): the index files and page of the example, queries run
# with the theme's search.js in node against the built index (the same
# folding in C and in JavaScript for every Vietnamese vowel and tone, đ/Đ),
# a site root in the URLs, a theme without the search layout, and the bytes
# one query downloads on a 10,000-document site.
. "$(dirname "$0")/lib.sh"
T=$ROOT/tests/search/search_test.mjs
HAVE_NODE=1
command -v node >/dev/null 2>&1 || HAVE_NODE=0
# js NAME ARGS...: one check running search_test.mjs (skipped without node).
js() {
	name=$1; shift
	[ "$HAVE_NODE" -eq 1 ] || return 0
	if node "$T" "$@" >"$TMP/js.out" 2>&1; then pass; else fail "$name: $(cat "$TMP/js.out")"; fi
}
[ "$HAVE_NODE" -eq 1 ] || echo "SKIP: node not found: the JavaScript checks of the search are skipped"

# --- the example portal ---
S=$TMP/site
copy_example "$S"
run build --source "$S" --now 2026-11-21 --quiet; expect_rc 0 "example build"
P=$S/public
for f in tim-kiem/index.html tim-kiem/index.json tim-kiem/docs/0.json js/search.js; do
	expect_file "$P/$f" "search output"
done
check "shards written" sh -c "ls '$P'/tim-kiem/idx/*.json | grep -q ."
H=$P/tim-kiem/index.html
expect_grep '<script src="/js/search.js" defer></script>' "$H" "script from a file, deferred"
check "no inline script" sh -c "! grep -q '<script>' '$H' && ! grep -q '<script[^>]*>[^<]' '$H'"
expect_grep 'role="search"' "$H" "search landmark"
expect_grep 'aria-live="polite"' "$H" "live results status"
expect_grep '<label for="search-q">' "$H" "labelled search box"
expect_grep 'action="/tim-kiem/" method="get"' "$H" "form works without JS"
expect_grep 'data-index="/tim-kiem/"' "$H" "index location for the script"
expect_grep '<a href="/van-ban/">' "$H" "listing by section without JS"
expect_grep '<noscript>' "$H" "says what to do without JS"
expect_grep 'action="/tim-kiem/"' "$P/index.html" "search box in the header"
expect_grep '<loc>https://cchc-tuyphuoc.example/tim-kiem/</loc>' "$P/sitemap.xml" "search page in the sitemap"
check "manifest counts the documents" sh -c "grep -q '\"docs\":[1-9]' '$P/tim-kiem/index.json'"
check "search.js is small" [ "$(wc -c <"$P/js/search.js")" -le 7168 ]

js "unit" unit
js "every result links to a written page" links "$P"
for u in $(grep -o 'href="/thu-tuc/linh-vuc/[^"]*"' "$H" | sed 's/href="\(.*\)"/\1/'); do
	expect_file "$P${u}index.html" "listing by field without JS"
done
# "cai cach hanh chinh" finds every CCHC document (all of the examples)
urls=$(cd "$S/content" && for f in van-ban/*.md; do
	case $f in */_index.md) ;; *) printf '/%s/ ' "${f%.md}" ;; esac; done)
js "cai cach hanh chinh" find "$P" "cai cach hanh chinh" --only /van-ban/ $urls
# "dat dai" finds the documents with "đất đai"; every result has both words
urls=$(cd "$S/content" && grep -l "đất đai" van-ban/*.md | sed 's|\(.*\)\.md|/\1/|')
check "an example document has đất đai" [ -n "$urls" ]
js "dat dai" find "$P" "dat dai" $urls
js "dat dai words" words "$P" "dat dai"
# "tuy phuoc" finds exactly the documents of Tuy Phước
urls=$(cd "$S/content" && grep -l -e "Tuy Phước" -e "TUY PHƯỚC" van-ban/*.md | sed 's|\(.*\)\.md|/\1/|')
check "example documents of Tuy Phước" [ -n "$urls" ]
js "tuy phuoc" find "$P" "tuy phuoc" --only /van-ban/ $urls
js "tuy phuoc words" words "$P" "Tuy Phuoc"
# "thu tuc ho tich" finds a page titled with "thủ tục hộ tịch" once the
# procedures include hộ tịch ones; the documents find "thu tuc" anyway
if grep -qi "hộ tịch" "$S"/data/*.sql 2>/dev/null; then
	js "thu tuc ho tich" title "$P" "thu tuc ho tich" "hộ tịch"
	expect_grep 'href="/thu-tuc/linh-vuc/ho-tich/"' "$H" "hộ tịch in the listing by field"
fi
js "thu tuc words" words "$P" "thu tuc hanh chinh"
js "with diacritics" find "$P" "Thủ tục hành chính" /van-ban/ke-hoach-cchc-2023/
js "prefix of the last word" find "$P" "cai cach hanh ch" /van-ban/ke-hoach-cchc-2023/

# --- a site root: links and the index location carry it ---
run build --source "$S" --output "$TMP/rooted" --base-url https://x.example/cchc/ --now 2026-11-21 --quiet
expect_rc 0 "build with a site root"
expect_grep 'data-index="/cchc/tim-kiem/"' "$TMP/rooted/tim-kiem/index.html" "index location with root"
expect_grep '<script src="/cchc/js/search.js"' "$TMP/rooted/tim-kiem/index.html" "script with root"
expect_grep '"/cchc/van-ban/ke-hoach-cchc-2023/"' "$TMP/rooted/tim-kiem/docs/0.json" "result links with root"

# --- folding: C (the index) and JavaScript agree on every vowel and tone ---
F=$TMP/fold
mkdir -p "$F/content"
cp -r "$ROOT/themes" "$F/"
printf 'title = "Thử"\nbase_url = "https://fold.example"\nlanguage = "vi"\ntheme = "default"\n' >"$F/site.toml"
if [ "$HAVE_NODE" -eq 1 ]; then
	{ printf '+++\ntitle = "Bảng nguyên âm"\n+++\n\n'; node "$T" foldpage "$ROOT/tests/unit/test_text.c"; } >"$F/content/nguyen-am.md"
else
	printf '+++\ntitle = "Bảng nguyên âm"\n+++\n' >"$F/content/nguyen-am.md"
fi
printf '+++\ntitle = "<script>alert(1)</script> & ổ"\n+++\n\nx\n' >"$F/content/ma.md"
run build --source "$F" --now 2026-11-21 --quiet; expect_rc 0 "fold site build"
js "C and JS folding" fold "$ROOT/tests/unit/test_text.c" "$F/public"
js "markup in a title stays text" exact "$F/public" "alert" "<script>alert(1)</script> & ổ"
check "titles escaped in the index" grep -qF '"\u003cscript>alert(1)\u003c/script> & ổ"' "$F/public/tim-kiem/docs/0.json"

# --- a theme without layouts/tim-kiem/list: no page, no index ---
rm -r "$F/themes/default/layouts/tim-kiem"
run build --source "$F" --now 2026-11-21 --quiet; expect_rc 0 "build without the search layout"
check "no search output without the layout" [ ! -e "$F/public/tim-kiem" ]

# --- 10,000 documents: one query downloads well under 1 MB ---
# Built with the release binary (make builds it) for speed. Documents of
# 400 words drawn from the example's own text.
# In memory when /dev/shm allows: 10,000 small files are slow on some disks.
B=$(mktemp -d /dev/shm/congkhai-search.XXXXXX 2>/dev/null) || B=$TMP/big
trap 'rm -rf "$TMP" "$B"' EXIT
cp -r "$ROOT/themes" "$B/"
printf 'title = "Thử"\nbase_url = "https://big.example"\nlanguage = "vi"\ntheme = "default"\npage_size = 100\n' >"$B/site.toml"
cat >"$TMP/gen.py" <<'EOF'
import datetime, glob, os, random, re, sys
root, dest, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
words = []
for f in sorted(glob.glob(os.path.join(root, 'content/van-ban/*.md'))):
    words += re.findall(r'\w+', open(f, encoding='utf-8').read().split('+++', 2)[-1])
rnd = random.Random(1)
kinds = ['Kế hoạch', 'Công văn', 'Thông báo', 'Quyết định', 'Báo cáo']
day0 = datetime.date(2020, 1, 1)
for i in range(n):
    d = os.path.join(dest, 'content', 'muc-%d' % (i % 10))
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, 'vb-%05d.md' % i), 'w', encoding='utf-8') as f:
        f.write('+++\ntitle = "%s"\ndate = %s\nkind = "%s"\nnumber = "%d/KH-UBND"\n+++\n\n%s\n' % (
            ' '.join(rnd.choices(words, k=12)), day0 + datetime.timedelta(days=i % 1500),
            kinds[i % len(kinds)], i, ' '.join(rnd.choices(words, k=400))))
EOF
# The release binary, unless it cannot run (being relinked): then this one.
REL=$ROOT/generator/congkhai
"$REL" version >/dev/null 2>&1 || { sleep 3; "$REL" version >/dev/null 2>&1; } || REL=$CONGKHAI
if command -v python3 >/dev/null 2>&1; then
	check "10,000 documents written" python3 "$TMP/gen.py" "$ROOT" "$B" 10000
	"$REL" build --source "$B" --now 2026-11-21 --quiet >"$TMP/big.err" 2>&1
	RC=$?; ERR=$(cat "$TMP/big.err"); expect_rc 0 "10,000-document build"
	check "10,000 documents indexed" grep -q '"docs":10010,' "$B/public/tim-kiem/index.json"
	js "bytes per query" bytes "$B/public" 500000 "thu tuc ho tich" "cai cach hanh chinh" \
		"uy ban nhan dan huyen" "dat dai" "ke hoach nam 2023" "ubnd" "th"
	[ "$HAVE_NODE" -eq 1 ] && cat "$TMP/js.out"
else
	echo "SKIP: python3 missing: the 10,000-document check is skipped"
fi
done_suite search

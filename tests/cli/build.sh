#!/bin/sh
# The build command end to end: the example portal, --source on another
# folder, errors with path:line:col, exit codes, and an intact previous
# output after a failed build.
. "$(dirname "$0")/lib.sh"

# --- usage ---
run; expect_rc 2 "no command"
run frobnicate; expect_rc 2 "unknown command"; expect_err "unknown command 'frobnicate'" "unknown command message"
run build --nope; expect_rc 2 "unknown option"
run build --now 2026-02-30; expect_rc 2 "bad --now"
run version; expect_rc 0 "version"
check "version text" sh -c "printf '%s' \"$OUT\" | grep -q '^congkhai [0-9]'"
run help build; expect_rc 0 "help build"
check "help build lists --source" sh -c "printf '%s' \"$OUT\" | grep -q -- '--source DIR'"

# --- the example portal, built from a copy with --source ---
S=$TMP/site
copy_example "$S"
run build --source "$S" --now 2026-11-21 --quiet; expect_rc 0 "example build"
P=$S/public
for f in index.html 404.html sitemap.xml feed.xml robots.txt css/style.css \
	van-ban/index.html van-ban/ke-hoach-cchc-2023/index.html gioi-thieu/index.html \
	loai-van-ban/index.html loai-van-ban/ke-hoach/index.html chu-de/index.html \
	co-quan-ban-hanh/index.html; do
	expect_file "$P/$f" "example output"
done
n=$(ls "$P/van-ban" | grep -vc '^index.html$\|^nam$\|^da-dan-chieu$')
check "five documents" [ "$n" -eq 5 ]
expect_grep "<loc>https://cchc-tuyphuoc.example/van-ban/ke-hoach-cchc-2023/</loc>" "$P/sitemap.xml" "sitemap"
expect_grep "<entry>" "$P/feed.xml" "feed entries"
expect_grep "76,03/100" "$P/van-ban/ke-hoach-cchc-2023/index.html" "seed text rendered"
expect_grep 'id="i-muc-dich-yeu-cau"' "$P/van-ban/ke-hoach-cchc-2023/index.html" "heading ids"
check "no staging left" sh -c "! ls -d '$S'/public.staging-* 2>/dev/null"

# --- a failed build leaves the previous output byte for byte ---
before=$(tree_sum "$P")
printf '+++\ntitle = "Hỏng"\ndate = 2023-01-0\n+++\nx\n' >"$S/content/van-ban/hong.md"
run build --source "$S" --now 2026-11-21
expect_rc 1 "broken front matter"
expect_err "content/van-ban/hong.md:3:" "error names file and line"
check "error format path:line:col: error:" sh -c "printf '%s' \"\$0\" | grep -Eq 'hong.md:3:[0-9]+: error: '" "$ERR"
after=$(tree_sum "$P")
check "public/ unchanged after failed build" [ "$before" = "$after" ]
check "no staging left after failure" sh -c "! ls -d '$S'/public.staging-* 2>/dev/null"
rm "$S/content/van-ban/hong.md"

# --- broken site.toml ---
cp "$S/site.toml" "$TMP/site.toml.bak"
printf 'title = "x"\ntitle = "y"\n' >"$S/site.toml"
run build --source "$S"; expect_rc 1 "duplicate key in site.toml"
expect_err "site.toml:2:" "site.toml error line"
cp "$TMP/site.toml.bak" "$S/site.toml"

# --- missing layout ---
mv "$S/themes/default/layouts/single.mustache" "$TMP/single.bak"
run build --source "$S"; expect_rc 1 "missing layout"
expect_err "layouts/single.mustache" "missing layout is named"
mv "$TMP/single.bak" "$S/themes/default/layouts/single.mustache"

# --- drafts ---
printf '+++\ntitle = "Nháp"\ndraft = true\n+++\nnội dung\n' >"$S/content/nhap.md"
run build --source "$S" --now 2026-11-21 -q; expect_rc 0 "build with a draft"
check "draft left out" [ ! -e "$P/nhap/index.html" ]
run build --source "$S" --now 2026-11-21 -q --drafts; expect_rc 0 "build --drafts"
expect_file "$P/nhap/index.html" "draft included with --drafts"
rm "$S/content/nhap.md"

# --- output confined; aliases checked ---
printf '+++\ntitle = "A"\naliases = ["../../etc/x"]\n+++\n' >"$S/content/a.md"
run build --source "$S"; expect_rc 1 "escaping alias"
expect_err "content/a.md:3:" "alias error position"
printf '+++\ntitle = "A"\nslug = "../../etc/x"\naliases = ["/cu/a/"]\n+++\n' >"$S/content/a.md"
run build --source "$S" --now 2026-11-21 -q; expect_rc 0 "slug is folded, not followed"
expect_file "$P/etc-x/index.html" "dangerous slug folded"
expect_grep 'url=/etc-x/' "$P/cu/a/index.html" "alias redirect page"
check "nothing outside" [ ! -e "$S/../etc" ]
rm "$S/content/a.md"

# --- --base-url and --output ---
run build --source "$S" --output "$TMP/out2" --base-url https://x.example/cchc/ --now 2026-11-21 -q
expect_rc 0 "--output and --base-url"
expect_grep 'href="/cchc/css/style.css"' "$TMP/out2/index.html" "root prefix from base URL"
expect_grep "<loc>https://x.example/cchc/gioi-thieu/</loc>" "$TMP/out2/sitemap.xml" "sitemap uses base URL"

# --- language from site.toml, --config ---
sed 's/^language = "vi"/language = "en"/' "$S/site.toml" >"$TMP/en.toml"
run build --source "$S" --config "$TMP/en.toml" --output "$TMP/en" --now 2026-11-21 -q
expect_rc 0 "English build with --config"
expect_grep '<html lang="en"' "$TMP/en/index.html" "lang from site.toml"
expect_grep "$(sed -n 's/^skip_link = "\(.*\)"/\1/p' "$ROOT/themes/default/i18n/en.toml")" "$TMP/en/index.html" "English interface strings"
sed 's/^language = "vi"/language = "fr"/' "$S/site.toml" >"$TMP/fr.toml"
run build --source "$S" --config "$TMP/fr.toml"; expect_rc 1 "unsupported language"
expect_err "fr.toml:" "language error names the file"

# --- make install ---
check "make install" make -s -C "$ROOT" BUILD="${BUILD:-build}" install PREFIX="$TMP/prefix"
check "installed binary runs" "$TMP/prefix/bin/congkhai" version
expect_file "$TMP/prefix/share/man/man1/congkhai.1" "installed man page"

# --- make deps: a user who is not root gets the exact command ---
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
	out=$(CONGKHAI_DEPS="congkhai-no-such-package" setpriv --reuid=65534 --regid=65534 --clear-groups \
		sh -s <"$ROOT/generator/deps.sh" 2>&1); rc=$?
	check "deps.sh as non-root fails" [ "$rc" -eq 1 ]
	check "deps.sh as non-root prints the command" sh -c "printf '%s' \"\$0\" | grep -q 'run as root: apt-get install -y congkhai-no-such-package'" "$out"
fi
out=$(CONGKHAI_DEPS="dpkg" sh "$ROOT/generator/deps.sh" 2>&1); rc=$?
check "deps.sh quiet when nothing is missing" [ "$rc" -eq 0 -a -z "$out" ]

done_suite cli-build

#!/bin/sh
# site.toml [output] gzip: .gz copies beside text outputs, byte-identical
# when unpacked, deterministic, off by default; a wrong value is an error.
. "$(dirname "$0")/lib.sh"

S=$TMP/site
copy_example "$S"
P=$S/public

# --- off by default ---
run build --source "$S" --now 2026-11-21 -q; expect_rc 0 "build without gzip"
n=$(find "$P" -name '*.gz' | wc -l)
check "no .gz files by default" [ "$n" -eq 0 ]

# --- on ---
printf '\n[output]\ngzip = true\n' >>"$S/site.toml"
run build --source "$S" --now 2026-11-21 -q; expect_rc 0 "build with gzip = true"
for f in index.html css/style.css favicon.svg feed.xml sitemap.xml robots.txt \
	van-ban/ke-hoach-cchc-2023/index.html 404.html; do
	expect_file "$P/$f.gz" "gzip copy"
	check "gunzip -c $f.gz equals $f" sh -c "gunzip -c '$P/$f.gz' | cmp -s - '$P/$f'"
done
# every text output has its copy, and nothing else has one
missing=$(find "$P" -type f \( -name '*.html' -o -name '*.css' -o -name '*.js' -o -name '*.xml' \
	-o -name '*.json' -o -name '*.svg' -o -name '*.csv' -o -name '*.txt' \) \
	! -exec test -f '{}.gz' ';' -print | head -n 3)
check "every text output has a .gz copy (missing: $missing)" [ -z "$missing" ]
bad=0
for g in $(find "$P" -name '*.gz'); do
	gunzip -c "$g" | cmp -s - "${g%.gz}" || { bad=$((bad + 1)); echo "differs: $g" >&2; }
done
check "every .gz unpacks to its original" [ "$bad" -eq 0 ]
printf 'binary' >"$S/content/scan.pdf"
run build --source "$S" --now 2026-11-21 -q; expect_rc 0 "build with a PDF"
expect_file "$P/scan.pdf" "PDF copied"
check "no .gz for a PDF" [ ! -e "$P/scan.pdf.gz" ]
rm "$S/content/scan.pdf"

# --- deterministic: no name, no time in the header ---
run build --source "$S" --now 2026-11-21 -q; expect_rc 0 "first build"
check "gzip header has mtime 0 and no name" sh -c \
	"[ \"\$(od -A n -t x1 -N 10 '$P/index.html.gz' | tr -d ' \n')\" = 1f8b0800000000000203 ]"
first=$(tree_sum "$P")
sleep 1
touch "$S/content/_index.md"
run build --source "$S" --now 2026-11-21 -q; expect_rc 0 "second build"
second=$(tree_sum "$P")
check "two builds give the same bytes" [ "$first" = "$second" ]

# --- a wrong value is an error with its position ---
sed 's/^gzip = true$/gzip = "yes"/' "$S/site.toml" >"$TMP/t" && cp "$TMP/t" "$S/site.toml"
run build --source "$S" --now 2026-11-21; expect_rc 1 "gzip = \"yes\" refused"
expect_err "site.toml:" "error names site.toml"
expect_err "'gzip' must be true or false" "error says what gzip takes"
check "previous output intact" [ -f "$P/index.html.gz" ]

# --- gzip = false writes none ---
sed 's/^gzip = "yes"$/gzip = false/' "$S/site.toml" >"$TMP/t" && cp "$TMP/t" "$S/site.toml"
run build --source "$S" --now 2026-11-21 -q; expect_rc 0 "gzip = false"
n=$(find "$P" -name '*.gz' | wc -l)
check "gzip = false: no .gz files" [ "$n" -eq 0 ]

done_suite gzip

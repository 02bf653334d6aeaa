#!/bin/sh
# Parallel rendering and the output's spare tree: the same bytes for every
# --jobs count, the same error and warnings, a paginator that stays short on
# long lists, and a rebuild on the previous build's files (the spare tree of
# output.h) that ends exactly like a build into an empty folder, even when a
# file has to become a folder and back.
. "$(dirname "$0")/lib.sh"

S=$TMP/site
copy_example "$S"
# 150 more documents: a list of 16 pages, tags for term lists
i=0
while [ $i -lt 150 ]; do
	printf '+++\ntitle = "Thông báo số %d"\ndate = 2024-%02d-%02d\nkind = "Thông báo"\nnumber = "%d/TB-UBND"\ntags = ["Thử nghiệm", "Nhóm %d"]\n+++\nNội dung thông báo %d, có một [liên kết](/van-ban/).\n\n## Mục một\n\nĐoạn văn.\n\n## Mục hai\n\nĐoạn khác.\n' \
		$i $((i % 12 + 1)) $((i % 28 + 1)) $i $((i % 3)) $i >"$S/content/van-ban/tb-$i.md"
	i=$((i + 1))
done

# a content page at a URL a generator makes (/xep-hang/): the generated
# page takes it over, whatever thread writes what first
printf '+++\ntitle = "Xếp hạng (nội dung)"\n+++\nĐoạn riêng của trang nội dung.\n' >"$S/content/xep-hang.md"

# --- the same bytes with 1, 2 and 5 threads ---
run build --source "$S" --output "$TMP/j1" --now 2026-11-21 --quiet --jobs 1; expect_rc 0 "build --jobs 1"
run build --source "$S" --output "$TMP/j2" --now 2026-11-21 --quiet --jobs 2; expect_rc 0 "build --jobs 2"
run build --source "$S" --output "$TMP/j5" --now 2026-11-21 --quiet -j 5; expect_rc 0 "build -j 5"
sum1=$(tree_sum "$TMP/j1")
check "--jobs 2 output = --jobs 1 output" [ "$sum1" = "$(tree_sum "$TMP/j2")" ]
check "--jobs 5 output = --jobs 1 output" [ "$sum1" = "$(tree_sum "$TMP/j5")" ]
expect_file "$TMP/j1/van-ban/tb-149/index.html" "generated document"
expect_grep "76,03" "$TMP/j5/xep-hang/index.html" "the generated ranking took over /xep-hang/"
n=$(grep -c "<loc>https://cchc-tuyphuoc.example/xep-hang/</loc>" "$TMP/j5/sitemap.xml")
check "/xep-hang/ listed once in the sitemap ($n)" [ "$n" = 1 ]
run build --source "$S" --output "$TMP/jx" --jobs 0; expect_rc 2 "--jobs 0 is a usage error"
expect_err "--jobs needs a number from 1 to 256" "--jobs message"
run build --source "$S" --output "$TMP/jx" --jobs many; expect_rc 2 "--jobs many is a usage error"

# --- the paginator: first, last, two on each side of the current page ---
L=$TMP/j1/van-ban
n=$(ls "$L/page" | sort -n | tail -1)
check "the list has 16 pages" [ "$n" = 16 ]
expect_grep 'aria-label="Trang 8"' "$L/page/8/index.html" "page 8 links itself"
for k in 1 6 7 9 10 16; do
	expect_grep "aria-label=\"Trang $k\"" "$L/page/8/index.html" "page 8 links page $k"
done
for k in 2 3 4 5 11 12 15; do
	expect_no_grep "aria-label=\"Trang $k\"" "$L/page/8/index.html" "page 8 leaves out page $k"
done
g=$(grep -c 'class="pagination-gap"' "$L/page/8/index.html")
check "page 8 has two gaps" [ "$g" = 2 ]
expect_no_grep "aria-label=\"Trang 4\"" "$L/index.html" "page 1 leaves out page 4"
expect_grep "aria-label=\"Trang 3\"" "$L/index.html" "page 1 links page 3"
expect_grep "aria-label=\"Trang 16\"" "$L/index.html" "page 1 links the last page"
expect_grep '<a href="/van-ban/page/9/" rel="next">' "$L/page/8/index.html" "next link"
expect_grep '<a href="/van-ban/page/7/" rel="prev">' "$L/page/8/index.html" "previous link"
expect_grep '<a href="/van-ban/" rel="prev">' "$L/page/2/index.html" "previous of page 2 is the list"
# four pages: no gap stands for a single number
g=$(grep -c 'class="pagination-gap"' "$L/page/4/index.html")
check "page 4: 1 2 3 4 5 6 ... 16 (one gap)" [ "$g" = 1 ]
expect_grep 'aria-label="Trang 2"' "$L/page/4/index.html" "page 4 links page 2"

# --- warnings and errors do not depend on the thread count ---
W=$TMP/warn
copy_example "$W"
for k in 1 2 3 4 5 6; do
	printf '+++\ntitle = "VNI %d"\n+++\nChuû tòch Uyû ban nhaân daân phöôøng %d.\n' $k $k >"$W/content/van-ban/vni-$k.md"
done
run build --source "$W" --output "$TMP/w1" --now 2026-11-21 --jobs 1; expect_rc 0 "warnings, --jobs 1"
e1=$ERR
run build --source "$W" --output "$TMP/w4" --now 2026-11-21 --jobs 4; expect_rc 0 "warnings, --jobs 4"
check "the same warnings in the same order" [ "$(printf '%s' "$e1" | grep 'warning:')" = "$(printf '%s' "$ERR" | grep 'warning:')" ]
check "warnings sorted by file" sh -c "printf '%s\n' \"\$0\" | grep -o 'vni-[0-9]' | sort -c" "$(printf '%s' "$ERR" | grep 'warning:')"
for k in 2 5; do
	printf '+++\ntitle = "Hỏng %d"\nlayout = "khong-co-%d"\n+++\nx\n' $k $k >"$W/content/van-ban/hong-$k.md"
done
run build --source "$W" --output "$TMP/w1" --now 2026-11-21 --jobs 1; expect_rc 1 "two broken pages, --jobs 1"
e1=$(printf '%s' "$ERR" | grep 'error:')
for j in 2 4; do
	run build --source "$W" --output "$TMP/w4" --now 2026-11-21 --jobs $j; expect_rc 1 "two broken pages, --jobs $j"
	check "--jobs $j reports the error --jobs 1 reports" [ "$e1" = "$(printf '%s' "$ERR" | grep 'error:')" ]
done
check "the first page's error" sh -c "printf '%s' \"\$0\" | grep -q 'hong-2.md'" "$e1"

# --- rebuilding on the spare tree ---
R=$TMP/reuse
copy_example "$R"
printf 'một tệp\n' >"$R/content/x" # an asset named x
state() { # state NAME: builds R into out (on the spare) and into an empty folder; they must match
	run build --source "$R" --output "$R/out" --now 2026-11-21 --quiet; expect_rc 0 "$1: build"
	rm -rf "$TMP/fresh"
	run build --source "$R" --output "$TMP/fresh" --now 2026-11-21 --quiet --jobs 1; expect_rc 0 "$1: fresh build"
	check "$1: the rebuilt site equals a build into an empty folder" [ "$(tree_sum "$R/out")" = "$(tree_sum "$TMP/fresh")" ]
	check "$1: no staging left" sh -c "! ls -d '$R'/out.staging-* 2>/dev/null | grep -q ."
}
state "first"
check "no spare after the first build" [ ! -e "$R/out.congkhai-spare" ]
state "second"
check "the replaced site is kept as the spare" [ -d "$R/out.congkhai-spare" ]
# the third build works on the first one's files
touch -d 2020-01-01 "$R/out.congkhai-spare/css/style.css"
keep=$(stat -c %Y "$R/out.congkhai-spare/css/style.css")
printf '+++\ntitle = "Thông báo mới"\n+++\nMới.\n' >"$R/content/van-ban/moi.md"
sed -i 's/^title = .*/title = "Kế hoạch đã sửa"/' "$R/content/van-ban/ke-hoach-cchc-2023.md"
rm "$R/content/van-ban/cong-van-nhiem-vu-cchc-binh-dinh-2020.md"
state "third: one new, one changed, one removed"
check "an unchanged file is not rewritten" [ "$(stat -c %Y "$R/out/css/style.css")" = "$keep" ]
expect_no_grep "cong-van-nhiem-vu-cchc-binh-dinh-2020" "$R/out/sitemap.xml" "removed page left the sitemap"
check "the removed page's folder is gone" [ ! -e "$R/out/van-ban/cong-van-nhiem-vu-cchc-binh-dinh-2020" ]
# a file that must become a folder (and back) in the tree being reused
rm "$R/content/x"; printf '+++\ntitle = "X"\n+++\nx\n' >"$R/content/x.md"
state "fourth: the asset x became the page /x/"
state "fifth"
rm "$R/content/x.md"; printf 'lại là tệp\n' >"$R/content/x"
state "sixth: the page /x/ became the asset x again"
check "x is a file again" [ -f "$R/out/x" ]
# strays in the spare (listed on their own thread while the build writes):
# files and folders the build does not make go, a link's target stays
mkdir -p "$R/out.congkhai-spare/stray/deep/er" "$R/out.congkhai-spare/empty" "$TMP/target"
printf 'x\n' >"$R/out.congkhai-spare/stray/deep/er/f.html"
printf 'x\n' >"$R/out.congkhai-spare/van-ban/stray.html"
printf 'keep\n' >"$TMP/target/keep.txt"
ln -s "$TMP/target" "$R/out.congkhai-spare/link"
state "seventh: strays in the spare"
check "strays: the stray folders are gone" [ ! -e "$R/out/stray" ] && [ ! -e "$R/out/empty" ]
check "strays: the link is gone, its target kept" [ ! -e "$R/out/link" ] && [ -f "$TMP/target/keep.txt" ]
check "strays: a stray file in a kept folder is gone" [ ! -e "$R/out/van-ban/stray.html" ]
# a spare others may write to is not built on (a link planted in it could
# lead the writes out): the build starts from an empty folder
state "before the open spare"
chmod o+w "$R/out.congkhai-spare"
mkdir -p "$TMP/elsewhere"
rm -rf "$R/out.congkhai-spare/van-ban"
ln -s "$TMP/elsewhere" "$R/out.congkhai-spare/van-ban"
state "open spare: not used"
check "open spare: nothing written through a link in it" [ -z "$(ls -A "$TMP/elsewhere")" ]
# a deleted spare is fine, and a failed build leaves the output alone
rm -rf "$R/out.congkhai-spare"
state "eighth: without a spare"
before=$(tree_sum "$R/out")
printf '+++\ntitle = "Hỏng"\ndate = 2023-01-0\n+++\nx\n' >"$R/content/hong.md"
run build --source "$R" --output "$R/out" --now 2026-11-21 --quiet; expect_rc 1 "broken build on the spare"
check "failed build on the spare: output intact" [ "$before" = "$(tree_sum "$R/out")" ]
check "failed build: no staging left" sh -c "! ls -d '$R'/out.staging-* 2>/dev/null | grep -q ."
check "failed build: what it wrote is the next spare" [ -d "$R/out.congkhai-spare" ]
rm "$R/content/hong.md"
state "eighth: after the failure"

done_suite parallel

#!/bin/sh
# serve's incremental rebuilds: after each kind of change the output folder
# holds the same bytes as a fresh full build of the same files (the search
# index, which partial rebuilds leave alone, once serve's full build after
# a pause has caught up), and a change to one page's text writes that page
# only. Bounded waits everywhere: a hung server fails the suite, never CI.
. "$(dirname "$0")/lib.sh"

SERVE_PID=""
trap 'if [ -n "$SERVE_PID" ]; then kill -KILL "$SERVE_PID" 2>/dev/null; fi; rm -rf "$TMP"' EXIT

S=$TMP/site
L=$TMP/live
copy_example "$S"

"$CONGKHAI" serve --source "$S" --output "$L" --port 0 --now 2026-11-21 --verbose \
	>"$TMP/serve.out" 2>"$TMP/serve.err" &
SERVE_PID=$!

# waits (at most 60 s) until the server's stderr has $2 lines holding $1
wait_lines() {
	i=0
	while [ $i -lt 600 ]; do
		n=$(grep -c -- "$1" "$TMP/serve.err")
		[ "$n" -ge "$2" ] && return 0
		kill -0 "$SERVE_PID" 2>/dev/null || return 1
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
URL=""
i=0
while [ $i -lt 600 ] && [ -z "$URL" ]; do
	URL=$(grep -o 'http://[^ ]*' "$TMP/serve.out" 2>/dev/null | head -n 1)
	kill -0 "$SERVE_PID" 2>/dev/null || break
	[ -z "$URL" ] && sleep 0.1
	i=$((i + 1))
done
check "serve printed its address" [ -n "$URL" ]
[ -n "$URL" ] || done_suite incremental

# compare [EXCLUDE]: the live folder against a fresh build of the same site
# (with the server's address as base URL, as serve builds)
compare() {
	rm -rf "$TMP/full"
	"$CONGKHAI" build --source "$S" --output "$TMP/full" --base-url "$URL" --now 2026-11-21 -q \
		2>"$TMP/build.err" || { echo "fresh build failed: $(cat "$TMP/build.err")" >&2; return 1; }
	if [ $# -gt 0 ]; then
		diff -r --exclude="$1" "$TMP/full" "$L" >"$TMP/diff" 2>&1
	else
		diff -r "$TMP/full" "$L" >"$TMP/diff" 2>&1
	fi || { head -n 20 "$TMP/diff" >&2; return 1; }
}
# the last "rebuilt" line
last_rebuild() { grep 'rebuilt in' "$TMP/serve.err" | tail -n 1; }
rebuilds=0
caught=0

check "first build equals a fresh build" compare

# --- one page's text: that page only ---
doc=van-ban/phat-dong-thi-dua-cchc-thac-mo-2024
touch "$TMP/mark"
sleep 0.05
printf '\nĐoạn thêm để thử dựng lại từng trang xyzzyincr.\n' >>"$S/content/$doc.md"
rebuilds=$((rebuilds + 1))
check "text change rebuilt" wait_lines 'rebuilt in' $rebuilds
check "text change: only the page" sh -c "printf '%s' \"\$0\" | grep -q '(changed pages)'" "$(last_rebuild)"
check "text change: one file written" sh -c "printf '%s' \"\$0\" | grep -q ' 1 file written'" "$(last_rebuild)"
newer=$(cd "$L" && find . -type f -newer "$TMP/mark" | sort | tr '\n' ' ')
check "text change: only its index.html touched (got: $newer)" [ "$newer" = "./$doc/index.html " ]
expect_grep "xyzzyincr" "$L/$doc/index.html" "new text served"
check "text change: pages equal a fresh build" compare tim-kiem
caught=$((caught + 1))
check "full build after the pause" wait_lines 'caught up in' $caught
check "text change: everything equals a fresh build" compare

# --- a citation added to one document's text: the cited document's page
# (its "cited by" list) is rendered again, with its own text intact ---
touch "$TMP/mark"
sleep 0.05
printf '\nThực hiện Văn bản số 46/UBND ngày 16/7/2024 của Ủy ban nhân dân phường Thác Mơ.\n' \
	>>"$S/content/van-ban/ke-hoach-cchc-2023.md"
rebuilds=$((rebuilds + 1))
check "citation rebuilt" wait_lines 'rebuilt in' $rebuilds
check "citation: changed pages only" sh -c "printf '%s' \"\$0\" | grep -q '(changed pages)'" "$(last_rebuild)"
newer=$(cd "$L" && find . -type f -newer "$TMP/mark" -name index.html | sort | tr '\n' ' ')
check "citation: the citing and the cited page written (got: $newer)" \
	[ "$newer" = "./van-ban/ke-hoach-cchc-2023/index.html ./$doc/index.html " ]
check "citation: pages equal a fresh build" compare tim-kiem
caught=$((caught + 1))
check "full build after the pause (citation)" wait_lines 'caught up in' $caught
check "citation: everything equals a fresh build" compare

# --- a summary (first paragraph, no summary in front matter), edited with
# sed -i, whose temporary file must not count as a change ---
sed -i 's/^Đây là cổng thông tin công khai/Đây là cổng thông tin mở, công khai/' "$S/content/gioi-thieu.md"
rebuilds=$((rebuilds + 1))
check "summary change rebuilt" wait_lines 'rebuilt in' $rebuilds
check "summary change: pages and lists" sh -c "printf '%s' \"\$0\" | grep -q '(changed pages and lists)'" "$(last_rebuild)"
check "summary change: pages equal a fresh build" compare tim-kiem
caught=$((caught + 1))
check "full build after the pause (2)" wait_lines 'caught up in' $caught
check "summary change: everything equals a fresh build" compare

# --- front matter: a full build ---
sed -i 's/^title = "Phát động phong trào/title = "Phát động lại phong trào/' "$S/content/$doc.md"
rebuilds=$((rebuilds + 1))
check "front matter change rebuilt" wait_lines 'rebuilt in' $rebuilds
check "front matter change: full" sh -c "printf '%s' \"\$0\" | grep -q '(full)'" "$(last_rebuild)"
check "front matter change equals a fresh build" compare

# --- a template ---
sed -i 's|</footer>|<p class="thu">incr</p></footer>|' "$S/themes/default/partials/footer.mustache"
rebuilds=$((rebuilds + 1))
check "template change rebuilt" wait_lines 'rebuilt in' $rebuilds
expect_grep '<p class="thu">incr</p>' "$L/index.html" "template change shows"
check "template change equals a fresh build" compare

# --- a new page, then removed: its files go ---
printf '+++\ntitle = "Trang thử"\naliases = ["/cu/thu/"]\n+++\nNội dung thử.\n' >"$S/content/trang-thu.md"
rebuilds=$((rebuilds + 1))
check "new page rebuilt" wait_lines 'rebuilt in' $rebuilds
expect_file "$L/trang-thu/index.html" "new page written"
check "new page equals a fresh build" compare
rm "$S/content/trang-thu.md"
rebuilds=$((rebuilds + 1))
check "removed page rebuilt" wait_lines 'rebuilt in' $rebuilds
check "removed page's files removed" sh -c "[ ! -e '$L/trang-thu/index.html' ] && [ ! -e '$L/cu/thu/index.html' ]"
check "removed page equals a fresh build" compare

# --- data and site.toml ---
sed -i 's/^feed_size = 20/feed_size = 3/' "$S/site.toml"
rebuilds=$((rebuilds + 1))
check "site.toml change rebuilt" wait_lines 'rebuilt in' $rebuilds
check "site.toml change equals a fresh build" compare

# --- a broken page, then fixed: the output recovers ---
cp "$S/content/$doc.md" "$TMP/doc.bak"
printf '+++\ntitle = "hỏng\n+++\n' >"$S/content/$doc.md"
check "broken page reported" wait_lines 'build failed' 1
cp "$TMP/doc.bak" "$S/content/$doc.md"
rebuilds=$((rebuilds + 1))
check "fixed page rebuilt" wait_lines 'rebuilt in' $rebuilds
check "after the fix equals a fresh build" compare

kill -INT "$SERVE_PID"
i=0
while [ $i -lt 200 ] && kill -0 "$SERVE_PID" 2>/dev/null; do sleep 0.1; i=$((i + 1)); done
wait "$SERVE_PID"
rc=$?
SERVE_PID=""
check "serve stops with 0 on SIGINT (got $rc)" [ "$rc" -eq 0 ]
check "no sanitizer report" sh -c "! grep -Eq 'Sanitizer|runtime error' '$TMP/serve.err'"
done_suite incremental

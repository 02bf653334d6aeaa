#!/bin/sh
# serve's incremental rebuilds: after each kind of change the output folder
# holds the same bytes as a fresh full build of the same files, right after
# the partial rebuild (the search index included: a copy taken before
# serve's full build after a pause can touch it) and after that full build;
# a change to one page's text writes that page and the search files whose
# bytes changed only. Bounded waits everywhere: a hung server fails the
# suite, never CI.
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

# compare [DIR]: DIR (default: the live folder) against a fresh build of
# the same site (with the server's address as base URL, as serve builds)
compare() {
	rm -rf "$TMP/full"
	"$CONGKHAI" build --source "$S" --output "$TMP/full" --base-url "$URL" --now 2026-11-21 -q \
		2>"$TMP/build.err" || { echo "fresh build failed: $(cat "$TMP/build.err")" >&2; return 1; }
	diff -r "$TMP/full" "${1:-$L}" >"$TMP/diff" 2>&1 || { head -n 20 "$TMP/diff" >&2; return 1; }
}
# snap: copies the live folder to $TMP/snap right after a partial rebuild,
# before serve's full build after a pause (1.5 s) rewrites anything; fails
# when that full build finished meanwhile
snap() {
	before=$(grep -c 'caught up in' "$TMP/serve.err")
	rm -rf "$TMP/snap"
	cp -a "$L" "$TMP/snap" &&
		[ "$(grep -c 'caught up in' "$TMP/serve.err")" -eq "$before" ]
}
# the files below DIR newer than $TMP/mark, sorted, on one line
newer_than_mark() {
	(cd "$1" && find . -type f -newer "$TMP/mark" | sort | tr '\n' ' ')
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
check "text change: copy of the output before the full build" snap
check "text change: only the page" sh -c "printf '%s' \"\$0\" | grep -q '(changed pages)'" "$(last_rebuild)"
newer=$(newer_than_mark "$TMP/snap")
others=$(printf '%s' "$newer" | tr ' ' '\n' | grep -v '^\./tim-kiem/' | tr '\n' ' ')
check "text change: its index.html and search files touched only (got: $newer)" \
	[ "$others" = "./$doc/index.html " ]
check "text change: the search index rewritten (got: $newer)" \
	sh -c "printf '%s' \"\$0\" | grep -q '\./tim-kiem/idx/'" "$newer"
expect_grep "xyzzyincr" "$L/$doc/index.html" "new text served"
check "text change: the new word in the search index at once" \
	sh -c "cat '$TMP/snap/tim-kiem/idx/'*.json | grep -q '\"xyzzyincr\":'"
check "text change: everything equals a fresh build at once" compare "$TMP/snap"
caught=$((caught + 1))
check "full build after the pause" wait_lines 'caught up in' $caught
check "text change: everything equals a fresh build" compare

# --- a word only one page has, changed: the search index follows at once
# (the old word gone, the new one found; the shard file stays the same) ---
touch "$TMP/mark"
sleep 0.05
sed -i 's/xyzzyincr/xyzzydoi/' "$S/content/$doc.md"
rebuilds=$((rebuilds + 1))
check "word change rebuilt" wait_lines 'rebuilt in' $rebuilds
check "word change: copy of the output before the full build" snap
check "word change: only the page" sh -c "printf '%s' \"\$0\" | grep -q '(changed pages)'" "$(last_rebuild)"
check "word change: the new word in the search index at once" \
	sh -c "cat '$TMP/snap/tim-kiem/idx/'*.json | grep -q '\"xyzzydoi\":'"
check "word change: the old word gone from the search index at once" \
	sh -c "! cat '$TMP/snap/tim-kiem/idx/'*.json | grep -q 'xyzzyincr'"
newer=$(newer_than_mark "$TMP/snap")
check "word change: the page's block of search documents not rewritten (got: $newer)" \
	sh -c "! printf '%s' \"\$0\" | grep -q 'tim-kiem/docs/'" "$newer"
check "word change: everything equals a fresh build at once" compare "$TMP/snap"
caught=$((caught + 1))
check "full build after the pause (word)" wait_lines 'caught up in' $caught
check "word change: everything equals a fresh build" compare

# --- a word that makes a shard of its own, then goes: the shard file comes
# and goes with it at once ---
for step in add remove; do
	touch "$TMP/mark"
	sleep 0.05
	if [ $step = add ]; then
		printf '\nMột từ lạ qqzzvang.\n' >>"$S/content/$doc.md"
	else
		sed -i 's/ qqzzvang//' "$S/content/$doc.md"
	fi
	rebuilds=$((rebuilds + 1))
	check "shard $step: rebuilt" wait_lines 'rebuilt in' $rebuilds
	check "shard $step: copy of the output before the full build" snap
	check "shard $step: only the page" sh -c "printf '%s' \"\$0\" | grep -q '(changed pages)'" "$(last_rebuild)"
	if [ $step = add ]; then
		expect_file "$TMP/snap/tim-kiem/idx/qq.json" "shard add: its own shard file"
	else
		check "shard remove: the shard file is gone at once" [ ! -e "$TMP/snap/tim-kiem/idx/qq.json" ]
	fi
	check "shard $step: everything equals a fresh build at once" compare "$TMP/snap"
	caught=$((caught + 1))
	check "shard $step: full build after the pause" wait_lines 'caught up in' $caught
done

# --- a citation of a document the site does not hold: the list of cited,
# unpublished documents follows at once ---
touch "$TMP/mark"
sleep 0.05
printf '\nCăn cứ Quyết định số 987/QĐ-UBND ngày 02/3/2021 của Ủy ban nhân dân huyện.\n' >>"$S/content/$doc.md"
rebuilds=$((rebuilds + 1))
check "unheld citation: rebuilt" wait_lines 'rebuilt in' $rebuilds
check "unheld citation: copy of the output before the full build" snap
check "unheld citation: changed pages only" sh -c "printf '%s' \"\$0\" | grep -q '(changed pages)'" "$(last_rebuild)"
expect_grep "987/QĐ-UBND" "$TMP/snap/van-ban/da-dan-chieu/index.html" "unheld citation: listed at once"
check "unheld citation: everything equals a fresh build at once" compare "$TMP/snap"
caught=$((caught + 1))
check "unheld citation: full build after the pause" wait_lines 'caught up in' $caught

# --- a citation added to one document's text: the cited document's page
# (its "cited by" list) is rendered again, with its own text intact ---
touch "$TMP/mark"
sleep 0.05
printf '\nThực hiện Văn bản số 46/UBND ngày 16/7/2024 của Ủy ban nhân dân phường Thác Mơ.\n' \
	>>"$S/content/van-ban/ke-hoach-cchc-2023.md"
rebuilds=$((rebuilds + 1))
check "citation rebuilt" wait_lines 'rebuilt in' $rebuilds
check "citation: copy of the output before the full build" snap
check "citation: changed pages only" sh -c "printf '%s' \"\$0\" | grep -q '(changed pages)'" "$(last_rebuild)"
newer=$(cd "$L" && find . -type f -newer "$TMP/mark" -name index.html | sort | tr '\n' ' ')
check "citation: the citing and the cited page written (got: $newer)" \
	[ "$newer" = "./van-ban/ke-hoach-cchc-2023/index.html ./$doc/index.html " ]
check "citation: everything equals a fresh build at once" compare "$TMP/snap"
caught=$((caught + 1))
check "full build after the pause (citation)" wait_lines 'caught up in' $caught
check "citation: everything equals a fresh build" compare

# --- a summary (first paragraph, no summary in front matter), edited with
# sed -i, whose temporary file must not count as a change ---
sed -i 's/^Đây là cổng thông tin công khai/Đây là cổng thông tin mở, công khai/' "$S/content/gioi-thieu.md"
rebuilds=$((rebuilds + 1))
check "summary change rebuilt" wait_lines 'rebuilt in' $rebuilds
check "summary change: copy of the output before the full build" snap
check "summary change: pages and lists" sh -c "printf '%s' \"\$0\" | grep -q '(changed pages and lists)'" "$(last_rebuild)"
check "summary change: everything equals a fresh build at once" compare "$TMP/snap"
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

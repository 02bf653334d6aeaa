#!/bin/sh
# congkhai serve over HTTP: pages, content types, folders, the site's 404
# page, refused paths, the reload script (served, never on disk), a change
# that shows and sends a reload event, a broken file shown as an error page
# and the recovery, SIGINT, --port in use, --quiet. Every wait is bounded.
. "$(dirname "$0")/lib.sh"

command -v curl >/dev/null || { echo "FAIL: curl is missing (make deps installs it)" >&2; echo "serve: 0 passed, 1 failed"; exit 1; }

SERVE_PID=""
EV_PID=""
trap 'for p in $SERVE_PID $EV_PID; do kill -KILL "$p" 2>/dev/null; done; rm -rf "$TMP"' EXIT

S=$TMP/site
copy_example "$S"
export TMPDIR="$TMP" # serve's private output folder goes here

# start_serve ARGS...: starts serve in the background; sets SERVE_PID and
# URL (empty when it did not come up within 60 s)
start_serve() {
	"$CONGKHAI" serve --source "$S" --now 2026-11-21 "$@" >"$TMP/serve.out" 2>"$TMP/serve.err" &
	SERVE_PID=$!
	URL=""
	i=0
	while [ $i -lt 600 ] && [ -z "$URL" ]; do
		URL=$(grep -o 'http://[^ ]*' "$TMP/serve.out" 2>/dev/null | head -n 1)
		kill -0 "$SERVE_PID" 2>/dev/null || break
		[ -z "$URL" ] && sleep 0.1
		i=$((i + 1))
	done
}
# stop_serve: SIGINT, at most 20 s; leaves the exit status in SERVE_RC
stop_serve() {
	kill -INT "$SERVE_PID" 2>/dev/null
	i=0
	while [ $i -lt 200 ] && kill -0 "$SERVE_PID" 2>/dev/null; do sleep 0.1; i=$((i + 1)); done
	kill -KILL "$SERVE_PID" 2>/dev/null
	wait "$SERVE_PID"
	SERVE_RC=$?
	SERVE_PID=""
}
# wait_lines TEXT N: until serve's stderr has N lines holding TEXT (60 s)
wait_lines() {
	i=0
	while [ $i -lt 600 ]; do
		[ "$(grep -c -- "$1" "$TMP/serve.err")" -ge "$2" ] && return 0
		kill -0 "$SERVE_PID" 2>/dev/null || return 1
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
# get PATH: fetches URL+PATH (as is, no normalizing); sets CODE, TYPE, BODY (a file)
BODY=$TMP/body
get() {
	res=$(curl -s --path-as-is --max-time 20 -o "$BODY" -w '%{http_code} %{content_type}' "$URL$1")
	CODE=${res%% *}
	TYPE=${res#* }
}
expect_get() { # PATH CODE TYPE-PREFIX NAME
	get "$1"
	if [ "$CODE" = "$2" ] && case $TYPE in "$3"*) true ;; *) false ;; esac; then pass; else
		fail "$4: GET $1 gave $CODE '$TYPE', expected $2 '$3'"; fi
}

start_serve --port 0
check "serve printed its address" [ -n "$URL" ]
[ -n "$URL" ] || { cat "$TMP/serve.err" >&2; done_suite serve; }
case $URL in http://127.0.0.1:*/) pass ;; *) fail "address on 127.0.0.1: $URL" ;; esac
OUT=$(sed -n 's/.*(from \(.*\); Ctrl-C stops).*/\1/p' "$TMP/serve.out")
check "private output folder below TMPDIR" sh -c "case '$OUT' in '$TMP'/congkhai-serve-*) true ;; *) false ;; esac"
check "initial build reported" grep -q '^congkhai: built ' "$TMP/serve.err"

# --- pages and types ---
expect_get "" 200 "text/html; charset=utf-8" "home page"
check "reload script in served HTML" grep -q '<script src="/__congkhai/reload.js?g=[0-9]*"></script></body>' "$BODY"
expect_no_grep "__congkhai" "$OUT/index.html" "no reload script in the built file"
check "no reload script in any built file" sh -c "! grep -rlq __congkhai '$OUT'"
expect_get "van-ban/" 200 "text/html; charset=utf-8" "section folder"
expect_get "van-ban/ke-hoach-cchc-2023/" 200 "text/html; charset=utf-8" "document"
expect_grep "76,03/100" "$BODY" "document text"
expect_get "van-ban/ke-hoach-cchc-2023/index.html" 200 "text/html" "index.html by name"
get "van-ban"
check "folder without / redirects (got $CODE)" [ "$CODE" = 301 ]
loc=$(curl -s --max-time 20 -o /dev/null -w '%{redirect_url}' "${URL}van-ban")
check "redirect to the folder (got $loc)" [ "$loc" = "${URL}van-ban/" ]
expect_get "css/style.css" 200 "text/css; charset=utf-8" "CSS"
expect_get "feed.xml" 200 "application/xml; charset=utf-8" "feed"
expect_get "sitemap.xml" 200 "application/xml" "sitemap"
expect_get "robots.txt" 200 "text/plain; charset=utf-8" "robots.txt"
expect_get "favicon.svg" 200 "image/svg+xml" "SVG"
expect_get "__congkhai/reload.js" 200 "text/javascript" "reload script"
expect_grep "EventSource" "$BODY" "reload script opens the event stream"
expect_get "khong-co-trang-nay/" 404 "text/html; charset=utf-8" "missing page"
expect_grep "Không tìm thấy trang" "$BODY" "the site's 404 page"
expect_grep "/__congkhai/reload.js" "$BODY" "404 page reloads too"
code=$(curl -s --max-time 20 -o /dev/null -w '%{http_code}' -X POST "$URL")
check "POST refused (got $code)" [ "$code" = 405 ]

# --- paths that must not leave the output folder ---
for p in "../../etc/passwd" "%2e%2e/%2e%2e/etc/passwd" "%2E%2E%2F%2E%2E%2Fetc%2Fpasswd" \
	"css/..%2f..%2f..%2fetc%2fpasswd" "van-ban/../../../etc/passwd" "a%00b" "css%5c..%5cindex.html" \
	"./index.html" "van-ban//" "%zz"; do
	get "$p"
	check "/$p refused (got $CODE)" sh -c "[ '$CODE' = 400 ] || [ '$CODE' = 404 ]"
	check "/$p shows nothing outside" sh -c "! grep -q 'root:' '$BODY'"
done
long=$(printf '%03000d' 0)
get "$long"
check "very long path refused (got $CODE)" sh -c "[ '$CODE' = 400 ] || [ '$CODE' = 404 ] || [ '$CODE' = 414 ]"

# --- a change: new content and a reload event ---
curl -s -N --max-time 60 "${URL}__congkhai/events" >"$TMP/events" 2>/dev/null &
EV_PID=$!
i=0
while [ $i -lt 200 ] && ! grep -q 'congkhai serve' "$TMP/events" 2>/dev/null; do sleep 0.1; i=$((i + 1)); done
check "event stream open" grep -q 'congkhai serve' "$TMP/events"
printf '\nĐoạn mới viết để thử xem trước.\n' >>"$S/content/gioi-thieu.md"
check "change rebuilt" wait_lines 'rebuilt in' 1
get "gioi-thieu/"
expect_grep "Đoạn mới viết để thử xem trước." "$BODY" "new content served"
i=0
while [ $i -lt 200 ] && ! grep -q '^event: reload' "$TMP/events"; do sleep 0.1; i=$((i + 1)); done
check "reload event sent" grep -q '^event: reload' "$TMP/events"
kill "$EV_PID" 2>/dev/null
wait "$EV_PID" 2>/dev/null
EV_PID=""
# a tab that was sent an older build reloads at once
curl -s -N --max-time 3 "${URL}__congkhai/events?g=1" >"$TMP/events2" 2>/dev/null
check "an old tab is told to reload at once" grep -q '^event: reload' "$TMP/events2"

# --- a broken file: the error page; fixed: recovery ---
cp "$S/content/gioi-thieu.md" "$TMP/gt.bak"
printf '+++\ntitle = "Giới thiệu\n+++\n' >"$S/content/gioi-thieu.md"
check "failure reported on the terminal" wait_lines 'build failed' 1
check "terminal names file and line" grep -q 'content/gioi-thieu.md:2:9: error: ' "$TMP/serve.err"
expect_get "van-ban/" 500 "text/html; charset=utf-8" "error page instead of HTML"
expect_grep "content/gioi-thieu.md:2:9: error: " "$BODY" "error page names file and line"
expect_grep "/__congkhai/reload.js" "$BODY" "error page reloads"
expect_get "css/style.css" 200 "text/css" "other files still served"
cp "$TMP/gt.bak" "$S/content/gioi-thieu.md"
check "fixed file rebuilt" wait_lines 'rebuilt in' 2
expect_get "van-ban/" 200 "text/html" "recovered without a restart"
get "gioi-thieu/"
expect_grep "Đoạn mới viết để thử xem trước." "$BODY" "recovered content"

# --- a second server on the same port fails cleanly ---
port=${URL#http://127.0.0.1:}
port=${port%/}
"$CONGKHAI" serve --source "$S" --port "$port" --output "$TMP/second" >"$TMP/second.out" 2>"$TMP/second.err"
rc=$?
check "port in use: exit 1 (got $rc)" [ "$rc" -eq 1 ]
check "port in use: says so" grep -q "cannot listen on 127.0.0.1 port $port" "$TMP/second.err"

# --- SIGINT ---
stop_serve
check "exit 0 on SIGINT (got $SERVE_RC)" [ "$SERVE_RC" -eq 0 ]
check "no sanitizer report" sh -c "! grep -Eq 'Sanitizer|runtime error' '$TMP/serve.err'"
check "private output folder removed" [ ! -e "$OUT" ]

# --- --quiet: only the address; --output kept ---
start_serve --port 0 --quiet --output "$TMP/kept"
check "quiet: address printed" [ -n "$URL" ]
get ""
check "quiet: serves (got $CODE)" [ "$CODE" = 200 ]
stop_serve
check "quiet: nothing on stderr" [ ! -s "$TMP/serve.err" ]
check "quiet: exit 0" [ "$SERVE_RC" -eq 0 ]
expect_file "$TMP/kept/index.html" "--output is kept"

run serve --port 70000; expect_rc 2 "bad port"
run serve --bind nowhere; expect_rc 2 "bad address"
run help serve; expect_rc 0 "help serve"
done_suite serve

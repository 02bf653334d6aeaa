#!/bin/sh
# serve under load: a burst of concurrent requests from curl processes on
# the loopback (bounded: a fixed count, every request with a time limit),
# mixed with hostile paths (.., %2e%2e, very long URLs). serve must keep
# answering, refuse the hostile paths with 400 or 404, hold no more file
# descriptors after the burst than before, grow its memory only boundedly,
# and exit on SIGINT with no LeakSanitizer report (the sanitizer build).
. "$(dirname "$0")/lib.sh"

command -v curl >/dev/null || { echo "FAIL: curl is missing (make deps installs it)" >&2; echo "serve-load: 0 passed, 1 failed"; exit 1; }
SERVE_PID=""
trap '[ -n "$SERVE_PID" ] && kill -KILL "$SERVE_PID" 2>/dev/null; rm -rf "$TMP"' EXIT

S=$TMP/site
copy_example "$S"
export TMPDIR="$TMP"
# a small ASan quarantine, so that resident memory reflects what serve keeps
ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}:quarantine_size_mb=4" \
	"$CONGKHAI" serve --source "$S" --now 2026-11-21 --port 0 >"$TMP/serve.out" 2>"$TMP/serve.err" &
SERVE_PID=$!
URL=""
i=0
while [ $i -lt 600 ] && [ -z "$URL" ]; do
	URL=$(grep -o 'http://[^ ]*' "$TMP/serve.out" 2>/dev/null | head -n 1)
	kill -0 "$SERVE_PID" 2>/dev/null || break
	[ -z "$URL" ] && sleep 0.1
	i=$((i + 1))
done
URL=${URL%/}
check "serve started" [ -n "$URL" ]
[ -n "$URL" ] || done_suite serve-load

fds() { ls "/proc/$SERVE_PID/fd" 2>/dev/null | wc -l; }
rss() { sed -n 's/^VmRSS:[[:space:]]*\([0-9]*\).*/\1/p' "/proc/$SERVE_PID/status"; }
code() { curl -s --path-as-is --max-time 20 -o /dev/null -w '%{http_code}' "$URL$1"; }

check "serve answers before the burst" [ "$(code /)" = 200 ]
fd0=$(fds)
rss0=$(rss)

long=$(python3 -c "print('/van-ban/' + 'a' * 4000 + '/')")
# the request list: pages, assets, missing pages and hostile paths
: >"$TMP/paths"
for p in / /van-ban/ /van-ban/ke-hoach-cchc-2023/ /css/style.css /thu-tuc/ /chi-tieu/ \
	/xep-hang/ /du-lieu/ /khong-co/ "/../../etc/passwd" "/%2e%2e/%2e%2e/etc/passwd" \
	"/van-ban/%2E%2E/%2e%2e/site.toml" "/a/%00/b" "$long"; do
	printf '%s\n' "$p" >>"$TMP/paths"
done
i=0
while [ $i -lt 100 ]; do cat "$TMP/paths"; i=$((i + 1)); done >"$TMP/burst"
total=$(wc -l <"$TMP/burst")
# 1,400 requests, 32 at a time
xargs -P 32 -I{} curl -s --path-as-is --max-time 20 -o /dev/null -w '%{http_code} {}\n' "$URL{}" \
	<"$TMP/burst" >"$TMP/codes" 2>/dev/null
check "every request of the burst answered ($(wc -l <"$TMP/codes") of $total)" [ "$(wc -l <"$TMP/codes")" -eq "$total" ]
check "no request failed to connect or timed out" sh -c "! grep -q '^000 ' '$TMP/codes'"
check "pages answered 200 under load" [ "$(grep -c '^200 /van-ban/ke-hoach-cchc-2023/$' "$TMP/codes")" -eq 100 ]
check "missing page 404 under load" [ "$(grep -c '^404 /khong-co/$' "$TMP/codes")" -eq 100 ]
bad=$(grep -E ' (/\.\./|/%2e%2e/|/van-ban/%2E%2E|/a/%00)' "$TMP/codes" | grep -vcE '^(400|404) ')
check "hostile paths refused with 400 or 404 ($bad answered otherwise)" [ "$bad" -eq 0 ]
longbad=$(grep -F " $long" "$TMP/codes" | grep -vcE '^(400|404|414) ')
check "very long URLs refused" [ "$longbad" -eq 0 ]
check "no hostile path served the file" sh -c "! grep -q 'root:' '$TMP/codes'"
# connections of the burst may still be closing: wait (at most 10 s) for
# the count to settle; a leak stays
i=0
fd1=$(fds)
while [ "$fd1" -gt $((fd0 + 2)) ] && [ $i -lt 100 ]; do
	sleep 0.1
	fd1=$(fds)
	i=$((i + 1))
done
rss1=$(rss)
check "file descriptors after the burst ($fd1) no more than before ($fd0) plus 2" [ "$fd1" -le $((fd0 + 2)) ]
check "memory growth under 64 MB (${rss0} -> ${rss1} KB)" [ $((rss1 - rss0)) -lt 65536 ]
check "serve still answers after the burst" [ "$(code /)" = 200 ]
kill -INT "$SERVE_PID"
i=0
while [ $i -lt 200 ] && kill -0 "$SERVE_PID" 2>/dev/null; do sleep 0.1; i=$((i + 1)); done
kill -KILL "$SERVE_PID" 2>/dev/null
wait "$SERVE_PID"
rc=$?
SERVE_PID=""
check "serve exits 0 on SIGINT (exit $rc)" [ "$rc" -eq 0 ]
check "no sanitizer or leak report" sh -c "! grep -qE 'LeakSanitizer|AddressSanitizer|runtime error' '$TMP/serve.err'"
grep -E 'LeakSanitizer|AddressSanitizer|runtime error' -A8 "$TMP/serve.err" | head -20 >&2
done_suite serve-load

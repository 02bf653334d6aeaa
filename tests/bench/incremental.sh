#!/bin/sh
# incremental.sh [CONGKHAI [SITE [WORKDIR]]]: serve's one-page rebuild on a
# big site (a benchmark, never part of make test; bench.sh runs it).
#
# Starts `congkhai serve --port 0 --verbose` on SITE (default: a site of
# BENCH_DOCS, 10,000, documents made by gen_site.py in WORKDIR), then
# BENCH_EDITS times (default 5) appends a sentence to one document's text,
# reads serve's "rebuilt in N ms" line (the rebuild itself: inotify's
# delivery and serve's 100 ms wait for more changes come before it) and
# waits for the full build that follows a pause. Prints the median and the
# worst rebuild and restores the document. Target: under 50 ms.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CK=${1:-$ROOT/generator/congkhai}
W=${3:-${BENCH_DIR:-/tmp/congkhai-bench}}
SITE=${2:-$W/site}
N=${BENCH_DOCS:-10000}
EDITS=${BENCH_EDITS:-5}
mkdir -p "$W"
if [ ! -d "$SITE/content" ]; then
	echo "incremental: generating $N documents in $SITE"
	python3 "$ROOT/tests/bench/gen_site.py" "$SITE" "$N" >/dev/null
fi
DOC=$(find "$SITE/content" -name '*.md' ! -name '_index.md' | sort | sed -n '2p')
[ -n "$DOC" ] || { echo "incremental: no document in $SITE/content"; exit 1; }
cp "$DOC" "$W/incr-doc.bak"
LOG=$W/incr-serve.err
PID=""
cleanup() {
	rc=$?
	if [ -n "$PID" ] && kill -INT "$PID" 2>/dev/null; then sleep 1; fi
	if [ -n "$PID" ]; then kill -KILL "$PID" 2>/dev/null || true; fi
	cp "$W/incr-doc.bak" "$DOC"
	exit $rc
}
trap cleanup EXIT

"$CK" serve --source "$SITE" --output "$W/out-serve" --port 0 --now 2026-11-21 --verbose \
	>"$W/incr-serve.out" 2>"$LOG" &
PID=$!
# waits (at most $3 seconds) until LOG has $2 lines holding $1
wait_lines() {
	i=0
	while [ $i -lt $(($3 * 10)) ]; do
		[ "$(grep -c -- "$1" "$LOG")" -ge "$2" ] && return 0
		kill -0 "$PID" 2>/dev/null || return 1
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
wait_lines 'congkhai: built' 1 600 || { echo "incremental: serve did not start:"; tail -5 "$LOG"; exit 1; }
first=$(grep 'congkhai: built' "$LOG" | head -n 1)
echo "incremental: first build: ${first#congkhai: }"
k=0
: >"$W/incr.ms"
while [ $k -lt "$EDITS" ]; do
	k=$((k + 1))
	printf '\nCâu thêm số %d để đo dựng lại một trang.\n' "$k" >>"$DOC"
	wait_lines 'rebuilt in' "$k" 60 || { echo "incremental: no rebuild:"; tail -5 "$LOG"; exit 1; }
	line=$(grep 'rebuilt in' "$LOG" | tail -n 1)
	echo "incremental: edit $k: ${line#congkhai: }"
	printf '%s\n' "$line" | sed -n 's/.*rebuilt in \([0-9.]*\) ms.*/\1/p' >>"$W/incr.ms"
	# the full build after the pause, before the next edit
	wait_lines 'caught up in' "$k" 600 || { echo "incremental: no full build after the pause"; exit 1; }
done
sort -n "$W/incr.ms" | awk -v docs="$(find "$SITE/content" -name '*.md' | wc -l)" '
	{ v[NR] = $1 } END { m = int((NR + 1) / 2);
	printf "%-22s %8.1f ms median %8.1f ms worst  (%d Markdown files; target < 50 ms)\n",
		"incremental-1-page", v[m], v[NR], docs }'

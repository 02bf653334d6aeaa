#!/bin/sh
# make bench: the benchmark of tests/bench/README.md. Generates the synthetic
# site, then in one run on this machine measures (median of RUNS runs each):
# congkhai's full build, Hugo's build of the same Markdown, the cmark-gfm
# floor, a one-document rebuild through serve's incremental path, and the
# full build at twice the size. Prints wall time, CPU time and peak memory,
# and the ratios. Never part of make test.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
N=${BENCH_DOCS:-10000}
RUNS=${BENCH_RUNS:-3}
JOBS=${BENCH_JOBS:-$(nproc)}
W=${BENCH_DIR:-/tmp/congkhai-bench}
CK=$ROOT/generator/congkhai
mkdir -p "$W"

command -v hugo >/dev/null || { echo "bench: hugo is missing (make bench installs it as root: apt-get install hugo)"; exit 1; }
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is missing (apt-get install time)"; exit 1; }

cc -O2 -o "$W/floor" "$ROOT/tests/bench/floor.c" $(pkg-config --cflags --libs libcmark-gfm) -lcmark-gfm-extensions -lpthread

echo "bench: generating $N and $((N * 2)) documents in $W"
python3 "$ROOT/tests/bench/gen_site.py" "$W/site" "$N" --hugo "$W/hugo" >/dev/null
python3 "$ROOT/tests/bench/gen_site.py" "$W/site2" "$((N * 2))" >/dev/null

# measure NAME CMD...: runs CMD RUNS times; prints the median wall, CPU and
# peak RSS, and keeps the median wall seconds in $W/NAME.wall
measure() {
	name=$1; shift
	: >"$W/$name.times"
	i=0
	while [ $i -lt "$RUNS" ]; do
		/usr/bin/time -f "%e %U %S %M" -o "$W/$name.one" "$@" >/dev/null 2>"$W/$name.err" || {
			echo "bench: $name failed:"; tail -5 "$W/$name.err"; exit 1; }
		cat "$W/$name.one" >>"$W/$name.times"
		i=$((i + 1))
	done
	sort -n "$W/$name.times" | awk -v name="$name" -v w="$W/$name.wall" '
		{ wall[NR] = $1; cpu[NR] = $2 + $3; rss[NR] = $4 }
		END { m = int((NR + 1) / 2); printf "%-22s %8.3f s wall %8.3f s cpu %8.1f MB peak\n", name, wall[m], cpu[m], rss[m] / 1024; print wall[m] > w }'
}

echo "bench: machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo), $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
echo "bench: congkhai $("$CK" version | cut -d' ' -f2), $(hugo version | cut -d' ' -f1-2), $RUNS runs each, median"
measure congkhai-10k "$CK" build --quiet --source "$W/site" --output "$W/out-ck" --now 2026-11-21
measure hugo-10k hugo --quiet -s "$W/hugo" -d "$W/out-hugo"
measure floor-10k "$W/floor" -j "$JOBS" "$W"/site/content/van-ban/vb-*.md
measure congkhai-20k "$CK" build --quiet --source "$W/site2" --output "$W/out-ck2" --now 2026-11-21
if [ -x "$ROOT/tests/bench/incremental.sh" ]; then
	sh "$ROOT/tests/bench/incremental.sh" "$CK" "$W/site" "$W" || echo "bench: incremental measurement failed"
fi
awk -v ck="$(cat "$W/congkhai-10k.wall")" -v hugo="$(cat "$W/hugo-10k.wall")" \
    -v floor="$(cat "$W/floor-10k.wall")" -v ck2="$(cat "$W/congkhai-20k.wall")" 'BEGIN {
	printf "ratio hugo/congkhai   %6.2f  (target >= 5)\n", hugo / ck
	printf "ratio congkhai/floor  %6.2f  (target <= 1.5)\n", ck / floor
	printf "ratio 20k/10k         %6.2f  (target <= 2.2)\n", ck2 / ck }'

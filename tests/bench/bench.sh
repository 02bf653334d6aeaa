#!/bin/sh
# make bench: the benchmark of tests/bench/README.md. Generates the synthetic
# site, then in one run on this machine measures (median of RUNS runs each):
# congkhai's full build (into an empty folder, and again on the previous
# build's files: output.h's spare tree, the everyday rebuild), Hugo's build
# of the same Markdown (into an empty folder, and again over its previous
# output, which is how Hugo rebuilds), the cmark-gfm floor, a one-document
# rebuild through serve's incremental path, and the full build at twice the
# size. Prints wall time, CPU time and peak memory, and the ratios. Never
# part of make test.
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
cc -O2 -o "$W/write_floor" "$ROOT/tests/bench/write_floor.c" -lpthread

if [ "${BENCH_KEEP:-0}" = 1 ] && [ -d "$W/site/content" ] && [ -d "$W/site2/content" ]; then
	echo "bench: reusing the sites in $W (BENCH_KEEP=1)"
else
	echo "bench: generating $N and $((N * 2)) documents in $W"
	rm -rf "$W/site" "$W/site2" "$W/hugo"
	python3 "$ROOT/tests/bench/gen_site.py" "$W/site" "$N" --hugo "$W/hugo" >/dev/null
	python3 "$ROOT/tests/bench/gen_site.py" "$W/site2" "$((N * 2))" >/dev/null
fi

# measure NAME PREP CMD...: runs PREP (a shell command: what must hold
# before each run) then CMD, RUNS times; prints the median wall, CPU and
# peak RSS, and keeps the median wall and CPU seconds in $W/NAME.wall and
# $W/NAME.cpu
measure() {
	name=$1; prep=$2; shift 2
	: >"$W/$name.times"
	i=0
	while [ $i -lt "$RUNS" ]; do
		sh -c "$prep"
		sync
		/usr/bin/time -f "%e %U %S %M" -o "$W/$name.one" "$@" >/dev/null 2>"$W/$name.err" || {
			echo "bench: $name failed:"; tail -5 "$W/$name.err"; exit 1; }
		cat "$W/$name.one" >>"$W/$name.times"
		i=$((i + 1))
	done
	sort -n "$W/$name.times" | awk -v name="$name" -v w="$W/$name.wall" -v c="$W/$name.cpu" '
		{ wall[NR] = $1; cpu[NR] = $2 + $3; rss[NR] = $4 }
		END { m = int((NR + 1) / 2); printf "%-26s %8.3f s wall %8.3f s cpu %8.1f MB peak\n", name, wall[m], cpu[m], rss[m] / 1024
		      print wall[m] > w; print cpu[m] > c }'
}

echo "bench: machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo), $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), $(df -T "$W" | awk 'NR == 2 {print $2}') file system"
echo "bench: congkhai $("$CK" version | cut -d' ' -f2), $(hugo version | cut -d' ' -f1-2), $RUNS runs each, median; $JOBS threads"
CKB="$CK build --quiet --jobs $JOBS --now 2026-11-21"
# into an empty folder: no output and no spare tree before each run
measure congkhai-10k-empty "rm -rf '$W/out-ck' '$W/out-ck.congkhai-spare'" $CKB --source "$W/site" --output "$W/out-ck"
# the rebuild: the output and the spare tree are there from the runs before
measure congkhai-10k "[ -d '$W/out-ck.congkhai-spare' ] || $CKB --source '$W/site' --output '$W/out-ck' >/dev/null 2>&1" $CKB --source "$W/site" --output "$W/out-ck"
measure hugo-10k-empty "rm -rf '$W/out-hugo'" hugo --quiet -s "$W/hugo" -d "$W/out-hugo"
measure hugo-10k "true" hugo --quiet -s "$W/hugo" -d "$W/out-hugo"
measure floor-10k "true" "$W/floor" -j "$JOBS" "$W"/site/content/van-ban/vb-*.md
# the files congkhai wrote, of the same sizes, written with nothing else done
(cd "$W/out-ck" && find . -type f -printf '%s %P\n') >"$W/out-ck.list"
measure write-floor-10k "rm -rf '$W/out-wf'" "$W/write_floor" -j "$JOBS" "$W/out-wf" "$W/out-ck.list"
rm -rf "$W/out-wf"
measure congkhai-20k "[ -d '$W/out-ck2.congkhai-spare' ] || $CKB --source '$W/site2' --output '$W/out-ck2' >/dev/null 2>&1" $CKB --source "$W/site2" --output "$W/out-ck2"
measure congkhai-20k-empty "rm -rf '$W/out-ck2' '$W/out-ck2.congkhai-spare'" $CKB --source "$W/site2" --output "$W/out-ck2"
rm -rf "$W/out-ck2" "$W/out-ck2.congkhai-spare"
sh "$ROOT/tests/bench/incremental.sh" "$CK" "$W/site" "$W" || echo "bench: incremental measurement failed"
r() { cat "$W/$1.wall"; }
awk -v ck="$(r congkhai-10k)" -v cke="$(r congkhai-10k-empty)" -v hugo="$(r hugo-10k)" -v hugoe="$(r hugo-10k-empty)" \
    -v floor="$(r floor-10k)" -v wf="$(r write-floor-10k)" -v ck2="$(r congkhai-20k)" -v ck2e="$(r congkhai-20k-empty)" 'BEGIN {
	printf "ratio hugo/congkhai (rebuild)       %6.2f  (target >= 5)\n", hugo / ck
	printf "ratio hugo/congkhai (empty folder)  %6.2f\n", hugoe / cke
	printf "ratio congkhai/floor (rebuild)      %6.2f  (target <= 1.5)\n", ck / floor
	printf "ratio congkhai/floor (empty folder) %6.2f\n", cke / floor
	printf "ratio write-floor/floor             %6.2f  (writing the same files, nothing else)\n", wf / floor
	printf "ratio 20k/10k (rebuild)             %6.2f  (target <= 2.2)\n", ck2 / ck
	printf "ratio 20k/10k (empty folder)        %6.2f\n", ck2e / cke }'

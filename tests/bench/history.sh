#!/bin/sh
# The history walk benchmark (tests/bench/README.md, "history walk"): a
# generated site of BENCH_DOCS documents (gen_site.py, the site of bench.sh)
# gets a git history of BENCH_COMMITS commits (history_repo.py, through git
# fast-import), in two layouts: every document in content/van-ban/ (as
# bench.sh) and the same spread over 20 subfolders. Measures, median of
# BENCH_RUNS runs: the walk alone (history_walk.c) without the cache, with
# the cache at HEAD, and after one more commit; then (BENCH_BUILD_RUNS runs,
# 0 to skip) a full build of the flat layout with [history] enabled =
# false, with the history and no cache, and with the cache. Prints wall and
# CPU time. Never part of make test.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
N=${BENCH_DOCS:-10000}
C=${BENCH_COMMITS:-5000}
RUNS=${BENCH_RUNS:-3}
BUILD_RUNS=${BENCH_BUILD_RUNS:-1}
BUILD=${BUILD:-build}
W=${BENCH_DIR:-/tmp/congkhai-history-bench}
CK=$W/congkhai
command -v git >/dev/null || { echo "history bench: git is needed to make the test repositories (apt-get install git)"; exit 1; }
[ -x /usr/bin/time ] || { echo "history bench: /usr/bin/time is missing (apt-get install time)"; exit 1; }
mkdir -p "$W"
export XDG_CACHE_HOME="$W/cache"
export GIT_AUTHOR_NAME="Cán bộ" GIT_AUTHOR_EMAIL="canbo@example.vn" GIT_COMMITTER_NAME="Cán bộ" GIT_COMMITTER_EMAIL="canbo@example.vn"

make -s -C "$ROOT" BUILD="$BUILD" "$BUILD/rel/congkhai" >/dev/null
cp "$ROOT/$BUILD/rel/congkhai" "$CK" # a copy: others may rebuild the build folder's
OBJS=$(ls "$ROOT/$BUILD"/rel/*.o | grep -v '/main\.o$')
cc -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -I"$ROOT/generator" -o "$W/history_walk" \
	"$ROOT/tests/bench/history_walk.c" $OBJS \
	$(pkg-config --cflags --libs libcmark-gfm sqlite3 libgit2 libmicrohttpd libutf8proc zlib) \
	-lcmark-gfm-extensions -lpthread -lm

# make_repo DIR [--folders N] (BENCH_KEEP=1 keeps a repository made before)
make_repo() {
	d=$1; shift
	[ "${BENCH_KEEP:-0}" = 1 ] && [ -d "$d/.git" ] && return 0
	rm -rf "$d"
	python3 "$ROOT/tests/bench/gen_site.py" "$d" "$N" >/dev/null
	# the example's plan tracker names a page the generated site lacks; the
	# bulk sample data has no history to read and only slows the builds
	rm -f "$d/data/45-plan-tasks.sql" "$d/data/90-bench.sql"
	git init -q "$d"
	git -C "$d" symbolic-ref HEAD refs/heads/master
	python3 "$ROOT/tests/bench/history_repo.py" "$d" "$C" "$@" | git -C "$d" fast-import --quiet
	rm -rf "$d/content"
	git -C "$d" checkout -q -f master
	git -C "$d" gc -q
}

# measure NAME CMD...: median wall and CPU of RUNS runs; prep (a shell
# command) runs before each
measure() {
	name=$1; shift
	: >"$W/$name.times"
	i=0
	while [ $i -lt "$RUNS" ]; do
		eval "${prep:-:}"
		/usr/bin/time -f "%e %U %S" -o "$W/$name.one" "$@" >"$W/$name.out" 2>"$W/$name.err" || {
			echo "history bench: $name failed:"; tail -5 "$W/$name.err"; exit 1; }
		cat "$W/$name.one" >>"$W/$name.times"
		i=$((i + 1))
	done
	sort -n "$W/$name.times" | awk -v name="$name" '
		{ wall[NR] = $1; cpu[NR] = $2 + $3 }
		END { m = int((NR + 1) / 2); printf "%-30s %8.3f s wall %8.3f s cpu\n", name, wall[m], cpu[m] }'
}

echo "history bench: machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "history bench: $N documents, $C commits, $RUNS runs each, median"
echo "history bench: making the repositories in $W"
make_repo "$W/flat"
make_repo "$W/folders" --folders 20
for L in flat folders; do
	echo "history bench: $L: $(git -C "$W/$L" ls-files | wc -l) files, $(git -C "$W/$L" rev-list --count HEAD) commits"
	prep='rm -rf "$XDG_CACHE_HOME"'
	measure "walk-$L-no-cache" "$W/history_walk" "$W/$L"
	prep=
	measure "walk-$L-cached" "$W/history_walk" "$W/$L"
	prep='printf "\nMột dòng nữa.\n" >>"$W/$L/$(git -C "$W/$L" ls-files content | head -1)"; git -C "$W/$L" commit -q -a -m "Thêm một dòng"'
	measure "walk-$L-one-new-commit" "$W/history_walk" "$W/$L"
	prep=
	cat "$W/walk-$L-one-new-commit.out"
done
[ "$BUILD_RUNS" -gt 0 ] || exit 0
RUNS=$BUILD_RUNS
S=$W/flat
cp "$S/site.toml" "$W/site.toml.orig"
trap 'cp "$W/site.toml.orig" "$S/site.toml"' EXIT # site.toml is committed: never left changed
# enabled = false in the site's [history] table (added when it has none)
awk '/^\[history\][[:space:]]*(#.*)?$/ { print; print "enabled = false"; found = 1; in_h = 1; next }
	/^\[/ { in_h = 0 }
	in_h && /^[[:space:]]*enabled[[:space:]]*=/ { next }
	{ print }
	END { if (!found) printf "\n[history]\nenabled = false\n" }' "$W/site.toml.orig" >"$S/site.toml"
prep=
measure "build-flat-history-off" "$CK" build --quiet --source "$S" --output "$W/out" --now 2026-11-21
cp "$W/site.toml.orig" "$S/site.toml"
prep='rm -rf "$XDG_CACHE_HOME"'
measure "build-flat-no-cache" "$CK" build --quiet --source "$S" --output "$W/out" --now 2026-11-21
prep=
measure "build-flat-cached" "$CK" build --quiet --source "$S" --output "$W/out" --now 2026-11-21

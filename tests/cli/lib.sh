# tests/cli/lib.sh: helpers for the shell suites. Source it, call check and
# the expect_* helpers, end with `done_suite NAME`, which prints
# "NAME: N passed, N failed" and exits non-zero on failures.
# CONGKHAI is the binary under test (the sanitizer build by default).
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CONGKHAI=${CONGKHAI:-$ROOT/${BUILD:-build}/san/congkhai}
SHARED=${SHARED:-../shared}
case $SHARED in /*) ;; *) SHARED=$ROOT/$SHARED ;; esac
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
PASSED=0
FAILED=0
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

pass() { PASSED=$((PASSED + 1)); }
fail() { FAILED=$((FAILED + 1)); echo "FAIL: $*" >&2; }
# check NAME COMMAND...: passes when COMMAND exits 0.
check() {
	name=$1; shift
	if "$@"; then pass; else fail "$name"; fi
}
# run ARGS...: runs congkhai, leaving OUT, ERR and RC.
run() {
	"$CONGKHAI" "$@" >"$TMP/out" 2>"$TMP/err"
	RC=$?
	OUT=$(cat "$TMP/out")
	ERR=$(cat "$TMP/err")
}
expect_rc() {
	if [ "$RC" -eq "$1" ]; then pass; else fail "$2: exit $RC, expected $1; stderr: $ERR"; fi
}
expect_err() {
	if printf '%s' "$ERR" | grep -qF -- "$1"; then pass; else fail "$2: stderr lacks '$1'; got: $ERR"; fi
}
expect_file() {
	if [ -f "$1" ]; then pass; else fail "$2: missing $1"; fi
}
expect_grep() {
	if grep -qF -- "$1" "$2" 2>/dev/null; then pass; else fail "$3: '$1' not in $2"; fi
}
expect_no_grep() {
	if grep -qF -- "$1" "$2" 2>/dev/null; then fail "$3: '$1' found in $2"; else pass; fi
}
# tree_sum DIR: a checksum of every file's path and bytes below DIR.
tree_sum() {
	(cd "$1" && find . -type f -print0 | sort -z | xargs -0 sha256sum) | sha256sum
}
# copy_example DEST: the example site (content, themes, data, site.toml).
copy_example() {
	mkdir -p "$1"
	cp -r "$ROOT/content" "$ROOT/themes" "$ROOT/site.toml" "$1/"
	[ -d "$ROOT/data" ] && cp -r "$ROOT/data" "$1/"
	return 0
}
done_suite() {
	echo "$1: $PASSED passed, $FAILED failed"
	[ "$FAILED" -eq 0 ]
	exit $?
}

#!/bin/sh
# Runs every suite (unit and conformance binaries under ASan/UBSan, then the
# shell suites in tests/cli/) and ends with the total "N passed, N failed".
set -u
cd "$(dirname "$0")/.." || exit 2
SHARED=${SHARED:-../shared}
export SHARED
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
total_p=0; total_f=0; total_s=0
log=$(mktemp)
run_suite() {
	name=$1; shift
	"$@" >"$log" 2>&1
	rc=$?
	line=$(grep -E '^[A-Za-z0-9_./-]+: [0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
	p=$(printf '%s' "$line" | sed -n 's/.*: \([0-9]*\) passed.*/\1/p')
	f=$(printf '%s' "$line" | sed -n 's/.* \([0-9]*\) failed.*/\1/p')
	s=$(printf '%s' "$line" | sed -n 's/.* \([0-9]*\) skipped.*/\1/p')
	p=${p:-0}; f=${f:-0}; s=${s:-0}
	if [ -z "$line" ] || { [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; }; then
		f=$((f + 1))
		echo "$name: crashed or printed no count (exit $rc)"
	fi
	if [ "$f" -gt 0 ]; then
		sed -n '1,80p' "$log"
	else
		grep -E '^(SKIP|skip)' "$log" || true
	fi
	echo "  $name: $p passed, $f failed${s:+, $s skipped}" | sed 's/, 0 skipped//'
	total_p=$((total_p + p)); total_f=$((total_f + f)); total_s=$((total_s + s))
}
BUILD=${BUILD:-build}
export BUILD
for t in "$BUILD"/san/tests/*; do
	[ -x "$t" ] || continue
	case $(basename "$t") in
	fuzz-replay-*)
		f=${t##*/fuzz-replay-}
		run_suite "$(basename "$t")" "$t" "$f" "tests/fuzz/corpus/$f" "tests/fuzz/regress/$f" ;;
	*)
		run_suite "$(basename "$t")" "$t" ;;
	esac
done
for t in tests/cli/*.sh; do
	[ -f "$t" ] || continue
	[ "$(basename "$t")" = lib.sh ] && continue
	run_suite "$(basename "$t" .sh)" sh "$t"
done
rm -f "$log"
if [ "$total_s" -gt 0 ]; then
	echo "$total_p passed, $total_f failed, $total_s skipped"
else
	echo "$total_p passed, $total_f failed"
fi
[ "$total_f" -eq 0 ]

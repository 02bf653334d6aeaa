#!/bin/sh
# valgrind (memcheck) on a full build of the example site with the release
# binary: no errors, no leaks of any kind, every heap block freed. The
# release binary allocates through mimalloc; --soname-synonyms points
# memcheck's malloc replacement at it (without it memcheck sees no heap).
. "$(dirname "$0")/lib.sh"

if ! command -v valgrind >/dev/null; then
	fail "valgrind is not installed (make deps installs it)"
	done_suite valgrind
fi
S=$TMP/site
copy_example "$S"
valgrind --soname-synonyms=somalloc=libmimalloc.so.2 --leak-check=full --show-leak-kinds=all --errors-for-leak-kinds=all \
	--error-exitcode=9 "$ROOT/generator/congkhai" build --quiet --source "$S" \
	--now 2026-11-21 >"$TMP/vg.out" 2>"$TMP/vg.err"
rc=$?
check "valgrind: build exits 0 with no memcheck errors (rc $rc)" [ $rc -eq 0 ]
check "valgrind: all heap blocks freed" grep -q "All heap blocks were freed" "$TMP/vg.err"
check "valgrind: zero errors" grep -q "ERROR SUMMARY: 0 errors" "$TMP/vg.err"
allocs=$(sed -n 's/.*total heap usage: \([0-9,]*\) allocs.*/\1/p' "$TMP/vg.err" | tr -d ,)
check "valgrind: memcheck saw the build's heap (${allocs:-no} allocations)" [ "${allocs:-0}" -gt 10000 ]
[ $rc -eq 0 ] || tail -30 "$TMP/vg.err" >&2
expect_file "$S/public/index.html" "valgrind: the site was built"
done_suite valgrind

#!/bin/sh
# Golden tests: each tests/golden/<case>/site is built and its output compared
# file by file with tests/golden/<case>/expected (one check per file, plus one
# for the file list).
. "$(dirname "$0")/lib.sh"

for c in "$ROOT"/tests/golden/*/; do
	c=${c%/}
	name=$(basename "$c")
	run build --quiet --source "$c/site" --output "$TMP/$name" --now 2026-01-15
	expect_rc 0 "golden $name build"
	(cd "$c/expected" && find . -type f | sort) >"$TMP/want"
	(cd "$TMP/$name" && find . -type f | sort) >"$TMP/got"
	if cmp -s "$TMP/want" "$TMP/got"; then pass; else fail "golden $name: file lists differ: $(diff "$TMP/want" "$TMP/got" | head -5)"; fi
	while read -r f; do
		if cmp -s "$c/expected/$f" "$TMP/$name/$f"; then pass; else
			fail "golden $name: $f differs"
			diff "$c/expected/$f" "$TMP/$name/$f" | head -10 >&2
		fi
	done <"$TMP/want"
done
done_suite golden

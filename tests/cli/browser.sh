#!/bin/sh
# The example portal in a real browser: builds a copy of the example site
# with the release binary and runs tests/browser/run.mjs over it (Debian's
# chromium through playwright-core, axe-core, the Nu HTML Checker, page
# weight, print, search; see run.mjs for every check). Screenshots go to
# tests/browser/screenshots/. A missing node, chromium, java or npm package
# is a loud failure, never a skip: `make deps` installs them.
. "$(dirname "$0")/lib.sh"

B=$ROOT/tests/browser
if ! command -v node >/dev/null 2>&1; then
	echo "browser: missing node (install: apt-get install nodejs)"
	fail "node"
fi
for m in playwright-core axe-core vnu-jar; do
	if [ ! -d "$B/node_modules/$m" ]; then
		echo "browser: missing tests/browser/node_modules/$m (install: make deps, which runs npm ci in tests/browser)"
		fail "$m"
	fi
done
[ "$FAILED" -eq 0 ] || done_suite browser

BIN=$ROOT/generator/congkhai
[ -x "$BIN" ] || { fail "no $BIN (run make first)"; done_suite browser; }
S=$TMP/site
copy_example "$S"
if ! "$BIN" build --source "$S" --now 2026-11-21 --quiet; then
	fail "building the example site"
	done_suite browser
fi
# run.mjs prints the suite's "browser: N passed, N failed" line last
node "$B/run.mjs" "$S/public"

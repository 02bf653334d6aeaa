#!/bin/sh
# Installs the Debian packages congkhai needs to build and test, when run as
# root; otherwise prints the exact command. Then installs the browser tests'
# npm packages (tests/browser/package-lock.json) with `npm ci` when
# node_modules is missing or the lock file changed. Quiet when nothing is
# missing. CONGKHAI_DEPS="pkg ..." checks only those packages (for tests).
set -u
PKGS=${CONGKHAI_DEPS:-"gcc make pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev libsqlite3-dev libgit2-dev libmicrohttpd-dev libutf8proc-dev libmimalloc-dev zlib1g-dev valgrind clang libclang-rt-14-dev curl python3"}
# The browser tests' programs, as command:package. The package is installed
# only when the command is missing: a Node.js from elsewhere (NodeSource)
# brings its own npm, and Debian's npm package conflicts with it.
TOOLS="chromium:chromium node:nodejs npm:npm java:default-jre-headless"
missing=""
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -z "${CONGKHAI_DEPS:-}" ]; then
	for t in $TOOLS; do
		command -v "${t%%:*}" >/dev/null 2>&1 || missing="$missing ${t#*:}"
	done
fi
if [ -n "$missing" ]; then
	if [ "$(id -u)" = 0 ]; then
		echo "deps: installing:$missing"
		export DEBIAN_FRONTEND=noninteractive
		apt-get install -y -q $missing >/dev/null 2>&1 || {
			apt-get update -q >/dev/null 2>&1 && apt-get install -y -q $missing
		} || { echo "deps: apt-get install failed for:$missing" >&2; exit 1; }
	else
		echo "deps: missing packages:$missing" >&2
		echo "deps: run as root: apt-get install -y$missing" >&2
		exit 1
	fi
fi
[ -n "${CONGKHAI_DEPS:-}" ] && exit 0

# npm packages of tests/browser (only when run as a file: sh generator/deps.sh)
case $0 in */deps.sh | deps.sh) ;; *) exit 0 ;; esac
B=$(dirname "$0")/../tests/browser
[ -f "$B/package-lock.json" ] || exit 0
cmp -s "$B/package-lock.json" "$B/node_modules/.congkhai-lock" 2>/dev/null && exit 0
echo "deps: npm ci in tests/browser (playwright-core, axe-core, vnu-jar)"
(cd "$B" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) &&
	cp "$B/package-lock.json" "$B/node_modules/.congkhai-lock" ||
	{ echo "deps: npm ci failed in tests/browser: the browser tests cannot run" >&2; exit 1; }

#!/bin/sh
# Installs the Debian packages congkhai needs to build and test, when run as
# root; otherwise prints the exact command. Quiet when nothing is missing.
set -u
PKGS=${CONGKHAI_DEPS:-"gcc make pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev libsqlite3-dev libgit2-dev libmicrohttpd-dev libutf8proc-dev"}
missing=""
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
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

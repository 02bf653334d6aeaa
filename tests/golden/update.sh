#!/bin/sh
# Regenerates tests/golden/<case>/expected after an intended change.
# Read the diff before committing it.
set -eu
cd "$(dirname "$0")/../.."
make -s generator/congkhai
for c in tests/golden/*/; do
	c=${c%/}
	rm -rf "$c/expected"
	./generator/congkhai build --quiet --source "$c/site" --output "$c/expected" --now 2026-01-15
	echo "updated $c/expected"
done

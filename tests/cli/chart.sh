#!/bin/sh
# The chart golden files (written by tests/unit/test_chart.c) as a browser
# sees them: each SVG parses as XML, is role="img", its aria-labelledby
# names ids of its own <title>/<desc>, and no element has a style attribute
# (the site's CSP forbids inline styles).
. "$(dirname "$0")/lib.sh"

G=$ROOT/tests/golden-svg
if ! command -v python3 >/dev/null 2>&1; then
	echo "SKIP: python3 not found, the SVG files were not parsed"
	done_suite chart-svg
fi
n=0
for f in "$G"/*.svg; do
	n=$((n + 1))
	check "$(basename "$f") is well-formed accessible SVG" python3 - "$f" <<'PY'
import sys, xml.etree.ElementTree as E
ns = "{http://www.w3.org/2000/svg}"
root = E.parse(sys.argv[1]).getroot()
assert root.tag == ns + "svg", root.tag
assert root.get("role") == "img"
assert root.get("viewBox", "").startswith("0 0 ")
ids = {e.get("id"): e.tag for e in root.iter() if e.get("id")}
refs = root.get("aria-labelledby", "").split()
assert refs, "no aria-labelledby"
for r in refs:
    assert ids.get(r) in (ns + "title", ns + "desc"), r
assert root.find(ns + "title") is not None
for e in root.iter():
    assert "style" not in e.attrib, e.tag
PY
done
check "golden SVG files exist" [ "$n" -ge 4 ]
check "table golden parses as XML" python3 -c "import sys, xml.etree.ElementTree as E; E.parse(sys.argv[1])" "$G/table-two-series.html"
done_suite chart-svg

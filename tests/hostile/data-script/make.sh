# The whole example portal with hostile data rows: <script> in a unit name,
# a hotline label and a procedure name, and javascript:/data: in a phone
# number. Everything must come out as text.
R=$(cd "$(dirname "$0")/../../.." && pwd)
rm -rf "$1/content" "$1/themes" "$1/site.toml"
cp -r "$R/content" "$R/themes" "$R/data" "$R/site.toml" "$1/"
cat > "$1/data/99-hostile.sql" <<'SQL'
INSERT INTO units (id, name, kind, parent, source)
	VALUES ('xa-doc', '<script>alert("unit")</script>', 'commune', 'tuy-phuoc', 'sample');
INSERT INTO hotlines (unit, label, phone, source)
	VALUES ('<script>alert("unit")</script>', '<script>alert("label")</script>', 'javascript:alert(2)', 'sample');
INSERT INTO hotlines (unit, label, phone, source)
	VALUES ('UBND huyện Tuy Phước', '<img src=x onerror=alert(3)>', 'data:text/html,x', 'sample');
INSERT INTO procedures (code, name, field, level, agency, updated, source)
	VALUES ('9.999999', '<script>alert("proc")</script>', 'Hộ tịch', 'toàn trình', '<b>agency</b>', '2026-01-01', 'sample');
SQL

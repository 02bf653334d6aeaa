mkdir -p "$1/data"
printf 'CREATE TABLE units (id TEXT PRIMARY KEY, name TEXT NOT NULL CHECK (length(name) > 0));\n' > "$1/data/schema.sql"
printf -- "-- units of the district\n-- (a header comment)\n/* a block\n   comment */\nINSERT INTO units VALUES ('b', '');\n" > "$1/data/rows.sql"

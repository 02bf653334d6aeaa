mkdir -p "$1/data"
printf 'CREATE TABLE units (id TEXT PRIMARY KEY);\nCREATE TABLE obs (unit TEXT NOT NULL REFERENCES units(id), v REAL);\n' > "$1/data/schema.sql"
printf "INSERT INTO units VALUES ('a');\n\nINSERT INTO obs VALUES ('zz', 1.5);\n" > "$1/data/rows.sql"

# A unit whose website is a javascript: URL: the schema refuses the row,
# naming the file and line.
R=$(cd "$(dirname "$0")/../../.." && pwd)
rm -rf "$1/content" "$1/themes" "$1/site.toml"
cp -r "$R/content" "$R/themes" "$R/data" "$R/site.toml" "$1/"
printf "\nINSERT INTO units (id, name, kind, website, source)\n\tVALUES ('xa-js', 'Xã JS', 'commune', 'javascript:alert(1)', 'sample');\n" > "$1/data/99-hostile.sql"

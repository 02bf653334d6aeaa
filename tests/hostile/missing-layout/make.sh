rm "$1/themes/mini/layouts/single.mustache"
printf '+++\ntitle = "x"\n+++\nx\n' > "$1/content/a.md"

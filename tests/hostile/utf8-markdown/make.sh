printf '+++\ntitle = "x"\n+++\nab\303(cd\n' > "$1/content/bad.md"

printf '+++\ntitle = "x"\n+++\nab\000cd\n' > "$1/content/nul.md"

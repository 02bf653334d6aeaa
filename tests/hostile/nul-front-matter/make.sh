printf '+++\ntitle = "a\000b"\n+++\nx\n' > "$1/content/nul.md"

printf '+++\ntitle = "a"\ndate = 2023-01-01\ntitle = "b"\n+++\nx\n' > "$1/content/dup.md"

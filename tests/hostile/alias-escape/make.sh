printf '+++\ntitle = "x"\naliases = ["../../etc/x"]\n+++\nx\n' > "$1/content/a.md"

printf '+++\ntitle = "x"\naliases = ["/etc/passwd"]\n+++\nx\n' > "$1/content/a.md"

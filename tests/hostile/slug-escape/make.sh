printf '+++\ntitle = "x"\nslug = "../../etc/x"\n+++\nx\n' > "$1/content/a.md"
printf '+++\ntitle = "y"\nslug = "/etc/passwd"\n+++\ny\n' > "$1/content/b.md"

printf '+++\ntitle = "x"\n+++\nx\n' > "$1/content/secret.md"
chmod 000 "$1/content/secret.md"

ln -s /etc/passwd "$1/content/link.md"

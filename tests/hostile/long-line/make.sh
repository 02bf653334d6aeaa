python3 -c "import sys; sys.stdout.write('+++\ntitle = \"Long\"\n+++\n' + 'chữ ' * 2600000 + '\n')" > "$1/content/long.md"

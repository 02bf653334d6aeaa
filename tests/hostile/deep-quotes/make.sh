python3 -c "
import sys
sys.stdout.write('+++\ntitle = \"Quotes\"\n+++\n' + '>' * 10000 + ' x\n')
" > "$1/content/quotes.md"

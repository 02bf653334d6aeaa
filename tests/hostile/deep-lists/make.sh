python3 -c "
import sys
sys.stdout.write('+++\ntitle = \"Deep\"\n+++\n')
for i in range(10000): sys.stdout.write('  ' * i + '- x\n')
" > "$1/content/deep.md"

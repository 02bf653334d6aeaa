i=0
while [ $i -lt 10 ]; do
	printf '+++\ntitle = "Trang %d"\n+++\nNội dung.\n' $i > "$1/content/p$i.md"
	i=$((i + 1))
done
python3 -c "print('+++\ntitle = \"Lớn\"\n+++\n' + 'Nội dung dài. ' * 20000)" > "$1/content/lon.md"

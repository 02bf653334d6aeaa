#!/bin/sh
# Hostile sites: every case in tests/hostile/ (see its README) is built with
# the sanitizer build into an output folder that holds a previous site; the
# result must match the case's `expect`, with no crash, no sanitizer report,
# nothing written outside the output folder, and on failure the previous
# output intact. Then a build killed with SIGKILL halfway.
. "$(dirname "$0")/lib.sh"

H=$ROOT/tests/hostile
chmod 755 "$TMP"

for case_dir in "$H"/*/; do
	c=$(basename "$case_dir")
	[ "$c" = base ] && continue
	W=$TMP/$c
	mkdir -p "$W"
	cp -r "$H/base" "$W/site"
	sh "$case_dir/make.sh" "$W/site"
	# a previous site in the output folder
	mkdir -p "$W/out/old"
	echo "previous site" >"$W/out/index.html"
	echo "kept" >"$W/out/old/page.html"
	before=$(tree_sum "$W/out")
	find "$W" -path "$W/out" -prune -o -print | sort >"$W.files-before"
	want_rc=$(sed -n 's/^exit=//p' "$case_dir/expect")
	user=$(sed -n 's/^user=//p' "$case_dir/expect")
	limit=$(sed -n 's/^limit_kb=//p' "$case_dir/expect")
	cmd="'$CONGKHAI' build --quiet --source '$W/site' --output '$W/out' --now 2026-11-21"
	[ -n "$limit" ] && cmd="ulimit -f $((limit * 2)); $cmd"
	if [ -n "$user" ]; then
		if [ "$(id -u)" != 0 ]; then
			pass # already unprivileged: the same check holds
			user=
		else
			chmod -R a+rX "$W/site" 2>/dev/null
			chmod 000 "$W/site/content/secret.md" 2>/dev/null
			chown -R 65534:65534 "$W/out"
			chmod 777 "$W"
		fi
	fi
	if [ -n "$user" ]; then
		# the checkout may sit in a folder the unprivileged user cannot
		# enter (a 0700 temporary folder): run a copy of the binary
		cp "$CONGKHAI" "$TMP/congkhai-unprivileged"
		chmod 755 "$TMP/congkhai-unprivileged"
		cmd=$(printf '%s' "$cmd" | sed "s|'$CONGKHAI'|'$TMP/congkhai-unprivileged'|")
		setpriv --reuid=65534 --regid=65534 --clear-groups sh -c "$cmd" >"$TMP/out" 2>"$TMP/err"
	else
		sh -c "$cmd" >"$TMP/out" 2>"$TMP/err"
	fi
	RC=$?
	ERR=$(cat "$TMP/err")
	expect_rc "$want_rc" "$c"
	if grep -qE "runtime error|AddressSanitizer|LeakSanitizer|Segmentation" "$TMP/err"; then
		fail "$c: sanitizer or crash report: $(head -5 "$TMP/err")"
	else
		pass
	fi
	sed -n 's/^stderr=//p' "$case_dir/expect" | while IFS= read -r line; do
		printf '%s\n' "$line" >>"$W.want-err"
	done
	if [ -f "$W.want-err" ]; then
		while IFS= read -r line; do
			expect_err "$line" "$c"
		done <"$W.want-err"
	fi
	for f in $(sed -n 's/^present=//p' "$case_dir/expect"); do
		expect_file "$W/out/$f" "$c"
	done
	sed -n 's/^absent=//p' "$case_dir/expect" >"$W.absent"
	while IFS= read -r pat; do
		# what a browser interprets: pages, feeds, sitemaps, charts (the
		# open-data CSV carries the data as written, by design)
		if grep -rqF --include='*.html' --include='*.xml' --include='*.svg' -- "$pat" "$W/out" 2>/dev/null; then
			fail "$c: '$pat' found in the output: $(grep -rlF --include='*.html' --include='*.xml' --include='*.svg' -- "$pat" "$W/out" | head -3)"
		else
			pass
		fi
	done <"$W.absent"
	if [ "$want_rc" != 0 ]; then
		after=$(tree_sum "$W/out")
		check "$c: previous output intact" [ "$before" = "$after" ]
	fi
	check "$c: no staging folder left" sh -c "! ls -d '$W'/out.staging-* 2>/dev/null | grep -q ."
	find "$W" -path "$W/out" -prune -o -print | sort >"$W.files-after"
	# the spare tree (output.h: the replaced site, kept to rebuild faster)
	# is congkhai's own folder beside the output
	extra=$(comm -13 "$W.files-before" "$W.files-after" | grep -v "^$W/out.staging-" | grep -v "^$W/out.congkhai-spare")
	check "$c: nothing written outside the output folder" [ -z "$extra" ]
	[ -n "$extra" ] && echo "  outside: $extra" >&2
done

# --- a build killed with SIGKILL halfway ---
K=$TMP/kill
cp -r "$H/base" "$K"
i=0
while [ $i -lt 3000 ]; do
	printf '+++\ntitle = "Trang %d"\n+++\nNội dung %d.\n' $i $i >"$K/content/p$i.md"
	i=$((i + 1))
done
"$CONGKHAI" build --quiet --source "$K" --output "$K/out" --now 2026-11-21
expect_file "$K/out/p0/index.html" "killed build: first build"
before=$(tree_sum "$K/out")
printf '+++\ntitle = "Mới"\n+++\nx\n' >"$K/content/new.md"
killed=0
for delay in 0.05 0.1 0.2 0.4; do
	"$CONGKHAI" build --quiet --source "$K" --output "$K/out" --now 2026-11-21 >/dev/null 2>&1 &
	pid=$!
	sleep $delay
	if kill -9 $pid 2>/dev/null; then killed=1; fi
	wait $pid 2>/dev/null
	[ $killed = 1 ] && break
done
check "killed build: the build was killed while running" [ $killed = 1 ]
after=$(tree_sum "$K/out")
check "killed build: previous output intact" [ "$before" = "$after" ]
"$CONGKHAI" build --quiet --source "$K" --output "$K/out" --now 2026-11-21
expect_file "$K/out/new/index.html" "killed build: next build succeeds"
check "killed build: stale staging folder removed by the next build" sh -c "! ls -d '$K'/out.staging-* 2>/dev/null | grep -q ."

# --- a really full disk: a small tmpfs (root only; otherwise the file-size
# limit of the full-disk case stands in) ---
D=$TMP/disk
mkdir -p "$D"
if [ "$(id -u)" = 0 ] && mount -t tmpfs -o size=256k tmpfs "$D" 2>/dev/null; then
	mkdir -p "$D/out"
	echo "previous site" >"$D/out/index.html"
	before=$(tree_sum "$D/out")
	run build --quiet --source "$K" --output "$D/out" --now 2026-11-21
	expect_rc 1 "full tmpfs"
	expect_err "No space left on device" "full tmpfs message"
	check "full tmpfs: previous output intact" [ "$before" = "$(tree_sum "$D/out")" ]
	check "full tmpfs: staging removed" sh -c "! ls -d '$D'/out.staging-* 2>/dev/null | grep -q ."
	check "full tmpfs: what the build wrote is not kept as a spare" [ ! -e "$D/out.congkhai-spare" ]
	umount "$D"
fi

done_suite hostile

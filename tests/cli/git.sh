#!/bin/sh
# congkhai's git side end to end, on real repositories in temporary folders
# (history.h, gitcmd.h): new then commit makes exactly one commit with the
# right files; a broken front matter commits nothing; page dates and change
# lists after several commits and a rename; /lich-su/ and its feed;
# uncommitted changes, a shallow clone and no repository fall back to front
# matter with one warning; publish twice without changes makes one commit;
# build --rev builds the old text. congkhai itself makes the repository and
# the commits; the git command, when installed, only inspects them and
# makes the shallow clone.
. "$(dirname "$0")/lib.sh"

HAVE_GIT=0
command -v git >/dev/null 2>&1 && HAVE_GIT=1
export GIT_AUTHOR_NAME="Văn phòng UBND huyện" GIT_AUTHOR_EMAIL="vanphong@example.vn"
unset GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL GIT_COMMITTER_DATE GIT_DIR GIT_WORK_TREE
# congkhai's temporary folders go here, so that none may be left behind
export TMPDIR="$TMP/tmpdir" XDG_CACHE_HOME="$TMP/cache"
mkdir -p "$TMPDIR"
# the git command, for inspection only; no config of this machine is read
g() { HOME=$TMP GIT_CONFIG_NOSYSTEM=1 git -c safe.directory='*' -C "$S" "$@"; }
ncommits() { g rev-list --count "${1:-HEAD}" 2>/dev/null || echo 0; }
# count_err TEXT: lines of stderr holding TEXT
count_err() { printf '%s\n' "$ERR" | grep -cF -- "$1"; }

# --- usage ---
run new; expect_rc 2 "new without arguments"
run new cong-van; expect_rc 2 "new without a title"
run new thu-moi "X"; expect_rc 2 "new with an unknown kind"
run commit; expect_rc 2 "commit without -m"
expect_err "-m" "commit asks for -m"
run commit -m ""; expect_rc 2 "commit with an empty message"
run publish --nope; expect_rc 2 "publish with an unknown option"
for c in new commit publish; do
	run help $c; expect_rc 0 "help $c"
done
run help build
check "help build lists --rev" sh -c "printf '%s' \"\$0\" | grep -q -- '--rev REV'" "$OUT"

# --- no repository: dates from front matter, one warning ---
S=$TMP/site
copy_example "$S"
rm -rf "$S/public"
DOC=$S/content/van-ban/thong-bao-ket-luan-hoi-nghi-cchc-y-yen-2022.md
run build --source "$S" --output "$TMP/out0" --now 2026-11-21
expect_rc 0 "build outside a repository"
check "no repository: one warning" [ "$(count_err 'history: not available: the site folder is not in a git repository')" -eq 1 ]
expect_grep 'Ngày đăng: <time datetime="2023">năm 2023</time>' "$TMP/out0/van-ban/ke-hoach-cchc-2023/index.html" \
	"no repository: published from the front matter's date and precision"
expect_no_grep 'Xem các lần cập nhật' "$TMP/out0/van-ban/ke-hoach-cchc-2023/index.html" "no repository: no change list"
expect_grep 'Chưa có lịch sử thay đổi.' "$TMP/out0/lich-su/index.html" "no repository: /lich-su/ says there is none"

# --- the first commit makes the repository ---
export GIT_AUTHOR_DATE="2026-03-01T09:00:00+07:00"
run commit --source "$S" -m "Khởi tạo cổng công khai"
expect_rc 0 "first commit"
expect_err "created a new git repository" "commit says it made a repository"
check "the repository exists" [ -d "$S/.git" ]
if [ $HAVE_GIT = 1 ]; then
	check "one commit" [ "$(ncommits)" -eq 1 ]
	g ls-tree -r --name-only HEAD >"$TMP/files1"
	expect_grep "content/van-ban/ke-hoach-cchc-2023.md" "$TMP/files1" "content is committed"
	expect_grep "site.toml" "$TMP/files1" "site.toml is committed"
	expect_grep "data/schema.sql" "$TMP/files1" "data is committed"
	check "themes/ and public/ are not committed" sh -c "! grep -Eq '^(themes|public)/' '$TMP/files1'"
fi
run commit --source "$S" -m "Không có gì"
expect_rc 1 "commit without changes"
expect_err "nothing to commit" "commit says there is nothing to commit"

# --- new, then commit: exactly one commit with exactly that file ---
export GIT_AUTHOR_DATE="@1772935200 +0700" # 2026-03-08 09:00 in Vietnam
run new cong-van "Nâng cao chất lượng phục vụ người dân" --source "$S" --now 2026-03-08
expect_rc 0 "new cong-van"
NEW=$S/content/van-ban/cong-van-nang-cao-chat-luong-phuc-vu-nguoi-dan.md
check "new prints the file's path" [ "$OUT" = "$NEW" ]
expect_file "$NEW" "new wrote the file"
expect_grep 'title = "Nâng cao chất lượng phục vụ người dân"' "$NEW" "new: title in the front matter"
expect_grep 'kind = "Công văn"' "$NEW" "new: the kind"
expect_grep 'date = 2026-03-08' "$NEW" "new: the date"
expect_grep 'issuer = "UBND huyện Tuy Phước"' "$NEW" "new: the issuer from site.toml"
expect_grep 'subject = "V/v Nâng cao chất lượng phục vụ người dân"' "$NEW" "new: the subject"
cp "$NEW" "$TMP/new.bak"
run new "công văn" "Nâng cao chất lượng phục vụ người dân" --source "$S"
expect_rc 1 "new refuses to overwrite"
expect_err "already exists" "new says the file exists"
check "the file is unchanged" cmp -s "$NEW" "$TMP/new.bak"
run new page "Hỏi đáp: thủ tục \"một cửa\"" --source "$S" --now 2026-03-08
expect_rc 0 "new page"
expect_file "$S/content/hoi-dap-thu-tuc-mot-cua.md" "a page goes to content/"
expect_grep 'title = "Hỏi đáp: thủ tục \"một cửa\""' "$S/content/hoi-dap-thu-tuc-mot-cua.md" "quotes escaped for TOML"
rm "$S/content/hoi-dap-thu-tuc-mot-cua.md"
before=$(ncommits)
run commit --source "$S" -m "Đăng công văn nâng cao chất lượng phục vụ"
expect_rc 0 "commit the new document"
expect_err "added    content/van-ban/cong-van-nang-cao-chat-luong-phuc-vu-nguoi-dan.md" "commit lists the file"
if [ $HAVE_GIT = 1 ]; then
	check "exactly one new commit" [ "$(ncommits)" -eq $((before + 1)) ]
	g show --name-status --format= HEAD >"$TMP/show"
	check "the commit holds exactly the new file" [ "$(cat "$TMP/show")" = "A	content/van-ban/cong-van-nang-cao-chat-luong-phuc-vu-nguoi-dan.md" ]
	check "the commit's message" [ "$(g log -1 --format=%s)" = "Đăng công văn nâng cao chất lượng phục vụ" ]
	check "the author from the environment" [ "$(g log -1 --format=%an)" = "Văn phòng UBND huyện" ]
	check "a clean working tree after commit" [ -z "$(g status --porcelain -- content data site.toml)" ]
fi

# --- a broken front matter commits nothing ---
before=$(ncommits)
printf '+++\ntitle = "Hỏng"\ndate = 2023-01-0\n+++\nx\n' >"$S/content/van-ban/hong.md"
run commit --source "$S" -m "Văn bản hỏng"
expect_rc 1 "commit of a broken site"
expect_err "content/van-ban/hong.md:3:" "the error names the file and line"
expect_err "nothing was committed" "commit says nothing was committed"
if [ $HAVE_GIT = 1 ]; then
	check "no commit made" [ "$(ncommits)" -eq "$before" ]
	check "nothing staged" [ -z "$(g diff --cached --name-only)" ]
fi
rm "$S/content/van-ban/hong.md"

# --- more commits: an edit, a data change, a rename ---
export GIT_AUTHOR_DATE="2026-03-10T14:30:00+07:00"
printf '\nNội dung bổ sung ngày 10.\n' >>"$NEW"
run commit --source "$S" -m "Bổ sung nội dung công văn"
expect_rc 0 "commit an edit"
export GIT_AUTHOR_DATE="2026-03-12T08:00:00+07:00"
printf '\n-- Cập nhật số liệu tháng 3.\n' >>"$S/data/10-units.sql"
run commit --source "$S" -m "Cập nhật số liệu đơn vị"
expect_rc 0 "commit a data change"
export GIT_AUTHOR_DATE="2026-03-15T10:00:00+07:00"
mv "$DOC" "$S/content/van-ban/thong-bao-ket-luan-y-yen-2022.md"
run commit --source "$S" -m "Đổi tên tệp thông báo"
expect_rc 0 "commit a rename"
expect_err "deleted  content/van-ban/thong-bao-ket-luan-hoi-nghi-cchc-y-yen-2022.md" "the rename stages the removal"
expect_err "added    content/van-ban/thong-bao-ket-luan-y-yen-2022.md" "and the new name"
unset GIT_AUTHOR_DATE

# --- dates and history on the pages ---
run build --source "$S" --output "$TMP/out1" --now 2026-11-21
expect_rc 0 "build in the repository"
check "no history warning on a clean tree" [ "$(count_err 'history:')" -eq 0 ]
P1=$TMP/out1/van-ban/cong-van-nang-cao-chat-luong-phuc-vu-nguoi-dan/index.html
expect_grep 'Ngày đăng: <time datetime="2026-03-08">08/03/2026</time>' "$P1" "published: the first commit"
expect_grep 'Cập nhật: <time datetime="2026-03-10">10/03/2026</time>' "$P1" "updated: the last commit"
expect_grep 'Xem các lần cập nhật (2)' "$P1" "two changes"
expect_grep '<li><time datetime="2026-03-10">10/03/2026</time> — Bổ sung nội dung công văn</li>' "$P1" "change note, newest first"
expect_grep '<li><time datetime="2026-03-08">08/03/2026</time> — Đăng công văn nâng cao chất lượng phục vụ</li>' "$P1" "first change note"
check "newest first" sh -c "grep -n 'Bổ sung nội dung' '$P1' | cut -d: -f1 >'$TMP/a'; grep -n '— Đăng công văn' '$P1' | cut -d: -f1 >'$TMP/b'; [ \$(cat '$TMP/a') -lt \$(cat '$TMP/b') ]"
expect_no_grep 'Văn phòng UBND huyện' "$P1" "author names off by default"
P2=$TMP/out1/van-ban/thong-bao-ket-luan-y-yen-2022/index.html
expect_grep 'Ngày đăng: <time datetime="2026-03-01">01/03/2026</time>' "$P2" "a renamed file keeps its publication"
expect_grep 'Xem các lần cập nhật (2)' "$P2" "and its history across the rename"
expect_grep '— Đổi tên tệp thông báo</li>' "$P2" "the rename is a change"
L=$TMP/out1/lich-su/index.html
expect_file "$L" "/lich-su/ written"
for m in "Đổi tên tệp thông báo" "Cập nhật số liệu đơn vị" "Bổ sung nội dung công văn" "Đăng công văn nâng cao chất lượng phục vụ" "Khởi tạo cổng công khai"; do
	expect_grep "<strong>$m</strong>" "$L" "/lich-su/ lists '$m'"
done
expect_grep 'Số liệu <code>data/10-units.sql</code>' "$L" "/lich-su/ names data files"
expect_grep '<a href="/van-ban/cong-van-nang-cao-chat-luong-phuc-vu-nguoi-dan/">Nâng cao chất lượng phục vụ người dân</a>' "$L" "/lich-su/ links pages"
expect_grep 'Đổi tên:</span> <a href="/van-ban/thong-bao-ket-luan-y-yen-2022/">' "$L" "/lich-su/ shows the rename"
check "/lich-su/ newest first" sh -c "[ \$(grep -n 'Đổi tên tệp thông báo' '$L' | head -1 | cut -d: -f1) -lt \$(grep -n 'Khởi tạo cổng' '$L' | head -1 | cut -d: -f1) ]"
F=$TMP/out1/lich-su/feed.xml
expect_file "$F" "history feed written"
check "feed: one entry per commit" [ "$(grep -c '<entry>' "$F")" -eq 5 ]
expect_grep '<updated>2026-03-15T10:00:00+07:00</updated>' "$F" "feed: time in Vietnam"
expect_grep '<loc>https://cchc-tuyphuoc.example/lich-su/</loc>' "$TMP/out1/sitemap.xml" "/lich-su/ in the sitemap"

# authors on
cp "$S/site.toml" "$TMP/site.toml.bak"
if grep -q '^\[history\]' "$S/site.toml"; then
	sed -i -e '/^authors *=/d' -e 's/^\[history\]$/[history]\nauthors = true/' "$S/site.toml"
else
	printf '\n[history]\nauthors = true\n' >>"$S/site.toml"
fi
run build --source "$S" --output "$TMP/out2" --now 2026-11-21 --quiet
expect_rc 0 "build with authors"
expect_grep '<span class="history-author">(Văn phòng UBND huyện)</span>' \
	"$TMP/out2/van-ban/cong-van-nang-cao-chat-luong-phuc-vu-nguoi-dan/index.html" "authors shown when on"
cp "$TMP/site.toml.bak" "$S/site.toml"

# --- uncommitted changes: one warning, updated from lastmod ---
cp "$NEW" "$TMP/new.bak"
sed 's/^date = 2026-03-08$/date = 2026-03-08\nlastmod = 2026-04-02/' "$TMP/new.bak" >"$NEW"
run build --source "$S" --output "$TMP/out3" --now 2026-11-21
expect_rc 0 "build with an uncommitted change"
check "uncommitted: one warning" [ "$(count_err 'history: 1 file not committed yet (content/van-ban/cong-van-nang-cao-chat-luong-phuc-vu-nguoi-dan.md)')" -eq 1 ]
expect_grep 'Cập nhật: <time datetime="2026-04-02">02/04/2026</time>' \
	"$TMP/out3/van-ban/cong-van-nang-cao-chat-luong-phuc-vu-nguoi-dan/index.html" "uncommitted: updated from lastmod"
expect_grep 'Ngày đăng: <time datetime="2026-03-08">08/03/2026</time>' \
	"$TMP/out3/van-ban/cong-van-nang-cao-chat-luong-phuc-vu-nguoi-dan/index.html" "uncommitted: published still from git"
cp "$TMP/new.bak" "$NEW"

# --- a shallow clone: front matter dates, one warning ---
if [ $HAVE_GIT = 1 ]; then
	HOME=$TMP GIT_CONFIG_NOSYSTEM=1 git -c protocol.file.allow=always clone -q --depth 1 "file://$S" "$TMP/shallow" 2>/dev/null
	check "a real shallow clone" [ -f "$TMP/shallow/.git/shallow" ]
else
	cp -r "$S" "$TMP/shallow"
	head=$(sed -n 's/^ref: //p' "$S/.git/HEAD")
	cp "$S/.git/$head" "$TMP/shallow/.git/shallow"
fi
[ -d "$TMP/shallow/themes" ] || cp -r "$S/themes" "$TMP/shallow/"
run build --source "$TMP/shallow" --output "$TMP/out4" --now 2026-11-21
expect_rc 0 "build a shallow clone"
check "shallow: one warning" [ "$(count_err 'history: not available: the repository is a shallow clone')" -eq 1 ]
expect_grep 'Ngày đăng: <time datetime="2026-03-08">08/03/2026</time>' \
	"$TMP/out4/van-ban/cong-van-nang-cao-chat-luong-phuc-vu-nguoi-dan/index.html" "shallow: the front matter's date"
expect_no_grep 'Xem các lần cập nhật' "$TMP/out4/van-ban/cong-van-nang-cao-chat-luong-phuc-vu-nguoi-dan/index.html" "shallow: no change list"

# --- build --rev: the site as it was ---
if [ $HAVE_GIT = 1 ]; then
	FIRST=$(g rev-list --max-parents=0 HEAD)
	status_before=$(g status --porcelain -- content data site.toml)
	run build --source "$S" --rev "$FIRST" --output "$TMP/rev1"
	expect_rc 0 "build --rev of the first commit"
	expect_file "$TMP/rev1/van-ban/thong-bao-ket-luan-hoi-nghi-cchc-y-yen-2022/index.html" "--rev: the old file name"
	check "--rev: the later document is absent" [ ! -e "$TMP/rev1/van-ban/cong-van-nang-cao-chat-luong-phuc-vu-nguoi-dan" ]
	check "--rev: one commit in its history" [ "$(grep -c '<li id="c-' "$TMP/rev1/lich-su/index.html")" -eq 1 ]
	expect_grep '<time datetime="2026-03-01">01/03/2026</time>' "$TMP/rev1/index.html" "--rev: the build's date is the commit's"
	run build --source "$S" --rev HEAD~3
	expect_rc 0 "build --rev HEAD~3 into public/"
	expect_file "$S/public/van-ban/cong-van-nang-cao-chat-luong-phuc-vu-nguoi-dan/index.html" "--rev writes the real site's public/"
	expect_no_grep 'Nội dung bổ sung ngày 10.' "$S/public/van-ban/cong-van-nang-cao-chat-luong-phuc-vu-nguoi-dan/index.html" "--rev: the old text"
	expect_grep 'Nội dung bổ sung ngày 10.' "$TMP/out1/van-ban/cong-van-nang-cao-chat-luong-phuc-vu-nguoi-dan/index.html" "the new text is in HEAD's build"
	check "--rev leaves the working tree as it was" [ "$(g status --porcelain -- content data site.toml)" = "$status_before" ]
	rm -rf "$S/public"
fi
run build --source "$S" --rev no-such-commit --output "$TMP/rev2"
expect_rc 1 "build --rev of an unknown commit"
expect_err "no such commit" "--rev names the problem"
check "no temporary folder left" [ -z "$(ls -A "$TMPDIR")" ]

# --- publish: one commit; again without changes: none ---
if [ $HAVE_GIT = 1 ]; then
	head_before=$(g rev-parse HEAD)
	status_before=$(g status --porcelain)
fi
index_before=$(sha256sum <"$S/.git/index")
tree_before=$(cd "$S" && find . -path ./.git -prune -o -type f -print | sort | xargs sha256sum | sha256sum)
run publish --source "$S"
expect_rc 0 "publish"
expect_err "to branch 'site'" "publish names the branch"
run publish --source "$S"
expect_rc 0 "publish again"
expect_err "nothing new to publish" "publish again says nothing new"
check "publish: index unchanged" [ "$(sha256sum <"$S/.git/index")" = "$index_before" ]
check "publish: working tree unchanged" [ "$(cd "$S" && find . -path ./.git -prune -o -type f -print | sort | xargs sha256sum | sha256sum)" = "$tree_before" ]
check "no temporary folder left by publish" [ -z "$(ls -A "$TMPDIR")" ]
if [ $HAVE_GIT = 1 ]; then
	check "publish twice: one commit on site" [ "$(ncommits site)" -eq 1 ]
	check "publish: HEAD unchanged" [ "$(g rev-parse HEAD)" = "$head_before" ]
	check "publish: status unchanged" [ "$(g status --porcelain)" = "$status_before" ]
	check "publish: message names the source" [ "$(g log -1 --format=%s site)" = "Xuất bản từ $(g rev-parse --short=7 HEAD): Đổi tên tệp thông báo" ]
	g ls-tree -r --name-only site >"$TMP/pub"
	expect_grep "van-ban/cong-van-nang-cao-chat-luong-phuc-vu-nguoi-dan/index.html" "$TMP/pub" "the branch holds the built site"
	expect_grep "lich-su/feed.xml" "$TMP/pub" "the branch holds the history feed"
	check "the branch holds no sources" sh -c "! grep -q '\.md$' '$TMP/pub'"
fi
export GIT_AUTHOR_DATE="2026-03-20T10:00:00+07:00"
printf '\nThêm một đoạn.\n' >>"$NEW"
run commit --source "$S" -m "Thêm một đoạn" --quiet
expect_rc 0 "commit before the second publish"
run publish --source "$S"
expect_rc 0 "publish a change"
if [ $HAVE_GIT = 1 ]; then
	check "publish after a change: two commits" [ "$(ncommits site)" -eq 2 ]
	check "the new tip's parent is the old tip" [ "$(g rev-list --parents -n 1 site | wc -w)" -eq 2 ]
	branch=$(g symbolic-ref --short HEAD)
	run publish --source "$S" --branch "$branch"
	expect_rc 1 "publish refuses the checked-out branch"
	expect_err "checked out" "publish says why"
fi
run publish --source "$S" --branch "bad..name"
expect_rc 1 "publish refuses a bad branch name"
unset GIT_AUTHOR_DATE

# --- a site folder in no repository cannot publish or build --rev ---
run publish --source "$TMP/out0"
expect_rc 1 "publish outside a repository"
expect_err "not in a git repository" "publish says there is no repository"

done_suite git

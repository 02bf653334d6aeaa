#!/usr/bin/env python3
"""Gives a generated site (gen_site.py) a git history, for the history walk
benchmark (history.sh).

history_repo.py DIR COMMITS [--folders N]

Writes a `git fast-import` stream on stdout: the first commit adds every
file of DIR's content/, data/ and site.toml (with --folders N the documents
of content/van-ban/ go into N subfolders, nhom-01 ... nhom-N); the other
COMMITS - 1 commits each edit one or two documents, and every so often
rename one (with an edit), add or remove one, change a data file, or touch
only a file outside the site's sources. Times one hour apart from
2020-01-01, a fixed seed: the same history every run. history.sh pipes it
into `git fast-import` and checks the last commit out.
"""
import os, random, sys


def main():
    args = sys.argv[1:]
    folders = 0
    if "--folders" in args:
        i = args.index("--folders")
        folders = int(args[i + 1])
        del args[i:i + 2]
    root, commits = args[0], int(args[1])
    r = random.Random(42)
    files = {}
    for top in ("content", "data"):
        for d, _, names in os.walk(os.path.join(root, top)):
            for n in names:
                p = os.path.relpath(os.path.join(d, n), root)
                with open(os.path.join(root, p), "rb") as f:
                    files[p] = f.read()
    with open(os.path.join(root, "site.toml"), "rb") as f:
        files["site.toml"] = f.read()
    if folders:
        moved = {}
        docs = sorted(p for p in files if p.startswith("content/van-ban/vb-"))
        for k, p in enumerate(docs):
            moved[p] = "content/van-ban/nhom-%02d/%s" % (1 + k % folders, os.path.basename(p))
        files = {moved.get(p, p): b for p, b in files.items()}
        for k in range(folders):
            files["content/van-ban/nhom-%02d/_index.md" % (k + 1)] = \
                ('+++\ntitle = "Nhóm %d"\n+++\n' % (k + 1)).encode()
    out = sys.stdout.buffer
    t0 = 1577836800  # 2020-01-01 00:00 UTC

    def blob(path, data):
        out.write(b"M 100644 inline %s\ndata %d\n" % (path.encode(), len(data)))
        out.write(data)
        out.write(b"\n")

    def commit(n, msg, body):
        m = msg.encode()
        t = t0 + n * 3600
        out.write(b"commit refs/heads/master\nmark :%d\n" % n)
        who = "Cán bộ văn phòng <vanphong@example.vn> %d +0700\n" % t
        out.write(b"author " + who.encode() + b"committer " + who.encode())
        out.write(b"data %d\n%s\n" % (len(m), m))
        if n > 1:
            out.write(b"from :%d\n" % (n - 1))
        body()

    paths = sorted(files)
    commit(1, "Nhập toàn bộ văn bản và số liệu", lambda: [blob(p, files[p]) for p in paths])
    docs = [p for p in paths if p.endswith(".md") and not p.endswith("_index.md")]
    datas = [p for p in paths if p.startswith("data/") and p.endswith(".sql")]
    new_id = 0
    for n in range(2, commits + 1):
        ops = []
        if n % 100 == 0:  # rename with an edit
            i = r.randrange(len(docs))
            p = docs[i]
            q = os.path.join(os.path.dirname(p), "doi-ten-%d.md" % n)
            files[q] = files.pop(p) + ("\nĐổi tên lần %d.\n" % n).encode()
            docs[i] = q
            out_msg = "Đổi tên " + p
            ops = [("D", p), ("M", q)]
        elif n % 211 == 0:  # a new document
            new_id += 1
            q = os.path.join(os.path.dirname(docs[0]), "moi-%d.md" % new_id)
            files[q] = ('+++\ntitle = "Văn bản mới %d"\ndate = 2024-01-01\n+++\n\nNội dung.\n' % new_id).encode()
            docs.append(q)
            out_msg = "Đăng văn bản mới " + q
            ops = [("M", q)]
        elif n % 503 == 0:  # a removal
            p = docs.pop(r.randrange(len(docs)))
            del files[p]
            out_msg = "Gỡ văn bản " + p
            ops = [("D", p)]
        elif n % 37 == 0:  # outside the site's sources
            files["tools/ghi-chu.txt"] = ("lần %d\n" % n).encode()
            out_msg = "Ghi chú nội bộ"
            ops = [("M", "tools/ghi-chu.txt")]
        else:
            for _ in range(2 if n % 7 == 0 else 1):
                p = docs[r.randrange(len(docs))]
                files[p] += ("\nSửa đổi lần %d.\n" % n).encode()
                ops.append(("M", p))
            if n % 25 == 0 and datas:
                p = datas[r.randrange(len(datas))]
                files[p] += ("\n-- cập nhật lần %d\n" % n).encode()
                ops.append(("M", p))
            out_msg = "Cập nhật văn bản (lần %d)" % n

        def body(ops=ops):
            for op, p in ops:
                if op == "D":
                    out.write(b"D %s\n" % p.encode())
                else:
                    blob(p, files[p])
        commit(n, out_msg, body)


if __name__ == "__main__":
    main()

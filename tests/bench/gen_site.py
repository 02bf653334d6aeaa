#!/usr/bin/env python3
"""Generates the benchmark's synthetic site.

gen_site.py DIR DOCS [--hugo HUGODIR]

DIR gets a congkhai site: site.toml and themes/ copied from the repository,
content/van-ban/ with DOCS documents of about 8 KB of Vietnamese Markdown
(headings, paragraphs, a list, a table, citations of other documents, TOML
front matter with title, date, number, kind, issuer, tags), and data/ with
2,000 procedures and 200 units x 20 indicators x 36 months of observations
(sample data, generated with a fixed seed: the same every run).
With --hugo, HUGODIR gets the same Markdown for Hugo with a minimal theme of
equal work: a page per document (title, number, date), a section list and
taxonomy pages.
"""
import os, random, shutil, sys

WORDS = ("cải cách hành chính thủ tục hồ sơ trực tuyến dịch vụ công ủy ban nhân dân "
         "huyện xã thị trấn phường kế hoạch chỉ tiêu nhiệm vụ giải pháp đánh giá kết quả "
         "người dân doanh nghiệp sự hài lòng chuyển đổi số bưu chính công ích thanh toán "
         "văn bản điện tử chứng thực hộ tịch đất đai đăng ký kinh doanh xây dựng lao động "
         "thương binh xã hội trách nhiệm cán bộ công chức viên chức kiểm tra giám sát").split()
KINDS = [("Kế hoạch", "KH"), ("Công văn", ""), ("Thông báo", "TB"), ("Quyết định", "QĐ")]
ISSUERS = ["UBND huyện Tuy Phước", "UBND tỉnh Bình Định", "Sở Nội vụ", "UBND xã Phước Lộc",
           "UBND xã Phước Thuận", "Phòng Nội vụ"]
TAGS = ["chỉ số CCHC", "dịch vụ công trực tuyến", "bưu chính công ích", "chuyển đổi số",
        "sự hài lòng", "thủ tục hành chính", "kiểm tra", "thi đua"]


def sentence(r, n):
    s = " ".join(r.choice(WORDS) for _ in range(n))
    return s[0].upper() + s[1:] + "."


def number(i):
    kind, abbr = KINDS[i % len(KINDS)]
    sym = f"{abbr}-UBND" if abbr else "UBND"
    return kind, f"{i + 1}/{sym}"


def document(r, i, n):
    kind, num = number(i)
    year = 2018 + i % 8
    date = f"{year}-{1 + i % 12:02d}-{1 + i % 28:02d}"
    tags = sorted(set(r.choice(TAGS) for _ in range(2)))
    fm = (f'+++\ntitle = "{kind} về {sentence(r, 6)[:-1].lower()} số {i}"\n'
          f'date = {date}\nnumber = "{num}"\nkind = "{kind}"\n'
          f'issuer = "{ISSUERS[i % len(ISSUERS)]}"\n'
          f'tags = [{", ".join(chr(34) + t + chr(34) for t in tags)}]\n+++\n\n')
    body = []
    cited = [r.randrange(n) for _ in range(3)]
    ck, cn = number(cited[0])
    body.append(f"Thực hiện {ck} số {cn} ngày 05/3/{2018 + cited[0] % 8}; {sentence(r, 30)}\n")
    for sec in ("I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG", "III. TỔ CHỨC THỰC HIỆN"):
        body.append(f"## {sec}\n")
        for _ in range(4):
            body.append(sentence(r, 45) + " " + sentence(r, 30) + "\n")
        body.append("".join(f"- {sentence(r, 12)}\n" for _ in range(4)))
    body.append("| Nhiệm vụ | Cơ quan | Thời hạn |\n|---|---|---|\n")
    for k in range(6):
        body.append(f"| {sentence(r, 8)} | {ISSUERS[k % len(ISSUERS)]} | Tháng {1 + k}/2023 |\n")
    ck, cn = number(cited[1])
    body.append(f"\nCăn cứ {ck} số {cn} và {sentence(r, 20)}\n")
    return fm + "\n".join(body)


def write_data(d, r):
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "90-bench.sql"), "w", encoding="utf-8") as f:
        f.write("-- benchmark data: sample, generated\n")
        f.write("CREATE TABLE IF NOT EXISTS bench_procedures (code TEXT PRIMARY KEY, name TEXT, field TEXT, level TEXT, source TEXT);\n")
        f.write("CREATE TABLE IF NOT EXISTS bench_observations (indicator TEXT, unit TEXT, period TEXT, value REAL, source TEXT);\n")
        f.write("BEGIN;\n")
        for i in range(2000):
            f.write(f"INSERT INTO bench_procedures VALUES ('9.{i:06d}', '{sentence(r, 8)}', "
                    f"'{r.choice(TAGS)}', '{r.choice(['toàn trình', 'một phần'])}', 'sample');\n")
        for u in range(200):
            for k in range(20):
                for m in range(36):
                    f.write(f"INSERT INTO bench_observations VALUES ('ind-{k}', 'unit-{u}', "
                            f"'{2021 + m // 12}-{1 + m % 12:02d}', {r.uniform(10, 100):.2f}, 'sample');\n")
        f.write("COMMIT;\n")


HUGO_CONFIG = """baseURL = "https://bench.example/"
languageCode = "vi"
title = "Bench"
disableKinds = ["RSS", "sitemap", "robotsTXT"]
[taxonomies]
tag = "tags"
kind = "kind"
issuer = "issuer"
[markup.goldmark.renderer]
unsafe = false
"""
HUGO_LAYOUTS = {
    "_default/baseof.html": "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head><body>{{ block \"main\" . }}{{ end }}</body></html>\n",
    "_default/single.html": "{{ define \"main\" }}<h1>{{ .Title }}</h1><p>Số: {{ .Params.number }} — {{ .Date.Format \"02/01/2006\" }}</p>{{ .TableOfContents }}{{ .Content }}{{ end }}\n",
    "_default/list.html": "{{ define \"main\" }}<h1>{{ .Title }}</h1><ul>{{ range .Paginator.Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a> {{ .Params.number }} {{ .Date.Format \"02/01/2006\" }} {{ .Summary }}</li>{{ end }}</ul>{{ end }}\n",
    "_default/terms.html": "{{ define \"main\" }}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.Alphabetical }}<li><a href=\"{{ .Page.RelPermalink }}\">{{ .Page.Title }}</a> {{ .Count }}</li>{{ end }}</ul>{{ end }}\n",
    "_default/taxonomy.html": "{{ define \"main\" }}<h1>{{ .Title }}</h1><ul>{{ range .Paginator.Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n",
    "index.html": "{{ define \"main\" }}<h1>{{ .Site.Title }}</h1>{{ end }}\n",
}


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    out, n = sys.argv[1], int(sys.argv[2])
    hugo = sys.argv[sys.argv.index("--hugo") + 1] if "--hugo" in sys.argv else None
    repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    r = random.Random(20261121)
    shutil.rmtree(out, ignore_errors=True)
    docs = os.path.join(out, "content", "van-ban")
    os.makedirs(docs)
    shutil.copytree(os.path.join(repo, "themes"), os.path.join(out, "themes"))
    shutil.copy(os.path.join(repo, "site.toml"), os.path.join(out, "site.toml"))
    if os.path.isdir(os.path.join(repo, "data")):
        shutil.copytree(os.path.join(repo, "data"), os.path.join(out, "data"))
        # the plan's tasks belong to the example's 2023 plan, which the
        # synthetic site does not hold
        os.remove(os.path.join(out, "data", "45-plan-tasks.sql"))
    with open(os.path.join(out, "content", "_index.md"), "w", encoding="utf-8") as f:
        f.write('+++\ntitle = "Bench"\n+++\nTrang thử tốc độ.\n')
    with open(os.path.join(docs, "_index.md"), "w", encoding="utf-8") as f:
        f.write('+++\ntitle = "Văn bản"\n+++\n')
    texts = []
    for i in range(n):
        t = document(r, i, n)
        texts.append(t)
        with open(os.path.join(docs, f"vb-{i:05d}.md"), "w", encoding="utf-8") as f:
            f.write(t)
    write_data(os.path.join(out, "data"), r)
    if hugo:
        shutil.rmtree(hugo, ignore_errors=True)
        hd = os.path.join(hugo, "content", "van-ban")
        os.makedirs(hd)
        with open(os.path.join(hugo, "config.toml"), "w") as f:
            f.write(HUGO_CONFIG)
        for name, text in HUGO_LAYOUTS.items():
            p = os.path.join(hugo, "layouts", name)
            os.makedirs(os.path.dirname(p), exist_ok=True)
            with open(p, "w", encoding="utf-8") as f:
                f.write(text)
        for i, t in enumerate(texts):
            with open(os.path.join(hd, f"vb-{i:05d}.md"), "w", encoding="utf-8") as f:
                f.write(t)
    print(f"generated {n} documents in {out}" + (f" and {hugo}" if hugo else ""))


main()

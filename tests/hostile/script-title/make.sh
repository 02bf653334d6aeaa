printf '+++\ntitle = "<script>alert(1)</script>"\nsummary = "<img src=x onerror=alert(2)>"\ntags = ["<b>t</b>"]\n+++\nx\n' > "$1/content/t.md"
printf 'title = "H"\nbase_url = "https://x.example"\ntheme = "mini"\n[taxonomies]\ntags = { title = "<i>T</i>", path = "tags" }\n' > "$1/site.toml"

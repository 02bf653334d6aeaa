printf 'title = "\377"\nbase_url = "https://x.example"\ntheme = "mini"\n' > "$1/site.toml"

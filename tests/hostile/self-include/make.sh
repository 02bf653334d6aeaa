printf 'again {{> partials/loop}}\n' > "$1/themes/mini/partials/loop.mustache"
printf '{{<partials/base}}{{$main}}{{> partials/loop}}{{/main}}{{/partials/base}}\n' > "$1/themes/mini/layouts/single.mustache"
printf '+++\ntitle = "x"\n+++\nx\n' > "$1/content/a.md"

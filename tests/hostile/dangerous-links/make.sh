cat > "$1/content/links.md" <<'MD'
+++
title = "Links"
+++
[a](javascript:alert(1)) [b](data:text/html;base64,PHNjcmlwdD4=) [c](JaVaScRiPt:alert(2))
![i](javascript:alert(3)) <script>alert(4)</script> <a href="javascript:alert(5)">x</a>
<img src=x onerror=alert(6)>
MD

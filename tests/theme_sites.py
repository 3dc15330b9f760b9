"""A small Hugo site with a theme of its own, for the theme-preview tests (built by the
real ``hugo``)."""

from __future__ import annotations

from pathlib import Path


def small_hugo_site(root: Path) -> Path:
    """A site with a small theme of its own ("ward"): a layout with a header, a content
    element of its own class name, a stylesheet with a web font and a background image,
    a script and a tracker from another origin."""
    theme = root / "themes" / "ward"
    for folder in ("layouts/_default", "static/css", "static/fonts", "static/img"):
        (theme / folder).mkdir(parents=True, exist_ok=True)
    (root / "content" / "posts").mkdir(parents=True)
    (root / "hugo.toml").write_text(
        'baseURL = "https://ward.example/"\ntitle = "Ward Rounds"\ntheme = "ward"\n'
        'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n',
        encoding="utf-8",
    )
    (theme / "layouts/_default/baseof.html").write_text(
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title>'
        '<link rel="stylesheet" href="{{ "css/ward.css" | relURL }}">'
        '<script src="{{ "js/app.js" | relURL }}"></script>'
        "<script>document.documentElement.dataset.pwned = 1</script>"
        '<link rel="stylesheet" href="https://fonts.evil.example/css">'
        '</head><body><header class="masthead"><a href="/">{{ .Site.Title }}</a>'
        '<img src="{{ "img/logo.png" | relURL }}" alt=""></header>'
        '{{ block "main" . }}{{ end }}<footer>Footer</footer></body></html>',
        encoding="utf-8",
    )
    (theme / "layouts/_default/single.html").write_text(
        '{{ define "main" }}<main class="column"><h1 class="headline">{{ .Title }}</h1>'
        '<p class="when">{{ .Date.Format "2 January 2006" }}</p>'
        '<div class="prose">{{ .Content }}</div></main>{{ end }}',
        encoding="utf-8",
    )
    (theme / "layouts/_default/list.html").write_text(
        '{{ define "main" }}{{ range .Pages }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>'
        "{{ end }}{{ end }}",
        encoding="utf-8",
    )
    (theme / "static/css/ward.css").write_text(
        "@font-face { font-family: Ward; src: url(../fonts/ward.woff2) format('woff2'); }\n"
        "body { font-family: Ward, serif; color: rgb(10, 20, 30); }\n"
        ".masthead { background: url(/img/logo.png) no-repeat; }\n"
        ".column { max-width: 37rem; margin: 0 auto; }\n"
        ".prose p { line-height: 1.9; }\n",
        encoding="utf-8",
    )
    (theme / "static/fonts/ward.woff2").write_bytes(b"wOF2" + bytes(64))
    (theme / "static/img/logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (theme / "static/js").mkdir()
    (theme / "static/js/app.js").write_text("alert(1)")
    (root / "content/posts/hello.md").write_text(
        "---\ntitle: Hello\ndate: 2026-11-01\n---\n\nA real post.\n", encoding="utf-8"
    )
    return root


WORDPRESS_THEMES = Path("/usr/share/wordpress/wp-content/themes")


def wordpress_theme_installed(name: str) -> bool:
    return (WORDPRESS_THEMES / name / "style.css").exists()


class WordPressTheme:
    """Debian's packaged WordPress theme ``name`` switched on in the test WordPress (its
    themes folder is the site's own), and the theme before it back on afterwards."""

    def __init__(self, wordpress, name: str) -> None:
        self.wordpress, self.name = wordpress, name

    def __enter__(self):
        link = self.wordpress.folder / "wp-content" / "themes" / self.name
        if not link.exists():
            link.symlink_to(WORDPRESS_THEMES / self.name)
        self.before = self.wordpress.php(
            f"$before = get_stylesheet(); switch_theme('{self.name}'); echo $before;"
        ).strip()
        return self

    def __exit__(self, *_exc) -> None:
        self.wordpress.php(f"switch_theme('{self.before}'); echo 'ok';")


def small_jekyll_site(root: Path) -> Path:
    """A Jekyll site with layouts of its own: a header, a post layout with its own content
    class, a stylesheet linked by absolute_url, a script and another origin's sheet."""
    for folder in ("_layouts", "_posts", "assets/css", "assets/fonts"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    (root / "_config.yml").write_text(
        'title: Night Shift\nurl: "https://nights.example"\nmarkdown: kramdown\n',
        encoding="utf-8",
    )
    (root / "_layouts/default.html").write_text(
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{ page.title }}'
        '</title><link rel="stylesheet" href="{{ "/assets/css/site.css" | absolute_url }}">'
        '<script src="https://cdn.evil.example/track.js"></script></head>'
        '<body><header class="site-header">{{ site.title }}</header>'
        "<main>{{ content }}</main></body></html>",
        encoding="utf-8",
    )
    (root / "_layouts/post.html").write_text(
        "---\nlayout: default\n---\n"
        '<article class="post"><h1 class="post-heading">{{ page.title }}</h1>'
        '<div class="post-text">{{ content }}</div></article>',
        encoding="utf-8",
    )
    (root / "assets/css/site.css").write_text(
        "@font-face { font-family: Night; src: url(../fonts/night.woff2); }\n"
        "body { font-family: Night, serif; color: rgb(40, 50, 60); }\n",
        encoding="utf-8",
    )
    (root / "assets/fonts/night.woff2").write_bytes(b"wOF2" + bytes(64))
    (root / "_posts/2026-11-01-hello.md").write_text(
        "---\nlayout: post\ntitle: Hello\n---\n\nA real post.\n", encoding="utf-8"
    )
    return root

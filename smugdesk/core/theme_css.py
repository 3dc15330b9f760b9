"""A theme's CSS made safe for the preview (theme_template): every ``@import`` and
``url()`` becomes a stored copy or goes, and nothing that older engines ran as code stays.
In linear time: a hostile sheet of megabytes must not make a pattern backtrack."""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import urljoin, urlsplit

# resolve(absolute_url, kind) -> the stored copy's path in the preview page, or None.
# kind: "stylesheet", "image" or "font" (what a url() in CSS names is "asset").
Resolver = Callable[[str, str], str | None]

_COMMENT = re.compile(r"/\*.*?(\*/|\Z)", re.S)
_HEX_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6})[ \t\n\r\f]?")
_URL = re.compile(
    r"""url\(\s*(?:"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'|([^()'"\s]*+))\s*\)""", re.I
)
_IMPORT = re.compile(
    r"""@import\s*(?:url\(\s*)?(?:"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'|([^()'"\s;]++))"""
    r"""\s*\)?([^;]*);?""",
    re.I,
)
_STRING = re.compile(r""""(?:[^"\\\n]|\\.)*+"|'(?:[^'\\\n]|\\.)*+'""", re.S)
_BARE_STRING = re.compile(r"""(?<![(\w])(?:"(?:[^"\\\n]|\\.)*+"|'(?:[^'\\\n]|\\.)*')""", re.S)
# WordPress's layouts space blocks with "> * + *". In Chromium, inserting one block under a
# rule like that restyled the content's every block (100-150 ms at 100,000 words, against
# 6 ms on the plain page): the same match, with the same specificity, as ":not(:first-child)"
# costs the preview's patching nothing.
_ADJACENT_ANY = re.compile(r"\*\s*\+\s*\*")
# What no stylesheet of a theme needs and older engines ran as code.
_FORBIDDEN_CSS = re.compile(r"expression\s*\(|-moz-binding|behavior\s*:|javascript:", re.I)


def _unescape_outside_strings(css: str) -> str:
    """Hex escapes outside strings written as their characters when they are letters,
    digits or brackets, so ``\\75 rl(`` cannot hide a ``url(`` from the checks below."""

    def plain(part: str) -> str:
        def one(match: re.Match) -> str:
            char = chr(int(match.group(1), 16)) if int(match.group(1), 16) < 0x110000 else ""
            return char if char.isascii() and (char.isalnum() or char in "()@:") else match[0]

        return _HEX_ESCAPE.sub(one, part)

    out, last = [], 0
    for match in _STRING.finditer(css):
        out.append(plain(css[last : match.start()]))
        out.append(match.group(0))
        last = match.end()
    out.append(plain(css[last:]))
    return "".join(out)


def _css_string_value(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text).strip()


def rewrite_css(css: str, base_url: str, resolve: Resolver) -> str:
    """``css`` with every ``@import`` and ``url()`` replaced by the stored copy ``resolve``
    answers (resolved against ``base_url``), or dropped; nothing else can name an address.
    Quoted strings elsewhere (``content: "…"``) stay as they are."""
    css = _COMMENT.sub("", css.replace("\x00", ""))
    css = _unescape_outside_strings(css)
    imports: list[str] = []

    def imported(match: re.Match) -> str:
        target = next(g for g in match.groups()[:3] if g is not None)
        local = resolve_address(base_url, _css_string_value(target), "stylesheet", resolve)
        if local is None:
            return ""
        media = match.group(4).strip()
        imports.append(f'@import url("{local}"){" " + media if media else ""};')
        return f"\x00{len(imports) - 1}\x00"  # put back once every url() is done

    def url(match: re.Match) -> str:
        target = next((g for g in match.groups() if g is not None), "")
        value = _css_string_value(target)
        if value.startswith("#"):
            return f'url("{_css_quote(value)}")'  # an SVG fragment in the same document
        local = resolve_address(base_url, value, "asset", resolve)
        return f'url("{local}")' if local else "none"

    css = _IMPORT.sub(imported, css)
    css = _image_set_strings(css)
    css = _URL.sub(url, css)
    # Whatever still looks like a way out after the rewrite goes, declaration and all.
    css = _drop_forbidden(css)
    css = _ADJACENT_ANY.sub("*:where(:not(:first-child))", css)
    # An unclosed url( at the end still loads in a browser: anything not ours is disabled.
    css = re.sub(r"url\((?![\"][/#])", "invalid(", css, flags=re.I)
    css = re.sub(r"@import[^;]*;?", "", css, flags=re.I)
    return re.sub("\x00(\\d+)\x00", lambda m: imports[int(m.group(1))], css)


def _drop_forbidden(css: str) -> str:
    """Each declaration holding something forbidden, cut out (found by search, not by a
    pattern that backtracks over a huge sheet)."""
    while match := _FORBIDDEN_CSS.search(css):
        start = max(css.rfind(";", 0, match.start()), css.rfind("{", 0, match.start()))
        ends = [i for i in (css.find(";", match.end()), css.find("}", match.end())) if i >= 0]
        end = min(ends) if ends else len(css)
        css = css[: start + 1] + css[end:]
    return css


def _image_set_strings(css: str) -> str:
    """In ``image-set("a.png" 1x, …)`` bare strings are URLs too: made url() tokens, so the
    one pass over url() sees them."""

    def one_set(match: re.Match) -> str:
        inner = _BARE_STRING.sub(lambda s: f"url({s[0]})", match.group(2))
        return f"{match.group(1)}({inner})"

    return re.sub(
        r"((?:-webkit-)?image-set)\(([^()]*(?:\([^()]*\)[^()]*)*)\)", one_set, css, flags=re.I
    )


def _css_quote(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "")


def resolve_address(base_url: str, value: str, kind: str, resolve: Resolver) -> str | None:
    if not value or value.lower().startswith(("data:", "javascript:", "file:", "blob:")):
        # data: images stay possible only through the stored copies; the rest never.
        return None
    try:
        absolute = urljoin(base_url, value)
    except ValueError:
        return None
    if urlsplit(absolute).scheme not in ("http", "https"):
        return None
    local = resolve(absolute, kind)
    if local is None:
        return None
    if not re.fullmatch(r"/[A-Za-z0-9._/-]+", local) or ".." in local:
        raise ValueError(f"a resolver answered {local!r}, not a local path")
    return local

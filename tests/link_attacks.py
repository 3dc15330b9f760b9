"""Hostile addresses and the reader that finds them live in a page: shared by the link
safety tests and the real site builds.

The reader reads a page the way a browser would, with ``html.parser``: once as a whole
document, and once from every ``<`` on its own (so a comment or a script that the test's
reader and a browser disagree about cannot hide a tag from the test either).
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
from html.parser import HTMLParser

# The address as written in the post; each decodes to a blocked scheme in a browser.
PAYLOADS = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "&#106;avascript:alert(1)",
    "&#x6A;avascript:alert(1)",
    "&#X6a;&#x61;&#x76;&#x61;script:alert(1)",
    "&#0000106;avascript:alert(1)",
    "&#106avascript:alert(1)",
    "javascript&colon;alert(1)",
    "javascript&#58;alert(1)",
    "java&Tab;script:alert(1)",
    "java&NewLine;script:alert(1)",
    "java&#9;script:alert(1)",
    "&#x20;&#x01;javascript:alert(1)",
    "jav&#x0D;ascript:alert(1)",
    "vbscript:msgbox(1)",
    "VBScript&colon;msgbox(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "DATA:text/html,<b>x</b>",
    "data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+",
    "file:///etc/passwd",
    "fi&#108;e:///etc/passwd",
]
# Raw characters a browser drops inside a scheme (written as they are, not as entities).
RAW_PAYLOADS = ["java\tscript:alert(1)", "\x01 javascript:alert(1)", "java\nscript:alert(1)"]

_BLOCKED = ("javascript:", "vbscript:", "data:", "file:")
_RASTER = re.compile(r"data:image/(png|jpe?g|gif|webp)[;,]")


def _as_browser_reads(value: str) -> str:
    return "".join(
        ch for ch in value if not ch.isspace() and unicodedata.category(ch) not in ("Cc", "Cf")
    ).lower()


def _blocked(tag: str, name: str, value: str | None) -> bool:
    if not value or name in ("alt", "title") or name.startswith("on"):
        return False
    parts = re.split(r"[\s,]+", value) if name.endswith("srcset") else [value]
    if name == "values":  # SVG animation: each value in turn
        parts = value.split(";")
    for part in parts:
        seen = _as_browser_reads(part)
        if seen.startswith(_BLOCKED) and not (
            tag == "img" and name in ("src", "srcset") and _RASTER.match(seen)
        ):
            return True
    return False


class _Attributes(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        self.found.extend((tag, name, value) for name, value in attrs)

    handle_startendtag = handle_starttag


class _FirstTag(_Attributes):
    def handle_starttag(self, tag, attrs):
        super().handle_starttag(tag, attrs)
        raise StopIteration


def live_dangerous_attributes(page: str) -> list[tuple[str, str, str | None]]:
    """Every attribute a browser could see that carries a blocked address."""
    whole = _Attributes()
    whole.feed(page)
    whole.close()
    found = list(whole.found)
    for match in re.finditer(r"<[a-zA-Z]", page):
        one = _FirstTag()
        with contextlib.suppress(StopIteration):
            one.feed(page[match.start() :] + ">")
        found.extend(one.found)
    return sorted({item for item in found if _blocked(*item)})


def attack_contexts(payload: str) -> list[str]:
    return [
        f"[a link]({payload})",
        f"![an image]({payload})",
        f"[a reference][r]\n\n[r]: {payload}",
        f'<div>\n<a href="{payload}">block</a>\n</div>',
        f"Some <a href='{payload}'>inline</a> HTML.",
        f"Some <a href={payload.replace(' ', '&#32;')}>unquoted</a> HTML.",
        f'<iframe src="{payload}"></iframe>',
        f'<form action="{payload}"><button formaction="{payload}">go</button></form>',
        f'<svg><a xlink:href="{payload}"><text>svg</text></a></svg>',
        f'<video poster="{payload}" src="{payload}"></video>',
        f'<object data="{payload}"></object><embed src="{payload}">',
        f'<img srcset="a.png 1x, {payload} 2x">',
        f'<table background="{payload}"><tr><td>x</td></tr></table>',
        f'<svg><animate attributeName="href" values="{payload}"/></svg>',
        f'<svg><animate attributeName="href" values="https://a.example/;{payload}"/></svg>',
        f"[spaced]( {payload})",
        f"[on the next line](\n{payload})",
        f'[attr list](https://example.org/){{: href="{payload}"}}',
        f'<a/href="{payload}">slash</a>',
        f'<!--> <a href="{payload}">after a short comment</a> -->',
        f'`<!--`\n\n<a href="{payload}">after a code span</a>\n\n`-->`',
    ]

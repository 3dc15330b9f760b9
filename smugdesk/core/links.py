"""Link helpers: checking what a writer pasted, and Markdown for links and images."""

from __future__ import annotations

import contextlib
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import urlsplit

from smugdesk.core.errors import SmugdeskError

MAX_URL_LENGTH = 2048  # what browsers and blog platforms reliably accept
SAFE_SCHEMES = ("http", "https", "mailto")
# Schemes that run code or reach into the reader's machine: never a live link.
UNSAFE_SCHEMES = ("javascript", "vbscript", "file", "data")
POST_SCHEME = "post"  # post:<slug> — a link to another draft, resolved by each exporter

_BARE_DOMAIN = re.compile(r"^(?:[\w-]+\.)+[a-z]{2,}(?::\d+)?(?:[/?#]\S*)?$", re.IGNORECASE)
# Bidirectional overrides and invisible characters make a URL read differently from where
# it goes (the "Trojan Source" trick); there is no good reason to paste them.
_INVISIBLE = {"Cf", "Cc", "Zl", "Zp"}
# Characters that read as a dot or a slash in a host name and are not one ("apple。com",
# "paypal.com∕login.evil.example"): browsers map some to a dot, so the address goes
# somewhere other than it reads.
_FALSE_SEPARATORS = {
    "\u2024": ".",  # ONE DOT LEADER
    "\u3002": ".",  # IDEOGRAPHIC FULL STOP
    "\uff0e": ".",  # FULLWIDTH FULL STOP
    "\uff61": ".",  # HALFWIDTH IDEOGRAPHIC FULL STOP
    "\ufe52": ".",  # SMALL FULL STOP
    "\u0701": ".",  # SYRIAC SUPRALINEAR FULL STOP
    "\u0702": ".",  # SYRIAC SUBLINEAR FULL STOP
    "\ua60e": ".",  # VAI FULL STOP
    "\ua4f8": ".",  # LISU LETTER TONE MYA TI
    "\u2215": "/",  # DIVISION SLASH
    "\u2044": "/",  # FRACTION SLASH
    "\uff0f": "/",  # FULLWIDTH SOLIDUS
    "\u29f8": "/",  # BIG SOLIDUS
}
# Letters of other scripts that look like Latin ones (lower case: host names are folded).
_LOOKS_LATIN = dict(
    zip(
        "аеорсухѕіјӏԁԛԝһь" + "οαυνιρκχϲϳ" + "օսոհցզ",  # Cyrillic, Greek, Armenian
        "aeopcyxsijldqwhb" + "oauvipkxcj" + "ounhgq",
        strict=True,
    )
)


class BadUrlError(SmugdeskError):
    """A URL a helper will not insert; the message says why."""


@dataclass(frozen=True)
class CheckedUrl:
    url: str
    suggestion: str = ""  # e.g. "https://" added to a bare domain: shown, not silently applied


def looks_like_url(text: str) -> bool:
    text = text.strip()
    return bool(re.match(r"^https?://\S+$", text, re.IGNORECASE))


def check_url(text: str) -> CheckedUrl:
    """Validate a URL typed or pasted by the writer. Raises BadUrlError with the reason.

    A bare domain ("example.org/page") is accepted with an ``https://`` suggestion.
    """
    url = text.strip()
    if not url:
        raise BadUrlError("the URL is empty")
    if len(url) > MAX_URL_LENGTH:
        raise BadUrlError(
            f"the URL is {len(url):,} characters long; the limit is {MAX_URL_LENGTH:,}"
        )
    false = _false_separator(url)
    if false:
        kind = "a dot" if _FALSE_SEPARATORS[false] == "." else "a slash"
        raise BadUrlError(
            f"the host name contains “{false}” ({unicodedata.name(false)}), which looks like "
            f"{kind} but is not one, a trick used by look-alike addresses; type it again by hand"
        )
    for char in url:
        if unicodedata.category(char) in _INVISIBLE:
            name = unicodedata.name(char, f"U+{ord(char):04X}")
            raise BadUrlError(f"the URL contains an invisible control character ({name})")
        if char.isspace():
            raise BadUrlError("the URL contains a space; encode it as %20 or remove it")
        if char in '<>"`{}|\\^':
            raise BadUrlError(f"the URL contains {char!r}, which is not allowed in a URL")
    scheme = url.split(":", 1)[0].lower() if ":" in url else ""
    if scheme in UNSAFE_SCHEMES:
        raise BadUrlError(f"{scheme}: links are not allowed: they can run code or expose files")
    if scheme == POST_SCHEME:
        return CheckedUrl(url)
    if scheme == "mailto":
        if "@" not in url:
            raise BadUrlError("a mailto: link needs an e-mail address")
        return CheckedUrl(url)
    if scheme not in ("http", "https"):
        if _BARE_DOMAIN.match(url) and "://" not in url:
            return CheckedUrl(url, suggestion=f"https://{url}")
        raise BadUrlError("the URL must start with http:// or https://")
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 (raises ValueError on a bad port)
    except ValueError as error:
        raise BadUrlError(f"the URL is malformed: {error}") from None
    if not host:
        raise BadUrlError("the URL has no host name")
    if not _valid_host(host):
        raise BadUrlError(f"{host!r} is not a valid host name")
    mixed = _mixed_scripts(host)
    if mixed:
        raise BadUrlError(
            f"the host name mixes {' and '.join(mixed)} letters, a trick used by look-alike "
            f"addresses{_reads_as(host)}; type it again by hand"
        )
    dressed = _whole_script_look_alike(host)
    if dressed:
        raise BadUrlError(
            f"the host name {_shown_host(host)} is written in {dressed} letters that look "
            f"like Latin ones{_reads_as(host)}, a trick used by look-alike addresses; "
            "type it again by hand"
        )
    return CheckedUrl(url)


def _false_separator(url: str) -> str:
    """The first character in the URL's host part that looks like a dot or a slash."""
    after_scheme = url.split("://", 1)[-1]
    host_part = re.split(r"[/?#\\]", after_scheme, maxsplit=1)[0]
    return next((char for char in host_part if char in _FALSE_SEPARATORS), "")


def _unicode_host(host: str) -> str:
    """The host as it reads: punycode labels (xn--) decoded."""
    labels = []
    for label in host.split("."):
        if label.lower().startswith("xn--"):
            with contextlib.suppress(UnicodeError):
                label = label.encode("ascii").decode("idna")
        labels.append(label)
    return ".".join(labels)


def _shown_host(host: str) -> str:
    shown = _unicode_host(host)
    return f"“{shown}”" if shown == host else f"“{shown}” ({host})"


def _reads_as(host: str) -> str:
    """ " (it reads like “apple.com”)" when look-alike letters make the host read as Latin."""
    readable = "".join(_LOOKS_LATIN.get(char, char) for char in _unicode_host(host).lower())
    if readable != _unicode_host(host).lower() and readable.isascii():
        return f" (it reads like “{readable}”)"
    return ""


def _whole_script_look_alike(host: str) -> str:
    """The script of a label written wholly in letters of one other script that each look
    like a Latin letter ("аррӏе" in Cyrillic), or ""."""
    for label in _unicode_host(host).lower().split("."):
        letters = [char for char in label if char.isalpha()]
        if not letters or all(char.isascii() for char in letters):
            continue
        if all(char in _LOOKS_LATIN for char in letters):
            script = unicodedata.name(letters[0], "UNKNOWN").split(" ")[0]
            return script.title()
    return ""


def _mixed_scripts(host: str) -> list[str]:
    """The scripts in a host label that mixes alphabets ("аpple.com" with a Cyrillic а)."""
    for label in _unicode_host(host).split("."):
        scripts = {
            unicodedata.name(char, "UNKNOWN").split(" ")[0] for char in label if char.isalpha()
        }
        if len(scripts) > 1:
            return sorted(script.title() for script in scripts)
    return []


def _valid_host(host: str) -> bool:
    if re.fullmatch(r"\[?[0-9a-f:.]+\]?", host, re.IGNORECASE):
        return True  # IPv4 / IPv6 literal
    try:
        ascii_host = host.encode("idna").decode("ascii")
    except UnicodeError:
        return False
    labels = ascii_host.rstrip(".").split(".")
    return all(
        re.fullmatch(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?", label, re.IGNORECASE)
        for label in labels
    )


def is_safe_link(url: str) -> bool:
    """False for links that must not be live in rendered output (javascript:, file:, …).

    Browsers ignore control characters and case in the scheme, so they are ignored here too.
    """
    cleaned = "".join(ch for ch in url if ch > " " and unicodedata.category(ch) not in _INVISIBLE)
    scheme = cleaned.split(":", 1)[0].lower() if ":" in cleaned else ""
    return scheme not in UNSAFE_SCHEMES


def _escape_text(text: str) -> str:
    return re.sub(r"([\[\]\\])", r"\\\1", text)


def _escape_destination(url: str) -> str:
    return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29")


def markdown_link(text: str, url: str, title: str = "") -> str:
    label = _escape_text(text.strip() or url)
    title_part = f' "{title.replace(chr(34), chr(39))}"' if title.strip() else ""
    return f"[{label}]({_escape_destination(url)}{title_part})"


def markdown_image(alt: str, path: str, title: str = "") -> str:
    return (
        "!" + markdown_link(alt, path, title)
        if alt.strip()
        else f"![]({_escape_destination(path)})"
    )

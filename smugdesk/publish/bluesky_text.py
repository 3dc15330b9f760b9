"""The text of a Bluesky post: counted as Bluesky counts it (user-perceived characters,
Unicode's extended grapheme clusters, at most 300, and at most 3,000 UTF-8 bytes), composed
from a published post's title and link, and its rich-text facets (links, hashtags) with the
UTF-8 byte offsets the record format wants.

Python's standard library has no grapheme segmentation, so ``graphemes`` implements the rules
of Unicode's UAX #29 from ``unicodedata`` categories and the few code point ranges those do
not give (regional indicators, Hangul syllable types, pictographs). No Qt here.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

MAX_GRAPHEMES = 300
MAX_BYTES = 3000  # the record's own limit on the text, whatever it counts as graphemes
ELLIPSIS = "…"

# Grapheme break classes.
_OTHER, _CR, _LF, _CONTROL, _EXTEND, _ZWJ, _RI, _PREPEND, _SPACING = range(9)
_L, _V, _T, _LV, _LVT, _PICTO = range(9, 15)

_PREPEND_POINTS = frozenset(
    (*range(0x0600, 0x0606), 0x06DD, 0x070F, 0x0890, 0x0891, 0x08E2, 0x0D4E, 0x110BD, 0x110CD,
     0x111C2, 0x111C3, 0x1193F, 0x11941, 0x11A3A, *range(0x11A84, 0x11A8A), 0x11D46, 0x11F02)
)  # fmt: skip
# Spacing marks that Unicode counts as extending (Other_Grapheme_Extend), not as SpacingMark.
_EXTEND_MC = frozenset(
    (0x09BE, 0x09D7, 0x0B3E, 0x0B57, 0x0BBE, 0x0BD7, 0x0CC2, 0x0CD5, 0x0CD6, 0x0D3E, 0x0D57,
     0x0DCF, 0x0DDF, 0x1B35, 0x302E, 0x302F, 0x1133E, 0x11357, 0x114B0, 0x114BD, 0x115AF,
     0x11930, 0x1D165, *range(0x1D16E, 0x1D173))
)  # fmt: skip
# Spacing marks that are no SpacingMark (Myanmar, Tai Tham and others): they start a character.
_LONE_MC = frozenset(
    (0x102B, 0x102C, 0x1038, *range(0x1062, 0x1065), *range(0x1067, 0x106E), 0x1083,
     *range(0x1087, 0x108D), 0x108F, *range(0x109A, 0x109D), 0x1A61, 0x1A63, 0x1A64, 0xAA7B,
     0xAA7D, 0x11720, 0x11721)
)  # fmt: skip
# Indic consonants and viramas (Indic_Conjunct_Break): "क्ष" is one character since
# Unicode 15.1, as JavaScript's Intl.Segmenter (which Bluesky counts with) reads it.
_CONSONANT_RANGES = (
    (0x0915, 0x0939), (0x0958, 0x095F), (0x0978, 0x097F), (0x0995, 0x09A8),
    (0x09AA, 0x09B0), (0x09B2, 0x09B2), (0x09B6, 0x09B9), (0x09DC, 0x09DD),
    (0x09DF, 0x09DF), (0x09F0, 0x09F1), (0x0A95, 0x0AA8), (0x0AAA, 0x0AB0),
    (0x0AB2, 0x0AB3), (0x0AB5, 0x0AB9), (0x0AF9, 0x0AF9), (0x0B15, 0x0B28),
    (0x0B2A, 0x0B30), (0x0B32, 0x0B33), (0x0B35, 0x0B39), (0x0B5C, 0x0B5D),
    (0x0B5F, 0x0B5F), (0x0B71, 0x0B71), (0x0C15, 0x0C28), (0x0C2A, 0x0C39),
    (0x0C58, 0x0C5A), (0x0D15, 0x0D3A),
)  # fmt: skip
_LINKERS = frozenset((0x094D, 0x09CD, 0x0ACD, 0x0B4D, 0x0C4D, 0x0D4D))
# Extended_Pictographic (emoji and their kin): what a zero-width joiner glues together. As
# Unicode 17 has it (Node 22's ICU, which Bluesky counts with): narrower than earlier
# versions, so a server on an older version never counts more characters than this does.
_PICTO_RANGES = (
    (0x00A9, 0x00A9), (0x00AE, 0x00AE), (0x203C, 0x203C), (0x2049, 0x2049), (0x2122, 0x2122),
    (0x2139, 0x2139), (0x2194, 0x2199), (0x21A9, 0x21AA), (0x231A, 0x231B), (0x2328, 0x2328),
    (0x23CF, 0x23CF), (0x23E9, 0x23F3), (0x23F8, 0x23FA), (0x24C2, 0x24C2), (0x25AA, 0x25AB),
    (0x25B6, 0x25B6), (0x25C0, 0x25C0), (0x25FB, 0x25FE), (0x2600, 0x2604), (0x260E, 0x260E),
    (0x2611, 0x2611), (0x2614, 0x2615), (0x2618, 0x2618), (0x261D, 0x261D), (0x2620, 0x2620),
    (0x2622, 0x2623), (0x2626, 0x2626), (0x262A, 0x262A), (0x262E, 0x262F), (0x2638, 0x263A),
    (0x2640, 0x2640), (0x2642, 0x2642), (0x2648, 0x2653), (0x265F, 0x2660), (0x2663, 0x2663),
    (0x2665, 0x2666), (0x2668, 0x2668), (0x267B, 0x267B), (0x267E, 0x267F), (0x2692, 0x2697),
    (0x2699, 0x2699), (0x269B, 0x269C), (0x26A0, 0x26A1), (0x26A7, 0x26A7), (0x26AA, 0x26AB),
    (0x26B0, 0x26B1), (0x26BD, 0x26BE), (0x26C4, 0x26C5), (0x26C8, 0x26C8), (0x26CE, 0x26CF),
    (0x26D1, 0x26D1), (0x26D3, 0x26D4), (0x26E9, 0x26EA), (0x26F0, 0x26F5), (0x26F7, 0x26FA),
    (0x26FD, 0x26FD), (0x2702, 0x2702), (0x2705, 0x2705), (0x2708, 0x270D), (0x270F, 0x270F),
    (0x2712, 0x2712), (0x2714, 0x2714), (0x2716, 0x2716), (0x271D, 0x271D), (0x2721, 0x2721),
    (0x2728, 0x2728), (0x2733, 0x2734), (0x2744, 0x2744), (0x2747, 0x2747), (0x274C, 0x274C),
    (0x274E, 0x274E), (0x2753, 0x2755), (0x2757, 0x2757), (0x2763, 0x2764), (0x2795, 0x2797),
    (0x27A1, 0x27A1), (0x27B0, 0x27B0), (0x27BF, 0x27BF), (0x2934, 0x2935), (0x2B05, 0x2B07),
    (0x2B1B, 0x2B1C), (0x2B50, 0x2B50), (0x2B55, 0x2B55), (0x3030, 0x3030), (0x303D, 0x303D),
    (0x3297, 0x3297), (0x3299, 0x3299), (0x1F004, 0x1F004), (0x1F02C, 0x1F02F),
    (0x1F094, 0x1F09F), (0x1F0AF, 0x1F0B0), (0x1F0C0, 0x1F0C0), (0x1F0CF, 0x1F0D0),
    (0x1F0F6, 0x1F0FF), (0x1F170, 0x1F171), (0x1F17E, 0x1F17F), (0x1F18E, 0x1F18E),
    (0x1F191, 0x1F19A), (0x1F1AE, 0x1F1E5), (0x1F201, 0x1F20F), (0x1F21A, 0x1F21A),
    (0x1F22F, 0x1F22F), (0x1F232, 0x1F23A), (0x1F23C, 0x1F23F), (0x1F249, 0x1F25F),
    (0x1F266, 0x1F321), (0x1F324, 0x1F393), (0x1F396, 0x1F397), (0x1F399, 0x1F39B),
    (0x1F39E, 0x1F3F0), (0x1F3F3, 0x1F3F5), (0x1F3F7, 0x1F3FA), (0x1F400, 0x1F4FD),
    (0x1F4FF, 0x1F53D), (0x1F549, 0x1F54E), (0x1F550, 0x1F567), (0x1F56F, 0x1F570),
    (0x1F573, 0x1F57A), (0x1F587, 0x1F587), (0x1F58A, 0x1F58D), (0x1F590, 0x1F590),
    (0x1F595, 0x1F596), (0x1F5A4, 0x1F5A5), (0x1F5A8, 0x1F5A8), (0x1F5B1, 0x1F5B2),
    (0x1F5BC, 0x1F5BC), (0x1F5C2, 0x1F5C4), (0x1F5D1, 0x1F5D3), (0x1F5DC, 0x1F5DE),
    (0x1F5E1, 0x1F5E1), (0x1F5E3, 0x1F5E3), (0x1F5E8, 0x1F5E8), (0x1F5EF, 0x1F5EF),
    (0x1F5F3, 0x1F5F3), (0x1F5FA, 0x1F64F), (0x1F680, 0x1F6C5), (0x1F6CB, 0x1F6D2),
    (0x1F6D5, 0x1F6E5), (0x1F6E9, 0x1F6E9), (0x1F6EB, 0x1F6F0), (0x1F6F3, 0x1F6FF),
    (0x1F7DA, 0x1F7FF), (0x1F80C, 0x1F80F), (0x1F848, 0x1F84F), (0x1F85A, 0x1F85F),
    (0x1F888, 0x1F88F), (0x1F8AE, 0x1F8AF), (0x1F8BC, 0x1F8BF), (0x1F8C2, 0x1F8CF),
    (0x1F8D9, 0x1F8FF), (0x1F90C, 0x1F93A), (0x1F93C, 0x1F945), (0x1F947, 0x1F9FF),
    (0x1FA58, 0x1FA5F), (0x1FA6E, 0x1FAFF), (0x1FC00, 0x1FFFD),
)  # fmt: skip


@lru_cache(maxsize=4096)
def _kind(char: str) -> int:
    point = ord(char)
    if point < 0x7F:  # the common case first: ASCII
        return _CR if point == 13 else _LF if point == 10 else _CONTROL if point < 32 else _OTHER
    if point == 0x200D:
        return _ZWJ
    if 0x1F1E6 <= point <= 0x1F1FF:
        return _RI
    if 0x1F3FB <= point <= 0x1F3FF or 0xE0020 <= point <= 0xE007F or point in (0x200C,):
        return _EXTEND  # skin tones, emoji tag letters, the zero-width non-joiner
    if point in _PREPEND_POINTS:
        return _PREPEND
    if 0xAC00 <= point <= 0xD7A3:
        return _LV if (point - 0xAC00) % 28 == 0 else _LVT
    if 0x1100 <= point <= 0x115F or 0xA960 <= point <= 0xA97C:
        return _L
    if 0x1160 <= point <= 0x11A7 or 0xD7B0 <= point <= 0xD7C6:
        return _V
    if 0x11A8 <= point <= 0x11FF or 0xD7CB <= point <= 0xD7FB:
        return _T
    category = unicodedata.category(char)
    if category in ("Mn", "Me") or point in _EXTEND_MC or 0xFF9E <= point <= 0xFF9F:
        return _EXTEND
    if (category == "Mc" and point not in _LONE_MC) or point in (0x0E33, 0x0EB3):
        return _SPACING
    if category in ("Cc", "Zl", "Zp", "Cf"):
        return _CONTROL
    if category == "Cn" and (0xE0000 <= point <= 0xE0FFF or 0xFFF0 <= point <= 0xFFF8):
        return _CONTROL  # unassigned but default-ignorable: treated as controls
    for low, high in _PICTO_RANGES:
        if low <= point <= high:
            return _PICTO
    return _OTHER


@lru_cache(maxsize=1024)
def _consonant(char: str) -> bool:
    point = ord(char)
    if not 0x0915 <= point <= 0x0D3A:
        return False
    return any(low <= point <= high for low, high in _CONSONANT_RANGES)


def _joins(before: int, after: int, picto_zwj: bool, odd_ri: bool) -> bool:
    """Whether no boundary lies between two characters (the rules GB3 to GB13)."""
    if before == _CR and after == _LF:
        return True
    if before in (_CR, _LF, _CONTROL) or after in (_CR, _LF, _CONTROL):
        return False
    if before == _L and after in (_L, _V, _LV, _LVT):
        return True
    if before in (_LV, _V) and after in (_V, _T):
        return True
    if before in (_LVT, _T) and after == _T:
        return True
    if after in (_EXTEND, _ZWJ, _SPACING) or before == _PREPEND:
        return True
    if before == _ZWJ and after == _PICTO and picto_zwj:
        return True
    return before == _RI and after == _RI and odd_ri


def graphemes(text: str) -> list[str]:
    """``text`` cut into user-perceived characters: "👩‍👩‍👧" or "🇫🇷" or "é" is one."""
    clusters: list[str] = []
    start = 0
    previous = -1
    picto_run = False  # a pictograph followed by extends so far: a ZWJ after it joins
    picto_zwj = False  # ... and that run has just ended with a ZWJ
    ri_count = 0  # regional indicators in a row before this character
    conjunct = 0  # 1: after an Indic consonant (and marks); 2: ... and a virama since
    for index, char in enumerate(text):
        kind = _kind(char)
        consonant = _consonant(char)
        joined = _joins(previous, kind, picto_zwj, ri_count % 2 == 1) or (
            consonant and conjunct == 2
        )
        if index and not joined:
            clusters.append(text[start:index])
            start = index
        if consonant:
            conjunct = 1
        elif conjunct and ord(char) in _LINKERS:
            conjunct = 2
        elif kind not in (_EXTEND, _ZWJ):
            conjunct = 0
        picto_zwj = picto_run and kind == _ZWJ
        picto_run = kind == _PICTO or (picto_run and kind == _EXTEND)
        ri_count = ri_count + 1 if kind == _RI else 0
        previous = kind
    if start < len(text):
        clusters.append(text[start:])
    return clusters


def grapheme_count(text: str) -> int:
    return len(graphemes(text))


def byte_length(text: str) -> int:
    return len(text.encode("utf-8"))


def too_long(text: str) -> str:
    """Why ``text`` cannot be a Bluesky post, or "" when it fits."""
    count = grapheme_count(text)
    if count > MAX_GRAPHEMES:
        return f"the post is {count} characters long; Bluesky takes at most {MAX_GRAPHEMES}"
    size = byte_length(text)
    if size > MAX_BYTES:
        return (
            f"the post is {size} bytes long (emoji and some scripts take several each); "
            f"Bluesky takes at most {MAX_BYTES}"
        )
    return ""


def _fit(text: str, room: int) -> str:
    """``text`` cut at a word to at most ``room`` graphemes (and bytes to spare), with "…"."""
    parts = graphemes(text)
    if len(parts) <= room and byte_length(text) <= MAX_BYTES:
        return text
    kept = parts[: max(0, room - 1)]
    while kept and byte_length("".join(kept)) > MAX_BYTES // 2:
        kept.pop()
    cut = "".join(kept)
    word = cut.rsplit(None, 1)[0] if " " in cut.strip() else cut
    return word.rstrip(" ,.;:-–—") + ELLIPSIS


def compose(title: str, link: str, tags: list[str] | tuple[str, ...] = ()) -> str:
    """The post's suggested text: the title, the published link on its own line, and the
    post's tags as hashtags where they fit; the title is shortened to fit, never the link."""
    link = link.strip()
    title = " ".join(title.split())
    room = MAX_GRAPHEMES - grapheme_count(link) - 2  # two line breaks between
    text = _fit(title, room) + "\n\n" + link if title and room > 1 else link
    words = []
    for tag in tags:
        name = _hashtag(re.sub(r"\s+", "", str(tag)))
        if name and "#" + name not in words:
            words.append("#" + name)
    for word in words:
        longer = f"{text} {word}" if text.endswith(tuple(words)) else f"{text}\n\n{word}"
        if not too_long(longer):
            text = longer
    return text


_URL = re.compile(r"https?://[^\s<>\"'`]+", re.IGNORECASE)
_HASH = re.compile(r"(?:^|(?<=\s))#([^\s#]+)")
_TRAILING = ".,;:!?)]}'\"”’»…"


def _hashtag(word: str) -> str:
    """The tag a "#word" names ("" when it is none: "#1", "#!!"), without the "#" and the
    punctuation after it, at most 64 characters as Bluesky takes them."""
    tag = word
    while tag and (tag[-1] in _TRAILING or unicodedata.category(tag[-1]).startswith("P")):
        tag = tag[:-1]
    if not any(not c.isdigit() and not unicodedata.category(c).startswith("P") for c in tag):
        return ""
    return tag if len(tag) <= 64 else ""


def _byte_span(text: str, start: int, end: int) -> dict[str, int]:
    head = byte_length(text[:start])
    return {"byteStart": head, "byteEnd": head + byte_length(text[start:end])}


def facets(text: str) -> list[dict]:
    """The links and hashtags in ``text`` as Bluesky facets (UTF-8 byte ranges), so they are
    live in every client, in the order they appear."""
    found: list[tuple[int, dict]] = []
    links: list[tuple[int, int]] = []
    for match in _URL.finditer(text):
        raw = match.group(0)
        url = raw.rstrip(_TRAILING)
        if raw[len(url) :].startswith(")") and url.count("(") > url.count(")"):
            url += ")"  # a Wikipedia-style address keeps its closing parenthesis
        start, end = match.start(), match.start() + len(url)
        links.append((start, end))
        feature = {"$type": "app.bsky.richtext.facet#link", "uri": url}
        found.append((start, {"index": _byte_span(text, start, end), "features": [feature]}))
    for match in _HASH.finditer(text):
        start = match.start()
        if any(low <= start < high for low, high in links):
            continue  # a fragment of a link ("…/page#part") is no hashtag
        tag = _hashtag(match.group(1))
        if not tag:
            continue
        end = start + 1 + len(tag)
        feature = {"$type": "app.bsky.richtext.facet#tag", "tag": tag}
        found.append((start, {"index": _byte_span(text, start, end), "features": [feature]}))
    return [facet for _start, facet in sorted(found, key=lambda item: item[0])]

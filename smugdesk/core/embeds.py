"""Embeds: a URL alone on its own paragraph becomes a player, a post card, or a link card.

The Markdown source keeps only the URL (the convention of WordPress and Ghost), so it stays
readable and portable; how an embed looks is decided at render time, per target:
``iframe`` (a standalone page), ``placeholder`` (the offline preview: no network request).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from urllib.parse import parse_qs, quote, urlsplit

from markdown import Extension, Markdown
from markdown.blockprocessors import BlockProcessor
from markdown.util import AtomicString

from smugdesk.core.links import BadUrlError, check_url

EMBED_MODES = ("iframe", "placeholder")

# fullmatch everywhere: "$" would also accept a trailing newline (a decoded "%0A").
_YOUTUBE_ID = re.compile(r"[A-Za-z0-9_-]{11}")  # exactly 11: longer look-alikes are not videos
_YOUTUBE_LIST = re.compile(r"[A-Za-z0-9_-]{10,64}")
_VIMEO_ID = re.compile(r"[0-9]{1,12}")  # ASCII digits: str.isdigit() also takes "²" and "١"
_SPOTIFY_ID = re.compile(r"[A-Za-z0-9]{22}")  # base 62, always 22 characters
_INSTAGRAM_CODE = re.compile(r"[A-Za-z0-9_-]{5,64}")
_POST_NUMBER = re.compile(r"[0-9]{1,20}")
_URL_LINE = re.compile(r"^<?(https?://[^\s<>]+?)>?$", re.IGNORECASE)

PROVIDER_NAMES = {
    "youtube": "YouTube",
    "vimeo": "Vimeo",
    "twitter": "X (Twitter)",
    "instagram": "Instagram",
    "soundcloud": "SoundCloud",
    "spotify": "Spotify",
    "link": "Link",
}


@dataclass(frozen=True)
class Embed:
    provider: str  # a key of PROVIDER_NAMES
    kind: str  # "video", "playlist", "audio", "post", "link"
    url: str  # what the writer pasted
    ref: str = ""  # the provider's id: video id, "track/ID", "status/ID", …
    start: int = 0  # seconds into a video

    @property
    def provider_name(self) -> str:
        return PROVIDER_NAMES[self.provider]

    @property
    def title(self) -> str:
        """What a screen reader announces for the frame or card."""
        what = {"video": "video", "playlist": "playlist", "audio": "audio", "post": "post"}
        if self.provider == "link":
            return f"Link to {urlsplit(self.url).hostname}"
        return f"{self.provider_name} {what.get(self.kind, 'content')}"

    @property
    def player_url(self) -> str | None:
        """The iframe address, or None for embeds shown as a card (social posts, links)."""
        if self.provider == "youtube":
            # The no-cookie host sets no tracking cookies until the reader presses play.
            if self.kind == "playlist":
                return f"https://www.youtube-nocookie.com/embed/videoseries?list={self.ref}"
            base = f"https://www.youtube-nocookie.com/embed/{self.ref}"
            return f"{base}?start={self.start}" if self.start else base
        if self.provider == "vimeo":
            base = f"https://player.vimeo.com/video/{self.ref}?dnt=1"
            return f"{base}#t={self.start}s" if self.start else base
        if self.provider == "spotify":
            return f"https://open.spotify.com/embed/{self.ref}"
        if self.provider == "soundcloud":
            return "https://w.soundcloud.com/player/?url=" + quote(self.url, safe="")
        return None


def _seconds(value: str) -> int:
    """YouTube's ``t=`` forms: ``90``, ``90s``, ``1m30s``, ``1h2m3s``."""
    if re.fullmatch(r"[0-9]{1,9}", value):
        return int(value)
    match = re.fullmatch(r"(?:([0-9]{1,4})h)?(?:([0-9]{1,4})m)?(?:([0-9]{1,6})s)?", value)
    if not match or not any(match.groups()):
        return 0
    hours, minutes, seconds = (int(part or 0) for part in match.groups())
    return hours * 3600 + minutes * 60 + seconds


def _youtube(host: str, segments: list[str], query: dict, url: str) -> Embed | None:
    start = _seconds((query.get("t") or query.get("start") or ["0"])[0])
    video_id = None
    if host == "youtu.be" and len(segments) == 1:
        video_id = segments[0]
    elif segments == ["watch"]:
        video_id = (query.get("v") or [""])[0]
    elif len(segments) == 2 and segments[0] in ("embed", "shorts", "live", "v"):
        video_id = segments[1]
    if video_id is None and segments == ["playlist"]:
        playlist = (query.get("list") or [""])[0]
        if _YOUTUBE_LIST.fullmatch(playlist):
            return Embed("youtube", "playlist", url, playlist)
        return None
    if video_id and _YOUTUBE_ID.fullmatch(video_id):
        return Embed("youtube", "video", url, video_id, start)
    return None


def _vimeo_id(host: str, segments: list[str]) -> str | None:
    """The video's number in the forms Vimeo shows a video at; None for the pages that
    list videos (a channel, a user, an album or showcase, a group)."""
    if host == "player.vimeo.com":
        wanted = ["video", "#"]
    elif len(segments) in (1, 2) and _VIMEO_ID.fullmatch(segments[0]):
        return segments[0]  # /ID, or /ID/HASH for an unlisted video
    elif segments[:1] == ["channels"]:
        wanted = ["channels", "*", "#"]
    elif segments[:1] == ["groups"]:
        wanted = ["groups", "*", "videos", "#"]
    elif segments[:1] in (["album"], ["showcase"]):
        wanted = [segments[0], "*", "video", "#"]
    else:
        return None
    if len(segments) != len(wanted):
        return None
    for segment, want in zip(segments, wanted, strict=True):
        if want == "#" and not _VIMEO_ID.fullmatch(segment):
            return None
        if want not in ("#", "*", segment):
            return None
    return segments[-1]


def _vimeo(host: str, segments: list[str], url: str) -> Embed | None:
    video_id = _vimeo_id(host, segments)
    if video_id is None:
        return None
    start = 0
    fragment = urlsplit(url).fragment
    if fragment.startswith("t="):
        start = _seconds(fragment[2:])
    return Embed("vimeo", "video", url, video_id, start)


def _social(host: str, segments: list[str], url: str) -> Embed | None:
    if host in ("twitter.com", "x.com", "mobile.twitter.com"):
        if len(segments) >= 3 and segments[1] == "status" and _POST_NUMBER.fullmatch(segments[2]):
            return Embed("twitter", "post", url, f"status/{segments[2]}")
        return None
    if host == "instagram.com":
        if (
            len(segments) >= 2
            and segments[0] in ("p", "reel", "tv")
            and _INSTAGRAM_CODE.fullmatch(segments[1])
        ):
            return Embed("instagram", "post", url, f"{segments[0]}/{segments[1]}")
        return None
    if host == "soundcloud.com":
        return (
            Embed("soundcloud", "audio", url, "/".join(segments[:3]))
            if len(segments) >= 2
            else None
        )
    if host == "open.spotify.com":
        kinds = ("track", "album", "playlist", "episode", "show", "artist")
        parts = [s for s in segments if not s.startswith("intl-")]
        if len(parts) >= 2 and parts[0] in kinds and _SPOTIFY_ID.fullmatch(parts[1]):
            return Embed("spotify", "audio", url, f"{parts[0]}/{parts[1]}")
        return None
    return None


def parse_embed(url: str, *, link_cards: bool = False) -> Embed | None:
    """The embed a URL stands for. Unknown sites give None, or a link card if asked."""
    try:
        checked = check_url(url)
        parts = urlsplit(checked.url)
    except (BadUrlError, ValueError):
        return None
    if checked.suggestion or parts.scheme.lower() not in ("http", "https"):
        return None
    host = (parts.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    query = parse_qs(parts.query)
    segments = [segment for segment in parts.path.split("/") if segment]
    if host in ("youtube.com", "youtube-nocookie.com", "music.youtube.com", "youtu.be"):
        found = _youtube(host, segments, query, url)
    elif host in ("vimeo.com", "player.vimeo.com"):
        found = _vimeo(host, segments, url)
    else:
        found = _social(host, segments, url)
    if found is None and link_cards:
        return Embed("link", "link", url)
    return found


def embed_element(embed: Embed, mode: str = "iframe") -> etree.Element:
    """The HTML for an embed. Attribute values are escaped by the serializer, so nothing in
    a URL can break out of them."""
    classes = " ".join(dict.fromkeys(["embed", f"embed-{embed.kind}", f"embed-{embed.provider}"]))
    player = embed.player_url
    if mode == "iframe" and player is not None:
        wrapper = etree.Element("div", {"class": classes})
        etree.SubElement(
            wrapper,
            "iframe",
            {
                "src": player,
                "title": embed.title,
                "loading": "lazy",
                "allow": "encrypted-media; picture-in-picture; fullscreen",
                "referrerpolicy": "strict-origin-when-cross-origin",
            },
        )
        return wrapper
    return _card(embed, classes, placeholder=mode == "placeholder" and player is not None)


def _card(embed: Embed, classes: str, *, placeholder: bool) -> etree.Element:
    """A card that makes no network request: social posts always (their scripts track
    readers), and players in the offline preview."""
    tag = "blockquote" if embed.kind == "post" else "div"
    card = etree.Element(tag, {"class": f"{classes} embed-card", "aria-label": embed.title})
    provider = etree.SubElement(card, "span", {"class": "embed-provider"})
    # AtomicString: the card's words are not Markdown (a host such as "www.latimes.com"
    # must not be turned into a link of its own by the inline patterns).
    provider.text = AtomicString(
        embed.provider_name if embed.provider != "link" else urlsplit(embed.url).hostname
    )
    if placeholder:
        note = etree.SubElement(card, "span", {"class": "embed-note"})
        note.text = AtomicString(f"{embed.title} — plays here when remote content is allowed")
    link = etree.SubElement(card, "a", {"href": embed.url, "class": "embed-url"})
    link.text = AtomicString(embed.url)
    return card


class _EmbedBlockProcessor(BlockProcessor):
    def __init__(self, parser, mode: str) -> None:
        super().__init__(parser)
        self.mode = mode

    def _embed(self, block: str) -> Embed | None:
        match = _URL_LINE.match(block.strip())
        return parse_embed(match.group(1), link_cards=True) if match else None

    def test(self, parent: etree.Element, block: str) -> bool:
        # Top level only: a list of bare URLs is a reading list, not a row of players.
        return parent is getattr(self.parser, "root", None) and self._embed(block) is not None

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        parent.append(embed_element(self._embed(blocks.pop(0)), self.mode))


class EmbedExtension(Extension):
    """Python-Markdown extension: a paragraph that is only a URL renders as an embed."""

    def __init__(self, mode: str = "iframe") -> None:
        if mode not in EMBED_MODES:
            raise ValueError(f"embed mode must be one of {EMBED_MODES}")
        self.mode = mode
        super().__init__()

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        # Above the paragraph processor (priority 10) so it sees the bare URL first.
        processor = _EmbedBlockProcessor(md.parser, self.mode)
        md.parser.blockprocessors.register(processor, "smugdesk_embed", 15)

"""Embeds: a video URL alone on its own paragraph becomes a player.

The Markdown source keeps only the URL (the convention of WordPress and Ghost), so it stays
readable and portable; how an embed looks is decided at render time, per target.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from markdown import Extension, Markdown
from markdown.blockprocessors import BlockProcessor

_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
_URL_LINE = re.compile(r"^<?(https?://\S+?)>?$")


@dataclass(frozen=True)
class Embed:
    provider: str  # "youtube", "vimeo"
    video_id: str
    url: str
    start: int = 0  # seconds

    @property
    def title(self) -> str:
        return {"youtube": "YouTube video", "vimeo": "Vimeo video"}[self.provider]

    @property
    def player_url(self) -> str:
        if self.provider == "youtube":
            # The no-cookie host sets no tracking cookies until the reader presses play.
            base = f"https://www.youtube-nocookie.com/embed/{self.video_id}"
            return f"{base}?start={self.start}" if self.start else base
        base = f"https://player.vimeo.com/video/{self.video_id}?dnt=1"
        return f"{base}#t={self.start}s" if self.start else base


def _seconds(value: str) -> int:
    """YouTube's ``t=`` forms: ``90``, ``90s``, ``1m30s``, ``1h2m3s``."""
    if value.isdigit():
        return int(value)
    match = re.fullmatch(r"(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?", value)
    if not match or not any(match.groups()):
        return 0
    hours, minutes, seconds = (int(part or 0) for part in match.groups())
    return hours * 3600 + minutes * 60 + seconds


def parse_embed(url: str) -> Embed | None:
    """The embed a URL stands for, or None when it is an ordinary link."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme not in ("http", "https"):
        return None
    host = (parts.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    query = parse_qs(parts.query)
    segments = [segment for segment in parts.path.split("/") if segment]
    start = _seconds((query.get("t") or query.get("start") or ["0"])[0])

    video_id = None
    if host in ("youtube.com", "youtube-nocookie.com", "music.youtube.com"):
        if segments == ["watch"]:
            video_id = (query.get("v") or [""])[0]
        elif len(segments) == 2 and segments[0] in ("embed", "shorts", "live", "v"):
            video_id = segments[1]
    elif host == "youtu.be" and len(segments) == 1:
        video_id = segments[0]
    if video_id is not None:
        return Embed("youtube", video_id, url, start) if _YOUTUBE_ID.match(video_id) else None

    if host in ("vimeo.com", "player.vimeo.com"):
        numeric = [segment for segment in segments if segment.isdigit()]
        if numeric:
            return Embed("vimeo", numeric[-1], url, start)
    return None


def embed_element(embed: Embed) -> etree.Element:
    wrapper = etree.Element("div", {"class": f"embed embed-video embed-{embed.provider}"})
    etree.SubElement(
        wrapper,
        "iframe",
        {
            "src": embed.player_url,
            "title": embed.title,
            "loading": "lazy",
            "allow": "encrypted-media; picture-in-picture; fullscreen",
            "referrerpolicy": "strict-origin-when-cross-origin",
        },
    )
    return wrapper


class _EmbedBlockProcessor(BlockProcessor):
    def test(self, parent: etree.Element, block: str) -> bool:
        match = _URL_LINE.match(block.strip())
        return bool(match) and parse_embed(match.group(1)) is not None

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        url = _URL_LINE.match(blocks.pop(0).strip()).group(1)
        parent.append(embed_element(parse_embed(url)))


class EmbedExtension(Extension):
    """Python-Markdown extension: a paragraph that is only a video URL renders as a player."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        # Above the paragraph processor (priority 10) so it sees the bare URL first.
        md.parser.blockprocessors.register(_EmbedBlockProcessor(md.parser), "smugdesk_embed", 15)

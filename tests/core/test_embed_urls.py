"""Video URLs in every form bloggers paste them."""

from __future__ import annotations

import pytest

from smugdesk.core.embeds import parse_embed
from smugdesk.core.render import Renderer

ID = "dQw4w9WgXcQ"


@pytest.mark.parametrize(
    ("url", "start"),
    [
        (f"https://www.youtube.com/watch?v={ID}", 0),
        (f"https://youtube.com/watch?v={ID}&feature=share", 0),
        (f"https://m.youtube.com/watch?v={ID}", 0),
        (f"https://youtu.be/{ID}?t=90", 90),
        (f"https://www.youtube.com/shorts/{ID}", 0),
        (f"https://www.youtube.com/embed/{ID}", 0),
        (f"https://www.youtube.com/watch?v={ID}&t=1m30s", 90),
        (f"https://www.youtube.com/watch?v={ID}&t=1h2m3s", 3723),
    ],
)
def test_youtube_forms(url, start):
    embed = parse_embed(url)
    assert (embed.provider, embed.video_id, embed.start) == ("youtube", ID, start)
    expected = f"https://www.youtube-nocookie.com/embed/{ID}"
    assert embed.player_url == (f"{expected}?start={start}" if start else expected)


@pytest.mark.parametrize(
    "url", ["https://vimeo.com/123456", "https://player.vimeo.com/video/123456"]
)
def test_vimeo_forms(url):
    embed = parse_embed(url)
    assert (embed.provider, embed.video_id) == ("vimeo", "123456")


@pytest.mark.parametrize(
    "url",
    [
        "https://youtube.com/watch?v=short",
        "https://www.youtube.com/channel/UC123",
        "ftp://youtu.be/dQw4w9WgXcQ",
        "not a url",
        "https://vimeo.com/about",
        "https://example.org/watch?v=dQw4w9WgXcQ",
    ],
)
def test_other_urls_are_not_embeds(url):
    assert parse_embed(url) is None


def test_only_a_url_alone_in_its_paragraph_embeds():
    render = Renderer().render
    inline = render(f"See https://youtu.be/{ID} for more.")
    assert "iframe" not in inline
    in_code = render(f"```\nhttps://youtu.be/{ID}\n```")
    assert "iframe" not in in_code
    alone = render(f"Intro.\n\nhttps://youtu.be/{ID}\n\nOutro.")
    assert '<div class="embed embed-video embed-youtube">' in alone
    assert 'title="YouTube video"' in alone

"""Video URLs in every form bloggers paste them."""

from __future__ import annotations

import re
from html.parser import HTMLParser

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
    assert (embed.provider, embed.kind, embed.ref, embed.start) == ("youtube", "video", ID, start)
    expected = f"https://www.youtube-nocookie.com/embed/{ID}"
    assert embed.player_url == (f"{expected}?start={start}" if start else expected)


@pytest.mark.parametrize(
    "url", ["https://vimeo.com/123456", "https://player.vimeo.com/video/123456"]
)
def test_vimeo_forms(url):
    embed = parse_embed(url)
    assert (embed.provider, embed.ref) == ("vimeo", "123456")


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


@pytest.mark.parametrize(
    ("url", "provider", "kind", "ref"),
    [
        (
            "https://www.youtube.com/playlist?list=PL590L5WQmH8fJ54F369BLDSqIwcs-TCfs",
            "youtube",
            "playlist",
            "PL590L5WQmH8fJ54F369BLDSqIwcs-TCfs",
        ),
        ("https://youtube.com/live/dQw4w9WgXcQ?feature=share", "youtube", "video", ID),
        ("https://music.youtube.com/watch?v=dQw4w9WgXcQ", "youtube", "video", ID),
        ("https://vimeo.com/channels/staffpicks/76979871", "vimeo", "video", "76979871"),
        (
            "https://twitter.com/MayoClinic/status/1234567890123456789",
            "twitter",
            "post",
            "status/1234567890123456789",
        ),
        ("https://x.com/someone/status/987654321", "twitter", "post", "status/987654321"),
        ("https://mobile.twitter.com/a/status/42", "twitter", "post", "status/42"),
        ("https://www.instagram.com/p/CxYz123AbC/", "instagram", "post", "p/CxYz123AbC"),
        (
            "https://instagram.com/reel/Cq1w2e3r4t5/?igsh=abc",
            "instagram",
            "post",
            "reel/Cq1w2e3r4t5",
        ),
        (
            "https://soundcloud.com/health-podcast/episode-12",
            "soundcloud",
            "audio",
            "health-podcast/episode-12",
        ),
        (
            "https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk",
            "spotify",
            "audio",
            "episode/4rOoJ6Egrf8K2IrywzwOMk",
        ),
        (
            "https://open.spotify.com/intl-de/track/11dFghVXANMlKmJXsNCbNl?si=x",
            "spotify",
            "audio",
            "track/11dFghVXANMlKmJXsNCbNl",
        ),
        (
            "https://open.spotify.com/show/2MAi0BvDc6GTFvKFPXnkCL",
            "spotify",
            "audio",
            "show/2MAi0BvDc6GTFvKFPXnkCL",
        ),
    ],
)
def test_other_providers(url, provider, kind, ref):
    embed = parse_embed(url)
    assert (embed.provider, embed.kind, embed.ref) == (provider, kind, ref)


@pytest.mark.parametrize(
    "url",
    [
        "https://twitter.com/MayoClinic",
        "https://x.com/someone/status/notanumber",
        "https://www.instagram.com/mayoclinic/",
        "https://soundcloud.com/health-podcast",
        "https://open.spotify.com/track/short",
        "https://www.youtube.com/playlist?list=x",
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ\u202e",
        "javascript:alert(1)//https://youtu.be/dQw4w9WgXcQ",
        "https://youtu.be.evil.example/dQw4w9WgXcQ",
    ],
)
def test_near_misses_are_not_embeds(url):
    assert parse_embed(url) is None


def test_unknown_sites_become_link_cards_only_when_asked():
    assert parse_embed("https://www.latimes.com/a-story") is None
    card = parse_embed("https://www.latimes.com/a-story", link_cards=True)
    assert (card.provider, card.kind, card.title) == ("link", "link", "Link to www.latimes.com")


def test_players_and_cards_in_each_mode():
    render = Renderer().render
    offline = Renderer(embeds="placeholder").render
    video = f"https://youtu.be/{ID}"
    assert "<iframe" in render(video)
    card = offline(video)
    assert "<iframe" not in card and "embed-card" in card and f'href="{video}"' in card
    tweet = "https://x.com/someone/status/987654321"
    for mode in (render, offline):  # social posts are cards everywhere: their scripts track
        html = mode(tweet)
        assert html.startswith("<blockquote") and "<iframe" not in html and "<script" not in html
    spotify = render("https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk")
    assert 'src="https://open.spotify.com/embed/episode/4rOoJ6Egrf8K2IrywzwOMk"' in spotify
    soundcloud = render("https://soundcloud.com/health-podcast/episode-12")
    assert "w.soundcloud.com/player/?url=https%3A%2F%2Fsoundcloud.com%2F" in soundcloud
    assert 'class="embed embed-link embed-card"' in render("https://example.org/story")


def test_a_list_of_bare_urls_stays_a_list():
    html = Renderer().render(f"Reading:\n\n- https://youtu.be/{ID}\n- https://example.org\n")
    assert "<iframe" not in html and "embed-card" not in html and "<ul>" in html


class _Attributes(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.names: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.names.extend(name for name, _ in attrs)


@pytest.mark.parametrize(
    "line",
    [
        'https://example.org/"onmouseover="alert(1)',
        "https://example.org/' onload='alert(1)",
        'https://youtu.be/dQw4w9WgXcQ"onload="alert(1)',
        "https://youtu.be/dQw4w9WgXcQ?x=1&quot;onload=&quot;alert(1)",
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=1%22%20onload%3D%22alert(1)",
    ],
)
def test_no_url_alone_on_a_line_breaks_out_of_the_embed(line):
    for render in (Renderer().render, Renderer(embeds="placeholder").render):
        parsed = _Attributes()
        parsed.feed(render(line))
        assert not [name for name in parsed.names if name.startswith("on")], parsed.names
        assert "script" not in parsed.tags


def test_unsafe_links_are_not_live_and_raw_html_keeps_all_but_the_address():
    html = Renderer().render(
        "[a](javascript:alert(1)) ![b](file:///etc/passwd) [c](https://ok.example)\n\n"
        '<a href="javascript:void(0)" class="author">typed on purpose</a>'
    )
    assert "javascript:" not in html  # raw HTML is disarmed too (core/html_safety.py)
    assert 'src="file:' not in html
    assert '<a href="https://ok.example">c</a>' in html
    assert 'class="author"' in html and "typed on purpose</a>" in html


@pytest.mark.parametrize(
    "url",
    [
        f"https://www.youtube.com/watch?v={ID}x",  # 12 characters: not a YouTube id
        f"https://youtu.be/{ID}xyz",
        f"https://www.youtube.com/shorts/{ID}{ID}",
        f"https://www.youtube.com/embed/{ID}-",
        f"https://www.youtube.com/watch?v={ID[:-1]}",  # 10 characters
        f"https://www.youtube.com/watch?v={ID}%0A",  # a decoded newline after the id
        "https://www.youtube.com/playlist?list=PL590L5WQmH8fJ54F369BLDSqIwcs%0A",
        f"https://www.youtube.com/watch?v={ID[:5]}%21{ID[6:]}",  # "!" is not in an id
    ],
)
def test_youtube_look_alikes_stay_links(url):
    assert parse_embed(url) is None
    html = Renderer().render(url)
    assert "<iframe" not in html and "embed-link" in html  # the reader gets a plain link card


@pytest.mark.parametrize(
    "url",
    [
        "https://vimeo.com/channels/staffpicks",  # a channel's page lists videos
        "https://vimeo.com/channels/1234567",
        "https://vimeo.com/album/123456",
        "https://vimeo.com/showcase/123456",
        "https://vimeo.com/user/123456",
        "https://vimeo.com/groups/shortfilms",
        "https://vimeo.com/channels/staffpicks/videos",
        "https://vimeo.com/²³",  # digits to str.isdigit(), not to Vimeo
        "https://player.vimeo.com/123456",
        "https://player.vimeo.com/video/12ab",
    ],
)
def test_vimeo_pages_that_are_not_one_video(url):
    assert parse_embed(url) is None


@pytest.mark.parametrize(
    ("url", "ref"),
    [
        ("https://vimeo.com/channels/staffpicks/123456", "123456"),
        ("https://vimeo.com/groups/shortfilms/videos/654321", "654321"),
        ("https://vimeo.com/album/42/video/777", "777"),
        ("https://vimeo.com/showcase/42/video/778", "778"),
        ("https://vimeo.com/123456/abc123def4", "123456"),  # an unlisted video's hash
        ("https://player.vimeo.com/video/123456?h=abc", "123456"),
    ],
)
def test_vimeo_videos_inside_lists_still_play(url, ref):
    embed = parse_embed(url)
    assert (embed.provider, embed.kind, embed.ref) == ("vimeo", "video", ref)
    assert embed.player_url == f"https://player.vimeo.com/video/{ref}?dnt=1"


def test_a_vimeo_start_time_is_kept():
    embed = parse_embed("https://vimeo.com/123456#t=1m5s")
    assert embed.player_url == "https://player.vimeo.com/video/123456?dnt=1#t=65s"


SPOTIFY = "4rOoJ6Egrf8K2IrywzwOMk"  # 22 base-62 characters


@pytest.mark.parametrize(
    "ref",
    [
        SPOTIFY[:-1],  # 21
        SPOTIFY + "x",  # 23
        SPOTIFY[:10],
        SPOTIFY[:-1] + "-",
        SPOTIFY[:-1] + "_",
        SPOTIFY + SPOTIFY,
    ],
)
def test_spotify_ids_with_junk_are_refused(ref):
    assert parse_embed(f"https://open.spotify.com/episode/{ref}") is None


@pytest.mark.parametrize(
    "url",
    [
        "https://open.spotify.com/user/4rOoJ6Egrf8K2IrywzwOMk",  # a kind Spotify has no player for
        "https://open.spotify.com/4rOoJ6Egrf8K2IrywzwOMk",
        "https://www.instagram.com/p/a.b/",
        "https://x.com/someone/status/١٢٣",  # Arabic-Indic digits are not a post number
    ],
)
def test_other_near_misses(url):
    assert parse_embed(url) is None


@pytest.mark.parametrize(
    ("t", "start"),
    [("²", 0), ("1m", 60), ("2h", 7200), ("45s", 45), ("1h1s", 3601), ("m", 0), ("-5", 0)],
)
def test_odd_start_times_never_break_the_render(t, start):
    url = f"https://youtu.be/{ID}?t={t}"
    assert parse_embed(url).start == start
    assert "<iframe" in Renderer().render(url)


def test_embeds_render_by_mode_and_refuse_unknown_modes():
    from smugdesk.core.embeds import EmbedExtension, embed_element

    with pytest.raises(ValueError, match="embed mode"):
        EmbedExtension("video")
    embed = parse_embed(f"https://youtu.be/{ID}?t=5")
    frame = embed_element(embed)[0]
    assert frame.get("src") == f"https://www.youtube-nocookie.com/embed/{ID}?start=5"
    assert frame.get("allow") == "encrypted-media; picture-in-picture; fullscreen"
    assert frame.get("referrerpolicy") == "strict-origin-when-cross-origin"
    assert frame.get("loading") == "lazy"


# --- Found by mutation testing (docs/testing.md): each a difference a reader would see.


@pytest.mark.parametrize(
    ("url", "start"),
    [
        (f"https://www.youtube.com/watch?v={ID}&start=90", 90),  # the embed form's own name
        (f"https://www.youtube.com/v/{ID}", 0),  # the old Flash-era address
        (f"https://www.youtube-nocookie.com/embed/{ID}", 0),  # pasted from a privacy embed
        (f"http://youtu.be/{ID}", 0),  # plain http still plays (over the no-cookie https host)
    ],
)
def test_more_youtube_forms(url, start):
    embed = parse_embed(url)
    assert (embed.provider, embed.kind, embed.ref, embed.start) == ("youtube", "video", ID, start)


@pytest.mark.parametrize(
    "url",
    [
        "https://www.youtube.com/user/NurseTVshow",  # a channel whose name is 11 characters
        "https://www.youtube.com/c/NurseTVshow",
        "https://www.youtube.com/results?search_query=a&list=PL590L5WQmH8fJ54F369BLDSqIwcs-TCfs",
    ],
)
def test_youtube_pages_that_only_look_like_a_video_or_playlist(url):
    assert parse_embed(url) is None


@pytest.mark.parametrize(
    ("url", "ref"),
    [
        ("https://www.instagram.com/tv/CxYz123AbC/", "tv/CxYz123AbC"),
        ("https://open.spotify.com/album/4rOoJ6Egrf8K2IrywzwOMk", "album/4rOoJ6Egrf8K2IrywzwOMk"),
        (
            "https://open.spotify.com/playlist/4rOoJ6Egrf8K2IrywzwOMk",
            "playlist/4rOoJ6Egrf8K2IrywzwOMk",
        ),
        ("https://open.spotify.com/artist/4rOoJ6Egrf8K2IrywzwOMk", "artist/4rOoJ6Egrf8K2IrywzwOMk"),
        (
            "https://soundcloud.com/ward-band/sets/night-shift/s-Secret",
            "ward-band/sets/night-shift",
        ),
    ],
)
def test_more_provider_forms(url, ref):
    assert parse_embed(url).ref == ref


def test_a_vimeo_video_without_a_time_starts_at_the_beginning():
    assert parse_embed("https://vimeo.com/123456").start == 0


@pytest.mark.parametrize(
    "url",
    [
        "https://www.youtube.com/playlist?list=PL590L5WQmH8fJ54F369BLDSqIwcs-TCfs",
        "https://vimeo.com/123456",
        "https://www.instagram.com/p/CxYz123AbC/",
        "https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk",
    ],
)
def test_the_offline_card_links_to_what_the_writer_pasted(url):
    assert parse_embed(url).url == url
    html = Renderer(embeds="placeholder").render(url)
    assert f'<a class="embed-url" href="{url}">{url}</a>' in html


def _card_parts(html: str) -> dict:
    """The parts of a card the page shows (styled by resources/preview.css)."""
    found = {}
    for part in ("embed-provider", "embed-note"):
        match = re.search(rf'<span class="{part}">([^<]*)</span>', html)
        found[part] = match.group(1) if match else None
    label = re.search(r'aria-label="([^"]*)"', html)
    found["label"] = label.group(1) if label else None
    found["tag"] = re.match(r"<(\w+)", html).group(1)
    return found


def test_an_offline_player_card_names_the_provider_and_why_it_is_not_playing():
    html = Renderer(embeds="placeholder").render(f"https://youtu.be/{ID}")
    assert _card_parts(html) == {
        "embed-provider": "YouTube",
        "embed-note": "YouTube video — plays here when remote content is allowed",
        "label": "YouTube video",
        "tag": "div",
    }


def test_a_post_card_is_a_quote_and_never_promises_to_play():
    for render in (Renderer().render, Renderer(embeds="placeholder").render):
        html = render("https://x.com/someone/status/987654321")
        assert _card_parts(html) == {
            "embed-provider": "X (Twitter)",
            "embed-note": None,
            "label": "X (Twitter) post",
            "tag": "blockquote",
        }


def test_a_link_card_shows_the_site_it_leads_to():
    html = Renderer().render("https://www.latimes.com/a-story")
    assert _card_parts(html) == {
        "embed-provider": "www.latimes.com",
        "embed-note": None,
        "label": "Link to www.latimes.com",
        "tag": "div",
    }


def test_the_extension_plays_videos_by_default():
    import markdown

    from smugdesk.core.embeds import EmbedExtension

    html = markdown.markdown(f"https://youtu.be/{ID}", extensions=[EmbedExtension()])
    assert f'src="https://www.youtube-nocookie.com/embed/{ID}"' in html

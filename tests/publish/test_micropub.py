"""Micropub against a stand-in server (tests/publish/micropub_standin.py)."""

from __future__ import annotations

import base64
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
import micropub_standin

from smugdesk.core.accounts import Account
from smugdesk.core.front_edit import set_values
from smugdesk.core.post import parse_post
from smugdesk.publish.publishing import publish_post
from smugdesk.publish.remote import AuthError, make_publisher

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=="
)


@pytest.fixture
def standin():
    server, endpoint, blog = micropub_standin.start()
    yield Account("Notes", "micropub", endpoint), blog
    server.shutdown()


def test_create_update_and_images(standin, tmp_path):
    account, blog = standin
    (tmp_path / "note.assets").mkdir()
    (tmp_path / "note.assets" / "chart.png").write_bytes(PNG)
    text = (
        "---\ntitle: Clinic hours\nstatus: published\ntags: [clinic]\n---\n\n"
        "Open on Saturdays.\n\n![A chart](note.assets/chart.png)\n"
    )
    path = tmp_path / "note.md"
    publisher = make_publisher(account, micropub_standin.TOKEN)
    assert "token accepted" in publisher.verify()
    first = publish_post(parse_post(text, path), account, publisher)
    assert first.created and first.remote.url.endswith("/posts/note")
    stored = blog.posts[first.remote.url]
    assert stored["category"] == ["clinic"] and stored["post-status"] == ["published"]
    [media_url] = blog.media
    assert media_url in stored["content"][0]["html"]

    edited = set_values(text, first.front).text.replace("Saturdays", "Saturdays and Sundays")
    second = publish_post(parse_post(edited, path), account, publisher)
    assert not second.created and blog.creates == 1
    assert "Sundays" in blog.posts[first.remote.url]["content"][0]["html"]
    assert second.uploaded == 0 and len(blog.media) == 1


def test_a_bad_token_is_a_clear_error(standin):
    account, _blog = standin
    with pytest.raises(AuthError, match="bad token"):
        make_publisher(account, "wrong").verify()

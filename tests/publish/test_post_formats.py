"""WordPress post formats (an aside, a link, a quote) from the front matter's ``format``:
sent to the real WordPress, brought back by a download, left alone when the post names
none, and the theme's formats kept with the blog's terms for offline use."""

from __future__ import annotations

import base64
import json
import urllib.request

from smugdesk.core.post import parse_post
from smugdesk.publish import terms
from smugdesk.publish.download import remote_to_post
from smugdesk.publish.publishing import post_format, publish_post
from smugdesk.publish.remote import make_publisher


def rest(site, route: str) -> dict | list:
    token = base64.b64encode(f"{site.user}:{site.app_password}".encode()).decode()
    request = urllib.request.Request(
        site.url.rstrip("/") + "/?rest_route=" + route,
        headers={"Authorization": f"Basic {token}"},
    )
    with urllib.request.urlopen(request, timeout=30) as answer:
        return json.loads(answer.read())


def post_with(tmp_path, name: str, front: str):
    path = tmp_path / f"{name}.md"
    path.write_text(f"---\ntitle: {name}\n{front}---\n\nA short note.\n", encoding="utf-8")
    return parse_post(path.read_text(encoding="utf-8"), path)


def test_only_formats_wordpress_knows_are_sent(tmp_path):
    assert post_format(post_with(tmp_path, "a", "format: Aside\n")) == "aside"
    assert post_format(post_with(tmp_path, "b", "format: <script>\n")) == ""
    assert post_format(post_with(tmp_path, "c", "")) == ""


def test_an_aside_goes_out_comes_back_and_survives_an_update_without_format(
    wordpress, rest_account, tmp_path
):
    publisher = make_publisher(rest_account, wordpress.app_password)
    post = post_with(tmp_path, "night-aside", "format: aside\n")
    made = publish_post(post, rest_account, publisher)
    assert rest(wordpress, f"/wp/v2/posts/{made.remote.id}")["format"] == "aside"

    back = remote_to_post(publisher.get(made.remote.id), rest_account)
    assert back.meta["format"] == "aside"

    # A post that names no format leaves the blog's as it is (someone set it there).
    for key, value in made.front.items():
        post.set(key, value)
    del post.meta["format"]
    publish_post(post, rest_account, make_publisher(rest_account, wordpress.app_password))
    assert rest(wordpress, f"/wp/v2/posts/{made.remote.id}")["format"] == "aside"


def test_the_themes_formats_are_kept_with_the_terms(wordpress, rest_account):
    active = rest(wordpress, "/wp/v2/themes&status=active")  # [] while no theme is installed
    shown = active[0]["theme_supports"]["formats"] if active else []
    fetched = terms.fetch(rest_account, wordpress.app_password)
    assert fetched.formats == shown
    terms.save(rest_account, fetched)
    assert terms.load(rest_account).formats == shown

"""Publishing to a real WordPress (tests/wordpress/server.py) through the REST API and
through MetaWeblog/XML-RPC: the same promises over both."""

from __future__ import annotations

import base64
import json
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from smugdesk.core.front_edit import set_values
from smugdesk.core.post import parse_post, serialize_post
from smugdesk.publish.download import save_downloads, save_server_copy
from smugdesk.publish.published_state import placement
from smugdesk.publish.publishing import RemoteChangedError, publish_post
from smugdesk.publish.remote import (
    AuthError,
    OfflineError,
    PublishTimeoutError,
    RemoteMissingError,
    make_publisher,
)

# The smallest valid PNG: one red pixel.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=="
)


def rest_get(site, route: str, **params):
    query = "&".join(f"{k}={v}" for k, v in params.items())
    request = urllib.request.Request(f"{site.url}?rest_route={route}&{query}")
    token = base64.b64encode(f"{site.user}:{site.app_password}".encode()).decode()
    request.add_header("Authorization", f"Basic {token}")
    with urllib.request.urlopen(request, timeout=30) as answer:
        return json.loads(answer.read())


def posts_with_slug(site, slug: str) -> list[dict]:
    return rest_get(site, "/wp/v2/posts", slug=slug, status="publish,draft,future", context="edit")


def write_post(folder: Path, name: str, text: str) -> Path:
    path = folder / f"{name}.md"
    path.write_text(text, encoding="utf-8")
    return path


def publisher_for(account, site):
    secret = site.app_password if account.kind == "wordpress" else site.password
    return make_publisher(account, secret, timeout=30)


@pytest.fixture(params=["rest", "xmlrpc"])
def account(request, rest_account, xmlrpc_account):
    return rest_account if request.param == "rest" else xmlrpc_account


def test_verify_names_the_site_and_the_user(wordpress, account):
    said = publisher_for(account, wordpress).verify()
    assert "Ward Notes" in said and "editor" in said


def test_a_wrong_password_says_so(wordpress, account):
    with pytest.raises(AuthError, match="refused the user name or password"):
        make_publisher(account, "not-the-password").verify()


def test_publish_twice_updates_the_same_post(wordpress, account, tmp_path):
    slug = f"twice-{account.kind}"
    path = write_post(
        tmp_path,
        slug,
        "---\ntitle: Visiting hours online\nstatus: draft\ntags: [patients, social media]\n"
        "categories: [Hospital life]\nsummary: Why we post visiting hours.\n---\n\n"
        "First *version*.\n",
    )
    post = parse_post(path.read_text(encoding="utf-8"), path)
    publisher = publisher_for(account, wordpress)
    first = publish_post(post, account, publisher, status="publish")
    assert first.created and first.remote.status == "publish"
    assert first.front["status"] == "published"

    text = set_values(path.read_text(encoding="utf-8"), first.front).text
    text = text.replace("First *version*.", "Second *version*, with an update.")
    post = parse_post(text, path)
    assert placement(post, account.name).id == first.remote.id
    second = publish_post(post, account, publisher)
    assert not second.created and second.remote.id == first.remote.id

    found = posts_with_slug(wordpress, slug)
    assert len(found) == 1, "a second publish must not make a second post"
    remote = found[0]
    assert "Second <em>version</em>" in remote["content"]["raw"]
    tag_names = {
        t["name"]
        for t in rest_get(wordpress, "/wp/v2/tags", include=",".join(map(str, remote["tags"])))
    }
    assert tag_names == {"patients", "social media"}
    categories = rest_get(wordpress, "/wp/v2/categories", include=remote["categories"][0])
    assert categories[0]["name"] == "Hospital life"
    assert remote["excerpt"]["raw"] == "Why we post visiting hours."


def test_images_go_to_the_media_library_once(wordpress, account, tmp_path):
    slug = f"with-image-{account.kind}"
    assets = tmp_path / f"{slug}.assets"
    assets.mkdir()
    (assets / "ward.png").write_bytes(PNG)
    text = (
        f"---\ntitle: A picture of the ward\nstatus: published\nimage: {slug}.assets/ward.png\n"
        f"---\n\n![The ward at night]({slug}.assets/ward.png)\n\n"
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ\n"
    )
    path = write_post(tmp_path, slug, text)
    publisher = publisher_for(account, wordpress)
    outcome = publish_post(parse_post(text, path), account, publisher)
    assert outcome.uploaded == 1
    content = posts_with_slug(wordpress, slug)[0]
    html = content["content"]["raw"]
    media = rest_get(wordpress, "/wp/v2/media", search="ward", per_page=100)
    assert any(item["source_url"] in html for item in media), html
    assert ".assets/" not in html
    assert "<p>https://www.youtube.com/watch?v=dQw4w9WgXcQ</p>" in html  # WordPress embeds it
    if account.kind == "wordpress":
        assert content["featured_media"] and content["featured_media"] in [m["id"] for m in media]

    again = publish_post(parse_post(set_values(text, outcome.front).text, path), account, publisher)
    assert again.uploaded == 0, "an image already uploaded is not sent twice"


def test_server_down_mid_publish_leaves_the_draft_and_makes_no_twin(web_back, account, tmp_path):
    wordpress = web_back
    slug = f"flaky-{account.kind}"
    text = "---\ntitle: Written on the train\nstatus: published\n---\n\nOffline words.\n"
    path = write_post(tmp_path, slug, text)
    publisher = publisher_for(account, wordpress)
    publisher.verify()  # signed in; then the site goes away before the post is sent

    def progress(done, total, message):
        if message.startswith("Creating"):
            wordpress.stop_web()

    with pytest.raises(OfflineError, match=r"refused the connection|cannot be reached"):
        publish_post(parse_post(text, path), account, publisher, progress=progress)
    assert path.read_text(encoding="utf-8") == text
    wordpress.start_web()
    outcome = publish_post(parse_post(text, path), account, publisher)
    assert outcome.created
    assert len(posts_with_slug(wordpress, slug)) == 1


class LostAnswer:
    """Stand-in for a network that drops the answer to a create: the post is made on the
    real server, then the client sees a timeout."""

    def __init__(self, real):
        self.real = real

    def __getattr__(self, name):
        return getattr(self.real, name)

    def create(self, payload):
        self.real.create(payload)
        raise PublishTimeoutError("127.0.0.1 did not answer in time")


def test_a_create_whose_answer_was_lost_is_found_not_repeated(wordpress, account, tmp_path):
    slug = f"lost-answer-{account.kind}"
    text = "---\ntitle: Lost answer\nstatus: published\n---\n\nOnce only.\n"
    path = write_post(tmp_path, slug, text)
    outcome = publish_post(
        parse_post(text, path), account, LostAnswer(publisher_for(account, wordpress))
    )
    assert outcome.remote.slug == slug
    assert len(posts_with_slug(wordpress, slug)) == 1


def test_an_edit_on_the_blog_is_never_overwritten_unasked(wordpress, account, tmp_path):
    slug = f"edited-on-web-{account.kind}"
    text = "---\ntitle: Edited on the web\nstatus: published\n---\n\nMy words.\n"
    path = write_post(tmp_path, slug, text)
    publisher = publisher_for(account, wordpress)
    first = publish_post(parse_post(text, path), account, publisher)
    time.sleep(1.1)  # WordPress keeps modification times to the second
    wordpress.php(
        f"wp_update_post(['ID' => {first.remote.id}, "
        "'post_content' => 'Fixed a typo on the web.']);"
    )
    mine = set_values(text, first.front).text.replace("My words.", "My newer words.")
    with pytest.raises(RemoteChangedError) as caught:
        publish_post(parse_post(mine, path), account, publisher)
    assert "Fixed a typo on the web." in caught.value.remote.html
    assert "Fixed a typo" in posts_with_slug(wordpress, slug)[0]["content"]["raw"]

    copy = save_server_copy(caught.value.remote, path)
    assert "Fixed a typo on the web." in copy.read_text(encoding="utf-8")
    assert "published:" not in copy.read_text(encoding="utf-8")

    forced = publish_post(parse_post(mine, path), account, publisher, overwrite=True)
    assert forced.remote.id == first.remote.id
    assert "My newer words." in posts_with_slug(wordpress, slug)[0]["content"]["raw"]


def test_a_post_deleted_on_the_blog_is_only_recreated_when_asked(wordpress, account, tmp_path):
    slug = f"deleted-{account.kind}"
    text = "---\ntitle: Gone from the blog\nstatus: published\n---\n\nStill here.\n"
    path = write_post(tmp_path, slug, text)
    publisher = publisher_for(account, wordpress)
    first = publish_post(parse_post(text, path), account, publisher)
    wordpress.php(f"wp_trash_post({first.remote.id});")
    recorded = parse_post(set_values(text, first.front).text, path)
    with pytest.raises(RemoteMissingError, match="deleted"):
        publish_post(recorded, account, publisher)
    again = publish_post(recorded, account, publisher, recreate=True)
    assert again.created and again.remote.id != first.remote.id


def test_download_then_publish_back_as_an_update(wordpress, account, tmp_path):
    made = wordpress.php(
        "echo wp_insert_post(['post_title' => 'An old post from 2019', 'post_status' => "
        "'publish', 'post_name' => 'old-post-" + account.kind + "', 'post_content' => "
        "'<p>Old <strong>words</strong>.</p><ul><li>one</li><li>two</li></ul>']);"
    ).strip()
    publisher = publisher_for(account, wordpress)
    remote = publisher.by_url(f"{wordpress.url}?p={made}")
    assert remote is not None and remote.title == "An old post from 2019"
    drafts = tmp_path / "drafts"
    written, existing = save_downloads([remote], account, drafts)
    assert len(written) == 1 and not existing
    text = written[0].read_text(encoding="utf-8")
    assert "Old **words**." in text and "- one" in text
    assert placement(parse_post(text), account.name).id == made
    assert save_downloads([remote], account, drafts) == ([], written)  # not twice

    edited = text.replace("Old **words**.", "Old **words**, now revised.")
    outcome = publish_post(parse_post(edited, written[0]), account, publisher)
    assert not outcome.created and outcome.remote.id == made
    assert "now revised" in outcome.remote.html


def test_cli_publish_records_where_the_post_went(wordpress, rest_account, tmp_path):
    env_home = tmp_path / "home"
    env = {
        "XDG_CONFIG_HOME": str(env_home / "config"),
        "XDG_CACHE_HOME": str(env_home / "cache"),
        "XDG_STATE_HOME": str(env_home / "state"),
        "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
        "XDG_DATA_HOME": str(env_home / "data"),
        "PATH": "/usr/bin:/bin",
    }
    smugdesk = [sys.executable, "-m", "smugdesk"]
    added = subprocess.run(
        [
            *smugdesk,
            "account",
            "add",
            "Blog",
            "--kind",
            "wordpress",
            "--url",
            wordpress.url,
            "--user",
            wordpress.user,
            "--password-stdin",
        ],
        input=wordpress.app_password + "\n",
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert added.returncode == 0, added.stderr
    assert wordpress.app_password not in (env_home / "config").joinpath(
        "smugdesk", "accounts.json"
    ).read_text(encoding="utf-8")
    path = write_post(tmp_path, "from-the-cli", "---\ntitle: From the CLI\n---\n\nHeadless.\n")
    done = subprocess.run(
        [*smugdesk, "publish", str(path), "--account", "Blog", "--status", "draft"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().startswith(wordpress.url)
    post = parse_post(path.read_text(encoding="utf-8"))
    assert placement(post, "Blog").url == done.stdout.strip()
    assert serialize_post(post).count("published:") == 1

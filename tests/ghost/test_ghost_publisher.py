"""Publishing to a real Ghost 5 (tests/ghost/server.py) through its Admin API: the same
promises as for WordPress (no twin, no silent overwrite, nothing more public than asked),
and a post that survives Ghost's editor cards and comes home without loss."""

from __future__ import annotations

import base64
import datetime as dt
import json
import re
import time
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

import jwt
import pytest
from fault_servers import Answer, FaultProxy, Rule, ScriptedServer, wait_until

from smugdesk.core.accounts import Account
from smugdesk.core.front_edit import set_values
from smugdesk.core.post import parse_post
from smugdesk.publish.download import save_downloads
from smugdesk.publish.ghost import GhostPublisher
from smugdesk.publish.ghost_markup import CARD_BEGIN
from smugdesk.publish.published_state import placement
from smugdesk.publish.publishing import RemoteChangedError, publish_post
from smugdesk.publish.remote import AuthError, Payload, PublishError, make_publisher

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=="
)
RICH = (Path(__file__).parent / "rich_post.md").read_text(encoding="utf-8")


def write_post(folder: Path, name: str, text: str) -> Path:
    path = folder / f"{name}.md"
    path.write_text(text, encoding="utf-8")
    return path


def staff_post(ghost, post_id: str) -> dict:
    """The post as Ghost's own editor reads it (a staff session, not the key)."""
    found = ghost.session().call("GET", f"posts/{post_id}/?formats=html,lexical,mobiledoc")
    return found["posts"][0]


def edit_in_ghost(ghost, post_id: str, html: str) -> dict:
    """A person editing the post in Ghost Admin, in a later second than the last save (Ghost
    keeps ``updated_at`` to the second: an edit in the same second is not a newer one)."""
    started = int(time.time())
    wait_until(lambda: int(time.time()) > started, seconds=5)
    session = ghost.session()
    current = session.call("GET", f"posts/{post_id}/")["posts"][0]
    body = {"posts": [{"html": html, "updated_at": current["updated_at"]}]}
    return session.call("PUT", f"posts/{post_id}/?source=html&formats=html", body)["posts"][0]


def test_verify_and_a_wrong_key(ghost, ghost_account, publisher):
    assert publisher.verify() == "Harbour Log, signed in with an Admin API key"
    key_id, _secret = ghost.admin_key.split(":")
    wrong = GhostPublisher(ghost_account, f"{key_id}:{'ab' * 32}", timeout=30)
    with pytest.raises(AuthError) as caught:
        wrong.verify()
    said = str(caught.value)
    assert "refused the Admin API key (401)" in said and "Settings → Integrations" in said
    assert "\n" not in said


@pytest.mark.parametrize(
    "key, said",
    [
        ("0123456789abcdef01234567", "form id:secret"),
        ("0123456789abcdef0123456789", "Content API key"),
        ("abc:xyz", "hexadecimal"),
        ("0123456789abcdef01234567:abcd", "cut off"),
    ],
)
def test_what_is_not_an_admin_key_says_so_before_any_request(key, said):
    account = Account("Harbour Log", "ghost", "http://127.0.0.1:9/")
    with pytest.raises(AuthError, match=said):
        GhostPublisher(account, key)


def test_a_draft_stays_a_draft_and_a_second_publish_updates_it(ghost, ghost_account, tmp_path):
    text = (
        "---\ntitle: Harbour hours\nstatus: draft\ntags: [tides, Q&A]\ncategories: [Notices]\n"
        "summary: When the harbour office is open.\nslug: harbour-hours\n---\n\n"
        "First *version*.\n"
    )
    path = write_post(tmp_path, "harbour-hours", text)
    publisher = make_publisher(ghost_account, ghost.admin_key, timeout=60)
    assert isinstance(publisher, GhostPublisher)
    first = publish_post(parse_post(text, path), ghost_account, publisher)
    assert first.created and first.remote.status == "draft"
    assert first.front.get("status", "draft") == "draft"  # set only when it changes
    seen = staff_post(ghost, first.remote.id)
    assert seen["status"] == "draft" and seen["slug"] == "harbour-hours"
    assert seen["custom_excerpt"] == "When the harbour office is open."
    assert {tag["name"] for tag in seen["tags"]} == {"tides", "Q&A", "Notices"}
    assert any("New on the blog" in note and "tides" in note for note in first.notes)

    edited = set_values(text, first.front).text.replace("First *version*.", "Second *take*.")
    second = publish_post(parse_post(edited, path), ghost_account, publisher)
    assert not second.created and second.remote.id == first.remote.id
    after = staff_post(ghost, first.remote.id)
    assert after["status"] == "draft", "an update never publishes a draft"
    assert "Second <em>take</em>" in after["html"]
    listed = ghost.session().call("GET", "posts/?filter=slug:~^'harbour-hours'&limit=all")
    assert len(listed["posts"]) == 1, "a second publish must not make a second post"
    assert after.get("newsletter") is None and after.get("email") is None


def test_published_and_scheduled(ghost, ghost_account, publisher, tmp_path):
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    live = write_post(
        tmp_path, "live", "---\ntitle: Live now\ndate: 2026-01-05 08:00:00+00:00\n---\n\nOut.\n"
    )
    live_post = parse_post(live.read_text(), live)
    out = publish_post(live_post, ghost_account, publisher, status="publish")
    assert out.remote.status == "publish" and out.front["status"] == "published"
    assert out.remote.date == dt.datetime(2026, 1, 5, 8, 0, tzinfo=dt.UTC)
    page = urllib.request.urlopen(out.remote.url, timeout=60).read().decode()
    assert "Live now" in page

    later = now + dt.timedelta(days=3)
    ahead = write_post(
        tmp_path,
        "ahead",
        f"---\ntitle: Next week\nstatus: scheduled\ndate: {later.isoformat()}\n---\n\nSoon.\n",
    )
    made = publish_post(parse_post(ahead.read_text(), ahead), ghost_account, publisher)
    assert made.remote.status == "future"
    assert made.front.get("status", "scheduled") == "scheduled"
    assert staff_post(ghost, made.remote.id)["status"] == "scheduled"
    assert made.remote.date == later

    past = write_post(
        tmp_path,
        "past",
        "---\ntitle: Too late\nstatus: scheduled\ndate: 2020-01-01 09:00:00+00:00\n---\n\nNo.\n",
    )
    with pytest.raises(PublishError, match="not ahead"):
        publish_post(parse_post(past.read_text(), past), ghost_account, publisher)
    assert not publisher.find("too-late", "Too late"), "nothing was made, nor published"


def test_an_edit_in_ghost_is_never_overwritten_unasked(ghost, ghost_account, publisher, tmp_path):
    text = "---\ntitle: Edited in Ghost\nstatus: published\n---\n\nMy words.\n"
    path = write_post(tmp_path, "edited-in-ghost", text)
    first = publish_post(parse_post(text, path), ghost_account, publisher)
    edit_in_ghost(ghost, first.remote.id, "<p>Fixed a typo in Ghost.</p>")
    mine = set_values(text, first.front).text.replace("My words.", "My newer words.")
    with pytest.raises(RemoteChangedError) as caught:
        publish_post(parse_post(mine, path), ghost_account, publisher)
    assert "Fixed a typo in Ghost." in caught.value.remote.html
    assert "Fixed a typo" in staff_post(ghost, first.remote.id)["html"]

    forced = publish_post(parse_post(mine, path), ghost_account, publisher, overwrite=True)
    assert forced.remote.id == first.remote.id
    assert "My newer words." in staff_post(ghost, first.remote.id)["html"]


def test_an_edit_between_reading_and_sending_is_ghosts_409(ghost, ghost_account, publisher):
    """Ghost itself refuses a stale ``updated_at`` (409): the race the check before an
    update cannot close ends on the conflict path too."""
    made = publisher.create(Payload(title="Raced", html="<p>One.</p>", status="draft"))
    publisher.get(made.id)  # what publishing reads before it updates
    edit_in_ghost(ghost, made.id, "<p>Changed meanwhile.</p>")
    with pytest.raises(RemoteChangedError) as caught:
        publisher.update(made.id, Payload(title="Raced", html="<p>Two.</p>", status="draft"))
    assert "Changed meanwhile." in caught.value.remote.html
    assert "Changed meanwhile." in staff_post(ghost, made.id)["html"]


def test_images_are_uploaded_once_and_the_feature_image_set(ghost, ghost_account, tmp_path):
    assets = tmp_path / "quay.assets"
    assets.mkdir()
    (assets / "quay.png").write_bytes(PNG)
    text = (
        "---\ntitle: The quay at dawn\nstatus: published\nimage: quay.assets/quay.png\n---\n\n"
        "![The quay](quay.assets/quay.png)\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n"
    )
    path = write_post(tmp_path, "quay", text)
    publisher = GhostPublisher(ghost_account, ghost.admin_key, timeout=60)
    outcome = publish_post(parse_post(text, path), ghost_account, publisher)
    assert outcome.uploaded == 1
    post = staff_post(ghost, outcome.remote.id)
    image = post["feature_image"]
    assert image.startswith(ghost.url + "content/images/") and image in post["html"]
    assert ".assets/" not in post["html"]
    with urllib.request.urlopen(image, timeout=60) as served:
        assert served.read()[:8] == b"\x89PNG\r\n\x1a\n"
    # Ghost does not expand a bare address: the player goes as an iframe, in an embed card.
    assert 'class="kg-card kg-embed-card"' in post["html"]
    assert "youtube-nocookie.com/embed/dQw4w9WgXcQ" in post["html"]

    again = publish_post(parse_post(set_values(text, outcome.front).text, path), ghost_account,
                         publisher)  # fmt: skip
    assert again.uploaded == 0, "an image already uploaded is not sent twice"


class _Dom(HTMLParser):
    """Elements, attributes and text as a browser reads them (entities decoded, whitespace
    collapsed, void elements however written)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[tuple] = []

    def handle_starttag(self, tag, attrs):
        self.items.append(("<", tag, tuple(sorted((k, v or "") for k, v in attrs))))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        self.items.append(("/", tag))

    def handle_data(self, data):
        text = " ".join(data.split())
        if text:
            self.items.append(("t", text))


def dom(html: str) -> list[tuple]:
    parser = _Dom()
    parser.feed(html)
    return parser.items


def test_the_whole_dialect_survives_ghost(ghost, ghost_account, publisher, tmp_path):
    """Code, tables, footnotes, maths, task lists, definition lists, quotes, abbreviations:
    what Ghost's cards would drop goes in HTML cards; Ghost's page has it all."""
    path = write_post(tmp_path, "rich", RICH)
    outcome = publish_post(parse_post(RICH, path), ghost_account, publisher, status="publish")
    stored = staff_post(ghost, outcome.remote.id)["html"]
    got = dom(stored.replace(CARD_BEGIN, "").replace("<!--kg-card-end: html-->", ""))
    for needed in [
        ("<", "span", (("class", "k"),)),  # highlighted code, lines kept
        ("<", "td", (("style", "text-align: right;"),)),
        ("<", "sup", (("id", "fnref:sea"),)),
        ("<", "li", (("id", "fn:sea"),)),
        ("<", "math", (("display", "block"), ("xmlns", "http://www.w3.org/1998/Math/MathML"))),
        ("<", "input", (("checked", ""), ("disabled", ""), ("type", "checkbox"))),
        ("<", "dt", ()),
        ("<", "abbr", (("title", "Harbour Master"),)),
        ("<", "del", ()),
        ("<", "details", ()),
    ]:
        assert needed in got, needed
    code = re.search(r"<pre>(.*?)</pre>", stored, re.DOTALL)
    assert code and "<span" in code[1]  # highlighted, and its lines kept
    assert re.sub(r"<[^>]+>", "", code[1]) == "def rise(tide):\n    return tide * 2\n"
    quote = stored[stored.index("<blockquote") : stored.index("</blockquote>")]
    assert quote.count("<p>") == 2, "a quote keeps its paragraphs"
    assert stored.count(CARD_BEGIN) >= 8  # the parts Ghost's own cards cannot keep
    assert '<h2 id="what-the-tide-tables-say">What the tide tables say</h2>' in stored


def test_download_and_publish_back_changes_nothing(ghost, ghost_account, publisher, tmp_path):
    """A post comes home as a draft and goes back unedited: Ghost ends with the very HTML
    it had. Then an edit changes only the words edited."""
    path = write_post(tmp_path, "rich-home", RICH.replace("Tide notes", "Tide notes, again"))
    sent = publish_post(parse_post(path.read_text(), path), ghost_account, publisher,
                        status="publish")  # fmt: skip
    before = staff_post(ghost, sent.remote.id)["html"]

    remote = publisher.by_url(sent.remote.url)
    assert remote is not None and remote.id == sent.remote.id
    drafts = tmp_path / "drafts"
    written, _existing = save_downloads([remote], ghost_account, drafts)
    home = written[0].read_text(encoding="utf-8")
    assert "title: Tide notes, again" in home and "tags:" in home
    assert placement(parse_post(home), ghost_account.name).id == sent.remote.id

    back = publish_post(parse_post(home, written[0]), ghost_account, publisher)
    assert not back.created and back.remote.id == sent.remote.id
    after = staff_post(ghost, sent.remote.id)["html"]
    assert after == before, "a round trip must not change the post"

    home = set_values(home, back.front).text
    edited = home.replace("Spring tides", "Spring tides (twice a month)", 1)
    assert edited != home
    publish_post(parse_post(edited, written[0]), ghost_account, publisher)
    changed = staff_post(ghost, sent.remote.id)["html"]
    assert changed == before.replace("Spring tides", "Spring tides (twice a month)", 1)


def test_a_post_written_in_ghost_comes_home_and_goes_back(ghost, ghost_account, publisher,
                                                         tmp_path):  # fmt: skip
    session = ghost.session()
    html = (
        "<p>Written in <strong>Ghost</strong>.</p><ul><li>one</li><li>two</li></ul>"
        "<blockquote>A quote from the editor.</blockquote>"
        '<figure><img src="https://example.org/quay.png" alt="Quay"><figcaption>Dawn'
        "</figcaption></figure>"
        '<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"></iframe>'
    )
    made = session.call(
        "POST",
        "posts/?source=html",
        {"posts": [{"title": "From the editor", "html": html, "status": "published"}]},
    )["posts"][0]
    remote = publisher.get(made["id"])
    before = staff_post(ghost, made["id"])["html"]
    written, _ = save_downloads([remote], ghost_account, tmp_path / "drafts")
    text = written[0].read_text(encoding="utf-8")
    assert "Written in **Ghost**." in text and "- one" in text
    edited = text.replace("Written in **Ghost**.", "Written in **Ghost**, revised here.")
    publish_post(parse_post(edited, written[0]), ghost_account, publisher)
    after = staff_post(ghost, made["id"])["html"]
    assert after == before.replace("Written in <strong>Ghost</strong>.",
                                   "Written in <strong>Ghost</strong>, revised here.")  # fmt: skip


def test_a_create_whose_answer_was_lost_is_found_not_repeated(ghost, ghost_account, tmp_path):
    """Stand-in: a gateway that passes the create to the real Ghost and answers 502."""
    text = "---\ntitle: Lost answer\nstatus: draft\n---\n\nOnce only.\n"
    path = write_post(tmp_path, "lost-answer", text)
    with FaultProxy(ghost.url) as proxy:
        proxy.add(Rule("502_after", method="POST", path="/ghost/api/admin/posts/"))
        account = Account("Harbour Log", "ghost", proxy.url)
        publisher = GhostPublisher(account, ghost.admin_key, timeout=60)
        outcome = publish_post(parse_post(text, path), account, publisher)
    assert any("found the post it had made" in note for note in outcome.notes)
    listed = ghost.session().call("GET", "posts/?filter=slug:~^'lost-answer'&limit=all")
    assert [p["id"] for p in listed["posts"]] == [outcome.remote.id]


def test_the_key_never_travels_and_each_request_has_its_own_token(ghost, ghost_account,
                                                                 tmp_path):  # fmt: skip
    """Stand-in: a proxy in front of the real Ghost that records every request."""
    key_id, secret = ghost.admin_key.split(":")
    (tmp_path / "a.assets").mkdir()
    (tmp_path / "a.assets" / "a.png").write_bytes(PNG)
    text = "---\ntitle: Watched\ntags: [x]\n---\n\n![a](a.assets/a.png)\n"
    path = write_post(tmp_path, "watched", text)
    with FaultProxy(ghost.url) as proxy:
        account = Account("Harbour Log", "ghost", proxy.url)
        publisher = GhostPublisher(account, ghost.admin_key, timeout=60)
        publisher.verify()
        publish_post(parse_post(text, path), account, publisher)
        seen = list(proxy.seen)
    assert len(seen) >= 4
    for request in seen:
        everything = json.dumps(request.headers).encode() + request.path.encode() + request.body
        assert secret.encode() not in everything and bytes.fromhex(secret) not in request.body
    tokens = [r.headers["authorization"] for r in seen if "authorization" in r.headers]
    assert tokens and all(t.startswith("Ghost ") for t in tokens)
    for token in tokens:
        header = jwt.get_unverified_header(token[6:])
        claims = jwt.decode(token[6:], bytes.fromhex(secret), algorithms=["HS256"],
                            audience="/admin/")  # fmt: skip
        assert header["kid"] == key_id and claims["exp"] - claims["iat"] <= 300


def test_a_redirect_to_another_origin_gets_no_key(ghost, tmp_path):
    """Stand-ins: the blog's address answers 307 to another origin, which records what
    reaches it. Nothing does: the redirect is reported instead of followed."""
    with ScriptedServer(lambda seen: Answer(200, {}, b"{}")) as elsewhere:
        target = elsewhere.url.replace("127.0.0.1", "localhost")

        def bounce(seen):
            return Answer(307, {"Location": target + seen.path.lstrip("/")})

        with ScriptedServer(bounce) as blog:
            account = Account("Harbour Log", "ghost", blog.url)
            publisher = GhostPublisher(account, ghost.admin_key, timeout=20)
            with pytest.raises(PublishError, match="redirected") as caught:
                publisher.create(Payload(title="Away", html="<p>x</p>", status="draft"))
            assert blog.seen and not elsewhere.seen
    assert "\n" not in str(caught.value)


def test_a_clock_ten_minutes_behind_still_signs_in(ghost, ghost_account, monkeypatch):
    """Ghost refuses a token already expired by its clock; the publisher then makes its
    tokens on Ghost's clock (from the refusal's Date header) and asks once more."""
    from smugdesk.publish import ghost as ghost_module

    monkeypatch.setattr(ghost_module, "_clock", lambda: time.time() - 600)
    publisher = GhostPublisher(ghost_account, ghost.admin_key, timeout=60)
    assert publisher.verify().startswith("Harbour Log")
    made = publisher.create(Payload(title="Clock behind", html="<p>On time.</p>"))
    assert staff_post(ghost, made.id)["title"] == "Clock behind"


def test_a_deleted_image_is_uploaded_again(ghost, ghost_account, tmp_path):
    (tmp_path / "buoy.assets").mkdir()
    (tmp_path / "buoy.assets" / "buoy.png").write_bytes(PNG)
    text = "---\ntitle: Buoy\n---\n\n![Buoy](buoy.assets/buoy.png)\n"
    path = write_post(tmp_path, "buoy", text)
    publisher = GhostPublisher(ghost_account, ghost.admin_key, timeout=60)
    first = publish_post(parse_post(text, path), ghost_account, publisher)
    image = staff_post(ghost, first.remote.id)["html"].split('src="')[1].split('"')[0]
    stored = ghost.folder / "content" / image[len(ghost.url + "content/") :]
    stored.unlink()  # removed from the blog's storage
    again = publish_post(parse_post(set_values(text, first.front).text, path), ghost_account,
                         publisher)  # fmt: skip
    assert again.uploaded == 1
    assert any("gone from the blog's media library" in note for note in again.notes)


def test_posts_are_found_by_any_of_their_addresses(ghost, publisher):
    draft = publisher.create(Payload(title="Found by address", html="<p>x</p>", slug="by-addr"))
    assert "/p/" in draft.url  # a draft's preview address
    assert publisher.by_url(draft.url).id == draft.id
    assert publisher.by_url(f"{ghost.url}ghost/#/editor/post/{draft.id}").id == draft.id
    live = publisher.create(Payload(title="Live by address", html="<p>y</p>", status="publish"))
    assert publisher.by_url(live.url).id == live.id
    assert publisher.by_url(ghost.url + "no-such-post/") is None
    assert publisher.get("0123456789abcdef01234567") is None
    assert any(post.id == live.id for post in publisher.recent(5))


def test_a_summary_ghost_would_refuse_is_said_before_sending(publisher):
    with pytest.raises(PublishError, match="at most 300 characters; this one has 301"):
        publisher.create(Payload(title="Long", html="<p>x</p>", excerpt="a" * 301))


def test_the_blogs_tags_and_staff_for_completion(publisher):
    publisher.create(Payload(title="Tagged", html="<p>x</p>", tags=["lighthouse"]))
    terms = publisher.fetch_terms()
    assert "lighthouse" in terms.tags and terms.categories == []
    assert "Harbour Owner" in terms.authors

"""Retries never duplicate, against the real WordPress (REST and XML-RPC) behind a FaultProxy
(tests/fault_servers.py, a stand-in for a flaky gateway): the create reaches the server and
its answer is lost in every way a network loses one. The writer publishes three times, as a
writer would after an error; the blog must hold one post. Also: Cancel after the images
sends no create, categories MetaWeblog does not know are made or named, and an image
deleted from the media library is uploaded again."""

from __future__ import annotations

import base64
import json
import urllib.parse
import urllib.request
import uuid
import xmlrpc.client

import pytest
from fault_servers import Answer, FaultProxy, Rule, json_answer, xmlrpc_fault

from smugdesk.core.accounts import Account
from smugdesk.core.front_edit import set_values
from smugdesk.core.post import parse_post
from smugdesk.publish.publishing import publish_post
from smugdesk.publish.remote import CancelledError, PublishError, make_publisher

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=="
)
ANY_STATUS = "publish,draft,future,pending,private"


def rest(site, method: str, route: str, **params):
    """The real WordPress, asked directly (not through the proxy)."""
    query = urllib.parse.urlencode({"rest_route": route, **params})
    request = urllib.request.Request(f"{site.url}?{query}", method=method)
    token = base64.b64encode(f"{site.user}:{site.app_password}".encode()).decode()
    request.add_header("Authorization", f"Basic {token}")
    with urllib.request.urlopen(request, timeout=30) as answer:
        return json.loads(answer.read())


def posts_titled(site, title: str) -> list[dict]:
    found = rest(site, "GET", "/wp/v2/posts", search=title, status=ANY_STATUS, context="edit")
    return [p for p in found if p["title"]["raw"] == title]


def rest_create(path: str) -> bool:
    parts = urllib.parse.urlsplit(path)
    route = dict(urllib.parse.parse_qsl(parts.query)).get("rest_route")
    return (route or parts.path.removeprefix("/wp-json")) == "/wp/v2/posts"


def rest_posts_query(path: str) -> bool:
    return rest_create(path)  # the same route; the rule's method tells GET from POST


NEW_POST = b"<methodName>metaWeblog.newPost</methodName>"
RECENT = b"<methodName>metaWeblog.getRecentPosts</methodName>"


def create_rule(kind: str, action: str, times: int | None = 3, answer=None) -> Rule:
    if kind == "wordpress":
        return Rule(action, method="POST", path=rest_create, times=times, answer=answer)
    return Rule(action, method="POST", body=NEW_POST, times=times, answer=answer)


def creates_seen(proxy: FaultProxy, kind: str) -> int:
    if kind == "wordpress":
        return proxy.count(method="POST", path=rest_create)
    return proxy.count(method="POST", body=NEW_POST)


def wrong_shape(kind: str) -> Answer:
    if kind == "wordpress":
        return json_answer("[]", 201)
    body = xmlrpc.client.dumps(([1, 2],), methodresponse=True)
    return Answer(200, {"Content-Type": "text/xml"}, body.encode())


def fault_rule(kind: str, fault: str) -> Rule:
    html = b"<html><body><h1>500 Internal Server Error</h1></body></html>"
    if fault == "500_after":
        return create_rule(kind, "answer_after", answer=Answer(500, {}, html))
    if fault == "wrong_shape_after":
        return create_rule(kind, "answer_after", answer=wrong_shape(kind))
    return create_rule(kind, fault)


@pytest.fixture(params=["wordpress", "metaweblog"])
def kind(request):
    return request.param


def publisher_through(proxy: FaultProxy, site, kind: str, timeout: float = 20):
    account = Account(f"Proxied {kind}", kind, proxy.url, site.user)
    secret = site.app_password if kind == "wordpress" else site.password
    return account, make_publisher(account, secret, timeout)


@pytest.mark.parametrize(
    "fault",
    ["502_after", "drop_after", "reset_after", "timeout_after", "500_after", "wrong_shape_after"],
)
def test_three_publishes_through_a_lossy_gateway_make_one_post(wordpress, kind, fault, tmp_path):
    title = f"Night ward {kind} {fault}"
    slug = f"night-ward-{kind}-{fault}".replace("_", "-")
    path = tmp_path / f"{slug}.md"
    text = f"---\ntitle: {title}\nstatus: published\n---\n\nOne post, whatever happens.\n"
    path.write_text(text, encoding="utf-8")
    with FaultProxy(wordpress.url) as proxy:
        proxy.add(fault_rule(kind, fault))
        timeout = 3 if fault == "timeout_after" else 20
        account, publisher = publisher_through(proxy, wordpress, kind, timeout)
        outcomes, errors = [], []
        for _attempt in range(3):
            try:
                outcome = publish_post(parse_post(text, path), account, publisher)
            except PublishError as error:
                errors.append(str(error))
                continue
            outcomes.append(outcome)
            text = set_values(text, outcome.front).text  # what the app saves after a publish
        assert creates_seen(proxy, kind) == 1, "the create reached the server once"
    assert len(posts_titled(wordpress, title)) == 1, errors
    assert not errors, "a create that worked is not reported as failed"
    assert outcomes[0].created
    assert any("found the post" in note for note in outcomes[0].notes), outcomes[0].notes


def test_when_the_look_fails_too_the_next_publish_looks_first(wordpress, kind, tmp_path):
    title = f"Lost twice {kind}"
    path = tmp_path / f"lost-twice-{kind}.md"
    text = f"---\ntitle: {title}\nstatus: published\n---\n\nLooked for before made.\n"
    with FaultProxy(wordpress.url) as proxy:
        proxy.add(create_rule(kind, "502_after", times=1))
        if kind == "wordpress":
            look = Rule("answer", method="GET", path=rest_posts_query, times=1)
        else:
            look = Rule("answer", body=RECENT, times=1)
        look.answer = Answer(502, {"Content-Type": "text/html"}, b"<html>Bad Gateway</html>")
        proxy.add(look)
        account, publisher = publisher_through(proxy, wordpress, kind)
        with pytest.raises(PublishError, match="may have been made anyway"):
            publish_post(parse_post(text, path), account, publisher)
        again = publish_post(parse_post(text, path), account, publisher)
        assert creates_seen(proxy, kind) == 1
    assert any("found the post" in note for note in again.notes)
    assert len(posts_titled(wordpress, title)) == 1


def test_cancel_after_the_images_sends_no_create(wordpress, kind, tmp_path):
    title = f"Cancelled {kind}"
    slug = f"cancelled-{kind}"
    (tmp_path / f"{slug}.assets").mkdir()
    (tmp_path / f"{slug}.assets" / "ward.png").write_bytes(PNG)
    text = f"---\ntitle: {title}\n---\n\n![Ward]({slug}.assets/ward.png)\n"
    path = tmp_path / f"{slug}.md"
    cancel = {"now": False}
    with FaultProxy(wordpress.url) as proxy:
        account, publisher = publisher_through(proxy, wordpress, kind)
        real_upload = publisher.upload

        def upload_then_cancel(*args):
            media = real_upload(*args)
            cancel["now"] = True  # the writer presses Cancel while the image goes up
            return media

        publisher.upload = upload_then_cancel
        with pytest.raises(CancelledError):
            publish_post(
                parse_post(text, path), account, publisher, cancelled=lambda: cancel["now"]
            )
        assert creates_seen(proxy, kind) == 0
    assert posts_titled(wordpress, title) == []


def test_an_image_deleted_from_the_media_library_is_uploaded_again(wordpress, kind, tmp_path):
    slug = f"media-gone-{kind}"
    (tmp_path / f"{slug}.assets").mkdir()
    (tmp_path / f"{slug}.assets" / "ward.png").write_bytes(PNG)
    title = f"Media gone {kind}"
    text = (
        f"---\ntitle: {title}\nstatus: published\nimage: {slug}.assets/ward.png\n---\n\n"
        f"![The ward]({slug}.assets/ward.png)\n"
    )
    path = tmp_path / f"{slug}.md"
    account = Account(f"Direct {kind}", kind, wordpress.url, wordpress.user)
    secret = wordpress.app_password if kind == "wordpress" else wordpress.password
    publisher = make_publisher(account, secret, 20)
    first = publish_post(parse_post(text, path), account, publisher)
    assert first.uploaded == 1
    before = posts_titled(wordpress, title)[0]
    old = [m for m in rest(wordpress, "GET", "/wp/v2/media", per_page=100, context="edit")]
    old_ids = {m["id"] for m in old if m["source_url"] in before["content"]["raw"]}
    assert old_ids
    for media_id in old_ids:
        rest(wordpress, "DELETE", f"/wp/v2/media/{media_id}", force="true")

    text = set_values(text, first.front).text.replace("The ward", "The ward at night")
    second = publish_post(parse_post(text, path), account, publisher)
    assert second.uploaded == 1, "the deleted image was uploaded again, not linked dead"
    assert any("gone from the blog's media library" in note for note in second.notes)
    after = posts_titled(wordpress, title)[0]
    new = [
        m
        for m in rest(wordpress, "GET", "/wp/v2/media", per_page=100, context="edit")
        if m["source_url"] in after["content"]["raw"]
    ]
    assert new and not {m["id"] for m in new} & old_ids
    if kind == "wordpress":
        assert after["featured_media"] in {m["id"] for m in new}, "featured image set again"


def test_metaweblog_makes_categories_the_blog_lacks(wordpress, xmlrpc_account, tmp_path):
    fresh = f"Night shifts {uuid.uuid4().hex[:6]}"
    path = tmp_path / "with-new-category.md"
    text = f"---\ntitle: New category\nstatus: published\ncategories: [{fresh}]\n---\n\nWords.\n"
    publisher = make_publisher(xmlrpc_account, wordpress.password, 20)
    outcome = publish_post(parse_post(text, path), xmlrpc_account, publisher)
    assert fresh in outcome.remote.categories
    assert not [note for note in outcome.notes if "did not assign" in note]
    assert any(fresh in note and "created" in note for note in outcome.notes)  # said once made
    made = posts_titled(wordpress, "New category")[0]
    names = {c["name"] for c in rest(wordpress, "GET", "/wp/v2/categories", per_page=100)}
    assert fresh in names and made["categories"]


def test_metaweblog_names_categories_it_could_not_make(wordpress, tmp_path):
    fresh = f"Forbidden {uuid.uuid4().hex[:6]}"
    path = tmp_path / "with-forbidden-category.md"
    text = f"---\ntitle: Forbidden category\nstatus: published\ncategories: [{fresh}]\n---\n\nx\n"
    with FaultProxy(wordpress.url) as proxy:
        proxy.add(
            Rule(
                "answer",
                body=b"<methodName>wp.newCategory</methodName>",
                answer=xmlrpc_fault(401, "Sorry, you are not allowed to add a category."),
            )
        )
        account, publisher = publisher_through(proxy, wordpress, "metaweblog")
        outcome = publish_post(parse_post(text, path), account, publisher)
    assert outcome.created
    assert any(fresh in note and "not assigned" in note for note in outcome.notes)


def test_a_create_that_never_arrived_does_not_adopt_an_older_post(wordpress, kind, tmp_path):
    """An older post with the same slug and title is someone else's: the look for a lost
    create must not take it (the next publish would overwrite it)."""
    title = f"Visiting hours {kind}"
    slug = f"visiting-hours-{kind}"
    old = wordpress.php(
        f"echo wp_insert_post(['post_title' => '{title}', 'post_name' => '{slug}', "
        "'post_status' => 'publish', 'post_date' => '2019-03-04 10:00:00', "
        "'post_content' => 'Written in 2019.']);"
    ).strip()
    path = tmp_path / f"{slug}.md"
    text = f"---\ntitle: {title}\nstatus: published\n---\n\nWritten today.\n"
    with FaultProxy(wordpress.url) as proxy:
        proxy.add(create_rule(kind, "drop_before", times=1))  # the create never arrives
        account, publisher = publisher_through(proxy, wordpress, kind)
        with pytest.raises(PublishError, match="may have been made anyway"):
            publish_post(parse_post(text, path), account, publisher)
        outcome = publish_post(parse_post(text, path), account, publisher)
    assert outcome.created and outcome.remote.id != old
    older = rest(wordpress, "GET", f"/wp/v2/posts/{old}", context="edit")
    assert older["content"]["raw"] == "Written in 2019."
    assert len(posts_titled(wordpress, title)) == 2

"""What a writer relies on when a post is published, one promise a test (found by mutation
testing of publish/publishing.py, docs/testing.md), against the real Micropub server
(tests/micropub/server.py); faults the server cannot produce come from the FaultProxy
stand-in in front of it (tests/fault_servers.py)."""

from __future__ import annotations

import json
import urllib.parse

import micropub_server as mp  # loaded by tests/publish/conftest.py
import pytest
from fault_servers import Answer, FaultProxy, Rule

from smugdesk.core.accounts import Account
from smugdesk.core.front_edit import set_values
from smugdesk.core.post import parse_post
from smugdesk.publish.published_state import Placement, placement
from smugdesk.publish.publishing import RemoteChangedError, publish_post
from smugdesk.publish.remote import PublishError, RemotePost, make_publisher


@pytest.fixture
def account(micropub_site) -> Account:
    return Account("Notes", "micropub", micropub_site.endpoint)


def draft(folder, name: str, title: str, body: str, front: str = "status: published\n"):
    path = folder / f"{name}.md"
    text = f"---\ntitle: {title}\n{front}---\n\n{body}"
    path.write_text(text, encoding="utf-8")
    return text, path


def publish(text, path, account, **options):
    publisher = make_publisher(account, mp.TOKEN, 30.0)
    return publish_post(parse_post(text, path), account, publisher, **options)


def titled(site, title: str) -> list[dict]:
    return [e for e in site.entries() if e["properties"].get("name") == [title]]


def content_of(site, url: str) -> str:
    status, _headers, text = site.call(query="q=source&url=" + urllib.parse.quote(url))
    assert status == 200, text
    return json.loads(text)["properties"]["content"][0]["html"]


# ----- links to other drafts ------------------------------------------------------------
def test_a_link_to_another_draft_becomes_its_address_on_the_same_blog(
    micropub_site, account, tmp_path
):
    other_text, other_path = draft(
        tmp_path, "ward-opening-times", "Ward opening times", "Saturdays.\n"
    )
    first = publish(other_text, other_path, account)
    other_path.write_text(set_values(other_text, first.front).text, encoding="utf-8")
    text, path = draft(tmp_path, "visit", "Visiting", "See [the hours](post:ward-opening-times).\n")
    outcome = publish(text, path, account, drafts=tmp_path)
    assert f'href="{first.remote.url}"' in content_of(micropub_site, outcome.remote.url)


@pytest.mark.parametrize("case", ["not on this blog", "unreadable", "no drafts folder"])
def test_a_link_to_a_draft_not_on_the_blog_stops_the_publish_before_anything_is_sent(
    micropub_site, account, tmp_path, case
):
    front = "status: published\n"
    if case == "not on this blog":
        front += "published:\n  Other blog: {id: '7', url: 'https://elsewhere.example/7'}\n"
    draft(tmp_path, "ward-opening-times", "Ward opening times", "Saturdays.\n", front)
    if case == "unreadable":
        (tmp_path / "ward-opening-times.md").write_bytes(
            b"---\ntitle: Ward opening times\n---\n\xff\xfe"
        )
    title = f"Visiting ({case})"
    text, path = draft(tmp_path, "visit", title, "See [the hours](post:ward-opening-times).\n")
    drafts = None if case == "no drafts folder" else tmp_path
    with pytest.raises(PublishError) as caught:
        publish(text, path, account, drafts=drafts)
    assert str(caught.value) == (
        "this post links to the draft “ward-opening-times”, which is not on Notes yet; "
        "publish that post first"
    )
    assert titled(micropub_site, title) == []


# ----- conflicts ------------------------------------------------------------------------
def test_a_conflict_keeps_what_was_recorded_and_names_both_times(micropub_site, account, tmp_path):
    text, path = draft(tmp_path, "duty-roster", "Duty roster", "Mondays.\n")
    first = publish(text, path, account)
    status, _h, _t = micropub_site.call(
        "POST",
        body={
            "action": "update",
            "url": first.remote.url,
            "replace": {"content": [{"html": "<p>Tuesdays (edited on the blog).</p>"}]},
        },
    )
    assert status == 204
    recorded = set_values(text, first.front).text
    with pytest.raises(RemoteChangedError) as caught:
        publish(recorded.replace("Mondays", "Wednesdays"), path, account)
    then = placement(parse_post(recorded, path), "Notes")
    assert caught.value.recorded == then
    assert caught.value.remote.modified and caught.value.remote.modified != then.modified
    assert str(caught.value) == (
        "the post was changed on the blog since smugdesk last published it "
        f"(server: {caught.value.remote.modified}, then: {then.modified})"
    )


def test_a_conflict_without_edit_times_says_they_are_unknown():
    error = RemoteChangedError(RemotePost("7", "https://blog.example/7"), Placement("7", ""))
    assert str(error).endswith("(server: unknown, then: unknown)")


# ----- a create whose answer was lost ---------------------------------------------------
def test_a_lost_create_of_a_dated_post_never_adopts_an_entry_made_today_by_someone_else(
    micropub_site, tmp_path
):
    """Another client posted 'Night shift rota' minutes ago; the writer's own 'Night shift rota',
    dated May 2024, is lost on the way. The look after the loss must go by the writer's
    date, not by "made in the last day", or it would take the other entry for its own."""
    theirs = {"name": ["Night shift rota"], "content": [{"html": "<p>Theirs.</p>"}]}
    theirs["mp-slug"] = ["night-shift-rota"]
    status, headers, _t = micropub_site.call(
        "POST", body={"type": ["h-entry"], "properties": theirs}
    )
    assert status == 201
    front = "status: published\ndate: 2024-05-01 09:00:00+00:00\n"
    text, path = draft(tmp_path, "night-shift-rota", "Night shift rota", "Mine.\n", front)
    with FaultProxy(micropub_site.base) as proxy:
        proxy.add(Rule("drop_before", method="POST", body=b'"h-entry"', times=1))
        account = Account("Notes", "micropub", proxy.url + "indieweb/micropub/")
        with pytest.raises(PublishError, match="may have been made"):
            publish(text, path, account)
        retried = publish(text, path, account)
    assert retried.created and retried.remote.url != headers["Location"]
    assert content_of(micropub_site, headers["Location"]) == "<p>Theirs.</p>"


class GatewayError(PublishError):
    """A third-party publisher's own error, which takes more than a message."""

    def __init__(self, status: int, text: str) -> None:
        super().__init__(f"{status}: {text}")


def test_a_lost_create_through_a_plugin_with_its_own_error_type_is_still_explained(
    micropub_site, account, tmp_path
):
    from smugdesk.publish.micropub import MicropubPublisher

    class Plugin(MicropubPublisher):  # a plug-in built on the Micropub publisher
        def create(self, payload):
            raise GatewayError(502, "Bad gateway")

    text, path = draft(tmp_path, "gateway", "Behind a gateway", "Words.\n")
    publisher = Plugin(account, mp.TOKEN, 30.0)
    with pytest.raises(PublishError) as caught:
        publish_post(parse_post(text, path), account, publisher)
    assert str(caught.value) == (
        "502: Bad gateway. The post may have been made anyway: the next publish looks for it "
        "on the blog before creating it again"
    )
    assert titled(micropub_site, "Behind a gateway") == []


def test_while_the_blog_cannot_be_asked_about_a_lost_create_nothing_is_created_again(
    micropub_site, tmp_path
):
    """The create's answer is lost and the blog's list fails too, at this publish and the
    next: the next one stops with the reason rather than make a twin; once the list answers
    again, the post that was made is found and kept."""
    title = "Asked before made"
    text, path = draft(tmp_path, "asked-before-made", title, "Words.\n")
    with FaultProxy(micropub_site.base) as proxy:
        proxy.add(Rule("502_after", method="POST", body=b'"h-entry"', times=1))
        failing_list = Rule("answer", method="GET", times=None)
        failing_list.answer = Answer(502, {"Content-Type": "text/html"}, b"<html>Bad</html>")
        proxy.add(failing_list)
        account = Account("Notes", "micropub", proxy.url + "indieweb/micropub/")
        with pytest.raises(PublishError, match="may have been made anyway"):
            publish(text, path, account)
        with pytest.raises(PublishError, match="may have made it on the blog, and smugdesk cannot"):
            publish(text, path, account)
        failing_list.times = failing_list.used  # the blog answers again
        found = publish(text, path, account)
        assert proxy.count(method="POST", body=b'"h-entry"') == 1
    assert any("found the post it had made" in note for note in found.notes)
    assert len(titled(micropub_site, title)) == 1

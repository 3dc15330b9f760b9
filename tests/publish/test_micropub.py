"""Micropub against a real server: django-indieweb on 127.0.0.1 (tests/micropub/server.py,
one per test session). Faults the server cannot produce (a 502 or a dropped connection after
the create went through) come from the FaultProxy stand-in in front of it."""

from __future__ import annotations

import base64
import io
import json
import re
import urllib.parse

import micropub_server as mp  # loaded by tests/publish/conftest.py
import pytest
from fault_servers import FaultProxy, Rule, ScriptedServer, json_answer
from PIL import Image

from smugdesk.core.accounts import Account
from smugdesk.core.front_edit import set_values
from smugdesk.core.post import parse_post
from smugdesk.core.render import Renderer
from smugdesk.publish.download import remote_to_post
from smugdesk.publish.micropub import MARKER, MicropubPublisher
from smugdesk.publish.published_state import placement
from smugdesk.publish.publishing import RemoteChangedError, publish_post
from smugdesk.publish.remote import (
    AuthError,
    Payload,
    PublishError,
    RemoteMissingError,
    make_publisher,
)

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=="
)
VIDEO = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"


@pytest.fixture
def account(micropub_site):
    return Account("Notes", "micropub", micropub_site.endpoint)


def _draft(tmp_path, name: str, title: str, body: str, front: str = "") -> tuple[str, object]:
    path = tmp_path / f"{name}.md"
    text = f"---\ntitle: {title}\nstatus: published\n{front}---\n\n{body}"
    path.write_text(text, encoding="utf-8")
    return text, path


def _publish(text, path, account, token=mp.TOKEN, timeout=30.0, **options):
    publisher = make_publisher(account, token, timeout)
    return publish_post(parse_post(text, path), account, publisher, **options)


def _source(site, url: str, token: str = mp.TOKEN) -> tuple[int, dict | str]:
    status, _headers, text = site.call(query="q=source&url=" + urllib.parse.quote(url), token=token)
    return status, (json.loads(text)["properties"] if status == 200 else text)


def _between_tags(html: str) -> str:
    return re.sub(r">\s+<", "><", html.strip())


def _entries_titled(site, title: str) -> list[dict]:
    return [item for item in site.entries() if item["properties"].get("name") == [title]]


def test_create_update_and_an_image_uploaded_once(micropub_site, account, tmp_path):
    (tmp_path / "clinic.assets").mkdir()
    (tmp_path / "clinic.assets" / "chart.png").write_bytes(PNG)
    text, path = _draft(
        tmp_path,
        "clinic",
        "Clinic hours",
        "Open on Saturdays.\n\n![A chart](clinic.assets/chart.png)\n",
        "tags: [clinic, R&D]\n",
    )
    publisher = make_publisher(account, mp.TOKEN)
    assert "token accepted (with a media endpoint)" in publisher.verify()
    first = _publish(text, path, account)
    assert first.created and first.remote.url == f"{micropub_site.base}/entries/clinic/"
    status, stored = _source(micropub_site, first.remote.url)
    assert status == 200
    assert stored["category"] == ["clinic", "R&D"] and stored["post-status"] == ["published"]
    [image] = micropub_site.media_files()  # sent to the endpoint q=config names
    # made for the web (metadata removed, re-encoded): the same picture, not the same bytes
    assert Image.open(image).tobytes() == Image.open(io.BytesIO(PNG)).tobytes()
    assert f"/media/indieweb/media/{image.name}" in stored["content"][0]["html"]
    assert first.uploaded == 1

    edited = set_values(text, first.front).text.replace("Saturdays", "Saturdays and Sundays")
    second = _publish(edited, path, account)
    assert not second.created and second.remote.url == first.remote.url
    assert "Sundays" in _source(micropub_site, first.remote.url)[1]["content"][0]["html"]
    assert second.uploaded == 0 and len(micropub_site.media_files()) == 1
    assert len(_entries_titled(micropub_site, "Clinic hours")) == 1

    untagged = set_values(edited, second.front).text.replace("tags: [clinic, R&D]\n", "")
    third = _publish(untagged, path, account)
    assert "category" not in _source(micropub_site, third.remote.url)[1]  # removed there too


def test_an_image_deleted_on_the_server_is_uploaded_again(micropub_site, account, tmp_path):
    (tmp_path / "map.png").write_bytes(PNG[:-12] + b"map" + PNG[-12:])  # not in the cache yet
    text, path = _draft(tmp_path, "map-note", "Map note", "![Map](map.png)\n")
    first = _publish(text, path, account)
    [image] = [p for p in micropub_site.media_files() if p.name in first.remote.html]
    image.unlink()  # deleted from the site's uploads

    second = _publish(set_values(text, first.front).text, path, account)
    assert second.uploaded == 1
    [again] = [p for p in micropub_site.media_files() if p.name in second.remote.html]
    assert again != image and again.exists()


def test_a_draft_stays_a_draft_on_the_blog(micropub_site, account, tmp_path):
    text, path = _draft(tmp_path, "unfinished", "Unfinished", "Half a thought.\n")
    outcome = _publish(text.replace("status: published", "status: draft"), path, account)
    assert _source(micropub_site, outcome.remote.url)[1]["post-status"] == ["draft"]
    assert outcome.remote.status == "draft" and "status" not in outcome.front


def test_a_scheduled_post_is_a_dated_draft_not_published_early(micropub_site, account, tmp_path):
    text, path = _draft(tmp_path, "next-month", "Next month", "Coming soon.\n")
    text = text.replace("status: published", "status: scheduled\ndate: 2099-01-05 09:00:00+00:00")
    outcome = _publish(text, path, account)
    stored = _source(micropub_site, outcome.remote.url)[1]
    assert stored["post-status"] == ["draft"]
    assert stored["published"] == ["2099-01-05T09:00:00+00:00"]
    assert outcome.remote.status == "draft"


def test_tags_and_categories_arrive_as_category_values(micropub_site, account):
    publisher = make_publisher(account, mp.TOKEN)
    remote = publisher.create(
        Payload(
            "Ward news",
            "<p>News.</p>",
            "publish",
            slug="ward-news",
            tags=["ward", "Q&A"],
            categories=["Hospital news", "WARD"],
        )
    )
    stored = _source(micropub_site, remote.url)[1]
    assert stored["category"] == ["ward", "Q&A", "Hospital news"]  # one list, no twin in caps
    assert remote.tags == ["ward", "Q&A", "Hospital news"]


def test_a_download_brings_back_the_embed_and_the_categories(micropub_site, account, tmp_path):
    text, path = _draft(
        tmp_path,
        "video-note",
        "Video note",
        f"Watch this:\n\n{VIDEO}\n\nThanks.\n",
        "tags: [talks]\n",
    )
    first = _publish(text, path, account)
    sent_html = _source(micropub_site, first.remote.url)[1]["content"][0]["html"]
    assert "youtube-nocookie.com/embed/dQw4w9WgXcQ" in sent_html  # what the blog shows

    remote = make_publisher(account, mp.TOKEN).by_url(first.remote.url)
    draft = remote_to_post(remote, account)
    assert "youtube-nocookie.com/embed/dQw4w9WgXcQ" in draft.body  # the player came home
    assert list(draft.meta["tags"]) == ["talks"]
    back = Renderer(embeds="iframe").render(draft.body)
    assert _between_tags(back) == _between_tags(sent_html)  # published back: the same
    assert placement(draft, "Notes").url == first.remote.url

    # Downloaded from the list (download --count): the same conflict stamp as q=source, so
    # the first publish after a download is not taken for a conflict.
    [listed] = [p for p in make_publisher(account, mp.TOKEN).recent(50) if p.id == remote.id]
    assert listed.modified == remote.modified and listed.html == remote.html


def test_an_entry_with_plain_text_content_comes_home_as_text(micropub_site, account):
    """A note made by another client: ``content`` as text (``{"value": …}``), no html."""
    text = "Fish & chips on Friday.\n\nBring cash."
    properties = {"content": [{"value": text}], "category": ["food"]}
    status, headers, _t = micropub_site.call(
        "POST", body={"type": ["h-entry"], "properties": properties}
    )
    assert status == 201
    remote = make_publisher(account, mp.TOKEN).by_url(headers["Location"])
    draft = remote_to_post(remote, account)
    assert draft.body == "Fish & chips on Friday.\n\nBring cash.\n"
    assert list(draft.meta["tags"]) == ["food"]


def test_a_400_on_reading_back_after_a_201_is_not_a_failed_create(micropub_site, tmp_path):
    """The package's own example handler (the user 'example') answers 201 to the create and
    400 to q=source for the new entry, like a blog that builds the page after answering."""
    with FaultProxy(micropub_site.base) as proxy:  # passes everything; counts the creates
        account = Account("Example", "micropub", proxy.url + "indieweb/micropub/")
        text, path = _draft(tmp_path, "late", "Built later", "A note.\n")
        outcome = _publish(text, path, account, token=mp.EXAMPLE_TOKEN)
        assert outcome.created
        assert outcome.remote.url.startswith(f"{micropub_site.base}/entries/")
        assert proxy.count(method="POST", body=b'"h-entry"') == 1  # created once, not retried
    assert _source(micropub_site, outcome.remote.url, mp.EXAMPLE_TOKEN) == (400, "invalid_request")
    recorded = placement(parse_post(set_values(text, outcome.front).text), "Example")
    assert recorded.id == outcome.remote.url and recorded.modified == ""  # read back later


def test_a_deleted_entry_is_recognised_by_its_400(micropub_site, account, tmp_path):
    text, path = _draft(tmp_path, "withdrawn", "Withdrawn notice", "Soon gone.\n")
    first = _publish(text, path, account)
    status, _h, _t = micropub_site.call("POST", body={"action": "delete", "url": first.remote.url})
    assert status == 204
    assert _source(micropub_site, first.remote.url) == (400, "invalid_request")  # not 404/410

    assert make_publisher(account, mp.TOKEN).get(first.remote.url) is None
    published = set_values(text, first.front).text
    with pytest.raises(RemoteMissingError, match="deleted"):
        _publish(published, path, account)
    again = _publish(published, path, account, recreate=True)
    assert again.created and again.remote.url != first.remote.url


def test_a_400_for_a_bad_request_is_not_taken_for_a_deletion(micropub_site, account, tmp_path):
    """The same 400 'invalid_request' as a deleted entry, for a post that is still there:
    recorded under another name of the host, the server refuses to update that URL."""
    text, path = _draft(tmp_path, "renamed-host", "Host written another way", "Still here.\n")
    first = _publish(text, path, account)
    elsewhere = first.remote.url.replace("127.0.0.1", "localhost")
    record = first.front["published"]
    record["Notes"]["id"] = record["Notes"]["url"] = elsewhere
    published = set_values(text, {"published": record}).text.replace("Still", "Still and again")

    with pytest.raises(PublishError, match=r"refused the update \(400\)") as raised:
        _publish(published, path, account)
    assert not isinstance(raised.value, RemoteMissingError)  # no offer to publish it anew
    assert "Still here." in _source(micropub_site, first.remote.url)[1]["content"][0]["html"]
    assert len(_entries_titled(micropub_site, "Host written another way")) == 1


@pytest.mark.parametrize(
    ("status", "listing", "said"),
    [
        (501, "not_implemented", "cannot list its posts"),  # the package without list_entries
        (200, '{"items": [{"properties": {"name": ["Other"]}}]}', "without their addresses"),
    ],
)
def test_a_400_is_not_called_a_deletion_when_the_list_cannot_tell(
    micropub_site, account, tmp_path, status, listing, said
):
    text, path = _draft(tmp_path, f"unsure-{status}", f"Unsure {status}", "Maybe gone.\n")
    first = _publish(text, path, account)
    micropub_site.call("POST", body={"action": "delete", "url": first.remote.url})
    with FaultProxy(micropub_site.base) as proxy:  # stand-in: rewrites only the list's answer
        answer = json_answer(listing, status)
        proxy.add(Rule("answer", method="GET", path="filter=", answer=answer, times=None))
        publisher = make_publisher(
            Account("Notes", "micropub", proxy.url + "indieweb/micropub/"), mp.TOKEN
        )
        with pytest.raises(PublishError, match=said) as raised:
            publisher.get(first.remote.url)
    assert not isinstance(raised.value, RemoteMissingError)


def test_an_edit_on_the_blog_is_a_conflict_without_an_updated_property(
    micropub_site, account, tmp_path
):
    text, path = _draft(tmp_path, "rota", "Rota", "Mondays.\n")
    first = _publish(text, path, account)
    assert placement(parse_post(set_values(text, first.front).text), "Notes").modified
    status, _h, _t = micropub_site.call(
        "POST",
        body={
            "action": "update",
            "url": first.remote.url,
            "replace": {"content": [{"html": "<p>Tuesdays (edited on the blog).</p>"}]},
        },
    )
    assert status == 204
    assert "updated" not in _source(micropub_site, first.remote.url)[1]

    published = set_values(text, first.front).text.replace("Mondays", "Wednesdays")
    with pytest.raises(RemoteChangedError):
        _publish(published, path, account)
    assert "Tuesdays" in _source(micropub_site, first.remote.url)[1]["content"][0]["html"]
    forced = _publish(published, path, account, overwrite=True)
    assert "Wednesdays" in _source(micropub_site, forced.remote.url)[1]["content"][0]["html"]


@pytest.mark.parametrize("fault", ["502_after", "drop_after", "timeout_after"])
def test_three_publishes_through_lost_create_answers_leave_one_entry(
    micropub_site, tmp_path, fault
):
    title = f"Flaky gateway {fault}"
    with FaultProxy(micropub_site.base) as proxy:
        proxy.add(Rule(fault, method="POST", body=b'"h-entry"', times=None))  # every create
        account = Account("Notes", "micropub", proxy.url + "indieweb/micropub/")
        text, path = _draft(tmp_path, f"flaky-{fault}", title, "Version 1.\n")
        outcomes = []
        for number in (1, 2, 3):
            outcome = _publish(text, path, account, timeout=1.0)  # never reported as failed
            outcomes.append(outcome)
            text = set_values(text, outcome.front).text.replace(
                f"Version {number}.", f"Version {number + 1}."
            )
        assert proxy.count(method="POST", body=b'"h-entry"') == 1
    assert [o.created for o in outcomes] == [True, False, False]
    assert len({o.remote.url for o in outcomes}) == 1
    [entry] = _entries_titled(micropub_site, title)
    assert "Version 3." in entry["properties"]["content"][0]["html"]


def test_a_create_that_never_arrived_does_not_adopt_an_older_entry_of_the_same_name(
    micropub_site, tmp_path
):
    """Another client's 'Weekly rota' from 2020 has the slug and title the lost create had:
    it is not taken for the new post (which would then be overwritten by the next publish)."""
    old = {"name": ["Weekly rota"], "content": [{"html": "<p>The 2020 rota.</p>"}]}
    old |= {"mp-slug": ["weekly-rota"], "published": ["2020-01-06T09:00:00+00:00"]}
    status, headers, _t = micropub_site.call("POST", body={"type": ["h-entry"], "properties": old})
    assert status == 201
    old_url = headers["Location"]
    with FaultProxy(micropub_site.base) as proxy:
        proxy.add(Rule("drop_before", method="POST", body=b'"h-entry"', times=1))
        account = Account("Notes", "micropub", proxy.url + "indieweb/micropub/")
        text, path = _draft(tmp_path, "weekly-rota", "Weekly rota", "This week's rota.\n")
        with pytest.raises(PublishError, match="may have been made"):
            _publish(text, path, account)
        assert [e["properties"]["url"] for e in _entries_titled(micropub_site, "Weekly rota")] == [
            [old_url]
        ]
        retried = _publish(text, path, account)
    assert retried.created and retried.remote.url == f"{micropub_site.base}/entries/weekly-rota-2/"
    assert _source(micropub_site, old_url)[1]["content"] == old["content"]


def test_the_token_is_not_sent_to_a_plain_http_media_endpoint_elsewhere(micropub_site, tmp_path):
    """A configuration naming a media endpoint on another site over plain http (the real
    server names its own; the proxy stand-in rewrites q=config) gets no upload, no token."""
    with ScriptedServer(lambda seen: json_answer("{}", 201)) as elsewhere:
        config = json.dumps({"media-endpoint": f"http://localhost:{elsewhere.port}/upload"})
        with FaultProxy(micropub_site.base) as proxy:
            proxy.add(Rule("answer", method="GET", path="q=config", answer=json_answer(config)))
            account = Account("Notes", "micropub", proxy.url + "indieweb/micropub/")
            (tmp_path / "photo.png").write_bytes(PNG)
            text, path = _draft(tmp_path, "photo-note", "Photo note", "![x](photo.png)\n")
            with pytest.raises(PublishError, match="does not send the token there"):
                _publish(text, path, account)
        assert elsewhere.seen == []
    assert _entries_titled(micropub_site, "Photo note") == []


@pytest.mark.parametrize(
    ("rules", "said"),
    [
        ([("q=config", 200, "[]")], "the configuration from"),
        ([("q=source", 200, '{"properties": "none"}')], "has no properties"),
        ([("url=", 400, "invalid_request"), ("q=source", 200, '{"items": {}}')], "has no items"),
    ],
)
def test_answers_of_the_wrong_shape_are_one_line_errors(micropub_site, rules, said):
    with FaultProxy(micropub_site.base) as proxy:
        for path, status, body in rules:
            answer = json_answer(body, status)
            proxy.add(Rule("answer", method="GET", path=path, answer=answer, times=None))
        publisher = make_publisher(
            Account("Notes", "micropub", proxy.url + "indieweb/micropub/"), mp.TOKEN
        )
        with pytest.raises(PublishError, match=said) as raised:
            publisher.verify()
            publisher.get(f"{micropub_site.base}/entries/nowhere/")
        assert "\n" not in str(raised.value)


def test_find_falls_back_to_slug_and_title_where_the_marker_was_not_kept(micropub_site, account):
    def make(marker: str = "") -> str:
        properties = {"name": ["Lost answer"], "mp-slug": ["lost-answer"]}
        if marker:
            properties[MARKER] = [marker]
        body = {"type": ["h-entry"], "properties": properties}
        return micropub_site.call("POST", body=body)[1]["Location"]

    publisher = make_publisher(account, mp.TOKEN)
    other_create = make("m-0")  # another create's, with its marker
    assert publisher.find("lost-answer", "Lost answer", marker="m-1") is None
    dropped = make()  # the server did not keep this create's marker
    assert dropped != other_create
    assert publisher.find("lost-answer", "Lost answer", marker="m-1").url == dropped
    assert publisher.find("lost-answer", "Another title", marker="m-1") is None
    assert publisher.find("lost-answer", "Lost answer", marker="m-0").url == other_create


def test_a_bad_token_is_a_clear_error(account):
    with pytest.raises(AuthError, match=r"\(401\)"):
        make_publisher(account, "wrong").verify()
    assert isinstance(make_publisher(account, mp.TOKEN), MicropubPublisher)


def test_a_posts_categories_reach_the_blog_with_its_tags(micropub_site, account, tmp_path):
    text, path = _draft(
        tmp_path,
        "board",
        "Board minutes",
        "Minutes.\n",
        "tags: [board]\ncategories: [Governance]\n",
    )
    outcome = _publish(text, path, account)
    assert _source(micropub_site, outcome.remote.url)[1]["category"] == ["board", "Governance"]


def test_an_image_from_outside_the_post_is_not_uploaded_and_the_writer_is_told(
    micropub_site, account, tmp_path
):
    secret = tmp_path / "secret.png"  # beside the drafts folder, not inside the post's
    secret.write_bytes(PNG)
    before = set(micropub_site.media_files())
    (tmp_path / "drafts").mkdir()
    text, path = _draft(
        tmp_path / "drafts", "leak", "No leak", f"![x]({secret})\n\n![y](../secret.png)\n"
    )
    outcome = _publish(text, path, account)
    said = " ".join(outcome.notes)
    assert "not uploaded" in said and str(secret) in said and "../secret.png" in said
    assert outcome.uploaded == 0 and set(micropub_site.media_files()) == before

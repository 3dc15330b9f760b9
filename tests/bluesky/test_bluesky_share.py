"""Sharing a published post on a real Bluesky PDS (tests/bluesky/server.py): the record as
the PDS keeps it (text, facets, link card with its thumbnail blob, langs), an update, an
update or delete refused when the post was changed elsewhere (swapRecord), a delete, a wrong
app password, the 300-character edge, and a redirect that would carry the session token to
another server."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from fault_servers import Answer, FaultProxy, Rule, ScriptedServer
from PIL import Image

from smugdesk.core.accounts import Account
from smugdesk.core.credentials import get_secret
from smugdesk.core.front_edit import set_values
from smugdesk.core.post import parse_post
from smugdesk.publish.bluesky import (
    Bluesky,
    LinkCard,
    ShareChangedError,
    ShareDraft,
    draft_for,
    now_iso,
    record_key,
)
from smugdesk.publish.bluesky_text import grapheme_count
from smugdesk.publish.remote import AuthError, PublishError, RefusedError
from smugdesk.publish.shares import recorded_share, share_front

LINK = "https://blog.example/2026/11/why-our-clinic-films"
GPS = 0x8825

POST = f"""---
title: "Pourquoi notre clinique filme ses réponses 🎥"
lang: fr
tags: [vidéo, patients]
summary: De courtes vidéos répondent à ce que les brochures ne disent pas.
image: cover.jpg
published:
  Ward Notes: {{id: "41", url: "{LINK}", status: publish}}
---

Nous avons commencé à filmer les réponses.
"""


def _photo(path: Path) -> None:
    """A 2400×1600 phone photo that records where it was taken."""
    image = Image.new("RGB", (2400, 1600), (200, 120, 40))
    exif = Image.Exif()
    exif[GPS] = {1: "N", 2: (52.0, 31.0, 12.0), 3: "E", 4: (13.0, 24.0, 0.0)}
    image.save(path, "JPEG", exif=exif.tobytes(), quality=95)


@pytest.fixture
def post(tmp_path):
    _photo(tmp_path / "cover.jpg")
    (tmp_path / "post.md").write_text(POST, encoding="utf-8")
    return parse_post(POST, tmp_path / "post.md")


@pytest.fixture
def bluesky(bluesky_account):
    return Bluesky(bluesky_account, get_secret(bluesky_account.name), timeout=20)


def test_share_makes_the_post_its_followers_see(bluesky_pds, bluesky, post):
    draft = draft_for(post, LINK, fallback_lang="en")
    share = bluesky.share(draft)

    status, got = bluesky_pds.record(share.uri)
    assert status == 200 and got["cid"] == share.cid
    record = got["value"]
    assert record["text"] == draft.text
    assert record["text"].startswith("Pourquoi notre clinique filme ses réponses 🎥\n\n" + LINK)
    assert record["langs"] == ["fr"]  # the post's own language, not the writer's
    data = record["text"].encode("utf-8")
    linked = [
        (data[f["index"]["byteStart"] : f["index"]["byteEnd"]].decode(), f["features"][0])
        for f in record["facets"]
    ]
    assert linked[0] == (LINK, {"$type": "app.bsky.richtext.facet#link", "uri": LINK})
    assert [text for text, _ in linked[1:]] == ["#vidéo", "#patients"]
    external = record["embed"]["external"]
    assert record["embed"]["$type"] == "app.bsky.embed.external"
    assert external["uri"] == LINK and external["title"] == post.title
    assert external["description"].startswith("De courtes vidéos")

    # The thumbnail went up as a blob, small, and without the photo's GPS position.
    thumb = external["thumb"]
    assert thumb["mimeType"] == "image/jpeg" and thumb["size"] <= 1_000_000
    picture = Image.open(io.BytesIO(bluesky_pds.blob(bluesky_pds.did, thumb["ref"]["$link"])))
    assert max(picture.size) <= 1000
    assert GPS not in picture.getexif()

    # Recorded with the post, beside where it was published, and read back from the text.
    text = set_values(POST, share_front(post, "My Bluesky", share)).text
    again = recorded_share(parse_post(text), "My Bluesky")
    assert again == share
    assert (
        share.url == f"https://bsky.app/profile/{bluesky_pds.handle}/post/{record_key(share.uri)}"
    )
    assert parse_post(text).meta["published"]["Ward Notes"]["id"] == "41"


def test_update_replaces_the_text_and_keeps_the_date(bluesky_pds, bluesky, post):
    share = bluesky.share(draft_for(post, LINK))
    draft = draft_for(post, LINK)
    changed = ShareDraft("Nouveau titre\n\n" + LINK, draft.card, ("fr",))
    updated = bluesky.update(share, changed)
    assert updated.uri == share.uri and updated.cid != share.cid
    record = bluesky_pds.record(share.uri)[1]["value"]
    assert record["text"] == "Nouveau titre\n\n" + LINK
    assert record["createdAt"] == share.created
    assert bluesky.current(updated)["cid"] == updated.cid


def _edit_elsewhere(bluesky_pds, share, text: str) -> None:
    """The writer changes the post in a Bluesky app: a putRecord made with the account's own
    session, not through smugdesk."""
    from bluesky_server import call

    record = bluesky_pds.record(share.uri)[1]["value"]
    record["text"] = text
    record.pop("facets", None)
    status, answer = call(
        bluesky_pds.base,
        "com.atproto.repo.putRecord",
        {
            "repo": bluesky_pds.did,
            "collection": "app.bsky.feed.post",
            "rkey": record_key(share.uri),
            "record": record,
        },
        token=bluesky_pds.token(),
    )
    assert status == 200, answer


def test_a_post_changed_elsewhere_is_not_overwritten(bluesky_pds, bluesky, post):
    share = bluesky.share(draft_for(post, LINK))
    _edit_elsewhere(bluesky_pds, share, "Edited in the app")

    with pytest.raises(ShareChangedError) as caught:
        bluesky.update(share, draft_for(post, LINK))
    assert "changed since smugdesk sent it" in str(caught.value)
    assert "\n" not in str(caught.value)
    assert bluesky_pds.record(share.uri)[1]["value"]["text"] == "Edited in the app"

    with pytest.raises(ShareChangedError):
        bluesky.delete(share)
    assert bluesky_pds.record(share.uri)[0] == 200  # still there


def test_delete_removes_the_post(bluesky_pds, bluesky, post):
    share = bluesky.share(draft_for(post, LINK))
    bluesky.delete(share)
    status, answer = bluesky_pds.record(share.uri)
    assert status == 400 and answer["error"] == "RecordNotFound"
    assert bluesky.current(share) is None


def test_a_wrong_app_password_says_so_in_one_line(bluesky_pds, bluesky_account):
    wrong = Bluesky(bluesky_account, "aaaa-bbbb-cccc-dddd", timeout=20)
    with pytest.raises(AuthError) as caught:
        wrong.share(ShareDraft("hello", LinkCard(LINK, "t")))
    said = str(caught.value)
    assert "refused the handle writer.test or its app password" in said
    assert "App passwords" in said and "\n" not in said


def _edge(count: int) -> str:
    """``count`` characters of families, flags, skin tones and CJK (about 1,900 bytes)."""
    pattern = ["👩‍👩‍👧", "🇯🇵", "👍🏽", "日", "本", "क्ष"]
    return "".join(pattern[i % len(pattern)] for i in range(count))


def test_three_hundred_characters_go_and_three_hundred_one_do_not(bluesky_pds, bluesky):
    from bluesky_server import call

    exact = _edge(300)
    assert grapheme_count(exact) == 300 and len(exact) > 600
    share = bluesky.share(ShareDraft(exact, LinkCard(LINK, "Edge")))
    assert bluesky_pds.record(share.uri)[1]["value"]["text"] == exact

    over = _edge(301)
    with pytest.raises(RefusedError, match="301 characters"):
        bluesky.share(ShareDraft(over, LinkCard(LINK, "Edge")))
    # ... and the PDS itself agrees that this one is too long: the count is Bluesky's.
    status, answer = call(
        bluesky_pds.base,
        "com.atproto.repo.createRecord",
        {
            "repo": bluesky_pds.did,
            "collection": "app.bsky.feed.post",
            "record": {"$type": "app.bsky.feed.post", "text": over, "createdAt": now_iso()},
        },
        token=bluesky_pds.token(),
    )
    assert status == 400 and "maximum 300, got 301" in answer["message"]


def test_a_redirect_to_another_server_never_carries_the_session(bluesky_pds, bluesky_account):
    """A stand-in proxy in front of the real PDS answers the create with a redirect to a
    second stand-in (what no real PDS does on demand): the token must not reach it."""
    elsewhere_seen = []

    def elsewhere(seen):
        elsewhere_seen.append(seen)
        return Answer(200, {"Content-Type": "application/json"}, b'{"uri":"x","cid":"y"}')

    with ScriptedServer(elsewhere) as other, FaultProxy(bluesky_pds.base + "/") as proxy:
        target = other.url + "xrpc/com.atproto.repo.createRecord"
        proxy.add(
            Rule(
                "answer",
                path="com.atproto.repo.createRecord",
                answer=Answer(307, {"Location": target}),
            )
        )
        account = Account("My Bluesky", "bluesky", proxy.url.rstrip("/"), bluesky_pds.handle)
        client = Bluesky(account, bluesky_pds.app_password, timeout=20)
        with pytest.raises(PublishError, match="redirected") as caught:
            client.share(ShareDraft("hello " + LINK, LinkCard(LINK, "t")))
        assert "\n" not in str(caught.value)
        signed_in = proxy.count(path="com.atproto.server.createSession")
        sent = [s for s in proxy.seen if "createRecord" in s.path]
    assert signed_in == 1 and sent and sent[0].headers["authorization"].startswith("Bearer ")
    assert elsewhere_seen == []  # nothing at all went to the other server


def test_the_session_token_is_not_in_the_objects_text(bluesky, post):
    bluesky.share(draft_for(post, LINK))
    token = bluesky._session.client.headers["Authorization"]
    assert token not in repr(bluesky) and token not in repr(bluesky._session)


def test_an_account_is_checked_like_a_blog(bluesky_pds, bluesky_account):
    from smugdesk.core.accounts import blog_accounts
    from smugdesk.publish.shares import verify_account

    said = verify_account(bluesky_account, bluesky_pds.app_password)
    assert said == f"Bluesky at {bluesky_pds.base}, signed in as @{bluesky_pds.handle}"
    with pytest.raises(AuthError):
        verify_account(bluesky_account, "wrong-wrong-wrong-wrong")
    blog = Account("Ward Notes", "wordpress", "https://blog.example", "ann")
    assert blog_accounts([blog, bluesky_account]) == [blog]  # not a place to publish to


@pytest.mark.parametrize("method", ["createSession", "uploadBlob", "createRecord"])
@pytest.mark.parametrize("body", [b"[]", b"null", b'{"uri": 5, "cid": []}', b"<html>502</html>"])
def test_answers_of_the_wrong_shape_are_one_line(bluesky_pds, post, method, body):
    """A stand-in proxy in front of the real PDS swaps one answer for a wrong shape."""
    with FaultProxy(bluesky_pds.base + "/") as proxy:
        proxy.add(Rule("answer", path=method, answer=Answer(200, {}, body)))
        account = Account("My Bluesky", "bluesky", proxy.url.rstrip("/"), bluesky_pds.handle)
        client = Bluesky(account, bluesky_pds.app_password, timeout=20)
        with pytest.raises(PublishError) as caught:
            client.share(draft_for(post, LINK))
    assert "\n" not in str(caught.value) and "Traceback" not in str(caught.value)


def test_a_recorded_share_of_someone_else_is_never_touched(bluesky_pds, bluesky, post):
    """A post's front matter is text anyone could have edited: a recorded share naming
    another account's post is refused before anything is sent."""
    other_did, _token, _app = bluesky_pds.make_account("someone.test")
    theirs = bluesky.share(draft_for(post, LINK))
    forged = replace_share(theirs, theirs.uri.replace(bluesky_pds.did, other_did))
    with pytest.raises(RefusedError, match=r"is not one of @writer\.test's"):
        bluesky.delete(forged)
    with pytest.raises(RefusedError, match="is not one of"):
        bluesky.update(forged, draft_for(post, LINK))


def replace_share(share, uri):
    from dataclasses import replace

    return replace(share, uri=uri)


def test_a_damaged_cover_leaves_the_card_without_a_picture_and_says_so(bluesky_pds, bluesky, post):
    (post.path.parent / "cover.jpg").write_bytes(b"\xff\xd8\xff not a photo after all")
    share = bluesky.share(draft_for(post, LINK))
    external = bluesky_pds.record(share.uri)[1]["value"]["embed"]["external"]
    assert "thumb" not in external and external["uri"] == LINK
    assert len(bluesky.notes) == 1 and bluesky.notes[0].startswith("the link card has no picture")

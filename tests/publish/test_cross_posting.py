"""One draft, several blogs: the same post published to two accounts on the real WordPress
(REST and XML-RPC, each making its own post) and to the real Micropub server; each keeps its
own id and address in the front matter, an edit published again updates each in place, and
the post says it is on all three."""

from __future__ import annotations

import uuid

from micropub_server import TOKEN

from smugdesk.core.accounts import Account
from smugdesk.core.front_edit import set_values
from smugdesk.core.post import parse_post
from smugdesk.publish.published_state import placement, where_published
from smugdesk.publish.publishing import publish_post
from smugdesk.publish.remote import make_publisher


def test_one_draft_on_three_blogs_stays_in_step(
    wordpress, rest_account, xmlrpc_account, micropub_site, tmp_path
):
    mark = uuid.uuid4().hex[:6]
    path = tmp_path / f"cross-{mark}.md"
    text = f"---\ntitle: Cross-posted {mark}\ntags: [rounds]\n---\n\nFirst version {mark}.\n"
    path.write_text(text, encoding="utf-8")
    micropub = Account("Field Notes", "micropub", micropub_site.endpoint)
    blogs = [
        (rest_account, make_publisher(rest_account, wordpress.app_password)),
        (xmlrpc_account, make_publisher(xmlrpc_account, wordpress.password)),
        (micropub, make_publisher(micropub, TOKEN)),
    ]
    first = {}
    for account, publisher in blogs:
        outcome = publish_post(parse_post(text, path), account, publisher, status="publish")
        assert outcome.created, account.name
        first[account.name] = outcome.remote
        text = set_values(text, outcome.front).text

    post = parse_post(text, path)
    ids = {name: placement(post, name).id for name in first}
    assert ids == {name: remote.id for name, remote in first.items()}
    assert len(set(ids.values())) == 3  # the two WordPress accounts made a post each
    assert [(w.account, w.state) for w in where_published(post)] == [
        (rest_account.name, "live"),
        (xmlrpc_account.name, "live"),
        ("Field Notes", "live"),
    ]

    text = text.replace(f"First version {mark}.", f"Second version {mark}.")
    for account, publisher in blogs:
        outcome = publish_post(parse_post(text, path), account, publisher)
        assert not outcome.created and outcome.remote.id == ids[account.name], account.name
        text = set_values(text, outcome.front).text
        back = publisher.get(outcome.remote.id)
        assert f"Second version {mark}" in back.html, account.name
    assert {w.account for w in where_published(parse_post(text, path))} == set(ids)

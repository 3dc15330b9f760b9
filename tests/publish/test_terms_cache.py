"""A blog's categories (with their hierarchy) and tags, fetched from the real WordPress (REST
and XML-RPC) and the real Micropub server, kept per account in the cache folder, and there
when the blog cannot be reached; publishing says which terms it created."""

from __future__ import annotations

import dataclasses
import json
import uuid

import pytest
from micropub_server import TOKEN

from smugdesk.core.accounts import Account
from smugdesk.core.config import cache_dir
from smugdesk.publish import terms
from smugdesk.publish.remote import OfflineError, Payload, make_publisher
from smugdesk.publish.terms import BlogTerms, Category


@pytest.fixture
def blog_terms(wordpress):
    """Terms of its own on the shared WordPress, named so no other test meets them: a
    category under another, a tag with an ampersand (which WordPress stores escaped)."""
    mark = uuid.uuid4().hex[:6]
    names = {
        "parent": f"Health {mark}",
        "child": f"Vaccines {mark}",
        "tag": f"Q&A {mark}",
        "plain": f"flu {mark}",
    }
    wordpress.php(
        f"$p = wp_insert_term('{names['parent']}', 'category');"
        f"wp_insert_term('{names['child']}', 'category', ['parent' => $p['term_id']]);"
        f"wp_insert_term('{names['tag']}', 'post_tag');"
        f"wp_insert_term('{names['plain']}', 'post_tag'); echo 'ok';"
    )
    return names


def _closed_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # closed again when the block ends


def test_rest_terms_fetched_cached_and_used_offline(wordpress, rest_account, blog_terms):
    fetched = terms.refresh(rest_account, wordpress.app_password)
    assert Category(blog_terms["child"], blog_terms["parent"]) in fetched.categories
    assert Category(blog_terms["parent"], "") in fetched.categories
    assert blog_terms["tag"] in fetched.tags  # "Q&A …", not "Q&amp;A …"
    assert "editor" in fetched.authors
    assert not fetched.stale()
    # Kept in the cache folder, per account.
    path = terms.cache_path(rest_account)
    assert path.parent == cache_dir() / "terms"
    assert json.loads(path.read_text(encoding="utf-8"))["account"] == rest_account.name

    # The network gone: the same account at a closed port cannot fetch, and its cache is
    # still there, whole, for completion.
    offline = dataclasses.replace(rest_account, url=f"http://127.0.0.1:{_closed_port()}/")
    with pytest.raises(OfflineError):
        terms.refresh(offline, wordpress.app_password, timeout=5)
    kept = terms.load(offline)
    assert kept == fetched
    depth = {category.name: level for level, category in kept.tree()}
    assert depth[blog_terms["parent"]] == 0 and depth[blog_terms["child"]] == 1


def test_xmlrpc_terms_with_parents(wordpress, xmlrpc_account, blog_terms):
    fetched = terms.refresh(xmlrpc_account, wordpress.password)
    assert Category(blog_terms["child"], blog_terms["parent"]) in fetched.categories
    assert {blog_terms["tag"], blog_terms["plain"]} <= set(fetched.tags)


def test_micropub_category_query(micropub_site):
    """django-indieweb answers q=category from its handler's configuration, which the test
    server leaves without categories: the answer is read, and an empty list is no error."""
    account = Account("Notes", "micropub", micropub_site.endpoint)
    fetched = terms.refresh(account, TOKEN)
    assert (fetched.tags, fetched.categories) == ([], [])
    assert terms.load(account) == fetched


def test_publishing_reports_the_terms_it_created(wordpress, rest_account, blog_terms):
    new_tag, new_category = (
        f"brand new {uuid.uuid4().hex[:6]}",
        f"Dispatches {uuid.uuid4().hex[:6]}",
    )
    terms.refresh(rest_account, wordpress.app_password)
    publisher = make_publisher(rest_account, wordpress.app_password)
    payload = Payload(
        "Terms", "<p>x</p>", tags=[blog_terms["plain"], new_tag], categories=[new_category]
    )
    publisher.create(payload)
    # The cached list knows them at once: the form stops calling them new.
    cached = terms.load(rest_account)
    assert new_tag in cached.tags and new_category in cached.category_names()
    assert cached.tags.count(blog_terms["plain"]) == 1
    assert publisher.notes == [
        f"New on the blog, created by this publish: the tag “{new_tag}”, the category "
        f"“{new_category}”."
    ]
    publisher.notes.clear()
    publisher.create(payload)  # nothing new the second time
    assert publisher.notes == []


def test_xmlrpc_publishing_reports_a_category_it_created(wordpress, xmlrpc_account):
    new_category = f"Letters {uuid.uuid4().hex[:6]}"
    terms.refresh(xmlrpc_account, wordpress.password)
    publisher = make_publisher(xmlrpc_account, wordpress.password)
    publisher.create(Payload("Terms", "<p>x</p>", categories=[new_category]))
    assert f"the category “{new_category}”" in " ".join(publisher.notes)
    assert new_category in terms.load(xmlrpc_account).category_names()


def test_cache_follows_a_rename_and_goes_with_the_account(tmp_path):
    account = Account("Ward", "wordpress", "https://ward.example/", "ada")
    saved = BlogTerms([Category("News")], ["flu"], [], "2026-01-01T00:00:00+00:00")
    terms.save(account, saved)
    renamed = dataclasses.replace(account, name="Ward Notes")
    terms.rename(account, renamed)
    assert terms.load(account) is None and terms.load(renamed) == saved
    assert terms.load(renamed).stale()  # long ago
    terms.forget(renamed)
    assert terms.load(renamed) is None


def test_a_damaged_cache_is_absent(tmp_path):
    account = Account("Ward", "wordpress", "https://ward.example/", "ada")
    terms.cache_path(account).parent.mkdir(parents=True, exist_ok=True)
    terms.cache_path(account).write_text("{not json", encoding="utf-8")
    assert terms.load(account) is None


def test_new_terms_compare_as_the_blog_does():
    known = ["Q&amp;A", "Café", "News"]
    assert terms.new_terms(["q&a", "CAFÉ", " news ", "Letters", "letters"], known) == ["Letters"]
    assert terms.merged(["b", "A"], ["a", "Q&amp;A"]) == ["A", "b", "Q&A"]


def test_tree_survives_a_loop_and_a_missing_parent():
    blog = BlogTerms([Category("a", "b"), Category("b", "a"), Category("c", "gone")])
    assert sorted(c.name for _depth, c in blog.tree()) == ["a", "b", "c"]


def test_the_publish_outcome_names_the_terms_created(wordpress, rest_account, tmp_path):
    """Through the whole publish (what the window's result box and the CLI print)."""
    from smugdesk.core.post import parse_post
    from smugdesk.publish.publishing import publish_post

    tag = f"night shifts {uuid.uuid4().hex[:6]}"
    text = f"---\ntitle: Made terms\ntags: [{tag}]\n---\n\nBody.\n"
    path = tmp_path / "made.md"
    path.write_text(text, encoding="utf-8")
    publisher = make_publisher(rest_account, wordpress.app_password)
    outcome = publish_post(parse_post(text, path), rest_account, publisher)
    assert f"New on the blog, created by this publish: the tag “{tag}”." in outcome.notes


def test_age_of_a_time_without_zone_is_utc():
    import datetime as dt

    now = dt.datetime(2026, 1, 1, 12, tzinfo=dt.UTC)
    assert BlogTerms(fetched="2026-01-01T11:00").age(now) == dt.timedelta(hours=1)
    assert BlogTerms(fetched="yesterday").stale(now)

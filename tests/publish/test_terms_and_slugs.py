"""Names a writer types, as a real WordPress keeps them: tags and categories with `&`, quotes,
`<`, Cyrillic and another case match the term the blog has (a second publish never fails
with "term already exists"); slugs leave out a Jekyll file name's date, are spelled in ASCII
where the title is Latin and left to the blog where it is not, and stay put once published."""

from __future__ import annotations

import base64
import datetime as dt
import json
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from smugdesk.core.post import Post, parse_post
from smugdesk.publish.intent import own_status, schedule_problem
from smugdesk.publish.published_state import Placement, placement, with_placement
from smugdesk.publish.publishing import publish_post
from smugdesk.publish.remote import Payload, make_publisher
from smugdesk.publish.slugs import blog_slug, latin_slug
from smugdesk.publish.wordpress import term_key


def rest_get(site, route: str, **params):
    """What the blog itself says, read with the test's own request (not smugdesk's)."""
    query = urllib.parse.urlencode({"rest_route": route, **params})
    request = urllib.request.Request(f"{site.url}?{query}")
    token = base64.b64encode(f"{site.user}:{site.app_password}".encode()).decode()
    request.add_header("Authorization", f"Basic {token}")
    with urllib.request.urlopen(request, timeout=30) as answer:
        return json.loads(answer.read())


def posts_with_slug(site, slug: str) -> list[dict]:
    return rest_get(site, "/wp/v2/posts", slug=slug, status="publish,draft,future", context="edit")


NOW = dt.datetime(2026, 11, 29, 12, 0, tzinfo=dt.UTC)


def post_at(path: str | None, front: str = "", body: str = "Text.\n") -> Post:
    return parse_post(f"---\n{front}---\n\n{body}", Path(path) if path else None)


# -- slugs, without a server ----------------------------------------------------------------
def test_a_jekyll_date_is_not_part_of_the_slug():
    assert blog_slug(post_at("/d/2026-11-20-my-post.md", "title: Anything\n")) == "my-post"
    assert blog_slug(post_at("/d/2026-1-2-short.md")) == "short"
    # A name that is only a date keeps it: there is nothing else to call it.
    assert blog_slug(post_at("/d/2026-11-20.md", "title: x\n")) == "2026-11-20"


def test_latin_titles_are_transliterated_and_other_scripts_left_to_the_blog():
    assert latin_slug("Crème brûlée à l’hôpital") == "creme-brulee-a-lhopital"
    assert latin_slug("Straße, Øresund, Łódź") == "strasse-oresund-lodz"
    assert blog_slug(post_at(None, "title: Привет, мир\n")) == ""
    assert blog_slug(post_at("/d/привет.md", "title: Здравствуйте\n")) == ""
    assert blog_slug(post_at("/d/привет.md", "title: Ward news\n")) == "ward-news"


def test_the_slug_the_blog_gave_is_kept_when_the_title_or_file_name_changes():
    post = post_at("/d/renamed-later.md", "title: A new title\n")
    post.set("published", with_placement(post, "Ward Notes", Placement("7", "u", slug="first")))
    assert blog_slug(post, "Ward Notes") == "first"
    assert blog_slug(post, "Another blog") == "renamed-later"
    post.set("slug", "chosen-by-hand")  # the writer's own word still wins
    assert blog_slug(post, "Ward Notes") == "chosen-by-hand"


# -- status, without a server ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("front", "expected"),
    [
        ("status: draft\ndate: 2030-01-01\n", "draft"),
        ("", "draft"),
        ("status: whatever\n", "draft"),
        ("status: published\ndate: 2020-01-01\n", "publish"),
        ("status: published\ndate: 2030-01-01 10:00:00+00:00\n", "future"),
        ("status: scheduled\ndate: 2030-01-01 10:00:00+00:00\n", "future"),
    ],
)
def test_a_post_asks_for_no_more_than_its_own_status(front, expected):
    assert own_status(post_at("/d/p.md", front), NOW) == expected


def test_a_schedule_in_the_past_is_a_problem():
    past = post_at("/d/p.md", "date: 2026-11-01 09:00:00+00:00\n")
    assert "in the past" in schedule_problem(past, "future", NOW)
    assert "no date" in schedule_problem(post_at("/d/p.md"), "future", NOW)
    future = post_at("/d/p.md", "date: 2026-12-24 09:00:00+00:00\n")
    assert schedule_problem(future, "future", NOW) == ""
    assert schedule_problem(past, "publish", NOW) == ""


def test_term_names_compare_as_a_reader_reads_them():
    assert term_key("Q&amp;A") == term_key("q&a")
    assert term_key("&quot;Quoted&quot;") == term_key('"quoted"')
    assert term_key("Cafe\u0301") == term_key("Café")  # decomposed and composed é
    assert term_key("ЗДОРОВЬЕ") == term_key("здоровье")


# -- against the real WordPress -------------------------------------------------------------
TRICKY_TAGS = ["Q&A", 'Say "hello"', "a<b", "Здоровье", "VISITING", "Tom & Jerry's"]
TRICKY_CATEGORIES = ["R&D", "Новости больницы"]


def tag_ids(site, names_like: str) -> list[int]:
    return [t["id"] for t in rest_get(site, "/wp/v2/tags", search=names_like, per_page=100)]


def test_tricky_terms_match_existing_ones_and_a_second_publish_works(
    wordpress, rest_account, tmp_path
):
    # Terms already on the blog, as someone made them in its admin pages, another case.
    wordpress.php("wp_insert_term('visiting', 'post_tag'); wp_insert_term('здоровье', 'post_tag');")
    before = {t["id"] for t in rest_get(wordpress, "/wp/v2/tags", per_page=100)}
    terms = f"status: published\ntags: {TRICKY_TAGS!r}\ncategories: {TRICKY_CATEGORIES!r}\n"
    path = tmp_path / "tricky-terms.md"
    path.write_text(f"---\ntitle: Tricky terms\n{terms}---\n\nBody.\n", encoding="utf-8")
    post = parse_post(path.read_text(encoding="utf-8"), path)
    assert post.tags == TRICKY_TAGS
    first = publish_post(post, rest_account, make_publisher(rest_account, wordpress.app_password))
    [remote] = posts_with_slug(wordpress, "tricky-terms")
    tags = rest_get(wordpress, "/wp/v2/tags", include=",".join(map(str, remote["tags"])))
    by_key = {term_key(t["name"]): t["id"] for t in tags}
    assert len(remote["tags"]) == len(TRICKY_TAGS)
    existing = {t["name"]: t["id"] for t in rest_get(wordpress, "/wp/v2/tags", per_page=100)}
    assert by_key[term_key("VISITING")] == existing["visiting"]
    assert by_key[term_key("Здоровье")] == existing["здоровье"]

    # Again, with a publisher that remembers nothing (the next day, another process).
    from smugdesk.core.front_edit import set_values

    text = set_values(path.read_text(encoding="utf-8"), first.front).text
    again = publish_post(
        parse_post(text, path),
        rest_account,
        make_publisher(rest_account, wordpress.app_password),
    )
    assert again.remote.id == first.remote.id
    # And a new post with the same names: found, not made again.
    other = post_at(str(tmp_path / "tricky-again.md"), terms)
    publish_post(other, rest_account, make_publisher(rest_account, wordpress.app_password))
    [second] = posts_with_slug(wordpress, "tricky-again")
    assert sorted(second["tags"]) == sorted(remote["tags"])
    assert sorted(second["categories"]) == sorted(remote["categories"])
    after = {t["id"] for t in rest_get(wordpress, "/wp/v2/tags", per_page=100)}
    assert len(after - before) == len(TRICKY_TAGS) - 2  # two were there already


def test_a_downloaded_post_has_its_terms_as_typed(wordpress, rest_account, tmp_path):
    publisher = make_publisher(rest_account, wordpress.app_password)
    made = publisher.create(
        Payload("Terms home", "<p>x</p>", "draft", "terms-home", tags=["Q&A", "a<b"])
    )
    home = publisher.get(made.id)
    assert "Q&A" in home.tags  # not "Q&amp;A"


def test_the_slug_sent_has_no_jekyll_date_and_wordpress_keeps_it(wordpress, rest_account, tmp_path):
    post = post_at(str(tmp_path / "2026-11-20-night-rounds.md"), "title: Night rounds\n")
    publisher = make_publisher(rest_account, wordpress.app_password)
    made = publisher.create(Payload(post.title, "<p>x</p>", "publish", blog_slug(post)))
    assert made.slug == "night-rounds"
    assert posts_with_slug(wordpress, "night-rounds")


def test_a_cyrillic_title_gets_the_blogs_own_slug(wordpress, rest_account, tmp_path):
    post = post_at(str(tmp_path / "новости.md"), "title: Новости отделения\n")
    publisher = make_publisher(rest_account, wordpress.app_password)
    made = publisher.create(Payload(post.title, "<p>x</p>", "publish", blog_slug(post)))
    # WordPress made it from the title (percent-encoded UTF-8), not "post" or "-".
    assert urllib.parse.unquote(made.slug).casefold() == "новости-отделения"


def test_publishing_keeps_the_first_slug_after_the_title_and_file_change(
    wordpress, rest_account, tmp_path
):
    from smugdesk.core.front_edit import set_values

    path = tmp_path / "2026-11-21-ward-move.md"
    path.write_text("---\ntitle: The ward moves\nstatus: published\n---\n\nX.\n", "utf-8")
    publisher = make_publisher(rest_account, wordpress.app_password)
    first = publish_post(parse_post(path.read_text("utf-8"), path), rest_account, publisher)
    assert first.remote.slug == "ward-move"
    text = set_values(path.read_text("utf-8"), first.front).text
    recorded = placement(parse_post(text), "Ward Notes")
    assert (recorded.status, recorded.slug) == ("publish", "ward-move")
    renamed = tmp_path / "the-ward-moved-to-level-3.md"
    renamed.write_text(text.replace("The ward moves", "The ward moved to level 3"), "utf-8")
    second = publish_post(parse_post(renamed.read_text("utf-8"), renamed), rest_account, publisher)
    assert second.remote.slug == "ward-move"
    assert [p["id"] for p in posts_with_slug(wordpress, "ward-move")] == [int(first.remote.id)]

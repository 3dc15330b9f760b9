"""A blog's slug style and image size, set once in the Blogs dialog's defaults: the address
a new post gets on the real WordPress, and the size its images are made at."""

from __future__ import annotations

from pathlib import Path

from smugdesk.core.post import parse_post
from smugdesk.publish.blog_defaults import BlogDefaults, load_defaults, save_defaults
from smugdesk.publish.image_settings import DEFAULT_MAX_SIDE, blog_settings
from smugdesk.publish.publishing import publish_post
from smugdesk.publish.remote import make_publisher
from smugdesk.publish.slugs import blog_slug, short_slug

TITLE = "How the night shift at the children's ward uses video calls with families"


def post_at(path: str, front: str):
    return parse_post(f"---\n{front}---\n\nText.\n", Path(path))


def test_short_slugs_keep_the_words_that_carry_meaning():
    assert short_slug("how-the-night-shift-at-the-childrens-ward-uses-video-calls") == (
        "night-shift-childrens-ward-uses"
    )
    assert short_slug("the-end") == "end"
    assert short_slug("how-to-be") == "how-to-be"  # nothing but filler: kept whole


def test_the_style_applies_only_where_the_writer_and_the_blog_set_nothing():
    save_defaults("Ward Notes", BlogDefaults(slug_style="short"))
    save_defaults("Ward Diary", BlogDefaults(slug_style="blog"))
    post = post_at("/d/2026-01-02-how-the-night-shift-works.md", f"title: {TITLE}\n")
    assert blog_slug(post, "Ward Notes") == "night-shift-works"
    assert blog_slug(post, "Ward Diary") == ""  # the blog makes it
    assert blog_slug(post, "Other") == "how-the-night-shift-works"
    post.set("slug", "what-i-chose")
    assert blog_slug(post, "Ward Notes") == blog_slug(post, "Ward Diary") == "what-i-chose"


def test_a_hand_edited_defaults_file_with_nonsense_reads_as_no_default(tmp_path):
    from smugdesk.publish.blog_defaults import defaults_file

    defaults_file().parent.mkdir(parents=True, exist_ok=True)
    defaults_file().write_text(
        '{"Ward Notes": {"slug_style": "rm -rf", "image_size": true, "keep_metadata": "yes"},'
        ' "Ward Diary": {"image_size": -5}}',
        encoding="utf-8",
    )
    assert load_defaults("Ward Notes") == BlogDefaults()
    assert load_defaults("Ward Diary") == BlogDefaults()


def test_the_dialogs_image_size_wins_over_images_json():
    from smugdesk.core.config import config_dir

    config_dir().mkdir(parents=True, exist_ok=True)
    (config_dir() / "images.json").write_text(
        '{"Ward Notes": {"image_size": 1600, "shows_excerpts": true}}', encoding="utf-8"
    )
    assert blog_settings("Ward Notes").max_side == 1600
    save_defaults("Ward Notes", BlogDefaults(image_size=1200, keep_metadata=True))
    settings = blog_settings("Ward Notes")
    assert settings.max_side == 1200 and settings.keep_metadata
    assert blog_settings("Elsewhere").max_side == DEFAULT_MAX_SIDE


def test_wordpress_gets_the_short_address_or_makes_its_own(wordpress, rest_account, tmp_path):
    save_defaults(rest_account.name, BlogDefaults(slug_style="short"))
    path = tmp_path / "how-the-ward-uses-video-calls-with-families-at-night.md"
    path.write_text(f"---\ntitle: {TITLE}\n---\n\nBody.\n", encoding="utf-8")
    post = parse_post(path.read_text(encoding="utf-8"), path)
    made = publish_post(post, rest_account, make_publisher(rest_account, wordpress.app_password))
    assert made.remote.slug == "ward-uses-video-calls-families"

    save_defaults(rest_account.name, BlogDefaults(slug_style="blog"))
    other = tmp_path / "x-2.md"
    # Published: WordPress gives a draft no address of its own until then.
    other.write_text(
        "---\ntitle: Visiting hours change in December\nstatus: published\n---\n\nB.\n"
    )
    post = parse_post(other.read_text(encoding="utf-8"), other)
    made = publish_post(post, rest_account, make_publisher(rest_account, wordpress.app_password))
    # Nothing sent: WordPress made the address from the title, not from the file name "x-2".
    assert made.remote.slug == "visiting-hours-change-in-december"
    assert "visiting-hours-change-in-december" in made.remote.url

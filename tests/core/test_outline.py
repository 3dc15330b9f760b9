from smugdesk.core.outline import Heading, outline


def test_outline_reads_atx_and_setext_headings_outside_code():
    text = (
        "---\ntitle: T\n# not a heading: front matter\n---\n"
        "# Intro\n\nText\n\n## Why video ##\n\n```\n# comment in code\n```\n"
        "Results\n-------\n\n### \n"
    )
    assert outline(text) == [
        Heading(1, "Intro", 4),
        Heading(2, "Why video", 8),
        Heading(2, "Results", 13),
        Heading(3, "", 16),
    ]


def test_a_list_item_then_dashes_is_not_a_heading():
    assert outline("- item\n---\n") == []

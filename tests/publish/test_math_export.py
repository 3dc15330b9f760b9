"""Math in exports: the HTML page carries MathML; Hugo and Jekyll keep the writer's TeX for
a site's own math set-up unless the ``mathml`` option asks for MathML."""

from __future__ import annotations

from pathlib import Path

import pytest

from smugdesk.core.store import load_post
from smugdesk.publish.base import resolve_options
from smugdesk.publish.math_out import math_as_mathml
from smugdesk.publish.registry import registry

POST = """---
title: Relativity for nurses
date: 2026-06-01 22:00:00+02:00
---

Energy $E=mc^2$, prices $5 and $10, code `$x$`.

$$
\\frac{a}{b}
$$

```
$$ kept in code $$
```

A link in math: $\\href{javascript:alert(1)}{x}$
"""

SITES = {"hugo": "hugo.toml", "jekyll": "_config.yml"}


@pytest.fixture
def post(tmp_path) -> Path:
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    path = drafts / "relativity.md"
    path.write_text(POST, encoding="utf-8")
    return path


def export(name: str, post: Path, site: Path, **options) -> str:
    site.mkdir(exist_ok=True)
    if name in SITES:
        (site / SITES[name]).write_text("", encoding="utf-8")
    exporter = registry().get(name)
    result = exporter.export(load_post(post), site, resolve_options(exporter, options))
    return Path(result.location).read_text(encoding="utf-8")


def test_the_html_page_has_mathml_and_no_script(post, tmp_path):
    page = export("html", post, tmp_path / "out")
    assert '<math xmlns="http://www.w3.org/1998/Math/MathML" display="block">' in page
    assert "<msup><mi>c</mi><mn>2</mn></msup>" in page
    assert "prices $5 and $10" in page
    assert "javascript" not in page.lower()


@pytest.mark.parametrize("name", sorted(SITES))
def test_a_site_gets_the_tex_source_by_default(name, post, tmp_path):
    text = export(name, post, tmp_path / "site")
    assert "$E=mc^2$" in text and "$$\n\\frac{a}{b}\n$$" in text
    assert "<math" not in text


@pytest.mark.parametrize("name", sorted(SITES))
def test_a_site_without_math_set_up_gets_mathml(name, post, tmp_path):
    text = export(name, post, tmp_path / "site", mathml=True)
    assert (
        '<div class="math"><math xmlns="http://www.w3.org/1998/Math/MathML" display="block">'
        in text
    )
    assert "$E=mc^2$" not in text and "<msup><mi>c</mi><mn>2</mn></msup>" in text
    assert "prices $5 and $10" in text  # money is not math
    assert "`$x$`" in text and "$$ kept in code $$" in text  # code is code
    assert "javascript" not in text.lower()


def test_math_that_cannot_be_read_stays_tex():
    assert math_as_mathml("Half typed $\\left( x$.") == "Half typed $\\left( x$."

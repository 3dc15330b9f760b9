"""An image's markup in a line, read and written back with only its details changed."""

from __future__ import annotations

from smugdesk.core.asset_reuse import same_asset
from smugdesk.core.figures import Figure, parse_figure
from smugdesk.core.image_markup import ImageMarkup, image_at, image_markdown, images_in_line


def test_images_in_a_line_and_the_one_under_the_caret():
    line = 'See ![a \\] b](p.assets/x.png "Cap \\"q\\"") and ![](y.jpg){.align-left width=200 #k}.'
    first, second = images_in_line(line)
    assert first == ImageMarkup(4, 41, "a ] b", "p.assets/x.png", 'Cap "q"')
    assert line[first.start : first.end] == '![a \\] b](p.assets/x.png "Cap \\"q\\"")'
    assert (second.alt, second.src, second.align, second.width, second.other) == (
        "",
        "y.jpg",
        "left",
        200,
        "#k",
    )
    assert image_at(line, 0) is None
    assert image_at(line, 10) == first
    assert image_at(line, first.end) == first  # just after it, where a click lands too
    assert image_at(line, len(line) - 2) == second
    assert image_at("![spaced](<my photo.jpg>)", 3).src == "my photo.jpg"


def test_written_back_as_a_figure_keeping_what_it_does_not_set():
    written = image_markdown("Nurses", "p.assets/ward.jpg", "Night", "center", 480, "#k .wide")
    assert written == '![Nurses](p.assets/ward.jpg "Night"){.align-center width="480" #k .wide}'
    assert parse_figure(written) == Figure("Nurses", "p.assets/ward.jpg", "Night", "center", 480)
    assert image_markdown("Plain", "a.png") == "![Plain](a.png)"
    assert image_markdown("Plain", "a.png", other="#k") == "![Plain](a.png){#k}"
    assert image_markdown("S", "my photo.jpg") == "![S](<my photo.jpg>)"


def test_the_same_image_is_found_by_its_bytes(tmp_path):
    assets = tmp_path / "p.assets"
    assets.mkdir()
    (assets / "ward.jpg").write_bytes(b"\xff\xd8\xff" + b"1" * 500)
    (assets / "other.jpg").write_bytes(b"\xff\xd8\xff" + b"2" * 500)  # same size, other bytes
    (assets / "notes.txt").write_bytes(b"\xff\xd8\xff" + b"1" * 500)  # not an image
    camera = tmp_path / "DCIM"
    camera.mkdir()
    (camera / "IMG_0001.JPG").write_bytes(b"\xff\xd8\xff" + b"1" * 500)
    (camera / "IMG_0002.JPG").write_bytes(b"\xff\xd8\xff" + b"3" * 501)
    assert same_asset(camera / "IMG_0001.JPG", assets) == assets / "ward.jpg"
    assert same_asset(camera / "IMG_0002.JPG", assets) is None
    assert same_asset(assets / "other.jpg", assets) == assets / "other.jpg"
    assert same_asset(camera / "missing.jpg", assets) is None
    assert same_asset(camera / "IMG_0001.JPG", tmp_path / "no-such.assets") is None

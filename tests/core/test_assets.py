"""Images land in the post's own assets folder, under safe unique names; originals stay."""

from __future__ import annotations

from pathlib import Path

import pytest

from smugdesk.core.assets import (
    ImageError,
    assets_dir,
    import_image_bytes,
    import_image_file,
    sniff_image,
    suggest_alt_text,
)

PIXEL = (Path(__file__).parent.parent / "ui" / "pixel.png").read_bytes()


@pytest.fixture
def post(tmp_path) -> Path:
    path = tmp_path / "drafts" / "night-shift.md"
    path.parent.mkdir()
    path.write_text("---\ntitle: Night\n---\n", encoding="utf-8")
    return path


def test_import_copies_into_the_assets_folder_with_a_safe_unique_name(post, tmp_path):
    source = tmp_path / "Ward Photo (final) ✓.PNG"
    source.write_bytes(PIXEL)
    first = import_image_file(source, post)
    second = import_image_file(source, post)
    assert first == "night-shift.assets/ward-photo-final.png"
    assert second == "night-shift.assets/ward-photo-final-2.png"
    assert (post.parent / first).read_bytes() == PIXEL
    assert source.read_bytes() == PIXEL  # the original stays where it was
    assert assets_dir(post) == post.parent / "night-shift.assets"


def test_the_content_decides_the_type_not_the_name(post, tmp_path):
    disguised = tmp_path / "photo.jpg"
    disguised.write_bytes(PIXEL)
    assert import_image_file(disguised, post).endswith("photo.png")
    jpeg = tmp_path / "scan.jpeg"
    jpeg.write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 20)
    assert import_image_file(jpeg, post).endswith("scan.jpeg")


def test_non_images_and_missing_files_are_refused(post, tmp_path):
    text = tmp_path / "notes.png"
    text.write_text("not really a picture", encoding="utf-8")
    with pytest.raises(ImageError, match="not an image"):
        import_image_file(text, post)
    with pytest.raises(ImageError, match="cannot read"):
        import_image_file(tmp_path / "gone.png", post)
    assert not assets_dir(post).exists()


def test_pasted_bytes_are_stored(post):
    assert import_image_bytes(PIXEL, post) == "night-shift.assets/pasted-image.png"
    assert import_image_bytes(PIXEL, post) == "night-shift.assets/pasted-image-2.png"
    with pytest.raises(ImageError, match="no image"):
        import_image_bytes(b"plain text", post)


def test_sniff():
    assert sniff_image(PIXEL) == ".png"
    assert sniff_image(b"GIF89a...") == ".gif"
    assert sniff_image(b"RIFF\0\0\0\0WEBPVP8 ") == ".webp"
    assert sniff_image(b'<?xml version="1.0"?>\n<svg xmlns="x"/>') == ".svg"
    assert sniff_image(b"%PDF-1.7") is None


@pytest.mark.parametrize(
    ("name", "alt"),
    [
        ("IMG_2041.JPG", ""),
        ("DSC0001.jpg", ""),
        ("PXL_20260301_101010.jpg", ""),
        ("Screenshot 2026-03-01 101010.png", ""),
        ("nurses-station_at-night.png", "Nurses station at night"),
        ("ChancellorInterview.jpg", "Chancellor Interview"),
    ],
)
def test_alt_text_suggestions(name, alt):
    assert suggest_alt_text(name) == alt

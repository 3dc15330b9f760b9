"""What a site or a blog receives of a post's photos: real images made here with Pillow (a
phone photo with GPS, a serial number, an owner and a sideways orientation; a PNG with
transparency; a HEIC; a huge one), exported by every exporter and published to the real
WordPress, then read back with Pillow. Also the attacks: a decompression bomb, a truncated
JPEG, a PNG named .jpg, text named .jpg."""

from __future__ import annotations

import io
import struct
import time
import zlib
from pathlib import Path

import pytest
from PIL import Image

from smugdesk.core.post import parse_post
from smugdesk.core.store import load_post
from smugdesk.publish import image_prep
from smugdesk.publish.base import resolve_options
from smugdesk.publish.image_prep import (
    ImageCache,
    ImagePrepError,
    ImageSettings,
    prepare,
)
from smugdesk.publish.registry import registry

GPS = 0x8825
ORIENTATION = 0x0112
SERIAL = 0xA431
OWNER = 0x013B
RED = (220, 20, 20)


def phone_photo(path: Path, size=(4000, 3000), orientation: int = 6) -> Path:
    """A photo as a phone stores it: sideways pixels (a red band along the stored top)
    and the EXIF orientation that turns it upright, with GPS, serial and owner."""
    image = Image.new("RGB", size, (40, 90, 160))
    image.paste(RED, (0, 0, size[0], size[1] // 8))
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    exif[SERIAL] = "SN-0042-SECRET"
    exif[OWNER] = "Dr Ada Owner"
    exif[GPS] = {1: "N", 2: (52.0, 31.0, 12.0), 3: "E", 4: (13.0, 24.0, 0.0)}
    image.save(path, "JPEG", quality=90, exif=exif)
    return path


def assert_clean_and_upright(data: bytes, longest: int = 2048) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    exif = image.getexif()
    assert GPS not in exif and SERIAL not in exif and OWNER not in exif, dict(exif)
    assert b"SN-0042-SECRET" not in data and b"Ada Owner" not in data
    assert exif.get(ORIENTATION, 1) == 1
    assert max(image.size) <= longest
    # Orientation 6 turns the stored top edge to the right: the red band is on the right.
    if image.height > image.width:
        rgb = image.convert("RGB")
        right = rgb.getpixel((image.width - 3, image.height // 2))
        left = rgb.getpixel((3, image.height // 2))
        assert right[0] > 180 and left[0] < 100, (left, right)
    return image


def test_a_phone_photo_comes_out_upright_small_and_without_its_metadata(tmp_path):
    photo = phone_photo(tmp_path / "ward.jpg")
    started = time.perf_counter()
    ready = prepare(photo, ImageSettings())
    took = time.perf_counter() - started
    image = assert_clean_and_upright(ready.data)
    assert image.size == (1536, 2048)  # 4000×3000 stored sideways, long side 2048
    assert ready.name == "ward.jpg" and ready.mime == "image/jpeg"
    assert len(ready.data) < photo.stat().st_size
    assert "→" in ready.saving()
    assert took < 5, took  # benchmarks/images.py has the real figure
    assert photo.read_bytes()[:2] == b"\xff\xd8" and b"SN-0042-SECRET" in photo.read_bytes()


def test_kept_metadata_keeps_gps_and_marks_the_pixels_upright(tmp_path):
    photo = phone_photo(tmp_path / "ward.jpg", size=(1200, 900))
    ready = prepare(photo, ImageSettings(keep_metadata=True))
    exif = Image.open(io.BytesIO(ready.data)).getexif()
    assert exif.get_ifd(GPS)[1] == "N" and exif[SERIAL] == "SN-0042-SECRET"
    assert exif[ORIENTATION] == 1
    assert Image.open(io.BytesIO(ready.data)).size == (900, 1200)


def test_a_small_image_is_never_enlarged_and_a_limit_is_obeyed(tmp_path):
    photo = phone_photo(tmp_path / "small.jpg", size=(640, 480), orientation=1)
    assert Image.open(io.BytesIO(prepare(photo, ImageSettings()).data)).size == (640, 480)
    limited = prepare(photo, ImageSettings(max_side=320))
    assert Image.open(io.BytesIO(limited.data)).size == (320, 240)
    with pytest.raises(ImagePrepError, match="from 16 to 20000"):
        prepare(photo, ImageSettings(max_side=0))


def test_a_png_keeps_its_transparency_and_loses_its_text_chunks(tmp_path):
    from PIL import PngImagePlugin

    image = Image.new("RGBA", (3000, 1000), (0, 0, 0, 0))
    image.paste((10, 200, 10, 255), (0, 0, 1500, 1000))
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Dr Ada Owner")
    path = tmp_path / "chart.png"
    image.save(path, pnginfo=info)
    ready = prepare(path, ImageSettings())
    out = Image.open(io.BytesIO(ready.data))
    assert out.format == "PNG" and out.mode == "RGBA" and out.size == (2048, 683)
    assert out.getpixel((2000, 300))[3] == 0 and out.getpixel((100, 300))[3] == 255
    assert b"Ada Owner" not in ready.data


_heic_made: list[bytes] = []  # x265 is slow: one HEIC a test run


def heic_photo(path: Path) -> Path:
    pillow_heif = pytest.importorskip("pillow_heif")
    pillow_heif.register_heif_opener()
    if _heic_made:
        path.write_bytes(_heic_made[0])
        return path
    image = Image.new("RGB", (2100, 1400), (40, 90, 160))
    exif = Image.Exif()
    exif[GPS] = {1: "N", 2: (52.0, 31.0, 12.0), 3: "E", 4: (13.0, 24.0, 0.0)}
    exif[SERIAL] = "SN-0042-SECRET"
    try:
        image.save(path, format="HEIF", exif=exif.tobytes())
    except (OSError, KeyError, ValueError) as error:
        pytest.skip(f"pillow-heif cannot write HEIC here: {error}")
    _heic_made.append(path.read_bytes())
    return path


def test_a_heic_photo_becomes_a_jpeg_without_metadata(tmp_path):
    photo = heic_photo(tmp_path / "IMG_0001.heic")
    assert b"SN-0042-SECRET" in photo.read_bytes()
    ready = prepare(photo, ImageSettings())
    assert ready.name == "IMG_0001.jpg" and ready.mime == "image/jpeg"
    image = assert_clean_and_upright(ready.data)
    assert image.format == "JPEG" and image.size == (2048, 1365)


def bomb(path: Path, side: int = 40000) -> Path:
    """A real, small PNG whose header then claims side×side pixels (CRC made right)."""
    buffer = io.BytesIO()
    Image.new("L", (64, 64)).save(buffer, "PNG")
    data = bytearray(buffer.getvalue())
    ihdr = 8 + 8  # signature, then length and type of the first chunk
    data[ihdr : ihdr + 8] = struct.pack(">II", side, side)
    crc = zlib.crc32(bytes(data[12 : ihdr + 13]))
    data[ihdr + 13 : ihdr + 17] = struct.pack(">I", crc)
    path.write_bytes(bytes(data))
    return path


@pytest.mark.parametrize("side", [10000, 40000])  # over the limit, and over twice it
def test_a_decompression_bomb_is_refused_at_once(tmp_path, side):
    path = bomb(tmp_path / "bomb.png", side)
    started = time.perf_counter()
    with pytest.raises(ImagePrepError, match="pixels; refused"):
        prepare(path, ImageSettings())
    assert time.perf_counter() - started < 2


def test_a_truncated_jpeg_is_refused_and_its_gps_goes_nowhere(tmp_path):
    whole = phone_photo(tmp_path / "whole.jpg", size=(1600, 1200)).read_bytes()
    cut = tmp_path / "cut.jpg"
    cut.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(ImagePrepError, match="damaged or cut short"):
        prepare(cut, ImageSettings())


def test_a_png_named_jpg_is_sent_as_the_png_it_is(tmp_path):
    path = tmp_path / "photo.jpg"
    Image.new("RGBA", (50, 40), (1, 2, 3, 128)).save(path, "PNG")
    ready = prepare(path, ImageSettings())
    assert ready.name == "photo.png" and ready.mime == "image/png"
    assert Image.open(io.BytesIO(ready.data)).format == "PNG"


def test_a_file_whose_first_bytes_lie_is_refused(tmp_path):
    path = tmp_path / "fake.jpg"
    path.write_bytes(b"\xff\xd8\xff" + b"not really a jpeg at all " * 40)
    with pytest.raises(ImagePrepError):
        prepare(path, ImageSettings())


def test_the_cache_makes_a_second_run_process_nothing(tmp_path, monkeypatch):
    photo = phone_photo(tmp_path / "ward.jpg", size=(3000, 2000))
    cache = ImageCache(tmp_path / "cache")
    first = prepare(photo, ImageSettings(), cache)
    assert first.processed

    def refuse(*_args, **_kwargs):
        raise AssertionError("processed again although cached")

    monkeypatch.setattr(image_prep, "process", refuse)
    second = prepare(photo, ImageSettings(), cache)
    assert not second.processed and second.data == first.data
    with pytest.raises(AssertionError):  # other settings are another image
        prepare(photo, ImageSettings(max_side=1000), cache)


def test_the_dialog_line_says_a_photo_records_where_it_was_taken(tmp_path):
    from smugdesk.publish.image_prep import describe

    said = describe(phone_photo(tmp_path / "ward.jpg", size=(800, 600)))
    assert said.startswith("800×600, ") and "records where it was taken (GPS)" in said
    plain = tmp_path / "plain.jpg"
    Image.new("RGB", (64, 48)).save(plain)
    assert describe(plain).startswith("64×48, ") and "GPS" not in describe(plain)
    assert "will not be sent" in describe(bomb(tmp_path / "bomb.png"))
    (tmp_path / "words.jpg").write_text("words", encoding="utf-8")
    assert describe(tmp_path / "words.jpg") == ""


def test_large_photos_are_made_in_another_process_small_ones_here(tmp_path, monkeypatch):
    """Pillow holds the GIL through an encode: a large photo made in the app's process
    would stall the window. Here this process cannot make one at all, yet both arrive."""
    from smugdesk.publish.image_prep import prepare_all

    large = phone_photo(tmp_path / "large.jpg", size=(2400, 1800))
    small = phone_photo(tmp_path / "small.jpg", size=(1200, 900))
    here: list[str] = []
    real = image_prep.process

    def only_small(data, settings, name="the image"):
        here.append(name)
        return real(data, settings, name)

    monkeypatch.setattr(image_prep, "process", only_small)
    made, failed = prepare_all([large, small], ImageSettings())
    assert failed == {} and set(made) == {large, small}
    assert here == ["small.jpg"]
    assert_clean_and_upright(made[large].data)


def test_cancel_stops_the_preparation(tmp_path):
    from smugdesk.publish.image_prep import prepare_all

    photos = [phone_photo(tmp_path / f"p{n}.jpg", size=(1000, 800)) for n in range(3)]
    asked = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 1  # the writer cancels after the first photo

    made, failed = prepare_all(photos, ImageSettings(), cancelled=cancelled)
    assert list(made) == photos[:1] and failed == {}


def test_a_damaged_cache_entry_is_made_again(tmp_path):
    photo = phone_photo(tmp_path / "ward.jpg", size=(800, 600))
    cache = ImageCache(tmp_path / "cache")
    prepare(photo, ImageSettings(), cache)
    for entry in (tmp_path / "cache").glob("*.bin"):
        entry.write_bytes(b"tampered")
    again = prepare(photo, ImageSettings(), cache)
    assert again.processed and Image.open(io.BytesIO(again.data)).format == "JPEG"


# -- what reaches a site folder ----------------------------------------------------------


@pytest.fixture
def photo_post(tmp_path) -> Path:
    drafts = tmp_path / "drafts"
    assets = drafts / "night.assets"
    assets.mkdir(parents=True)
    phone_photo(assets / "ward.jpg")
    Image.new("RGBA", (300, 200), (0, 0, 0, 0)).save(assets / "logo.png")
    (assets / "broken.jpg").write_bytes(phone_photo(tmp_path / "x.jpg").read_bytes()[:5000])
    (assets / "words.jpg").write_text("not an image\n", encoding="utf-8")
    post = drafts / "night.md"
    post.write_text(
        "---\ntitle: Night\ndate: 2026-03-01\n---\n\n"
        "![The ward](night.assets/ward.jpg)\n\n![Logo](night.assets/logo.png)\n\n"
        "![Cut](night.assets/broken.jpg)\n\n![Words](night.assets/words.jpg)\n",
        encoding="utf-8",
    )
    return post


def export(name: str, post: Path, site: Path, **options):
    exporter = registry().get(name)
    return exporter.export(load_post(post), site, resolve_options(exporter, options))


@pytest.mark.parametrize("name", ["html", "jekyll", "hugo", "pelican"])
def test_what_reaches_the_site_is_upright_small_and_clean(name, photo_post, tmp_path):
    site = tmp_path / "site"
    result = export(name, photo_post, site)
    photos = [p for p in site.rglob("ward*.jpg") if not p.stem.endswith("-1024w")]
    assert len(photos) == 1, photos
    image = assert_clean_and_upright(photos[0].read_bytes())
    assert image.size == (1536, 2048)
    assert not b"".join(p.read_bytes() for p in site.rglob("*") if p.is_file()).count(
        b"SN-0042-SECRET"
    )
    logo = next(site.rglob("logo.png"))
    assert Image.open(logo).mode == "RGBA"
    notes = "\n".join(result.notes)
    assert "broken.jpg is damaged or cut short" in notes
    assert "words.jpg: not an image" in notes
    assert "images: 2 images" in notes and "→" in notes
    assert not list(site.rglob("broken.jpg")), "a damaged image is not copied raw"


def test_a_site_setting_limits_the_size_and_a_second_export_processes_nothing(photo_post, tmp_path):
    site = tmp_path / "site"
    first = export("hugo", photo_post, site, image_size="1000")
    photo = next(site.rglob("ward.jpg"))
    assert Image.open(photo).size == (750, 1000)
    assert "from the cache" not in "\n".join(first.notes)
    cached = sorted((tmp_path / "cache" / "smugdesk" / "images").glob("*.bin"))
    assert len(cached) == 2  # the photo and the logo; the damaged one is not kept
    stamps = [entry.stat().st_mtime_ns for entry in cached]
    again = export("hugo", photo_post, site, image_size="1000")
    assert "images: 2 images" in "\n".join(again.notes)
    assert "2 from the cache" in "\n".join(again.notes)
    assert [entry.stat().st_mtime_ns for entry in cached] == stamps  # nothing made again
    assert Image.open(photo).size == (750, 1000)


def test_the_writer_keeps_one_photos_metadata(photo_post, tmp_path):
    text = photo_post.read_text(encoding="utf-8")
    photo_post.write_text(text.replace("title: Night", "title: Night\nkeep_metadata: [ward.jpg]"))
    site = tmp_path / "site"
    export("jekyll", photo_post, site, keep_metadata="false")
    photo = next(site.rglob("ward.jpg"))
    assert Image.open(photo).getexif().get_ifd(GPS)[1] == "N"
    post_file = next((site / "_posts").glob("*.md")).read_text(encoding="utf-8")
    assert "keep_metadata" not in post_file  # smugdesk's own setting stays home


def test_a_heic_photo_reaches_the_site_as_jpeg_and_the_link_follows(tmp_path):
    drafts = tmp_path / "drafts"
    (drafts / "p.assets").mkdir(parents=True)
    heic_photo(drafts / "p.assets" / "IMG_0001.heic")
    phone_photo(drafts / "p.assets" / "IMG_0001.jpg", size=(800, 600), orientation=1)
    post = drafts / "p.md"
    post.write_text(
        "---\ntitle: P\ndate: 2026-03-01\n---\n\n![a](p.assets/IMG_0001.heic)\n\n"
        "![b](p.assets/IMG_0001.jpg)\n",
        encoding="utf-8",
    )
    site = tmp_path / "site"
    export("hugo", post, site)
    bundle = site / "content" / "posts" / "p"
    index = (bundle / "index.md").read_text(encoding="utf-8")
    assert "(IMG_0001.jpg)" in index and "(IMG_0001-2.jpg)" in index and ".heic" not in index
    sizes = sorted(Image.open(p).size for p in bundle.glob("*.jpg"))
    assert sizes == [(800, 600), (2048, 1365)]


def test_an_html_page_in_the_posts_own_folder_never_overwrites_an_original(tmp_path):
    drafts = tmp_path / "drafts"
    (drafts / "p.assets").mkdir(parents=True)
    original = phone_photo(drafts / "p.assets" / "ward.jpg", size=(900, 600)).read_bytes()
    post = drafts / "p.md"
    post.write_text("---\ntitle: P\n---\n\n![a](p.assets/ward.jpg)\n", encoding="utf-8")
    result = export("html", post, drafts)
    assert (drafts / "p.assets" / "ward.jpg").read_bytes() == original
    assert any("linked as it is" in note for note in result.notes)


# -- what reaches the real WordPress's media library ----------------------------------------


def test_the_media_library_gets_a_clean_upright_photo_once(wordpress, rest_account, tmp_path):
    from smugdesk.core.front_edit import set_values
    from smugdesk.publish.publishing import publish_post
    from smugdesk.publish.remote import make_publisher

    assets = tmp_path / "gps-photo.assets"
    assets.mkdir()
    phone_photo(assets / "gpsward.jpg")
    heic = heic_photo(assets / "gpsheic.heic")
    text = (
        "---\ntitle: Where the ward is\nstatus: draft\n---\n\n"
        f"![Ward](gps-photo.assets/gpsward.jpg)\n\n![Phone](gps-photo.assets/{heic.name})\n"
    )
    path = tmp_path / "gps-photo.md"
    path.write_text(text, encoding="utf-8")
    publisher = make_publisher(rest_account, wordpress.app_password, timeout=30)
    outcome = publish_post(parse_post(text, path), rest_account, publisher)
    assert outcome.uploaded == 2
    assert any(note.startswith("images: 2 images, ") and "→" in note for note in outcome.notes)
    uploads = wordpress.folder / "wp-content" / "uploads"
    originals = [p for p in uploads.rglob("gps*.jpg") if "x" not in p.stem.split("-")[-1]]
    names = sorted(p.name for p in originals)
    assert names == ["gpsheic.jpg", "gpsward.jpg"], names
    for stored in originals:
        assert_clean_and_upright(stored.read_bytes())
    assert Image.open(uploads.rglob("gpsward.jpg").__next__()).size == (1536, 2048)

    again = publish_post(
        parse_post(set_values(text, outcome.front).text, path), rest_account, publisher
    )
    assert again.uploaded == 0
    assert (
        len([p for p in uploads.rglob("gpsward*.jpg") if p.stem in ("gpsward", "gpsward-1")]) == 1
    )


def test_the_html_page_gets_sizes_and_a_narrower_file_for_phones(tmp_path):
    import re

    drafts = tmp_path / "drafts"
    (drafts / "p.assets").mkdir(parents=True)
    phone_photo(drafts / "p.assets" / "ward.jpg", size=(3000, 2000), orientation=1)
    Image.new("RGB", (300, 200)).save(drafts / "p.assets" / "icon.png")
    post = drafts / "p.md"
    post.write_text(
        "---\ntitle: P\n---\n\n![Ward](p.assets/ward.jpg)\n\n![Icon](p.assets/icon.png)\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    export("html", post, out)
    page = (out / "p.html").read_text(encoding="utf-8")
    [ward] = re.findall(r"<img[^>]*ward[^>]*>", page)
    assert 'width="2048" height="1365"' in ward
    assert 'srcset="p.assets/ward-1024w.jpg 1024w, p.assets/ward.jpg 2048w"' in ward
    assert 'sizes="' in ward
    narrow = out / "p.assets" / "ward-1024w.jpg"
    assert Image.open(narrow).size == (1024, 683)
    assert_clean_and_upright(narrow.read_bytes())
    [icon] = re.findall(r"<img[^>]*icon[^>]*>", page)
    assert 'width="300" height="200"' in icon and "srcset" not in icon
    assert not (out / "p.assets" / "icon-1024w.png").exists()

"""The README's pictures of tabs and of Share on Bluesky, taken from the real app on a real
(virtual) X11 screen.

    python scripts/doc_screenshots.py [DOCS_FOLDER]

Writes DOCS_FOLDER/screenshot-tabs.png (three posts open in tabs, the shown one with its
front matter folded under the details form) and DOCS_FOLDER/screenshot-share-bluesky.png
(the Share on Bluesky dialog of a post that is live on a blog); DOCS_FOLDER is docs/ by
default. The posts, their cover picture and the accounts are made for the occasion in a
temporary home (XDG_CONFIG_HOME, XDG_DATA_HOME, XDG_CACHE_HOME, XDG_STATE_HOME point into it),
so nothing of this machine's settings, posts or keyring is read or changed. The dialog
itself sends nothing: only its Share button would reach Bluesky, and no password is given.
Uses scripts/screenshot.py's Xvfb set-up; exits non-zero if a picture is blank or does not
show what it is for (the folded front matter, English plurals in the counter).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from screenshot import ROOT, SIZE, start_xvfb

BLOG = "Bedside Signal"
BLOG_URL = "https://bedsidesignal.example"
LIVE_LINK = f"{BLOG_URL}/2026/11/patient-questions/"
COVER = "images/questions-by-month.png"
# Questions that reached the hospital's Instagram inbox, December to November.
MONTHS = ["Dec", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov"]
QUESTIONS = [61, 74, 80, 96, 88, 102, 95, 110, 104, 121, 132, 141]

# The three posts open in tabs, the first of them shown and shared; then two more that the
# library lists. Written for these pictures: a hospital communications lead's blog.
POSTS = {
    "patient-questions.md": f"""---
title: What 1,200 patient questions taught our team
date: 2026-11-24 07:45:00+00:00
tags: [patients, instagram, listening]
categories: [community]
status: published
summary: A year of answering the messages patients send our Instagram account, and the \
three questions that came back every single week.
image: {COVER}
published:
  {BLOG}: {{id: "412", url: "{LIVE_LINK}", time: "2026-11-24T07:46:05Z", status: publish, \
slug: patient-questions}}
---

Since last December, two of us have read every message that reaches the hospital's \
Instagram account before ten each morning, and we kept a tally of what people asked.

![Questions per month, December to November]({COVER})

## What people asked most

1. **Parking**: where, how much, and whether the machine takes cards.
2. **Visiting**: who may come to the ward, and when.
3. **Results**: which we never discuss in a message, and always say why.

> "I didn't know I could just ask." (a reply we got in March)

The third one matters most. A direct message is no place for test results, so every \
answer points to the [patient portal]({BLOG_URL}/portal/) and to the clinic's own phone \
line, with its opening hours.

**Next:** in January we start the same tally on our Facebook page.
""",
    "nurses-on-instagram.md": """---
title: Five rules for nurses who post from work
date: 2026-12-03 09:00:00+00:00
tags: [staff, guidelines]
categories: [policy]
status: draft
summary: "What our nurses asked us for: a page of plain rules, not a forty-page policy."
---

Our nurses asked for one page of rules they can keep in mind on a night shift. Here is \
the draft we are taking to the ward managers:

1. No patient in the picture, not even from behind.
2. No screens, whiteboards or wristbands in the frame.
3. Say that you work here, and that the views are your own.
4. A colleague in the photo says yes first.
5. When in doubt, send it to us before you post it.
""",
    "alt-text.md": """---
title: Alt text for a hospital feed
date: 2026-12-10 08:30:00+00:00
tags: [accessibility]
categories: [how we work]
status: draft
---

Every picture we post gets a description, written by whoever took the photo. A good one \
says what a patient would need to know: *which entrance*, *which lift*, *which desk*.
""",
    "flu-shot-reel.md": """---
title: Our flu-shot reel, frame by frame
date: 2026-12-01 08:00:00+00:00
tags: [video, vaccination]
status: scheduled
---

Thirty seconds, one pharmacist, no music: why the plainest video did best.
""",
    "2025/sunday-ads.md": """---
title: Why we stopped buying ads on Sundays
date: 2025-06-14 10:00:00+01:00
tags: [advertising]
status: published
---

Nobody books a check-up on a Sunday afternoon, and our numbers said so.
""",
}


def parent(docs: Path) -> int:
    server, display = start_xvfb()
    home = tempfile.mkdtemp(prefix="smugdesk-docshots-")
    # A writer in London (the times shown are the same on any machine).
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", TZ="Europe/London")
    for name in ("XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        env[name] = os.path.join(home, name.lower())
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        env.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")  # Chromium refuses root otherwise
    try:
        command = [sys.executable, __file__, "--child", str(docs), os.path.join(home, "drafts")]
        return subprocess.run(command, env=env, timeout=90).returncode
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(home, ignore_errors=True)


def write_samples(drafts: Path) -> list[Path]:
    """The posts, the cover picture and the accounts (a blog and a Bluesky account: no
    password, nothing in the keyring). Returns the posts to open in tabs."""
    from smugdesk.core.accounts import Account, save_accounts

    for name, text in POSTS.items():
        path = drafts / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    draw_cover(drafts / COVER)
    save_accounts(
        [
            Account(BLOG, "wordpress", BLOG_URL, "dana"),
            # A PDS address where nothing answers: should the dialog ever reach out when it
            # opens, that fails at once, and never touches the real Bluesky.
            Account("Dana on Bluesky", "bluesky", "http://127.0.0.1:9", "dana-okafor.bsky.social"),
        ]
    )
    return [drafts / name for name in list(POSTS)[:3]]


def draw_cover(path: Path) -> None:
    """The live post's cover: its questions per month, as a bar chart. Everything stays
    in the middle band that the dialog's wider link card keeps of a 1.91:1 picture."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter

    width, height = 1200, 630
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#f4f1ea"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    title = QFont("DejaVu Sans", 30, QFont.Weight.Bold)
    painter.setFont(title)
    painter.setPen(QColor("#1d3b53"))
    painter.drawText(QRectF(70, 98, width - 140, 60), "Patient questions on Instagram, per month")
    left, bottom, top = 70, 500, 225
    step = (width - 2 * left) / len(MONTHS)
    label = QFont("DejaVu Sans", 18)
    for index, (month, count) in enumerate(zip(MONTHS, QUESTIONS, strict=True)):
        bar = (bottom - top) * count / max(QUESTIONS)
        x = left + index * step + step * 0.15
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#2a7f8f" if index < len(MONTHS) - 1 else "#e07a3f"))
        painter.drawRoundedRect(QRectF(x, bottom - bar, step * 0.7, bar), 6, 6)
        painter.setPen(QColor("#1d3b53"))
        painter.setFont(label)
        painter.drawText(
            QRectF(x - 10, bottom + 10, step * 0.7 + 20, 40), Qt.AlignmentFlag.AlignHCenter, month
        )
        painter.drawText(
            QRectF(x - 10, bottom - bar - 36, step * 0.7 + 20, 34),
            Qt.AlignmentFlag.AlignHCenter,
            str(count),
        )
    painter.end()
    path.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(path)):
        raise SystemExit(f"doc_screenshots: cannot write {path}")


def child(docs: Path, drafts: Path) -> int:
    from PySide6.QtCore import QLocale, QTimer
    from PySide6.QtGui import QGuiApplication, QImage

    from smugdesk.ui.application import create_application
    from smugdesk.ui.main_window import MainWindow
    from smugdesk.ui.share_actions import open_share_dialog

    # The same pictures on any machine: an English-speaking writer ("en" in the dialog).
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    app = create_application()
    posts = write_samples(drafts)
    window = MainWindow(drafts)
    window.setGeometry(0, 0, *SIZE)
    window.show()
    for post in posts:
        window.open_path(post)
    shown = window.tabs.find(posts[0])
    window.tabs.show(shown)
    outcome = {"code": 2}
    problems: list[str] = []
    started = time.monotonic()

    def blank(image: QImage) -> bool:
        colours = {
            image.pixel(x, y)
            for x in range(0, image.width(), 16)
            for y in range(0, image.height(), 16)
        }
        return len(colours) < 16

    def save(image: QImage, name: str) -> None:
        out = docs / name
        out.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(out)):
            problems.append(f"{out} could not be written")
        print(f"doc_screenshots: {out} {image.width()}x{image.height()}")
        if blank(image):
            problems.append(f"{name} is blank")

    def step(work):
        """A step on the event loop: a step that fails ends the run, never hangs it."""

        def run() -> None:
            try:
                work()
            except Exception:  # any failure is reported, then the app ends
                traceback.print_exc()
                problems.append(f"{work.__name__} failed")
                finish()

        return run

    def wait_for_preview() -> None:
        if not window.preview_is_current and time.monotonic() - started < 40:
            QTimer.singleShot(100, step(wait_for_preview))
            return
        if not window.preview_is_current:
            problems.append("the preview never showed the post")
        # A moment for the web view's compositor to put the page on screen.
        QTimer.singleShot(800, step(shoot_tabs))

    def shoot_tabs() -> None:
        editor = shown.editor
        if len(window.documents) != 3:
            problems.append(f"{len(window.documents)} tabs open, not 3")
        if not editor.front_matter_folded:
            problems.append("the front matter is not folded")
        marker = editor.front_fold.marker_text()
        if "(s)" in marker:
            problems.append(f"the fold line reads {marker!r}")
        save(QGuiApplication.primaryScreen().grabWindow(0).toImage(), "screenshot-tabs.png")
        state["dialog"] = open_share_dialog(window)
        if state["dialog"] is None:
            problems.append("no Share on Bluesky dialog")
            finish()
            return
        QTimer.singleShot(500, step(shoot_share))

    def shoot_share() -> None:
        dialog = state["dialog"]
        counter = dialog.counter.text()
        if not counter.endswith(" characters left"):
            problems.append(f"the counter reads {counter!r}")
        if dialog.card_picture.pixmap().isNull():
            problems.append("the link card has no picture")
        save(dialog.grab().toImage(), "screenshot-share-bluesky.png")
        finish()

    def finish() -> None:
        if state["finished"]:
            return
        state["finished"] = True
        if state["dialog"] is not None:
            state["dialog"].reject()  # lets go of the post's tab, as Cancel does
        for problem in problems:
            print(f"doc_screenshots: {problem}")
        outcome["code"] = 1 if problems else 0
        for document in window.documents:
            document.editor.document().setModified(False)
        window.close()
        QTimer.singleShot(5000, app.quit)  # should the window not close

    def too_slow() -> None:
        problems.append("no pictures after 60 s")
        finish()

    state = {"dialog": None, "finished": False}
    QTimer.singleShot(60_000, too_slow)
    QTimer.singleShot(200, step(wait_for_preview))
    app.exec()
    return outcome["code"]


if __name__ == "__main__":
    arguments = sys.argv[1:]
    if arguments and arguments[0] == "--child":
        sys.exit(child(Path(arguments[1]), Path(arguments[2])))
    if arguments and arguments[0].startswith("-"):
        sys.exit(__doc__)
    folder = Path(arguments[0]) if arguments else ROOT / "docs"
    sys.exit(parent(folder.absolute()))

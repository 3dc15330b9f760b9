"""Edit-to-preview with the blog theme on and off, in one run (the same window, the same
documents, the plain page and the theme alternated), as ``preview_latency.py`` measures it.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/theme_preview.py THEME_FOLDER [WORDS ...]

THEME_FOLDER is a captured theme (publish/theme_capture.py: capture_wordpress(url, folder),
or capture_site(kind, site, folder)). Default sizes: 2,000 and 20,000 words.
SMUGDESK_BENCH_ROUNDS=N alternates the two looks N times per size (ABBA order).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import preview_latency as bench

from smugdesk.publish.theme_capture import load_theme
from smugdesk.ui.application import create_application
from smugdesk.ui.main_window import MainWindow
from smugdesk.ui.preview import WORLD
from smugdesk.ui.preview_style import ThemeStyle


def use(window: MainWindow, style) -> None:
    view = window.preview.view
    view.set_page_style(style)
    # The page is rebuilt: ready once it has loaded and shows the editor's text again.
    bench.wait_until(lambda: view._ready and view._waiting is None and window.preview_is_current)
    box: dict = {}
    shown = "document.body.dataset.generation || ''"
    while not box.get("v"):
        box.clear()
        view.page().runJavaScript(shown, WORLD, lambda value: box.update(v=value))
        bench.wait_until(lambda: "v" in box)


def main() -> None:
    theme = load_theme(Path(sys.argv[1]))
    if theme is None:
        sys.exit(f"no captured theme in {sys.argv[1]}")
    sizes = [int(arg) for arg in sys.argv[2:]] or [2000, 20000]
    app = create_application()
    window = MainWindow(Path(tempfile.mkdtemp()))
    window.resize(1280, 800)
    window.show()
    bench.wait_until(lambda: window.preview_is_current and window.preview.view is not None)
    style = ThemeStyle(theme.folder, theme.name)
    rounds = int(os.environ.get("SMUGDESK_BENCH_ROUNDS", "1"))
    looks = [("plain", None), (f"theme ({theme.name})", style)]
    for words in sizes:
        for round_number in range(rounds):
            # Alternated, and the other way round each round: a machine that gets busier
            # during a run weighs on both looks alike.
            for label, chosen in looks if round_number % 2 == 0 else looks[::-1]:
                use(window, chosen)
                print(f"{label:>24}: ", end="", flush=True)
                bench.measure(window, words)
    window.editor.document().setModified(False)
    window.close()
    app.processEvents()
    sys.stdout.flush()
    os._exit(0)  # QtWebEngine's teardown at interpreter exit adds nothing to measure


if __name__ == "__main__":
    main()

"""Every visible string can be translated: the template is current, and a translation is
loaded for the user's language."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale

from smugdesk.ui.translations import install_translations

ROOT = Path(__file__).parent.parent.parent
TOOLS = Path(sys.executable).parent


def sources(ts: Path) -> set[str]:
    return set(re.findall(r"<source>(.*?)</source>", ts.read_text(encoding="utf-8"), re.S))


def test_the_committed_template_has_every_string(tmp_path):
    fresh = tmp_path / "fresh.ts"
    files = sorted(str(path) for path in (ROOT / "smugdesk" / "ui").rglob("*.py"))
    subprocess.run(
        [TOOLS / "pyside6-lupdate", *files, "-ts", fresh], check=True, capture_output=True
    )
    missing = sources(fresh) - sources(ROOT / "resources" / "translations" / "smugdesk.ts")
    assert not missing, f"run 'make translations': {sorted(missing)[:5]}"
    assert len(sources(fresh)) > 200


def test_a_translation_for_the_users_language_is_used(qapp, tmp_path):
    ts = tmp_path / "smugdesk_de.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="de">'
        "<context><name>MainWindow</name><message><source>&amp;File</source>"
        "<translation>&amp;Datei</translation></message></context>"
        "<context><name>LibraryPane</name><message><source>Newest first</source>"
        "<translation>Neueste zuerst</translation></message></context></TS>",
        encoding="utf-8",
    )
    subprocess.run([TOOLS / "pyside6-lrelease", ts], check=True, capture_output=True)
    installed = install_translations(qapp, QLocale("de_DE"), tmp_path)
    try:
        assert QCoreApplication.translate("MainWindow", "&File") == "&Datei"
        from smugdesk.ui.library_pane import LibraryPane

        pane = LibraryPane()
        assert pane.sort.itemText(0) == "Neueste zuerst"
        pane.deleteLater()
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


def test_every_count_has_its_english_plural_forms():
    """No "1 word(s)": each message with "(s)" has its singular and plural in English."""
    text = (ROOT / "resources" / "translations" / "smugdesk_en.ts").read_text(encoding="utf-8")
    messages = re.findall(r"<message[^>]*>.*?</message>", text, re.S)
    counted = [m for m in messages if re.search(r"<source>[^<]*\((?:s|es)\)", m)]
    assert counted
    lacking = [re.search(r"<source>(.*?)</source>", m).group(1) for m in counted]
    lacking = [s for s, m in zip(lacking, counted, strict=True) if "<numerusform>" not in m]
    assert not lacking, f"run 'make translations': {lacking[:5]}"

"""Write resources/translations/smugdesk_en.ts: English plural forms for every message that
takes a count (``tr("%s post(s)", "", n)``), so the app says "1 post" and "2 posts", never
"post(s)". Other messages stay untranslated (Qt shows their source text).

Run after ``make translations`` (which updates smugdesk.ts and compiles *.ts to *.qm):
    .venv/bin/python scripts/english_plurals.py && make translations
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as etree
from pathlib import Path

FOLDER = Path(__file__).resolve().parent.parent / "resources" / "translations"
IRREGULAR = {"(s) were": (" was", "s were"), "(es)": ("", "es"), "(s)": ("", "s")}
# lupdate marks a message numerus only for tr(text, "", n), not for
# QCoreApplication.translate(context, text, "", n): every message with "(s)" takes a count
# (tests/ui/test_translations.py holds the sources to that), so each is made numerus.
_OPTIONAL = re.compile(r"\((?:s|es)\)(?: were)?")


def forms(source: str) -> tuple[str, str]:
    """The singular and plural of ``source``: ``%n post(s) were kept`` → ``%n post was
    kept`` and ``%n posts were kept``."""

    def pick(index: int):
        def choose(match: re.Match) -> str:
            text = match.group(0)
            if text.endswith(" were"):
                return IRREGULAR["(s) were"][index]
            return IRREGULAR[text][index]

        return choose

    return _OPTIONAL.sub(pick(0), source), _OPTIONAL.sub(pick(1), source)


def english(template: Path) -> bytes:
    tree = etree.parse(template)
    root = tree.getroot()
    root.set("language", "en")
    for message in root.iter("message"):
        if _OPTIONAL.search(message.findtext("source", "")):
            message.set("numerus", "yes")
    for message in root.iter("message"):
        translation = message.find("translation")
        if message.get("numerus") != "yes":
            continue
        singular, plural = forms(message.findtext("source", ""))
        for child in list(translation):
            translation.remove(child)
        translation.attrib.pop("type", None)
        translation.text = None
        for text in (singular, plural):
            etree.SubElement(translation, "numerusform").text = text
    etree.indent(tree)
    return b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + etree.tostring(
        root, encoding="utf-8", xml_declaration=False
    )


def main() -> int:
    (FOLDER / "smugdesk_en.ts").write_bytes(english(FOLDER / "smugdesk.ts"))
    return 0


if __name__ == "__main__":
    sys.exit(main())

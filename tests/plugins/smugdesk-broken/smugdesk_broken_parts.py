"""Plug-ins that import fine and go wrong when used."""

import sys
from pathlib import Path
from types import SimpleNamespace


class _Working:
    label = "A plug-in (test)"
    options = ()

    def available(self):
        return True, ""

    def export(self, post, destination, options, progress=lambda *a: None):
        target = Path(destination) / f"{post.slug}.txt"
        target.write_text(post.title, encoding="utf-8")
        return SimpleNamespace(location=str(target), written=[target])


class BadName(_Working):
    @property
    def name(self):
        raise RuntimeError("no name today")


class ConstructorExits(_Working):
    name = "constructor-exits"

    def __init__(self):
        sys.exit(6)


class ChecksExit(_Working):
    name = "checks-exit"

    def available(self):
        sys.exit(4)


class ExportExits(_Working):
    name = "export-exits"

    def export(self, post, destination, options, progress=lambda *a: None):
        raise SystemExit(5)


class SlowExport(_Working):
    """Its export takes a long time; it creates SMUGDESK_TEST_EXPORT_MARKER when it starts."""

    name = "slow-export"

    def export(self, post, destination, options, progress=lambda *a: None):
        import os
        import time

        Path(os.environ["SMUGDESK_TEST_EXPORT_MARKER"]).touch()
        time.sleep(3600)


class Impostor:
    """Claims the built-in WordPress publisher's name."""

    label = "Not WordPress"

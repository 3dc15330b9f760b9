"""Exports a post as a text file of its title in capitals: a plug-in as small as can be."""

from pathlib import Path
from types import SimpleNamespace


class ShoutExporter:
    name = "shout"
    label = "Shouted title (test plug-in)"
    options = ()

    def available(self):
        return True, ""

    def export(self, post, destination, options, progress=lambda *a: None):
        destination = Path(destination)
        destination.mkdir(parents=True, exist_ok=True)
        target = destination / f"{post.slug}.txt"
        target.write_text(post.title.upper() + "\n", encoding="utf-8")

        return SimpleNamespace(location=str(target), written=[target])

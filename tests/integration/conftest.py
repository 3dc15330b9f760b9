from __future__ import annotations

from pathlib import Path

import pytest
from sample_posts import EARLIER, PIXEL, POST


@pytest.fixture
def drafts(tmp_path) -> Path:
    folder = tmp_path / "drafts"
    (folder / "clinic-films.assets").mkdir(parents=True)
    (folder / "clinic-films.assets" / "ward.png").write_bytes(PIXEL)
    (folder / "clinic-films.md").write_text(POST, encoding="utf-8")
    (folder / "first-steps.md").write_text(EARLIER, encoding="utf-8")
    return folder

from __future__ import annotations

from pathlib import Path

from smugdesk.core.config import DRAFTS_ENV, default_drafts_dir, drafts_dir


def test_drafts_folder_precedence(monkeypatch, tmp_path):
    monkeypatch.delenv(DRAFTS_ENV, raising=False)
    assert drafts_dir() == default_drafts_dir()
    assert drafts_dir(preference=str(tmp_path / "pref")) == tmp_path / "pref"
    monkeypatch.setenv(DRAFTS_ENV, str(tmp_path / "env"))
    assert drafts_dir(preference=str(tmp_path / "pref")) == tmp_path / "env"
    assert drafts_dir(tmp_path / "cli", preference="x") == tmp_path / "cli"


def test_default_is_under_the_documents_folder(monkeypatch):
    monkeypatch.delenv(DRAFTS_ENV, raising=False)
    assert default_drafts_dir().name == "Blog Drafts"
    assert default_drafts_dir().parent.is_absolute()
    assert isinstance(default_drafts_dir(), Path)

"""Accounts hold no secrets; secrets go to the keyring, or stay in memory when there is none."""

from __future__ import annotations

import pytest
from keyring.backends.fail import Keyring as NoKeyring
from keyrings.alt.file import PlaintextKeyring

from smugdesk.core import credentials
from smugdesk.core.accounts import (
    Account,
    AccountError,
    find_account,
    load_accounts,
    put_account,
    save_accounts,
)


@pytest.fixture(autouse=True)
def _fresh():
    credentials.forget_session()
    yield
    credentials.forget_session()


def test_accounts_round_trip_without_secrets(tmp_path):
    path = tmp_path / "accounts.json"
    accounts = put_account([], Account("Ward Notes", "wordpress", "blog.example.org", "editor"))
    save_accounts(accounts, path)
    loaded = load_accounts(path)
    assert loaded == [Account("Ward Notes", "wordpress", "https://blog.example.org", "editor")]
    assert "password" not in path.read_text(encoding="utf-8")
    renamed = put_account(
        loaded, Account("Ward", "wordpress", "blog.example.org", "ed"), "Ward Notes"
    )
    assert [a.name for a in renamed] == ["Ward"]
    with pytest.raises(AccountError, match="already an account"):
        put_account(renamed, Account("Ward", "metaweblog", "x.org", "u"))
    with pytest.raises(AccountError, match="no account called"):
        find_account(renamed, "Nope")


@pytest.mark.parametrize(
    ("account", "message"),
    [
        (Account("", "wordpress", "x.org", "u"), "name"),
        (Account("A", "blogger", "x.org", "u"), "unknown kind"),
        (Account("A", "wordpress", "not a url", "u"), "not a web address"),
        (Account("A", "wordpress", "x.org", ""), "user name"),
    ],
)
def test_incomplete_accounts_say_what_is_wrong(account, message):
    with pytest.raises(AccountError, match=message):
        account.check()


def test_a_damaged_accounts_file_is_a_message(tmp_path):
    path = tmp_path / "accounts.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(AccountError, match="cannot be read"):
        load_accounts(path)


def test_secrets_go_to_the_chosen_keyring(tmp_path):
    backend = PlaintextKeyring()
    backend.file_path = str(tmp_path / "keyring.cfg")
    credentials.use_backend(backend)
    assert credentials.store_secret("Ward Notes", "s3cret pass") is True
    credentials.forget_session()
    assert credentials.get_secret("Ward Notes") == "s3cret pass"
    credentials.forget_secret("Ward Notes")
    credentials.forget_session()
    assert credentials.get_secret("Ward Notes") is None


def test_without_a_keyring_the_secret_lives_only_for_the_session(tmp_path):
    import keyring

    keyring.set_keyring(NoKeyring())
    credentials._chosen = None  # as on a headless box: nothing chosen, nothing running
    assert "no keyring" in credentials.keyring_problem()
    assert credentials.store_secret("Ward Notes", "s3cret") is False
    assert credentials.get_secret("Ward Notes") == "s3cret"
    credentials.forget_session()
    assert credentials.get_secret("Ward Notes") is None
    assert not list(tmp_path.iterdir())


def test_a_plaintext_keyring_is_not_used_unasked(tmp_path, monkeypatch):
    import keyring

    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    backend = PlaintextKeyring()
    backend.file_path = str(tmp_path / "keyring.cfg")
    keyring.set_keyring(backend)
    credentials._chosen = None
    assert "plain text" in credentials.keyring_problem()
    assert credentials.store_secret("Ward Notes", "s3cret") is False
    assert not (tmp_path / "keyring.cfg").exists()


def test_the_files_that_name_blogs_and_users_are_for_the_user_alone(tmp_path):
    """Saves follow the umask (an exported site must be readable by a web server), but the
    accounts list, the session and the publish queue say which blogs and users exist: a new
    one is created 0600 whatever the umask."""
    import os
    import stat

    from smugdesk.core.session import OpenPost, save_session
    from smugdesk.publish.queue import PublishQueue

    old = os.umask(0o022)
    try:
        save_accounts(
            [Account("Ward Notes", "wordpress", "blog.example.org", "ed")], tmp_path / "a.json"
        )
        save_session([OpenPost(str(tmp_path / "post.md"))], tmp_path / "session.json")
        queue = PublishQueue(tmp_path / "queue.json")
        queue.add(tmp_path / "post.md", "Ward Notes")
    finally:
        os.umask(old)
    for name in ("a.json", "session.json", "queue.json"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o600, name

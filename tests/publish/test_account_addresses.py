"""Account addresses are checked when added (core, CLI, dialog): only http(s), a host, no
user:password@ in the URL; a plain-http address that crosses a network warns that the
password travels unencrypted (the CLI on stderr, the dialog asks), this machine does not."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from smugdesk.core.accounts import (
    Account,
    AccountError,
    check_address,
    load_accounts,
    plain_http_warning,
)


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("ftp://blog.example.org/", "only http:// and https://"),
        ("file:///etc/passwd", "only http:// and https://"),
        ("javascript:alert(1)//x", "only http:// and https://"),
        ("https://", "names no host"),
        ("https://:8080/", "names no host"),
        ("https://editor:secret@blog.example.org/", "user name or password"),
        ("https://editor@blog.example.org/", "user name or password"),
        ("https://blog.example.org:99999/", "port"),
        ("https://blog.example.org:http/", "port"),
        ("https://blog example.org/", "spaces"),
        ("https://blog.example.org/\nHost: evil", "spaces"),
    ],
)
def test_bad_addresses_are_refused_with_a_reason(url, says):
    with pytest.raises(AccountError, match=says):
        check_address(url)
    with pytest.raises(AccountError):
        Account("Blog", "wordpress", url, "editor").check()


@pytest.mark.parametrize(
    "url",
    [
        "https://blog.example.org/",
        "blog.example.org",
        "http://127.0.0.1:8080/",
        "https://[::1]:8443/xmlrpc.php",
        "https://blog.example.org/micropub?x=1",
    ],
)
def test_good_addresses_pass(url):
    check_address(url)


@pytest.mark.parametrize(
    "url",
    [
        "http://blog.example.org/",
        "http://192.168.1.20/",
        "http://[2001:db8::1]/",
        "HTTP://Blog.org",
    ],
)
def test_plain_http_across_a_network_is_warned_about(url):
    assert "unencrypted" in plain_http_warning(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://blog.example.org/",
        "http://127.0.0.1:8080/",
        "http://127.8.0.1/",
        "http://[::1]:8080/",
        "http://localhost/",
        "http://blog.localhost/",
        "blog.example.org",
    ],
)
def test_https_and_this_machine_need_no_warning(url):
    assert plain_http_warning(url) == ""


def cli(tmp_path, *args: str, secret: str = "app password") -> subprocess.CompletedProcess:
    home = tmp_path / "home"
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("XDG_")},
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_DATA_HOME": str(home / "data"),
        "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
    }
    return subprocess.run(
        [sys.executable, "-m", "smugdesk", "account", *args, "--password-stdin"],
        input=secret + "\n",
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def test_cli_warns_on_stderr_for_plain_http_and_not_for_loopback(tmp_path):
    warned = cli(
        tmp_path, "add", "Far", "--kind", "wordpress", "--url", "http://blog.example.org/",
        "--user", "editor",
    )  # fmt: skip
    assert warned.returncode == 0, warned.stderr
    lines = [line for line in warned.stderr.splitlines() if "unencrypted" in line]
    assert len(lines) == 1 and lines[0].startswith("smugdesk: warning:")
    assert "unencrypted" not in warned.stdout

    local = cli(
        tmp_path, "add", "Near", "--kind", "wordpress", "--url", "http://127.0.0.1:8080/",
        "--user", "editor",
    )  # fmt: skip
    assert local.returncode == 0 and "unencrypted" not in local.stderr


def test_cli_refuses_credentials_in_the_address(tmp_path):
    done = cli(
        tmp_path, "add", "Leaky", "--kind", "wordpress", "--url",
        "https://editor:hunter2@blog.example.org/", "--user", "editor",
    )  # fmt: skip
    assert done.returncode != 0
    assert "user name or password" in done.stderr and "Traceback" not in done.stderr
    accounts = tmp_path / "home" / "config" / "smugdesk" / "accounts.json"
    assert not accounts.exists() or "hunter2" not in accounts.read_text(encoding="utf-8")


class Asked:
    """Answers the dialog's plain-http question as the writer would, and counts it."""

    def __init__(self, answer: bool) -> None:
        self.answer = answer
        self.times = 0

    def __call__(self, account, warning) -> bool:
        self.times += 1
        assert "unencrypted" in warning
        return self.answer


def fill(dialog, url: str) -> None:
    dialog._new()
    dialog.name.setText("Ward Notes")
    dialog.kind.setCurrentIndex(dialog.kind.findData("wordpress"))
    dialog.url.setText(url)
    dialog.user.setText("editor")
    dialog.secret.setText("app password")


def test_dialog_asks_before_saving_a_plain_http_address(qtbot):
    from smugdesk.ui.dialogs.accounts import AccountsDialog

    dialog = AccountsDialog()
    qtbot.addWidget(dialog)
    declined = Asked(False)
    dialog.confirm_plain_http = declined
    fill(dialog, "http://blog.example.org/")
    assert dialog.save_account() is False
    assert declined.times == 1 and load_accounts() == []
    assert "https" in dialog.status.text()

    accepted = Asked(True)
    dialog.confirm_plain_http = accepted
    assert dialog.save_account() is True
    assert accepted.times == 1
    assert [a.url for a in load_accounts()] == ["http://blog.example.org/"]


def test_dialog_does_not_ask_for_loopback_or_https(qtbot):
    from smugdesk.ui.dialogs.accounts import AccountsDialog

    dialog = AccountsDialog()
    qtbot.addWidget(dialog)
    never = Asked(False)
    dialog.confirm_plain_http = never
    fill(dialog, "http://127.0.0.1:8080/")
    assert dialog.save_account() is True
    dialog.url.setText("https://blog.example.org/")
    assert dialog.save_account() is True
    assert never.times == 0


def test_dialog_refuses_credentials_in_the_address(qtbot):
    from smugdesk.ui.dialogs.accounts import AccountsDialog

    dialog = AccountsDialog()
    qtbot.addWidget(dialog)
    fill(dialog, "https://editor:hunter2@blog.example.org/")
    assert dialog.save_account() is False
    assert "user name or password" in dialog.status.text()
    assert load_accounts() == []

"""Blog accounts: which blog, at which address, as whom. Kept in ``accounts.json`` in the
config folder; the password or token is never here (see ``credentials``)."""

from __future__ import annotations

import ipaddress
import json
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from urllib.parse import urlsplit

from smugdesk.core.config import config_dir
from smugdesk.core.errors import SmugdeskError
from smugdesk.core.store import atomic_write

KINDS = ("wordpress", "metaweblog", "micropub", "ghost", "bluesky")  # bluesky: to share, not a blog
KEYED_KINDS = ("micropub", "ghost")  # a token or key alone signs in: no user name
SHARE_KINDS = ("bluesky",)  # places to tell followers, never a publish target


class AccountError(SmugdeskError):
    """An account is incomplete or its file cannot be read."""


@dataclass(frozen=True)
class Account:
    name: str  # the writer's own name for it, unique: "Ward Notes"
    kind: str  # one of KINDS
    url: str  # the blog's address (MetaWeblog: the blog or its xmlrpc.php; Micropub: endpoint)
    user: str = ""  # empty for token-only kinds (Micropub)

    def check(self) -> Account:
        """The account with its fields tidied, or an error that says which is wrong."""
        name, url = self.name.strip(), self.url.strip()
        if not name:
            raise AccountError("give the account a name")
        if self.kind not in KINDS:
            raise AccountError(f"unknown kind of blog {self.kind!r} (one of {', '.join(KINDS)})")
        check_address(url)
        parts = urlsplit(url if "://" in url else "https://" + url)
        if self.kind not in KEYED_KINDS and not self.user.strip():
            raise AccountError("a user name is needed for this kind of blog")
        return Account(name, self.kind, parts.geturl(), self.user.strip())


def check_address(url: str) -> None:
    """A blog's address is an http(s) URL with a host and nothing secret in it; otherwise an
    ``AccountError`` says what is wrong. Without a scheme, https is meant."""
    url = url.strip()
    # "javascript:…" or "mailto:…" name a scheme; "blog.example.org:8080" names a port.
    other_scheme = "://" not in url and re.match(r"[A-Za-z][A-Za-z0-9+.-]*:(?!\d)", url)
    full = url if "://" in url else "https://" + url
    parts = urlsplit(full)
    if other_scheme or parts.scheme.lower() not in ("http", "https"):
        raise AccountError(
            f"“{url}” is not a web address: only http:// and https:// addresses can be blogs"
        )
    if any(char.isspace() or ord(char) < 32 for char in url):
        raise AccountError(f"“{url}” is not a web address: it contains spaces")
    if "@" in parts.netloc:
        raise AccountError(
            "the address contains a user name or password (user:password@…): type them in "
            "their own fields, where the password goes to the keyring, not into a file"
        )
    try:
        port = parts.port
    except ValueError:
        raise AccountError(f"“{url}” has a port that is not a number from 1 to 65535") from None
    if not parts.hostname or port == 0:
        raise AccountError(f"“{url}” is not a web address: it names no host")


def is_loopback(host: str) -> bool:
    """This machine itself, where nothing crosses a network (127.0.0.1, ::1, localhost)."""
    host = host.strip("[]").lower().rstrip(".")
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def plain_http_warning(url: str) -> str:
    """A warning for an address whose password would cross a network unencrypted, or "" for
    https and for this machine itself."""
    parts = urlsplit(url.strip() if "://" in url else "https://" + url.strip())
    if parts.scheme.lower() != "http" or is_loopback(parts.hostname or ""):
        return ""
    return (
        f"{parts.hostname} is an http:// address: the password (and everything sent) travels "
        "unencrypted, readable by anyone on the network between here and the blog; use "
        "https:// if the blog has it"
    )


def accounts_file() -> Path:
    return config_dir() / "accounts.json"


def load_accounts(path: Path | None = None) -> list[Account]:
    path = path or accounts_file()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return []
    except (OSError, ValueError) as error:
        raise AccountError(f"the accounts file {path} cannot be read: {error}") from None
    known = {f.name for f in fields(Account)}
    accounts = []
    for item in raw if isinstance(raw, list) else []:
        if isinstance(item, dict) and item.get("name") and item.get("kind"):
            accounts.append(Account(**{k: str(v) for k, v in item.items() if k in known}))
    return accounts


def save_accounts(accounts: list[Account], path: Path | None = None) -> None:
    path = path or accounts_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps([asdict(account) for account in accounts], indent=2) + "\n"
    atomic_write(path, data.encode("utf-8"), private=True)


def find_account(accounts: list[Account], name: str) -> Account:
    for account in accounts:
        if account.name == name:
            return account
    known = ", ".join(a.name for a in accounts) or "none yet"
    raise AccountError(f"no account called “{name}” (accounts: {known})")


def put_account(accounts: list[Account], account: Account, old_name: str = "") -> list[Account]:
    """The list with ``account`` added, or replacing ``old_name`` (an edit); names stay unique."""
    account = account.check()
    clash = [a for a in accounts if a.name == account.name and a.name != old_name]
    if clash:
        raise AccountError(f"there is already an account called “{account.name}”")
    replaced = [account if a.name == (old_name or account.name) else a for a in accounts]
    return replaced if account in replaced else [*accounts, account]


def is_share_account(account: Account) -> bool:
    return account.kind in SHARE_KINDS


def share_accounts(accounts: Iterable[Account]) -> list[Account]:
    return [account for account in accounts if is_share_account(account)]


def blog_accounts(accounts: Iterable[Account]) -> list[Account]:
    """The accounts a post can be published to (sharing accounts left out)."""
    return [account for account in accounts if not is_share_account(account)]

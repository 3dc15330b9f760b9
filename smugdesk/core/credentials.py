"""Blog passwords and tokens, through the OS keyring (``keyring``). Never in a file or a log.

Where no keyring works (a headless box without a Secret Service), the secret is kept in
memory for this session only and the caller is told, so it can ask again next time; there
is no silent plaintext fallback: a plaintext backend is used only when the user chose it
(``PYTHON_KEYRING_BACKEND`` or keyring's own config file) or a test installed it.
"""

from __future__ import annotations

import os
import threading

from smugdesk.core.errors import SmugdeskError

SERVICE = "smugdesk"
_session: dict[str, str] = {}
_lock = threading.Lock()
_chosen = None  # a backend set by use_backend()


class CredentialsError(SmugdeskError):
    """The keyring refused to store or read a secret."""


def use_backend(backend) -> None:
    """Use this keyring backend (tests; a user's explicit choice)."""
    global _chosen
    import keyring

    keyring.set_keyring(backend)
    _chosen = backend


def _backend():
    import keyring

    return keyring.get_keyring()


def _is_plaintext(backend) -> bool:
    module = type(backend).__module__
    return module.startswith("keyrings.alt") and "Plaintext" in type(backend).__name__


def keyring_problem() -> str:
    """Why secrets cannot go to the keyring here, or "" when they can."""
    try:
        backend = _backend()
    except Exception as error:  # keyring raises many kinds while probing backends
        return f"the keyring cannot start: {error}"
    if backend is _chosen:
        return ""
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    if name.startswith("keyring.backends.fail") or name.endswith("null.Keyring"):
        return "no keyring service is running (for example GNOME Keyring or KWallet)"
    backends = getattr(backend, "backends", None)
    if backends is not None and not backends:
        return "no keyring service is running (for example GNOME Keyring or KWallet)"
    if _is_plaintext(backend) and not os.environ.get("PYTHON_KEYRING_BACKEND"):
        return "the only keyring available stores passwords as plain text"
    return ""


def store_secret(account: str, secret: str) -> bool:
    """Keep the secret: True if it went to the keyring, False if only for this session."""
    with _lock:
        _session[account] = secret
    if keyring_problem():
        return False
    import keyring

    try:
        keyring.set_password(SERVICE, account, secret)
    except Exception as error:
        raise CredentialsError(f"the keyring did not take the password: {error}") from None
    return True


def get_secret(account: str) -> str | None:
    with _lock:
        if account in _session:
            return _session[account]
    if keyring_problem():
        return None
    import keyring

    try:
        secret = keyring.get_password(SERVICE, account)
    except Exception as error:
        raise CredentialsError(f"the keyring could not be read: {error}") from None
    if secret is not None:
        with _lock:
            _session[account] = secret
    return secret


def forget_secret(account: str) -> None:
    with _lock:
        _session.pop(account, None)
    if keyring_problem():
        return
    import keyring
    from keyring.errors import PasswordDeleteError

    try:
        keyring.delete_password(SERVICE, account)
    except PasswordDeleteError:
        pass
    except Exception as error:
        raise CredentialsError(f"the keyring could not remove the password: {error}") from None


def forget_session() -> None:
    """Drop the in-memory copies (tests; a user signing out)."""
    with _lock:
        _session.clear()

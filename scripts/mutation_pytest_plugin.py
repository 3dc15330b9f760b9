"""pytest plug-in for mutation runs (``-p scripts.mutation_pytest_plugin``, see docs/testing.md).

Hypothesis is derandomized, so each mutant meets the same examples.

mutmut runs the tests that cover a mutated function once per mutant, each time in a new
pytest session: a test that starts WordPress, the Micropub server or Qt would start it for
every mutant (seconds to a minute each). Tests that use Qt are left out here, by the fixtures
they use, so a new test file needs no list kept up to date; so are tests that time themselves.
The server tests are kept when the servers were started once for the whole run
(scripts/mutation_servers.py sets $SMUGDESK_WORDPRESS_SITE and $SMUGDESK_MICROPUB_SITE, which
the fixtures reuse), and left out otherwise. The full suite still runs them all.
"""

from __future__ import annotations

import inspect
import os
import re

import pytest

QT_FIXTURES = frozenset({"qapp", "qtbot"})
# fixture → the variable naming a server started once for the run
SERVER_FIXTURES = {
    "wordpress": "SMUGDESK_WORDPRESS_SITE",
    "micropub_site": "SMUGDESK_MICROPUB_SITE",
}


def left_out_fixtures() -> frozenset[str]:
    unshared = {name for name, variable in SERVER_FIXTURES.items() if not os.environ.get(variable)}
    return QT_FIXTURES | unshared


# A test that times itself ("disarmed within 2 s") fails under mutmut's call tracing, which
# slows every call of the mutated modules; its speed bound is the full suite's to check.
_CLOCKS = re.compile(r"\b(?:perf_counter|monotonic)\(\)")


def _times_itself(item: pytest.Item) -> bool:
    function = getattr(item, "function", None)
    try:
        return function is not None and bool(_CLOCKS.search(inspect.getsource(function)))
    except (OSError, TypeError):
        return False


def pytest_configure(config: pytest.Config) -> None:
    # The same examples for every mutant, none remembered from an earlier run, and no
    # deadline (the machine is loaded): a mutant is killed by the tests, not by chance.
    from hypothesis import settings

    settings.register_profile("mutation", derandomize=True, database=None, deadline=None)
    settings.load_profile("mutation")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    kept: list[pytest.Item] = []
    left_out: list[pytest.Item] = []
    left_out_by = left_out_fixtures()
    for item in items:
        needs = left_out_by.intersection(getattr(item, "fixturenames", ()))
        (left_out if needs or _times_itself(item) else kept).append(item)
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = kept


@pytest.hookimpl(tryfirst=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    # tests/conftest.py leaves with os._exit once PySide6 is loaded (its teardown can crash
    # the interpreter); mutmut calls pytest.main in its own process and must live on after it.
    if hasattr(config, "_smugdesk_exit_status"):
        del config._smugdesk_exit_status

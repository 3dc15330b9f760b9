"""The test WordPress starts under load and when another run takes its port first."""

from __future__ import annotations

import shutil
import socket

import pytest
import server


@pytest.mark.skipif(not shutil.which("php"), reason="php is not installed")
def test_php_moves_to_another_port_when_its_own_is_taken(tmp_path, monkeypatch):
    # Another test run holds the port this one picked (free_port cannot reserve it): the web
    # server must not take the other run's server for its own, nor give up.
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    ports = iter([taken.getsockname()[1], server.free_port()])
    monkeypatch.setattr(server, "free_port", lambda: next(ports))
    try:
        web, port = server._retrying_ports(lambda port: (server._start_php(tmp_path, port), port))
        try:
            assert port != taken.getsockname()[1]
            assert web.poll() is None and server._serves(port)
        finally:
            server._stop(web)
    finally:
        taken.close()


@pytest.mark.skipif(not shutil.which("php"), reason="php is not installed")
def test_a_server_that_exits_is_reported_at_once_with_its_log(tmp_path):
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    try:
        with pytest.raises(server.StartError, match="exited while starting"):
            server._start_php(tmp_path, taken.getsockname()[1])
    finally:
        taken.close()

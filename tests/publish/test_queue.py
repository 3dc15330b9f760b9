"""With no network a publish waits in the queue and the draft stays as it was."""

from __future__ import annotations

import pytest

from smugdesk.core.accounts import Account
from smugdesk.publish.files import publish_file
from smugdesk.publish.queue import PublishQueue
from smugdesk.publish.remote import OfflineError
from tests.wordpress.server import free_port


def test_offline_publish_is_queued_and_the_draft_untouched(tmp_path):
    nowhere = Account("Offline blog", "wordpress", f"http://127.0.0.1:{free_port()}/", "me")
    path = tmp_path / "train.md"
    text = "---\ntitle: On the train\n---\n\nNo signal.\n"
    path.write_text(text, encoding="utf-8")
    queue = PublishQueue(tmp_path / "queue.json")
    with pytest.raises(OfflineError, match="refused the connection"):
        publish_file(path, nowhere, "secret", status="publish", queue=queue)
    assert path.read_text(encoding="utf-8") == text
    [waiting] = queue.items()
    assert (waiting.account, waiting.status) == ("Offline blog", "publish")
    assert queue.holds(path)
    queue.add(path, "Offline blog", "draft")  # asked again: one place, newest ask
    assert [w.status for w in queue.items()] == ["draft"]
    queue.remove(path, "Offline blog")
    assert queue.items() == []

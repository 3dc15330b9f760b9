"""A plug-in whose import never finishes (it waits on a network that is not there).
With SMUGDESK_TEST_SLOW_MARKER set, it first creates that file, so a test knows it is
waiting."""

import os
import time
from pathlib import Path

if os.environ.get("SMUGDESK_TEST_SLOW_MARKER"):
    Path(os.environ["SMUGDESK_TEST_SLOW_MARKER"]).touch()
time.sleep(3600)

"""The bundle's entry script: the same start as ``python -m smugdesk``."""

import sys

from smugdesk.app import main

if __name__ == "__main__":
    sys.exit(main())

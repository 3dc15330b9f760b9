import sys

from smugdesk.app import main

sys.exit(main())

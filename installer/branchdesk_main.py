"""The frozen bundle's entry point: ``branchdesk`` (and ``BranchDesk.exe`` on Windows)."""

import sys

from branchdesk.cli import main

if __name__ == "__main__":
    sys.exit(main())

"""Run BranchDesk with ``python -m branchdesk``."""

from branchdesk.cli import main

raise SystemExit(main())

"""Where BranchDesk keeps its files: data, backups and logs (platformdirs)."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_path, user_log_path

from branchdesk import APP_NAME

HOME_ENV = "BRANCHDESK_HOME"


@dataclass(frozen=True)
class AppPaths:
    """The folders of one installation; ``BRANCHDESK_HOME`` puts them all in one folder."""

    data_dir: Path
    log_dir: Path

    @classmethod
    def default(cls) -> AppPaths:
        home = os.environ.get(HOME_ENV)
        if home:
            return cls(Path(home), Path(home) / "logs")
        return cls(
            user_data_path(APP_NAME, appauthor=False), user_log_path(APP_NAME, appauthor=False)
        )

    @property
    def default_database(self) -> Path:
        return self.data_dir / "branchdesk.sqlite"

    def backup_dir_for(self, database: Path) -> Path:
        """The backup folder of one database file (files of the same name kept apart)."""
        database = Path(database).resolve()
        if database == self.default_database.resolve():
            return self.data_dir / "backups"
        digest = hashlib.sha1(str(database).encode("utf-8")).hexdigest()[:8]
        return self.data_dir / "backups" / f"{database.stem}-{digest}"

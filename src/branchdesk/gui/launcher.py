"""Start-up of the GUI: database errors, first run or login, main window, restore."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from branchdesk import APP_NAME, APP_TITLE, __version__
from branchdesk.core.actor import Actor
from branchdesk.core.errors import BranchDeskError
from branchdesk.core.services import Services
from branchdesk.gui.crash import ExceptionHandler
from branchdesk.paths import AppPaths
from branchdesk.storage.migrate import DatabaseOpenError

log = logging.getLogger("branchdesk")

OpenServices = Callable[[Path, AppPaths], Services]
RestoreDatabase = Callable[[Services, Path, AppPaths, Actor], Services]


def _install_qt_translations(app: QApplication) -> None:
    """Chinese texts for Qt's own buttons (OK/Cancel) where Qt ships them."""
    from PySide6.QtCore import QLibraryInfo

    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(
        QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_", folder
    ):
        app.installTranslator(translator)
    from branchdesk.gui.qt_texts import QtTextsSupplement

    app.installTranslator(QtTextsSupplement(app))  # asked first: only the texts Qt lacks


class Launcher:
    """Runs the application: one database at a time, re-opened after a restore."""

    def __init__(
        self,
        paths: AppPaths,
        log_file: Path,
        open_services: OpenServices,
        restore_database: RestoreDatabase,
    ) -> None:
        self.paths = paths
        self.log_file = log_file
        self.open_services = open_services
        self.restore_database = restore_database
        self.services: Services | None = None
        self.window: object | None = None
        self.actor: Actor | None = None

    def run(self, db_path: Path) -> int:
        app = QApplication.instance() or QApplication(sys.argv)
        assert isinstance(app, QApplication)
        app.setApplicationName(APP_NAME)
        app.setApplicationVersion(__version__)
        app.setDesktopFileName("branchdesk")  # the .desktop entry of the Linux bundle
        from branchdesk.gui.about_dialog import application_icon

        app.setWindowIcon(application_icon())  # the main window's and every dialog's
        _install_qt_translations(app)
        ExceptionHandler(self.log_file).install()
        from branchdesk.gui.encrypted_start import (
            offer_encryption_at_first_run,
            open_maybe_encrypted,
        )

        try:  # an encrypted file asks for its passphrase first
            services = open_maybe_encrypted(db_path, self.paths, self.open_services)
        except (DatabaseOpenError, BranchDeskError) as exc:
            QMessageBox.critical(None, APP_TITLE, str(exc))
            return 1
        except Exception:
            log.exception("cannot open %s", db_path)
            QMessageBox.critical(
                None,
                APP_TITLE,
                f"无法打开数据库文件“{db_path}”。详细信息已写入日志：{self.log_file}",
            )
            return 1
        if services is None:  # the passphrase dialog was closed
            return 0
        self.services = services
        first_run = not services.accounts.has_accounts()
        for notice in self.services.startup_notices:  # e.g. the daily backup not taken
            QMessageBox.warning(None, APP_TITLE, notice)
        actor = self.sign_in(self.services)
        if actor is None:
            return 0
        if first_run:  # offer to encrypt the new file (optional)
            self.services = offer_encryption_at_first_run(
                self.services, db_path, self.paths, self.open_services
            )
        self.show_main_window(self.services, actor, db_path)
        app.aboutToQuit.connect(self.close_database)
        return app.exec()

    def close_database(self) -> None:
        """Close the connections on quitting, so SQLite folds its WAL back into the file."""
        if self.services is not None:
            self.services.db.dispose()

    def sign_in(self, services: Services) -> Actor | None:
        """First run (no accounts yet) or the login dialog; None when cancelled."""
        from branchdesk.gui.first_run import FirstRunDialog
        from branchdesk.gui.login_dialog import LoginDialog

        if not services.accounts.has_accounts():
            first = FirstRunDialog(services)
            return first.actor if first.exec() == QDialog.DialogCode.Accepted else None
        login = LoginDialog(services.accounts)
        return login.actor if login.exec() == QDialog.DialogCode.Accepted else None

    def show_main_window(self, services: Services, actor: Actor, db_path: Path) -> None:
        from branchdesk.gui.main_window import MainWindow

        window = MainWindow(services, actor, db_path, on_restore=self.restore)
        window.show()
        self.window = window
        self.actor = actor

    def restore(self, backup: Path) -> None:
        """Called by the main window: restore, then log in again on the restored data."""
        services = self.services
        assert services is not None and services.db.path is not None
        db_path = services.db.path
        window = self.window
        assert self.actor is not None
        try:  # admin-only, checked in core; a refused or failed restore changes nothing
            self.services = self.restore_database(services, backup, self.paths, self.actor)
        except (DatabaseOpenError, BranchDeskError) as exc:
            QMessageBox.warning(None, APP_TITLE, f"未恢复：{exc}")
            return
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.setQuitOnLastWindowClosed(False)
        try:
            if window is not None:
                window.close()  # type: ignore[attr-defined]
            QMessageBox.information(
                None,
                APP_TITLE,
                f"已从备份“{backup.name}”恢复。恢复前的数据库已另存到备份文件夹。请重新登录。",
            )
            actor = self.sign_in(self.services)
            if actor is None:
                app.quit()
                return
            self.show_main_window(self.services, actor, db_path)
        finally:
            app.setQuitOnLastWindowClosed(True)

"""帮助 › 关于: version, folders, icon, and every shipped licence readable from the dialog."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from branchdesk import __version__
from branchdesk.gui.about_dialog import (
    COMPONENTS,
    ICON_SIZES,
    LICENCES_LINK,
    AboutDialog,
    LicencesDialog,
    application_icon,
)
from branchdesk.gui.signals import emit

REQUIRED = {
    "Qt 6、PySide6、Shiboken6": "LGPL-3.0",
    "SQLAlchemy": "MIT",
    "Alembic": "MIT",
    "ReportLab": "BSD",
    "openpyxl": "MIT",
    "argon2-cffi": "MIT",
    "pypinyin": "MIT",
    "platformdirs": "MIT",
    "WenQuanYi Micro Hei 文泉驿微米黑": "Apache-2.0",
}


def test_every_bundled_library_and_font_has_its_licence_text() -> None:
    licences = {c.name: c.licence for c in COMPONENTS}
    for name, licence in REQUIRED.items():
        assert licences.get(name) == licence, name
    for component in COMPONENTS:
        assert len(component.text()) > 500, component.file


def test_no_licence_file_is_left_out_of_the_list() -> None:
    shipped = {p.name for p in Path(str(files("branchdesk.resources") / "licences")).iterdir()}
    listed = {Path(c.file).name for c in COMPONENTS if c.file.startswith("licences/")}
    assert shipped - {"README.md"} == listed


def test_the_icon_has_every_exported_size(qtbot) -> None:
    icon = application_icon()
    assert not icon.isNull()
    assert sorted(s.width() for s in icon.availableSizes()) == list(ICON_SIZES)


def test_about_shows_version_folders_and_opens_the_licences(qtbot, tmp_path: Path) -> None:
    box = AboutDialog(tmp_path / "data", tmp_path / "data" / "台账.sqlite", tmp_path / "bak")
    qtbot.addWidget(box)
    box.open()
    assert box.windowTitle() == "关于支部台账"
    assert __version__ in box.text()
    for shown in (tmp_path / "data", tmp_path / "data" / "台账.sqlite", tmp_path / "bak"):
        assert str(shown) in box.text()
    assert not box.iconPixmap().isNull()
    link = next(label for label in box.findChildren(QLabel) if LICENCES_LINK in label.text())
    emit(link.linkActivated, LICENCES_LINK)  # the label's link clicked
    licences = box.licences
    assert isinstance(licences, LicencesDialog) and licences.isVisible()
    assert licences.list.count() == len(COMPONENTS)
    assert "Apache License" in licences.text.toPlainText()  # the font, listed first
    qt_row = next(i for i, c in enumerate(COMPONENTS) if c.licence == "LGPL-3.0")
    licences.list.setCurrentRow(qt_row)
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in licences.text.toPlainText()
    assert "LGPL-3.0" in licences.use.text()
    licences.reject()
    box.accept()
    assert not box.isVisible()


@pytest.fixture
def _own_translators(qtbot):  # type: ignore[no-untyped-def]
    """Take out the Qt translators the launcher installs, so later tests see Qt as it was."""
    from PySide6.QtCore import QTranslator
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    before = set(app.findChildren(QTranslator))
    yield
    for translator in set(app.findChildren(QTranslator)) - before:
        app.removeTranslator(translator)
        translator.deleteLater()


@pytest.mark.usefixtures("_own_translators")
def test_the_launcher_gives_every_window_the_icon(qtbot, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QApplication

    from branchdesk.app import open_services, restore_database
    from branchdesk.gui.first_run import FirstRunDialog
    from branchdesk.gui.launcher import Launcher
    from branchdesk.paths import AppPaths

    monkeypatch.setattr(FirstRunDialog, "exec", lambda self: 0)
    paths = AppPaths(tmp_path / "home", tmp_path / "home" / "logs")
    launcher = Launcher(paths, paths.log_dir / "x.log", open_services, restore_database)
    assert launcher.run(paths.default_database) == 0
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert sorted(s.width() for s in app.windowIcon().availableSizes()) == list(ICON_SIZES)

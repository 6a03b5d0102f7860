"""The main window: navigation between areas, menus for backup, restore, checks and help."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from branchdesk import APP_TITLE
from branchdesk.core.actor import Actor
from branchdesk.core.anchor_status import anchor_status
from branchdesk.core.errors import BranchDeskError
from branchdesk.core.services import Services
from branchdesk.gui.accounts_page import AccountsPage
from branchdesk.gui.anchor_box import AnchorBox
from branchdesk.gui.audit_page import AuditPage
from branchdesk.gui.common import show_error
from branchdesk.gui.data_page import DataPage, RestoreDialog
from branchdesk.gui.development_page import DevelopmentPage
from branchdesk.gui.home_page import HomePage
from branchdesk.gui.meetings_page import MeetingsPage
from branchdesk.gui.org_page import OrganisationPage
from branchdesk.gui.roster_page import RosterPage
from branchdesk.gui.transfers_page import TransfersPage
from branchdesk.gui.workday_page import WorkdayPage
from branchdesk.paths import AppPaths
from branchdesk.storage.migrate import DatabaseOpenError

AREAS = ("首页", "花名册", "发展党员", "会议记录", "组织关系转接", "设置")
BOX_TEXTS = {
    QMessageBox.StandardButton.Ok: "确定",
    QMessageBox.StandardButton.Yes: "是",
    QMessageBox.StandardButton.No: "否",
}
HOME, ROSTER, DEVELOPMENT, MEETINGS, TRANSFERS, SETTINGS = range(len(AREAS))
SETTINGS_TABS = ("组织机构", "账户", "审计日志", "工作日历与期限", "数据")
ORGANISATIONS_TAB, ACCOUNTS_TAB, AUDIT_TAB, WORKDAYS_TAB, DATA_TAB = range(len(SETTINGS_TABS))


class LazyTab(QWidget):
    """A tab whose page is built the first time it is needed."""

    def __init__(self, factory: Callable[[], QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._factory = factory
        self._page: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def page(self) -> QWidget:
        """The page, built now if it was not yet."""
        if self._page is None:
            self._page = self._factory()
            self._layout.addWidget(self._page)
            self._page.show()  # shown with this tab (at once if the tab is on screen)
        return self._page

    def is_built(self) -> bool:
        return self._page is not None

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        self.page()
        super().showEvent(event)


def _localise(box: QMessageBox) -> None:
    """Chinese texts on a message box's standard buttons whatever translator is loaded."""
    for standard, text in BOX_TEXTS.items():
        button = box.button(standard)
        if button is not None:
            button.setText(text)


class MainWindow(QMainWindow):
    """BranchDesk's main window for one open database and one logged-in account."""

    def __init__(
        self, services: Services, actor: Actor, db_path: Path,
        on_restore: Callable[[Path], None] | None = None, today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.actor = actor
        self.db_path = Path(db_path)
        self.on_restore = on_restore
        self.data_dir = AppPaths.default().data_dir
        self.last_message: QMessageBox | None = None
        user = actor.display_name or actor.username
        self.setWindowTitle(f"{APP_TITLE} — {self.db_path.name} — {user}（{actor.role.label}）")

        self.home = HomePage(services, actor, today)
        self.roster = RosterPage(services, actor)
        self.development = DevelopmentPage(services, actor, today, load=False)
        self.meetings = MeetingsPage(services, actor, today)
        self.transfers = TransfersPage(services, actor, today)
        self.data = DataPage(self.db_path, self.data_dir, services.backup_dir,
                             anchors=AnchorBox(services.db, actor))
        # the other settings pages are built when first shown: the window opens faster
        self._tabs = (
            LazyTab(self._make_organisation_page), LazyTab(partial(AccountsPage, services, actor)),
            LazyTab(partial(AuditPage, services, actor)),
            LazyTab(partial(WorkdayPage, services, actor, today)),
        )
        self.settings = QTabWidget()
        for page, title in zip((*self._tabs, self.data), SETTINGS_TABS, strict=True):
            self.settings.addTab(page, title)

        self.stack = QStackedWidget()
        for page in (self.home, self.roster, self.development, self.meetings, self.transfers,
                     self.settings):
            self.stack.addWidget(page)
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        font = self.nav.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.nav.setFont(font)
        self.nav.setStyleSheet("QListWidget#navigation::item { padding: 9px 14px; }")
        for number, area in enumerate(AREAS, start=1):
            item = QListWidgetItem(area)
            item.setToolTip(f"{area}（Ctrl+{number}）")
            self.nav.addItem(item)
        self.nav.setFixedWidth(self.nav.fontMetrics().horizontalAdvance("组织关系转接") + 48)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self._build_menus()
        status = QLabel(f"用户：{user}（{actor.role.label}）    数据库：{self.db_path}")
        status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().addPermanentWidget(status, 1)

        self.nav.setCurrentRow(HOME)  # before connecting: the home page has just been read
        self.nav.currentRowChanged.connect(self._show_area)
        self.settings.currentChanged.connect(self._settings_tab_shown)
        self.roster.members_changed.connect(self.home.invalidate)
        self.roster.members_changed.connect(self.development.invalidate)
        self.development.members_changed.connect(self.roster.apply_filter)
        self.development.members_changed.connect(self.home.invalidate)
        self.home.members_changed.connect(self.roster.apply_filter)
        self.meetings.meetings_changed.connect(self.development.invalidate)
        self.meetings.meetings_changed.connect(self.home.invalidate)
        self.transfers.transfers_changed.connect(self.roster.apply_filter)
        self.transfers.transfers_changed.connect(self.development.invalidate)
        self.transfers.transfers_changed.connect(self.home.invalidate)
        self.roster.members_changed.connect(self.transfers.invalidate)
        self.data.backup_requested.connect(self.backup_now)
        self.data.restore_requested.connect(self.restore_from_backup)
        self.resize(1200, 760)

    # settings pages, built on first use ----------------------------------------------------

    def _make_organisation_page(self) -> QWidget:
        page = OrganisationPage(self.services, self.actor)
        page.changed.connect(self._organisations_changed)
        return page

    @property
    def organisations(self) -> OrganisationPage:
        page = self._tabs[ORGANISATIONS_TAB].page()
        assert isinstance(page, OrganisationPage)
        return page

    @property
    def accounts(self) -> AccountsPage:
        page = self._tabs[ACCOUNTS_TAB].page()
        assert isinstance(page, AccountsPage)
        return page

    @property
    def audit(self) -> AuditPage:
        page = self._tabs[AUDIT_TAB].page()
        assert isinstance(page, AuditPage)
        return page

    # menus --------------------------------------------------------------------------------

    def _action(
        self, text: str, slot: Callable[[], object], shortcut: QKeySequence | str | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_menus(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu("文件(&F)")
        self.backup_action = self._action(
            "备份(&B)", self.backup_now, "Ctrl+B", "把当前数据库备份到备份文件夹"
        )
        self.backup_as_action = self._action(
            "备份到其他位置(&A)…", self.backup_to_file, None, "把当前数据库备份为您选择的文件"
        )
        self.restore_action = self._action(
            "从备份恢复(&R)…", self.restore_from_backup, None, "用一份备份替换当前数据库"
        )
        can_restore = self.on_restore is not None and self.actor.is_admin
        self.restore_action.setEnabled(can_restore)
        self.data.restore_button.setEnabled(can_restore)
        if not self.actor.is_admin:
            self.data.restore_button.setToolTip("仅管理员可以从备份恢复")
        self.quit_action = self._action("退出(&X)", self.close, "Ctrl+Q")
        self.import_members_action = self._action(
            "导入党员名册(&I)…", self.import_members, None,
            "从 Excel（.xlsx）或 CSV 文件导入党员名册：先逐行检查，再导入",
        )
        self.import_members_action.setEnabled(self.actor.can_edit_records)
        self.export_members_action = self._action(
            "导出党员名册(&E)…", self.export_members, None,
            "把花名册（当前筛选的人员或全部）导出为 Excel 文件",
        )
        self.template_action = self._action(
            "下载导入模板(&T)…", self.download_template, None,
            "保存一份空白的党员名册导入模板（含填写说明和示例）",
        )
        file_menu.addAction(self.import_members_action)
        file_menu.addAction(self.export_members_action)
        file_menu.addAction(self.template_action)
        file_menu.addSeparator()
        file_menu.addAction(self.backup_action)
        file_menu.addAction(self.backup_as_action)
        file_menu.addAction(self.restore_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        view_menu = menu.addMenu("视图(&V)")
        self.area_actions: list[QAction] = []
        for number, area in enumerate(AREAS):
            switch = partial(self.nav.setCurrentRow, number)
            action = self._action(area, switch, f"Ctrl+{number + 1}")
            view_menu.addAction(action)
            self.area_actions.append(action)

        tools_menu = menu.addMenu("工具(&T)")
        self.audit_action = self._action("审计日志(&L)", self.show_audit_log)
        self.verify_action = self._action(
            "校验数据库(&V)", self.verify_database, None, "检查数据库文件和审计链是否完好"
        )
        tools_menu.addAction(self.audit_action)
        tools_menu.addAction(self.verify_action)

        help_menu = menu.addMenu("帮助(&H)")
        self.about_action = self._action("关于支部台账(&A)", self.show_about)
        help_menu.addAction(self.about_action)

    # navigation ------------------------------------------------------------------------

    def current_area(self) -> str:
        return AREAS[self.stack.currentIndex()]

    def show_area(self, name: str) -> None:
        self.nav.setCurrentRow(AREAS.index(name))

    def _show_area(self, row: int) -> None:
        if not 0 <= row < len(AREAS):
            return
        if row == HOME:
            self.home.refresh()
        elif row == DEVELOPMENT:
            self.development.invalidate()
        elif row == MEETINGS:
            self.meetings.invalidate()
        elif row == TRANSFERS:
            self.transfers.invalidate()
        elif row == SETTINGS:
            self._settings_tab_shown(self.settings.currentIndex())
        self.stack.setCurrentIndex(row)

    def _settings_tab_shown(self, index: int) -> None:
        if index == DATA_TAB:
            self.data.refresh()
        elif 0 <= index < len(self._tabs):
            self._tabs[index].page()

    def show_settings_tab(self, index: int) -> None:
        self.nav.setCurrentRow(SETTINGS)
        self.settings.setCurrentIndex(index)

    def show_audit_log(self) -> None:
        self.show_settings_tab(AUDIT_TAB)

    def _organisations_changed(self) -> None:
        self.roster.refresh()
        self.development.reload_scopes()
        self.development.invalidate()
        self.home.reload_scopes()
        self.home.refresh()
        self.meetings.reload_branches()
        self.meetings.invalidate()

    # messages ----------------------------------------------------------------------------

    def _message(self, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
        """Show a message without blocking (window-modal); kept as ``last_message``."""
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        _localise(box)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.last_message = box
        return box

    # roster import and export -------------------------------------------------------------

    def import_members(self) -> None:
        """Show the roster and open the import dialog there."""
        self.show_area("花名册")
        self.roster.import_members()

    def export_members(self) -> None:
        """Show the roster and export it (its current filter or everyone)."""
        self.show_area("花名册")
        self.roster.export_members()

    def download_template(self) -> None:
        from branchdesk.gui.member_import_dialog import download_template

        download_template(self)

    # backup and restore ------------------------------------------------------------------

    def backup_now(self) -> Path | None:
        """Back up into the backup folder and say where the copy is."""
        return self._backup(None)

    def backup_to_file(self) -> Path | None:
        """Back up into a file the clerk chooses."""
        suggested = self.data_dir / f"{self.db_path.stem}-{dt.datetime.now():%Y%m%d-%H%M}.sqlite"
        name, _ = QFileDialog.getSaveFileName(
            self, "备份到", str(suggested), "支部台账数据库 (*.sqlite)"
        )
        if not name:
            return None
        target = Path(name)
        if target.suffix.lower() != ".sqlite":
            target = target.with_name(target.name + ".sqlite")
        if target.resolve() == self.db_path.resolve():
            show_error(self, "不能把备份写到正在使用的数据库文件上，请换一个文件名")
            return None
        return self._backup(target)

    def _backup(self, target: Path | None) -> Path | None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:  # checked first, written beside the target, renamed into place when complete
            written = self.services.backups.back_up(self.actor, target)
        except (BranchDeskError, DatabaseOpenError) as exc:
            QApplication.restoreOverrideCursor()
            show_error(self, exc)
            return None
        QApplication.restoreOverrideCursor()
        self.data.refresh()
        self.statusBar().showMessage(f"已备份到 {written}", 10000)
        self._message(QMessageBox.Icon.Information, "备份完成", f"数据库已备份到：\n{written}")
        return written

    def restore_from_backup(self) -> None:
        """Choose a backup, confirm, and hand it to the composition root to restore."""
        if self.on_restore is None or not self.actor.is_admin:
            return
        dialog = RestoreDialog(self.db_path, self.services.backup_dir, self)
        if not dialog.exec() or dialog.chosen is None:
            return
        chosen = dialog.chosen
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:  # a damaged or foreign file is refused before the clerk is asked anything
            self.services.backups.check_restorable(self.actor, chosen)
        except (BranchDeskError, DatabaseOpenError) as exc:
            QApplication.restoreOverrideCursor()
            show_error(self, exc)
            return
        QApplication.restoreOverrideCursor()
        if self.confirm_restore(chosen):
            self.on_restore(chosen)

    def confirm_restore(self, backup: Path) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Warning, "确认从备份恢复",
            f"确定要从备份“{backup.name}”恢复吗？\n\n"
            f"当前数据库“{self.db_path.name}”中的全部内容将被这份备份替换，"
            "备份之后录入的内容不会出现在恢复后的数据库中。\n\n"
            f"恢复前，程序会先把当前数据库备份到备份文件夹（{self.services.backup_dir}），"
            "需要时可以再从那份备份恢复回来。恢复后需要重新登录。",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        _localise(box)
        box.button(QMessageBox.StandardButton.Yes).setText("恢复")
        return box.exec() == QMessageBox.StandardButton.Yes

    # tools and help ------------------------------------------------------------------------

    def verify_database(self) -> None:
        """Check the database file and the audit chain; show the outcome in Chinese."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            report = self.services.audit.verify()
        finally:
            QApplication.restoreOverrideCursor()
        if report.sound:
            self._message(
                QMessageBox.Icon.Information, "校验数据库",
                f"数据库完好。\n已校验 {report.entries_checked} 条审计记录、"
                f"{report.records_checked} 条数据记录，未发现问题。",
            )
        else:
            self._message(
                QMessageBox.Icon.Critical, "校验数据库",
                "发现问题：\n" + "\n".join(report.problems)
                + "\n\n数据可能在支部台账之外被修改或文件已损坏。请保留当前文件，"
                "并考虑从备份恢复（文件 › 从备份恢复）。",
            )

    def show_about(self) -> None:
        """帮助 › 关于: version, folders and the licences (non-blocking; ``last_message``)."""
        from branchdesk.gui.about_dialog import AboutDialog

        box = AboutDialog(self.data_dir, self.db_path, self.services.backup_dir, self,
                          anchors=anchor_status(self.services.db).lines())
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.last_message = box

"""Importing and exporting the roster in the GUI: the checked preview, the template, the export."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHeaderView,
    QMessageBox,
    QWidget,
)

from branchdesk.core.actor import Actor
from branchdesk.core.errors import BranchDeskError
from branchdesk.core.member_export import write_template
from branchdesk.core.member_file_limits import ImportCancelled, ImportMonitor
from branchdesk.core.member_import import ImportPreview, ImportResult
from branchdesk.core.services import Services
from branchdesk.gui.common import ERROR_STYLE, confirm, fill_combo, show_error, show_info
from branchdesk.gui.forms.ui_member_import_dialog import Ui_MemberImportDialog
from branchdesk.gui.member_import_job import ImportJob
from branchdesk.gui.member_import_model import ImportPreviewModel, summary_text
from branchdesk.gui.signals import emit
from branchdesk.gui.wait_cursor import wait_cursor

OPEN_FILTER = "党员名册 (*.xlsx *.csv);;Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv);;所有文件 (*)"
XLSX_FILTER = "Excel 工作簿 (*.xlsx)"
TEMPLATE_NAME = "党员名册导入模板.xlsx"
NO_BRANCH = "（按文件中的“所在党支部”列）"
#: rows looked at to size the preview's columns (the rest are not read until shown)
WIDTH_SAMPLE = 50
MAX_COLUMN_CHARS = 24


def documents_folder() -> Path:
    """The clerk's Documents folder (the home folder when there is none)."""
    where = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(where) if where else Path.home()


def _with_xlsx(name: str) -> Path:
    target = Path(name)
    return target if target.suffix.lower() == ".xlsx" else target.with_name(target.name + ".xlsx")


def download_template(parent: QWidget | None) -> Path | None:
    """Ask where to save the import template, write it, and say where it is."""
    chosen, _ = QFileDialog.getSaveFileName(
        parent, "下载导入模板", str(documents_folder() / TEMPLATE_NAME), XLSX_FILTER
    )
    if not chosen:
        return None
    target = _with_xlsx(chosen)
    try:
        write_template(target)
    except OSError as exc:
        show_error(parent, f"无法保存模板到“{target}”：{exc.strerror or exc}。请换一个位置或关闭"
                           "正在打开此文件的 Excel/WPS 后重试。")
        return None
    show_info(parent, f"导入模板已保存到：\n{target}\n\n请在第一张表“党员名册”的表头下面"
                      "每人填一行（第二张表“填写说明”有各列的要求和示例），保存后再导入。",
              "模板已保存")
    return target


def ask_export_scope(parent: QWidget | None, filtered: int, total: int) -> bool | None:
    """Ask whether to export the filtered members (True) or all (False); None: cancelled."""
    box = QMessageBox(
        QMessageBox.Icon.Question, "导出党员名册",
        f"花名册当前筛选出 {filtered} 人（全部共 {total} 人）。\n\n要导出哪些人？",
        QMessageBox.StandardButton.NoButton, parent,
    )
    filtered_button = box.addButton(f"当前筛选的 {filtered} 人(&C)",
                                    QMessageBox.ButtonRole.AcceptRole)
    all_button = box.addButton(f"全部 {total} 人(&A)", QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton("取消", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(filtered_button)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    if clicked is filtered_button:
        return True
    if clicked is all_button:
        return False
    return None


def export_roster(
    parent: QWidget | None, services: Services, member_ids: Sequence[int] | None,
    today: dt.date | None = None,
) -> Path | None:
    """Ask where to save, write the members (None: all) to a workbook, say how many and where."""
    day = today or dt.date.today()
    suggested = documents_folder() / f"党员名册-{day:%Y%m%d}.xlsx"
    chosen, _ = QFileDialog.getSaveFileName(parent, "导出党员名册", str(suggested), XLSX_FILTER)
    if not chosen:
        return None
    target = _with_xlsx(chosen)
    try:
        with wait_cursor():
            count = services.member_export.export(target, member_ids)
    except OSError as exc:
        show_error(parent, f"无法保存到“{target}”：{exc.strerror or exc}。请换一个位置或关闭"
                           "正在打开此文件的 Excel/WPS 后重试。")
        return None
    except BranchDeskError as exc:
        show_error(parent, exc)
        return None
    show_info(parent, f"已导出 {count} 名党员到：\n{target}\n\n此文件可直接在 Excel/WPS 中查看，"
                      "也可修改后再导入（勾选“更新已登记的人员”）。", "导出完成")
    return target


class MemberImportDialog(QDialog):
    """导入党员名册: choose a file, see every row checked, import all, the valid ones, or none."""

    #: emitted after an import with the ids of the members written
    imported = Signal(list)

    def __init__(
        self, services: Services, actor: Actor, source: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.actor = actor
        self.source: Path | None = None
        self.import_result: ImportResult | None = None
        self.error = ""
        #: the reading, checking or writing under way on its worker thread
        self.job: ImportJob | None = None
        self.form = Ui_MemberImportDialog()
        self.form.setupUi(self)
        f = self.form

        fill_combo(f.branch, ((b.name, b.name) for b in services.organisations.branches()),
                   blank=NO_BRANCH)
        self.model = ImportPreviewModel(self)
        f.table.setModel(self.model)
        f.table.verticalHeader().hide()
        f.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        f.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        f.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        f.table.horizontalHeader().setHighlightSections(False)
        f.table.horizontalHeader().setStretchLastSection(True)
        f.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        f.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        f.summary.setText("请先选择要导入的文件，或下载模板按模板填写。")

        f.choose_button.clicked.connect(self.choose_file)
        f.branch.currentIndexChanged.connect(lambda _i: self.reload())
        f.update.toggled.connect(lambda _on: self.reload())
        f.import_all_button.clicked.connect(lambda: self.import_rows(skip_invalid=False))
        f.import_valid_button.clicked.connect(lambda: self.import_rows(skip_invalid=True))
        f.report_button.clicked.connect(self.save_report)
        f.template_button.clicked.connect(lambda: download_template(self))
        f.close_button.clicked.connect(self.reject)
        f.cancel_button.clicked.connect(self.cancel_job)
        self._update_buttons()
        if source is not None:
            self.load(source)
        f.choose_button.setFocus()

    # the file -------------------------------------------------------------------------------

    @property
    def preview(self) -> ImportPreview | None:
        return self.model.preview

    def choose_file(self) -> None:
        """Ask for a roster file and preview it."""
        start = str(self.source.parent if self.source else documents_folder())
        chosen, _ = QFileDialog.getOpenFileName(self, "选择党员名册", start, OPEN_FILTER)
        if chosen:
            self.load(Path(chosen), announce=True)

    def load(self, source: Path, announce: bool = False) -> None:
        """Preview ``source``; with ``announce`` an unreadable file is also told in a box."""
        self.source = Path(source)
        self.form.path.setText(str(self.source))
        self.form.path.setToolTip(str(self.source))
        self.reload(announce)

    def options(self) -> tuple[str | None, bool]:
        """The branch for rows without one (None: the file's column) and whether to update."""
        return self.form.branch.currentData(), self.form.update.isChecked()

    def reload(self, announce: bool = False) -> None:
        """Read and check the file again with the options as they stand (nothing is written)."""
        if self.source is None:
            return
        if self.job is not None:  # the options are disabled while a job runs
            return
        branch, update = self.options()
        source = self.source
        try:
            preview = self._run(
                "正在读取文件……",
                lambda monitor: self.services.member_import.preview(
                    source, branch, update, monitor
                ),
            )
        except ImportCancelled:
            self.model.set_preview(None)
            self.error = ""
            self.form.summary.setStyleSheet("")
            self.form.summary.setText("已取消读取文件，没有导入任何记录。可重新选择文件。")
            self._update_buttons()
            return
        except BranchDeskError as exc:
            self.model.set_preview(None)
            self.error = str(exc)
            self.form.summary.setStyleSheet(ERROR_STYLE)
            self.form.summary.setText(f"无法读取：{exc}")
            self._update_buttons()
            if announce:
                show_error(self, exc)
            return
        self.error = ""
        self.model.set_preview(preview)
        self.form.summary.setStyleSheet(ERROR_STYLE if preview.invalid_rows else "")
        self.form.summary.setText(summary_text(preview))
        self._size_columns()
        self._update_buttons()

    def _size_columns(self) -> None:
        """Column widths from the header and the first rows (not all 10,000)."""
        metrics = self.form.table.fontMetrics()
        limit = metrics.horizontalAdvance("中") * MAX_COLUMN_CHARS
        count = self.model.rowCount()
        rows = [*range(min(count, WIDTH_SAMPLE)), *range(max(WIDTH_SAMPLE, count - 5), count)]
        for column in range(self.model.columnCount()):
            texts = [str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")]
            texts += [str(self.model.index(r, column).data() or "") for r in rows]
            width = max(metrics.horizontalAdvance(t) for t in texts) + 24
            self.form.table.setColumnWidth(column, min(width, limit))

    def _update_buttons(self) -> None:
        preview = self.preview
        rows = len(preview.rows) if preview else 0
        invalid = len(preview.invalid_rows) if preview else 0
        can_edit = self.actor.can_edit_records
        self.form.import_all_button.setEnabled(can_edit and rows > 0 and invalid == 0)
        self.form.import_valid_button.setEnabled(can_edit and 0 < invalid < rows)
        self.form.report_button.setEnabled(invalid > 0)

    # actions ---------------------------------------------------------------------------------

    def import_rows(self, skip_invalid: bool) -> ImportResult | None:
        """Import every row (all valid) or only the valid ones (after asking); then close."""
        preview = self.preview
        if preview is None or not preview.rows:
            return None
        invalid = len(preview.invalid_rows)
        valid = len(preview.rows) - invalid
        if invalid and not skip_invalid:
            return None
        if skip_invalid and invalid:
            if not valid:
                return None
            if not confirm(
                self,
                f"有 {invalid} 行有问题，将跳过不导入；只导入其余 {valid} 行无误的行。\n\n"
                "跳过的行可先用“保存问题清单”保存下来，改正后再导入。\n\n确定导入吗？",
                "只导入无误的行",
            ):
                return None
        count = len(preview.rows) - (invalid if skip_invalid else 0)
        shown = self.form.summary.text()
        self.form.summary.setText(f"正在导入 {count} 行，请稍候……")
        try:
            result = self._run(
                f"正在导入 {count} 行……",
                lambda monitor: self.services.member_import.import_preview(
                    self.actor, preview, skip_invalid=skip_invalid, monitor=monitor
                ),
            )
        except ImportCancelled as exc:
            self.form.summary.setText(f"{exc}\n{shown}")
            return None
        except BranchDeskError as exc:
            self.form.summary.setText(shown)
            show_error(self, exc)
            self.reload()  # the database may have changed since the preview
            return None
        self.import_result = result
        emit(self.imported, list(result.member_ids))
        show_info(self, _result_text(result), "导入完成")
        self.accept()
        return result

    # the worker ----------------------------------------------------------------------------

    def _run(self, text: str, work: Callable[[ImportMonitor], Any]) -> Any:
        """Run ``work`` on a worker thread, showing its progress and the 取消 button meanwhile."""
        job = ImportJob(work, self)
        job.progressed.connect(self._show_progress)
        self.job = job
        self._set_running(True, text)
        try:
            return job.run_and_wait()
        finally:
            self.job = None
            self._set_running(False)
            job.deleteLater()

    def _set_running(self, running: bool, text: str = "") -> None:
        f = self.form
        for widget in (f.choose_button, f.branch, f.update, f.import_all_button,
                       f.import_valid_button, f.report_button, f.template_button,
                       f.close_button):
            widget.setEnabled(not running)
        f.progress.setVisible(running)
        f.cancel_button.setVisible(running)
        f.cancel_button.setEnabled(running)
        if running:
            f.progress.setRange(0, 0)
            f.progress.setFormat(text)
            f.cancel_button.setFocus()
        else:
            self._update_buttons()

    def _show_progress(self, text: str, done: int, total: int) -> None:
        bar = self.form.progress
        if self.job is None or self.job.monitor.cancelled:
            return
        if total > 0:
            bar.setRange(0, 1000)
            bar.setValue(min(1000, done * 1000 // total))
        bar.setFormat(text)

    def cancel_job(self) -> None:
        """Stop the reading or the import under way; nothing is imported."""
        if self.job is None:
            return
        self.job.cancel()
        self.form.cancel_button.setEnabled(False)
        self.form.progress.setFormat("正在取消……")

    def reject(self) -> None:
        """Esc or 关闭 while a job runs cancels the job and keeps the dialog open."""
        if self.job is not None:
            self.cancel_job()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.job is not None:
            self.cancel_job()
            event.ignore()
            return
        super().closeEvent(event)

    def save_report(self) -> Path | None:
        """Save the rejected rows with a 问题 column as a workbook to fix and import again."""
        preview = self.preview
        if preview is None or not preview.invalid_rows:
            return None
        suggested = preview.source.with_name(f"{preview.source.stem}-问题清单.xlsx")
        chosen, _ = QFileDialog.getSaveFileName(self, "保存问题清单", str(suggested), XLSX_FILTER)
        if not chosen:
            return None
        target = _with_xlsx(chosen)
        if target.resolve() == preview.source.resolve():
            show_error(self, "不能把问题清单保存到正在导入的文件上，请换一个文件名")
            return None
        try:
            self.services.member_import.write_report(preview, target)
        except OSError as exc:
            show_error(self, f"无法保存问题清单到“{target}”：{exc.strerror or exc}。请换一个位置或"
                             "关闭正在打开此文件的 Excel/WPS 后重试。")
            return None
        show_info(self, f"已把 {len(preview.invalid_rows)} 行有问题的行保存到：\n{target}\n\n"
                        "“问题”一列写明了每行要改正的地方；改正后可直接导入此文件（“问题”“原行号”两列不导入）。",
                  "问题清单已保存")
        return target


def _result_text(result: ImportResult) -> str:
    parts = [f"已导入 {result.imported} 名人员"]
    if result.updated:
        parts.append(f"更新 {result.updated} 名已登记的人员")
    if result.skipped:
        parts.append(f"跳过 {result.skipped} 行有问题的行")
    return "，".join(parts) + (
        "。\n\n导入的发展日期已作为发展档案的历史记录保存，首页待办据此提醒下一步。"
    )


def import_members(
    parent: QWidget | None, services: Services, actor: Actor, source: Path | None = None,
) -> ImportResult | None:
    """Open the import dialog (on ``source`` when given); what was imported, or None."""
    dialog = MemberImportDialog(services, actor, source, parent)
    dialog.exec()
    return dialog.import_result

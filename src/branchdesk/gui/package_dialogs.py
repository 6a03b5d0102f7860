"""Transfer packages in the GUI: export one, preview and import one; 发展材料转递."""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

from PySide6.QtCore import QStandardPaths, QTimer
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from branchdesk.core.actor import Actor
from branchdesk.core.errors import BranchDeskError, ValidationError
from branchdesk.core.package_format import (
    SUFFIX,
    PackageError,
    load_package_file,
    short_checksum,
)
from branchdesk.core.services import Services
from branchdesk.core.transfer_package import PackagePreview
from branchdesk.core.transfers import IN_DEVELOPMENT, HandoverInput, TransferInfo
from branchdesk.gui.common import (
    FieldErrors,
    combo_data,
    combo_set_data,
    date_value,
    fill_combo,
    prepare_date_edit,
    setup_dialog_buttons,
    show_error,
    show_info,
)
from branchdesk.gui.forms.ui_handover_dialog import Ui_HandoverDialog
from branchdesk.gui.forms.ui_package_import_dialog import Ui_PackageImportDialog
from branchdesk.gui.package_passphrase import open_sealed, seal_for_export

FILE_FILTER = f"BranchDesk 转接包 (*{SUFFIX});;所有文件 (*)"
HANDOVER_REASONS = ("工作调动", "升学", "毕业", "迁居", "参军", "其他")
#: the picker shows at most this many matches; type more of the name to narrow it
PICKER_LIMIT = 50


def _documents() -> Path:
    where = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(where) if where and Path(where).is_dir() else Path.home()


def export_package(
    parent: QWidget | None, services: Services, actor: Actor, transfer: TransferInfo,
    target: Path | None = None,
) -> Path | None:
    """Ask where to save the package of an outgoing transfer, write it, say its 校验码."""
    try:
        data, name = services.packages.export(actor, transfer.id)
    except BranchDeskError as exc:
        show_error(parent, exc)
        return None
    if target is None:
        chosen, _ = QFileDialog.getSaveFileName(
            parent, "导出转接包", str(_documents() / name), FILE_FILTER
        )
        if not chosen:
            return None
        target = Path(chosen)
        if target.suffix.lower() != SUFFIX:
            target = target.with_name(target.name + SUFFIX)
    sealed = seal_for_export(parent, services, data)  # an encrypted database: AES-256-GCM
    if sealed is None:
        return None
    try:
        target.write_bytes(sealed)
    except OSError as exc:
        show_error(parent, f"无法保存转接包到“{target}”：{exc.strerror or exc}。请换一个位置。")
        return None
    checksum = services.transfers.get(transfer.id).package_sha256
    show_info(
        parent,
        f"已导出{transfer.member_name}的转接包：\n{target}\n\n校验码：{short_checksum(checksum)}\n\n"
        "请将此文件（U 盘或内网）交给接收党组织；对方导入时会核对校验码，也可电话核对。",
        "转接包已导出",
    )
    return target


def import_package(
    parent: QWidget | None, services: Services, actor: Actor, source: Path | None = None,
    today: dt.date | None = None,
) -> PackageImportDialog | None:
    """Ask for a package file, verify it and open the preview (None when refused)."""
    if source is None:
        chosen, _ = QFileDialog.getOpenFileName(parent, "导入转接包", str(_documents()),
                                                FILE_FILTER)
        if not chosen:
            return None
        source = Path(chosen)
    try:
        opened = open_sealed(parent, load_package_file(source))  # asks for its passphrase
        if opened is None:
            return None
        data = opened
        preview = services.packages.preview(data)
    except OSError as exc:
        show_error(parent, f"无法读取“{source}”：{exc.strerror or exc}")
        return None
    except PackageError as exc:
        show_error(parent, exc)
        return None
    return PackageImportDialog(services, actor, data, preview, source.name, today, parent)


def _summary(preview: PackagePreview, file_name: str) -> str:
    rows = [
        ("文件", file_name),
        ("校验码", preview.checksum_text),
        ("姓名", f"{preview.name}（{preview.gender}）"),
        ("公民身份号码", preview.id_number),
        ("人员类别", preview.stage_label),
        ("转接方式", "组织关系介绍信" if preview.kind == "letter" else "发展材料转递"),
    ]
    if preview.letter_number:
        rows.append(("介绍信编号", preview.letter_number))
    rows += [
        ("转出党组织", preview.from_organisation),
        ("转往", preview.to_organisation),
        ("导出", f"{preview.exported_at.replace('T', ' ')}（{preview.exported_by}）"),
        ("发展档案", f"{preview.records} 条记录，{preview.reviews} 次审核"),
        ("材料", f"{preview.materials} 份"),
        ("简历与变动", f"简历 {preview.resume_lines} 行，变动记录 {preview.events} 条"),
    ]
    cells = "".join(
        f"<tr><td style='padding-right:12px;color:#555'>{html.escape(k)}</td>"
        f"<td>{html.escape(v)}</td></tr>" for k, v in rows
    )
    return f"<table>{cells}</table>"


class PackageImportDialog(QDialog):
    """导入转接包: what the package holds, whether it can come in, and where to place it."""

    def __init__(
        self, services: Services, actor: Actor, data: bytes, preview: PackagePreview,
        file_name: str, today: dt.date | None = None, parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services, self.actor, self.data, self.preview = services, actor, data, preview
        self.saved_id: int | None = None
        self.ui = Ui_PackageImportDialog()
        self.ui.setupUi(self)
        self.setWindowTitle(f"导入转接包 — {preview.name}")
        setup_dialog_buttons(self, self.ui.buttons, "导入")
        self.errors = FieldErrors.from_form(self.ui, ("branch_id", "group_id", "arrival_date"))
        self.ui.summary.setText(_summary(preview, file_name))
        fill_combo(self.ui.branch_id,
                   ((b.name, b.id) for b in services.organisations.branches()),
                   blank="（请选择党支部）")
        self.ui.branch_id.currentIndexChanged.connect(lambda _i: self._fill_groups())
        self._fill_groups()
        prepare_date_edit(self.ui.arrival_date, today or services.packages.today())
        self._show_situation()

    def _show_situation(self) -> None:
        p = self.preview
        if p.refusal:
            text, colour = f"不能导入：{p.refusal}", "#b00020"
        elif p.returning_member_id is not None:
            text, colour = (f"{p.name}曾在本单位，导入后恢复其原档案，并补入在外期间记录的步骤。",
                            "#1a5e20")
        elif p.waiting_transfer_id is not None:
            text, colour = (f"已登记的{p.name}的转入介绍信将一并编入党支部。", "#1a5e20")
        else:
            text, colour = (f"将新建{p.name}的党员记录和发展档案，并登记组织关系转入。", "#1a5e20")
        self.ui.situation.setText(text)
        self.ui.situation.setStyleSheet(f"color: {colour}")
        ok = self.ui.buttons.button(self.ui.buttons.StandardButton.Ok)
        ok.setEnabled(not p.refusal)
        for widget in (self.ui.branch_id, self.ui.group_id, self.ui.arrival_date):
            widget.setEnabled(not p.refusal)

    def _fill_groups(self) -> None:
        branch = combo_data(self.ui.branch_id)
        groups = self.services.organisations.groups_of(branch) if branch is not None else []
        fill_combo(self.ui.group_id, ((g.name, g.id) for g in groups), blank="（不编入党小组）")

    def accept(self) -> None:
        self.errors.clear()
        branch = combo_data(self.ui.branch_id)
        arrival = date_value(self.ui.arrival_date)
        try:
            if branch is None:
                raise ValidationError({"branch_id": "请选择编入的党支部"})
            assert arrival is not None
            self.saved_id = self.services.packages.import_package(
                self.actor, self.data, branch, arrival, combo_data(self.ui.group_id)
            )
        except BranchDeskError as exc:
            self.errors.show_exception(exc)
            return
        super().accept()


class HandoverDialog(QDialog):
    """发展材料转递: someone in development moves; their file goes to the new organisation."""

    def __init__(
        self, services: Services, actor: Actor, member_id: int | None = None,
        today: dt.date | None = None, parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services, self.actor = services, actor
        self.saved_id: int | None = None
        self.ui = Ui_HandoverDialog()
        self.ui.setupUi(self)
        setup_dialog_buttons(self, self.ui.buttons, "转递")
        self.errors = FieldErrors.from_form(
            self.ui, ("member", "to_organisation", "reason", "issue_date")
        )
        self.ui.reason.addItems(HANDOVER_REASONS)
        self.ui.reason.setCurrentIndex(-1)
        self.ui.reason.lineEdit().setPlaceholderText("选择或填写，如“工作调动”")
        prepare_date_edit(self.ui.issue_date, today or services.transfers.today())
        self.ui.contact.setText(actor.display_name)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.refresh_people)
        self.ui.search.textChanged.connect(lambda _t: self._timer.start())
        self.refresh_people()
        if member_id is not None:
            self._preselect(member_id)

    def refresh_people(self) -> None:
        """Up to 50 people in development matching the search text."""
        current = combo_data(self.ui.member)
        matches = self.services.transfer_list.transferable(
            self.ui.search.text(), PICKER_LIMIT, stages=IN_DEVELOPMENT
        )
        fill_combo(
            self.ui.member,
            ((m.label, m.id) for m in matches),
            blank="（请选择）" if matches else "（没有找到在培养中的人员）",
        )
        if current is not None:
            combo_set_data(self.ui.member, current)
        elif len(matches) == 1:
            self.ui.member.setCurrentIndex(1)

    def _preselect(self, member_id: int) -> None:
        if combo_set_data(self.ui.member, member_id):
            return
        choice = self.services.transfer_list.choice(member_id, stages=IN_DEVELOPMENT)
        if choice is not None:
            self.ui.member.addItem(choice.label, choice.id)
            combo_set_data(self.ui.member, member_id)

    def accept(self) -> None:
        self.errors.clear()
        member = combo_data(self.ui.member)
        day = date_value(self.ui.issue_date)
        try:
            if member is None:
                raise ValidationError({"member": "请选择转递材料的入党申请人、积极分子或发展对象"})
            assert day is not None
            self.saved_id = self.services.transfers.hand_over(
                self.actor, member,
                HandoverInput(self.ui.to_organisation.text(), self.ui.reason.currentText(),
                              day, self.ui.contact.text()),
            )
        except BranchDeskError as exc:
            self.errors.show_exception(exc)
            return
        super().accept()

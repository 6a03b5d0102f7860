"""One meeting's record, read-only, with every version, its attachments, 更正 and 打印."""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from branchdesk.core.actor import Actor
from branchdesk.core.errors import BranchDeskError
from branchdesk.core.meetings import (
    RECORDERS,
    MeetingDetail,
    MeetingVersionView,
    vote_subjects,
)
from branchdesk.core.services import Services
from branchdesk.gui.common import format_local, show_error
from branchdesk.gui.meeting_dialog import MeetingDialog, ask_attachment, open_attachment
from branchdesk.gui.signals import emit

if TYPE_CHECKING:
    from branchdesk.gui.pdf_preview import PdfPreviewDialog


def _paragraph(text: str) -> str:
    return escape(text).replace("\n", "<br>") if text.strip() else "（无）"


def version_html(detail: MeetingDetail, view: MeetingVersionView) -> str:
    """The record of one version as HTML for the read-only view."""
    data = view.data
    names = view.names
    rows = [
        ("会议类型", detail.kind.label),
        ("召开组织", detail.organisation),
        ("日期", f"{data.date:%Y-%m-%d}"
         + (f"　{data.start_time}—{data.end_time}" if data.start_time or data.end_time else "")),
        ("地点", data.place), ("主持人", data.host), ("记录人", data.recorder),
    ]
    if data.speaker or data.topic:
        rows += [("授课人", data.speaker), ("党课题目", data.topic)]
    expected = [a.name for a in view.expected]
    present = [names.get(i, str(i)) for i in data.present]
    absent = [f"{names.get(i, str(i))}（{reason}）" for i, reason in data.absences]
    rows += [
        ("应到", f"{len(expected)} 人：{'、'.join(expected)}" if expected else "0 人"),
        ("实到", f"{len(present)} 人：{'、'.join(present)}" if present else "0 人"),
        ("缺席人员及原因", "、".join(absent) or "无"),
        ("列席", data.guests or "无"),
    ]
    parts = [
        '<table cellspacing="0" cellpadding="4" border="1" style="border-collapse: collapse;"'
        ' width="100%">'
    ]
    for label, value in rows:
        parts.append(f'<tr><th align="left" width="18%">{escape(label)}</th>'
                     f"<td>{escape(value)}</td></tr>")
    parts.append("</table>")
    if view.quorum_note:
        parts.append(f'<p style="color:#c00000"><b>{escape(view.quorum_note)}</b></p>')
    parts.append("<h3>议题</h3>")
    for index, item in enumerate(data.agenda):
        parts.append(f"<p><b>{index + 1}. {escape(item.title)}</b></p>")
        parts.append(f"<p>讨论情况：{_paragraph(item.discussion)}</p>")
        if item.resolution:
            parts.append(f"<p>决议：{_paragraph(item.resolution)}</p>")
        results = [r for i, r in view.votes if i == index]
        for subject, result in zip(vote_subjects(item.votes, names), results, strict=True):
            colour = "#1b5e20" if result.passed else "#c00000"
            parts.append(
                f"<p>表决：{escape(subject)}（{escape(result.vote.method)}）<br>"
                f"{escape(result.quorum_text)}<br>"
                f'<span style="color:{colour}"><b>{escape(result.result_text)}</b></span></p>'
            )
    parts.append(f"<h3>讨论情况</h3><p>{_paragraph(data.discussion)}</p>")
    parts.append(f"<h3>会议决议</h3><p>{_paragraph(data.resolutions)}</p>")
    return "".join(parts)


def version_label(view: MeetingVersionView) -> str:
    """第 2 版（更正：地点记错）— who and when."""
    when = format_local(view.recorded_at)
    if view.version == 1:
        return f"第 1 版（原始记录，{view.recorded_by} 录入于 {when}）"
    return f"第 {view.version} 版（更正：{view.correction_reason}；{view.recorded_by} 于 {when}）"


class MeetingViewDialog(QDialog):
    """A meeting's record as kept, with its earlier versions selectable."""

    #: emitted after a correction or a new attachment
    changed = Signal()

    def __init__(
        self, services: Services, actor: Actor, meeting_id: int, today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services, self.actor, self.meeting_id = services, actor, meeting_id
        self._today = today
        self.editor: MeetingDialog | None = None
        self.preview: PdfPreviewDialog | None = None
        self.detail = services.meetings.get(meeting_id)

        self.heading = QLabel()
        self.versions = QComboBox()
        self.versions.setToolTip("更正后原记录仍保留：在这里查看各版本")
        self.version_info = QLabel()
        self.version_info.setWordWrap(True)
        self.version_info.setStyleSheet("color: #555;")
        versions_label = QLabel("版本(&V)：")
        versions_label.setBuddy(self.versions)
        self.text = QTextBrowser()
        self.text.setOpenLinks(False)
        self.attachments = QListWidget()
        self.attachments.setMaximumHeight(90)
        self.open_button = QPushButton("打开附件(&O)")
        self.attach_button = QPushButton("添加附件(&F)…")
        self.correct_button = QPushButton("更正(&C)…")
        self.correct_button.setToolTip("写一个更正版本；原记录保留，可在“版本”中查看")
        self.print_button = QPushButton("打印(&P)…")
        self.print_button.setToolTip("预览并打印这次会议的记录（Ctrl+P）")
        close_button = QPushButton("关闭")
        for button in (self.open_button, self.attach_button, self.correct_button,
                       self.print_button):
            button.setAutoDefault(False)
        may_write = actor.role in RECORDERS
        self.correct_button.setVisible(may_write)
        self.attach_button.setVisible(may_write)

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(versions_label)
        top.addWidget(self.versions)
        files = QHBoxLayout()
        files.addWidget(QLabel("附件："))
        files.addWidget(self.attachments, 1)
        file_buttons = QVBoxLayout()
        file_buttons.addWidget(self.open_button)
        file_buttons.addWidget(self.attach_button)
        file_buttons.addStretch(1)
        files.addLayout(file_buttons)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.correct_button, self.print_button, close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.version_info)
        layout.addWidget(self.text, 1)
        layout.addLayout(files)
        layout.addLayout(buttons)

        self.versions.currentIndexChanged.connect(self._show_version)
        self.open_button.clicked.connect(self.open_selected_attachment)
        self.attachments.itemActivated.connect(lambda _i: self.open_selected_attachment())
        self.attach_button.clicked.connect(self.add_attachment)
        self.correct_button.clicked.connect(self.correct)
        self.print_button.clicked.connect(self.print_minutes)
        close_button.clicked.connect(self.accept)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_minutes)
        self._fill()
        self.resize(860, 760)
        close_button.setFocus()

    def _fill(self) -> None:
        detail = self.detail
        current = detail.current
        self.setWindowTitle(f"会议记录 — {detail.kind.label} {current.data.date:%Y-%m-%d}")
        self.heading.setText(
            f"<b>{escape(detail.organisation)} {detail.kind.label}</b>　"
            f"{current.data.date:%Y-%m-%d}　共 {len(detail.versions)} 版"
        )
        self.versions.blockSignals(True)
        self.versions.clear()
        for view in detail.versions:
            short = "原始记录" if view.version == 1 else "更正"
            self.versions.addItem(f"第 {view.version} 版（{short}）", view.version)
        self.versions.setCurrentIndex(len(detail.versions) - 1)
        self.versions.blockSignals(False)
        self._show_version(len(detail.versions) - 1)
        self.attachments.clear()
        for info in detail.attachments:
            self.attachments.addItem(f"{info.title}（{info.file_name}）")
        if detail.attachments:
            self.attachments.setCurrentRow(0)
        self.open_button.setEnabled(bool(detail.attachments))

    def _show_version(self, index: int) -> None:
        if not 0 <= index < len(self.detail.versions):
            return
        view = self.detail.versions[index]
        self.version_info.setText(version_label(view))
        note = ""
        if index < len(self.detail.versions) - 1:
            note = ('<p style="background:#fff4d6; padding:4px">这是较早的版本，'
                    "已被更正；当前有效的是最后一版。</p>")
        self.text.setHtml(note + version_html(self.detail, view))

    def reload(self) -> None:
        self.detail = self.services.meetings.get(self.meeting_id)
        self._fill()

    def shown_text(self) -> str:
        """The record as shown now (for tests and checks)."""
        return self.text.toPlainText()

    def correction_dialog(self) -> MeetingDialog:
        return MeetingDialog(self.services, self.actor, self.meeting_id, self._today, self)

    def correct(self) -> None:
        """Open the editor on the current version; a save adds a version."""
        try:
            dialog = self.correction_dialog()
        except BranchDeskError as exc:
            show_error(self, exc)
            return
        self.editor = dialog
        if dialog.exec():
            self.reload()
            emit(self.changed)

    def add_attachment(self) -> None:
        chosen = ask_attachment(self)
        if chosen is None:
            return
        try:
            self.services.meetings.attach(self.actor, self.meeting_id, *chosen)
        except BranchDeskError as exc:
            show_error(self, exc)
            return
        self.reload()
        emit(self.changed)

    def open_selected_attachment(self) -> None:
        row = self.attachments.currentRow()
        if 0 <= row < len(self.detail.attachments):
            open_attachment(self.services, self.detail.attachments[row], self)

    def print_minutes(self) -> PdfPreviewDialog | None:
        """Preview this meeting's minutes as printed (会议记录), to print or save."""
        self.preview = print_meeting(self.services, self.detail, self)
        return self.preview


def print_meeting(
    services: Services, detail: MeetingDetail, parent: QWidget
) -> PdfPreviewDialog | None:
    """Show one meeting's minutes (PDF) in a preview; None when it cannot be made."""
    try:
        # loaded on first use: reportlab and QtPdf need not slow the program's start
        from branchdesk.reports.minutes_service import minutes_pdf

        pdf = minutes_pdf(services, detail.id)
    except (BranchDeskError, ImportError) as exc:
        show_error(parent, exc)
        return None
    from branchdesk.gui.pdf_preview import PdfPreviewDialog

    name = f"会议记录-{detail.organisation}-{detail.kind.label}-{detail.current.data.date:%Y%m%d}"
    preview = PdfPreviewDialog(pdf, f"会议记录 — {detail.kind.label}", f"{name}.pdf", parent)
    preview.open()
    return preview

"""``branchdesk --selftest``: prove that an installation (or a frozen bundle) works.

On a temporary database, without a display: start Qt with its Chinese translation and the
icon, create the database through the Alembic migrations, the first administrator (Argon2)
and a branch, open the main window, create a member and find it by pinyin initials, print the
member's booklet to a PDF with its font embedded, write the Excel import template, show the
licences, and run ``verify``. Every step prints a line; the first failure stops the test with
a Chinese message and exit code 1. Nothing outside a temporary folder is touched.

``BRANCHDESK_SELFTEST_FAIL=<step>`` makes that step fail (to test the failure path).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sys
import tempfile
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from branchdesk import APP_TITLE, __version__
from branchdesk.paths import HOME_ENV

if TYPE_CHECKING:
    from branchdesk.core.actor import Actor
    from branchdesk.core.services import Services

FAIL_ENV = "BRANCHDESK_SELFTEST_FAIL"
TODAY = dt.date(2026, 11, 26)
MEMBER_NAME = "张三"


class SelfTestError(Exception):
    """A step found something wrong; the message says what, in Chinese."""


@dataclass
class Context:
    """What the steps share: the temporary folder and what earlier steps made."""

    folder: Path
    db_path: Path = field(init=False)
    services: Services | None = None
    actor: Actor | None = None
    window: Any = None
    branch_id: int | None = None
    member_id: int | None = None
    previous_handler: Any = None
    handler_installed: bool = False

    def __post_init__(self) -> None:
        self.db_path = self.folder / "自检.sqlite"

    def need_services(self) -> Services:
        if self.services is None:
            raise SelfTestError("数据库未打开")
        return self.services

    def close(self) -> None:
        if self.window is not None:
            self.window.close()
            self.window.deleteLater()
            self.window = None
        if self.services is not None:
            self.services.db.dispose()
            self.services = None
        if self.handler_installed:
            from PySide6.QtCore import qInstallMessageHandler

            qInstallMessageHandler(self.previous_handler)  # None: Qt's own again
            self.handler_installed = False


def step_qt(ctx: Context) -> str:
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from branchdesk.gui.about_dialog import ICON_SIZES, application_icon
    from branchdesk.gui.launcher import _install_qt_translations

    ctx.previous_handler = qInstallMessageHandler(_qt_message)
    ctx.handler_installed = True
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "branchdesk"])
    assert isinstance(app, QApplication)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    probe = QTranslator()
    if not probe.load(QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_",
                      folder):
        raise SelfTestError(f"找不到 Qt 的中文翻译 qtbase_zh_CN.qm（{folder}）")
    _install_qt_translations(app)
    icon = application_icon()
    sizes = sorted(size.width() for size in icon.availableSizes())
    if sizes != list(ICON_SIZES):
        raise SelfTestError(f"程序图标不全：只有 {sizes} 像素")
    app.setWindowIcon(icon)
    return f"Qt {QLibraryInfo.version().toString()}，平台 {app.platformName()}"


#: what Qt's offscreen platform says about every top-level window: not a problem
QT_NOISE = ("This plugin does not support propagateSizeHints()",)


def _qt_message(kind: Any, context: Any, message: str) -> None:
    """Qt's warnings on stderr as they come (a missing plugin shows here), less the noise."""
    if message not in QT_NOISE:
        print(f"Qt：{message}", file=sys.stderr, flush=True)


def step_database(ctx: Context) -> str:
    from branchdesk.core.actor import Actor
    from branchdesk.core.services import Services
    from branchdesk.core.vocab import OrgKind, Role
    from branchdesk.storage.migrate import SCHEMA_REVISION, create_database, head_revision

    head = head_revision()
    if head != SCHEMA_REVISION:
        raise SelfTestError(f"数据库迁移脚本不全：最新版本 {head}，应为 {SCHEMA_REVISION}")
    db = create_database(ctx.db_path)
    ctx.services = services = Services.build(db, ctx.folder / "backups", today=TODAY)
    services.accounts.create_first_admin("admin", "自检-口令-2026", "自检管理员")
    actor = services.accounts.login("admin", "自检-口令-2026")
    if actor.role is not Role.ADMIN:
        raise SelfTestError("管理员登录后不是管理员")
    ctx.actor = Actor(actor.username, actor.role, actor.display_name)
    committee = services.organisations.create(actor, OrgKind.COMMITTEE, "中共自检委员会", None)
    ctx.branch_id = services.organisations.create(actor, OrgKind.BRANCH, "自检党支部", committee)
    return f"数据库版本 {SCHEMA_REVISION}，管理员账户（Argon2id）"


def step_window(ctx: Context) -> str:
    from PySide6.QtWidgets import QApplication

    from branchdesk.gui.main_window import MainWindow

    services = ctx.need_services()
    assert ctx.actor is not None
    window = MainWindow(services, ctx.actor, ctx.db_path, today=TODAY)
    ctx.window = window
    window.show()
    QApplication.processEvents()
    if not window.isVisible() or APP_TITLE not in window.windowTitle():
        raise SelfTestError("主窗口未显示")
    return window.windowTitle()


def step_member(ctx: Context) -> str:
    from PySide6.QtWidgets import QApplication

    from branchdesk.core.idnumber import make_id_number
    from branchdesk.core.member_rules import MemberInput
    from branchdesk.core.vocab import Stage

    services = ctx.need_services()
    assert ctx.actor is not None and ctx.window is not None
    member = MemberInput(
        name=MEMBER_NAME,
        id_number=make_id_number("110105", dt.date(1980, 5, 1), 13),
        branch_id=ctx.branch_id,
        stage=Stage.FULL,
        join_date=dt.date(2005, 7, 1),
        full_member_date=dt.date(2006, 7, 1),
    )
    ctx.member_id = services.members.create(ctx.actor, member)
    window = ctx.window
    window.show_area("花名册")
    window.roster.search_edit.setText("zs")  # pinyin initials: the pypinyin data is there
    window.roster.apply_filter()
    QApplication.processEvents()
    found = window.roster.model.rowCount()
    if found != 1 or window.roster.model.member_id(0) != ctx.member_id:
        raise SelfTestError(f"花名册中按拼音首字母 zs 找到 {found} 人，应为 1 人（{MEMBER_NAME}）")
    return f"{MEMBER_NAME}，花名册按拼音 zs 可查到"


def step_booklet(ctx: Context) -> str:
    from branchdesk.reports import booklet_service
    from branchdesk.reports.fonts import find_fonts, shipped_font

    services = ctx.need_services()
    assert ctx.member_id is not None
    shipped_font()  # the font in the package, whatever the system has
    target = ctx.folder / "纪实表.pdf"
    booklet_service.save_booklet(services, ctx.member_id, target, TODAY)
    data = target.read_bytes() if target.exists() else b""
    if not data.startswith(b"%PDF"):
        raise SelfTestError("纪实表不是 PDF 文件")
    if b"/FontFile2" not in data:
        raise SelfTestError("纪实表 PDF 中没有嵌入 TrueType 字体")
    return f"{len(data) // 1024} KB，字体 {find_fonts().body.source}，已嵌入"


def step_excel(ctx: Context) -> str:
    from openpyxl import load_workbook

    from branchdesk.core.member_export import write_template

    target = ctx.folder / "导入模板.xlsx"
    write_template(target)
    book = load_workbook(target, read_only=True)
    try:
        names = list(book.sheetnames)
    finally:
        book.close()
    if "填写说明" not in names:
        raise SelfTestError(f"导入模板缺少“填写说明”（工作表：{'、'.join(names)}）")
    return "、".join(names)


def step_about(ctx: Context) -> str:
    from branchdesk.gui.about_dialog import COMPONENTS, AboutDialog

    assert ctx.window is not None
    missing = [c.name for c in COMPONENTS if not c.text().strip()]
    if missing:
        raise SelfTestError(f"许可证文本缺失：{'、'.join(missing)}")
    ctx.window.show_about()
    box = ctx.window.last_message
    if not isinstance(box, AboutDialog) or __version__ not in box.text():
        raise SelfTestError("“关于支部台账”未显示版本号")
    licences = box.show_licences()
    rows = licences.list.count()
    licences.reject()
    box.accept()
    return f"版本 {__version__}，许可证 {rows} 项"


def step_verify(ctx: Context) -> str:
    from branchdesk import cli

    ctx.close()  # the window and its connections closed first, as on quitting
    if cli.main(["verify", "--db", str(ctx.db_path)]) != 0:
        raise SelfTestError("branchdesk verify 报告数据库有问题")
    return ""


STEPS: tuple[tuple[str, str, Callable[[Context], str]], ...] = (
    ("qt", "启动 Qt、中文翻译和程序图标", step_qt),
    ("database", "新建数据库（Alembic 迁移）和管理员账户", step_database),
    ("window", "打开主窗口", step_window),
    ("member", "新建党员", step_member),
    ("booklet", "打印发展党员全程纪实表（PDF）", step_booklet),
    ("excel", "写出党员名册导入模板（Excel）", step_excel),
    ("about", "关于支部台账和许可证", step_about),
    ("verify", "校验数据库（branchdesk verify）", step_verify),
)


def _close_logs_in(folder: Path) -> None:
    """Close the log files ``verify`` opened in the temporary folder (Windows deletes no open
    file)."""
    logger = logging.getLogger("branchdesk")
    for handler in list(logger.handlers):
        name = getattr(handler, "baseFilename", None)
        if name is not None and Path(name).resolve().is_relative_to(folder.resolve()):
            logger.removeHandler(handler)
            handler.close()


def run(out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run every step on a temporary database; 0 when all passed, 1 at the first failure."""
    out = out or sys.stdout
    err = err or sys.stderr
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    fail_at = os.environ.get(FAIL_ENV, "")
    saved_home = os.environ.get(HOME_ENV)
    print(f"{APP_TITLE}（BranchDesk）{__version__} 自检：", file=out, flush=True)
    with tempfile.TemporaryDirectory(
        prefix="branchdesk-selftest-", ignore_cleanup_errors=True
    ) as folder:
        os.environ[HOME_ENV] = folder  # logs, backups: all in the temporary folder
        ctx = Context(Path(folder))
        label = ""
        try:
            for key, label, step in STEPS:
                if key == fail_at:
                    raise SelfTestError(f"按环境变量 {FAIL_ENV}={key} 的要求使此步失败")
                detail = step(ctx)
                print(f"[通过] {label}" + (f"：{detail}" if detail else ""), file=out, flush=True)
        except Exception as exc:
            reason = str(exc) if isinstance(exc, SelfTestError) else f"{type(exc).__name__}: {exc}"
            print(f"[失败] {label}：{reason}", file=err)
            if not isinstance(exc, SelfTestError):
                traceback.print_exc(file=err)
            print("自检未通过：本程序的安装不完整或已损坏，请重新安装。", file=err, flush=True)
            return 1
        finally:
            ctx.close()
            _close_logs_in(Path(folder))
            if saved_home is None:
                os.environ.pop(HOME_ENV, None)
            else:
                os.environ[HOME_ENV] = saved_home
    print(f"自检通过：全部 {len(STEPS)} 项正常。", file=out, flush=True)
    return 0

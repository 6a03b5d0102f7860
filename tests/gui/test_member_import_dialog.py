"""The 导入党员名册 dialog driven like a clerk: choose a file, read the red cells, import."""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from branchdesk.core.actor import Actor
from branchdesk.core.idnumber import make_id_number
from branchdesk.core.member_import import ImportPreview, ImportProblem, ImportRow
from branchdesk.core.services import Services
from branchdesk.core.vocab import Stage
from branchdesk.gui import member_import_dialog
from branchdesk.gui.member_import_dialog import MemberImportDialog
from branchdesk.gui.member_import_model import (
    PROBLEM_BACKGROUND,
    PROBLEM_ROLE,
    ROW_VALID_ROLE,
    ImportPreviewModel,
)
from branchdesk.storage.roster import RosterFilter
from tests.gui.dialog_driver import on_next_modal

HEADERS = ["姓名", "性别", "公民身份号码", "人员类别", "所在党支部", "接收预备党员日期",
           "转为正式党员日期", "联系电话"]


def idn(year: int = 1990, sequence: int = 13) -> str:
    return make_id_number("110105", dt.date(year, 5, 1), sequence)


def wrong_check(number: str) -> str:
    return number[:17] + ("1" if number[17] != "1" else "2")


def workbook(path: Path, rows: list[list[Any]], headers: list[str] = HEADERS) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def _row(name: str, number: str, joined: str = "2015-07-01", full: str | None = "2016-07-01",
         stage: str = "正式党员", branch: str = "第一党支部") -> list[Any]:
    gender = "男" if int(number[16]) % 2 else "女"
    return [name, gender, number, stage, branch, joined, full, "13800138000"]


@pytest.fixture
def good_file(tmp_path: Path) -> Path:
    return workbook(tmp_path / "名册.xlsx", [
        _row("张三", idn(1980, 11)),
        _row("李四", idn(1990, 13), branch="第二党支部"),
    ])


@pytest.fixture
def bad_file(tmp_path: Path) -> Path:
    """Row 2 valid, row 3 a wrong ID check digit, row 4 a join date in the future."""
    return workbook(tmp_path / "有问题的名册.xlsx", [
        _row("张三", idn(1980, 11)),
        _row("李四", wrong_check(idn(1990, 13))),
        _row("王五", idn(1992, 15), joined="2027-03-01", full=None, stage="预备党员"),
    ])


def _dialog(qtbot, services: Services, actor: Actor,  # type: ignore[no-untyped-def]
            source: Path | None = None) -> MemberImportDialog:
    dialog = MemberImportDialog(services, actor, source)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _choose(monkeypatch: pytest.MonkeyPatch, path: Path, kind: str = "getOpenFileName") -> None:
    monkeypatch.setattr(member_import_dialog.QFileDialog, kind,
                        lambda *_a, **_k: (str(path), ""))


def _press(text: str, seen: list[str]) -> Callable[[Any], None]:
    """A modal handler: note the box's text, then press the button reading ``text``."""
    def handler(box: Any) -> None:
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        for button in box.buttons():
            if button.text().startswith(text):
                button.click()
                return
        raise AssertionError(f"no button {text} in {[b.text() for b in box.buttons()]}")
    return handler


def _all_names(services: Services) -> list[str]:
    ids = services.members.search_ids(RosterFilter())
    return sorted(services.members.get(i).data.name for i in ids)


# the preview ---------------------------------------------------------------------------


def test_preview_model_passes_qtmodeltester(qtmodeltester, services: Services,
                                            bad_file: Path) -> None:
    model = ImportPreviewModel()
    qtmodeltester.check(model)
    model.set_preview(services.member_import.preview(bad_file))
    qtmodeltester.check(model)
    assert model.rowCount() == 3 and model.columnCount() == 1 + len(HEADERS)
    model.set_preview(None)
    qtmodeltester.check(model)


def test_choosing_a_file_marks_each_problem_in_its_cell(
    qtbot, monkeypatch: pytest.MonkeyPatch, services: Services, clerk: Actor, bad_file: Path
) -> None:
    dialog = _dialog(qtbot, services, clerk)
    assert not dialog.form.import_all_button.isEnabled()
    assert not dialog.form.import_valid_button.isEnabled()
    _choose(monkeypatch, bad_file)
    qtbot.mouseClick(dialog.form.choose_button, Qt.MouseButton.LeftButton)

    model = dialog.model
    assert dialog.form.path.text() == str(bad_file)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["行号", *HEADERS]
    assert [model.index(r, 0).data() for r in range(3)] == ["2", "3", "4"]
    id_column = headers.index("公民身份号码")
    bad_id = model.index(1, id_column)
    assert bad_id.data() == wrong_check(idn(1990, 13))
    assert bad_id.data(PROBLEM_ROLE) is True
    assert bad_id.data(Qt.ItemDataRole.BackgroundRole).color() == PROBLEM_BACKGROUND
    assert "校验位不正确" in bad_id.data(Qt.ItemDataRole.ToolTipRole)
    future = model.index(2, headers.index("接收预备党员日期"))
    assert future.data(PROBLEM_ROLE) is True
    assert "不能晚于今天" in future.data(Qt.ItemDataRole.ToolTipRole)
    # the row number cell marks the row and lists all its problems; good cells are plain
    assert model.index(1, 0).data(ROW_VALID_ROLE) is False
    assert model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole).startswith("第 3 行 [公民身份号码]")
    assert model.index(0, id_column).data(Qt.ItemDataRole.BackgroundRole) is None
    assert model.index(0, 0).data(ROW_VALID_ROLE) is True
    assert model.index(1, headers.index("姓名")).data(PROBLEM_ROLE) is False

    summary = dialog.form.summary.text()
    assert summary.startswith("共 3 行，其中 2 行有问题")
    assert "第 3 行 [公民身份号码] 公民身份号码校验位不正确" in summary
    assert "第 4 行 [接收预备党员日期]" in summary
    assert not dialog.form.import_all_button.isEnabled()
    assert dialog.form.import_valid_button.isEnabled()
    assert dialog.form.report_button.isEnabled()


def test_import_valid_rows_only_asks_first_then_imports_them(
    qtbot, monkeypatch: pytest.MonkeyPatch, services: Services, clerk: Actor, bad_file: Path
) -> None:
    dialog = _dialog(qtbot, services, clerk, bad_file)
    received: list[list[int]] = []
    dialog.imported.connect(received.append)
    questions: list[str] = []
    infos: list[str] = []

    def answer_no(box: Any) -> None:
        _press("否", questions)(box)

    driver = on_next_modal(answer_no)
    qtbot.mouseClick(dialog.form.import_valid_button, Qt.MouseButton.LeftButton)
    driver.check()
    assert "有 2 行有问题，将跳过不导入；只导入其余 1 行无误的行" in questions[0]
    assert _all_names(services) == [] and dialog.isVisible()

    def answer_yes(box: Any) -> None:
        on_next_modal(_press("确定", infos))
        _press("是", questions)(box)

    driver = on_next_modal(answer_yes)
    qtbot.mouseClick(dialog.form.import_valid_button, Qt.MouseButton.LeftButton)
    driver.check()
    qtbot.waitUntil(lambda: bool(infos))
    assert infos[0].startswith("已导入 1 名人员，跳过 2 行有问题的行。")
    assert _all_names(services) == ["张三"]
    assert dialog.import_result is not None and dialog.import_result.skipped == 2
    assert received == [list(dialog.import_result.member_ids)]
    assert not dialog.isVisible()


def test_a_gbk_csv_with_every_row_valid_imports_all(
    qtbot, services: Services, clerk: Actor, tmp_path: Path
) -> None:
    lines = [",".join(HEADERS)] + [",".join(str(v or "") for v in row) for row in (
        _row("张三", idn(1980, 11)),
        _row("欧阳娜", idn(1995, 22), joined="", full="", stage="入党申请人", branch="第二党支部"),
    )]
    source = tmp_path / "名册.csv"
    source.write_bytes("\r\n".join(lines).encode("gbk"))
    dialog = _dialog(qtbot, services, clerk, source)
    assert dialog.form.summary.text() == "共 2 行，全部无误，可以导入。"
    assert dialog.model.index(1, 1).data() == "欧阳娜"
    assert dialog.form.import_all_button.isEnabled()
    assert not dialog.form.import_valid_button.isEnabled()
    assert not dialog.form.report_button.isEnabled()

    infos: list[str] = []
    driver = on_next_modal(_press("确定", infos))
    qtbot.mouseClick(dialog.form.import_all_button, Qt.MouseButton.LeftButton)
    driver.check()
    assert infos[0].startswith("已导入 2 名人员。")
    assert _all_names(services) == ["张三", "欧阳娜"]
    ouyang = services.members.get(dialog.import_result.member_ids[1])  # type: ignore[union-attr]
    assert ouyang.data.stage is Stage.APPLICANT and ouyang.branch_name == "第二党支部"


def test_branch_choice_and_update_box_read_the_file_again(
    qtbot, monkeypatch: pytest.MonkeyPatch, services: Services, clerk: Actor,
    add_member: Callable[..., int], tmp_path: Path,
) -> None:
    add_member("张三", sequence=11)  # born 1980-05-01, as in the file
    headers = [h for h in HEADERS if h != "所在党支部"]
    rows = [[v for i, v in enumerate(_row("张三", idn(1980, 11), joined="2005-07-01",
                                          full="2006-07-01")) if HEADERS[i] != "所在党支部"],
            [v for i, v in enumerate(_row("李四", idn(1990, 13))) if HEADERS[i] != "所在党支部"]]
    source = workbook(tmp_path / "无支部列.xlsx", rows, headers)

    dialog = _dialog(qtbot, services, clerk)
    errors: list[str] = []
    _choose(monkeypatch, source)
    driver = on_next_modal(_press("确定", errors))
    qtbot.mouseClick(dialog.form.choose_button, Qt.MouseButton.LeftButton)
    driver.check()
    assert "缺少必填的列：“所在党支部”（或在导入时指定党支部）" in errors[0]
    assert dialog.model.rowCount() == 0
    assert dialog.form.summary.text().startswith("无法读取：")
    assert not dialog.form.import_all_button.isEnabled()

    assert dialog.form.branch.itemText(0) == "（按文件中的“所在党支部”列）"
    dialog.form.branch.setCurrentIndex(dialog.form.branch.findText("第二党支部"))
    assert dialog.model.rowCount() == 2
    zhang = dialog.model.index(0, 0)
    assert "已登记为 张三（第一党支部）" in zhang.data(Qt.ItemDataRole.ToolTipRole)
    assert "勾选“更新已登记的人员”" in zhang.data(Qt.ItemDataRole.ToolTipRole)
    assert dialog.form.import_valid_button.isEnabled()

    qtbot.mouseClick(dialog.form.update, Qt.MouseButton.LeftButton)
    assert dialog.preview is not None and dialog.preview.update
    assert dialog.preview.rows[0].updates and dialog.preview.rows[0].valid
    assert "其中 1 行是已登记的人员（按文件更新）" in dialog.form.summary.text()
    assert dialog.form.import_all_button.isEnabled()
    infos: list[str] = []
    driver = on_next_modal(_press("确定", infos))
    qtbot.mouseClick(dialog.form.import_all_button, Qt.MouseButton.LeftButton)
    driver.check()
    assert infos[0].startswith("已导入 1 名人员，更新 1 名已登记的人员。")
    moved = [services.members.get(i) for i in services.members.search_ids(RosterFilter())]
    assert {m.data.name: m.branch_name for m in moved} == {
        "张三": "第二党支部", "李四": "第二党支部",
    }


def test_an_unreadable_file_is_refused_in_chinese_and_nothing_is_imported(
    qtbot, monkeypatch: pytest.MonkeyPatch, services: Services, clerk: Actor, tmp_path: Path
) -> None:
    junk = tmp_path / "名册.xlsx"
    junk.write_bytes(os.urandom(3000))
    dialog = _dialog(qtbot, services, clerk)
    _choose(monkeypatch, junk)
    errors: list[str] = []
    driver = on_next_modal(_press("确定", errors))
    qtbot.mouseClick(dialog.form.choose_button, Qt.MouseButton.LeftButton)
    box = driver.check()
    assert box.windowTitle() == "无法完成操作"
    assert "名册.xlsx" in errors[0] and "Traceback" not in errors[0]
    assert any("\u4e00" <= ch <= "\u9fff" for ch in errors[0].replace("名册", ""))
    assert dialog.model.rowCount() == 0
    for button in (dialog.form.import_all_button, dialog.form.import_valid_button,
                   dialog.form.report_button):
        assert not button.isEnabled()
    assert _all_names(services) == []


def test_a_row_registered_meanwhile_is_refused_and_nothing_is_imported(
    qtbot, services: Services, clerk: Actor, add_member: Callable[..., int], good_file: Path
) -> None:
    dialog = _dialog(qtbot, services, clerk, good_file)
    assert dialog.form.import_all_button.isEnabled()
    add_member("李四", id_number=idn(1990, 13), join_date=dt.date(2015, 7, 1),
               full_member_date=dt.date(2016, 7, 1))  # another clerk registers 李四 meanwhile
    errors: list[str] = []
    driver = on_next_modal(_press("确定", errors))
    qtbot.mouseClick(dialog.form.import_all_button, Qt.MouseButton.LeftButton)
    driver.check()
    assert "没有导入任何记录" in errors[0]
    assert _all_names(services) == ["李四"]
    # the preview is read again: 李四's row is now the problem
    assert dialog.isVisible() and not dialog.form.import_all_button.isEnabled()
    assert dialog.model.index(1, 0).data(ROW_VALID_ROLE) is False


def test_the_template_downloads_and_previews_empty(
    qtbot, monkeypatch: pytest.MonkeyPatch, services: Services, clerk: Actor, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, services, clerk)
    target = tmp_path / "模板"
    _choose(monkeypatch, target, "getSaveFileName")
    infos: list[str] = []
    driver = on_next_modal(_press("确定", infos))
    qtbot.mouseClick(dialog.form.template_button, Qt.MouseButton.LeftButton)
    driver.check()
    written = tmp_path / "模板.xlsx"
    assert written.is_file() and str(written) in infos[0]
    preview = services.member_import.preview(written)
    assert preview.rows == () and "所在党支部" in preview.columns

    dialog.load(written)
    assert dialog.form.summary.text().startswith("文件中没有数据行")
    assert dialog.model.rowCount() == 0 and dialog.model.columnCount() > 10
    assert not dialog.form.import_all_button.isEnabled()


def test_the_problem_list_is_saved_for_fixing(
    qtbot, monkeypatch: pytest.MonkeyPatch, services: Services, clerk: Actor, bad_file: Path,
    tmp_path: Path,
) -> None:
    from openpyxl import load_workbook

    dialog = _dialog(qtbot, services, clerk, bad_file)
    _choose(monkeypatch, tmp_path / "问题", "getSaveFileName")
    infos: list[str] = []
    driver = on_next_modal(_press("确定", infos))
    qtbot.mouseClick(dialog.form.report_button, Qt.MouseButton.LeftButton)
    driver.check()
    assert infos[0].startswith("已把 2 行有问题的行保存到")
    sheet = load_workbook(tmp_path / "问题.xlsx").active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][-2:] == ("问题", "原行号")
    assert [(r[0], r[-1]) for r in rows[1:]] == [("李四", 3), ("王五", 4)]
    assert "校验位不正确" in rows[1][-2]


def test_a_reviewer_sees_the_preview_but_cannot_import(
    qtbot, services: Services, reviewer: Actor, good_file: Path
) -> None:
    dialog = _dialog(qtbot, services, reviewer, good_file)
    assert dialog.model.rowCount() == 2
    assert not dialog.form.import_all_button.isEnabled()


def test_tab_order_and_mnemonics(qtbot, services: Services, clerk: Actor) -> None:
    dialog = _dialog(qtbot, services, clerk)
    f = dialog.form
    order = [f.choose_button, f.branch, f.update, f.table, f.import_all_button,
             f.import_valid_button, f.report_button, f.template_button, f.close_button]
    for before, after in zip(order, order[1:], strict=False):
        assert before.nextInFocusChain() is after or _next_focus(before) is after
    texts = [f.choose_button.text(), f.update.text(), f.import_all_button.text(),
             f.import_valid_button.text(), f.report_button.text(), f.template_button.text()]
    mnemonics = [t[t.index("&") + 1] for t in texts]
    assert mnemonics == ["O", "U", "I", "V", "R", "T"]
    assert f.branchLabel.buddy() is f.branch


def _next_focus(widget: Any) -> Any:
    nxt = widget.nextInFocusChain()
    while nxt is not None and not (nxt.focusPolicy() & Qt.FocusPolicy.TabFocus):
        nxt = nxt.nextInFocusChain()
    return nxt


def test_ten_thousand_rows_preview_at_once(
    qtbot, monkeypatch: pytest.MonkeyPatch, services: Services, clerk: Actor, tmp_path: Path
) -> None:
    columns = tuple(HEADERS)
    rows = tuple(
        ImportRow(
            n, {h: f"{h}{n}" for h in columns},
            (ImportProblem(n, "公民身份号码", "校验位不正确"),) if n % 7 == 0 else (),
            f"人{n}", str(n),
        )
        for n in range(2, 10_002)
    )
    preview = ImportPreview(columns, rows, tmp_path / "大.xlsx")
    monkeypatch.setattr(services.member_import, "preview", lambda *_a, **_k: preview)
    dialog = _dialog(qtbot, services, clerk)
    start = time.perf_counter()
    dialog.load(tmp_path / "大.xlsx")
    dialog.form.table.scrollToBottom()
    qtbot.wait(10)
    elapsed = time.perf_counter() - start
    assert dialog.model.rowCount() == 10_000
    assert dialog.form.summary.text().startswith("共 10000 行，其中 1428 行有问题")
    assert dialog.form.import_valid_button.isEnabled()
    assert elapsed < 1.0, f"the preview of 10,000 rows took {elapsed:.2f} s"


# reading off the UI thread -------------------------------------------------------------


def test_cancelling_a_big_file_imports_nothing_and_the_dialog_stays_usable(
    qtbot, monkeypatch: pytest.MonkeyPatch, services: Services, clerk: Actor, tmp_path: Path,
    good_file: Path,
) -> None:
    from PySide6.QtCore import QTimer

    big = tmp_path / "大名册.csv"
    with big.open("w", encoding="utf-8") as out:
        out.write(",".join(HEADERS) + "\n")
        for n in range(60_000):
            out.write(",".join(str(v or "") for v in _row(f"人{n}", idn(1980, n % 997))) + "\n")
    dialog = _dialog(qtbot, services, clerk)
    seen: list[str] = []

    def click_cancel_when_shown() -> None:
        if dialog.form.cancel_button.isVisible() and dialog.form.progress.isVisible():
            seen.append(dialog.form.progress.format())
            assert not dialog.form.choose_button.isEnabled()
            qtbot.mouseClick(dialog.form.cancel_button, Qt.MouseButton.LeftButton)
        else:
            timer.start()

    timer = QTimer(dialog, singleShot=True, interval=20)
    timer.timeout.connect(click_cancel_when_shown)
    timer.start()
    _choose(monkeypatch, big)
    qtbot.mouseClick(dialog.form.choose_button, Qt.MouseButton.LeftButton)

    assert seen and seen[0].startswith("正在")  # the progress was shown while reading
    assert dialog.form.summary.text().startswith("已取消读取文件，没有导入任何记录")
    assert dialog.model.rowCount() == 0 and dialog.job is None
    assert not dialog.form.cancel_button.isVisible() and not dialog.form.progress.isVisible()
    assert not dialog.form.import_all_button.isEnabled()
    assert dialog.form.choose_button.isEnabled() and _all_names(services) == []

    # the same dialog then reads and imports a normal file
    _choose(monkeypatch, good_file)
    qtbot.mouseClick(dialog.form.choose_button, Qt.MouseButton.LeftButton)
    assert dialog.form.summary.text() == "共 2 行，全部无误，可以导入。"
    infos: list[str] = []
    driver = on_next_modal(_press("确定", infos))
    qtbot.mouseClick(dialog.form.import_all_button, Qt.MouseButton.LeftButton)
    driver.check()
    assert infos[0].startswith("已导入 2 名人员。")
    assert _all_names(services) == ["张三", "李四"]


def test_a_file_over_the_limits_is_refused_in_the_dialog(
    qtbot, monkeypatch: pytest.MonkeyPatch, services: Services, clerk: Actor, tmp_path: Path
) -> None:
    big = tmp_path / "超大.csv"
    with big.open("w", encoding="utf-8") as out:
        out.write(",".join(HEADERS) + "\n")
        out.write("张三,1,正式党员,第一党支部\n" * 200_001)
    dialog = _dialog(qtbot, services, clerk)
    _choose(monkeypatch, big)
    errors: list[str] = []
    driver = on_next_modal(_press("确定", errors))
    qtbot.mouseClick(dialog.form.choose_button, Qt.MouseButton.LeftButton)
    driver.check()
    assert errors == [
        "文件过大：第 200,001 行超过了行数的上限（最多 200,000 行），请分成几个文件导入。"
    ]
    assert dialog.model.rowCount() == 0 and _all_names(services) == []
    assert dialog.form.choose_button.isEnabled()

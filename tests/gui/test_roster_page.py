"""The 花名册 page driven like a clerk: search box, filters, buttons by role."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from branchdesk.core.actor import Actor
from branchdesk.core.idnumber import make_id_number
from branchdesk.core.services import Services
from branchdesk.core.transfers import OutgoingInput
from branchdesk.core.vocab import Stage
from branchdesk.gui.roster_model import NAME_COLUMN
from branchdesk.gui.roster_page import RosterPage


def _names(page: RosterPage) -> list[str]:
    model = page.model
    return [str(model.data(model.index(r, NAME_COLUMN))) for r in range(model.rowCount())]


@pytest.fixture
def seeded(services: Services, add_member: Callable[..., int]) -> dict[str, int]:
    second = services.organisations.find_by_name("第二党支部")
    assert second is not None
    return {
        "张三": add_member("张三", sequence=11),
        "李四": add_member("李四", sequence=12),
        "王五": add_member("王五", sequence=13, stage=Stage.ACTIVIST, join_date=None,
                         full_member_date=None),
        "周明": add_member("周明", sequence=14, branch_id=second.id),
    }


def _page(qtbot, services: Services, actor: Actor) -> RosterPage:  # type: ignore[no-untyped-def]
    page = RosterPage(services, actor)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_typing_pinyin_initials_finds_the_member(qtbot, services: Services, clerk: Actor,
                                                 seeded: dict[str, int]) -> None:
    page = _page(qtbot, services, clerk)
    assert page.count_label.text() == "共 4 人"
    qtbot.keyClicks(page.search_edit, "zs")
    qtbot.waitUntil(lambda: _names(page) == ["张三"])
    assert page.count_label.text() == "共 1 人"

    page.search_edit.clear()
    qtbot.waitUntil(lambda: len(_names(page)) == 4)
    fragment = make_id_number("110105", dt.date(1980, 5, 1), 12)[-6:]
    qtbot.keyClicks(page.search_edit, fragment)
    qtbot.waitUntil(lambda: _names(page) == ["李四"])


def test_ctrl_f_focuses_search_and_enter_selects_first_hit(
    qtbot, services: Services, clerk: Actor, seeded: dict[str, int]
) -> None:
    page = _page(qtbot, services, clerk)
    with qtbot.waitActive(page):
        page.activateWindow()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search_edit.hasFocus()
    qtbot.keyClicks(page.search_edit, "ww")
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    assert _names(page) == ["王五"]
    assert page.selected_member_id() == seeded["王五"]
    assert page.open_button.isEnabled()


def test_filter_by_stage(qtbot, services: Services, clerk: Actor,
                         seeded: dict[str, int]) -> None:
    page = _page(qtbot, services, clerk)
    page.stage_combo.setCurrentIndex(page.stage_combo.findText("入党积极分子"))
    assert _names(page) == ["王五"]
    page.stage_combo.setCurrentIndex(page.stage_combo.findText("正式党员"))
    assert sorted(_names(page)) == sorted(["张三", "李四", "周明"])
    assert page.count_label.text() == "共 3 人"


def test_filter_by_status(qtbot, services: Services, clerk: Actor,
                          seeded: dict[str, int]) -> None:
    letter = services.transfers.issue(clerk, seeded["李四"], OutgoingInput(
        "中共外地党委第一党支部", "转往外地", 2026, 1, dt.date(2026, 1, 5)))
    services.transfers.record_receipt(clerk, letter, dt.date(2026, 1, 20), "外地党支部", "刘红")
    page = _page(qtbot, services, clerk)
    page.status_combo.setCurrentIndex(page.status_combo.findText("已转出"))
    assert _names(page) == ["李四"]


def test_filter_by_branch_and_group(qtbot, services: Services, clerk: Actor, branch_id: int,
                                    seeded: dict[str, int]) -> None:
    group = services.organisations.groups_of(branch_id)[0]
    services.members.update(clerk, seeded["张三"], _with_group(services, seeded["张三"], group.id))
    page = _page(qtbot, services, clerk)
    items = [page.org_combo.itemText(i).strip("　") for i in range(page.org_combo.count())]
    assert items[:5] == ["全部组织", "中共测试委员会", "第一党支部", "第一党小组", "第二党支部"]

    page.org_combo.setCurrentIndex(items.index("第二党支部"))
    assert _names(page) == ["周明"]
    page.org_combo.setCurrentIndex(items.index("第一党支部"))
    assert sorted(_names(page)) == sorted(["张三", "李四", "王五"])
    assert page.default_branch_id() == branch_id
    page.org_combo.setCurrentIndex(items.index("第一党小组"))
    assert _names(page) == ["张三"]
    page.org_combo.setCurrentIndex(items.index("中共测试委员会"))
    assert len(_names(page)) == 4


def _with_group(services: Services, member_id: int, group_id: int):  # type: ignore[no-untyped-def]
    from dataclasses import replace

    return replace(services.members.get(member_id).data, group_id=group_id)


def test_reviewer_has_no_add_button(qtbot, services: Services, reviewer: Actor, clerk: Actor,
                                    seeded: dict[str, int]) -> None:
    page = _page(qtbot, services, reviewer)
    assert not page.add_button.isVisible()
    assert not page.voided_check.isVisible()
    assert len(_names(page)) == 4
    clerk_page = _page(qtbot, services, clerk)
    assert clerk_page.add_button.isVisible()
    assert clerk_page.add_button.shortcut().toString() == "Ctrl+N"


def test_voided_records_only_for_the_administrator(qtbot, services: Services, admin: Actor,
                                                   clerk: Actor, seeded: dict[str, int]) -> None:
    services.members.void(clerk, seeded["王五"], "重复录入")
    assert not _page(qtbot, services, clerk).voided_check.isVisible()
    page = _page(qtbot, services, admin)
    assert "王五" not in _names(page)
    qtbot.mouseClick(page.voided_check, Qt.MouseButton.LeftButton)
    assert "王五（已作废）" in _names(page)


def _answer_dialog(qtbot, check: Callable[[object], None]) -> list[object]:  # type: ignore[no-untyped-def]
    """Close the next modal dialog (after ``check`` looked at it); return what was seen."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog

    seen: list[object] = []

    def close() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, close)
            return
        seen.append(dialog)
        check(dialog)
        assert isinstance(dialog, QDialog)
        dialog.reject()

    QTimer.singleShot(0, close)
    return seen


def test_enter_opens_the_selected_member(qtbot, services: Services, clerk: Actor,
                                         seeded: dict[str, int]) -> None:
    from branchdesk.gui.member_dialog import MemberDialog

    page = _page(qtbot, services, clerk)
    assert page.select_member(seeded["李四"])
    page.table.setFocus()
    seen = _answer_dialog(qtbot, lambda d: None)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(seen))
    assert isinstance(seen[0], MemberDialog)
    assert seen[0].member_id == seeded["李四"]


def test_ctrl_n_opens_new_member_in_the_chosen_branch(qtbot, services: Services, clerk: Actor,
                                                      seeded: dict[str, int]) -> None:
    from branchdesk.gui.member_dialog import MemberDialog

    page = _page(qtbot, services, clerk)
    second = services.organisations.find_by_name("第二党支部")
    assert second is not None and page.select_organisation(second.id)
    with qtbot.waitActive(page):
        page.activateWindow()
    branches: list[object] = []
    seen = _answer_dialog(
        qtbot, lambda d: branches.append(d.ui.branch_id.currentData())  # type: ignore[attr-defined]
    )
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(seen))
    assert isinstance(seen[0], MemberDialog)
    assert seen[0].member_id is None
    assert branches == [second.id]


# import and export ---------------------------------------------------------------------


def test_import_and_export_buttons_by_role(qtbot, services: Services, reviewer: Actor,
                                           clerk: Actor, seeded: dict[str, int]) -> None:
    page = _page(qtbot, services, reviewer)
    assert not page.import_button.isVisible()
    assert page.export_button.isVisible() and page.export_button.text() == "导出…(&E)"
    clerk_page = _page(qtbot, services, clerk)
    assert clerk_page.import_button.isVisible() and clerk_page.import_button.text() == "导入…(&I)"


def _press(text: str, seen: list[str]) -> Callable[[object], None]:
    from PySide6.QtWidgets import QMessageBox

    def handler(box: object) -> None:
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        for button in box.buttons():
            if button.text().startswith(text):
                button.click()
                return
        raise AssertionError(f"no button {text} in {[b.text() for b in box.buttons()]}")

    return handler


def test_importing_from_the_roster_shows_the_new_members(
    qtbot, monkeypatch: pytest.MonkeyPatch, services: Services, clerk: Actor,
    seeded: dict[str, int], tmp_path: Path,
) -> None:
    from openpyxl import Workbook

    from branchdesk.gui import member_import_dialog
    from branchdesk.gui.member_import_dialog import MemberImportDialog
    from tests.gui.dialog_driver import on_next_modal

    book = Workbook()
    book.active.append(["姓名", "公民身份号码", "人员类别", "所在党支部", "申请入党日期"])
    book.active.append(["赵六", make_id_number("110105", dt.date(1998, 3, 2), 31), "入党申请人",
                        "第二党支部", "2026-03-01"])
    book.active.append(["钱七", "110105199803021234", "入党申请人", "第二党支部", "2026-03-01"])
    source = tmp_path / "新名册.xlsx"
    book.save(source)
    monkeypatch.setattr(member_import_dialog.QFileDialog, "getOpenFileName",
                        lambda *_a, **_k: (str(source), ""))
    page = _page(qtbot, services, clerk)
    changed: list[bool] = []
    page.members_changed.connect(lambda: changed.append(True))
    texts: list[str] = []

    def drive(dialog: object) -> None:
        assert isinstance(dialog, MemberImportDialog)
        qtbot.mouseClick(dialog.form.choose_button, Qt.MouseButton.LeftButton)
        assert dialog.form.summary.text().startswith("共 2 行，其中 1 行有问题")

        def yes(box: object) -> None:
            on_next_modal(_press("确定", texts))
            _press("是", texts)(box)

        on_next_modal(yes)
        qtbot.mouseClick(dialog.form.import_valid_button, Qt.MouseButton.LeftButton)

    driver = on_next_modal(drive)
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    driver.check()
    assert "只导入其余 1 行无误的行" in texts[0]
    assert texts[1].startswith("已导入 1 名人员，跳过 1 行有问题的行。")
    assert page.count_label.text() == "共 5 人"
    assert "赵六" in _names(page) and "钱七" not in _names(page)
    assert page.selected_member_id() is not None
    assert changed == [True]


def _export(qtbot, monkeypatch: pytest.MonkeyPatch, page: RosterPage,  # type: ignore[no-untyped-def]
            target: Path, scope: str | None) -> list[str]:
    """Click 导出…, answer the scope question with ``scope`` (None: no question expected)."""
    from branchdesk.gui import member_import_dialog
    from tests.gui.dialog_driver import on_next_modal

    asked: list[str] = []
    seen: list[str] = []
    suggested: list[str] = []

    def save_name(_parent: object, _title: str, where: str, _filter: str) -> tuple[str, str]:
        suggested.append(where)
        return str(target), ""

    monkeypatch.setattr(member_import_dialog.QFileDialog, "getSaveFileName", save_name)

    def answer(box: object) -> None:
        if scope is None:
            _press("确定", seen)(box)
            return
        on_next_modal(_press("确定", seen))
        _press(scope, asked)(box)

    driver = on_next_modal(answer)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    driver.check()
    qtbot.waitUntil(lambda: bool(seen))
    today = dt.date.today()
    assert Path(suggested[0]).name == f"党员名册-{today:%Y%m%d}.xlsx"
    return [*asked, *seen]


def test_exporting_the_filtered_roster_writes_a_workbook_that_imports_again(
    qtbot, monkeypatch: pytest.MonkeyPatch, services: Services, reviewer: Actor,
    seeded: dict[str, int], tmp_path: Path,
) -> None:
    page = _page(qtbot, services, reviewer)
    page.stage_combo.setCurrentIndex(page.stage_combo.findText("正式党员"))
    target = tmp_path / "正式党员.xlsx"
    texts = _export(qtbot, monkeypatch, page, target, "当前筛选")
    assert "当前筛选出 3 人（全部共 4 人）" in texts[0]
    assert texts[1].startswith(f"已导出 3 名党员到：\n{target}")

    preview = services.member_import.preview(target)
    assert sorted(r.name for r in preview.rows) == sorted(["张三", "李四", "周明"])
    # the same people are registered already: refused unless updating
    assert all(not r.valid for r in preview.rows)
    assert all("已登记为" in r.problems[0].message for r in preview.rows)
    again = services.member_import.preview(target, update=True)
    assert all(r.valid and r.updates for r in again.rows)

    everyone = tmp_path / "全部.xlsx"
    texts = _export(qtbot, monkeypatch, page, everyone, "全部")
    assert texts[1].startswith("已导出 4 名党员到")
    assert len(services.member_import.preview(everyone).rows) == 4


def test_exporting_an_unfiltered_roster_asks_nothing(
    qtbot, monkeypatch: pytest.MonkeyPatch, services: Services, clerk: Actor,
    seeded: dict[str, int], tmp_path: Path,
) -> None:
    page = _page(qtbot, services, clerk)
    texts = _export(qtbot, monkeypatch, page, tmp_path / "名册", None)
    assert texts == [f"已导出 4 名党员到：\n{tmp_path / '名册.xlsx'}\n\n"
                     "此文件可直接在 Excel/WPS 中查看，"
                     "也可修改后再导入（勾选“更新已登记的人员”）。"]

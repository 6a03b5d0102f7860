from __future__ import annotations

from dialog_driver import on_next_modal, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from branchdesk.core.vocab import OrgKind
from branchdesk.gui.org_dialogs import EndPostDialog, OrganisationDialog, PostDialog, TermDialog
from branchdesk.gui.org_page import OrganisationPage


def _page(qtbot, services, actor) -> OrganisationPage:
    page = OrganisationPage(services, actor)
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    qtbot.waitExposed(page)
    return page


def _click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _ok(qtbot, dialog) -> None:
    _click(qtbot, dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok))


def test_tree_shows_kinds_and_add_a_group(qtbot, services, clerk, branch_id) -> None:
    page = _page(qtbot, services, clerk)
    root = page.tree.topLevelItem(0)
    assert (root.text(0), root.text(1)) == ("中共测试委员会", "党委")
    page.select(branch_id)
    kinds: list[str] = []

    def fill(dialog: OrganisationDialog) -> None:
        kinds.extend(dialog.ui.kind.itemText(i) for i in range(dialog.ui.kind.count()))
        type_text(qtbot, dialog.ui.name, "第二党小组")
        _ok(qtbot, dialog)

    driver = on_next_modal(fill)
    with qtbot.waitSignal(page.changed):
        _click(qtbot, page.add_button)
    driver.check()
    assert kinds == ["党小组"]
    assert [g.name for g in services.organisations.groups_of(branch_id)] == [
        "第一党小组", "第二党小组"
    ]
    assert page.selected_node().name == "第二党小组"


def test_empty_name_is_refused_inline(qtbot, services, clerk, branch_id) -> None:
    page = _page(qtbot, services, clerk)
    page.select(branch_id)
    seen: list[str] = []

    def fill(dialog: OrganisationDialog) -> None:
        _ok(qtbot, dialog)
        seen.append(dialog.errors.message("name"))
        dialog.reject()

    driver = on_next_modal(fill)
    _click(qtbot, page.add_button)
    driver.check()
    assert seen == ["请填写组织名称"]
    assert services.organisations.groups_of(branch_id)[0].name == "第一党小组"
    assert len(services.organisations.groups_of(branch_id)) == 1


def test_dissolve_and_restore_a_group(qtbot, services, clerk) -> None:
    page = _page(qtbot, services, clerk)
    group = services.organisations.find_by_name("第一党小组")
    page.select(group.id)
    assert page.dissolve_button.text() == "撤销"

    def yes(box: QMessageBox) -> None:
        _click(qtbot, box.button(QMessageBox.StandardButton.Yes))

    driver = on_next_modal(yes)
    _click(qtbot, page.dissolve_button)
    driver.check()
    assert services.organisations.get(group.id).dissolved
    item = page.tree.currentItem()
    assert "已撤销" in item.text(0)
    assert page.dissolve_button.text() == "恢复"

    driver = on_next_modal(yes)
    _click(qtbot, page.dissolve_button)
    driver.check()
    assert not services.organisations.get(group.id).dissolved


def test_terms_and_posts(qtbot, services, clerk, branch_id, add_member) -> None:
    member_id = add_member("张三")
    page = _page(qtbot, services, clerk)
    page.select(branch_id)
    assert page.committee_box.isEnabled()

    def new_term(dialog: TermDialog) -> None:
        dialog.ui.start_date.setDate(dialog.ui.start_date.date().addYears(-1))
        assert dialog.ui.end_date.date() == dialog.ui.start_date.date().addYears(3)
        type_text(qtbot, dialog.ui.note, "第三届")
        _ok(qtbot, dialog)

    driver = on_next_modal(new_term)
    _click(qtbot, page.add_term_button)
    driver.check()
    (term,) = services.organisations.terms(branch_id)
    assert term.note == "第三届"
    assert page.terms_table.item(0, 2).text() == "现任"

    def new_post(dialog: PostDialog) -> None:
        assert dialog.ui.post.currentText() == "书记"
        dialog.ui.member.setCurrentIndex(dialog.ui.member.findText("张三"))
        _ok(qtbot, dialog)

    driver = on_next_modal(new_post)
    _click(qtbot, page.add_post_button)
    driver.check()
    (post,) = services.organisations.terms(branch_id)[0].posts
    assert (post.member_id, post.post, post.end_date) == (member_id, "书记", None)
    assert page.posts_table.item(0, 1).text() == "张三"

    page.posts_table.selectRow(0)
    assert page.end_post_button.isEnabled()

    def leave(dialog: EndPostDialog) -> None:
        _ok(qtbot, dialog)

    driver = on_next_modal(leave)
    _click(qtbot, page.end_post_button)
    driver.check()
    (post,) = services.organisations.terms(branch_id)[0].posts
    assert post.end_date == services.members.today()
    assert page.posts_table.item(0, 3).text() != "在任"


def test_term_shorter_than_three_years_is_refused(qtbot, services, clerk, branch_id) -> None:
    page = _page(qtbot, services, clerk)
    page.select(branch_id)
    seen: list[str] = []

    def short(dialog: TermDialog) -> None:
        dialog.ui.end_date.setDate(dialog.ui.start_date.date().addYears(1))
        _ok(qtbot, dialog)
        seen.append(dialog.errors.message("end_date"))
        dialog.reject()

    driver = on_next_modal(short)
    _click(qtbot, page.add_term_button)
    driver.check()
    assert "3 至 5 年" in seen[0]
    assert services.organisations.terms(branch_id) == []


def test_reviewer_sees_the_tree_read_only(qtbot, services, reviewer) -> None:
    page = _page(qtbot, services, reviewer)
    assert page.tree.topLevelItemCount() == 1
    for button in (page.add_button, page.edit_button, page.dissolve_button,
                   page.add_term_button, page.add_post_button, page.end_post_button):
        assert not button.isVisible()


def test_top_level_kinds_when_nothing_selected(services, clerk) -> None:
    from branchdesk.gui.org_dialogs import kinds_under

    assert kinds_under(None) == [OrgKind.COMMITTEE]
    assert kinds_under(OrgKind.COMMITTEE) == [
        OrgKind.COMMITTEE, OrgKind.GENERAL_BRANCH, OrgKind.BRANCH
    ]

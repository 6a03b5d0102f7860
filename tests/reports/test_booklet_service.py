import datetime as dt
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from development_walk import WALK, people_for, record_and_pass

from branchdesk.core.actor import Actor
from branchdesk.core.development import DevelopmentService
from branchdesk.core.idnumber import make_id_number
from branchdesk.core.materials import MATERIAL_CATEGORIES
from branchdesk.core.member_rules import MemberInput
from branchdesk.core.members import ResumeService
from branchdesk.core.rulebook import RULEBOOK_2026, rulebook_on
from branchdesk.core.services import Services
from branchdesk.core.vocab import Stage
from branchdesk.reports.booklet_service import booklet_data, save_booklet

TODAY = dt.date(2026, 11, 26)


@pytest.fixture
def walked(
    services: Services, clerk: Actor, reviewer: Actor, branch_id: int,
    add_member: Callable[..., int],
) -> int:
    """王堃, taken through all 25 steps with reviews, materials and a résumé."""
    member = services.members.create(
        clerk,
        MemberInput(
            name="王堃", id_number=make_id_number("110105", dt.date(2000, 2, 29), 11),
            branch_id=branch_id, stage=Stage.APPLICANT, job="辅警",
            organisations_joined="中国共产主义青年团",
        ),
    )
    full = [add_member("张三", 13), add_member("李四", 15)]
    for category in MATERIAL_CATEGORIES[:-1]:
        services.materials.add_paper(clerk, member, category, category, "档案柜第 1 盒")
    resume = ResumeService(services.db)
    resume.add(clerk, member, "2015.09", "2018.07", "示例县第一中学学生", "陈老师")
    development = DevelopmentService(services.db, today=TODAY)
    for step, day, details in WALK:
        record_and_pass(development, clerk, reviewer, member, step, day, details,
                        people_for(step, full))
    return member


def test_booklet_holds_every_step_the_person_and_the_reviews(
    services: Services, walked: int
) -> None:
    data = booklet_data(services, walked, TODAY)
    assert data.file_number == "FZ2024-0001" and data.name == "王堃"
    assert [len(stage.steps) for stage in data.stages] == [2, 4, 5, 7, 7]
    step9 = data.stages[2].steps[2]
    assert step9.name == "确定入党介绍人"
    assert [p.name for p in step9.records[0].people] == ["张三", "李四"]
    assert all(line.present for line in data.checklist)
    assert data.resume[0].what == "示例县第一中学学生"


def test_printed_booklet_text_and_embedded_font(
    services: Services, walked: int, tmp_path: Path
) -> None:
    pdf = tmp_path / "booklet.pdf"
    save_booklet(services, walked, pdf, TODAY)
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    squeezed = "".join(text.split())
    dates = {step: day for step, day, _details in WALK}
    for rule in RULEBOOK_2026.steps:  # each step as named by the rulebook in force that day
        name = rulebook_on(dates[rule.number]).step(rule.number).name
        assert "".join(name.split()) in squeezed, name
    assert "王堃" in squeezed and make_id_number("110105", dt.date(2000, 2, 29), 11) in squeezed
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    rows = fonts.stdout.splitlines()[2:]
    assert rows and all(" yes " in row for row in rows), fonts.stdout  # every font embedded


def test_the_checklist_puts_the_archive_article_first_and_marks_what_is_not_formed_yet(
    services: Services, clerk: Actor, reviewer: Actor, branch_id: int, tmp_path: Path
) -> None:
    """An applicant's file: the application is due (缺 until filed), a 转正申请书 is 尚未形成."""
    member = services.members.create(clerk, MemberInput(
        name="刘燚", id_number=make_id_number("110105", dt.date(2001, 3, 1), 21),
        branch_id=branch_id, stage=Stage.APPLICANT,
    ))
    development = DevelopmentService(services.db, today=TODAY)
    record_and_pass(development, clerk, reviewer, member, 1, dt.date(2026, 10, 1), {}, [])
    data = booklet_data(services, member, TODAY)
    lines = {line.material: line for line in data.checklist}
    statutory = [line.statutory for line in data.checklist if line.statutory]
    assert statutory == [name for name, _ in RULEBOOK_2026.archive_items]
    assert data.archive_article == "《中国共产党发展党员工作细则》第三十六条"
    assert lines["入党申请书"].missing and lines["入党申请书"].formed
    assert not lines["转正申请书"].formed and not lines["转正申请书"].missing
    assert lines["政审材料"].statutory == "政治审查材料"

    pdf = tmp_path / "applicant.pdf"
    save_booklet(services, member, pdf, TODAY)
    text = "".join(subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout.split())
    assert "转正申请书尚未形成" in text
    assert "尚未形成" in text and "常用归档清单（本地常用做法）" in text

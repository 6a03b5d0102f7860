"""The 发展党员档案预审意见 PDF: problems by member, header repeated, signature lines, glyphs."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from branchdesk.core.precheck.problems import FileProblem, ProblemSeverity
from branchdesk.core.services import Services
from branchdesk.reports.fonts import FontSet, MissingGlyphsError, shipped_font
from branchdesk.reports.precheck.opinion import render_opinion
from branchdesk.reports.precheck.opinion_data import printable
from branchdesk.reports.precheck.opinion_service import member_scope, save_opinion
from branchdesk.storage.backup_errors import DamagedDatabaseError
from branchdesk.storage.database import Database
from tests.backup_fixtures import damage

CHECKED = dt.date(2026, 11, 26)
RULE_15 = "《中国共产党发展党员工作细则》第十五条"
LOCAL = "本地常用做法（常用归档清单）"


def _problem(member_id: int, name: str, step: int, severity: ProblemSeverity, message: str,
             rule: str = RULE_15, branch: str = "第一党支部") -> FileProblem:
    return FileProblem(
        member_id=member_id, id_number=f"11010519800501{member_id:03d}X", name=name,
        branch=branch, step=step, step_name="" if step == 0 else "进行政治审查",
        severity=severity, rule=rule, message=message,
    )


ERROR, WARNING = ProblemSeverity.ERROR, ProblemSeverity.WARNING
PROBLEMS = [
    _problem(1, "张三", 10, ERROR, "政审结论（2025年3月1日）早于函调回复（2025年3月10日）。"),
    _problem(1, "张三", 25, WARNING, "常用归档清单中的“培训结业证书”未归档。", LOCAL),
    _problem(2, "刘燚", 0, WARNING, "档案中没有入党志愿书的存放位置。", LOCAL,
             branch="第二党支部"),
    _problem(2, "刘燚", 15, ERROR, "表决票数不符：赞成、反对、弃权合计 8 票，实到 9 人。"),
]


def _pages(path: Path) -> list[str]:
    """Each page's text in drawing order, no white space."""
    raw = subprocess.run(
        ["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [re.sub(r"\s+", "", page) for page in raw.split("\f") if page.strip()]


def _print(problems: list[FileProblem], path: Path, scope: str = "第一党支部") -> list[str]:
    render_opinion(printable(problems, "中共测试委员会", scope, CHECKED), path)
    return _pages(path)


def test_problems_by_member_with_summary_and_signature(tmp_path: Path) -> None:
    path = tmp_path / "预审意见.pdf"
    (page,) = _print(PROBLEMS, path, "全部党支部")
    assert page.startswith("中共测试委员会发展党员档案预审意见全部党支部")  # running header
    assert "发展党员档案预审意见中共测试委员会全部党支部预审日期：2026年11月26日" in page
    assert "共2人的档案有问题：错误2项、提醒2项。" in page
    # grouped by member (members from two branches: each heading names the branch)
    zhang = page.index("张三公民身份号码11010519800501001X第一党支部错误1项、提醒1项")
    liu = page.index("刘燚公民身份号码11010519800501002X第二党支部错误1项、提醒1项")
    assert zhang < page.index("政审结论（2025年3月1日）早于函调回复") < liu
    assert liu < page.index("表决票数不符") and liu < page.index("整个档案")
    assert page.count("步骤问题依据类别") == 2
    assert "第10步进行政治审查" in page and RULE_15 in page and LOCAL in page
    assert page.count("错误") >= 4 and page.count("提醒") >= 4
    signature = page.index("预审人（组织员）：日期：年月日")
    assert signature > liu and "党委（盖章）" in page[signature:]
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True,
                           check=True).stdout
    assert all(" yes " in line for line in fonts.splitlines()[2:])  # every font embedded


def test_errors_are_printed_in_red(tmp_path: Path) -> None:
    def red_pixels(problems: list[FileProblem], name: str) -> int:
        path = tmp_path / f"{name}.pdf"
        _print(problems, path)
        subprocess.run(["pdftoppm", "-png", "-r", "100", str(path), str(tmp_path / name)],
                       check=True)
        (png,) = tmp_path.glob(f"{name}*.png")
        image = Image.open(png).convert("RGB")
        assert image.size == (827, 1170)  # A4 portrait at 100 dpi
        colours: list[tuple[int, tuple[int, int, int]]] = image.getcolors(1 << 24) or []  # type: ignore[assignment]
        return sum(n for n, (r, g, b) in colours if r > 150 and g < 80 and b < 80)

    assert red_pixels([PROBLEMS[0]], "error") > 10
    assert red_pixels([PROBLEMS[1]], "warning") == 0


def test_a_clean_check_says_so_and_keeps_the_signature(tmp_path: Path) -> None:
    scope = "第一党支部　张三（公民身份号码 11010519800501001X）"
    (page,) = _print([], tmp_path / "clean.pdf", scope)
    assert "第一党支部张三（公民身份号码11010519800501001X）" in page
    assert "未发现问题。" in page and "错误" not in page and "步骤问题依据类别" not in page
    assert "预审人（组织员）：日期：年月日" in page and "党委（盖章）" in page


def test_a_long_file_repeats_the_header_and_never_splits_a_problem(tmp_path: Path) -> None:
    long = "应在收到全部函调回复后再作出政审结论，并在政审报告中写明函调单位和回复日期；" * 3
    problems = [
        dataclasses.replace(PROBLEMS[0], step=n % 25 + 1, message=f"问题{n:02d}号：{long}")
        for n in range(40)
    ]
    pages = _print(problems, tmp_path / "long.pdf")
    assert len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        assert f"第{number}页共{len(pages)}页" in page
        assert "张三公民身份号码11010519800501001X错误40项" in page  # member heading repeated
        assert "步骤问题依据类别" in page  # and the column heads
    for n in range(40):
        whole = re.sub(r"\s+", "", f"问题{n:02d}号：{long}")
        assert sum(whole in page for page in pages) == 1, f"问题{n:02d}号 split across pages"
    assert "预审人（组织员）：" in pages[-1]


def test_a_character_no_font_has_is_refused_before_anything_is_written(
    tmp_path: Path,
) -> None:
    only_shipped = FontSet(body=shipped_font(), heading=shipped_font(), fallbacks=())
    rare = dataclasses.replace(PROBLEMS[0], name="张\U00020000")
    target = tmp_path / "rare.pdf"
    with pytest.raises(MissingGlyphsError, match="U\\+20000"):
        render_opinion(printable([rare], "中共测试委员会", "第一党支部", CHECKED), target,
                       fonts=only_shipped)
    assert not target.exists()


def test_printed_from_the_database_with_its_check_code_and_refused_when_damaged(
    services: Services, add_member: Callable[..., int], tmp_path: Path,
) -> None:
    member = add_member("张三", 13)
    scope = member_scope(services, member)
    assert scope == "第一党支部　张三（公民身份号码 110105198005010136）"
    printed = tmp_path / "sound.pdf"
    save_opinion(services, [PROBLEMS[0]], scope, CHECKED, printed)
    (page,) = _pages(printed)
    assert "中共测试委员会第一党支部张三（公民身份号码110105198005010136）" in page
    assert re.search(r"校验码[0-9A-Z]{4}-[0-9A-Z]{4}-", page)
    path = services.db.path
    assert path is not None
    services.db.dispose()
    damage(path, "meeting_attachments")
    damaged = Services.build(Database.open_sqlite(path), services.backup_dir)
    try:
        with pytest.raises(DamagedDatabaseError, match="不能打印"):
            save_opinion(damaged, [PROBLEMS[0]], scope, CHECKED, tmp_path / "after.pdf")
    finally:
        damaged.db.dispose()
    assert not (tmp_path / "after.pdf").exists()

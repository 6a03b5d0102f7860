"""branchdesk import members / export members / template members, end to end."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from branchdesk.cli import main
from branchdesk.core.idnumber import make_id_number

HEADERS = ["姓名", "公民身份号码", "人员类别", "所在党支部", "入党时间", "转正时间"]


def idn(year: int, sequence: int = 13) -> str:
    return make_id_number("110105", dt.date(year, 5, 1), sequence)


def good(name: str = "张三", year: int = 1980) -> list[Any]:
    return [name, idn(year), "正式党员", "第一党支部", "2005-07-01", "2006-07-01"]


def workbook(path: Path, rows: list[list[Any]], headers: list[str] = HEADERS) -> Path:
    book = Workbook()
    book.active.append(headers)
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "branch.sqlite"
    assert main(["init", str(path), "--committee", "中共某某委员会", "--branch", "第一党支部",
                 "--branch", "第二党支部"]) == 0
    return path


def cli(capsys: pytest.CaptureFixture[str], *args: Any) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def members(db: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(db) as con:
        return list(con.execute("SELECT name, stage FROM members ORDER BY id"))


def audit_entries(db: Path) -> int:
    with sqlite3.connect(db) as con:
        return int(con.execute("SELECT count(*) FROM audit_log").fetchone()[0])


def test_import_every_row(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = workbook(tmp_path / "名册.xlsx", [good(), good("李四", 1981)])
    code, out, err = cli(capsys, "import", "members", path, "--db", db)
    assert (code, err) == (0, "") and out == "已导入 2 名（名册.xlsx）。\n"
    assert members(db) == [("张三", "full"), ("李四", "full")]
    code, out, _ = cli(capsys, "verify", "--db", db)
    assert code == 0


def test_rejected_rows_are_listed_and_nothing_is_written(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad_id = idn(1981)[:17] + ("0" if idn(1981)[17] != "0" else "1")
    path = workbook(tmp_path / "名册.xlsx", [
        good(), ["李四", bad_id, "正式党员", "第三党支部", "2005-07-01", "2006-07-01"],
        ["王五", idn(1982), "预备党员", "第一党支部", "", ""],
    ])
    before = audit_entries(db)
    code, out, err = cli(capsys, "import", "members", path, "--db", db)
    assert code == 2
    assert out.splitlines() == [
        "第 3 行 [公民身份号码] 公民身份号码校验位不正确，请核对号码是否抄错",
        "第 3 行 [所在党支部] 没有名为“第三党支部”的党支部，请填写现有党支部的全称"
        "（第一党支部、第二党支部）",
        "第 4 行 [入党时间] 预备党员须填写加入党组织日期",
    ]
    assert "共 3 行，2 行有问题（见上），没有导入任何记录" in err
    assert members(db) == [] and audit_entries(db) == before


def test_skip_invalid_imports_the_rest_and_still_exits_2(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = workbook(tmp_path / "名册.xlsx", [good(), ["李四", "123", "正式党员", "第一党支部",
                                                     "2005-07-01", "2006-07-01"]])
    code, out, err = cli(capsys, "import", "members", path, "--db", db, "--skip-invalid")
    assert code == 2
    assert out.splitlines() == ["第 3 行 [公民身份号码] 公民身份号码应为 18 位，现在是 3 位",
                                "已导入 1 名（名册.xlsx）。"]
    assert "1 行有问题，未导入" in err and members(db) == [("张三", "full")]


def test_dry_run_writes_nothing(db: Path, tmp_path: Path,
                                capsys: pytest.CaptureFixture[str]) -> None:
    path = workbook(tmp_path / "名册.xlsx", [good()])
    before = audit_entries(db)
    code, out, _ = cli(capsys, "import", "members", path, "--db", db, "--dry-run")
    assert code == 0 and out == "试运行：共 1 行，均可导入，未写入。\n"
    bad = workbook(tmp_path / "bad.xlsx", [good(), good("张叁")])
    code, out, err = cli(capsys, "import", "members", bad, "--db", db, "--dry-run")
    assert code == 2 and out.startswith("第 2 行 [公民身份号码] 与第 3 行的公民身份号码相同")
    assert "未写入" in err
    assert members(db) == [] and audit_entries(db) == before


def test_report_of_the_rejected_rows(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = workbook(tmp_path / "名册.xlsx", [good(), ["李 四", idn(1981), "党外", "第一党支部",
                                                     "2005-07-01", "2006-07-01"]])
    report = tmp_path / "问题.xlsx"
    code, out, err = cli(capsys, "import", "members", path, "--db", db, "--report", report)
    assert code == 2 and f"未导入的 1 行及其问题已写入：{report}" in err
    rows = [list(r) for r in load_workbook(report).active.iter_rows(values_only=True)]
    assert rows == [
        [*HEADERS, "问题", "原行号"],
        ["李 四", idn(1981), "党外", "第一党支部", "2005-07-01", "2006-07-01",
         "[人员类别] 人员类别“党外”不对，应为入党申请人、入党积极分子、发展对象、预备党员、"
         "正式党员之一",
         3],
    ]
    clean = workbook(tmp_path / "clean.xlsx", [good("王五", 1982)])
    other = tmp_path / "other.xlsx"
    code, out, _ = cli(capsys, "import", "members", clean, "--db", db, "--report", other)
    assert code == 0 and "没有未导入的行，不生成报告。" in out and not other.exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("none.xlsx", None, "错误：找不到文件"),
        ("名册.docx", b"PK\x03\x04", "错误：“名册.docx”不是有效的 Excel（.xlsx）文件"),
        ("名册.pdf", b"%PDF", "错误：“名册.pdf”不是 Excel（.xlsx）或 CSV 文件"),
        ("名册.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptionInfo".encode("utf-16-le"),
         "设有打开密码"),
        ("名册.csv", "名单\n张三\n".encode(), "没有找到表头"),
        ("名册.csv", "姓名,电话\n张三,1\n".encode("gbk"),
         "缺少必填的列：“公民身份号码”、“人员类别”"),
        ("名册.csv", "姓名,公民身份号码,人员类别,所在党支部\n".encode(),
         "只有表头，没有要导入的数据行"),
        ("名册.csv", ("姓名,公民身份号码,人员类别,所在党支部\n"
                      + "张三,1,正式党员,第一党支部\n" * 200_000).encode(),
         "错误：文件过大：第 200,001 行超过了行数的上限（最多 200,000 行），请分成几个文件导入。"),
    ],
)
def test_a_file_that_cannot_be_read_exits_1(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str,
    content: bytes | None, message: str,
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    code, out, err = cli(capsys, "import", "members", path, "--db", db)
    assert code == 1 and message in err and out == "" and "Traceback" not in err


def test_branch_option(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = workbook(tmp_path / "名册.xlsx", [["张三", idn(1980), "正式党员", "2005-07-01",
                                              "2006-07-01"]],
                    ["姓名", "公民身份号码", "人员类别", "入党时间", "转正时间"])
    code, _, err = cli(capsys, "import", "members", path, "--db", db)
    assert code == 1 and "缺少必填的列：“所在党支部”" in err
    code, _, err = cli(capsys, "import", "members", path, "--db", db, "--branch", "第九党支部")
    assert code == 1 and "没有名为“第九党支部”的党支部。现有：第一党支部、第二党支部" in err
    code, out, _ = cli(capsys, "import", "members", path, "--db", db, "--branch", "第二党支部")
    assert code == 0
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT o.name FROM members m JOIN organisations o "
                           "ON o.id = m.branch_id").fetchall() == [("第二党支部",)]


def test_export_then_import_with_update(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cli(capsys, "import", "members", workbook(tmp_path / "a.xlsx", [good(), good("李四", 1981)]),
        "--db", db)
    out_file = tmp_path / "导出" / "名册.xlsx"
    code, out, _ = cli(capsys, "export", "members", out_file, "--db", db)
    assert code == 0 and out == f"已导出 2 名：{out_file}\n"
    code, out, _ = cli(capsys, "import", "members", out_file, "--db", db)
    assert code == 2 and "此公民身份号码已登记为 张三（第一党支部）" in out
    before = audit_entries(db)
    code, out, _ = cli(capsys, "import", "members", out_file, "--db", db, "--update")
    assert code == 0 and out == "已导入 0 名，更新 2 名（名册.xlsx）。\n"
    assert audit_entries(db) == before
    book = load_workbook(out_file)
    note = [c.value for c in book.active[1]].index("备注") + 1
    book.active.cell(row=2, column=note, value="调任所长")  # 李四 (rows in pinyin order)
    book.save(out_file)
    code, out, _ = cli(capsys, "import", "members", out_file, "--db", db, "--update")
    assert code == 0
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT note FROM members WHERE name = '李四'").fetchone() == (
            "调任所长",)


def test_export_one_branch(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [good(), ["李四", idn(1981), "正式党员", "第二党支部", "2005-07-01", "2006-07-01"]]
    cli(capsys, "import", "members", workbook(tmp_path / "a.xlsx", rows), "--db", db)
    code, out, _ = cli(capsys, "export", "members", tmp_path / "b.xlsx", "--db", db,
                       "--branch", "第二党支部")
    assert code == 0 and out.startswith("已导出 1 名")
    names = [r[0] for r in load_workbook(tmp_path / "b.xlsx").active.iter_rows(
        min_row=2, values_only=True)]
    assert names == ["李四"]
    code, _, err = cli(capsys, "export", "members", tmp_path / "c.xlsx", "--db", db,
                       "--branch", "没有")
    assert code == 1 and "没有名为“没有”的党支部" in err


def test_template(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "模板.xlsx"
    code, out, _ = cli(capsys, "template", "members", target)
    assert code == 0 and out == f"已写出导入模板：{target}\n"
    assert [c.value for c in load_workbook(target).active[1]][:4] == [
        "姓名", "性别", "民族", "公民身份号码"]
    code, _, err = cli(capsys, "template", "members", tmp_path)
    assert code == 1 and "无法写入" in err and "Traceback" not in err


def test_no_database_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = cli(capsys, "import", "members", tmp_path / "a.xlsx", "--db",
                       tmp_path / "none.sqlite")
    assert code == 1 and "数据库文件" in err and "不存在" in err


def test_help_lists_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "import" in out and "export" in out and "template" in out
    with pytest.raises(SystemExit):
        main(["import", "members", "--help"])
    out = capsys.readouterr().out
    for option in ("--branch", "--dry-run", "--skip-invalid", "--update", "--report"):
        assert option in out


def test_a_garbage_file_in_a_real_process_has_no_traceback(db: Path, tmp_path: Path) -> None:
    garbage = tmp_path / "名册.xlsx"
    garbage.write_bytes(os.urandom(4000))
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "branchdesk", "import", "members", str(garbage), "--db", str(db)],
        capture_output=True, text=True, env=env, timeout=120,
    )
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "不是有效的 Excel（.xlsx）文件" in done.stderr

"""Command line of the roster spreadsheets: ``import members``, ``export members``, ``template``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from branchdesk.cli_user import add_user_option
from branchdesk.core.errors import ValidationError

if TYPE_CHECKING:
    from branchdesk.core.member_import import ImportPreview
    from branchdesk.core.services import Services
    from branchdesk.paths import AppPaths

#: exit code when rows were rejected (every row imported, or valid on a dry run: 0)
REJECTED = 2


def add_commands(commands: Any, db_option: argparse.ArgumentParser, formatter: Any) -> list[Any]:
    """Add ``import``, ``export`` and ``template`` to the sub-commands; return the parsers."""
    parsers = []

    def group(name: str, help_text: str, description: str) -> Any:
        parser = commands.add_parser(name, help=help_text, add_help=False,
                                     formatter_class=formatter, description=description)
        parser.add_argument("-h", "--help", action="help", help="显示帮助并退出")
        kinds = parser.add_subparsers(dest="what", title="内容", metavar="内容", required=True,
                                      parser_class=type(parser))
        parsers.append(parser)
        return kinds

    def members(kinds: Any, help_text: str, description: str, with_db: bool = True) -> Any:
        parser = kinds.add_parser("members", help=help_text, add_help=False,
                                  parents=[db_option] if with_db else [],
                                  formatter_class=formatter, description=description)
        parser.add_argument("-h", "--help", action="help", help="显示帮助并退出")
        parsers.append(parser)
        return parser

    importing = members(
        group("import", "从 Excel 或 CSV 导入", "从 Excel（.xlsx）或 CSV 文件导入。"),
        "导入党员名册",
        "从 Excel（.xlsx）或 CSV（UTF-8 或 GBK）导入党员名册。表头按列名识别，顺序不限。"
        "每一行都先检查，默认任何一行有问题就不导入任何记录，并列出“第 N 行 [列名] 原因”。\n"
        "退出码：0 全部导入（试运行时全部可导入），2 有行未导入，1 文件无法读取。",
    )
    importing.add_argument("file", type=Path, metavar="FILE", help="要导入的 .xlsx 或 .csv 文件")
    importing.add_argument("--branch", metavar="NAME",
                           help="党支部名称：“所在党支部”一列没有或未填时导入到此党支部")
    importing.add_argument("--dry-run", action="store_true", help="只检查，不写入数据库")
    importing.add_argument("--skip-invalid", action="store_true",
                           help="导入没有问题的行，跳过有问题的行（默认：全部不导入）")
    importing.add_argument(
        "--update", action="store_true",
        help="已登记的人员（按公民身份号码）用表中非空的姓名、民族、学历、所在党支部、工作岗位、"
             "联系电话、家庭住址、备注更新；人员类别和入党各阶段日期须与库中一致",
    )
    importing.add_argument("--report", type=Path, metavar="FILE.xlsx",
                           help="把未导入的行连同“问题”一列写入此文件，改正后可再次导入")
    add_user_option(importing)

    exporting = members(
        group("export", "导出到 Excel", "导出到 Excel（.xlsx）文件。"),
        "导出党员名册",
        "把党员名册（未作废的全部人员，或一个党支部的）导出为 .xlsx，列与导入模板相同，"
        "改动后可用 import members --update 再导入。",
    )
    exporting.add_argument("file", type=Path, metavar="FILE.xlsx", help="输出的 .xlsx 文件")
    exporting.add_argument("--branch", metavar="NAME", help="只导出此党支部的人员")

    template = members(
        group("template", "写出导入模板", "写出导入用的 Excel 模板。"),
        "党员名册导入模板",
        "写出党员名册导入模板（.xlsx）：表头、列宽、人员类别和性别的下拉列表、填写说明和示例。",
        with_db=False,
    )
    template.add_argument("file", type=Path, metavar="FILE.xlsx", help="输出的 .xlsx 文件")
    return parsers


def cmd_import(args: argparse.Namespace, paths: AppPaths, services: Services) -> int:
    """``branchdesk import members``: check, then import (or only check, or write a report)."""
    from branchdesk.cli_user import cli_actor
    from branchdesk.core.vocab import OrgKind

    if args.branch and services.organisations.find_by_name(args.branch, OrgKind.BRANCH) is None:
        return _no_branch(services, args.branch)
    preview = services.member_import.preview(args.file, args.branch, args.update)
    if not preview.rows:
        print(f"错误：“{args.file.name}”中只有表头，没有要导入的数据行。", file=sys.stderr)
        return 1
    for problem in preview.problems:
        print(problem)
    invalid = preview.invalid_rows
    if args.report is not None:
        _write_report(services, preview, args.report)
    total, bad = len(preview.rows), len(invalid)
    if args.dry_run:
        if bad:
            print(f"试运行：共 {total} 行，{bad} 行有问题（见上），未写入。", file=sys.stderr)
            return REJECTED
        print(f"试运行：共 {total} 行，均可导入，未写入。")
        return 0
    if bad and not args.skip_invalid:
        print(f"共 {total} 行，{bad} 行有问题（见上），没有导入任何记录。"
              "改正后重新导入，或用 --skip-invalid 只导入没有问题的行。", file=sys.stderr)
        return REJECTED
    actor = cli_actor(args, services.accounts)  # asked only now: a dry run writes nothing
    try:
        result = services.member_import.import_preview(actor, preview, args.skip_invalid)
    except ValidationError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return REJECTED
    updated = f"，更新 {result.updated} 名" if args.update else ""
    print(f"已导入 {result.imported} 名{updated}（{args.file.name}）。")
    if result.skipped:
        print(f"{result.skipped} 行有问题，未导入（见上）。", file=sys.stderr)
        return REJECTED
    return 0


def cmd_export(args: argparse.Namespace, paths: AppPaths, services: Services) -> int:
    """``branchdesk export members``: the roster (or one branch) to .xlsx."""
    from branchdesk.core.vocab import OrgKind
    from branchdesk.storage.roster import RosterFilter

    ids = None
    if args.branch:
        branch = services.organisations.find_by_name(args.branch, OrgKind.BRANCH)
        if branch is None:
            return _no_branch(services, args.branch)
        ids = services.members.search_ids(RosterFilter(branch_ids=(branch.id,)))
    try:
        count = services.member_export.export(args.file, ids)
    except OSError as exc:
        return _unwritable(args.file, exc)
    print(f"已导出 {count} 名：{args.file}")
    return 0


def cmd_template(args: argparse.Namespace) -> int:
    """``branchdesk template members``: the import template."""
    from branchdesk.core.member_export import write_template

    try:
        write_template(args.file)
    except OSError as exc:
        return _unwritable(args.file, exc)
    print(f"已写出导入模板：{args.file}")
    return 0


def _write_report(services: Services, preview: ImportPreview, target: Path) -> None:
    if not preview.invalid_rows:
        print("没有未导入的行，不生成报告。")
        return
    try:
        services.member_import.write_report(preview, target)
    except OSError as exc:
        _unwritable(target, exc)
        return
    print(f"未导入的 {len(preview.invalid_rows)} 行及其问题已写入：{target}", file=sys.stderr)


def _no_branch(services: Services, name: str) -> int:
    names = "、".join(b.name for b in services.organisations.branches())
    print(f"错误：没有名为“{name}”的党支部。现有：{names}", file=sys.stderr)
    return 1


def _unwritable(target: Path, exc: OSError) -> int:
    print(f"错误：无法写入“{target}”：{exc.strerror or exc}（文件是否正在 Excel 或 WPS 中打开？）",
          file=sys.stderr)
    return 1

"""The ``check files`` subcommand: the 档案预审 of development files on the command line."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from branchdesk.core.errors import NotFound, ValidationError

if TYPE_CHECKING:
    from branchdesk.core.precheck import FileProblem
    from branchdesk.core.services import Services
    from branchdesk.paths import AppPaths

#: exit codes: nothing is an error / something is / the branch or member was not found
CLEAN, ERRORS, BAD_INPUT = 0, 1, 2


def add_commands(commands: Any, db_option: argparse.ArgumentParser, formatter: Any) -> list[Any]:
    """Add ``check`` with its ``files`` subcommand; return the parsers (for the titles)."""
    check = commands.add_parser(
        "check", help="档案预审：检查发展党员档案", add_help=False, formatter_class=formatter,
        description="像组织员预审那样检查台账。",
    )
    check.add_argument("-h", "--help", action="help", help="显示帮助并退出")
    kinds = check.add_subparsers(dest="what", title="内容", metavar="内容", required=True,
                                 parser_class=type(check))
    files = kinds.add_parser(
        "files", help="检查发展党员档案（档案预审）", parents=[db_option], add_help=False,
        formatter_class=formatter,
        description="逐人检查发展党员档案：各步骤的先后和间隔、政审与函调日期、培训、表决票数"
                    "和到会人数、入党介绍人、材料、审核、年龄、预备期及延长，列出每个问题"
                    "（错误 / 提醒）及其依据。\n"
                    "退出码：0 没有错误（可能有提醒），1 有错误，2 党支部或人员不存在。",
    )
    files.add_argument("-h", "--help", action="help", help="显示帮助并退出")
    files.add_argument("--branch", metavar="NAME", help="只检查这个党支部（含其党小组）的档案")
    files.add_argument("--member", metavar="ID_NUMBER", help="只检查这个人（公民身份号码）的档案")
    files.add_argument("--json", action="store_true", help="以 JSON 输出")
    return [check, files]


def print_text(problems: Sequence[FileProblem], write: Callable[[str], Any] = print) -> None:
    """Grouped by member: a heading per member, one line per problem with its basis."""
    if not problems:
        write("未发现问题。")
        return
    member: int | None = None
    for p in problems:
        if p.member_id != member:
            if member is not None:
                write("")
            member = p.member_id
            write(f"{p.branch}  {p.name}（{p.id_number}）")
        where = f"第{p.step}步「{p.step_name}」" if p.step else "整体"
        write(f"  【{p.severity.label}】{where}：{p.message}（依据：{p.rule}）")
    errors = sum(1 for p in problems if p.is_error)
    people = len({p.member_id for p in problems})
    write("")
    write(f"共 {people} 人的档案有问题：错误 {errors} 个，提醒 {len(problems) - errors} 个。")


def run(args: argparse.Namespace, services: Services) -> int:
    """Check the files asked for; print them; the exit code says whether an error was found."""
    try:
        problems = services.precheck.check_files(args.branch, args.member)
    except (NotFound, ValidationError) as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return BAD_INPUT
    if args.json:
        print(json.dumps([p.as_json() for p in problems], ensure_ascii=False, indent=2))
    else:
        print_text(problems)
    return ERRORS if any(p.is_error for p in problems) else CLEAN


def cmd_check(args: argparse.Namespace, paths: AppPaths) -> int:
    """``branchdesk check files``: open the database, check, close."""
    from branchdesk.cli import _open_existing

    services = _open_existing(args, paths)
    try:
        return run(args, services)
    finally:
        services.db.dispose()


COMMANDS = {"check": cmd_check}

"""Command line: ``branchdesk`` starts the GUI; subcommands init, demo, backup, verify."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from branchdesk import APP_TITLE, __version__, cli_check, cli_cipher
from branchdesk.cli_roster import add_commands as add_roster_commands
from branchdesk.cli_user import add_user_option
from branchdesk.cli_verify import add_anchor_command, add_verify_options
from branchdesk.core.errors import BranchDeskError
from branchdesk.paths import AppPaths
from branchdesk.storage.migrate import DatabaseOpenError

if TYPE_CHECKING:
    from branchdesk.core.services import Services

log = logging.getLogger("branchdesk")

DESCRIPTION = f"{APP_TITLE}（BranchDesk）：党支部党务工作台账。不带子命令时启动图形界面。"


class ChineseHelpFormatter(argparse.RawDescriptionHelpFormatter):
    """argparse's help with Chinese section titles."""

    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[no-untyped-def]
        return super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)


ARGPARSE_MESSAGES = (
    ("the following arguments are required: ", "缺少参数："),
    ("invalid choice: ", "无效的选项："),
    ("unrecognized arguments: ", "无法识别的参数："),
    ("expected one argument", "需要一个值"),
    ("argument command: ", ""),
    ("argument ", "参数 "),
    ("choose from ", "可选："),
)


class ChineseArgumentParser(argparse.ArgumentParser):
    """argparse with its error messages in Chinese."""

    def error(self, message: str) -> NoReturn:
        for english, chinese in ARGPARSE_MESSAGES:
            message = message.replace(english, chinese)
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}：{message}\n用 branchdesk --help 查看用法。\n")


def _parser() -> argparse.ArgumentParser:
    db_option = ChineseArgumentParser(add_help=False)
    db_option.add_argument(
        "--db",
        type=Path,
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="数据库文件（默认：用户数据文件夹中的 branchdesk.sqlite）",
    )
    parser = ChineseArgumentParser(
        prog="branchdesk",
        description=DESCRIPTION,
        formatter_class=ChineseHelpFormatter,
        parents=[db_option],
        add_help=False,
    )
    parser.add_argument("-h", "--help", action="help", help="显示帮助并退出")
    parser.add_argument(
        "--version", action="version", version=f"branchdesk {__version__}", help="显示版本号并退出"
    )
    parser.add_argument(
        "--selftest", action="store_true",
        help="自检：在临时数据库上（无需显示器）打开主窗口、新建党员、打印纪实表、校验数据库，"
             "全部正常时退出码 0",
    )
    commands = parser.add_subparsers(
        dest="command", title="子命令（不带子命令时启动图形界面）", metavar="子命令",
        parser_class=ChineseArgumentParser,
    )

    init = commands.add_parser(
        "init",
        help="新建一个空数据库（不覆盖已有文件）",
        add_help=False,
        formatter_class=ChineseHelpFormatter,
        description="新建一个空数据库，建立党委及其党支部。新数据库还没有账户：给出 --user 时"
                    "同时创建该名称的管理员账户（在终端中输入两次密码，或用环境变量 "
                    "BRANCHDESK_PASSWORD 提供，至少 8 个字符），审计记录记为该账户；"
                    "不给出时记为当前操作系统用户，首次启动程序时再创建管理员账户。",
    )
    init.add_argument("-h", "--help", action="help", help="显示帮助并退出")
    add_user_option(init, "同时创建的管理员账户名（见上）；不写时记为当前操作系统用户")
    init.add_argument("path", type=Path, metavar="PATH", help="新数据库文件的路径")
    init.add_argument("--committee", required=True, metavar="NAME", help="党委名称")
    init.add_argument(
        "--branch", required=True, action="append", metavar="NAME", help="党支部名称（可重复）"
    )
    init.add_argument(
        "--encrypt", action="store_true",
        help=f"加密数据库文件：密码在提示时输入两次，或由环境变量 {cli_cipher.ENV_PASSPHRASE} 提供",
    )

    demo = commands.add_parser(
        "demo",
        help="生成示例数据库（不覆盖已有文件）",
        add_help=False,
        formatter_class=ChineseHelpFormatter,
        description="生成一个包含示例党委、党支部、约 80 名党员的数据库，供试用。"
                    "示例数据由程序生成，审计记录中记为示例账户，不需要 --user。",
    )
    demo.add_argument("-h", "--help", action="help", help="显示帮助并退出")
    demo.add_argument("path", type=Path, metavar="PATH", help="示例数据库文件的路径")

    backup = commands.add_parser(
        "backup",
        help="备份数据库",
        parents=[db_option],
        add_help=False,
        formatter_class=ChineseHelpFormatter,
        description="用 SQLite 在线备份写出数据库的一致副本（程序运行时也可备份）。",
    )
    backup.add_argument("-h", "--help", action="help", help="显示帮助并退出")
    backup.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="备份文件（默认：备份文件夹）"
    )

    verify = commands.add_parser(
        "verify",
        help="校验数据库完整性与审计链",
        parents=[db_option],
        add_help=False,
        formatter_class=ChineseHelpFormatter,
        description="检查数据库文件结构、审计记录链，以及数据是否与审计记录一致。",
    )
    verify.add_argument("-h", "--help", action="help", help="显示帮助并退出")
    add_verify_options(verify)
    add_anchor_command(commands, db_option, ChineseHelpFormatter)

    reminders = commands.add_parser(
        "reminders", help="列出到期和逾期的待办事项", parents=[db_option], add_help=False,
        formatter_class=ChineseHelpFormatter,
        description="列出指定日期到期或已逾期的待办事项（发展党员各步骤、换届、政治生日等）。",
    )
    reminders.add_argument("-h", "--help", action="help", help="显示帮助并退出")
    reminders.add_argument(
        "--on", type=_date_argument, metavar="YYYY-MM-DD", help="日期（默认：今天）"
    )
    reminders.add_argument("--json", action="store_true", help="以 JSON 输出")

    printing = commands.add_parser(
        "print", help="打印（输出 PDF）", add_help=False, formatter_class=ChineseHelpFormatter,
        description="把台账打印为 PDF 文件。",
    )
    printing.add_argument("-h", "--help", action="help", help="显示帮助并退出")
    documents = printing.add_subparsers(
        dest="document", title="文书", metavar="文书", required=True,
        parser_class=ChineseArgumentParser,
    )
    booklet = documents.add_parser(
        "booklet", help="发展党员全程纪实表（一人一册）", parents=[db_option], add_help=False,
        formatter_class=ChineseHelpFormatter,
        description="打印一名党员的发展党员全程纪实表。",
    )
    booklet.add_argument("-h", "--help", action="help", help="显示帮助并退出")
    booklet.add_argument(
        "--member", required=True, metavar="ID_NUMBER", help="党员的公民身份号码"
    )
    booklet.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.pdf",
                         help="输出的 PDF 文件")
    book = documents.add_parser(
        "minutes-book", help="年度会议记录本", parents=[db_option], add_help=False,
        formatter_class=ChineseHelpFormatter,
        description="打印一个党支部一年的会议记录本：封面、目录、按日期排列的每次会议、页码。",
    )
    book.add_argument("-h", "--help", action="help", help="显示帮助并退出")
    book.add_argument("--branch", required=True, metavar="NAME", help="党支部名称")
    book.add_argument("--year", required=True, type=int, metavar="YYYY", help="年度")
    book.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.pdf",
                      help="输出的 PDF 文件")
    register = documents.add_parser(
        "transfer-register", help="年度党员组织关系转接登记簿", parents=[db_option],
        add_help=False, formatter_class=ChineseHelpFormatter,
        description="打印一年的党员组织关系转接登记簿：转出和转入的每一件（按日期排列）、"
                    "状态、回执、年度小计、页码。",
    )
    register.add_argument("-h", "--help", action="help", help="显示帮助并退出")
    register.add_argument("--year", required=True, type=int, metavar="YYYY", help="年度")
    register.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.pdf",
                          help="输出的 PDF 文件")
    letter = documents.add_parser(
        "letter", help="党员组织关系介绍信（存根、介绍信、回执）", parents=[db_option],
        add_help=False, formatter_class=ChineseHelpFormatter,
        description="按编号打印一封党员组织关系介绍信：一张 A4，存根、介绍信、回执三联。",
    )
    letter.add_argument("-h", "--help", action="help", help="显示帮助并退出")
    letter.add_argument("--number", required=True, metavar="NUMBER",
                        help="介绍信编号，如 “（2026）组字第 012 号”")
    letter.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.pdf",
                        help="输出的 PDF 文件")
    work_list = documents.add_parser(
        "reminders", help="每月党建工作提示单", parents=[db_option], add_help=False,
        formatter_class=ChineseHelpFormatter,
        description="打印一个月的党建工作提示单：到该月底到期和已逾期的事项（发展党员各步骤、"
                    "应开会议、组织关系转接、换届、政治生日），按党组织和类别分列，标出逾期。",
    )
    work_list.add_argument("-h", "--help", action="help", help="显示帮助并退出")
    work_list.add_argument("--month", required=True, metavar="YYYY-MM", help="月份，如 2026-11")
    work_list.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.pdf",
                           help="输出的 PDF 文件")
    work_list._positionals.title = "位置参数"
    work_list._optionals.title = "选项"
    roster = add_roster_commands(commands, db_option, ChineseHelpFormatter)
    encryption = cli_cipher.add_commands(commands, db_option, ChineseHelpFormatter)
    checking = cli_check.add_commands(commands, db_option, ChineseHelpFormatter)
    for each in (
        parser, init, demo, backup, verify, reminders, printing, booklet, book, letter,
        register, *roster, *encryption, *checking,
    ):
        each._positionals.title = "位置参数"
        each._optionals.title = "选项"
    return parser


def _existing_db(args: argparse.Namespace, paths: AppPaths) -> Path:
    path = Path(getattr(args, "db", None) or paths.default_database)
    if not path.exists():
        raise DatabaseOpenError(f"数据库文件“{path}”不存在。")
    args.passphrase = cli_cipher.passphrase_for(path)  # None for a plain file
    return path


def cmd_init(args: argparse.Namespace, paths: AppPaths) -> int:
    from branchdesk.cli_user import first_admin, init_actor
    from branchdesk.core.services import Services
    from branchdesk.core.vocab import OrgKind
    from branchdesk.storage.migrate import create_database

    names = [args.committee.strip(), *[b.strip() for b in args.branch]]
    if any(not n for n in names):
        print("错误：党委和党支部名称不能为空。", file=sys.stderr)
        return 2
    if len(set(args.branch)) != len(args.branch):
        print("错误：党支部名称有重复。", file=sys.stderr)
        return 2
    admin = first_admin(args)  # name and password checked before the file is created
    passphrase = cli_cipher.read_passphrase(new=True) if args.encrypt else None
    db = create_database(args.path, passphrase)
    try:
        services = Services.build(db, paths.backup_dir_for(args.path))
        actor = init_actor(services.accounts, admin)
        committee = services.organisations.create(actor, OrgKind.COMMITTEE, args.committee, None)
        for branch in args.branch:
            services.organisations.create(actor, OrgKind.BRANCH, branch, committee)
    finally:
        db.dispose()
    print(f"已新建数据库：{args.path}（操作人：{actor.username}）")
    if passphrase:
        print("数据库文件已加密。" + cli_cipher.LOST_WARNING)
    print(f"党委：{args.committee}；党支部：{'、'.join(args.branch)}")
    if admin is None:
        print(f"首次启动时将创建管理员账户：branchdesk --db {args.path}")
    else:
        print(f"管理员账户：{admin[0]}；启动：branchdesk --db {args.path}")
    return 0


def cmd_demo(args: argparse.Namespace, paths: AppPaths) -> int:
    from branchdesk.core.demo import build_demo

    summary = build_demo(args.path)
    print(f"已生成示例数据库：{summary.path}")
    print(summary.describe())
    print(f"打开：branchdesk --db {summary.path}")
    return 0


def cmd_backup(args: argparse.Namespace, paths: AppPaths) -> int:
    from branchdesk.storage.anchor_setup import book_of_file
    from branchdesk.storage.backup import backup_database, clean_up_unfinished
    from branchdesk.storage.migrate import DbState, explain, inspect_file

    path = _existing_db(args, paths)
    inspection = inspect_file(path, args.passphrase)
    if inspection.state in (DbState.CORRUPT, DbState.FOREIGN, DbState.EMPTY, DbState.FOLDER,
                            DbState.UNREADABLE):
        raise DatabaseOpenError(explain(inspection, path))
    backup_dir = paths.backup_dir_for(path)
    clean_up_unfinished(path, backup_dir)
    target = backup_database(
        path, backup_dir, target=args.output, passphrase=args.passphrase,
        anchors=book_of_file(path, paths.data_dir),  # the backup's head goes into the book
    )
    print(f"已备份到：{target}")
    return 0


def cmd_verify(args: argparse.Namespace, paths: AppPaths) -> int:
    from branchdesk.cli_verify import run_verify
    from branchdesk.storage.migrate import DbState, explain, inspect_file

    path = _existing_db(args, paths)
    inspection = inspect_file(path, args.passphrase)
    if inspection.state not in (DbState.CURRENT, DbState.OUTDATED):
        raise DatabaseOpenError(explain(inspection, path))
    return run_verify(args, paths, path)


def cmd_anchors(args: argparse.Namespace, paths: AppPaths) -> int:
    from branchdesk.cli_verify import run_anchors

    return run_anchors(args, paths, _existing_db(args, paths))


def _date_argument(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        message = f"日期“{text}”格式不对，应为 YYYY-MM-DD，如 2026-03-02"
        raise argparse.ArgumentTypeError(message) from None


def _open_existing(args: argparse.Namespace, paths: AppPaths) -> Services:
    from branchdesk.core.services import Services
    from branchdesk.storage.anchor_setup import attach_anchor_book
    from branchdesk.storage.file_check import require_sound_database
    from branchdesk.storage.migrate import DbState, inspect_file, open_database

    path = _existing_db(args, paths)
    backup_dir = paths.backup_dir_for(path)
    if inspect_file(path).state in (DbState.CURRENT, DbState.OUTDATED):  # others: explained
        require_sound_database(path, REFUSED_WHEN_DAMAGED.get(args.command, "继续"))
    db = open_database(path, backup_dir, create=False, passphrase=args.passphrase)
    attach_anchor_book(db, paths.data_dir)
    return Services.build(db, backup_dir)


#: what a command cannot do on a damaged database, for its message
REFUSED_WHEN_DAMAGED = {"print": "打印", "export": "导出", "import": "导入",
                        "reminders": "列出待办事项"}


def cmd_reminders(args: argparse.Namespace, paths: AppPaths) -> int:
    services = _open_existing(args, paths)
    today = args.on or dt.date.today()
    try:
        items = services.todo.items(today)
    finally:
        services.db.dispose()
    if args.json:
        print(json.dumps([i.as_json(today) for i in items], ensure_ascii=False, indent=2))
        return 0
    if not items:
        print(f"{today:%Y-%m-%d}：没有到期或逾期的事项。")
    for item in items:
        flag = "【已逾期】" if item.overdue(today) else ""
        print(f"{item.due:%Y-%m-%d} {flag}{item.branch}  {item.title}")
    return 0


def cmd_print(args: argparse.Namespace, paths: AppPaths) -> int:
    if args.document == "minutes-book":
        return print_minutes_book(args, paths)
    if args.document == "letter":
        return print_letter(args, paths)
    if args.document == "transfer-register":
        return print_transfer_register(args, paths)
    if args.document == "reminders":
        return print_reminders(args, paths)
    return print_booklet(args, paths)


def print_minutes_book(args: argparse.Namespace, paths: AppPaths) -> int:
    from branchdesk.core.vocab import OrgKind
    from branchdesk.reports.minutes_service import save_minutes_book

    if not 1949 <= args.year <= 2200:
        print(f"错误：年度“{args.year}”不合理，请写四位数年份，如 2026。", file=sys.stderr)
        return 2
    services = _open_existing(args, paths)
    try:
        branch = services.organisations.find_by_name(args.branch, OrgKind.BRANCH)
        if branch is None:
            names = "、".join(b.name for b in services.organisations.branches())
            print(f"错误：没有名为“{args.branch}”的党支部。现有：{names}", file=sys.stderr)
            return 1
        save_minutes_book(services, branch.id, args.year, args.output)
    finally:
        services.db.dispose()
    print(f"已输出：{args.output}")
    return 0


def print_letter(args: argparse.Namespace, paths: AppPaths) -> int:
    from branchdesk.reports.transfer_print import save_letter

    services = _open_existing(args, paths)
    try:
        save_letter(services, args.number, args.output)
    finally:
        services.db.dispose()
    print(f"已输出：{args.output}")
    return 0


def print_transfer_register(args: argparse.Namespace, paths: AppPaths) -> int:
    from branchdesk.reports.transfer_print import save_transfer_register

    if not 1949 <= args.year <= 2200:
        print(f"错误：年度“{args.year}”不合理，请写四位数年份，如 2026。", file=sys.stderr)
        return 2
    services = _open_existing(args, paths)
    try:
        save_transfer_register(services, args.year, args.output)
    finally:
        services.db.dispose()
    print(f"已输出：{args.output}")
    return 0


def print_reminders(args: argparse.Namespace, paths: AppPaths) -> int:
    from branchdesk.core.work_list import MonthError, parse_month
    from branchdesk.reports.work_list_service import save_work_list

    try:
        year, month = parse_month(args.month)
    except MonthError as exc:
        print(f"错误：{exc}。", file=sys.stderr)
        return 2
    services = _open_existing(args, paths)
    try:
        save_work_list(services, year, month, args.output)
    finally:
        services.db.dispose()
    print(f"已输出：{args.output}")
    return 0


def print_booklet(args: argparse.Namespace, paths: AppPaths) -> int:
    from branchdesk.core.idnumber import IdNumberError, parse_id_number
    from branchdesk.reports.booklet_service import save_booklet
    from branchdesk.storage.roster import RosterFilter

    try:
        number = parse_id_number(args.member).value
    except IdNumberError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    services = _open_existing(args, paths)
    try:
        ids = services.members.search_ids(RosterFilter(text=number, include_voided=True))
        if not ids:
            print(f"错误：数据库中没有公民身份号码为 {number} 的人员。", file=sys.stderr)
            return 1
        save_booklet(services, ids[0], args.output)
    finally:
        services.db.dispose()
    print(f"已输出：{args.output}")
    return 0


def cmd_roster(args: argparse.Namespace, paths: AppPaths) -> int:
    """import members / export members / template members (see cli_roster)."""
    from branchdesk import cli_roster

    if args.command == "template":
        return cli_roster.cmd_template(args)
    services = _open_existing(args, paths)
    try:
        run = cli_roster.cmd_import if args.command == "import" else cli_roster.cmd_export
        return run(args, paths, services)
    finally:
        services.db.dispose()


COMMANDS = {
    "init": cmd_init,
    "demo": cmd_demo,
    "backup": cmd_backup,
    "verify": cmd_verify,
    "anchors": cmd_anchors,
    "reminders": cmd_reminders,
    "print": cmd_print,
    "import": cmd_roster,
    "export": cmd_roster,
    "template": cmd_roster,
    **cli_cipher.COMMANDS,
    **cli_check.COMMANDS,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the process exit code."""
    args = _parser().parse_args(argv)
    if args.selftest:
        from branchdesk.selftest import run as run_selftest

        return run_selftest()
    paths = AppPaths.default()
    if args.command is None:
        from branchdesk.app import run_gui

        return run_gui(getattr(args, "db", None), paths)
    from branchdesk.app import setup_logging

    log_file = setup_logging(paths)
    try:
        return COMMANDS[args.command](args, paths)
    except (BranchDeskError, DatabaseOpenError) as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("已中断。", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the output was piped into a program that stopped reading
        sys.stderr.close()
        return 0
    except Exception:
        log.exception("branchdesk %s failed", args.command)
        print(f"错误：发生意外错误，详细信息已写入日志 {log_file}", file=sys.stderr)
        return 1


def gui_main() -> int:
    """Entry point of the windowed launcher (no console on Windows)."""
    return main()

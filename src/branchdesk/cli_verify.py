"""The ``verify`` and ``anchors`` subcommands: integrity against the trail and its anchors."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from sqlalchemy.exc import DatabaseError

from branchdesk.paths import AppPaths
from branchdesk.storage.migrate import DatabaseOpenError


def add_verify_options(verify: argparse.ArgumentParser) -> None:
    """``--anchors FILE`` (repeatable): anchor books besides the ones verify finds itself."""
    verify.add_argument(
        "--anchors", type=Path, action="append", default=[], metavar="FILE",
        help="另外核对的审计锚点文件（可重复；默认已核对数据文件夹和第二个锚点文件夹中的锚点）",
    )


def add_anchor_command(commands: Any, db_option: argparse.ArgumentParser, formatter: Any) -> Any:
    """``anchors``: show the chain head and where anchors are kept; set the second folder."""
    anchors = commands.add_parser(
        "anchors",
        help="查看审计锚点，设置第二个锚点文件夹",
        parents=[db_option],
        add_help=False,
        formatter_class=formatter,
        description="显示审计记录的当前位置（第 N 条、校验码）和审计锚点文件所在位置；"
        "用 --second-folder 把锚点再写一份到 U 盘或网络共享文件夹。",
    )
    anchors.add_argument("-h", "--help", action="help", help="显示帮助并退出")
    group = anchors.add_mutually_exclusive_group()
    group.add_argument(
        "--second-folder", type=Path, metavar="DIR",
        help="第二个锚点文件夹（如 U 盘、网络共享文件夹），此后每次写入都在此追加锚点",
    )
    group.add_argument(
        "--no-second-folder", action="store_true", help="不再向第二个文件夹写锚点"
    )
    from branchdesk.cli_user import add_user_option

    add_user_option(anchors)  # setting the second folder is a write: whose, in the audit
    anchors._positionals.title = "位置参数"
    anchors._optionals.title = "选项"
    return anchors


def _anchors_to_check(db: Any, data_dir: Path, extra: list[Path]) -> tuple[list[Any], list[str]]:
    from branchdesk.storage.anchor_setup import anchor_folder, known_anchor_files
    from branchdesk.storage.anchors import read_anchors

    anchors: list[Any] = []
    notes: list[str] = []
    try:
        files = known_anchor_files(db, data_dir)
    except DatabaseError:  # a damaged file: verify itself says so
        files = []
    for given in extra:
        if not given.is_file():
            raise DatabaseOpenError(f"审计锚点文件“{given}”不存在。")
        if given.resolve() not in [f.resolve() for f in files]:
            files.append(given)
    for book in files:
        try:
            content = read_anchors(book)
        except OSError as exc:
            notes.append(f"审计锚点文件“{book}”无法读取：{exc.strerror or exc}")
            continue
        anchors.extend(content.anchors)
        notes.append(f"审计锚点文件：{book}（{len(content.anchors)} 个锚点）")
        if content.before_restore:
            notes.append(f"  从备份恢复之前的 {content.before_restore} 个锚点不再核对")
        if content.damaged:
            lines = "、".join(map(str, content.damaged[:5]))
            notes.append(f"  其中第 {lines} 行不是锚点（已跳过）")
    if not files:
        notes.append(
            "没有找到此数据库的审计锚点文件：只能证明数据与审计记录一致，"
            "无法发现整段改写或截断的审计记录。"
        )
    known = {f.resolve() for f in files}
    for other in sorted(anchor_folder(data_dir).glob(f"{Path(db.path).stem}-*.txt")):
        if other.resolve() not in known:
            notes.append(
                f"提示：数据文件夹中另有同名数据库的锚点文件“{other}”，未核对。"
                f"若它属于此数据库（数据库编号可能被改动），请加上 --anchors {other} 再校验。"
            )
    return anchors, notes


def run_verify(args: argparse.Namespace, paths: AppPaths, path: Path) -> int:
    """Verify ``path``; print what was checked or every problem found; exit code 0 or 1."""
    from branchdesk.storage.database import Database
    from branchdesk.storage.integrity import verify_database

    db = Database.open_sqlite(path, getattr(args, "passphrase", None))
    try:
        anchors, notes = _anchors_to_check(db, paths.data_dir, list(args.anchors or []))
        with db.read() as session:
            report = verify_database(session, anchors=anchors)
    finally:
        db.dispose()
    if report.sound:
        print(
            f"数据库完好：{path}\n审计记录 {report.entries_checked} 条，链完整；"
            f"核对数据记录 {report.records_checked} 条，均与审计记录一致，没有缺失；"
            f"存储的扫描件 {report.files_checked} 个，内容未被改动；"
            f"审计锚点 {report.anchors_checked} 个，均在链中。"
        )
        for note in notes:
            print(note)
        return 0
    print(f"数据库校验未通过：{path}")
    for problem in report.problems:
        print(problem)
    for note in notes:
        print(note)
    return 1


def run_anchors(args: argparse.Namespace, paths: AppPaths, path: Path) -> int:
    """Show the head and the anchor books; set or clear the second folder."""
    from branchdesk.cli_user import cli_actor
    from branchdesk.core.accounts import AccountService
    from branchdesk.storage.anchor_setup import attach_anchor_book, head_of, set_second_folder
    from branchdesk.storage.migrate import open_database

    db = open_database(
        path, paths.backup_dir_for(path), create=False, passphrase=getattr(args, "passphrase", None)
    )
    try:
        book = attach_anchor_book(db, paths.data_dir)
        if args.second_folder or args.no_second_folder:
            folder = None if args.no_second_folder else args.second_folder
            if folder is not None and not folder.is_dir():
                raise DatabaseOpenError(f"文件夹“{folder}”不存在，请先插入 U 盘或连接共享文件夹。")
            try:
                actor = cli_actor(args, AccountService(db))
                book = set_second_folder(db, actor.username, folder)
            except OSError as exc:
                raise DatabaseOpenError(
                    f"无法在文件夹“{folder}”中写入（{exc.strerror or exc}），请换一个文件夹。"
                ) from None
        head = head_of(db)
    finally:
        db.dispose()
    print(f"数据库：{path}")
    print(f"当前：{head.describe()}" if head else "当前：还没有审计记录")
    if book is None:
        print("审计锚点未能写入，详见日志。")
        return 1
    for number, file in enumerate(book.files, start=1):
        print(f"锚点文件{'（第二个文件夹）' if number > 1 else ''}：{file}")
    if book.second_folder is None:
        print("提示：用 --second-folder 把锚点再写一份到 U 盘或网络共享文件夹，篡改才能被发现。")
    return 0

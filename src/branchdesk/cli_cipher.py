"""Command line for encryption at rest: ``encrypt``, ``decrypt`` and asking for passphrases.

A passphrase is typed at a hidden prompt (twice when it is new) or, for scripts, taken
from the environment variable ``BRANCHDESK_PASSPHRASE``; never from the command line,
where other users of the computer could read it in the process list.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import Any

from branchdesk.paths import AppPaths
from branchdesk.storage import cipher

ENV_PASSPHRASE = "BRANCHDESK_PASSPHRASE"
LOST_WARNING = (
    "请牢记密码并妥善保管：密码丢失后，任何人（包括软件开发者）都无法打开或恢复这个数据库"
    "及其加密的备份。"
)


def _prompt(text: str) -> str:
    if not sys.stdin or not sys.stdin.isatty():
        raise cipher.CipherError(
            f"需要数据库密码：请在终端中运行并按提示输入，或用环境变量 {ENV_PASSPHRASE} 提供。"
        )
    return getpass.getpass(text)


def read_passphrase(*, new: bool) -> str:
    """The passphrase from ``BRANCHDESK_PASSPHRASE`` or a hidden prompt (twice if ``new``)."""
    from_env = os.environ.get(ENV_PASSPHRASE)
    if from_env is not None:
        passphrase = from_env
    else:
        passphrase = _prompt("设置数据库密码：" if new else "数据库密码：")
        if new and _prompt("再次输入密码：") != passphrase:
            raise cipher.CipherError("两次输入的密码不一致，未做任何改动。")
    if new:
        cipher.check_new_passphrase(passphrase)
    elif not passphrase:
        raise cipher.CipherError("没有输入密码，无法打开加密的数据库。")
    return passphrase


def passphrase_for(path: Path) -> str | None:
    """``None`` for a plain database; for an encrypted one its passphrase, asked once."""
    if not cipher.looks_encrypted(path):
        return None
    cipher.dbapi()  # say so before asking for a passphrase that could not be used
    return read_passphrase(new=False)


def add_commands(commands: Any, db_option: argparse.ArgumentParser, formatter: Any) -> list[Any]:
    """Add ``encrypt`` and ``decrypt`` to the subcommands; return their parsers."""
    encrypt = commands.add_parser(
        "encrypt", help="加密数据库文件（设置密码）", parents=[db_option], add_help=False,
        formatter_class=formatter,
        description="用密码加密数据库文件（SQLCipher，AES-256）。先写出一份经过校验的备份，"
                    "再转换；转换后的文件经过校验后才替换原文件。程序需先关闭。"
                    f"密码在提示时输入两次，或由环境变量 {ENV_PASSPHRASE} 提供。" + LOST_WARNING,
    )
    decrypt = commands.add_parser(
        "decrypt", help="解密数据库文件（取消密码）", parents=[db_option], add_help=False,
        formatter_class=formatter,
        description="把加密的数据库文件转换为不加密的文件。先写出一份经过校验的（加密的）备份，"
                    "转换后的文件经过校验后才替换原文件。程序需先关闭。",
    )
    for each in (encrypt, decrypt):
        each.add_argument("-h", "--help", action="help", help="显示帮助并退出")
    return [encrypt, decrypt]


def _database(args: argparse.Namespace, paths: AppPaths) -> Path:
    from branchdesk.storage.migrate import DatabaseOpenError, DbState, explain, inspect_file

    path = Path(getattr(args, "db", None) or paths.default_database)
    if not path.exists():
        raise DatabaseOpenError(f"数据库文件“{path}”不存在。")
    if args.command == "encrypt":
        inspection = inspect_file(path)
        if cipher.looks_encrypted(path):
            raise cipher.CipherError(f"数据库文件“{path}”已经加密，未做任何改动。")
        if inspection.state not in (DbState.CURRENT, DbState.OUTDATED):
            raise DatabaseOpenError(explain(inspection, path))
    elif not cipher.looks_encrypted(path):
        inspection = inspect_file(path)
        if inspection.state in (DbState.CURRENT, DbState.OUTDATED):
            raise cipher.CipherError(f"数据库文件“{path}”没有加密，无需解密，未做任何改动。")
        raise DatabaseOpenError(explain(inspection, path))
    return path


def _plain_backups(path: Path, backup_dir: Path) -> list[Path]:
    from branchdesk.storage.backup import list_backups

    return [b.path for b in list_backups(path, backup_dir) if not cipher.looks_encrypted(b.path)]


def cmd_encrypt(args: argparse.Namespace, paths: AppPaths) -> int:
    """branchdesk encrypt: back up, then encrypt the database in place."""
    from branchdesk.storage.cipher_convert import encrypt_database

    path = _database(args, paths)
    cipher.dbapi()
    passphrase = read_passphrase(new=True)
    done = encrypt_database(path, passphrase, paths.backup_dir_for(path))
    print(f"已加密数据库：{path}")
    print(f"加密前的备份（未加密）：{done.backup}")
    print("转换后已核对：文件结构完好，审计记录链头与记录条数和原来一致"
          f"（{done.head.describe() if done.head else '尚无审计记录'}）。")
    plain = _plain_backups(path, paths.backup_dir_for(path))
    print(f"注意：备份文件夹中还有 {len(plain)} 份加密前的备份没有加密（含刚写出的这一份）。"
          "确认加密的数据库能正常打开后，请删除它们或移到安全的地方：")
    for each in plain:
        print(f"  {each}")
    print(LOST_WARNING)
    return 0


def cmd_decrypt(args: argparse.Namespace, paths: AppPaths) -> int:
    """branchdesk decrypt: back up (encrypted), then decrypt the database in place."""
    from branchdesk.storage.cipher_convert import decrypt_database

    path = _database(args, paths)
    cipher.dbapi()
    passphrase = read_passphrase(new=False)
    done = decrypt_database(path, passphrase, paths.backup_dir_for(path))
    print(f"已解密数据库：{path}（文件不再加密）")
    print(f"解密前的备份（仍然加密，需要原密码）：{done.backup}")
    print("转换后已核对：文件结构完好，审计记录链头与记录条数和原来一致"
          f"（{done.head.describe() if done.head else '尚无审计记录'}）。")
    return 0


COMMANDS = {"encrypt": cmd_encrypt, "decrypt": cmd_decrypt}

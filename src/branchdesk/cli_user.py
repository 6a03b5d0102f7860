"""Who the command line acts for: an account (``--user`` and its password) or the OS user.

Commands that write take ``--user NAME``. The password is asked for on the terminal
(never echoed), or, for scripts, read from the environment variable ``BRANCHDESK_PASSWORD``;
there is no option to put a password on the command line, where other users of the computer
could see it. The password is checked like a log-in in the program (the same lockout after
5 wrong passwords, the log-in audited) and the account's role applies.

Without ``--user`` the operating-system user is recorded as such, e.g. ``os:alice（操作系统用户）``,
with the rights of a 录入员; administrator-only operations need ``--user`` with an
administrator's account.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import TYPE_CHECKING

from branchdesk.core.actor import Actor
from branchdesk.core.errors import BranchDeskError
from branchdesk.core.vocab import Role

if TYPE_CHECKING:
    from branchdesk.core.accounts import AccountService

PASSWORD_VARIABLE = "BRANCHDESK_PASSWORD"
OS_SUFFIX = "（操作系统用户）"
USER_HELP = (
    "以此账户的名义写入（审计记录记为该账户）：在终端中输入密码，脚本中可用环境变量 "
    f"{PASSWORD_VARIABLE} 提供密码；密码输错 5 次账户锁定 10 分钟，与登录程序相同。"
    "不写此项时记为当前操作系统用户（如“os:alice（操作系统用户）”），权限同录入员"
)


class NoPassword(BranchDeskError):
    """No terminal to ask for the password on, and no password in the environment."""


def add_user_option(parser: argparse.ArgumentParser, help_text: str = USER_HELP) -> None:
    """Add ``--user NAME`` to a command that writes."""
    parser.add_argument("--user", metavar="NAME", help=help_text)


def os_actor() -> Actor:
    """The operating-system user, recorded as such (``os:alice（操作系统用户）``)."""
    try:
        name = getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name in the environment or the user database
        name = "unknown"
    name = name.strip()[:30] or "unknown"
    return Actor(f"os:{name}{OS_SUFFIX}", Role.CLERK, f"{name}{OS_SUFFIX}")


def read_password(prompt: str = "密码：") -> str:
    """The password from BRANCHDESK_PASSWORD, else typed on the terminal without echo."""
    from_environment = os.environ.get(PASSWORD_VARIABLE)
    if from_environment is not None:
        return from_environment
    if not sys.stdin.isatty():
        raise NoPassword(
            f"没有终端可输入密码。请在终端中运行，或用环境变量 {PASSWORD_VARIABLE} 提供密码"
            "（不要把密码写在命令行上）。"
        )
    return getpass.getpass(prompt)


def new_password(name: str) -> str:
    """A password for a new account: from the environment, or typed twice on the terminal."""
    if os.environ.get(PASSWORD_VARIABLE) is not None or not sys.stdin.isatty():
        return read_password()
    first = getpass.getpass(f"为管理员账户“{name}”设置密码（至少 8 个字符）：")
    if getpass.getpass("再输入一次：") != first:
        raise NoPassword("两次输入的密码不一致，没有新建数据库。")
    return first


def cli_actor(args: argparse.Namespace, accounts: AccountService) -> Actor:
    """The actor of a writing command: the ``--user`` account, checked, or the OS user."""
    name = getattr(args, "user", None)
    if not name:
        return os_actor()
    return accounts.login(name, read_password(f"账户“{name}”的密码："))


def first_admin(args: argparse.Namespace) -> tuple[str, str] | None:
    """``init --user NAME``: the first administrator's name and password, checked before the
    database file is created (None: no ``--user``, the OS user is recorded)."""
    from branchdesk.core.accounts import MIN_PASSWORD_LENGTH, PASSWORD_TOO_SHORT, USERNAME
    from branchdesk.core.errors import ValidationError

    name = (getattr(args, "user", None) or "").strip()
    if not name:
        return None
    if not USERNAME.match(name):
        raise ValidationError({"user": "用户名为 2–30 位英文字母、数字或 _ . -，没有新建数据库"})
    password = new_password(name)
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError({"password": f"{PASSWORD_TOO_SHORT}，没有新建数据库"})
    return name, password


def init_actor(accounts: AccountService, admin: tuple[str, str] | None) -> Actor:
    """Who ``init`` records: the administrator it creates, or the OS user."""
    if admin is None:
        return os_actor()
    accounts.create_first_admin(*admin)
    return accounts.login(*admin)

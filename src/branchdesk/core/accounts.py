"""Local accounts: Argon2 password hashes, login with lockout, administration."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select

from branchdesk.core.actor import Actor
from branchdesk.core.edit_conflict import guarded_write, refuse_if_changed
from branchdesk.core.errors import LoginError, NotFound, ValidationError
from branchdesk.core.vocab import Role
from branchdesk.storage.audit import PendingEntry, append_entries
from branchdesk.storage.database import Database
from branchdesk.storage.models import User, utcnow

MAX_FAILED_ATTEMPTS = 5
LOCK_DURATION = dt.timedelta(minutes=10)
MIN_PASSWORD_LENGTH = 8
PASSWORD_TOO_SHORT = f"密码至少需要 {MIN_PASSWORD_LENGTH} 个字符"
USERNAME = re.compile(r"^[A-Za-z0-9_.\-]{2,30}$")


@dataclass(frozen=True)
class AccountInfo:
    """An account as shown in the account list."""

    id: int
    username: str
    display_name: str
    role: Role
    active: bool
    locked_until: dt.datetime | None
    last_login: dt.datetime | None
    #: the version loaded; a save passes it back so that it cannot overwrite a newer one
    row_version: int = 1


class AccountService:
    """Creates accounts, checks passwords and locks an account after 5 wrong passwords."""

    def __init__(self, db: Database, hasher: PasswordHasher | None = None) -> None:
        self.db = db
        self.hasher = hasher or PasswordHasher()

    def has_accounts(self) -> bool:
        with self.db.read() as s:
            return bool(s.scalar(select(func.count()).select_from(User)))

    def _validate(self, username: str, password: str | None, display_name: str) -> None:
        errors = {}
        if not USERNAME.match(username):
            errors["username"] = "用户名为 2–30 位英文字母、数字或 _ . -"
        if password is not None and len(password) < MIN_PASSWORD_LENGTH:
            errors["password"] = PASSWORD_TOO_SHORT
        if len(display_name) > 50:
            errors["display_name"] = "姓名不超过 50 个字"
        if errors:
            raise ValidationError(errors)

    def create_first_admin(self, username: str, password: str, display_name: str = "") -> None:
        """Create the administrator on a database that has no account yet."""
        if self.has_accounts():
            raise ValidationError({"username": "数据库中已有账户，不能再创建初始管理员"})
        self._create(username, password, display_name, Role.ADMIN, actor_name=username)

    def create(
        self, actor: Actor, username: str, password: str, display_name: str, role: Role
    ) -> int:
        actor.require(Role.ADMIN)
        return self._create(username, password, display_name, role, actor.username)

    def _create(
        self, username: str, password: str, display_name: str, role: Role, actor_name: str
    ) -> int:
        username = username.strip()
        display_name = display_name.strip()
        self._validate(username, password, display_name)
        with self.db.write(actor_name, f"新建账户 {username}") as s:
            if s.scalar(select(User.id).where(func.lower(User.username) == username.lower())):
                raise ValidationError({"username": f"用户名“{username}”已被使用"})
            user = User(
                username=username,
                display_name=display_name,
                role=role.value,
                password_hash=self.hasher.hash(password),
            )
            s.add(user)
            s.flush()
            return user.id

    def login(self, username: str, password: str, now: dt.datetime | None = None) -> Actor:
        """Check a password; 5 wrong ones in a row lock the account for 10 minutes."""
        now = now or utcnow()
        username = username.strip()
        # one write transaction, holding the write lock from its start (BEGIN IMMEDIATE):
        # reading the failed count, checking the password and counting the failure cannot
        # interleave with another program's guess, so a lockout comes after 5 checks at most
        failure: LoginError | None = None
        with self.db.write(username or "?", "登录") as s:
            user = s.scalar(select(User).where(func.lower(User.username) == username.lower()))
            if user is None or not user.active:
                raise LoginError("用户名或密码不正确")
            if user.locked_until and user.locked_until > now:
                minutes = max(1, int((user.locked_until - now).total_seconds() + 59) // 60)
                raise LoginError(
                    f"密码连续输错 {MAX_FAILED_ATTEMPTS} 次，账户已锁定，请 {minutes} 分钟后再试，"
                    "或请管理员重置密码"
                )
            try:
                self.hasher.verify(user.password_hash, password)
            except (VerificationError, InvalidHashError):
                user.failed_attempts = (user.failed_attempts or 0) + 1
                left = MAX_FAILED_ATTEMPTS - user.failed_attempts
                event = "login_failed"
                if left <= 0:
                    user.locked_until = now + LOCK_DURATION
                    user.failed_attempts = 0
                    event = "account_locked"
                append_entries(
                    s.connection(),
                    user.username,
                    [PendingEntry(event, "users", str(user.id), None, {}, "登录失败：密码错误")],
                )
                # raised after the commit: the failure is counted and audited
                failure = LoginError(
                    f"密码连续输错 {MAX_FAILED_ATTEMPTS} 次，账户已锁定 10 分钟"
                    if left <= 0
                    else f"用户名或密码不正确（再错 {left} 次将锁定账户）"
                )
            else:
                user.failed_attempts = 0
                user.locked_until = None
                user.last_login = now
                if self.hasher.check_needs_rehash(user.password_hash):
                    user.password_hash = self.hasher.hash(password)
                append_entries(
                    s.connection(),
                    user.username,
                    [PendingEntry("login", "users", str(user.id), None, {}, "登录")],
                )
                actor = Actor(user.username, Role(user.role), user.display_name)
        if failure is not None:
            raise failure
        return actor

    def list_accounts(self) -> list[AccountInfo]:
        with self.db.read() as s:
            return [
                AccountInfo(
                    u.id,
                    u.username,
                    u.display_name,
                    Role(u.role),
                    u.active,
                    u.locked_until,
                    u.last_login,
                    u.row_version,
                )
                for u in s.scalars(select(User).order_by(User.id))
            ]

    def _get(self, s: object, user_id: int) -> User:
        from sqlalchemy.orm import Session

        assert isinstance(s, Session)
        user = s.get(User, user_id)
        if user is None:
            raise NotFound(f"账户 {user_id} 不存在")
        return user

    def reset_password(self, actor: Actor, user_id: int, new_password: str) -> None:
        """The administrator sets a new password; it also lifts a lock."""
        actor.require(Role.ADMIN)
        self._validate("ok", new_password, "")
        with self.db.write(actor.username, "重置密码") as s:
            user = self._get(s, user_id)
            user.password_hash = self.hasher.hash(new_password)
            user.failed_attempts = 0
            user.locked_until = None

    def change_own_password(self, actor: Actor, old_password: str, new_password: str) -> None:
        self._validate("ok", new_password, "")
        with self.db.write(actor.username, "修改密码") as s:
            user = s.scalar(select(User).where(User.username == actor.username))
            if user is None:
                raise NotFound("账户不存在")
            try:
                self.hasher.verify(user.password_hash, old_password)
            except (VerificationError, InvalidHashError):
                raise ValidationError({"old_password": "原密码不正确"}) from None
            user.password_hash = self.hasher.hash(new_password)

    def update(
        self, actor: Actor, user_id: int, display_name: str, role: Role, active: bool,
        expected_version: int | None = None,
    ) -> None:
        """Change an account's name, role or state; refused (EditConflict) if it changed
        since ``expected_version`` was loaded."""
        actor.require(Role.ADMIN)
        with guarded_write(self.db, actor.username, "修改账户") as s:
            user = self._get(s, user_id)
            refuse_if_changed(s, user, expected_version)
            if user.username == actor.username and (role is not Role.ADMIN or not active):
                raise ValidationError({"role": "不能取消自己的管理员权限或停用自己的账户"})
            user.display_name = display_name.strip()
            user.role = role.value
            user.active = active

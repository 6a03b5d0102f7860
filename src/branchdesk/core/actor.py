"""The logged-in account on whose behalf a service acts, and role checks."""

from __future__ import annotations

from dataclasses import dataclass

from branchdesk.core.errors import PermissionDenied
from branchdesk.core.vocab import Role


@dataclass(frozen=True)
class Actor:
    """Who is acting: user name (written to the audit trail), display name and role."""

    username: str
    role: Role
    display_name: str = ""

    @property
    def can_edit_records(self) -> bool:
        return self.role in (Role.ADMIN, Role.CLERK)

    @property
    def is_admin(self) -> bool:
        return self.role is Role.ADMIN

    def require(self, *roles: Role) -> None:
        """Raise PermissionDenied unless the actor has one of ``roles``."""
        if self.role not in roles:
            names = "、".join(r.label for r in roles)
            raise PermissionDenied(
                f"此操作需要{names}权限，当前账户“{self.username}”是{self.role.label}"
            )


SYSTEM = Actor("system", Role.ADMIN, "系统")

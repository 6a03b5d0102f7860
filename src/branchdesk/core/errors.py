"""Errors that services raise with a Chinese message for the clerk."""

from __future__ import annotations

# the base lives in storage (the lowest layer) so that storage's own errors, such as a
# database busy in another program, are BranchDeskErrors too
from branchdesk.storage.errors import BranchDeskError, DatabaseBusyError

__all__ = ["BranchDeskError", "DatabaseBusyError", "EditConflict", "LoginError", "NotFound",
           "PermissionDenied", "ValidationError"]


class ValidationError(BranchDeskError):
    """Bad input: a message per field (field name → what to fix); nothing was changed."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__("；".join(self.errors.values()))


class PermissionDenied(BranchDeskError):
    """The logged-in account's role does not allow this action."""


class NotFound(BranchDeskError):
    """A record that does not exist."""


class LoginError(BranchDeskError):
    """Wrong user name or password, or a locked account."""


class EditConflict(BranchDeskError):
    """Someone else saved the record after this dialog loaded it; this save was refused."""

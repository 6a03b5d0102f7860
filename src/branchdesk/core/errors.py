"""Errors that services raise with a Chinese message for the clerk."""

from __future__ import annotations


class BranchDeskError(Exception):
    """Base of errors whose message can be shown to a clerk as it is."""


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

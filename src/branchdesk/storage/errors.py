"""Errors whose Chinese message a clerk can read as it is, from the lowest layer up."""

from __future__ import annotations


class BranchDeskError(Exception):
    """Base of errors whose message can be shown to a clerk as it is."""


class DatabaseBusyError(BranchDeskError):
    """Another program kept the database's write lock longer than a write waits; nothing
    was written, and the same action can simply be tried again."""

    def __init__(self, message: str = "数据库正被其他程序使用，请稍后再试。") -> None:
        super().__init__(message)


class DatabaseWriteError(BranchDeskError):
    """A write the place refused (a full disk, no write permission); it was rolled back."""

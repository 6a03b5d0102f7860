"""The 校验码 in every printed page's footer: the audit chain's head when it was printed."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps
from typing import Any, Concatenate, ParamSpec, TypeVar

from branchdesk.storage.anchor_setup import note_print
from branchdesk.storage.database import Database
from branchdesk.storage.file_check import require_sound_open_database

_CODE: ContextVar[str] = ContextVar("branchdesk_check_code", default="")

P = ParamSpec("P")
R = TypeVar("R")


def current_code() -> str:
    """The 校验码 the pages being printed show ("" outside :func:`stamped`)."""
    return _CODE.get()


def footer_text() -> str:
    """``校验码 XXXX-XXXX-XXXX-XXXX`` for the foot of a page, or ""."""
    code = _CODE.get()
    return f"校验码 {code}" if code else ""


@contextmanager
def stamped(db: Database) -> Iterator[str]:
    """Pages printed inside show the chain head's code; the head is anchored as 打印.

    A damaged database is refused first (DamagedDatabaseError): nothing is printed."""
    require_sound_open_database(db, "打印")
    head = note_print(db)
    token = _CODE.set(head.code if head else "")
    try:
        yield head.code if head else ""
    finally:
        _CODE.reset(token)


def with_check_code(
    func: Callable[Concatenate[Any, P], R],
) -> Callable[Concatenate[Any, P], R]:
    """Decorate a print function whose first argument is the ``Services``: its pages
    show the 校验码 of the database they were printed from."""

    @wraps(func)
    def printed(services: Any, *args: P.args, **kwargs: P.kwargs) -> R:
        with stamped(services.db):
            return func(services, *args, **kwargs)

    return printed

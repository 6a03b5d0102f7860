"""Emitting Qt signals safely: a workaround for PySide6 6.12.0's reference-count bug."""

from __future__ import annotations

import ctypes
from typing import Any


def emit(signal: Any, *args: Any) -> None:
    """Emit ``signal`` with ``args``.

    PySide6 6.12.0's ``SignalInstance.emit()`` returns ``True`` without counting the
    reference it hands back, so every emit from Python lowers ``True``'s reference count
    by one; Python 3.11 then aborts ("Fatal Python error: bool_dealloc") at exit, or
    mid-session after enough emits. pyproject.toml keeps PySide6 below 6.12 for that and
    worse (``None`` is miscounted too); counting the returned reference here keeps signals
    safe whichever version is installed, and costs one more reference to ``True`` at most.
    """
    result = signal.emit(*args)
    if result is True or result is False:
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(result))

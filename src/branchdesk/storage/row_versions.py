"""Row versions: records edited in place carry a counter the ORM checks on every UPDATE."""

from __future__ import annotations

from typing import Any, ClassVar

from sqlalchemy import Integer, event, inspect
from sqlalchemy.orm import Mapped, Mapper, declared_attr, mapped_column, object_session

#: the column that counts a record's saved changes
ROW_VERSION = "row_version"
#: session.info key: (table, record id) of the versioned rows the flush updates, in order
UPDATING = "row_versions.updating"


class Versioned:
    """Mixin of records edited in place: ``row_version`` counts their audited changes.

    The ORM adds ``WHERE row_version = <as loaded>`` to every UPDATE, so a save based on
    an outdated copy matches no row and fails (StaleDataError) instead of overwriting. The
    counter goes up only when a fact changes (an audited column not in
    ``__version_ignore__``): a login that notes ``last_login`` does not make an
    administrator's open account dialog stale."""

    row_version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    #: bookkeeping, not a fact: never written to the audit trail
    __audit_ignore__: ClassVar[frozenset[str]] = frozenset({ROW_VERSION})
    #: audited columns whose changes do not make an open editing dialog outdated
    __version_ignore__: ClassVar[frozenset[str]] = frozenset()

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {
            "version_id_col": cls.__table__.c[ROW_VERSION],  # type: ignore[attr-defined]
            "version_id_generator": False,
        }


def _audited_change(target: Any) -> bool:
    state = inspect(target)
    ignored = type(target).__audit_ignore__ | type(target).__version_ignore__
    for attr in state.mapper.column_attrs:
        if attr.key in ignored:
            continue
        history = state.attrs[attr.key].history
        if history.added and history.deleted != history.added:
            return True
    return False


def _bump(mapper: Mapper[Any], _connection: Any, target: Any) -> None:
    session = object_session(target)
    if session is not None:
        record_id = ",".join(str(part) for part in mapper.primary_key_from_instance(target))
        session.info.setdefault(UPDATING, []).append((target.__tablename__, record_id))
    if _audited_change(target):
        target.row_version = (target.row_version or 1) + 1


event.listen(Versioned, "before_update", _bump, propagate=True)

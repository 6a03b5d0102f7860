"""Reading many plain rows straight from the driver's cursor (ids of county-scale lists)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection


def fetch_all(connection: Connection, query: Any) -> list[Any]:
    """All rows of a query of plain ints and strings, straight from the driver's cursor.

    SQLAlchemy's result rows cost about a microsecond each: 100,000 ids take 110–200 ms
    through a Core result and 25–50 ms from the cursor (benchmarks/bench_transfer_list.py).
    Lists in ``IN`` (expanding parameters) are written into the statement, one parameter
    each."""
    compiled = query.compile(
        dialect=connection.dialect, compile_kwargs={"render_postcompile": True}
    )
    if compiled.positiontup is None:  # a driver with named parameters
        return list(connection.execute(query).all())
    params = compiled.construct_params()
    cursor = connection.connection.cursor()
    try:
        cursor.execute(str(compiled), [params[name] for name in compiled.positiontup])
        return list(cursor.fetchall())
    finally:
        cursor.close()

"""The head of the audit chain (last entry number and hash): what backups and anchors record."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class ChainHead:
    """The last audit entry's number and SHA-256: a fingerprint of the whole history so far."""

    entry_id: int
    hash: str

    @property
    def code(self) -> str:
        """A short 校验码 a clerk can note or compare by phone: 4 groups of 4 hex digits."""
        digits = self.hash[:16].upper()
        return "-".join(digits[i : i + 4] for i in range(0, 16, 4))

    def describe(self) -> str:
        """The head as a clerk reads it: 审计记录第 N 条，校验码 XXXX-XXXX-XXXX-XXXX."""
        return f"审计记录第 {self.entry_id} 条，校验码 {self.code}"


def read_chain_head(dbapi_connection: Any) -> ChainHead | None:
    """The chain head read through a DB-API connection (sqlite3 or SQLAlchemy's raw one).

    ``None`` for a database with no audit entry yet."""
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1")
        row = cursor.fetchone()
    finally:
        cursor.close()
    return ChainHead(int(row[0]), str(row[1])) if row else None

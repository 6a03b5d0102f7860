"""row versions: a counter on every record edited in place, so no save overwrites another

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03 17:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: the tables whose rows a clerk edits in place (append-only tables need no version)
VERSIONED_TABLES = (
    "organisations",
    "committee_posts",
    "members",
    "users",
    "resume_entries",
    "step_records",
    "meetings",
    "transfers",
)


def upgrade() -> None:
    for table in VERSIONED_TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(
                sa.Column("row_version", sa.Integer(), server_default="1", nullable=False)
            )


def downgrade() -> None:
    for table in reversed(VERSIONED_TABLES):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("row_version")

"""transfer kinds, packages and dues paid through

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26 19:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.add_column(sa.Column("dues_paid_through", sa.Date(), nullable=True))
    with op.batch_alter_table("transfers", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("kind", sa.String(length=20), server_default="letter", nullable=False)
        )
        batch_op.add_column(
            sa.Column("package_sha256", sa.String(length=64), server_default="", nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("transfers", schema=None) as batch_op:
        batch_op.drop_column("package_sha256")
        batch_op.drop_column("kind")
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.drop_column("dues_paid_through")

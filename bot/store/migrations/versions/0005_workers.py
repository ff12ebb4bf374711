"""Workers: one row per running process, so the claims of a process that died are freed
at once instead of when their leases run out.

Sources and Telegram posts in flight get the owner column entries and deliveries have,
so every claim names the process that holds it.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "workers",
        sa.Column("owner", sa.String(32), primary_key=True),
        sa.Column("host", sa.String(255), nullable=False),
        sa.Column("pid", sa.Integer, nullable=False),
        sa.Column("pid_start", sa.BigInteger),
        sa.Column("pid_space", sa.String(100)),
        sa.Column("started_at", sa.DateTime, nullable=False),
        sa.Column("seen_at", sa.DateTime, nullable=False),
    )
    op.add_column("sources", sa.Column("claimed_by", sa.String(32)))
    op.add_column("telegram_posts", sa.Column("claimed_by", sa.String(32)))


def downgrade() -> None:
    # Plain DROP COLUMN (SQLite has it since 3.35): batch mode would rebuild
    # telegram_posts and could lose its partial unique index on the way.
    op.drop_column("telegram_posts", "claimed_by")
    op.drop_column("sources", "claimed_by")
    op.drop_table("workers")

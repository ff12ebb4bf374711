"""Per-host politeness shared by replicas: a request to a host holds one of its
`per_host_concurrency` slots (with a lease, in case its process dies), and a slot's
`started` spaces the next request by `per_host_delay`.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "host_slots",
        sa.Column("host", sa.String(255), primary_key=True),
        sa.Column("slot", sa.Integer, primary_key=True),
        sa.Column("claimed_by", sa.String(32)),
        sa.Column("claimed_until", sa.DateTime),
        sa.Column("started", sa.DateTime, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("host_slots")

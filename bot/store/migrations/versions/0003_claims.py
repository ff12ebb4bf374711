"""Claims for replicas and adaptive polling.

Leases on sources, pending entries and pending deliveries (so replicas sharing one
PostgreSQL database never work on the same row at once), one entry per URL, the
effective poll interval, and the reason a source disabled itself.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sources") as batch:
        batch.add_column(sa.Column("claimed_until", sa.DateTime))
        batch.add_column(sa.Column("current_interval_s", sa.Float))
        batch.add_column(sa.Column("quiet_polls", sa.Integer, nullable=False,
                                   server_default="0"))
        batch.add_column(sa.Column("disabled", sa.Text))
    # Entries were kept one per URL by the single writer; replicas need the database to
    # do it. Should two rows share a URL, the later key goes: its URL stays known.
    op.execute("DELETE FROM entries WHERE EXISTS (SELECT 1 FROM entries AS other "
               "WHERE other.url = entries.url AND other.key < entries.key)")
    with op.batch_alter_table("entries") as batch:
        batch.add_column(sa.Column("claimed_until", sa.DateTime))
        batch.add_column(sa.Column("claimed_by", sa.String(32)))
        batch.drop_index("ix_entries_url")
        batch.create_index("uq_entries_url", ["url"], unique=True)
    with op.batch_alter_table("deliveries") as batch:
        batch.add_column(sa.Column("claimed_until", sa.DateTime))
        batch.add_column(sa.Column("claimed_by", sa.String(32)))


def downgrade() -> None:
    with op.batch_alter_table("deliveries") as batch:
        batch.drop_column("claimed_by")
        batch.drop_column("claimed_until")
    with op.batch_alter_table("entries") as batch:
        batch.drop_index("uq_entries_url")
        batch.create_index("ix_entries_url", ["url"])
        batch.drop_column("claimed_by")
        batch.drop_column("claimed_until")
    with op.batch_alter_table("sources") as batch:
        for name in ("disabled", "quiet_polls", "current_interval_s", "claimed_until"):
            batch.drop_column(name)

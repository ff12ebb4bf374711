"""The Telegram post journal: what was posted to each chat, written before and after
each post, so a post cut short by a crash is found again instead of being repeated.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

SENDING = sa.text("state = 'sending'")


def upgrade() -> None:
    op.create_table(
        "telegram_posts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("chat", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("state", sa.String(10), nullable=False),
        sa.Column("message_id", sa.BigInteger),
        sa.Column("alert_id", sa.Integer),
        sa.Column("channel", sa.String(300)),
        sa.Column("part", sa.Integer),
        sa.Column("text", sa.Text),
        sa.Column("preview_url", sa.Text),
        sa.Column("baseline", sa.BigInteger),
        sa.Column("lease_until", sa.DateTime),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("alert_id", "channel", "part", name="uq_telegram_posts_part"),
    )
    op.create_index("ix_telegram_posts_chat", "telegram_posts", ["chat", "message_id"])
    op.create_index("uq_telegram_posts_sending", "telegram_posts", ["chat"], unique=True,
                    sqlite_where=SENDING, postgresql_where=SENDING)


def downgrade() -> None:
    op.drop_table("telegram_posts")

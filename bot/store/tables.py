"""Tables. Alembic migrations in bot/store/migrations create and evolve them."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)

metadata = MetaData()

# Datetimes are stored as naive UTC: SQLite has no time zones and PostgreSQL's
# `timestamp without time zone` then compares the same way on both engines.

sources = Table(
    "sources", metadata,
    Column("id", String(100), primary_key=True),
    Column("kind", String(20), nullable=False),
    Column("url", Text, nullable=False),
    Column("outlet", String(200), nullable=False),
    Column("authority", String(20), nullable=False),
    Column("interval_s", Float, nullable=False),
    Column("links", Text),
    Column("query", Text),
    Column("enabled", Boolean, nullable=False, default=True),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("next_due", DateTime, nullable=False),
    Column("last_polled", DateTime),
    Column("last_status", String(20)),  # ok | not_modified | error
    Column("last_error", Text),
    Column("failures", Integer, nullable=False, default=0),
    Column("items_seen", Integer, nullable=False, default=0),
    # 0003: the poll lease, the adaptive interval, and why polling stopped by itself.
    Column("claimed_until", DateTime),  # a poller holds the source until then
    Column("claimed_by", String(32)),  # 0005: which worker (see `workers`)
    Column("current_interval_s", Float),  # the effective interval; None: interval_s
    Column("quiet_polls", Integer, nullable=False, default=0, server_default="0"),
    Column("disabled", Text),  # "disabled: 20 consecutive failures, last: …"; None: active
    # 0006: a sitemap index's followed children and their validators (SourceState.children,
    # at most watchers.sources.sitemap.MAX_CHILDREN items); None for other kinds.
    Column("children", JSON),
)

entries = Table(
    "entries", metadata,
    Column("key", String(64), primary_key=True),
    Column("url", Text, nullable=False),
    Column("source_id", String(100), nullable=False),
    Column("title", Text, nullable=False),
    Column("published", DateTime),
    Column("summary", Text, nullable=False, default=""),
    Column("first_seen", DateTime, nullable=False),
    Column("status", String(20), nullable=False),  # pending | done | old | failed
    Column("attempts", Integer, nullable=False, default=0),
    Column("error", Text),
    # 0003: a processor's lease on a pending entry (a failed try's "not before" when
    # claimed_by is None), so replicas never work on the same entry at once.
    Column("claimed_until", DateTime),
    Column("claimed_by", String(32)),
    Index("ix_entries_status", "status"),
    Index("uq_entries_url", "url", unique=True),  # 0003: one entry per URL, any source
)

events = Table(
    "events", metadata,
    Column("id", String(40), primary_key=True),
    Column("day", Date),
    Column("created_at", DateTime, nullable=False),
    Column("updated_at", DateTime, nullable=False),
    Column("dirty", Boolean, nullable=False, default=True),  # has news not yet alerted
    Column("alerted_at", DateTime),
    Column("alert_count", Integer, nullable=False, default=0),
    Index("ix_events_day", "day"),
    Index("ix_events_dirty", "dirty"),
)

articles = Table(
    "articles", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("url", Text, nullable=False, unique=True),
    Column("entry_key", String(64), nullable=False),
    Column("source_id", String(100), nullable=False),
    Column("outlet", String(200), nullable=False),
    Column("authority", String(20), nullable=False),
    Column("title", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("published", DateTime),
    Column("language", String(20)),
    Column("fetched_at", DateTime, nullable=False),
    Column("rules", JSON, nullable=False),  # rule ids this page matched by itself
    Column("matched", JSON, nullable=False),  # rule id -> matched words
    Column("entities", JSON, nullable=False),
    Column("signature", JSON),
    Column("event_id", String(40), ForeignKey("events.id")),
    Column("alerted", Boolean, nullable=False, default=False),  # included in a sent alert
    Index("ix_articles_event", "event_id"),
    Index("ix_articles_fetched", "fetched_at"),
)

alerts = Table(
    "alerts", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(40), ForeignKey("events.id"), nullable=False),
    Column("action", String(10), nullable=False),
    Column("payload", JSON, nullable=False),
    Column("created_at", DateTime, nullable=False),
    Index("ix_alerts_event", "event_id"),
)

deliveries = Table(
    "deliveries", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("alert_id", Integer, ForeignKey("alerts.id"), nullable=False),
    Column("event_id", String(40), nullable=False),
    Column("channel", String(300), nullable=False),
    Column("state", String(10), nullable=False),  # pending | sent | failed
    Column("attempts", Integer, nullable=False, default=0),
    Column("next_try", DateTime, nullable=False),
    Column("last_error", Text),
    Column("message_ref", Text),  # e.g. the Telegram message id, for edits
    Column("delivered_at", DateTime),
    Column("claimed_until", DateTime),  # 0003: a dispatcher's lease on a pending delivery
    Column("claimed_by", String(32)),
    UniqueConstraint("alert_id", "channel", name="uq_delivery_alert_channel"),
    Index("ix_deliveries_due", "state", "next_try"),
    Index("ix_deliveries_event_channel", "event_id", "channel"),
)

# 0004: what the bot has posted to each Telegram chat, written before and after each
# post. The Bot API has no idempotency key, so after a crash between a post and its
# commit this journal is how a restarted dispatcher finds out whether the post landed
# (bot/channels/telegram/settle.py) instead of posting it again. One row per message: a part of
# an alert (alert_id, channel, part), a command reply, or a message someone else sent
# that the bot saw (it tells where the chat's message ids had got to).
telegram_posts = Table(
    "telegram_posts", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("chat", String(64), nullable=False),
    Column("kind", String(10), nullable=False),  # alert | reply | seen
    Column("state", String(10), nullable=False),  # sending | sent
    Column("message_id", BigInteger),  # unknown while sending
    Column("alert_id", Integer),
    Column("channel", String(300)),
    Column("part", Integer),
    Column("text", Text),  # the HTML sent, to recognise the message by
    Column("preview_url", Text),
    Column("baseline", BigInteger),  # the chat's highest known message id when sending
    Column("lease_until", DateTime),  # a live sender holds the chat until then
    Column("claimed_by", String(32)),  # 0005: the sending worker (see `workers`)
    Column("created_at", DateTime, nullable=False),
    UniqueConstraint("alert_id", "channel", "part", name="uq_telegram_posts_part"),
    Index("ix_telegram_posts_chat", "chat", "message_id"),
    # One post in flight per chat: any message of the bot's above the baseline that the
    # journal does not know is then the one in flight.
    Index("uq_telegram_posts_sending", "chat", unique=True,
          sqlite_where=text("state = 'sending'"), postgresql_where=text("state = 'sending'")),
)

# 0005: the processes working on this database, one row each while they run. Every claim
# above names its worker (`claimed_by`); a worker found dead (its process gone, or no
# heartbeat for a while) loses its row and its claims (bot/service/liveness.py), so work a killed
# process held resumes at once rather than when the leases run out.
workers = Table(
    "workers", metadata,
    Column("owner", String(32), primary_key=True),  # what claimed_by holds
    Column("host", String(255), nullable=False),
    Column("pid", Integer, nullable=False),
    Column("pid_start", BigInteger),  # the process's start time (Linux clock ticks since boot)
    Column("pid_space", String(100)),  # boot and PID namespace: where `pid` means something
    Column("started_at", DateTime, nullable=False),
    Column("seen_at", DateTime, nullable=False),  # the last heartbeat
)

# Telegram chats (private, group, channel) and the topics (rule ids) each one follows.
subscriptions = Table(
    "subscriptions", metadata,
    Column("chat_id", BigInteger, primary_key=True),
    Column("topic", String(100), primary_key=True),
    Column("chat_type", String(20), nullable=False),  # private | group | supergroup | channel
    Column("created_at", DateTime, nullable=False),
    Index("ix_subscriptions_topic", "topic"),
)

# 0007: the service's own switches, set by operators: one row per key. `paused` (from
# Telegram's /pause) holds every replica and survives a restart.
settings = Table(
    "settings", metadata,
    Column("key", String(50), primary_key=True),
    Column("value", JSON, nullable=False),
    Column("updated_at", DateTime, nullable=False),
    Column("updated_by", String(100)),
)

# 0008: the archive, one row per alerted event, what the web pages, feeds, the JSON API
# and Telegram's look-ups read. `alert_id` is the event's latest alert: its payload is what
# the event page shows. Its full text lives beside it, in `archive_fts` (an FTS5 table on
# SQLite, a tsvector with a GIN index on PostgreSQL; made by the migration, not here).
archive = Table(
    "archive", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(40), ForeignKey("events.id"), nullable=False),
    Column("alert_id", Integer, ForeignKey("alerts.id"), nullable=False),
    Column("happened", Date, nullable=False),  # the event's date, else the day first seen
    Column("first_seen", DateTime, nullable=False),
    Column("updated", DateTime, nullable=False),  # its latest alert: when sources joined
    Index("uq_archive_event", "event_id", unique=True),
    Index("ix_archive_timeline", "happened", "first_seen", "id"),
    Index("ix_archive_updated", "updated"),
)

# The archive's topics (rule ids) and countries, lower-cased, with copies of the timeline's
# sort keys so a filtered timeline reads one index in order.
archive_tags = Table(
    "archive_tags", metadata,
    Column("archive_id", Integer, ForeignKey("archive.id"), primary_key=True),
    Column("kind", String(10), primary_key=True),  # topic | country
    Column("value", String(100), primary_key=True),
    Column("happened", Date, nullable=False),
    Column("first_seen", DateTime, nullable=False),
    Index("ix_archive_tags_timeline", "kind", "value", "happened", "first_seen", "archive_id"),
)

# The archive's topics with their event counts, kept by the archive's writer: counting
# the tags at every page view would read the whole tag index.
archive_topics = Table(
    "archive_topics", metadata,
    Column("topic", String(100), primary_key=True),
    Column("events", Integer, nullable=False),
)

# 0008: Telegram chats that asked for a digest (/digest daily|weekly), and when it last went.
digests = Table(
    "digests", metadata,
    Column("chat_id", BigInteger, primary_key=True),
    Column("period", String(10), nullable=False),  # daily | weekly
    Column("last_sent", DateTime),
    Column("created_at", DateTime, nullable=False),
)

# 0009: per-host politeness across replicas (bot/store/host_slots.py). A row is one of a
# host's concurrency slots: held while a request is in flight, and `started` (the last
# request's start through it) spaces the host's next request by the per-host delay.
host_slots = Table(
    "host_slots", metadata,
    Column("host", String(255), primary_key=True),
    Column("slot", Integer, primary_key=True),
    Column("claimed_by", String(32)),
    Column("claimed_until", DateTime),
    Column("started", DateTime, nullable=False),
)

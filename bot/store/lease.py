"""Claims with a lease, one helper for every work table (sources, entries, deliveries).

A worker holds a row by writing its id in `claimed_by` and an end in `claimed_until`;
the claim runs out on its own if the worker dies, and a row another replica is claiming
right now is skipped on PostgreSQL (`FOR UPDATE SKIP LOCKED`), not waited for. Ending a
claim writes `Lease.ENDED` into the row beside whatever else the update records.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, Final

from sqlalchemy import Column, ColumnElement, Connection, Select, Table, or_, update

__all__ = ["Lease"]


class Lease:
    ENDED: Final = {"claimed_until": None, "claimed_by": None}

    def __init__(self, table: Table, key: Column[Any]) -> None:
        self.table = table
        self.key = key  # the column `take` and `release` name rows by

    def free(self, now: datetime) -> ColumnElement[bool]:
        """Rows nobody holds at `now`: never claimed, or the claim ran out."""
        c = self.table.c
        return or_(c.claimed_until.is_(None), c.claimed_until <= now)

    def held_by(self, owner: str) -> ColumnElement[bool]:
        return self.table.c.claimed_by == owner

    @staticmethod
    def skip_locked(conn: Connection, query: Select[Any], **of: Any) -> Select[Any]:
        """The claiming SELECT: on PostgreSQL a row another replica holds is skipped."""
        if conn.dialect.name == "postgresql":
            return query.with_for_update(skip_locked=True, **of)
        return query

    def take(self, conn: Connection, keys: Sequence[Any], *, owner: str,
             until: datetime) -> None:
        """Hold the rows named by `keys` for `owner` until `until`."""
        if keys:
            conn.execute(update(self.table).where(self.key.in_(keys))
                         .values(claimed_until=until, claimed_by=owner))

    def release(self, conn: Connection, keys: Sequence[Any], *, owner: str,
                also: Sequence[ColumnElement[bool]] = ()) -> None:
        """Give back `owner`'s claims on `keys` it will not work through (`also`: further
        conditions a row must meet, such as still being pending)."""
        if keys:
            conn.execute(update(self.table)
                         .where(self.key.in_(keys), self.held_by(owner), *also)
                         .values(**self.ENDED))

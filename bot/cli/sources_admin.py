"""`defwatch sources enable ID`: put a source that gave up after its failures back to work."""

from __future__ import annotations

from collections.abc import Callable

from bot.config.options import Config
from bot.errors import StoreError
from bot.store import open_database
from bot.store import sources as source_rows
from bot.store.db import utcnow

__all__ = ["enable_source"]


def enable_source(config: Config, source_id: str, write: Callable[[str], None]) -> int:
    """Clear the source's failures and make it due now; a running service (any replica)
    polls it on its next tick. Unknown ids are an error naming the database."""
    db = open_database(config.database)
    try:
        with db.engine.begin() as conn:
            try:
                was = source_rows.enable(conn, source_id, utcnow())
            except LookupError:
                raise StoreError(f"no source {source_id!r} in {db.url}; `defwatch status` "
                                 "lists them (a source is stored once the service has "
                                 "started with it configured)") from None
    finally:
        db.close()
    if was:
        write(f"{source_id}: enabled, due now (it was {was})")
    else:
        write(f"{source_id}: was not disabled; failures cleared, due now")
    return 0

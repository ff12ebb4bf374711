"""The database: schema, migrations and the queries each stage needs.

Functions take a SQLAlchemy Connection so a caller can put several of them in one
transaction (an event change and the alert it causes commit together).
"""

from bot.store.db import Database, open_database

__all__ = ["Database", "open_database"]

"""Loopback fakes of the services defwatch talks to (the Telegram Bot API)."""

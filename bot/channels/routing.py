"""Who gets an alert: decided when the alert is written, in the same transaction, so
each recipient has its own delivery row from the start."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import Connection

from bot.channels.base import Channel, accepts
from bot.models import Alert
from bot.store import subscriptions as subs

CHAT_PREFIX = "telegram:chat:"  # a subscribed chat's deliveries: telegram:chat:<id>


def chat_channel(chat_id: int) -> str:
    """The delivery channel name of a subscribed chat."""
    return f"{CHAT_PREFIX}{chat_id}"


class Router:
    """The configured channels that accept the alert (a topic filter may say no), then,
    with subscribers=True, every Telegram chat following one of the alert's rules."""

    def __init__(self, channels: Mapping[str, Channel], *, subscribers: bool = False) -> None:
        self._channels = channels
        self._subscribers = subscribers

    def __call__(self, conn: Connection, alert: Alert) -> list[str]:
        names = [name for name, channel in self._channels.items() if accepts(channel, alert)]
        if self._subscribers:
            names += [chat_channel(c) for c in subs.chats_for(conn, alert.rules)]
        return names

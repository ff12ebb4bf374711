"""Telegram: the Bot API application, the sender the channels post through, and the
commands people use to follow topics. Built only when a token is configured."""

from bot.telegram.commands import Commands, Control
from bot.telegram.runtime import TelegramRuntime, build_application
from bot.telegram.sender import ChatBlocked, ChatMoved, TelegramSender
from bot.telegram.texts import Topic

__all__ = [
    "ChatBlocked",
    "ChatMoved",
    "Commands",
    "Control",
    "TelegramRuntime",
    "TelegramSender",
    "Topic",
    "build_application",
]

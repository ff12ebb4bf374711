"""Everything Telegram: the Bot API application, the sender the channels post through,
its message renderer, the post journal and the commands people use to follow topics.

Modules are imported by name (`from bot.channels.telegram.sender import TelegramSender`);
this package imports nothing on its own, so rendering a Telegram message does not load
python-telegram-bot.
"""

"""`python -m tests.reliability.crash_child once -c CONFIG`: the real `defwatch` CLI, for
the crash tests, with Telegram's pacing off.

Telegram allows about 20 messages a minute to a channel, and defwatch keeps to it
(AIORateLimiter, one message a second per chat): 500 alerts would take 25 minutes to
post. The fake Bot API has no such limit, so this child builds the Telegram application
without the rate limiter and without the per-chat interval; nothing else changes.
Pacing has its own tests (tests/bot/channels/test_telegram_delivery.py).
"""

from __future__ import annotations

import sys
from functools import partial
from typing import Any

from bot.channels.telegram import runtime
from bot.cli.main import main
from bot.config.options import TelegramConfig

_paced = runtime.TelegramRuntime


def _unpaced(config: TelegramConfig, **kwargs: Any) -> runtime.TelegramRuntime:
    return _paced(config, per_chat_interval_s=0.0, **kwargs)


if __name__ == "__main__":
    runtime.build_application = partial(
        runtime.build_application, rate_limits=False)
    setattr(runtime, "TelegramRuntime", _unpaced)  # noqa: B010 (a class replaced by a function)
    sys.exit(main(sys.argv[1:]))

"""python-telegram-bot is imported only when a Telegram token is configured: a console
or JSON-lines service starts without it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]

BUILD = """
import json, sys
from bot.config.options import BUNDLED_RULES, Config, TelegramConfig
from bot.service.app import App
token = sys.argv[2] or None
config = Config(database=f"sqlite:///{sys.argv[1]}/dw.db", rules=BUNDLED_RULES, sources=[],
                channels=["console", f"jsonl:{sys.argv[1]}/alerts.jsonl"],
                telegram=TelegramConfig(token=token, base_url="http://127.0.0.1:9"))
app = App(config)
print(json.dumps({"loaded": "telegram" in sys.modules, "runtime": app.telegram is not None}))
app.db.close()
"""


@pytest.mark.parametrize(("token", "loaded"), [("", False), ("123456:FAKE-token", True)])
def test_the_telegram_library_loads_with_a_token_only(tmp_path: Path, token: str,
                                                     loaded: bool) -> None:
    out = subprocess.run([sys.executable, "-c", BUILD, str(tmp_path), token], cwd=ROOT,
                         capture_output=True, text=True, timeout=120, check=True)
    assert json.loads(out.stdout.splitlines()[-1]) == {"loaded": loaded, "runtime": loaded}

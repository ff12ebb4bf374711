"""What a start loads: the service does not pay for httpx's command-line client (click,
pygments, rich), and httpx works as before without it."""

from __future__ import annotations

import subprocess
import sys

# a fresh interpreter: this one has imported httpx long before
SCRIPT = """
import sys
import bot.service.app, bot.pipeline.dispatch
import httpx
loaded = [m for m in ('click', 'pygments', 'rich', 'httpx._main')
          if sys.modules.get(m) is not None]
transport = httpx.MockTransport(lambda request: httpx.Response(200, text='fetched'))
with httpx.Client(transport=transport) as client:
    print(client.get('http://127.0.0.1/').text, *loaded)
"""


def test_the_service_imports_no_command_line_client_and_httpx_still_fetches() -> None:
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                         check=True, timeout=120)
    assert out.stdout.split() == ["fetched"]

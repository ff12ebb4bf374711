"""The machine-readable channel: one JSON object per alert, appended to a file.

Exactly once across crashes: the append is fsynced before the store records the
delivery, and a line carries its `alert_id`, so after a crash between the two the
retry finds its line at the end of the file and does not write it again.
"""

from __future__ import annotations

import asyncio
import json
import os
from pathlib import Path

from bot.channels.clean import for_delivery
from bot.errors import DeliveryError
from bot.models import Alert

_TAIL_BYTES = 256 * 1024


class JsonlChannel:
    def __init__(self, name: str, path: Path) -> None:
        self.name = name
        self.path = path

    async def send(self, alert: Alert, *, alert_id: int, previous_ref: str | None) -> str | None:
        line = json.dumps({**for_delivery(alert).to_json(), "alert_id": alert_id},
                          ensure_ascii=False)
        try:
            await asyncio.to_thread(self._append_once, alert_id, line)
        except OSError as exc:
            raise DeliveryError(self.name, f"cannot write {self.path}: {exc}") from exc
        return None

    def _append_once(self, alert_id: int, line: str) -> None:
        if self._already_written(alert_id, json.loads(line)["event_id"]):
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", encoding="utf-8") as fh:
            fh.write(line + "\n")
            fh.flush()
            os.fsync(fh.fileno())

    def _already_written(self, alert_id: int, event_id: str) -> bool:
        # Only the crash window matters: the line, if written, is among the last few.
        if not self.path.exists():
            return False
        with self.path.open("rb") as fh:
            fh.seek(0, os.SEEK_END)
            fh.seek(max(0, fh.tell() - _TAIL_BYTES))
            tail = fh.read().decode("utf-8", errors="replace").splitlines()
        # Only a line naming this alert id can be its line: the others are not parsed.
        needle = f'"alert_id": {alert_id}'
        for raw in reversed(tail):
            if needle not in raw:
                continue
            try:
                seen = json.loads(raw)
                if seen.get("alert_id") == alert_id and seen.get("event_id") == event_id:
                    return True
            except (ValueError, AttributeError):
                continue
        return False

    async def close(self) -> None:
        return None

"""The contract every channel keeps."""

from __future__ import annotations

from typing import Protocol

from bot.models import Alert


class Channel(Protocol):
    name: str

    async def send(self, alert: Alert, *, alert_id: int, previous_ref: str | None) -> str | None:
        """Deliver one alert; return a reference to what was sent (e.g. a message id).

        previous_ref is what this channel returned for the event's first alert, so a
        channel that can edit messages updates it in place. Raise DeliveryError on failure.
        """
        ...

    async def close(self) -> None: ...

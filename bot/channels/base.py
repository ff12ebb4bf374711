"""The contract every channel keeps."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from bot.models import Alert


class Channel(Protocol):
    name: str

    async def send(self, alert: Alert, *, alert_id: int, previous_ref: str | None) -> str | None:
        """Deliver one alert; return a reference to what was sent (e.g. a message id).

        previous_ref is what this channel returned for its latest delivery of the event,
        so a channel that can edit messages updates them in place (and returns their
        ids again), and one that cannot can tell what its readers have already seen.
        Raise DeliveryError on failure.
        """
        ...

    async def close(self) -> None: ...


@runtime_checkable
class TopicFiltered(Protocol):
    """A channel configured for some topics only (`telegram:@chan?topics=a,b`): it gets
    a delivery row only for alerts whose rules meet them. None means every alert."""

    topics: frozenset[str] | None


def accepts(channel: object, alert: Alert) -> bool:
    if isinstance(channel, TopicFiltered) and channel.topics is not None:
        return bool(channel.topics.intersection(alert.rules))
    return True


class ChannelFamily(Protocol):
    """Channels that come and go with the data rather than the configuration, such as
    one per subscribed Telegram chat: every delivery whose channel name starts with
    `prefix` is resolved to a channel when it is due."""

    prefix: str

    def resolve(self, name: str) -> Channel | None: ...

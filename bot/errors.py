"""Errors of the bot package; the tree is rooted in watchers.errors.DefwatchError."""

from __future__ import annotations

from dataclasses import dataclass

from watchers import DefwatchError, ExtractError, FeedError, FetchError

__all__ = [
    "ConfigError",
    "DefwatchError",
    "DeliveryError",
    "ExtractError",
    "FeedError",
    "FetchError",
    "RuleError",
    "RuleProblem",
    "StoreError",
]


class ConfigError(DefwatchError):
    """The configuration file or an environment override is wrong. `problems` holds every
    mistake found, one `FILE:LINE: key: message` each (the first is also `path`/`key`)."""

    def __init__(self, message: str, *, path: str | None = None, key: str | None = None,
                 more: tuple[str, ...] = ()) -> None:
        where = ": ".join(p for p in (path, key) if p)
        first = f"{where}: {message}" if where else message
        self.problems: tuple[str, ...] = (first, *more)
        super().__init__("\n".join(self.problems))
        self.path = path
        self.key = key

    @classmethod
    def every(cls, problems: list[tuple[str, str, str]]) -> ConfigError:
        """One error listing every (where, key, message), in the order found."""
        (path, key, message), *rest = problems
        more = tuple(": ".join(x for x in item if x) for item in rest)
        return cls(message, path=path or None, key=key or None, more=more)


@dataclass(frozen=True)
class RuleProblem:
    """One problem found in a rule or lexicon file, located for a person to fix."""

    file: str
    line: int
    field: str
    message: str
    severity: str = "error"  # or "warning"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}"
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.message}"


class RuleError(DefwatchError):
    """A rule set failed validation; carries every problem found, not just the first."""

    def __init__(self, problems: list[RuleProblem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


class StoreError(DefwatchError):
    """The database cannot be opened, migrated or used."""


class DeliveryError(DefwatchError):
    """A channel could not deliver an alert. retry_after is a server's explicit wish."""

    def __init__(self, channel: str, reason: str, *, permanent: bool = False,
                 retry_after: float | None = None) -> None:
        super().__init__(f"{channel}: {reason}")
        self.channel = channel
        self.reason = reason
        self.permanent = permanent
        self.retry_after = retry_after

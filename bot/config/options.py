"""One typed configuration, loaded once from a YAML file plus environment overrides.

Precedence: built-in defaults < file (`-c`, `$DEFWATCH_CONFIG`, `./defwatch.yaml`) <
`DEFWATCH_DATABASE_URL` / `TELEGRAM_BOT_TOKEN` / `TELEGRAM_API_BASE_URL`.
"""

from __future__ import annotations

import importlib.metadata
import math
import os
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
)

from bot import __version__
from bot.config.environ import env_value
from bot.config.units import parse_duration, parse_size
from bot.config.wording import located
from bot.config.yamlfile import YamlSyntaxError, line_of, load_yaml, plain
from bot.errors import ConfigError
from watchers import FetchSettings, Source, compile_links

PROJECT_DIR = Path(__file__).resolve().parents[2]
# Where pyproject.toml's data-files put rules/ in an installed wheel, under the prefix.
RULES_DATA_DIR = "share/defwatch/rules"


def bundled_rules(project: Path = PROJECT_DIR, distribution: str = "defwatch") -> Path:
    """The rules that come with defwatch: rules/ of the checkout it runs from, else the
    copy its wheel installed. Where that copy lands depends on the install scheme (venv,
    --user, system), so it is looked up in the distribution's list of installed files."""
    checkout = project / "rules"
    if (project / "pyproject.toml").is_file() and checkout.is_dir():
        return checkout
    try:
        files = importlib.metadata.distribution(distribution).files or []
    except importlib.metadata.PackageNotFoundError:
        files = []
    marker = f"{RULES_DATA_DIR}/sources.yaml"
    for file in files:
        if file.as_posix().endswith(marker):
            return Path(file.locate()).resolve().parent
    return checkout  # missing: loading the rules will say so, naming this path


BUNDLED_RULES = bundled_rules()

# Polling a source more often than this is hammering it, not watching it; a month
# keeps next-due arithmetic (interval x 4 when a source is quiet) far from overflow.
MIN_INTERVAL_S = 10.0
MAX_INTERVAL_S = 30 * 86400.0


def _duration(value: Any) -> float:
    if isinstance(value, bool):  # YAML `yes` is an int to Python, not a duration
        raise ValueError(f"not a duration: {value!r} (write e.g. 30s, 10m, 2h)")
    seconds = parse_duration(value)
    # A bare YAML number skips the pattern check: -5, .inf and .nan get here.
    if not math.isfinite(seconds) or seconds < 0:
        raise ValueError(f"not a duration: {value!r} (write e.g. 30s, 10m, 2h)")
    return seconds


def _positive(seconds: float) -> float:
    if seconds <= 0:
        raise ValueError(f"must be longer than 0s, not {seconds:g}s")
    return seconds


def _poll_interval(seconds: float) -> float:
    if seconds < MIN_INTERVAL_S:
        raise ValueError(f"{seconds:g}s is too often; poll at most every "
                         f"{MIN_INTERVAL_S:g}s (write e.g. 10m)")
    if seconds > MAX_INTERVAL_S:
        raise ValueError(f"longer than {MAX_INTERVAL_S / 86400:g}d, the longest interval")
    return seconds


def _duration_or_off(value: Any) -> float | None:
    if value is None or value is False or (isinstance(value, str)
                                           and value.strip().lower() == "off"):
        return None  # YAML reads a bare `off` as false
    try:
        return _positive(_duration(value))
    except ValueError as exc:
        raise ValueError(f"{exc}, or off for no limit") from exc


def _off_is_none(value: Any) -> Any:
    off = value is False or (isinstance(value, str) and value.strip().lower() == "off")
    return None if off else value  # YAML reads a bare `off` as false


def default_cache() -> Path | None:
    """Where compiled rule sets are kept between runs: $XDG_CACHE_HOME/defwatch, else
    ~/.cache/defwatch; None when there is no home to put it in."""
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    if xdg and Path(xdg).is_absolute():  # a relative one is to be ignored (XDG spec)
        return Path(xdg) / "defwatch"
    try:
        return Path.home() / ".cache" / "defwatch"
    except RuntimeError:  # no HOME and no passwd entry
        return None


Seconds = Annotated[float, BeforeValidator(_duration)]  # zero allowed: "no delay"
SecondsOrOff = Annotated[float | None, BeforeValidator(_duration_or_off)]
PositiveSeconds = Annotated[float, BeforeValidator(_duration), AfterValidator(_positive)]
Interval = Annotated[float, BeforeValidator(_duration), AfterValidator(_poll_interval)]
Bytes = Annotated[int, BeforeValidator(parse_size), Field(ge=1)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SourceConfig(_Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$")
    kind: Literal["rss", "html", "sitemap", "search"]
    url: str = Field(pattern=r"^https?://")
    interval: Interval = 600.0
    # opt-in: let pacing poll a quiet source less often, up to this (never beyond it)
    max_interval: Interval | None = None
    outlet: str = ""
    authority: Literal["official", "media", "aggregator"] = "media"
    links: str | None = None
    query: str | None = None
    enabled: bool = True

    @field_validator("links")
    @classmethod
    def _links(cls, selector: str | None, info: ValidationInfo) -> str | None:
        # Empty means none, in a sources file as in the config (where `${VAR}` unset
        # comes out empty): the page's article-like links are then found by themselves.
        selector = (selector or "").strip() or None
        if selector is not None:
            if info.data.get("kind") != "html":  # it would be ignored without a word
                raise ValueError("only html sources take a links selector")
            # At load, with FILE:LINE, rather than as a failed poll minutes later.
            compile_links(selector)
        return selector

    @field_validator("query")
    @classmethod
    def _query(cls, query: str | None, info: ValidationInfo) -> str | None:
        if query is not None and info.data.get("kind") != "search":
            raise ValueError("only search sources take a query")
        return query

    def to_source(self) -> Source:
        return Source(id=self.id, kind=self.kind, url=self.url, interval_s=self.interval,
                      max_interval_s=self.max_interval, outlet=self.outlet or self.id,
                      authority=self.authority, links=self.links, query=self.query)


class TelegramConfig(_Strict):
    token: str | None = None
    base_url: str | None = None
    admins: list[int | str] = []
    digest_hour: int = Field(default=7, ge=0, le=23)  # UTC hour the /digest messages go out


class FetchConfig(_Strict):
    per_host_concurrency: int = Field(default=2, ge=1, le=32)
    per_host_delay: Seconds = 1.0
    timeout: PositiveSeconds = 20.0
    max_bytes: Bytes = 15 * 1024 * 1024
    user_agent: str = f"defwatch/{__version__} (+https://github.com/defwatch/defwatch)"
    concurrency: int = Field(default=16, ge=1, le=256)
    allow_private: bool = False  # fetch from loopback/private/link-local addresses
    respect_robots: bool = True

    def settings(self) -> FetchSettings:
        return FetchSettings(per_host_concurrency=self.per_host_concurrency,
                             per_host_delay_s=self.per_host_delay, timeout_s=self.timeout,
                             max_bytes=self.max_bytes, user_agent=self.user_agent,
                             allow_private=self.allow_private,
                             respect_robots=self.respect_robots)


class EventsConfig(_Strict):
    window: PositiveSeconds = 3 * 86400.0  # how far apart two reports of one event may be dated
    update_every: Seconds = 600.0  # at most one update alert per event in this time
    # An entry dated (by its feed, else its page) further back than this when first seen is
    # recorded but never alerted: a new source's archive is not news. None (`off`): no limit.
    max_age: SecondsOrOff = 3 * 86400.0


class HttpConfig(_Strict):
    listen: str = "127.0.0.1:8787"
    token: str | None = None  # then asked for everything but /healthz and /readyz
    # Where readers reach the archive (behind a proxy, say): links in feeds and digests.
    public_url: str | None = Field(default=None, pattern=r"^https?://[^\s?#]+$")


class Config(_Strict):
    database: str = "sqlite:///defwatch.db"
    rules: Path = BUNDLED_RULES
    sources: Path | list[SourceConfig] = BUNDLED_RULES / "sources.yaml"
    channels: list[str] = ["console"]
    telegram: TelegramConfig = TelegramConfig()
    fetch: FetchConfig = FetchConfig()
    events: EventsConfig = EventsConfig()
    http: HttpConfig = HttpConfig()
    # processes for extraction and matching; default: one per core; 0: a thread instead
    workers: int | None = Field(default=None, ge=0, le=64)
    # compiled rule sets kept between runs (bot/rules/cache.py); None (`off`): compile each time
    cache: Annotated[Path | None, BeforeValidator(_off_is_none)] = Field(
        default_factory=default_cache)
    path: Path | None = None  # the file this was read from; not a key users write


_ENV_REF = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")


def _expand_env(node: Any) -> Any:
    """`${NAME}` in strings becomes the variable's value ('' when unset)."""
    if isinstance(node, dict):
        return {k: _expand_env(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_expand_env(v) for v in node]
    if isinstance(node, str):
        return _ENV_REF.sub(lambda m: env_value(m.group(1)) or "", node) or None
    return node


def _resolve(base: Path, value: Any) -> Any:
    if isinstance(value, str):
        p = Path(value).expanduser()
        return p if p.is_absolute() else base / p
    return value


def config_path(explicit: str | None) -> Path | None:
    """Which file to read: -c, then $DEFWATCH_CONFIG, then ./defwatch.yaml, else none."""
    if explicit:
        return Path(explicit)
    env = os.environ.get("DEFWATCH_CONFIG")
    if env:
        return Path(env)
    local = Path("defwatch.yaml")
    return local if local.exists() else None


def load_config(explicit: str | None = None) -> Config:
    path = config_path(explicit)
    raw: dict[str, Any] = {}
    doc: Any = None
    if path is not None:
        if not path.exists():
            raise ConfigError("file not found", path=str(path))
        try:
            doc = load_yaml(path)
        except YamlSyntaxError as exc:
            raise ConfigError(exc.message, path=f"{path}:{exc.line}") from exc
        if doc is None:
            doc = {}
        if not isinstance(doc, dict):
            raise ConfigError("the top level must be a mapping of keys", path=str(path))
        raw = _expand_env(plain(doc))
        base = path.resolve().parent
        for key in ("rules", "sources", "cache"):
            if key in raw and _off_is_none(raw[key]) is not None:
                raw[key] = _resolve(base, raw[key])
        if isinstance(raw.get("database"), str):
            raw["database"] = _relative_sqlite(raw["database"], base)
    _apply_env(raw)
    name = str(path) if path else "<defaults>"
    try:
        config = Config.model_validate({**raw, "path": path})
    except ValidationError as exc:
        raise ConfigError.every(located(exc, name, doc, Config)) from exc
    if isinstance(config.sources, list):
        duplicates = _duplicate_ids(config.sources, name, doc, ["sources"])
        if duplicates:
            raise ConfigError.every(duplicates)
    return config


def _duplicate_ids(items: list[SourceConfig], name: str, doc: Any,
                   at: list[str | int]) -> list[tuple[str, str, str]]:
    seen: set[str] = set()
    found: list[tuple[str, str, str]] = []
    for i, src in enumerate(items):
        if src.id in seen:
            line = f":{line_of(doc, [*at, i])}" if doc is not None else ""
            found.append((f"{name}{line}", f"sources[{i}].id",
                          f"duplicate source id {src.id!r}"))
        seen.add(src.id)
    return found


def _apply_env(raw: dict[str, Any]) -> None:
    if url := env_value("DEFWATCH_DATABASE_URL"):
        raw["database"] = url
    telegram = dict(raw.get("telegram") or {})
    if token := env_value("TELEGRAM_BOT_TOKEN"):
        telegram["token"] = token
    if base_url := env_value("TELEGRAM_API_BASE_URL"):
        telegram["base_url"] = base_url
    if telegram:
        raw["telegram"] = telegram


def _relative_sqlite(url: str, base: Path) -> str:
    """sqlite:///relative.db is relative to the config file, as the other paths are."""
    prefix = "sqlite:///"
    if url.startswith(prefix) and not url.startswith(prefix + "/") and ":memory:" not in url:
        return prefix + str(base / url[len(prefix):])
    return url


def sources_written(config: Config) -> datetime:
    """When the source list was last edited (its file's mtime, UTC, naive as the store
    keeps times): replicas let the most recently written list win. Built-in defaults
    count as written at the epoch."""
    path = config.sources if isinstance(config.sources, Path) else config.path
    try:
        stamp = path.stat().st_mtime if path is not None else 0.0
    except OSError:
        stamp = 0.0
    return datetime.fromtimestamp(stamp, UTC).replace(tzinfo=None)


def load_sources(config: Config) -> list[SourceConfig]:
    """The configured sources, from the inline list or the sources file."""
    if isinstance(config.sources, list):
        return list(config.sources)
    path = config.sources
    try:
        doc = load_yaml(path)
    except YamlSyntaxError as exc:
        raise ConfigError(exc.message, path=f"{path}:{exc.line}") from exc
    items = doc.get("sources") if isinstance(doc, dict) else doc
    if not isinstance(items, list):
        raise ConfigError("expected a list under `sources:`", path=str(path))
    out: list[SourceConfig] = []
    problems: list[tuple[str, str, str]] = []
    for i, item in enumerate(items):  # every bad source is reported, not just the first
        try:
            out.append(SourceConfig.model_validate(plain(item)))
        except ValidationError as exc:
            problems += located(exc, str(path), items, SourceConfig, at=[i])
    problems += _duplicate_ids(out, str(path), items, []) if not problems else []
    if problems:
        raise ConfigError.every(problems)
    return out

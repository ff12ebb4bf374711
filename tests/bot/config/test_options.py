"""Config: defaults with no file, file + env overrides, errors that name file, line and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli.main import main
from bot.config.options import BUNDLED_RULES, load_config, load_sources
from bot.config.units import parse_duration, parse_size
from bot.errors import ConfigError


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("DEFWATCH_CONFIG", "DEFWATCH_DATABASE_URL", "TELEGRAM_BOT_TOKEN",
                 "TELEGRAM_API_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)


def write(tmp_path: Path, text: str) -> str:
    path = tmp_path / "defwatch.yaml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_defaults_without_a_file() -> None:
    config = load_config()
    assert config.database == "sqlite:///defwatch.db"
    assert config.rules == BUNDLED_RULES
    assert config.channels == ["console"]
    assert config.fetch.per_host_concurrency == 2
    assert load_sources(config), "the bundled sources file lists sources"


def test_file_values_and_relative_paths(tmp_path: Path) -> None:
    path = write(tmp_path, "database: sqlite:///data/dw.db\nrules: myrules\n"
                 "fetch: {timeout: 5s, max_bytes: 512KiB, per_host_delay: 250ms}\n"
                 "events: {window: 2d, update_every: 10m}\n")
    config = load_config(path)
    assert config.database == f"sqlite:///{tmp_path}/data/dw.db"
    assert config.rules == tmp_path / "myrules"
    assert config.fetch.timeout == 5.0
    assert config.fetch.max_bytes == 512 * 1024
    assert config.fetch.per_host_delay == 0.25
    assert config.events.window == 2 * 86400
    assert config.events.update_every == 600


def test_env_overrides_and_expansion(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "telegram:\n  token: ${MY_TOKEN}\n")
    monkeypatch.setenv("MY_TOKEN", "123:abc")
    assert load_config(path).telegram.token == "123:abc"
    monkeypatch.setenv("DEFWATCH_DATABASE_URL", "postgresql://u@127.0.0.1/db")
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "999:zzz")
    monkeypatch.setenv("DEFWATCH_CONFIG", path)
    config = load_config()
    assert config.database == "postgresql://u@127.0.0.1/db"
    assert config.telegram.token == "999:zzz"


@pytest.mark.parametrize(("text", "expected"), [
    ("database: x\nchanels: [console]\n", "defwatch.yaml:2: chanels: unknown key"),
    ("fetch:\n  timeout: soon\n", "defwatch.yaml:2: fetch.timeout: not a duration"),
    ("fetch:\n  per_host_concurrency: 0\n", "defwatch.yaml:2: fetch.per_host_concurrency:"),
    ("fetch:\n  max_bytes: lots\n", "defwatch.yaml:2: fetch.max_bytes: not a size"),
    ("telegram:\n  admins: 5\n", "defwatch.yaml:2: telegram.admins:"),
    ("- just\n- a list\n", "the top level must be a mapping"),
    ("database: [unclosed\n", "YAML syntax"),
])
def test_errors_name_file_line_and_key(tmp_path: Path, text: str, expected: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert expected in str(info.value)


def test_missing_explicit_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="file not found"):
        load_config(str(tmp_path / "nope.yaml"))


@pytest.mark.parametrize(("text", "expected"), [
    ("sources:\n  - id: a\n    kind: gopher\n    url: http://x/\n",
     "sources.yaml:3: sources[0].kind:"),
    ("sources:\n  - id: a\n    kind: rss\n    url: http://x/\n    intervall: 5m\n",
     "sources.yaml:5: sources[0].intervall: unknown key"),
    ("sources:\n  - {id: a, kind: rss, url: 'http://x/'}\n  - {id: a, kind: rss, url: 'http://y/'}\n",
     "duplicate source id 'a'"),
])
def test_source_file_errors(tmp_path: Path, text: str, expected: str) -> None:
    (tmp_path / "sources.yaml").write_text(text, encoding="utf-8")
    config = load_config(write(tmp_path, "sources: sources.yaml\n"))
    with pytest.raises(ConfigError) as info:
        load_sources(config)
    assert expected in str(info.value)


def test_inline_sources(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, "sources:\n  - {id: feed-a, kind: rss, "
                               "url: 'http://127.0.0.1/f.xml', interval: 90s}\n"))
    [src] = load_sources(config)
    assert src.to_source().interval_s == 90.0
    assert src.to_source().outlet == "feed-a"


@pytest.mark.parametrize(("text", "seconds"), [
    ("30s", 30.0), ("10m", 600.0), ("2h", 7200.0), ("7d", 604800.0), ("250ms", 0.25),
    (" 5 ", 5.0), (12, 12.0)])
def test_durations(text: str | int, seconds: float) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize(("text", "size"), [
    ("512KiB", 524288), ("15MiB", 15 * 1024 * 1024), ("1KB", 1000), ("100", 100), (7, 7)])
def test_sizes(text: str | int, size: int) -> None:
    assert parse_size(text) == size


@pytest.mark.parametrize("bad", ["", "10 minutes", "-5s", "1y"])
def test_bad_durations(bad: str) -> None:
    with pytest.raises(ValueError, match="not a duration"):
        parse_duration(bad)


# -- values that parse but cannot be meant: refused at load, with FILE:LINE ------------

SOURCE_HEAD = "sources:\n  - id: a\n    kind: html\n    url: http://x/\n"


@pytest.mark.parametrize(("line", "expected"), [
    ("interval: 0s", "sources[0].interval: 0s is too often; poll at most "
                     "every 10s"),
    ("interval: 9s", "sources[0].interval: 9s is too often"),
    ("interval: 500ms", "sources[0].interval: 0.5s is too often"),
    ("interval: -600", "sources[0].interval: not a duration: -600"),
    ("interval: .nan", "sources[0].interval: not a duration: nan"),
    ("interval: .inf", "sources[0].interval: not a duration: inf"),
    ("interval: true", "sources[0].interval: not a duration: True"),
    ("interval: 31d", "sources[0].interval: longer than 30d, the longest "
                      "interval"),
    ("links: 'a['", "sources[0].links: the links selector 'a[' is not valid "
                    "CSS: Expected ident or '*', got <EOF at 2>"),
    ("links: 'div >> a'", "sources[0].links: the links selector 'div >> a' "
                          "is not valid CSS"),
    ("links: 'a::text'", "sources[0].links: the links selector 'a::text' is "
                         "not valid CSS: Pseudo-elements are not supported."),
    ("query: India Japan", "sources[0].query: only search sources take a "
                           "query"),
], ids=["zero", "9s", "ms", "negative", "nan", "inf", "bool", "too-long", "unclosed",
        "bad-combinator", "pseudo-element", "query-not-search"])
def test_bad_source_values_in_either_place(tmp_path: Path, line: str, expected: str) -> None:
    text = SOURCE_HEAD + "    outlet: X\n    " + line + "\n"  # the bad key is on line 6
    inline = write(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        load_config(inline)
    assert f"defwatch.yaml:6: {expected}" in str(info.value)

    (tmp_path / "sources.yaml").write_text(text, encoding="utf-8")
    config = load_config(write(tmp_path, "sources: sources.yaml\n"))
    with pytest.raises(ConfigError) as info:
        load_sources(config)
    assert f"sources.yaml:6: {expected}" in str(info.value)


def test_a_links_selector_is_refused_where_it_would_be_ignored(tmp_path: Path) -> None:
    text = "sources:\n  - id: a\n    kind: rss\n    url: http://x/\n    links: 'li a'\n"
    with pytest.raises(ConfigError) as info:
        load_config(write(tmp_path, text))
    assert ("defwatch.yaml:5: sources[0].links: only html sources take a "
            "links selector") in str(info.value)


def test_an_empty_links_selector_means_none_in_either_place(tmp_path: Path) -> None:
    text = "sources:\n  - {id: a, kind: html, url: 'http://x/', links: ''}\n"
    [inline] = load_sources(load_config(write(tmp_path, text)))
    (tmp_path / "sources.yaml").write_text(text, encoding="utf-8")
    [in_file] = load_sources(load_config(write(tmp_path, "sources: sources.yaml\n")))
    assert inline.links is None and in_file.links is None


def test_good_intervals_and_selectors_load(tmp_path: Path) -> None:
    text = (SOURCE_HEAD + "    interval: 10s\n    links: '.views-row a, li > a[href*=press]'\n"
            "  - {id: b, kind: rss, url: 'http://y/', interval: 30d}\n")
    a, b = load_sources(load_config(write(tmp_path, text)))
    assert (a.interval, a.links, b.interval) == (10.0, ".views-row a, li > a[href*=press]",
                                                 30 * 86400.0)


@pytest.mark.parametrize(("text", "expected"), [
    ("fetch:\n  timeout: 0s\n", "defwatch.yaml:2: fetch.timeout: must be "
                                "longer than 0s, not 0s"),
    ("fetch:\n  timeout: -1\n", "defwatch.yaml:2: fetch.timeout: not a duration"),
    ("fetch:\n  per_host_delay: -1\n",
     "defwatch.yaml:2: fetch.per_host_delay: not a duration: -1"),
    ("fetch:\n  max_bytes: 0\n", "defwatch.yaml:2: fetch.max_bytes: must be at least 1, "
                                 "not 0"),
    ("events:\n  window: 0s\n", "defwatch.yaml:2: events.window: must be "
                                "longer than 0s"),
    ("events:\n  update_every: -10m\n", "defwatch.yaml:2: events.update_every: "
                                        "not a duration"),
])
def test_bad_durations_elsewhere(tmp_path: Path, text: str, expected: str) -> None:
    with pytest.raises(ConfigError) as info:
        load_config(write(tmp_path, text))
    assert expected in str(info.value)


def test_zero_means_no_delay_where_that_makes_sense(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, "fetch: {per_host_delay: 0s}\n"
                                         "events: {update_every: 0}\n"))
    assert (config.fetch.per_host_delay, config.events.update_every) == (0.0, 0.0)


def test_the_archive_keys(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARCHIVE_TOKEN", "t0k3n")
    config = load_config(write(tmp_path, (
        "http: {listen: '127.0.0.1:0', token: '${ARCHIVE_TOKEN}', "
        "public_url: 'https://news.example.org/dw'}\n"
        "telegram: {digest_hour: 18}\n")))
    assert config.http.token == "t0k3n"
    assert config.http.public_url == "https://news.example.org/dw"
    assert config.telegram.digest_hour == 18
    defaults = load_config(write(tmp_path, "channels: [console]\n"))
    assert defaults.http.token is None and defaults.http.public_url is None
    assert defaults.telegram.digest_hour == 7


@pytest.mark.parametrize(("text", "expected"), [
    ("telegram: {digest_hour: 24}\n", "telegram.digest_hour"),
    ("http: {public_url: 'ftp://x/'}\n", "http.public_url"),
    ("http: {public_url: 'https://x/?a=1'}\n", "http.public_url"),
])
def test_bad_archive_keys(tmp_path: Path, text: str, expected: str) -> None:
    with pytest.raises(ConfigError, match=expected.replace(".", r"\.")):
        load_config(write(tmp_path, text))


# -- every mistake at once, in plain words --------------------------------------------

TWO_MISTAKES = """\
database: sqlite:///x.db
chanels: [console]
fetch:
  timeout: soon
  per_host_concurrency: many
sources:
  - id: Feed
    kind: gopher
    url: ftp://x
"""


def test_every_config_error_is_reported_at_once_in_plain_words(tmp_path: Path) -> None:
    path = write(tmp_path, TWO_MISTAKES)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert info.value.problems == (
        f"{path}:2: chanels: unknown key (did you mean 'channels'?); known keys: database, "
        "rules, sources, channels, telegram, fetch, events, http, workers, cache",
        f"{path}:4: fetch.timeout: not a duration: 'soon' (write e.g. 30s, 10m, 2h)",
        f"{path}:5: fetch.per_host_concurrency: must be a whole number, not 'many'",
        f"{path}:7: sources[0].id: must be lowercase letters, digits, '.', '_' or '-' "
        "(starting with a letter or digit), not 'Feed'",
        f"{path}:8: sources[0].kind: must be one of rss, html, sitemap or search, not 'gopher'",
        f"{path}:9: sources[0].url: must be an http:// or https:// URL, not 'ftp://x'",
    )
    assert "Value error" not in str(info.value) and "Input should" not in str(info.value)


def test_every_bad_source_in_a_sources_file_is_reported(tmp_path: Path) -> None:
    (tmp_path / "sources.yaml").write_text(
        "sources:\n  - {id: a, kind: rss, url: 'http://x/', interval: 1s}\n"
        "  - {id: b, kind: rss, url: 'http://y/', intervall: 5m}\n", encoding="utf-8")
    config = load_config(write(tmp_path, "sources: sources.yaml\n"))
    with pytest.raises(ConfigError) as info:
        load_sources(config)
    where = tmp_path / "sources.yaml"
    assert info.value.problems == (
        f"{where}:2: sources[0].interval: 1s is too often; poll at most every 10s "
        "(write e.g. 10m)",
        f"{where}:3: sources[1].intervall: unknown key (did you mean 'interval'?); known "
        "keys: id, kind, url, interval, max_interval, outlet, authority, links, query, "
        "enabled")


def test_sources_of_neither_shape_are_named_once(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as info:
        load_config(write(tmp_path, "sources: 5\n"))
    assert info.value.problems == (
        f"{tmp_path}/defwatch.yaml:1: sources: must be a path to a sources file or a list "
        "of sources",)


@pytest.mark.parametrize(("text", "line", "meaning"), [
    ("fetch:\n  timeout: 5s\n concurrency: 4\n", 3, "the indentation does not line up"),
    ("fetch:\n\ttimeout: 5s\n", 2, "a tab character: YAML indents with spaces only"),
    ("telegram:\n  token: a: b\n", 2, "a colon where none can be: put a value containing"),
    ("database: x\nchannels: [console\n", 2, "a [list] opened here is not closed with ]"),
    ("database: x\nuser_agent: \"defwatch\n", 2, "a quote opened here is never closed"),
    ("database: x\ndatabase: y\n", 2, "a key written twice in one mapping: keep one"),
])
def test_yaml_syntax_errors_are_explained(tmp_path: Path, text: str, line: int,
                                          meaning: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert str(info.value).startswith(f"{path}:{line}: YAML syntax: {meaning}")
    assert "(the parser says: " in str(info.value)


def test_the_cli_prints_each_config_error_on_its_own_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, TWO_MISTAKES)
    assert main(["status", "-c", path]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert lines[0] == "defwatch: 6 errors in the configuration:"
    assert [line.split(": ")[1] for line in lines[1:]] == [
        "chanels", "fetch.timeout", "fetch.per_host_concurrency", "sources[0].id",
        "sources[0].kind", "sources[0].url"]

"""Malformed rule and configuration files: each gets one line per problem naming FILE:LINE
and a non-zero exit (`defwatch rules check`, `defwatch once -c`), and a running service
that meets one keeps the rules it has (tests/bot/rules/test_holder.py has the basics)."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from bot.cli.main import main
from bot.config.options import BUNDLED_RULES, load_config
from bot.rules.holder import RulesHolder
from bot.service.app import App
from bot.service.reload import reload_sources

_RULE = "id: x\ntitle: X\nterms: {a: [b], c: [d]}\n"
_BOMB = "".join(f"k{i}: &a{i} [{', '.join([f'*a{i - 1}' if i else 'lol'] * 9)}]\n"
                for i in range(9))

# (case, file content, line, what the message says)
RULE_FILES: list[tuple[str, str | bytes, int, str]] = [
    ("yaml-syntax", "id: x\ntitle: X\nterms: [unclosed\n", 3,
     "YAML syntax: a \\[list\\] opened here is not closed"),
    ("tab-indent", "id: x\ntitle: X\nterms:\n\tjapan: [Japan]\n", 4, "YAML syntax.*'\\\\t'"),
    ("duplicate-key", "id: x\nid: y\n", 2, "duplicate key \"id\""),
    ("a-list", "- id: x\n", 1, "a rule file is a mapping"),
    ("empty", "", 1, "a rule file is a mapping"),
    ("not-utf8", b"id: x\ntitle: D\xe9fense\n", 1, "cannot read: 'utf-8' codec"),
    ("binary", b"\x00\x01\x02\xff\xfe", 1, "cannot read"),
    ("unknown-key", _RULE + "require: a\ntitel: X\n", 5,
     "titel: unknown key .did you mean 'title'"),
    ("missing-require", _RULE, 1, "require: required key is missing"),
    ("bad-id", "id: India Japan\ntitle: X\nterms: {a: [b]}\nrequire: a\n", 1,
     "id: an id is lowercase letters"),
    ("unknown-group", _RULE + "require: a and cc\n", 4, "unknown group 'cc'"),
    ("unbalanced", _RULE + "require: (a and c\n", 4, "column 9: expected '\\)', found the end"),
    ("near-words", _RULE + "require: near(a, c, many)\n", 4, "expected a whole number"),
    ("unknown-function", _RULE + "require: far(a, c)\n", 4, "unknown function 'far'"),
    ("nested-too-deep", _RULE + "require: " + "(" * 300 + "a" + ")" * 300 + "\n", 4,
     "nested more than 50 levels deep"),
    ("not-not-not", _RULE + "require: " + "not " * 300 + "a\n", 4, "nested more than 50"),
    ("empty-require", _RULE + "require: ''\n", 4, "require: must be an expression"),
    ("unknown-lexicon", "id: x\ntitle: X\nterms: {a: ['@atlantis']}\nrequire: a\n", 3,
     "unknown lexicon entry '@atlantis'"),
    ("empty-group", "id: x\ntitle: X\nterms: {a: []}\nrequire: a\n", 3, "empty group"),
    ("terms-not-a-map", "id: x\ntitle: X\nterms: Japan\nrequire: a\n", 3,
     "terms: must be a mapping"),
    ("term-no-letters", "id: x\ntitle: X\nterms: {a: ['***']}\nrequire: a\n", 3,
     "'\\*\\*\\*' has no letters or digits"),
    ("scope-unknown", _RULE + "require: a\nscope: [body]\n", 5, "unknown scope 'body'"),
    ("min-score-word", _RULE + "require: a\nmin_score: lots\n", 5, "min_score: must be a number"),
    ("examples-not-a-list", _RULE + "require: a\nexamples: {match: 5}\n", 5,
     "examples.match: must be a list"),
    ("alias-bomb", _BOMB, 1, "YAML aliases expand this file to more than 1,000,000 values"),
    ("deep-brackets", "id: x\ntitle: X\nterms: {a: " + "[" * 400 + "]" * 400 + "}\n", 3,
     "YAML nested more than 64 levels deep"),
    ("deep-but-parsed", "id: x\ntitle: X\nterms: {a: " + "[" * 100 + "]" * 100 + "}\n", 3,
     "YAML nested more than 64 levels deep"),
    ("deep-blocks", "id: x\nterms:\n" + "".join(" " * i + "k:\n" for i in range(1, 400)), 67,
     "YAML nested more than 64 levels deep"),
]


# One of each way of failing: YAML, encoding, schema, expression, lexicon, size.
RELOADED = ("yaml-syntax", "not-utf8", "binary", "empty", "unknown-key", "unknown-group",
            "nested-too-deep", "unknown-lexicon", "alias-bomb", "deep-brackets", "deep-blocks")


def _write(path: Path, content: str | bytes) -> None:
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled lexicon, shared groups and one good rule: enough to load, quicker than
    the pack."""
    target = tmp_path_factory.mktemp("pristine") / "rules"
    shutil.copytree(BUNDLED_RULES / "lexicon", target / "lexicon")
    shutil.copytree(BUNDLED_RULES / "groups", target / "groups")
    shutil.copy(BUNDLED_RULES / "india-japan.yaml", target)
    return target


@pytest.mark.parametrize("bad_rule", RULE_FILES, ids=[c[0] for c in RULE_FILES])
def test_rules_check_names_file_and_line(bad_rule: tuple[str, str | bytes, int, str],
                                         pristine: Path, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    case, content, line, says = bad_rule
    rules = tmp_path / "rules"
    shutil.copytree(pristine, rules)
    bad = rules / f"{case}.yaml"
    _write(bad, content)
    assert main(["rules", "check", str(rules)]) == 1
    out = capsys.readouterr()
    errors = [x for x in (out.out + out.err).splitlines()
              if x.startswith(f"{bad}:") and not x.startswith("warning:")]
    assert any(x.startswith(f"{bad}:{line}: ") and re.search(says, x) for x in errors), errors


def test_a_duplicate_rule_id_names_both_files(pristine: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(pristine, rules)
    shutil.copy(rules / "india-japan.yaml", rules / "india-japan-copy.yaml")
    assert main(["rules", "check", str(rules)]) == 1
    text = capsys.readouterr().out
    assert re.search(r"india-japan(-copy)?\.yaml:\d+: id: duplicate rule id 'india-japan' "
                     r"\(first in .*india-japan(-copy)?\.yaml:\d+\)", text), text


def test_a_running_service_keeps_its_rules_through_every_bad_edit(pristine: Path,
                                                                  tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(pristine, rules)
    holder = RulesHolder(rules)
    text = ("India's Defence Minister spoke with Japan's Defence Minister about naval "
            "cooperation between India and Japan.")
    before = holder.current.match_text("India, Japan defence ministers talk", text).rule_ids
    assert "india-japan" in before
    bad = rules / "zz-broken.yaml"
    for case, content, _, _ in [c for c in RULE_FILES if c[0] in RELOADED]:
        _write(bad, content)
        st = bad.stat()  # a new mtime even within the clock's resolution
        os.utime(bad, ns=(st.st_atime_ns, st.st_mtime_ns + 2_000_000_000 * (1 + len(case))))
        assert holder.reload_if_changed() is False, case
        assert holder.current.match_text("India, Japan defence ministers talk",
                                         text).rule_ids == before, case
    assert holder.reload_errors == len(RELOADED)


SRC = "sources:\n  - {id: a, kind: rss, url: 'http://127.0.0.1:9/feed.xml'}\n"

# (case, config file body, line or None, what the message says)
CONFIG_FILES: list[tuple[str, str | bytes, int | None, str]] = [
    ("yaml-syntax", "channels: [console\n", 1, "YAML syntax: a \\[list\\] opened here"),
    ("tab-indent", "fetch:\n\ttimeout: 5s\n", 2, "YAML syntax"),
    ("duplicate-key", "channels: [console]\nchannels: [console]\n", 2, "duplicate key"),
    ("not-utf8", b"channels: [console]\n# D\xe9fense\n", 1, "cannot read"),
    ("a-list", "- console\n", None, "the top level must be a mapping"),
    ("unknown-key", "databse: sqlite:///x.db\n", 1, "databse: unknown key"),
    ("bad-duration", "fetch: {timeout: soon}\n", 1, "fetch.timeout: .*not a duration"),
    ("negative-duration", "events: {window: -3d}\n", 1, "events.window: .*not a duration"),
    ("bad-size", "fetch: {max_bytes: lots}\n", 1, "fetch.max_bytes: .*not a size"),
    ("zero-concurrency", "fetch: {per_host_concurrency: 0}\n", 1,
     "fetch.per_host_concurrency: must be at least 1, not 0"),
    ("allow-private-word", "fetch: {allow_private: perhaps}\n", 1, "fetch.allow_private"),
    ("source-bad-id", "sources:\n  - {id: BAD ID, kind: rss, url: 'http://x/'}\n", 2,
     r"sources\[0\]\.id: must be lowercase letters"),
    ("source-bad-kind", "sources:\n  - {id: a, kind: gopher, url: 'http://x/'}\n", 2,
     r"sources\[0\]\.kind: must be one of rss, html, sitemap or search, not 'gopher'"),
    ("source-ftp", "sources:\n  - {id: a, kind: rss, url: 'ftp://x/'}\n", 2,
     r"sources\[0\]\.url"),
    ("source-unknown-key", "sources:\n  - {id: a, kind: rss, url: 'http://x/', every: 5m}\n",
     2, r"sources\[0\]\.every: unknown key"),
    ("source-duplicate-id", "sources:\n  - {id: a, kind: rss, url: 'http://x/1'}\n"
                            "  - {id: a, kind: rss, url: 'http://x/2'}\n", 3,
     r"sources\[1\]\.id: duplicate source id 'a'"),
    ("alias-bomb", _BOMB, 1, "YAML aliases expand this file"),
    ("deep-brackets", "channels: " + "[" * 400 + "]" * 400 + "\n", 1, "nested more than 64"),
]


@pytest.mark.parametrize("bad_config", CONFIG_FILES, ids=[c[0] for c in CONFIG_FILES])
def test_once_refuses_a_bad_config_with_file_and_line(
        bad_config: tuple[str, str | bytes, int | None, str], tmp_path: Path,
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    _, body, line, says = bad_config
    monkeypatch.chdir(tmp_path)
    for name in ("DEFWATCH_CONFIG", "DEFWATCH_DATABASE_URL", "TELEGRAM_BOT_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    path = tmp_path / "defwatch.yaml"
    _write(path, body)
    assert main(["once", "-c", str(path)]) == 2
    [message] = [x for x in capsys.readouterr().err.splitlines() if x.strip()]
    where = f"{path}:{line}: " if line else f"{path}: "
    assert message.startswith(f"defwatch: error: {where}"), message
    assert re.search(says, message), message
    assert not (tmp_path / "dw.db").exists() and not (tmp_path / "defwatch.db").exists()


def test_a_bad_channel_is_refused_before_any_work(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """Channel specs are checked when the channels are built, after the file was read:
    the message names the key and the value but not the file's line (reported gap)."""
    path = tmp_path / "defwatch.yaml"
    path.write_text(f"database: sqlite:///dw.db\nrules: {BUNDLED_RULES}\n{SRC}"
                    "channels: ['telegram:bad name']\nhttp: {listen: 'off'}\n",
                    encoding="utf-8")
    assert main(["once", "-c", str(path)]) == 2
    err = capsys.readouterr().err
    assert "channels: telegram:bad name: expected telegram:@channel_name" in err


async def test_a_deep_sources_file_on_reload_is_refused_and_counted(tmp_path: Path) -> None:
    path = tmp_path / "defwatch.yaml"
    path.write_text(f"database: sqlite:///{tmp_path}/dw.db\nrules: {BUNDLED_RULES}\n{SRC}"
                    "channels: ['jsonl:alerts.jsonl']\n", encoding="utf-8")
    async with App(load_config(str(path))) as app:
        path.write_text(path.read_text() + "http: " + "{a: " * 400 + "b" + "}" * 400 + "\n")
        assert reload_sources(app) is False
        assert b"defwatch_config_reload_errors_total 1.0" in app.metrics.exposition()
        assert list(app.sources.current) == ["a"]

"""The compiled rule set kept between starts: used only when built from exactly the files
in force, rebuilt when stale, damaged or not private; errors are never cached."""

from __future__ import annotations

import hashlib
import io
import logging
import os
import pickle
from pathlib import Path
from typing import Any

import pytest

from bot.errors import RuleError
from bot.rules import RuleSet, load_ruleset
from bot.rules import cache as cache_module
from bot.rules.cache import KEEP, MAGIC, RuleCache, cache_key
from bot.rules.holder import RulesHolder
from tests.bot.rules.helpers import matches, one_rule, write_dir

TITLE = "India and Japan hold talks"
TEXT = "India and Japan held naval talks in Tokyo this week."


@pytest.fixture
def rules(tmp_path: Path) -> Path:
    return write_dir(tmp_path / "rules",
                     {"t": one_rule({"a": ["@india"], "b": ["@japan"]}, "a and b")})


@pytest.fixture
def compiles(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every path the cache had to compile from its files."""
    seen: list[Path] = []

    def counting(path: Path) -> RuleSet:
        seen.append(path)
        return load_ruleset(path)

    monkeypatch.setattr(cache_module, "load_ruleset", counting)
    return seen


def cached_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("rules-*.bin"))


def test_a_second_load_comes_from_the_cache_and_matches_alike(
        rules: Path, tmp_path: Path, compiles: list[Path]) -> None:
    cache = RuleCache(tmp_path / "cache")
    first = cache.load(rules)
    second = RuleCache(tmp_path / "cache").load(rules)
    assert compiles == [rules]
    assert second is not first and second.version == first.version
    assert matches(second, TITLE, TEXT) and matches(first, TITLE, TEXT)
    assert not matches(second, "Cricket", "India played a match.")
    (file,) = cached_files(tmp_path / "cache")
    assert file.stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "cache").stat().st_mode & 0o777 == 0o700


def test_an_edited_file_is_compiled_again(rules: Path, tmp_path: Path,
                                          compiles: list[Path]) -> None:
    cache = RuleCache(tmp_path / "cache")
    before = cache.load(rules)
    write_dir(rules, {"t": one_rule({"a": ["@india"], "b": ["cricket"]}, "a and b")})
    after = cache.load(rules)
    assert len(compiles) == 2 and after.version != before.version
    assert not matches(after, TITLE, TEXT)
    assert matches(after, "Cricket", "India played cricket.")


@pytest.mark.parametrize("where", ["t.yaml", "lexicon/countries.yaml"])
def test_the_key_covers_rule_and_lexicon_files_and_the_path_as_given(
        rules: Path, where: str) -> None:
    key = cache_key(rules)
    assert cache_key(rules) == key
    # problems name files by the path as given: relative and absolute are two sets
    assert cache_key(Path(os.path.relpath(rules))) != key
    assert cache_key(rules / "t.yaml") != key  # one file alone is another set
    file = rules / where
    file.write_bytes(file.read_bytes() + b"\n# a comment\n")
    assert cache_key(rules) != key


def damage(file: Path, how: str) -> None:
    data = file.read_bytes()
    payload: Any
    if how == "truncated":
        file.write_bytes(data[: len(data) // 2])
    elif how == "flipped":
        file.write_bytes(data[:-10] + bytes([data[-10] ^ 0xFF]) + data[-9:])
    elif how == "empty":
        file.write_bytes(b"")
    elif how == "not a rule set":  # a sound file around another object
        payload = pickle.dumps({"rules": "no"})
        file.write_bytes(MAGIC + hashlib.sha256(payload).digest() + payload)
    elif how == "not a pickle":
        payload = b"\x80\x05garbage"
        file.write_bytes(MAGIC + hashlib.sha256(payload).digest() + payload)


@pytest.mark.parametrize("how", ["truncated", "flipped", "empty", "not a rule set",
                                 "not a pickle"])
def test_a_damaged_file_is_rebuilt_never_trusted(rules: Path, tmp_path: Path,
                                                 compiles: list[Path], how: str) -> None:
    cache = RuleCache(tmp_path / "cache")
    good = cache.load(rules)
    (file,) = cached_files(tmp_path / "cache")
    damage(file, how)
    again = cache.load(rules)
    assert len(compiles) == 2
    assert again.version == good.version and matches(again, TITLE, TEXT)
    RuleCache(tmp_path / "cache").load(rules)  # the rewritten file is whole again
    assert len(compiles) == 2


def test_a_file_others_may_write_is_not_read(rules: Path, tmp_path: Path,
                                             compiles: list[Path],
                                             caplog: pytest.LogCaptureFixture) -> None:
    cache = RuleCache(tmp_path / "cache")
    cache.load(rules)
    (file,) = cached_files(tmp_path / "cache")
    file.chmod(0o666)
    with caplog.at_level(logging.WARNING, logger="defwatch.rules"):
        cache.load(rules)
    assert len(compiles) == 2
    assert "not private" in caplog.text
    (tmp_path / "cache").chmod(0o777)  # nor one in a folder others may write
    cache.load(rules)
    assert len(compiles) == 3


def test_a_symlink_is_not_followed(rules: Path, tmp_path: Path,
                                   compiles: list[Path]) -> None:
    cache = RuleCache(tmp_path / "cache")
    cache.load(rules)
    (file,) = cached_files(tmp_path / "cache")
    elsewhere = tmp_path / "elsewhere.bin"
    file.rename(elsewhere)
    file.symlink_to(elsewhere)
    cache.load(rules)
    assert len(compiles) == 2


def test_broken_rules_raise_and_nothing_is_written(rules: Path, tmp_path: Path) -> None:
    (rules / "t.yaml").write_text('{"id": "t", "title": "x", "require": "nothing"}\n')
    with pytest.raises(RuleError) as info:
        RuleCache(tmp_path / "cache").load(rules)
    assert any(p.file.endswith("t.yaml") for p in info.value.problems)
    assert cached_files(tmp_path / "cache") == []


def test_off_or_unwritable_still_loads(rules: Path, tmp_path: Path,
                                       compiles: list[Path]) -> None:
    assert matches(RuleCache(None).load(rules), TITLE, TEXT)
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder would be")
    assert matches(RuleCache(blocked / "cache").load(rules), TITLE, TEXT)
    assert len(compiles) == 2


def test_old_sets_are_pruned(rules: Path, tmp_path: Path) -> None:
    cache = RuleCache(tmp_path / "cache")
    written = []
    for n in range(KEEP + 2):
        write_dir(rules, {"t": one_rule({"a": ["@india"], "b": [f"word{n}"]}, "a and b")})
        cache.load(rules)
        newest = tmp_path / "cache" / f"rules-{cache_key(rules)}.bin"
        os.utime(newest, (1_000_000 + n, 1_000_000 + n))  # distinct ages, oldest first
        written.append(newest)
    assert cached_files(tmp_path / "cache") == sorted(written[-KEEP:])


def test_the_holder_keeps_its_rules_through_a_broken_edit_with_a_cache(
        rules: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    holder = RulesHolder(rules, RuleCache(tmp_path / "cache"))
    assert matches(holder.current, TITLE, TEXT)
    lines = ['{"id": "t", "title": "test rule",', ' "terms": {"a": ["@india"]},',
             ' "require": "a and jpan"}']
    (rules / "t.yaml").write_text("\n".join(lines) + "\n")
    with caplog.at_level(logging.ERROR, logger="defwatch.rules"):
        assert holder.reload() is False
    assert "t.yaml:3: require:" in caplog.text and "jpan" in caplog.text
    assert matches(holder.current, TITLE, TEXT)
    write_dir(rules, {"t": one_rule({"a": ["@india"], "b": ["cricket"]}, "a and b")})
    assert holder.reload() is True
    assert not matches(holder.current, TITLE, TEXT)


def test_loading_the_bundled_set_compiles_no_regular_expression(
        default_ruleset: RuleSet) -> None:
    """A compiled pattern in the pickle is compiled again by every process that loads the
    set (the service as it starts, each worker before its first page): the lexicon's look
    for a name used for a brand once cost ~0.15 s of CPU in each. Patterns a set holds are
    kept as their source and compiled when first used."""
    payload = pickle.dumps(default_ruleset, protocol=pickle.HIGHEST_PROTOCOL)
    named: set[tuple[str, str]] = set()

    class Unpickler(pickle.Unpickler):
        def find_class(self, module: str, name: str) -> Any:
            named.add((module, name))
            return super().find_class(module, name)

    Unpickler(io.BytesIO(payload)).load()
    assert not {(m, n) for m, n in named if m in ("re", "_sre", "re._compiler")}


def _pickling_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: object, **__: object) -> bytes:
        raise AssertionError("the set was pickled again")

    monkeypatch.setattr(pickle, "dumps", refuse)


@pytest.mark.parametrize("how", ["written", "read"])
def test_a_cached_set_is_handed_on_as_its_files_pickle(
        rules: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str) -> None:
    written = RuleCache(tmp_path / "cache").load(rules)
    ruleset = written if how == "written" else RuleCache(tmp_path / "cache").load(rules)
    (file,) = cached_files(tmp_path / "cache")
    _pickling_refused(monkeypatch)
    payload = cache_module.pickled(ruleset)
    assert payload == file.read_bytes()[len(MAGIC) + 32:]
    again = pickle.loads(payload)
    assert isinstance(again, RuleSet) and again.version == ruleset.version
    assert matches(again, TITLE, TEXT) and not matches(again, "Cricket", "India played.")


def test_a_set_whose_file_was_replaced_or_removed_is_pickled_afresh(
        rules: Path, tmp_path: Path) -> None:
    ruleset = RuleCache(tmp_path / "cache").load(rules)
    (file,) = cached_files(tmp_path / "cache")
    # another process wrote the file again (a new inode): not the file the set came from
    copy = file.with_name(".copy")
    copy.write_bytes(file.read_bytes())
    copy.replace(file)
    assert pickle.loads(cache_module.pickled(ruleset)).version == ruleset.version
    file.unlink()
    assert pickle.loads(cache_module.pickled(ruleset)).version == ruleset.version


def test_a_set_from_the_files_or_a_damaged_cache_file_is_pickled_now(
        rules: Path, tmp_path: Path) -> None:
    compiled = load_ruleset(rules)
    assert pickle.loads(cache_module.pickled(compiled)).version == compiled.version
    cached = RuleCache(tmp_path / "cache").load(rules)
    (file,) = cached_files(tmp_path / "cache")
    data = bytearray(file.read_bytes())
    data[-1] ^= 1  # in place, same inode: the checksum no longer holds
    with file.open("r+b") as f:
        f.write(data)
    assert pickle.loads(cache_module.pickled(cached)).version == cached.version

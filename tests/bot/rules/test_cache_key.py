"""What the compiled-rule cache's key covers: the modules that build a set or define what
it holds (BUILDS), and no more, so that a change elsewhere in the code (matching, events,
the service) keeps the set cached while a change to what builds it compiles it again."""

from __future__ import annotations

import ast
import io
import pickle
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

from bot.rules import RuleSet, load_ruleset
from bot.rules import cache as cache_module
from bot.rules.cache import BUILDS, cache_key
from tests.bot.rules.helpers import REPO, one_rule, write_dir

OURS = ("bot", "watchers")


@pytest.fixture
def code(tmp_path: Path) -> Iterator[Path]:
    """A copy of our code (what the key reads of it, and two modules it must not read)."""
    root = tmp_path / "code"
    for name in [*BUILDS, "bot/events/cluster.py", "bot/rules/scan.py"]:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(REPO / name, root / name)
    yield root
    cache_module._code.cache_clear()  # the hash of this copy's code, memoised by root


def _edit(root: Path, module: str) -> None:
    with (root / module).open("a", encoding="utf-8") as f:
        f.write("\n# edited\n")
    cache_module._code.cache_clear()


@pytest.mark.parametrize(("module", "changes"), [
    ("bot/events/cluster.py", False),  # grouping: never sees the rule files
    ("bot/rules/scan.py", False),  # matching: reads a compiled set, builds none
    ("bot/rules/compile.py", True),
    ("bot/rules/lexicon.py", True),
    ("bot/rules/ruleset.py", True),
    ("bot/config/yamlfile.py", True),
])
def test_the_key_follows_the_modules_that_build_a_set(code: Path, module: str,
                                                       changes: bool) -> None:
    rules = write_dir(code.parent / "rules", {"t": one_rule({"a": ["@india"]}, "a")})
    before = cache_key(rules, code)
    assert cache_key(rules, code) == before
    _edit(code, module)
    assert (cache_key(rules, code) != before) is changes


def _ran_while(load: Any) -> set[str]:
    """Our source files with code that ran while load() ran."""
    files: set[str] = set()

    def trace(frame: FrameType, event: str, _: object) -> None:
        files.add(frame.f_code.co_filename)  # called once a call: no tracing inside

    sys.settrace(trace)
    try:
        load()
    finally:
        sys.settrace(None)
    ours = (Path(f) for f in files)
    return {f.relative_to(REPO).as_posix() for f in ours
            if f.is_relative_to(REPO) and f.relative_to(REPO).parts[0] in OURS}


def test_builds_lists_every_module_that_runs_while_a_set_is_built(tmp_path: Path) -> None:
    # a rule with a pair, an acronym and a person; a shared group; warnings kept in the set
    # (an unused group); the bundled lexicon's kinds (tests/bot/rules/helpers.py)
    rules = write_dir(tmp_path / "rules", {"t": one_rule(
        {"a": ["@india", "@japan"], "b": ["ACSA", "talks", "@kishi-nobuo"],
         "c": ["frigate"]}, "pair(a, a) and b")})
    (rules / "groups").mkdir(exist_ok=True)
    (rules / "groups" / "extra.yaml").write_text('{"spare": ["frigate"]}\n', encoding="utf-8")
    ran = _ran_while(lambda: load_ruleset(rules))
    assert load_ruleset(rules).warnings  # the folder does what it is here for
    assert {"bot/rules/compile.py", "bot/rules/ruleset.py"} <= ran  # the trace sees our code
    assert ran <= set(BUILDS)


def test_builds_lists_every_module_whose_classes_a_set_holds(default_ruleset: RuleSet
                                                              ) -> None:
    named: set[str] = set()

    class Unpickler(pickle.Unpickler):
        def find_class(self, module: str, name: str) -> Any:
            named.add(module)
            return super().find_class(module, name)

    Unpickler(io.BytesIO(pickle.dumps(default_ruleset))).load()
    ours = {m.replace(".", "/") + ".py" for m in named if m.split(".")[0] in OURS}
    assert "bot/rules/ruleset.py" in ours
    assert ours <= set(BUILDS)


# What the BUILDS modules import from modules outside it, and why that need not be in
# the key: nothing of it runs while a set is built, and none of it is pickled.
OUTSIDE = {
    ("bot/config/yamlfile.py", "watchers"): {"DefwatchError"},  # errors are never cached
    ("bot/errors.py", "watchers"): {"DefwatchError", "ExtractError", "FeedError",
                                    "FetchError"},  # the one tree of errors
    ("bot/models.py", "watchers"): {"Authority"},  # a type of sources
    ("bot/rules/acronyms.py", "bot.rules.scan"): {"ScopeScan"},  # without(): matching
    ("bot/rules/homonyms.py", "bot.rules.scan"): {"ScopeScan"},  # without_atoms(): matching
    ("bot/rules/namesakes.py", "bot.rules.scan"): {"ScopeScan"},  # other_people(): matching
    ("bot/rules/ruleset.py", "bot.rules.environment"): {"RuleEnv"},  # matching
    ("bot/rules/ruleset.py", "bot.rules.explain"): {"Explanation", "build_explanation"},
    ("bot/rules/ruleset.py", "bot.rules.lead"): {"lead_of"},  # matching
    ("bot/rules/ruleset.py", "bot.rules.offices"): {"own_offices"},  # matching
    ("bot/rules/ruleset.py", "bot.rules.parties"): {"parties"},  # matching
    ("bot/rules/ruleset.py", "bot.rules.partytypes"): {"sentence_of"},  # matching
    ("bot/rules/ruleset.py", "bot.rules.reading"): {"fold_accents"},  # matching
    ("bot/rules/ruleset.py", "bot.rules.scan"): {"ScopeScan", "atoms_present", "scan",
                                                 "sub_scan", "with_short_names"},
    ("bot/rules/ruleset.py", "bot.rules.story"): {"story_of"},  # matching
    ("bot/rules/ruleset.py", "bot.rules.timed"): {"LIVE_MARK", "timed_items"},  # matching
    ("bot/rules/ruleset.py", "watchers"): {"Article"},  # what match() reads
}


def _module_file(module: str) -> str:
    path = module.replace(".", "/")
    return f"{path}.py" if (REPO / f"{path}.py").is_file() else f"{path}/__init__.py"


def test_what_builds_imports_from_outside_it_is_known() -> None:
    """A new import of a BUILDS module from elsewhere in our code fails here: either that
    module joins BUILDS, or it is shown to run only after a set is built."""
    outside: dict[tuple[str, str], set[str]] = {}
    for name in BUILDS:
        for node in ast.walk(ast.parse((REPO / name).read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                assert not any(a.name.split(".")[0] in OURS for a in node.names), name
            if (isinstance(node, ast.ImportFrom) and node.module
                    and node.module.split(".")[0] in OURS
                    and _module_file(node.module) not in BUILDS):
                outside.setdefault((name, node.module), set()).update(
                    a.name for a in node.names)
    assert outside == OUTSIDE

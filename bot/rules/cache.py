"""The compiled rule set kept on disk between runs, keyed by everything it is built from.

Compiling the bundled rules costs about a second of CPU (YAML read with line numbers, the
lookalike masks, the automaton), which `defwatch once` paid on every run. A cached set is
used only when its file's name is the key computed now: a hash of every rule, lexicon
and group file (name and bytes), the rules path as given (rule files name it in their
problems), the source of the modules that build a compiled set or define what it holds
(BUILDS), and the versions of Python and of the libraries that shape one. The rest of
the code (matching, events, the service) only reads a compiled set: a change there
keeps the key, so the next start needs no compile. It is used only when its checksum
holds and it unpickles to a RuleSet; anything else (a stale, truncated or foreign file)
is ignored, the set is built from the files and written again. A pickle runs code when
it loads, so only a file this user owns, that no one else may write, in a folder only
this user may write, is read.

Errors are never cached: a broken edit is compiled (and reported) every time.
"""

from __future__ import annotations

import functools
import gc
import hashlib
import importlib.metadata
import logging
import os
import pickle
import stat
import sys
import tempfile
import weakref
from pathlib import Path

from bot.rules.loader import load_ruleset
from bot.rules.ruleset import RuleSet

__all__ = ["KEEP", "RuleCache", "cache_key", "pickled"]

log = logging.getLogger("defwatch.rules")

MAGIC = b"defwatch compiled rules 1\n"
KEEP = 4  # cached sets kept (one per rules version lately in force); older ones are removed
_SUFFIXES = (".yaml", ".yml")
_ROOT = Path(__file__).resolve().parents[2]
# what a compiled set's content depends on besides our code: parsing, stems, the automaton
_LIBRARIES = ("ruamel.yaml", "PyYAML", "snowballstemmer", "pyahocorasick")

# The modules a compiled set depends on, relative to the repository, and why. A module
# belongs here when code of it runs while the rules are read and compiled (load_ruleset),
# or when it defines a class whose instances the pickle holds (pickle keeps their fields,
# not their code: a changed layout must not load). Modules that only read a compiled set
# (scan, parties, environment and the rest of matching) are left out, and so are the
# packages around it. tests/bot/rules/test_cache.py holds the list to what a load runs,
# what the pickle names and what these modules import.
BUILDS: dict[str, str] = {
    "bot/rules/loader.py": "reads a rules folder, collects problems, assembles the set",
    "bot/rules/compile.py": "builds the automaton and the compiled rules (classes pickled)",
    "bot/rules/schema.py": "reads and validates a topic rule (ExampleSpec pickled)",
    "bot/rules/shared.py": "reads groups/: shared term groups, conditions, look-alikes",
    "bot/rules/lexicon.py": "reads lexicon/ (Lexicon, LexiconEntry pickled)",
    "bot/rules/namesakes.py": "which people share a surname (Namesakes pickled)",
    "bot/rules/terms.py": "parses a term and its options (TermSpec pickled)",
    "bot/rules/expr.py": "parses `require` expressions (their nodes pickled)",
    "bot/rules/needs.py": "the groups a rule needs, for candidate selection",
    "bot/rules/evaluate.py": "holds_on_nothing, run on each rule while compiling",
    "bot/rules/normalize.py": "folds terms to the automaton's keys",
    "bot/rules/spellings.py": "a term's spelling variants",
    "bot/rules/loans.py": "a Devanagari term's loanwords and synonyms",
    "bot/rules/keys.py": "the keys and automata (Target pickled), names to their skeletons",
    "bot/rules/skeleton.py": "the skeletons and spellings of the lexicon's Devanagari names",
    "bot/rules/stems.py": "name stems of lexicon entries",
    "bot/rules/problems.py": "the problems a set keeps as warnings, and their wording",
    "bot/rules/ruleset.py": "RuleSet and Rule (pickled); __init__ derives the acronyms",
    "bot/rules/acronyms.py": "spelled_out(), run by RuleSet.__init__ (Spelled pickled)",
    "bot/rules/homonyms.py": "homonyms(), run by RuleSet.__init__ (Homonym pickled)",
    "bot/rules/cache.py": "this file: how a set is written and keyed",
    "bot/config/yamlfile.py": "parses a rule file that the fast reader leaves to ruamel",
    "bot/config/yamlevents.py": "parses every rule, lexicon and group file (libyaml)",
    "bot/errors.py": "RuleProblem, kept in a set's warnings",
    "bot/models.py": "entity kinds, used by the lexicon and the compiler",
}


@functools.cache
def _code(root: Path) -> bytes:
    """A hash of Python's and the libraries' versions and of the BUILDS modules under
    root (the repository)."""
    digest = hashlib.sha256(sys.version.encode())
    for name in _LIBRARIES:
        try:
            digest.update(f"{name}={importlib.metadata.version(name)}\n".encode())
        except importlib.metadata.PackageNotFoundError:
            digest.update(f"{name}=?\n".encode())
    for name in sorted(BUILDS):
        body = (root / name).read_bytes()
        digest.update(f"{name}\0{len(body)}\0".encode() + body)
    return digest.digest()


def cache_key(path: Path, root: Path = _ROOT) -> str:
    """The key of the rule set `load_ruleset(path)` would build now (with the code under
    root); OSError when a file cannot be read (then the loader reports it)."""
    digest = hashlib.sha256(MAGIC + _code(root))
    digest.update(f"{path}\0{path.is_file()}\0".encode())
    folder = path if path.is_dir() else path.parent
    # every YAML file under the folder: a superset of what the loader reads
    for file in sorted(f for f in folder.rglob("*") if f.suffix in _SUFFIXES):
        if file.is_file():
            body = file.read_bytes()
            digest.update(f"{file.relative_to(folder)}\0{len(body)}\0".encode() + body)
    return digest.hexdigest()


def _private(st: os.stat_result) -> bool:
    """Owned by this user and writable by no one else."""
    return st.st_uid == os.getuid() and not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


class RuleCache:
    """`load(path)`: load_ruleset(path), from `directory` when it holds that exact set.
    `directory=None` turns the cache off."""

    def __init__(self, directory: Path | None) -> None:
        self.directory = directory

    def load(self, path: Path) -> RuleSet:
        if self.directory is None:
            return load_ruleset(path)
        try:
            key = cache_key(path)
        except OSError:
            return load_ruleset(path)  # it names the file it cannot read
        file = self.directory / f"rules-{key}.bin"
        cached = self._read(file)
        if cached is not None:
            return cached
        ruleset = load_ruleset(path)  # RuleError: nothing is written
        self._write(file, ruleset)
        return ruleset

    def _read(self, file: Path) -> RuleSet | None:
        read = _payload(file)
        if read is None:
            return None
        payload, identity = read
        # Unpickling makes ~90,000 objects and no garbage; in a process that has imported
        # the service, the collections they set off walked everything else too (0.06 of
        # 0.08 s of CPU), so the collector waits until the set is loaded.
        collecting = gc.isenabled()
        gc.disable()
        try:
            ruleset = pickle.loads(payload)  # our own file, checked above
        except Exception as exc:  # an old class layout the key did not foresee
            log.info("rules cache %s: unreadable (%s), rebuilt", file, exc)
            return None
        finally:
            if collecting:
                gc.enable()
        if not isinstance(ruleset, RuleSet):
            return None
        _FILES[ruleset] = (file, identity)
        return ruleset

    def _write(self, file: Path, ruleset: RuleSet) -> None:
        payload = pickle.dumps(ruleset, protocol=pickle.HIGHEST_PROTOCOL)
        try:
            file.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd, name = tempfile.mkstemp(dir=file.parent, prefix=".rules-")  # mode 0600
            try:
                with os.fdopen(fd, "wb") as f:
                    f.write(MAGIC + hashlib.sha256(payload).digest() + payload)
                    written = os.fstat(f.fileno())
                Path(name).replace(file)  # readers see the whole file or none
                _FILES[ruleset] = (file, (written.st_dev, written.st_ino))
            finally:
                Path(name).unlink(missing_ok=True)
            self._prune(file)
        except OSError as exc:  # a read-only home: every run compiles, as before
            log.info("rules cache %s: not written (%s)", file.parent, exc)

    def _prune(self, keep: Path) -> None:
        old = sorted((f for f in keep.parent.glob("rules-*.bin") if f != keep),
                     key=lambda f: f.stat().st_mtime, reverse=True)
        for f in old[KEEP - 1:]:
            f.unlink(missing_ok=True)


# The cache file each rule set in memory was read from or written to, and that file's
# identity then (device, inode: a file is replaced whole, never written in place).
_FILES: weakref.WeakKeyDictionary[RuleSet, tuple[Path, tuple[int, int]]] = (
    weakref.WeakKeyDictionary())


def pickled(ruleset: RuleSet) -> bytes:
    """The rule set pickled, as the worker pool hands it to its workers. A set read from or
    written to the cache is its file's payload, read again and checked (a few ms) while
    the file is the one it came from, instead of being pickled again (~0.06 s of CPU in
    the service's start, before its first page can go to a worker); any other set is
    pickled now."""
    where = _FILES.get(ruleset)
    if where is not None:
        file, identity = where
        read = _payload(file)
        if read is not None and read[1] == identity:
            return read[0]
    return pickle.dumps(ruleset, protocol=pickle.HIGHEST_PROTOCOL)


def _payload(file: Path) -> tuple[bytes, tuple[int, int]] | None:
    """A cache file's pickle and its identity, when the file is private to this user and its
    checksum holds; None otherwise."""
    try:
        folder = os.lstat(file.parent)
        fd = os.open(file, os.O_RDONLY | os.O_NOFOLLOW)
    except OSError:
        return None  # not cached yet
    with os.fdopen(fd, "rb") as f:
        st = os.fstat(fd)
        if not (stat.S_ISDIR(folder.st_mode) and _private(folder)
                and stat.S_ISREG(st.st_mode) and _private(st)):
            log.warning("rules cache %s: not private to this user, not read", file)
            return None
        data = f.read()
    head = len(MAGIC)
    payload = data[head + 32:]
    if not data.startswith(MAGIC) or data[head:head + 32] != hashlib.sha256(
            payload).digest():
        log.info("rules cache %s: damaged, rebuilt from the rule files", file)
        return None
    return payload, (st.st_dev, st.st_ino)

"""The rule set in force, swapped atomically when rule files change on disk.

A broken edit is logged with FILE:LINE and the rules in force stay: a typo in a YAML
file must never silence alerts.
"""

from __future__ import annotations

import logging
from pathlib import Path

from bot.errors import RuleError
from bot.rules import RuleSet
from bot.rules.cache import RuleCache

log = logging.getLogger("defwatch.rules")


def _fingerprint(path: Path) -> tuple[tuple[str, int, int], ...]:
    files = sorted(path.rglob("*.yaml")) + sorted(path.rglob("*.yml"))
    out = []
    for f in files:
        try:
            st = f.stat()
        except OSError:
            continue
        out.append((str(f), st.st_mtime_ns, st.st_size))
    return tuple(out)


class RulesHolder:
    def __init__(self, path: Path, cache: RuleCache | None = None) -> None:
        self.path = path
        # without a cache folder every load compiles the files
        self._cache = cache or RuleCache(None)
        self._stamp = _fingerprint(path)
        self.current: RuleSet = self._cache.load(path)  # the first load must succeed
        self.reload_errors = 0

    def reload_if_changed(self) -> bool:
        """Load the files again if they changed; True when a new rule set took effect."""
        stamp = _fingerprint(self.path)
        if stamp == self._stamp:
            return False
        self._stamp = stamp
        return self.reload()

    def reload(self) -> bool:
        try:
            fresh = self._cache.load(self.path)
        except RuleError as exc:
            self.reload_errors += 1
            for problem in exc.problems:
                if problem.severity == "warning":
                    log.warning("rules: %s", problem)
                else:
                    log.error("rules not reloaded, the previous rules stay in force: %s",
                              problem)
            return False
        for problem in fresh.warnings:
            log.warning("rules: %s", problem)
        old = set(self.current.rules)
        new = set(fresh.rules)
        self.current = fresh
        log.info("rules reloaded version=%s added=%s removed=%s", fresh.version,
                 sorted(new - old) or "-", sorted(old - new) or "-")
        return True

"""Third-party documents kept beside the repository, never in it: the seed reports and the
real web pages (none of them a bilateral defence statement), read in place."""

from __future__ import annotations

from pathlib import Path


def beside_repository(*parts: str) -> Path:
    """`shared/<parts>` in the nearest folder above the checkout that has it (a git
    worktree sits one level deeper than the main checkout); the first guess otherwise."""
    here = Path(__file__).resolve().parents[1]
    candidates = [p / "shared" / Path(*parts) for p in here.parents]
    return next((c for c in candidates if c.exists()), candidates[0])


SEEDS = beside_repository("seeds")
WEB = beside_repository("corpus", "web")

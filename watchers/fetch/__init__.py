"""Polite HTTP: the fetcher, address guard, robots.txt, decompression, charsets."""

import sys

# httpx imports its command-line client (click, pygments and rich: a tenth of a second of
# CPU at every start) whenever those are installed, and here they are (rich is ours, click
# comes with apprise). A None entry makes that one import fail, as httpx expects when they
# are missing: its `main` is then a stub. Nothing here runs httpx's command line.
sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]

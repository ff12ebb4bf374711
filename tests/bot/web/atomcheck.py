"""An offline Atom 1.0 check: the RELAX NG grammar beside this file (atom.rng) plus the
RFC 4287 rules a grammar cannot express. Returns the problems found; [] is a valid feed."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

__all__ = ["atom_problems"]

NS = {"a": "http://www.w3.org/2005/Atom"}
GRAMMAR = etree.RelaxNG(etree.parse(str(Path(__file__).with_name("atom.rng"))))
# RFC 3339 date-time (section 3.3 of RFC 4287): a time zone is required.
RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})")


def atom_problems(data: bytes) -> list[str]:
    root = etree.fromstring(data)
    if not GRAMMAR.validate(root):
        return [f"{e.line}: {e.message}" for e in GRAMMAR.error_log]
    problems: list[str] = []
    for el in root.findall(".//a:updated", NS) + root.findall(".//a:published", NS):
        if not RFC3339.fullmatch((el.text or "").strip()):
            problems.append(f"{el.sourceline}: {el.tag} {el.text!r} is not an RFC 3339 time")
    entries = root.findall("a:entry", NS)
    if root.find("a:author", NS) is None:
        problems += [f"{e.sourceline}: an entry without author in a feed without author"
                     for e in entries if e.find("a:author", NS) is None]
    ids = [e.findtext("a:id", namespaces=NS) for e in entries]
    problems += [f"entry id {i!r} repeated" for i in set(ids) if ids.count(i) > 1]
    for entry in entries:
        alternates = [link for link in entry.findall("a:link", NS)
                      if link.get("rel", "alternate") == "alternate"]
        if entry.find("a:content", NS) is None and not alternates:
            problems.append(f"{entry.sourceline}: an entry with neither content nor an "
                            "alternate link")
        kinds = [(link.get("type"), link.get("hreflang")) for link in alternates]
        if len(set(kinds)) != len(kinds):
            problems.append(f"{entry.sourceline}: two alternate links of one type and language")
    if not any(link.get("rel") == "self" for link in root.findall("a:link", NS)):
        problems.append("the feed has no rel=self link")
    return problems

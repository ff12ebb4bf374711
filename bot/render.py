"""Alerts as plain text for people: the console, and the body of non-HTML channels."""

from __future__ import annotations

import re

from bot.models import Alert

_HASHTAG_UNSAFE = re.compile(r"[^0-9A-Za-z_]")


def hashtag(rule_id: str) -> str:
    return "#" + _HASHTAG_UNSAFE.sub("_", rule_id)


def render_text(alert: Alert) -> str:
    head = "NEW" if alert.action == "new" else "UPDATE"
    badge = " [confirmed by an official source]" if alert.confirmed else ""
    lines = [f"[{head}] {alert.title}{badge}", ""]
    if alert.summary:
        lines += [alert.summary, ""]
    facts = alert.facts
    for label, values in (("Date", [facts.date] if facts.date else []),
                          ("Countries", list(facts.countries)),
                          ("People", list(facts.people)),
                          ("Agreements", list(facts.agreements)),
                          ("Exercises", list(facts.exercises))):
        if values:
            lines.append(f"{label}: {', '.join(values)}")
    lines.append("Topics: " + " ".join(hashtag(r) for r in alert.rules))
    lines.append(f"Sources ({len(alert.sources)}):")
    for i, src in enumerate(alert.sources, 1):
        when = f" ({src.published[:10]})" if src.published else ""
        lines.append(f"  {i}. {src.outlet}: {src.title}{when}")
        lines.append(f"     {src.url}")
    return "\n".join(lines)

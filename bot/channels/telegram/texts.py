"""What the bot says in chats: pure functions from data to Telegram HTML and keyboards."""

from __future__ import annotations

import difflib
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from html import escape

from telegram import BotCommand, InlineKeyboardButton, InlineKeyboardMarkup

from bot.store.sources import SourceStatus

TOGGLE_PREFIX = "sub:"
MAX_CALLBACK_DATA = 64  # bytes, a Bot API limit


@dataclass(frozen=True)
class Topic:
    """A topic people can follow: one rule of the rule set."""

    id: str
    title: str
    description: str = ""


PUBLIC_COMMANDS = (
    ("start", "what this bot does"),
    ("topics", "topics you can follow"),
    ("subscribe", "follow topics: /subscribe india-japan acsa"),
    ("unsubscribe", "stop following topics, or all"),
    ("mysubs", "topics this chat follows"),
    ("status", "are the sources healthy, when was the last alert"),
    ("latest", "the last 5 events, or a topic's: /latest india-japan"),
    ("search", "the 5 events that best match: /search JIMEX 2024"),
    ("digest", "a digest of new events here: /digest daily, weekly or off"),
    ("help", "all commands"),
)
ADMIN_COMMANDS = (
    ("reload", "reload the rule files (operators only)"),
    ("pause", "stop polling and alerting (operators only)"),
    ("resume", "start polling and alerting again (operators only)"),
)

START = (
    "<b>defwatch</b> watches news sites and defence-ministry feeds and tells you, within "
    "minutes, when two states make a bilateral defence statement: a ministers' call, a 2+2 "
    "dialogue, an agreement signed, a joint exercise.\n\n"
    "One real-world event is one message, edited as more outlets report it, with the "
    "sources linked.\n\n"
    "See /topics, then follow some with /subscribe TOPIC, or tap the buttons. "
    "/help lists every command."
)
REFUSED = "Sorry, only the operators of this bot can do that."
GROUP_ADMINS_ONLY = "Only this group's admins can change the topics it follows."


def bot_commands() -> list[BotCommand]:
    return [BotCommand(name, text) for name, text in PUBLIC_COMMANDS]


def help_text(admin: bool) -> str:
    rows = PUBLIC_COMMANDS + (ADMIN_COMMANDS if admin else ())
    return "\n".join(f"/{name} — {escape(text)}" for name, text in rows)


def topics_text(topics: Sequence[Topic], followed: set[str]) -> str:
    if not topics:
        return "No topics are defined yet."
    lines = ["<b>Topics</b> (✅ = this chat follows it):", ""]
    for t in topics:
        mark = "✅ " if t.id in followed else ""
        about = f" — {escape(t.description)}" if t.description else ""
        lines.append(f"{mark}<b>{escape(t.title or t.id)}</b> <code>{escape(t.id)}</code>"
                     f"{about}")
    lines += ["", "Tap a button to follow or unfollow, or use /subscribe TOPIC."]
    return "\n".join(lines)


def toggle_keyboard(topics: Sequence[Topic], followed: set[str]) -> InlineKeyboardMarkup:
    rows = []
    for t in topics:
        data = TOGGLE_PREFIX + t.id
        if len(data.encode()) > MAX_CALLBACK_DATA:
            continue  # cannot fit in a button; /subscribe still works
        mark = "✅" if t.id in followed else "➕"
        rows.append([InlineKeyboardButton(f"{mark} {t.title or t.id}", callback_data=data)])
    return InlineKeyboardMarkup(rows)


def mysubs_text(followed: Sequence[str], known: dict[str, Topic]) -> str:
    if not followed:
        return "This chat follows no topics. See /topics."
    lines = ["This chat follows:"]
    for tid in followed:
        topic = known.get(tid)
        name = escape(topic.title) if topic else "<i>no longer defined</i>"
        lines.append(f"• <code>{escape(tid)}</code> — {name}")
    return "\n".join(lines)


def changed_text(verb: str, changed: Sequence[str], unchanged: Sequence[str],
                 unknown: Sequence[str], unchanged_note: str, *,
                 known: Collection[str] = ()) -> str:
    lines = []
    if changed:
        lines.append(f"{verb}: " + ", ".join(f"<code>{escape(t)}</code>" for t in changed))
    if unchanged:
        lines.append(f"{unchanged_note}: " + ", ".join(
            f"<code>{escape(t)}</code>" for t in unchanged))
    if unknown:
        lines.append("Unknown topics: " + ", ".join(f"<code>{escape(t)}</code>"
                                                    for t in unknown) + " — see /topics.")
        for typo in unknown:
            close = difflib.get_close_matches(typo, list(known), n=1, cutoff=0.75)
            if close:
                lines.append(f"Did you mean <code>{escape(close[0])}</code>? "
                             f"(for <code>{escape(typo)}</code>)")
    return "\n".join(lines) or "Nothing changed."


def unknown_command(name: str, admin: bool) -> str:
    return (f"I do not know {escape(name)}. What I understand:\n\n"
            + help_text(admin))


def free_text_help(admin: bool) -> str:
    return ("I answer commands only, such as <code>/subscribe india-japan</code>. "
            "What I understand:\n\n" + help_text(admin))


def status_text(sources: Sequence[SourceStatus], last_alert: dict[str, object] | None,
                pending: int, paused: bool, *, detailed: bool = False) -> str:
    """Counts for anyone; `detailed` (operators) adds failing sources' errors and the
    last alert's title."""
    enabled = [s for s in sources if s.enabled]
    failing = [s for s in enabled if s.failures > 0 or s.last_status == "error"]
    waiting = [s for s in enabled if s.last_polled is None]
    healthy = len(enabled) - len(failing) - len(waiting)
    lines = [f"<b>Sources:</b> {healthy} healthy, {len(failing)} failing, "
             f"{len(waiting)} not polled yet"]
    for s in failing[:10] if detailed else ():
        error = escape((s.last_error or "error")[:120])
        lines.append(f"  ⚠️ <code>{escape(s.source.id)}</code> ({s.failures}×): {error}")
    if detailed and len(failing) > 10:
        lines.append(f"  … and {len(failing) - 10} more")
    if last_alert:
        title = escape(str(last_alert.get("title", "")))
        when = escape(str(last_alert.get("created_at", ""))[:16].replace("T", " "))
        lines.append(f"<b>Last alert:</b> {when} UTC" + (f" — {title}" if detailed else ""))
    else:
        lines.append("<b>Last alert:</b> none yet")
    lines.append(f"<b>Deliveries waiting:</b> {pending}")
    if paused:
        lines.append("⏸ Polling and alerting are <b>paused</b> by an operator.")
    return "\n".join(lines)

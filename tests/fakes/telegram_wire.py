"""The Bot API's wire format as the fake speaks it: parameters in, JSON objects out,
and Telegram's HTML rules (which tags, which entities, how long)."""

from __future__ import annotations

import html
import json
import re
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs

from bot.demo.loopback import QuietHandler

__all__ = ["BOT_ID", "BOT_USER", "DROP", "NOT_MODIFIED", "admin_rights", "check_html", "handler",
           "visible_text"]

BOT_ID = 4242
BOT_USER = {"id": BOT_ID, "is_bot": True, "first_name": "defwatch", "username": "defwatch_bot",
            "can_join_groups": True, "can_read_all_group_messages": False,
            "supports_inline_queries": False}
_JSON_KEYS = {"link_preview_options", "reply_markup", "allowed_updates", "commands",
              "reply_parameters", "entities", "scope"}
_INT_KEYS = {"message_id", "offset", "limit", "timeout", "user_id"}
_TAGS = {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre",
         "tg-spoiler", "span", "blockquote", "tg-emoji"}
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s[^<>]*)?)>")
_ENTITY = re.compile(r"&(lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);")
NOT_MODIFIED = ("Bad Request: message is not modified: specified new message content and "
                "reply markup are exactly the same as a current content and reply markup")


def check_html(text: str) -> str | None:
    """What Telegram would say about this parse_mode=HTML text, or None if it is fine."""
    stack: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "&":
            if not _ENTITY.match(text, i):
                return f"Bad Request: can't parse entities: unescaped & at offset {i}"
        elif ch == ">":
            return f"Bad Request: can't parse entities: unexpected > at offset {i}"
        elif ch == "<":
            tag = _TAG.match(text, i)
            if tag is None or tag.group(2).lower() not in _TAGS:
                return f"Bad Request: can't parse entities: unsupported start tag at {i}"
            closing, name = tag.group(1) == "/", tag.group(2).lower()
            if closing:
                if not stack or stack.pop() != name:
                    return f"Bad Request: can't parse entities: unmatched end tag {name}"
            else:
                stack.append(name)
            i = tag.end()
            continue
        i += 1
    return f"Bad Request: can't parse entities: unclosed tag {stack[-1]}" if stack else None


def visible_text(text: str) -> str:
    return html.unescape(_TAG.sub("", text))


def chat_json(chat_id: int, chat_type: str) -> dict[str, Any]:
    if chat_type == "private":
        return {"id": chat_id, "type": "private", "first_name": "Reader"}
    return {"id": chat_id, "type": chat_type, "title": "Defence desk"}


def user_json(user_id: int, username: str) -> dict[str, Any]:
    return {"id": user_id, "is_bot": False, "first_name": username.title(),
            "username": username}


def message_problem(p: dict[str, Any]) -> str | None:
    text = str(p.get("text", ""))
    if p.get("parse_mode") == "HTML":
        problem = check_html(text)
        if problem:
            return problem
        text = visible_text(text)
    if not text.strip():
        return "Bad Request: message text is empty"
    if len(text.encode("utf-16-le")) // 2 > 4096:
        return "Bad Request: message is too long"
    return None


def message_json(chat: int | str, message_id: int, text: str) -> dict[str, Any]:
    """A Message the bot sent: to @channel_name, a (super)group (< 0) or a person."""
    if isinstance(chat, str):
        where = {"id": -1000000000000 - len(chat), "type": "channel",
                 "username": chat.lstrip("@"), "title": chat}
    else:
        where = chat_json(chat, "supergroup" if chat < 0 else "private")
    return {"message_id": message_id, "date": int(time.time()), "chat": where,
            "from": BOT_USER, "text": visible_text(text)}


def ok(result: Any) -> dict[str, Any]:
    return {"ok": True, "result": result}


def error(code: int, description: str, *, retry_after: int | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"ok": False, "error_code": code, "description": description}
    if retry_after is not None:
        body["parameters"] = {"retry_after": retry_after}
    return body


def parse_params(raw: bytes, content_type: str) -> dict[str, Any]:
    if content_type.startswith("application/json"):
        return dict(json.loads(raw or b"{}"))
    out: dict[str, Any] = {}
    for key, values in parse_qs(raw.decode(), keep_blank_values=True).items():
        value: Any = values[-1]
        if key in _JSON_KEYS:
            value = json.loads(value)
        elif key in _INT_KEYS or (key == "chat_id" and value.lstrip("-").isdigit()):
            value = int(value)
        out[key] = value
    return out


DROP = -1  # answer() status: the call was carried out, the connection closes unanswered


def admin_rights(user: dict[str, Any]) -> dict[str, Any]:
    return {"status": "administrator", "user": user, "can_be_edited": False,
            "is_anonymous": False, "can_manage_chat": True, "can_delete_messages": False,
            "can_manage_video_chats": False, "can_restrict_members": False,
            "can_promote_members": False, "can_change_info": False,
            "can_invite_users": False, "can_post_stories": False,
            "can_edit_stories": False, "can_delete_stories": False,
            "can_post_messages": True, "can_edit_messages": False}


def handler(answer: Callable[[str, str, dict[str, Any]], tuple[int, Any]],
            ) -> type[QuietHandler]:
    """The request handler of the fake: `answer(token, method, params)` gives each reply."""
    # QuietHandler: no Nagle delay between headers and body on the kept-alive connection,
    # no access log (the fake records every call); a client that hangs up (a long poll
    # cancelled at shutdown) is not an error.
    class Handler(QuietHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self) -> None:
            self._serve()

        def do_GET(self) -> None:
            self._serve()

        def _serve(self) -> None:
            raw = self.read_body()
            match = re.fullmatch(r"/bot([^/]+)/(\w+)", self.path.split("?")[0])
            if match is None:
                status, body = 404, error(404, "Not Found")
            else:
                params = parse_params(raw, self.headers.get("Content-Type") or "")
                status, body = answer(match.group(1), match.group(2), params)
            if status == DROP:
                self.close_connection = True
                return
            self.reply(status, json.dumps(body).encode(), {"Content-Type": "application/json"})

    return Handler

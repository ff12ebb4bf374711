"""A fake Telegram Bot API server on 127.0.0.1, for driving real python-telegram-bot.

It speaks the Bot API's HTTP shape (`POST /bot<token>/<method>`, form-encoded
parameters, `{"ok": …, "result": …}` answers) for the methods defwatch uses, keeps the
chats' messages so edits can be checked, validates HTML the way Telegram does, and
records every call with its arrival time:

    with FakeTelegram() as api:
        config = TelegramConfig(token=api.token, base_url=api.base_url)
        api.command(chat_id=7, text="/subscribe india-japan")   # a user types this
        api.fail("sendMessage", 429, retry_after=1)             # the next send is throttled
        await api.wait_for(lambda: api.texts(7), "a message in chat 7")
        assert api.violations == []                             # nobody ignored retry_after

A 429 it announces holds for that chat: a request arriving before retry_after has passed
is answered 429 again and listed in `violations`.

Message ids count up per chat, and people's messages (commands) take ids in the chat
too, as on Telegram; editing one of those is refused ("message can't be edited"), an
id past the chat's last is "message to edit not found". `api.drop_answer(...)` carries
out a call but hangs up before answering, the window in which a sender cannot know
whether its message was posted.
"""

from __future__ import annotations

import asyncio
import itertools
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from bot.demo.loopback import LocalHTTPServer
from tests.fakes.telegram_wire import (
    BOT_ID,
    BOT_USER,
    DROP,
    NOT_MODIFIED,
    admin_rights,
    chat_json,
    check_html,
    error,
    handler,
    message_json,
    message_problem,
    ok,
    user_json,
    visible_text,
)

__all__ = ["DROP", "ApiCall", "FakeTelegram", "check_html", "visible_text"]


@dataclass(frozen=True)
class ApiCall:
    method: str
    params: dict[str, Any]
    at: float  # time.monotonic() when the request arrived
    status: int  # the HTTP status answered


@dataclass
class _Failure:
    method: str
    status: int
    description: str
    retry_after: int | None
    chat_id: int | str | None
    times: int
    after: int
    migrate_to: int | None


@dataclass
class _Message:
    html: str
    reply_markup: Any = None
    link_preview: Any = None
    from_bot: bool = True


@dataclass
class _State:
    calls: list[ApiCall] = field(default_factory=list)
    updates: list[dict[str, Any]] = field(default_factory=list)
    failures: list[_Failure] = field(default_factory=list)
    chats: dict[int | str, dict[int, _Message]] = field(default_factory=dict)
    last_id: dict[int | str, int] = field(default_factory=dict)
    members: dict[tuple[int | str, int], dict[str, Any]] = field(default_factory=dict)
    drops: dict[str, list[int]] = field(default_factory=dict)  # method: [after, times]
    usernames: dict[str, int] = field(default_factory=dict)  # "@name" (lower case): chat id
    blocked_until: dict[int | str, float] = field(default_factory=dict)
    violations: list[ApiCall] = field(default_factory=list)


class FakeTelegram(LocalHTTPServer):
    def __init__(self, token: str = "123456:FAKE-token-for-tests_0123456789") -> None:
        self.token = token
        self._state = _State()
        self._cond = threading.Condition()
        self._stopping = False
        self._ids = itertools.count(1)
        self._update_ids = itertools.count(1)
        super().__init__(handler(self.answer))  # base_url, start(), stop(): LocalHTTPServer

    def stop(self) -> None:
        with self._cond:  # wake the long polls waiting for updates
            self._stopping = True
            self._cond.notify_all()
        super().stop()

    # -- scripting --------------------------------------------------------------------

    def fail(self, method: str, status: int, *, description: str | None = None,
             retry_after: int | None = None, chat_id: int | str | None = None,
             times: int = 1, after: int = 0, migrate_to: int | None = None) -> None:
        """Answer `times` calls of `method` (to `chat_id`, if given) with an error, once
        `after` such calls have succeeded. migrate_to: the group became that supergroup."""
        default = {429: f"Too Many Requests: retry after {retry_after}",
                   403: "Forbidden: bot was blocked by the user",
                   400: "Bad Request: chat not found"}.get(status, "Error")
        with self._cond:
            self._state.failures.append(_Failure(method, status, description or default,
                                                 retry_after, chat_id, times, after,
                                                 migrate_to))

    def drop_answer(self, method: str, times: int = 1, after: int = 0) -> None:
        """Once `after` calls of `method` have been answered, carry out the next `times`
        but hang up without answering."""
        with self._cond:
            self._state.drops[method] = [after, times]

    def member(self, chat_id: int | str, user_id: int = BOT_ID, **fields: Any) -> None:
        """What getChatMember says of someone in a chat. The bot is by default an
        administrator that may post but not edit other people's messages (e.g.
        can_edit_messages=True changes that); anyone else a plain member (e.g.
        status="administrator" or "creator" changes that)."""
        with self._cond:
            self._state.members[(chat_id, user_id)] = fields

    def post_as_someone(self, chat_id: int | str, html: str) -> int:
        """Someone else (a person, another admin) posts in the chat; returns the id."""
        with self._cond:
            message_id = self._next_id(chat_id)
            self._state.chats.setdefault(chat_id, {})[message_id] = _Message(
                html, from_bot=False)
        return message_id

    def command(self, chat_id: int, text: str, *, user_id: int | None = None,
                username: str = "reader", chat_type: str = "private",
                anonymous: bool = False) -> None:
        """Queue an update: a person sends `text` (a /command, maybe with arguments);
        anonymous: a group admin writing as the group itself."""
        word = text.split(maxsplit=1)[0]
        message_id = self.post_as_someone(chat_id, text)
        message = {
            "message_id": message_id, "date": int(time.time()),
            "chat": chat_json(chat_id, chat_type),
            "from": user_json(user_id or abs(chat_id), username), "text": text,
            "entities": [{"type": "bot_command", "offset": 0, "length": len(word)}]}
        if anonymous:
            message["sender_chat"] = chat_json(chat_id, chat_type)
            message["from"] = {"id": 1087968824, "is_bot": True,
                               "first_name": "Group", "username": "GroupAnonymousBot"}
        self._push({"message": message})

    def say(self, chat_id: int, text: str, *, chat_type: str = "private") -> None:
        """Queue an update: a person writes `text`, no command in it."""
        message_id = self.post_as_someone(chat_id, text)
        self._push({"message": {
            "message_id": message_id, "date": int(time.time()),
            "chat": chat_json(chat_id, chat_type), "from": user_json(abs(chat_id), "reader"),
            "text": text}})

    def channel_post(self, chat_id: int, username: str, html: str) -> int:
        """Queue an update: an admin posts in a channel the bot administers."""
        with self._cond:
            self._state.usernames[f"@{username.lower()}"] = chat_id
        message_id = self.post_as_someone(chat_id, html)
        self._push({"channel_post": {
            "message_id": message_id, "date": int(time.time()),
            "chat": {**chat_json(chat_id, "channel"), "username": username},
            "sender_chat": {**chat_json(chat_id, "channel"), "username": username},
            "text": html}})
        return message_id

    def press(self, chat_id: int, message_id: int, data: str, *, user_id: int | None = None,
              chat_type: str = "private", username: str = "reader") -> None:
        """Queue an update: a person taps an inline button of one of the bot's messages
        (in a channel, the message speaks as the channel: its sender_chat is the chat)."""
        message = {"message_id": message_id, "date": int(time.time()),
                   "chat": chat_json(chat_id, chat_type), "from": BOT_USER,
                   "text": visible_text(self.message(chat_id, message_id) or "")}
        if chat_type == "channel":
            message["sender_chat"] = chat_json(chat_id, chat_type)
        self._push({"callback_query": {
            "id": str(next(self._ids)), "from": user_json(user_id or abs(chat_id), username),
            "chat_instance": f"ci-{chat_id}", "data": data, "message": message}})

    def remove_bot(self, chat_id: int, chat_type: str = "group") -> None:
        """Queue an update: the bot was kicked from a group (or blocked in a private chat)."""
        self._push({"my_chat_member": {
            "chat": chat_json(chat_id, chat_type), "from": user_json(1, "admin"),
            "date": int(time.time()),
            "old_chat_member": {"user": BOT_USER, "status": "member"},
            "new_chat_member": {"user": BOT_USER, "status": "kicked", "until_date": 0}}})

    # -- inspection -------------------------------------------------------------------

    @property
    def calls(self) -> list[ApiCall]:
        with self._cond:
            return list(self._state.calls)

    @property
    def violations(self) -> list[ApiCall]:
        """Requests to a chat that arrived while a retry_after announced for it ran."""
        with self._cond:
            return list(self._state.violations)

    def calls_to(self, method: str) -> list[ApiCall]:
        return [c for c in self.calls if c.method == method]

    def message(self, chat_id: int | str, message_id: int) -> str | None:
        with self._cond:
            msg = self._state.chats.get(chat_id, {}).get(message_id)
            return msg.html if msg else None

    def texts(self, chat_id: int | str) -> list[str]:
        """The HTML of the bot's messages now in a chat, oldest first (edits applied)."""
        with self._cond:
            chat = self._state.chats.get(chat_id, {})
            return [chat[k].html for k in sorted(chat) if chat[k].from_bot]

    def message_ids(self, chat_id: int | str) -> list[int]:
        """The ids of the bot's messages now in a chat."""
        with self._cond:
            chat = self._state.chats.get(chat_id, {})
            return sorted(k for k in chat if chat[k].from_bot)

    def markup(self, chat_id: int | str, message_id: int) -> Any:
        with self._cond:
            msg = self._state.chats.get(chat_id, {}).get(message_id)
            return msg.reply_markup if msg else None

    async def wait_for(self, condition: Callable[[], object], what: str,
                       timeout: float = 10.0) -> None:
        """Poll `condition` until it is truthy; fail the test with `what` at the deadline."""
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out after {timeout}s waiting for {what}")
            await asyncio.sleep(0.01)

    # -- the server side (handler threads) --------------------------------------------

    def _push(self, update: dict[str, Any]) -> None:
        with self._cond:
            self._state.updates.append({"update_id": next(self._update_ids), **update})
            self._cond.notify_all()

    def answer(self, token: str, method: str, params: dict[str, Any]) -> tuple[int, Any]:
        """(HTTP status, body) for one request; records the call."""
        now = time.monotonic()
        if token != self.token:
            return self._record(method, params, now, 401, error(401, "Unauthorized"))
        chat = params.get("chat_id")
        if isinstance(chat, str):  # a channel's @username stands for its id, as on Telegram
            with self._cond:
                chat = params["chat_id"] = self._state.usernames.get(chat.lower(), chat)
        with self._cond:
            until = self._state.blocked_until.get(chat, 0.0) if chat is not None else 0.0
            if now < until:
                wait = max(1, int(until - now + 0.999))
                call = ApiCall(method, params, now, 429)
                self._state.violations.append(call)
                self._state.calls.append(call)
                return 429, error(429, f"Too Many Requests: retry after {wait}",
                                  retry_after=wait)
            failure = next((f for f in self._state.failures if f.times > 0
                            and f.method == method and f.chat_id in (None, chat)), None)
            if failure is not None and failure.after > 0:
                failure.after -= 1
                failure = None
            if failure is not None:
                failure.times -= 1
                if failure.retry_after is not None and chat is not None:
                    self._state.blocked_until[chat] = now + failure.retry_after
                body = error(failure.status, failure.description,
                             retry_after=failure.retry_after)
                if failure.migrate_to is not None:
                    body["parameters"] = {"migrate_to_chat_id": failure.migrate_to}
                return self._record(method, params, now, failure.status, body)
        if method == "getUpdates":
            return self._record(method, params, now, 200, ok(self._updates(params)))
        status, body = self._method(method, params)
        with self._cond:
            drop = self._state.drops.get(method)
            if status == 200 and drop is not None and drop[1] > 0:
                if drop[0] > 0:
                    drop[0] -= 1
                else:
                    drop[1] -= 1
                    status = DROP
        return self._record(method, params, now, status, body)

    def _next_id(self, chat: int | str) -> int:
        """Called with the lock held."""
        self._state.last_id[chat] = self._state.last_id.get(chat, 0) + 1
        return self._state.last_id[chat]

    def _record(self, method: str, params: dict[str, Any], at: float, status: int,
                body: Any) -> tuple[int, Any]:
        with self._cond:
            self._state.calls.append(ApiCall(method, params, at, status))
        return status, body

    def _updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        deadline = time.monotonic() + float(params.get("timeout") or 0)
        with self._cond:
            while True:
                self._state.updates = [u for u in self._state.updates
                                       if u["update_id"] >= offset]
                left = deadline - time.monotonic()
                if self._state.updates or left <= 0 or self._stopping:
                    return list(self._state.updates)
                self._cond.wait(left)

    def _method(self, method: str, p: dict[str, Any]) -> tuple[int, Any]:
        trivial: dict[str, Any] = {"getMe": BOT_USER, "deleteWebhook": True,
                                   "setMyCommands": True, "answerCallbackQuery": True}
        if method in trivial:
            return 200, ok(trivial[method])
        chat: int | str = p.get("chat_id", 0)
        if method == "sendMessage":
            return self._send(chat, p)
        if method == "getChatMember":
            return 200, ok(self._member(chat, int(p.get("user_id", 0))))
        if method in ("editMessageText", "editMessageReplyMarkup", "deleteMessage"):
            return self._existing(method, chat, p)
        return 404, error(404, f"Not Found: method {method} is not faked")

    def _existing(self, method: str, chat: int | str, p: dict[str, Any]) -> tuple[int, Any]:
        """A call on a message already in the chat: edit or delete it."""
        with self._cond:
            msg = self._state.chats.get(chat, {}).get(int(p.get("message_id", 0)))
        if msg is None:
            return 400, error(400, "Bad Request: message to edit not found")
        if not msg.from_bot and method != "deleteMessage":
            return 400, error(400, "Bad Request: message can't be edited")
        return self._change(method, chat, p, msg)

    def _member(self, chat: int | str, user_id: int) -> dict[str, Any]:
        with self._cond:
            fields = dict(self._state.members.get((chat, user_id), {}))
        if user_id != BOT_ID:
            status = fields.pop("status", "member")
            user = user_json(user_id, "reader")
            if status == "creator":
                return {"status": "creator", "user": user, "is_anonymous": False}
            if status != "administrator":
                return {"status": status, "user": user}
            return {**admin_rights(user), "can_be_edited": True, **fields}
        return {**admin_rights(BOT_USER), **fields}

    def _send(self, chat: int | str, p: dict[str, Any]) -> tuple[int, Any]:
        problem = message_problem(p)
        if problem:
            return 400, error(400, problem)
        with self._cond:
            message_id = self._next_id(chat)
            self._state.chats.setdefault(chat, {})[message_id] = _Message(
                p["text"], p.get("reply_markup"), p.get("link_preview_options"))
        return 200, ok(message_json(chat, message_id, p["text"]))

    def _change(self, method: str, chat: int | str, p: dict[str, Any],
                msg: _Message) -> tuple[int, Any]:
        message_id = int(p["message_id"])
        if method == "deleteMessage":
            with self._cond:
                del self._state.chats[chat][message_id]
            return 200, ok(True)
        if method == "editMessageReplyMarkup":
            if p.get("reply_markup") == msg.reply_markup:
                return 400, error(400, NOT_MODIFIED)
            msg.reply_markup = p.get("reply_markup")
            return 200, ok(message_json(chat, message_id, msg.html))
        problem = message_problem(p)
        if problem:
            return 400, error(400, problem)
        if p["text"] == msg.html and p.get("reply_markup") == msg.reply_markup:
            return 400, error(400, NOT_MODIFIED)
        msg.html, msg.reply_markup = p["text"], p.get("reply_markup")
        msg.link_preview = p.get("link_preview_options")
        return 200, ok(message_json(chat, message_id, msg.html))

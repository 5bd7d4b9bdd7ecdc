"""A local Telegram Bot API emulator for end-to-end and load tests.

The emulator is a real HTTP server on 127.0.0.1 that a real python-telegram-bot
``Application`` talks to (``base_url=f"{root}/bot"``). The test drives the
"user side" through helpers such as :meth:`BotApiEmulator.send_text`, which
queue Telegram-shaped updates for ``getUpdates``, and inspects everything the
bot did through :attr:`calls`, :attr:`sent` and the ``wait_for_*`` helpers.

Responses mirror the real Bot API: ``{"ok": true, "result": ...}`` envelopes,
dates in seconds, error texts and HTTP status codes as Telegram sends them.
Unlike Telegram, HTML parse mode is validated strictly (see ``html_check``)
and Markdown parse modes are not parsed at all (the text is kept verbatim).
"""

from __future__ import annotations

import asyncio
import copy
import itertools
import json
import re
import socket
import time
from collections import Counter, defaultdict, deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from http import HTTPStatus
from types import TracebackType
from typing import Any

from aiohttp import web

from .html_check import HtmlParseError, parse_telegram_html, utf16_len

JSON = dict[str, Any]
Handler = Callable[[JSON], Awaitable[Any]]

MAX_TEXT_LENGTH = 4096
NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are "
    "exactly the same as a current content and reply markup of the message"
)
QUERY_INVALID = "query is too old and response timeout expired or query ID is invalid"
# Update types Telegram delivers when allowed_updates was never set (or set to []).
DEFAULT_UPDATE_TYPES = frozenset(
    {
        "message",
        "edited_message",
        "channel_post",
        "edited_channel_post",
        "business_connection",
        "business_message",
        "edited_business_message",
        "deleted_business_messages",
        "inline_query",
        "chosen_inline_result",
        "callback_query",
        "shipping_query",
        "pre_checkout_query",
        "purchased_paid_media",
        "poll",
        "poll_answer",
        "my_chat_member",
        "chat_join_request",
        "chat_boost",
        "removed_chat_boost",
    }
)
CHAT_ACTIONS = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)
# Parameters that are plain strings in the Bot API. Everything else may arrive
# JSON-encoded inside a form field (PTB form-encodes ints, bools and objects), so
# it is JSON-decoded; these must not be, or a text like "42" would become an int.
STRING_PARAMS = frozenset(
    {
        "text",
        "caption",
        "query",
        "parse_mode",
        "inline_message_id",
        "callback_query_id",
        "inline_query_id",
        "url",
        "description",
        "short_description",
        "name",
        "language_code",
        "next_offset",
        "action",
        "secret_token",
        "ip_address",
        "switch_pm_text",
        "switch_pm_parameter",
        "message_effect_id",
        "business_connection_id",
        "emoji",
        "title",
        "custom_title",
        "photo",
        "document",
        "voice",
        "audio",
        "video",
        "sticker",
        "animation",
        "file_id",
    }
)
BUTTON_ACTIONS = frozenset(
    {
        "url",
        "callback_data",
        "web_app",
        "login_url",
        "switch_inline_query",
        "switch_inline_query_current_chat",
        "switch_inline_query_chosen_chat",
        "copy_text",
        "callback_game",
        "pay",
    }
)
_PATH = re.compile(r"^bot([^/]*)/([A-Za-z0-9_]*)$")
_COMMAND_NAME = re.compile(r"^[a-z0-9_]{1,32}$")
# Entities Telegram's clients/servers detect automatically in user-typed text.
_AUTO_ENTITIES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("url", re.compile(r"https?://[^\s<>\"]*[^\s<>\".,;:!?)\]}']")),
    ("bot_command", re.compile(r"(?<![\w/])/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?(?![\w/@])")),
    ("mention", re.compile(r"(?<![\w@])@[A-Za-z0-9_]{3,32}(?![\w@])")),
    ("hashtag", re.compile(r"(?<![\w#])#[^\W\d]\w*")),
)


class ApiError(Exception):
    """A Bot API error answer (``ok: false``), raised by method handlers."""

    def __init__(self, code: int, description: str, parameters: JSON | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.parameters = parameters

    def payload(self) -> JSON:
        body: JSON = {"ok": False, "error_code": self.code, "description": self.description}
        if self.parameters:
            body["parameters"] = self.parameters
        return body


def bad_request(reason: str) -> ApiError:
    return ApiError(400, f"Bad Request: {reason}")


@dataclass(frozen=True)
class _Fault:
    """One injected failure; ``status=None`` means: drop the connection."""

    status: int | None
    retry_after: int = 1
    description: str | None = None

    def error(self) -> ApiError:
        assert self.status is not None
        if self.status == 429:
            return ApiError(
                429,
                self.description or f"Too Many Requests: retry after {self.retry_after}",
                {"retry_after": self.retry_after},
            )
        return ApiError(self.status, self.description or _status_phrase(self.status))


def _status_phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return f"Error {status}"


def _compact_json(payload: Any) -> str:
    # Telegram answers compact UTF-8 JSON.
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"))


def _now() -> int:
    return int(time.time())


def _utf16_offset(text: str, index: int) -> int:
    return utf16_len(text[:index])


def find_entities(text: str) -> list[JSON]:
    """Entities Telegram adds to user-typed text: bot_command, mention, url, hashtag."""
    spans: list[tuple[int, int, str]] = []
    for kind, pattern in _AUTO_ENTITIES:
        spans += [(m.start(), m.end(), kind) for m in pattern.finditer(text)]
    entities: list[JSON] = []
    taken_until = 0
    for start, end, kind in sorted(spans):
        if start < taken_until:  # e.g. "@Bot" inside "/start@Bot" or inside a URL
            continue
        offset = _utf16_offset(text, start)
        entities.append({"offset": offset, "length": utf16_len(text[start:end]), "type": kind})
        taken_until = end
    return entities


def _decode_param(name: str, value: Any) -> Any:
    if not isinstance(value, str) or name in STRING_PARAMS:
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value  # e.g. chat_id="@channelusername"


def _trim(text: str, entities: list[JSON]) -> tuple[str, list[JSON]]:
    """Strip surrounding whitespace like Telegram does, shifting entities to match."""
    stripped = text.strip()
    if stripped == text:
        return text, entities
    shift = utf16_len(text[: len(text) - len(text.lstrip())])
    limit = utf16_len(stripped)
    fixed = []
    for entity in entities:
        start = max(0, entity["offset"] - shift)
        end = min(limit, entity["offset"] + entity["length"] - shift)
        if end > start:
            fixed.append({**entity, "offset": start, "length": end - start})
    return stripped, fixed


def _without_reply(message: JSON) -> JSON:
    """Telegram nests replies only one level deep."""
    snapshot = copy.deepcopy(message)
    snapshot.pop("reply_to_message", None)
    return snapshot


def _describe_call(method: str, params: JSON) -> str:
    shown = {k: params[k] for k in ("chat_id", "message_id", "text") if k in params}
    return f"{method}({json.dumps(shown, ensure_ascii=False)[:160]})"


class BotApiEmulator:
    """In-process fake of https://api.telegram.org for one bot token."""

    def __init__(self, token: str, bot_username: str = "NewsAskBot", bot_id: int = 7000001) -> None:
        self.token = token
        self.bot_username = bot_username
        self.bot_id = bot_id
        self.bot_user: JSON = {
            "id": bot_id,
            "is_bot": True,
            "first_name": bot_username,
            "username": bot_username,
        }
        # What the bot did, for assertions.
        self.calls: list[tuple[str, JSON]] = []  # every request with a valid token, faults included
        self.sent: list[JSON] = []  # live Message dicts; edits are applied in place
        self.edits: list[JSON] = []  # snapshot of the message after each edit
        self.deleted: list[tuple[int, int]] = []  # (chat_id, message_id)
        self.updates: list[JSON] = []  # every update ever queued
        self.inline_answers: dict[str, JSON] = {}
        self.callback_answers: dict[str, JSON] = {}
        self.commands: dict[tuple[str, str], list[JSON]] = {}  # (scope JSON, language) -> commands
        self.descriptions: dict[tuple[str, str], str] = {}  # (kind, language) -> text
        self.webhook: JSON = {}
        self.allowed_updates: frozenset[str] = DEFAULT_UPDATE_TYPES
        # Internal state.
        self._queue: list[JSON] = []
        self._chats: dict[int, JSON] = {}
        self._users: dict[int, JSON] = {}
        self._admins: dict[int, list[int]] = {}
        self._messages: dict[tuple[int, int], JSON] = {}
        self._own: set[tuple[int, int]] = set()  # messages the bot sent (editable)
        # Indexes so that wait predicates stay O(1) with thousands of waiters in load tests.
        self._sent_by_chat: defaultdict[int, list[JSON]] = defaultdict(list)
        self._edit_counts: Counter[tuple[int, int]] = Counter()
        self._message_ids: defaultdict[int, itertools.count[int]] = defaultdict(
            lambda: itertools.count(1)
        )
        self._update_ids = itertools.count(100_000_001)
        self._query_ids = itertools.count(4_000_000_000_001)
        self._file_ids = itertools.count(1)
        self._pending_inline: set[str] = set()
        self._pending_callbacks: set[str] = set()
        self._faults: defaultdict[str, deque[_Fault]] = defaultdict(deque)
        self._poll_generation = 0
        self._closing = False
        # Pending waits: each future is resolved by _notify() once its predicate holds.
        self._waiters: dict[asyncio.Future[None], Callable[[], bool]] = {}
        self._runner: web.AppRunner | None = None
        self._port: int | None = None
        self._methods: dict[str, tuple[str, Handler]] = self._method_table()

    # ------------------------------------------------------------------ lifecycle

    @property
    def root(self) -> str:
        if self._port is None:
            raise RuntimeError("emulator is not started")
        return f"http://127.0.0.1:{self._port}"

    async def start(self) -> None:
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/{tail:.*}", self._handle)
        # Short shutdown timeout: stop() wakes all long polls, nothing should linger.
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", 0))
        self._port = sock.getsockname()[1]
        await web.SockSite(self._runner, sock).start()

    async def stop(self) -> None:
        self._closing = True
        self._notify()  # release waiting getUpdates so the server can shut down
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> BotApiEmulator:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()

    # ------------------------------------------------------------------ HTTP layer

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        match = _PATH.match(request.match_info["tail"])
        if not match or not match.group(2):
            return self._reply(ApiError(404, "Not Found").payload(), 404)
        if match.group(1) != self.token:
            return self._reply(ApiError(401, "Unauthorized").payload(), 401)
        entry = self._methods.get(match.group(2).lower())
        if entry is None:
            return self._reply(ApiError(404, "Not Found: method not found").payload(), 404)
        name, handler = entry
        try:
            params = await self._read_params(request)
        except ValueError:
            return self._reply(bad_request("can't parse request body").payload(), 400)
        try:
            return await self._dispatch(request, name, handler, params)
        finally:
            self._notify()

    async def _dispatch(
        self, request: web.Request, name: str, handler: Handler, params: JSON
    ) -> web.StreamResponse:
        self.calls.append((name, params))
        fault = self._next_fault(name)
        if fault is not None and fault.status is None:
            return self._drop(request)
        try:
            if fault is not None:
                raise fault.error()
            result = await handler(params)
        except ApiError as exc:
            return self._reply(exc.payload(), exc.code)
        except (TypeError, ValueError, KeyError, AttributeError) as exc:
            # Malformed parameters (e.g. message_id="abc"): Telegram answers 400, not 500.
            return self._reply(bad_request(f"invalid parameters: {exc!r}").payload(), 400)
        return self._reply({"ok": True, "result": result}, 200)

    @staticmethod
    def _reply(payload: JSON, status: int) -> web.Response:
        return web.json_response(payload, status=status, dumps=_compact_json)

    @staticmethod
    def _drop(request: web.Request) -> web.StreamResponse:
        # Close the socket without an HTTP response, like a connection reset mid-request.
        # aiohttp then fails to write the (never-sent) response and discards it quietly.
        if request.transport is not None:
            request.transport.close()
        return web.Response(status=204)

    @staticmethod
    async def _read_params(request: web.Request) -> JSON:
        raw: dict[str, Any] = dict(request.query)
        if request.can_read_body:
            if request.content_type == "application/json":
                body = await request.json()
                if not isinstance(body, dict):
                    raise ValueError("JSON body must be an object")
                raw.update(body)
            else:
                for key, value in (await request.post()).items():
                    # Uploaded files are not needed by any emulated method; keep a marker.
                    raw[key] = value if isinstance(value, str) else "<file>"
        return {key: _decode_param(key, value) for key, value in raw.items()}

    def _next_fault(self, method: str) -> _Fault | None:
        queue = self._faults.get(method.lower())
        return queue.popleft() if queue else None

    # ------------------------------------------------------------------ waiting

    def _notify(self) -> None:
        """Re-check pending waits after a state change.

        Predicates are evaluated here rather than in each waiting task, so a load
        test with thousands of concurrent waits does not wake every task per request.
        """
        for future, predicate in list(self._waiters.items()):
            if future.done():
                continue
            try:
                if predicate():
                    future.set_result(None)
            except Exception as exc:  # a faulty test predicate fails its own wait only
                future.set_exception(exc)

    async def _wait(self, predicate: Callable[[], bool], timeout: float) -> bool:
        """Wait until predicate() holds or ``timeout`` seconds pass; returns whether it holds."""
        if predicate():
            return True
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiters[future] = predicate
        try:
            await asyncio.wait_for(future, timeout)
        except TimeoutError:
            return predicate()
        finally:
            self._waiters.pop(future, None)
        return True

    # ------------------------------------------------------------------ method table

    def _method_table(self) -> dict[str, tuple[str, Handler]]:
        handlers: dict[str, Handler] = {
            "getMe": self._get_me,
            "getUpdates": self._get_updates,
            "setWebhook": self._set_webhook,
            "deleteWebhook": self._delete_webhook,
            "getWebhookInfo": self._get_webhook_info,
            "logOut": self._ok,
            "close": self._ok,
            "setMyCommands": self._set_my_commands,
            "getMyCommands": self._get_my_commands,
            "deleteMyCommands": self._delete_my_commands,
            "setMyDescription": self._set_description("description"),
            "getMyDescription": self._get_description("description"),
            "setMyShortDescription": self._set_description("short_description"),
            "getMyShortDescription": self._get_description("short_description"),
            "sendMessage": self._send_message,
            "editMessageText": self._edit_message_text,
            "editMessageReplyMarkup": self._edit_message_reply_markup,
            "deleteMessage": self._delete_message,
            "answerCallbackQuery": self._answer_callback_query,
            "answerInlineQuery": self._answer_inline_query,
            "sendChatAction": self._send_chat_action,
            "getChat": self._get_chat,
            "getChatAdministrators": self._get_chat_administrators,
            "getChatMember": self._get_chat_member,
        }
        # Telegram matches method names case-insensitively.
        return {name.lower(): (name, handler) for name, handler in handlers.items()}

    # ------------------------------------------------------------------ bot & updates

    async def _ok(self, params: JSON) -> bool:
        return True

    async def _get_me(self, params: JSON) -> JSON:
        return {
            **self.bot_user,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": True,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    async def _get_updates(self, params: JSON) -> list[JSON]:
        if self.webhook.get("url"):
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; "
                "use deleteWebhook to delete the webhook first",
            )
        self._confirm(params.get("offset"))
        if "allowed_updates" in params:
            self._set_allowed_updates(params["allowed_updates"])
        limit = min(max(int(params.get("limit") or 100), 1), 100)
        # A newer getUpdates supersedes a pending one, which then answers 409 like Telegram.
        self._poll_generation += 1
        generation = self._poll_generation
        self._notify()
        await self._wait(
            lambda: (
                bool(self._deliverable()) or self._poll_generation != generation or self._closing
            ),
            max(0.0, float(params.get("timeout") or 0)),
        )
        if self._poll_generation != generation and not self._closing:
            raise ApiError(
                409,
                "Conflict: terminated by other getUpdates request; "
                "make sure that only one bot instance is running",
            )
        return self._deliverable()[:limit]

    def _confirm(self, offset: Any) -> None:
        """Forget updates the bot confirmed (update_id < offset), as Telegram does."""
        if offset is None:
            return
        offset = int(offset)
        if offset < 0:
            self._queue = self._queue[offset:]
        else:
            self._queue = [u for u in self._queue if u["update_id"] >= offset]

    def _set_allowed_updates(self, allowed: Any) -> None:
        self.allowed_updates = frozenset(allowed) if allowed else DEFAULT_UPDATE_TYPES

    def _deliverable(self) -> list[JSON]:
        # Updates of a type the bot did not subscribe to are never delivered.
        self._queue = [u for u in self._queue if _update_type(u) in self.allowed_updates]
        return self._queue

    async def _set_webhook(self, params: JSON) -> bool:
        if params.get("drop_pending_updates"):
            self._queue.clear()
        self.webhook = dict(params) if params.get("url") else {}
        return True

    async def _delete_webhook(self, params: JSON) -> bool:
        if params.get("drop_pending_updates"):
            self._queue.clear()
        self.webhook = {}
        return True

    async def _get_webhook_info(self, params: JSON) -> JSON:
        info: JSON = {
            "url": self.webhook.get("url", ""),
            "has_custom_certificate": False,
            "pending_update_count": len(self._queue),
        }
        if self.webhook.get("allowed_updates"):
            info["allowed_updates"] = self.webhook["allowed_updates"]
        return info

    # ------------------------------------------------------------------ commands & descriptions

    @staticmethod
    def _scope_key(params: JSON) -> tuple[str, str]:
        scope = params.get("scope") or {"type": "default"}
        return json.dumps(scope, sort_keys=True), str(params.get("language_code") or "")

    async def _set_my_commands(self, params: JSON) -> bool:
        commands = params.get("commands")
        if not isinstance(commands, list):
            raise bad_request("can't parse commands JSON object")
        if len(commands) > 100:
            raise bad_request("BOT_COMMANDS_TOO_MUCH")
        for command in commands:
            _check_command(command)
        self.commands[self._scope_key(params)] = [
            {"command": c["command"], "description": c["description"]} for c in commands
        ]
        return True

    async def _get_my_commands(self, params: JSON) -> list[JSON]:
        return self.commands.get(self._scope_key(params), [])

    async def _delete_my_commands(self, params: JSON) -> bool:
        self.commands.pop(self._scope_key(params), None)
        return True

    def commands_for(self, scope: JSON | None = None, language_code: str = "") -> list[JSON]:
        """Commands the bot registered for exactly this scope and language."""
        return self.commands.get(
            self._scope_key({"scope": scope, "language_code": language_code}), []
        )

    def _set_description(self, kind: str) -> Handler:
        async def handler(params: JSON) -> bool:
            self.descriptions[(kind, str(params.get("language_code") or ""))] = str(
                params.get(kind) or ""
            )
            return True

        return handler

    def _get_description(self, kind: str) -> Handler:
        async def handler(params: JSON) -> JSON:
            return {kind: self.descriptions.get((kind, str(params.get("language_code") or "")), "")}

        return handler

    # ------------------------------------------------------------------ chats

    def _require_chat(self, chat_id: Any) -> JSON:
        chat: JSON | None = None
        if isinstance(chat_id, str) and chat_id.startswith("@"):
            wanted = chat_id[1:].lower()
            chat = next(
                (c for c in self._chats.values() if c.get("username", "").lower() == wanted), None
            )
        elif isinstance(chat_id, int):
            chat = self._chats.get(chat_id)
        if chat is None:
            raise bad_request("chat not found")
        return chat

    def _user(self, user_id: int) -> JSON:
        if user_id == self.bot_id:
            return self.bot_user
        return self._users.get(user_id) or {
            "id": user_id,
            "is_bot": False,
            "first_name": f"User{user_id}",
        }

    async def _get_chat(self, params: JSON) -> JSON:
        chat = self._require_chat(params.get("chat_id"))
        gifts = dict.fromkeys(
            (
                "unlimited_gifts",
                "limited_gifts",
                "unique_gifts",
                "premium_subscription",
                "gifts_from_channels",
            ),
            False,
        )
        return {
            **chat,
            "accent_color_id": 0,
            "max_reaction_count": 11,
            "accepted_gift_types": gifts,
        }

    async def _get_chat_administrators(self, params: JSON) -> list[JSON]:
        chat = self._require_chat(params.get("chat_id"))
        if chat["type"] == "private":
            raise bad_request("there are no administrators in the private chat")
        return [self._member(chat, user_id) for user_id in self._admin_ids(chat["id"])]

    async def _get_chat_member(self, params: JSON) -> JSON:
        chat = self._require_chat(params.get("chat_id"))
        user_id = params.get("user_id")
        if not isinstance(user_id, int):
            raise bad_request("user not found")
        return self._member(chat, user_id)

    def _admin_ids(self, chat_id: int) -> list[int]:
        admins = self._admins.get(chat_id, [])
        return admins + ([self.bot_id] if self.bot_id not in admins else [])

    def _member(self, chat: JSON, user_id: int) -> JSON:
        user = self._user(user_id)
        if chat["type"] == "private" or user_id not in self._admin_ids(chat["id"]):
            return {"status": "member", "user": user}
        if self._admins.get(chat["id"], [])[:1] == [user_id]:
            return {"status": "creator", "user": user, "is_anonymous": False}
        return {
            "status": "administrator",
            "user": user,
            **_ADMIN_RIGHTS,
            "can_be_edited": user_id == self.bot_id,
        }

    # ------------------------------------------------------------------ messages

    async def _send_message(self, params: JSON) -> JSON:
        chat = self._require_chat(params.get("chat_id"))
        text, entities = self._prepare_text(params)
        markup = _inline_markup(params.get("reply_markup"))
        reply_to = self._reply_target(chat, params)
        message = self._bot_message(chat, text, entities, markup)
        if reply_to is not None:
            message["reply_to_message"] = reply_to
        self._store(message, own=True)
        self.sent.append(message)
        self._sent_by_chat[chat["id"]].append(message)
        return message

    def _prepare_text(self, params: JSON) -> tuple[str, list[JSON]]:
        """Validate text like Telegram and return the parsed text with its entities."""
        raw = params.get("text")
        if raw is None or str(raw) == "":
            raise bad_request("message text is empty")
        raw = str(raw)
        if str(params.get("parse_mode") or "").lower() == "html":
            try:
                text, entities = parse_telegram_html(raw)
            except HtmlParseError as exc:
                raise bad_request(f"can't parse entities: {exc}") from None
        else:
            text, entities = raw, list(params.get("entities") or [])
        text, entities = _trim(text, entities)
        if not text:
            raise bad_request("message text is empty")
        if utf16_len(text) > MAX_TEXT_LENGTH:
            raise bad_request("message is too long")
        return text, entities

    def _reply_target(self, chat: JSON, params: JSON) -> JSON | None:
        reply = params.get("reply_parameters") or {}
        message_id = reply.get("message_id", params.get("reply_to_message_id"))
        if message_id is None:
            return None
        target = self._messages.get((chat["id"], int(message_id)))
        if target is not None:
            return _without_reply(target)
        if reply.get("allow_sending_without_reply", params.get("allow_sending_without_reply")):
            return None
        raise bad_request("message to be replied not found")

    def _bot_message(
        self, chat: JSON, text: str, entities: list[JSON], markup: JSON | None
    ) -> JSON:
        message: JSON = {"message_id": self._new_message_id(chat["id"])}
        if chat["type"] == "channel":
            message["sender_chat"] = dict(chat)
        else:
            message["from"] = dict(self.bot_user)
        message.update(chat=dict(chat), date=_now(), text=text)
        if entities:
            message["entities"] = entities
        if markup:
            message["reply_markup"] = markup
        return message

    def _new_message_id(self, chat_id: int) -> int:
        return next(self._message_ids[chat_id])

    def _store(self, message: JSON, *, own: bool = False) -> None:
        key = (message["chat"]["id"], message["message_id"])
        self._messages[key] = message
        if own:
            self._own.add(key)

    def _own_message(self, params: JSON, missing: str) -> JSON:
        chat = self._require_chat(params.get("chat_id"))
        key = (chat["id"], int(params.get("message_id") or 0))
        message = self._messages.get(key)
        if message is None:
            raise bad_request(missing)
        if key not in self._own:
            raise bad_request("message can't be edited")
        return message

    async def _edit_message_text(self, params: JSON) -> JSON | bool:
        text, entities = self._prepare_text(params)
        markup = _inline_markup(params.get("reply_markup"))
        # Omitting reply_markup in an edit removes the keyboard, as on Telegram.
        changes: JSON = {"text": text, "entities": entities or None, "reply_markup": markup}
        if params.get("inline_message_id"):
            return self._edit_inline(str(params["inline_message_id"]), changes)
        message = self._own_message(params, "message to edit not found")
        if "text" not in message:
            raise bad_request("there is no text in the message to edit")
        return self._apply_edit(message, changes)

    async def _edit_message_reply_markup(self, params: JSON) -> JSON | bool:
        changes: JSON = {"reply_markup": _inline_markup(params.get("reply_markup"))}
        if params.get("inline_message_id"):
            return self._edit_inline(str(params["inline_message_id"]), changes)
        return self._apply_edit(self._own_message(params, "message to edit not found"), changes)

    def _apply_edit(self, message: JSON, changes: JSON) -> JSON:
        if all(message.get(key) == value for key, value in changes.items()):
            raise bad_request(NOT_MODIFIED)
        for key, value in changes.items():
            if value is None:
                message.pop(key, None)
            else:
                message[key] = value
        message["edit_date"] = _now()
        self.edits.append(copy.deepcopy(message))
        self._edit_counts[(message["chat"]["id"], message["message_id"])] += 1
        return message

    def _edit_inline(self, inline_message_id: str, changes: JSON) -> bool:
        # Inline messages live in other chats; the Bot API answers just `true`.
        self.edits.append({"inline_message_id": inline_message_id, **changes})
        return True

    async def _delete_message(self, params: JSON) -> bool:
        chat = self._require_chat(params.get("chat_id"))
        key = (chat["id"], int(params.get("message_id") or 0))
        if self._messages.pop(key, None) is None:
            raise bad_request("message to delete not found")
        self.deleted.append(key)
        return True

    async def _send_chat_action(self, params: JSON) -> bool:
        self._require_chat(params.get("chat_id"))
        if params.get("action") not in CHAT_ACTIONS:
            raise bad_request("wrong parameter action in request")
        return True

    # ------------------------------------------------------------------ queries

    async def _answer_callback_query(self, params: JSON) -> bool:
        query_id = str(params.get("callback_query_id") or "")
        if query_id not in self._pending_callbacks:
            raise bad_request(QUERY_INVALID)
        self._pending_callbacks.discard(query_id)
        self.callback_answers[query_id] = params
        return True

    async def _answer_inline_query(self, params: JSON) -> bool:
        query_id = str(params.get("inline_query_id") or "")
        if query_id not in self._pending_inline:
            raise bad_request(QUERY_INVALID)
        results = params.get("results")
        if not isinstance(results, list):
            raise bad_request("can't parse inline query results JSON object")
        if len(results) > 50:
            raise bad_request("RESULTS_TOO_MUCH")
        ids = [str(r.get("id")) for r in results if isinstance(r, dict)]
        if len(set(ids)) != len(results):
            raise bad_request("RESULT_ID_DUPLICATE")
        self._pending_inline.discard(query_id)
        self.inline_answers[query_id] = params
        return True

    # ================================================================== test-side API

    def private_user(
        self,
        user_id: int,
        first_name: str = "Alice",
        language_code: str = "en",
        *,
        username: str | None = None,
        last_name: str | None = None,
    ) -> JSON:
        """Create a user (and the private chat with the bot) and return the User dict."""
        user: JSON = {"id": user_id, "is_bot": False, "first_name": first_name}
        chat: JSON = {"id": user_id, "first_name": first_name, "type": "private"}
        for key, value in (("last_name", last_name), ("username", username)):
            if value:
                user[key] = chat[key] = value
        user["language_code"] = language_code
        self._users[user_id] = user
        self._chats[user_id] = chat
        return user

    def private_chat(self, user: JSON) -> JSON:
        return self._chats[user["id"]]

    def group(
        self, chat_id: int, title: str, type: str = "supergroup", *, username: str | None = None
    ) -> JSON:
        """Create a group/supergroup the bot is a member of and return the Chat dict."""
        chat: JSON = {"id": chat_id, "title": title, "type": type}
        if username:
            chat["username"] = username
        self._chats[chat_id] = chat
        return chat

    def channel(self, chat_id: int, title: str, *, username: str | None = None) -> JSON:
        return self.group(chat_id, title, "channel", username=username)

    def set_chat_admins(self, chat_id: int, user_ids: list[int]) -> None:
        """The first user becomes the chat's creator, the rest administrators.

        The bot itself is always listed as an administrator too.
        """
        self._admins[chat_id] = list(user_ids)

    async def send_text(
        self, chat: JSON, user: JSON, text: str, reply_to: JSON | None = None
    ) -> JSON:
        """Queue a `message` update with a text typed by ``user``; returns the Message.

        ``chat`` may also be a User dict, meaning the private chat with that user.
        """
        return await self._user_post(chat, user, _text_fields(text), reply_to)

    async def send_photo(self, chat: JSON, user: JSON, caption: str | None = None) -> JSON:
        base = self._file("AgACAgIAAxkBAAI")
        sizes = [(90, 67, 1_203), (320, 240, 14_876), (1280, 960, 98_112)]
        photo = [
            {
                **base,
                "file_id": f"{base['file_id']}-{w}",
                "file_unique_id": f"{base['file_unique_id']}{w}",
                "width": w,
                "height": h,
                "file_size": size,
            }
            for w, h, size in sizes
        ]
        return await self._user_post(chat, user, {"photo": photo, **_caption_fields(caption)})

    async def send_sticker(self, chat: JSON, user: JSON, emoji: str = "👍") -> JSON:
        sticker = {
            **self._file("CAACAgIAAxkBAAI"),
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
            "emoji": emoji,
            "set_name": "HotCherry",
            "file_size": 22_318,
        }
        return await self._user_post(chat, user, {"sticker": sticker})

    async def send_voice(self, chat: JSON, user: JSON, duration: int = 3) -> JSON:
        voice = {
            **self._file("AwACAgIAAxkBAAI"),
            "duration": duration,
            "mime_type": "audio/ogg",
            "file_size": 9_412,
        }
        return await self._user_post(chat, user, {"voice": voice})

    async def send_document(
        self, chat: JSON, user: JSON, file_name: str = "report.pdf", caption: str | None = None
    ) -> JSON:
        document = {
            **self._file("BQACAgIAAxkBAAI"),
            "file_name": file_name,
            "mime_type": "application/pdf",
            "file_size": 48_213,
        }
        return await self._user_post(chat, user, {"document": document, **_caption_fields(caption)})

    async def edit_text(self, message: JSON, new_text: str) -> JSON:
        """The user edits one of their messages: queues `edited_message`/`edited_channel_post`."""
        stored = self._current(message)
        stored.pop("entities", None)
        stored.update(_text_fields(new_text), edit_date=_now())
        kind = "edited_channel_post" if stored["chat"]["type"] == "channel" else "edited_message"
        await self._queue_update(kind, stored)
        return stored

    async def channel_post(self, chat: JSON, text: str) -> JSON:
        message: JSON = {
            "message_id": self._new_message_id(chat["id"]),
            "sender_chat": dict(chat),
            "chat": dict(chat),
            "date": _now(),
            **_text_fields(text),
        }
        self._store(message)
        await self._queue_update("channel_post", message)
        return message

    async def inline_query(self, user: JSON, query: str, offset: str = "") -> JSON:
        """Queue an `inline_query` update; returns the InlineQuery dict (its "id" identifies it)."""
        inline: JSON = {
            "id": str(next(self._query_ids)),
            "from": user,
            "query": query,
            "offset": offset,
        }
        self._pending_inline.add(inline["id"])
        await self._queue_update("inline_query", inline)
        return inline

    async def press_button(
        self, message: JSON, callback_data: str, user: JSON, *, check: bool = True
    ) -> JSON:
        """Queue a `callback_query` for an inline button; returns the CallbackQuery dict.

        With ``check`` the button must exist on the message's current keyboard (catches
        tests pressing buttons the bot never offered).
        """
        current = copy.deepcopy(self._current(message))
        if check and callback_data not in _callback_datas(current):
            raise ValueError(
                f"no button with callback_data={callback_data!r} on message: {current}"
            )
        chat_id = current["chat"]["id"]
        query: JSON = {
            "id": str(next(self._query_ids)),
            "from": user,
            "message": current,
            # chat_instance is an opaque, stable per-chat identifier.
            "chat_instance": str((chat_id * 1_000_003 + self.bot_id) % 10**19),
            "data": callback_data,
        }
        self._pending_callbacks.add(query["id"])
        await self._queue_update("callback_query", query)
        return query

    def messages_to(self, chat_id: int) -> list[JSON]:
        """Messages the bot sent to the chat (live dicts, edits applied), oldest first."""
        return list(self._sent_by_chat.get(chat_id, ()))

    def calls_to(self, method: str) -> list[JSON]:
        return [params for name, params in self.calls if name == method]

    async def wait_for_messages(
        self, chat_id: int, count: int = 1, timeout: float = 5.0
    ) -> list[JSON]:
        """Wait until the bot has sent at least ``count`` messages to the chat; returns them all."""
        if not await self._wait(lambda: len(self._sent_by_chat.get(chat_id, ())) >= count, timeout):
            texts = [m.get("text") for m in self.messages_to(chat_id)]
            raise TimeoutError(
                f"bot sent {len(texts)} of {count} expected message(s) to chat {chat_id} "
                f"within {timeout}s: {texts!r}; recent calls: {self._recent_calls()}"
            )
        return self.messages_to(chat_id)

    async def wait_for_edit(
        self, chat_id: int, message_id: int, timeout: float = 5.0, *, count: int = 1
    ) -> JSON:
        """Wait until the message was edited at least ``count`` times; returns it (edited)."""
        key = (chat_id, message_id)
        if not await self._wait(lambda: self._edit_counts[key] >= count, timeout):
            raise TimeoutError(
                f"message {message_id} in chat {chat_id} edited {self._edit_counts[key]} of "
                f"{count} "
                f"time(s) within {timeout}s; recent calls: {self._recent_calls()}"
            )
        # A message deleted after its edit is only left in the edit log.
        return self._messages.get(key) or next(
            e
            for e in reversed(self.edits)
            if (e.get("chat", {}).get("id"), e.get("message_id")) == key
        )

    async def wait_for_call(
        self,
        method: str,
        predicate: Callable[[JSON], bool] | None = None,
        timeout: float = 5.0,
        *,
        start: int = 0,
    ) -> JSON:
        """Params of the first ``method`` call in ``calls[start:]`` matching ``predicate``."""

        def find() -> JSON | None:
            for name, params in self.calls[start:]:
                if name == method and (predicate is None or predicate(params)):
                    return params
            return None

        if not await self._wait(lambda: find() is not None, timeout):
            raise TimeoutError(
                f"no matching {method} call within {timeout}s; recent calls: {self._recent_calls()}"
            )
        return find()  # type: ignore[return-value]

    async def wait_inline_answer(self, inline_query_id: str, timeout: float = 5.0) -> JSON:
        """The answerInlineQuery params (``results`` decoded) for that query."""
        if not await self._wait(lambda: inline_query_id in self.inline_answers, timeout):
            raise TimeoutError(f"inline query {inline_query_id} not answered within {timeout}s")
        return self.inline_answers[inline_query_id]

    async def wait_callback_answer(self, callback_query_id: str, timeout: float = 5.0) -> JSON:
        """The answerCallbackQuery params for that callback query."""
        if not await self._wait(lambda: callback_query_id in self.callback_answers, timeout):
            raise TimeoutError(f"callback query {callback_query_id} not answered within {timeout}s")
        return self.callback_answers[callback_query_id]

    def fail_next(
        self,
        method: str,
        times: int = 1,
        status: int = 429,
        retry_after: int = 1,
        description: str | None = None,
    ) -> None:
        """Answer the next ``times`` calls of ``method`` with an error instead of executing them."""
        self._faults[method.lower()].extend([_Fault(status, retry_after, description)] * times)

    def drop_next(self, method: str, times: int = 1) -> None:
        """Close the connection of the next ``times`` calls of ``method`` without answering."""
        self._faults[method.lower()].extend([_Fault(None)] * times)

    # ------------------------------------------------------------------ test-side internals

    def _as_chat(self, chat_or_user: JSON) -> JSON:
        if "type" in chat_or_user:
            return chat_or_user
        return self._chats[chat_or_user["id"]]  # a User dict: their private chat

    def _current(self, message: JSON) -> JSON:
        """The stored (possibly edited) version of a message dict held by a test."""
        return self._messages.get((message["chat"]["id"], message["message_id"]), message)

    async def _user_post(
        self, chat: JSON, user: JSON, fields: JSON, reply_to: JSON | None = None
    ) -> JSON:
        chat = self._as_chat(chat)
        message: JSON = {
            "message_id": self._new_message_id(chat["id"]),
            "from": user,
            "chat": dict(chat),
            "date": _now(),
        }
        if reply_to is not None:
            message["reply_to_message"] = _without_reply(self._current(reply_to))
        message.update(fields)
        self._store(message)
        await self._queue_update("message", message)
        return message

    async def _queue_update(self, kind: str, payload: JSON) -> JSON:
        # Snapshot: later edits of the stored object must not alter an undelivered update.
        update = {"update_id": next(self._update_ids), kind: copy.deepcopy(payload)}
        self._queue.append(update)
        self.updates.append(update)
        self._notify()
        return update

    def _file(self, prefix: str) -> JSON:
        n = next(self._file_ids)
        return {"file_id": f"{prefix}{n:08d}", "file_unique_id": f"AQAD{n:06d}"}

    def _recent_calls(self, limit: int = 8) -> str:
        interesting = [(m, p) for m, p in self.calls if m != "getUpdates"][-limit:]
        return ", ".join(_describe_call(m, p) for m, p in interesting) or "none"


_ADMIN_RIGHTS: JSON = {
    "is_anonymous": False,
    "can_manage_chat": True,
    "can_delete_messages": True,
    "can_manage_video_chats": True,
    "can_restrict_members": True,
    "can_promote_members": False,
    "can_change_info": True,
    "can_invite_users": True,
    "can_post_stories": False,
    "can_edit_stories": False,
    "can_delete_stories": False,
    "can_pin_messages": True,
}


def _update_type(update: JSON) -> str:
    return next(key for key in update if key != "update_id")


def _text_fields(text: str) -> JSON:
    entities = find_entities(text)
    return {"text": text, "entities": entities} if entities else {"text": text}


def _caption_fields(caption: str | None) -> JSON:
    if not caption:
        return {}
    entities = find_entities(caption)
    return {"caption": caption, "caption_entities": entities} if entities else {"caption": caption}


def _check_command(command: Any) -> None:
    if not isinstance(command, dict) or not _COMMAND_NAME.match(str(command.get("command", ""))):
        raise bad_request("BOT_COMMAND_INVALID")
    if not 1 <= len(str(command.get("description", "")).strip()) <= 256:
        raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")


def _inline_markup(markup: Any) -> JSON | None:
    """Validate reply_markup; only inline keyboards are echoed back in the Message."""
    if not isinstance(markup, dict) or "inline_keyboard" not in markup:
        return None
    rows = markup["inline_keyboard"]
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise bad_request('can\'t parse inline keyboard: field "inline_keyboard" must be an Array')
    for button in itertools.chain.from_iterable(rows):
        _check_button(button)
    return {"inline_keyboard": rows}


def _check_button(button: Any) -> None:
    if not isinstance(button, dict) or not button.get("text"):
        raise bad_request("can't parse inline keyboard button: Text must be non-empty")
    if not BUTTON_ACTIONS & button.keys():
        raise bad_request(
            "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"
        )
    data = button.get("callback_data")
    if data is not None and not 1 <= len(str(data).encode("utf-8")) <= 64:
        raise bad_request("BUTTON_DATA_INVALID")


def _callback_datas(message: JSON) -> set[str]:
    rows = (message.get("reply_markup") or {}).get("inline_keyboard", [])
    return {
        str(b["callback_data"]) for b in itertools.chain.from_iterable(rows) if "callback_data" in b
    }

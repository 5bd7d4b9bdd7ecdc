"""Sending and editing messages robustly: bounded retries on network errors, plain-text fallback.

429 (RetryAfter) is handled below us by PTB's AIORateLimiter; this layer covers what it does not:
dropped connections and timeouts, and HTML that Telegram refuses to parse.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import TypeVar

from telegram import Bot, InlineKeyboardMarkup, Message, ReplyParameters
from telegram.error import BadRequest, NetworkError

from .render import render_plain

log = logging.getLogger(__name__)

T = TypeVar("T")
ATTEMPTS = 3
BACKOFF_SECONDS = 0.5


async def with_retries(call: Callable[[], Awaitable[T]], attempts: int = ATTEMPTS) -> T:
    """Run ``call`` again after a network error, at most ``attempts`` times (flood waits, 429, are
    AIORateLimiter's: it sits below every call and already waits them out)."""
    for attempt in range(1, attempts + 1):
        try:
            return await call()
        except BadRequest:
            raise  # a subclass of NetworkError, but retrying the same request cannot help
        except NetworkError as exc:  # TimedOut included; a timed-out send may rarely arrive twice
            if attempt == attempts:
                raise
            log.info("network error (%s); retry %d of %d", exc, attempt, attempts - 1)
            await asyncio.sleep(BACKOFF_SECONDS * attempt)
    raise AssertionError("unreachable")


def _cannot_parse(exc: BadRequest) -> bool:
    return "can't parse entities" in exc.message.lower() or "unsupported start tag" in exc.message.lower()


async def send_html(bot: Bot, chat_id: int, html: str, *, reply_to: int | None = None,
                    markup: InlineKeyboardMarkup | None = None) -> Message:
    """Send ``html``; if Telegram cannot parse it, send the same text as plain text."""
    reply = ReplyParameters(reply_to, allow_sending_without_reply=True) if reply_to else None
    try:
        return await with_retries(lambda: bot.send_message(chat_id, html, reply_parameters=reply,
                                                           reply_markup=markup))
    except BadRequest as exc:
        if not _cannot_parse(exc):
            raise
        log.warning("Telegram refused our HTML (%s); sending plain text", exc.message)
        return await with_retries(lambda: bot.send_message(chat_id, render_plain(html), parse_mode=None,
                                                           reply_parameters=reply, reply_markup=markup))


async def edit_html(bot: Bot, chat_id: int, message_id: int, html: str, *,
                    markup: InlineKeyboardMarkup | None = None) -> None:
    """Replace a message's text; an unchanged text is not an error, unparsable HTML goes plain."""
    try:
        await with_retries(lambda: bot.edit_message_text(html, chat_id, message_id, reply_markup=markup))
    except BadRequest as exc:
        if "not modified" in exc.message.lower():
            return
        if not _cannot_parse(exc):
            raise
        log.warning("Telegram refused our HTML (%s); editing as plain text", exc.message)
        await with_retries(lambda: bot.edit_message_text(render_plain(html), chat_id, message_id, parse_mode=None,
                                                         reply_markup=markup))

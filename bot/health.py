"""A background check of the serving index's files, so admins hear of damage before a restart does.

The bot answers from the index it loaded into memory, so a deleted or truncated index folder does
not stop answers; it would only show at the next start-up, as an outage. Checking file sizes every
``index_check_seconds`` costs microseconds and turns that into a message to the admins now.
"""

from __future__ import annotations

import asyncio
import html
import logging

from telegram.error import TelegramError
from telegram.ext import Application

from .i18n import t

log = logging.getLogger(__name__)


async def watch_index(app: Application, interval: float) -> None:
    """Every ``interval`` seconds: on newly found damage, log it and tell each admin once."""
    deps = app.bot_data["deps"]
    reported: str | None = None
    while True:
        await asyncio.sleep(interval)
        problem = await asyncio.to_thread(deps.service.disk_damage)
        if problem and problem != reported:
            log.error("index damaged on disk: %s (still answering from memory; /reindex rebuilds)", problem)
            await _tell_admins(app, problem)
        reported = problem


async def _tell_admins(app: Application, problem: str) -> None:
    deps = app.bot_data["deps"]
    for admin_id in sorted(deps.settings.admin_user_ids):
        lang = deps.prefs.get(admin_id) or deps.settings.default_language
        try:
            await app.bot.send_message(admin_id, html.escape(t("index_damaged", lang, reason=problem)))
        except TelegramError as exc:  # an admin who never opened a chat with the bot
            log.warning("could not tell admin %s about the damaged index: %s", admin_id, exc)


def start_watching(app: Application, interval: float) -> None:
    if interval > 0:
        app.bot_data["index_watch"] = asyncio.create_task(watch_index(app, interval), name="index-watch")


async def stop_watching(app: Application) -> None:
    task = app.bot_data.pop("index_watch", None)
    if task:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)

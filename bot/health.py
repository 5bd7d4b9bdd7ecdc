"""A background watch on the index: newly published builds are served, damage is told to admins.

The bot answers from the index it loaded into memory. A build published by someone else (an admin
running ``python -m index build``) therefore reaches users only once the bot loads it, and a
deleted or truncated index folder does not stop answers; it would only show at the next start-up,
as an outage. Every ``index_check_seconds`` the watch swaps in a new build, if there is one, and
checks the serving index's file sizes (microseconds), telling the admins now what would otherwise
surface later.
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
    """Every ``interval`` seconds: serve a newly published build, then check the serving index's
    files; log what changed and tell each admin once about a build or damage."""
    deps = app.bot_data["deps"]
    reported: str | None = None
    while True:
        await asyncio.sleep(interval)
        await _pick_up_new_build(app)
        problem = await asyncio.to_thread(deps.service.disk_damage)
        if problem and problem != reported:
            log.error("index damaged on disk: %s (still answering from memory; /reindex rebuilds)", problem)
            await _tell_admins(app, "index_damaged", reason=problem)
        reported = problem


async def _pick_up_new_build(app: Application) -> None:
    # The service tries each published build once, so a failure comes back once per build.
    found = await asyncio.to_thread(app.bot_data["deps"].service.pick_up_new_build)
    if found.build is None:
        return
    if found.error is None:
        log.info("now serving %s: %d articles, %d chunks", found.build, found.articles, found.chunks)
        return
    log.error("could not load the published build %s: %s; not switching to it", found.build, found.error)
    await _tell_admins(app, "index_build_rejected", build=found.build.name, reason=found.error)


async def _tell_admins(app: Application, key: str, **values: object) -> None:
    deps = app.bot_data["deps"]
    for admin_id in sorted(deps.settings.admin_user_ids):
        lang = deps.prefs.get(admin_id) or deps.settings.default_language
        try:
            await app.bot.send_message(admin_id, html.escape(t(key, lang, **values)))
        except TelegramError as exc:  # an admin who never opened a chat with the bot
            log.warning("could not tell admin %s about the index (%s): %s", admin_id, key, exc)


def start_watching(app: Application, interval: float) -> None:
    if interval > 0:
        app.bot_data["index_watch"] = asyncio.create_task(watch_index(app, interval), name="index-watch")


async def stop_watching(app: Application) -> None:
    task = app.bot_data.pop("index_watch", None)
    if task:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)

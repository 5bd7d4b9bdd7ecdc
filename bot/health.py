"""A background watch on the index: newly published builds are served, damage is told to admins.

Every ``index_check_seconds`` the watch runs an ``IndexCheck`` (see ``bot.index_check``), telling
the admins now what would otherwise surface later, as an outage at the next start-up.
"""

from __future__ import annotations

import asyncio
import html
import logging

from telegram.error import TelegramError
from telegram.ext import Application

from .i18n import t
from .index_check import IndexCheck

log = logging.getLogger(__name__)


async def watch_index(app: Application, interval: float) -> None:
    """Every ``interval`` seconds: serve a newly published build, then check the serving index's
    files; tell each admin once about a build that could not be loaded, or damage (the log says
    the rest)."""
    check = IndexCheck(app.bot_data["deps"].service)
    while True:
        await asyncio.sleep(interval)
        try:
            for notice in await asyncio.to_thread(check.run):
                if notice.problem:
                    await _tell_admins(app, notice.key, **notice.values)
        except Exception:
            # Nothing awaits this task until the bot stops, and stop_watching discards its result:
            # one escaped exception would end the watch for good, unseen. The log is redacted.
            log.exception("the index check failed; the next one runs in %s s", interval)


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

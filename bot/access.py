"""Who may run admin commands: ADMIN_USER_IDS everywhere, plus a group's own administrators there."""

from __future__ import annotations

import logging
import time

from telegram import Bot, Chat, User
from telegram.constants import ChatType
from telegram.error import TelegramError

from .sending import with_retries

log = logging.getLogger(__name__)

_MAX_CHATS = 1000


class AdminCheck:
    """Answers "is this user an admin here?", caching each group's administrators for a while."""

    def __init__(self, admin_ids: set[int], cache_seconds: float = 300, clock=time.monotonic):
        self._ids = frozenset(admin_ids)
        self._ttl, self._clock = cache_seconds, clock
        self._groups: dict[int, tuple[float, frozenset[int]]] = {}

    async def is_admin(self, bot: Bot, chat: Chat | None, user: User | None) -> bool:
        if user is None:
            return False
        if user.id in self._ids:
            return True
        if chat is None or chat.type not in (ChatType.GROUP, ChatType.SUPERGROUP):
            return False
        return user.id in await self._group_admins(bot, chat.id)

    async def _group_admins(self, bot: Bot, chat_id: int) -> frozenset[int]:
        now = self._clock()
        cached = self._groups.get(chat_id)
        if cached and cached[0] > now:
            return cached[1]
        try:
            members = await with_retries(lambda: bot.get_chat_administrators(chat_id))
        except TelegramError as exc:  # fail closed: nobody but ADMIN_USER_IDS gets admin rights
            log.warning("cannot list administrators of chat %s: %s", chat_id, exc)
            return frozenset()
        admins = frozenset(member.user.id for member in members)
        if len(self._groups) >= _MAX_CHATS:
            self._groups.clear()
        self._groups[chat_id] = (now + self._ttl, admins)
        return admins

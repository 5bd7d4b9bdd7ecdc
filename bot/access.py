"""Who is an admin: the bot's operators, listed in ADMIN_USER_IDS, and nobody else.

A group's own administrators are not: anyone can create a group and add the bot, and what admins
do touches the whole bot (the one shared index, server paths in /stats, internal failure reasons).
"""

from __future__ import annotations

from telegram import User


class AdminCheck:
    """Answers "is this user a bot operator?"."""

    def __init__(self, admin_ids: set[int]):
        self._ids = frozenset(admin_ids)

    def is_operator(self, user: User | None) -> bool:
        """Listed in ADMIN_USER_IDS: may rebuild the index, see /stats and internal reasons."""
        return user is not None and user.id in self._ids

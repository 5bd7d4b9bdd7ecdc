"""What the bot remembers of recent answers, in memory only: after a restart it starts afresh.

Each memory keeps only its last few thousand entries (``Recent``), so a busy bot's memory stays bounded.
"""

from __future__ import annotations

import secrets
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Generic, TypeVar

from .answer import Answer
from .follow_up import refers_back

K = TypeVar("K")
V = TypeVar("V")


class Recent(Generic[K, V]):
    """The last ``size`` items put, by key; reading one keeps it longer."""

    def __init__(self, size: int):
        self._size = size
        self._items: OrderedDict[K, V] = OrderedDict()

    def put(self, key: K, value: V) -> None:
        self._items[key] = value
        self._items.move_to_end(key)
        if len(self._items) > self._size:
            self._items.popitem(last=False)

    def get(self, key: K) -> V | None:
        value = self._items.get(key)
        if value is not None:
            self._items.move_to_end(key)
        return value


class AnswerCache:
    """The last ``size`` answers by a short random key, so a button can ask for their next page."""

    def __init__(self, size: int = 512):
        self._items: Recent[str, Answer] = Recent(size)

    def remember(self, answer: Answer) -> str:
        key = secrets.token_urlsafe(6)  # 8 characters: "more:<page>:<key>" stays far below 64 bytes
        self._items.put(key, answer)
        return key

    def recall(self, key: str) -> Answer | None:
        return self._items.get(key)


class FollowUps:
    """What each recent answer message answered, by ``(chat, message id)``: a reply to an answer
    asks a follow-up of it. Also each asker's last question in a chat, for a follow-up typed
    without replying (see ``follow_up``), for ``LAST_SECONDS``. In memory only: after a restart a
    reply is searched alone."""

    _KEPT_CHARS = 600  # the end of a long chain of follow-ups is what the next one refers to
    LAST_SECONDS = 1800.0  # "and when did it close?" an hour later is not about the old question

    def __init__(self, size: int = 4096, clock: Callable[[], float] = time.monotonic):
        self._items: Recent[tuple[int, int], str] = Recent(size)
        self._last: Recent[tuple[int, int], tuple[float, str]] = Recent(size)
        self._clock = clock

    def remember(self, chat_id: int, message_id: int, answer: Answer) -> None:
        """Record what the message answered: its question, after the one it followed up if the
        search used that."""
        self._items.put((chat_id, message_id), self._context(answer))

    def recall(self, chat_id: int, message_id: int) -> str | None:
        return self._items.get((chat_id, message_id))

    def remember_last(self, chat_id: int, user_id: int, answer: Answer) -> None:
        """Record ``answer`` as the last one ``user_id`` was given in ``chat_id``."""
        self._last.put((chat_id, user_id), (self._clock(), self._context(answer)))

    def last(self, chat_id: int, user_id: int) -> str | None:
        """What ``user_id`` last asked in ``chat_id``, if recently."""
        entry = self._last.get((chat_id, user_id))
        return entry[1] if entry and self._clock() - entry[0] <= self.LAST_SECONDS else None

    def carried_on(self, chat_id: int, user_id: int, question: str) -> str | None:
        """What ``question``, sent without a reply, follows up: ``user_id``'s last question in
        ``chat_id``, where it reads as carrying on from it (``refers_back``)."""
        return self.last(chat_id, user_id) if refers_back(question) else None

    def _context(self, answer: Answer) -> str:
        asked = answer.result.question
        if answer.result.follow_up and answer.follow_up_of:
            # a follow-up that found nothing ("what about Japan?") leaves the subject as it was: a
            # user test's next "and when did it close?" was read with Japan and refused as well
            context = f"{answer.follow_up_of}\n{asked}" if answer.result.found else answer.follow_up_of
        else:
            context = asked
        return context[-self._KEPT_CHARS:]

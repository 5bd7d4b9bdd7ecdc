"""Pacing against a clock: how many questions a user may ask, how often a repeated chore runs.

The clock is an argument, so tests move time by hand rather than sleep.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable

Clock = Callable[[], float]

# Past this many users in a table, idle ones are forgotten, so memory stays bounded.
_MAX_KEYS = 10_000


class RateLimiter:
    """Sliding window: at most ``limit`` events per key in any ``window`` seconds."""

    def __init__(self, limit: int, window: float = 60.0, clock: Clock = time.monotonic):
        self._limit, self._window, self._clock = limit, window, clock
        self._events: dict[object, deque[float]] = {}
        self._told: dict[object, float] = {}  # key → when the refusal it was last told of ends
        self._next_prune = float("-inf")

    def allow(self, key: object) -> tuple[bool, float]:
        """Record an event for ``key`` if allowed; otherwise say how many seconds to wait."""
        now = self._clock()
        # At most once a window: with more active users than _MAX_KEYS, pruning keeps them all,
        # and copying the tables on every request would cost time in proportion to the users.
        if now >= self._next_prune and max(len(self._events), len(self._told)) > _MAX_KEYS:
            self._forget_idle(now)
        events = self._events.setdefault(key, deque())
        while events and events[0] <= now - self._window:
            events.popleft()
        if len(events) >= self._limit:
            return False, round(events[0] + self._window - now, 1)
        events.append(now)
        return True, 0.0

    def _forget_idle(self, now: float) -> None:
        """Drop users with no event in the window and refusals that have ended."""
        self._events = {k: v for k, v in self._events.items() if v and v[-1] > now - self._window}
        self._told = {k: v for k, v in self._told.items() if v > now}
        self._next_prune = now + self._window

    def first_refusal(self, key: object) -> bool:
        """After ``allow`` refused ``key``: whether it is the first refusal until the same event
        leaves the window, the one worth telling the user about. A user test sent 8 questions at
        once in a group and got 3 identical public "too quickly" replies."""
        events = self._events.get(key)
        if not events:
            return True
        ends = events[0] + self._window
        if self._told.get(key) == ends:
            return False
        self._told[key] = ends  # pruned in allow(), which comes first
        return True


class Throttle:
    """True at most once per ``interval`` seconds (the first call always)."""

    def __init__(self, interval: float, clock: Clock):
        self._interval, self._clock, self._last = interval, clock, None

    def ready(self) -> bool:
        now = self._clock()
        if self._last is not None and now - self._last < self._interval:
            return False
        self._last = now
        return True

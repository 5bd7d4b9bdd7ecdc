"""Pacing against a clock: how many questions a user may ask, how often a repeated chore runs.

The clock is an argument, so tests move time by hand rather than sleep.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable

Clock = Callable[[], float]


class RateLimiter:
    """Sliding window: at most ``limit`` events per key in any ``window`` seconds."""

    def __init__(self, limit: int, window: float = 60.0, clock: Clock = time.monotonic):
        self._limit, self._window, self._clock = limit, window, clock
        self._events: dict[object, deque[float]] = {}
        self._told: dict[object, float] = {}  # key → when the refusal it was last told of ends

    def allow(self, key: object) -> tuple[bool, float]:
        """Record an event for ``key`` if allowed; otherwise say how many seconds to wait."""
        now = self._clock()
        events = self._events.setdefault(key, deque())
        while events and events[0] <= now - self._window:
            events.popleft()
        if len(events) >= self._limit:
            return False, round(events[0] + self._window - now, 1)
        events.append(now)
        if len(self._events) > 10_000:  # forget idle users so memory stays bounded
            self._events = {k: v for k, v in self._events.items() if v and v[-1] > now - self._window}
        return True, 0.0

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
        self._told[key] = ends
        if len(self._told) > 10_000:
            now = self._clock()
            self._told = {k: v for k, v in self._told.items() if v > now}
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

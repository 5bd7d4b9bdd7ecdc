"""The rate limiter's memory: idle users are forgotten, at most once a window."""

from __future__ import annotations

from bot.limits import _MAX_KEYS as MAX_KEYS
from bot.limits import Clock, RateLimiter


class CountingLimiter(RateLimiter):
    """Counts how often the tables are pruned (each prune copies them: its cost grows with the users)."""

    def __init__(self, limit: int, window: float, clock: Clock) -> None:
        super().__init__(limit, window, clock)
        self.prunes = 0

    def _forget_idle(self, now: float) -> None:
        self.prunes += 1
        super()._forget_idle(now)


def test_more_active_users_than_the_table_holds_are_pruned_once_a_window() -> None:
    now = [1000.0]
    limiter = CountingLimiter(1, window=60, clock=lambda: now[0])
    assert limiter.allow("early")[0] and not limiter.allow("early")[0]
    assert limiter.first_refusal("early")
    for user in range(MAX_KEYS + 5_000):  # all active within one window
        now[0] += 0.001
        assert limiter.allow(user)[0]
    # once pruned, the table stays above the bound: pruning on every request copied it each time
    assert limiter.prunes == 1
    assert not limiter.allow("early")[0], "a user active in the window keeps their limit through a prune"
    assert not limiter.first_refusal("early"), "and a refusal told stays told"
    now[0] += 61  # the window has moved: everyone above is idle now
    assert limiter.allow("late")[0]
    assert limiter.prunes == 2
    assert list(limiter._events) == ["late"] and not limiter._told


def test_a_small_table_is_never_pruned() -> None:
    now = [1000.0]
    limiter = CountingLimiter(1, window=60, clock=lambda: now[0])
    for user in range(MAX_KEYS):
        now[0] += 1
        assert limiter.allow(user)[0]
    assert limiter.prunes == 0

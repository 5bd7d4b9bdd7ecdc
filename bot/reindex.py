"""Serving a new build: rebuilding the index on /reindex, and what a look for a build published
elsewhere (``python -m index build``) found.

A rebuild embeds for tens of seconds or more, so it runs in a worker thread; the event loop only
awaits it and keeps answering, from the old index, meanwhile.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import Awaitable, Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from index import BuildCancelled, BuildInProgress, BuildReport, RetrievalError, build_index, load_index_for

from .limits import Clock, Throttle

if TYPE_CHECKING:
    from .service import AnswerService

log = logging.getLogger(__name__)

Progress = Callable[[int, int], Awaitable[None]]


@dataclass(frozen=True)
class ReindexOutcome:
    """What a /reindex did: a report, or why not (``busy``: another build was running;
    ``stopped``: the bot is shutting down)."""

    report: BuildReport | None = None
    error: str | None = None
    busy: bool = False
    stopped: bool = False


@dataclass(frozen=True)
class BuildPickup:
    """What looking for a newly published build found. ``build`` None: nothing new. Otherwise that
    build now serves (``articles``, ``chunks``), or ``error`` says why it could not be loaded and
    whatever served before still does."""

    build: Path | None = None
    articles: int = 0
    chunks: int = 0
    error: str | None = None


class Reindexer:
    """Rebuilds the index in a worker thread and swaps it in; the old one serves until then."""

    def __init__(self, service: AnswerService, throttle_seconds: float = 2.0, clock: Clock = time.monotonic):
        self._service = service
        self._throttle_seconds, self._clock = throttle_seconds, clock
        self._executor = ThreadPoolExecutor(1, thread_name_prefix="reindex")
        self._running = False
        # Set once, when the bot stops: Python waits for the worker thread at exit, so a build
        # must end at its next batch rather than embed on for minutes after SIGTERM.
        self._stop = threading.Event()

    @property
    def running(self) -> bool:
        return self._running

    async def run(self, progress: Progress | None = None) -> ReindexOutcome:
        """Build, load and swap in a new index, reporting ``(done, total)`` at most every few seconds."""
        if self._running:
            return ReindexOutcome(busy=True, error="a rebuild is already running")
        if self._stop.is_set():
            return ReindexOutcome(error="the bot is shutting down", stopped=True)
        self._running = True
        reports: list[Future] = []
        try:
            report = await asyncio.get_running_loop().run_in_executor(
                self._executor, self._rebuild, self._progress_from_thread(progress, reports))
            return ReindexOutcome(report=report)
        except BuildCancelled as exc:
            log.warning("reindex stopped: %s", exc)
            return ReindexOutcome(error=str(exc), stopped=True)
        except BuildInProgress as exc:
            return ReindexOutcome(busy=True, error=str(exc))
        except RetrievalError as exc:
            log.warning("reindex failed: %s", exc)
            return ReindexOutcome(error=str(exc))
        except Exception as exc:  # an unexpected failure must still leave the old index serving
            log.exception("reindex failed")
            return ReindexOutcome(error=f"{type(exc).__name__}: {exc}")
        finally:
            if self._stop.is_set():  # stopping: progress edits still in flight are not worth waiting for
                for pending in reports:
                    pending.cancel()
            # Progress edits still in flight must land before the caller writes the final summary.
            await asyncio.gather(*(asyncio.wrap_future(f) for f in reports), return_exceptions=True)
            self._running = False

    def _progress_from_thread(self, progress: Progress | None, reports: list[Future]):
        """A build-thread callback that hands throttled, serialized progress to the event loop."""
        if progress is None:
            return None
        loop, lock = asyncio.get_running_loop(), asyncio.Lock()
        throttle = Throttle(self._throttle_seconds, self._clock)

        async def report(done: int, total: int) -> None:
            async with lock:
                await progress(done, total)

        def from_thread(done: int, total: int) -> None:
            if throttle.ready():
                reports.append(asyncio.run_coroutine_threadsafe(report(done, total), loop))
        return from_thread

    def _rebuild(self, progress: Callable[[int, int], None] | None) -> BuildReport:
        service = self._service
        report = build_index(service.index_settings, service.embedder, progress, self._stop)
        log_skipped(report)
        service.install(load_index_for(service.index_settings))
        return report

    def stop(self) -> None:
        """End a running build at its next batch, and refuse new ones: the bot is shutting down.
        The old index serves until then; the build leaves nothing behind."""
        self._stop.set()

    def close(self) -> None:
        self.stop()
        self._executor.shutdown(wait=False, cancel_futures=True)


def log_skipped(report: BuildReport) -> None:
    """Every seed file left out, for the admin: the /reindex summary has room for only some."""
    for skipped in report.skipped:
        log.warning("skipped seed file %s: %s", skipped.doc, skipped.reason)

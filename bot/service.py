"""The question pipeline shared by the Telegram handlers and the terminal, free of any transport.

Embedding a question costs ~100 ms of CPU and a rebuild tens of seconds, so both run in worker
threads: the event loop only awaits them and keeps answering other chats meanwhile.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
import statistics
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Awaitable, Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from index import (
    BuildCancelled,
    BuildInProgress,
    BuildReport,
    Embedder,
    EmptyQuery,
    IndexCorrupted,
    IndexMismatch,
    IndexNotBuilt,
    IndexSettings,
    LANGUAGES,
    index_damage,
    RetrievalError,
    SearchResult,
    Searcher,
    SentenceTransformerEmbedder,
    build_index,
    is_confident,
    load_index_for,
    warm_up_language_detection,
)

from .examples import SAMPLE_EXAMPLES, Example, choose_shown, read_examples
from .language import choose_language, in_another_language, strip_addressing
from .questions import best_question
from .settings import Settings

log = logging.getLogger(__name__)

Clock = Callable[[], float]
Progress = Callable[[int, int], Awaitable[None]]
_LATENCIES_KEPT = 500
K = TypeVar("K")
V = TypeVar("V")


class Unavailable(Exception):
    """No index can answer right now. The message is the reason, for admins and logs only."""


@dataclass(frozen=True)
class Answer:
    """A search result and the language the reply should be written in."""

    result: SearchResult
    lang: str
    # the question is in a language we do not reply in (Russian, French…): the reply says so
    other_language: bool = False
    follow_up_of: str | None = None  # the earlier question given as this one's context
    shortened: bool = False  # the message was too long to search whole: its last question was searched
    # the message asks several questions and, searched whole, found no sure answer: ``result`` is
    # that of the one of them answered best alone
    several: bool = False


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


class _Recent(Generic[K, V]):
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
        self._items: _Recent[str, Answer] = _Recent(size)

    def remember(self, answer: Answer) -> str:
        key = secrets.token_urlsafe(6)  # 8 characters: "more:<page>:<key>" stays far below 64 bytes
        self._items.put(key, answer)
        return key

    def recall(self, key: str) -> Answer | None:
        return self._items.get(key)


class FollowUps:
    """What each recent answer message answered, by ``(chat, message id)``: a reply to an answer
    asks a follow-up of it. In memory only: after a restart a reply is searched alone."""

    _KEPT_CHARS = 600  # the end of a long chain of follow-ups is what the next one refers to

    def __init__(self, size: int = 4096):
        self._items: _Recent[tuple[int, int], str] = _Recent(size)

    def remember(self, chat_id: int, message_id: int, answer: Answer) -> None:
        """Record what the message answered: its question, after the one it followed up if the
        search used that."""
        asked = answer.result.question
        context = f"{answer.follow_up_of}\n{asked}" if answer.result.follow_up and answer.follow_up_of else asked
        self._items.put((chat_id, message_id), context[-self._KEPT_CHARS:])

    def recall(self, chat_id: int, message_id: int) -> str | None:
        return self._items.get((chat_id, message_id))


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
        _log_skipped(report)
        service.install(load_index_for(service.index_settings))
        return report

    def stop(self) -> None:
        """End a running build at its next batch, and refuse new ones: the bot is shutting down.
        The old index serves until then; the build leaves nothing behind."""
        self._stop.set()

    def close(self) -> None:
        self.stop()
        self._executor.shutdown(wait=False, cancel_futures=True)


class AnswerService:
    """Answers questions from one loaded index; counts them, rate-limits users, rebuilds on demand, and
    knows which example questions the index answers."""

    def __init__(self, embedder: Embedder, index_settings: IndexSettings, searcher: Searcher | None, *,
                 default_language: str = "en", rate_limit_per_minute: int = 5, inline_rate_limit_per_minute: int = 20,
                 unavailable: str | None = None, examples: Iterable[Example] = SAMPLE_EXAMPLES,
                 clock: Clock = time.monotonic, workers: int = 2):
        self.embedder, self.index_settings = embedder, index_settings
        self.default_language = default_language
        self._searcher = searcher
        self._unavailable = unavailable or ("no index loaded" if searcher is None else None)
        self._executor = ThreadPoolExecutor(workers, thread_name_prefix="search")
        self._limiter = RateLimiter(rate_limit_per_minute, clock=clock)
        # Apart from questions: typing one inline question sends several queries, and must not use
        # up the questions a user then asks in chats
        self._inline_limiter = RateLimiter(inline_rate_limit_per_minute, clock=clock)
        self._latencies: deque[float] = deque(maxlen=_LATENCIES_KEPT)
        self._questions = 0
        self._install_lock = threading.Lock()
        self._rejected: Path | None = None  # the last published build that failed to load
        self.answers = AnswerCache()
        self.follow_ups = FollowUps()
        self._recent_languages: _Recent[int, str] = _Recent(8192)  # user id → language last answered in
        self.reindexer = Reindexer(self)
        self._examples = tuple(examples)
        # reply language → the examples the serving index answers; replaced whole at each install
        self._shown: dict[str, tuple[str, ...]] = self._choose_examples(searcher) if searcher else {}

    @classmethod
    def start(cls, settings: Settings, embedder: Embedder | None = None) -> AnswerService:
        """Load the model and the index (building it first if missing). Blocking: call before serving."""
        index = settings.index
        embedder = embedder or SentenceTransformerEmbedder.from_settings(index)
        searcher, unavailable = _open_or_build(index, embedder)
        warm_up_language_detection()  # not on the event loop, nor on the first question
        return cls(embedder, index, searcher, default_language=settings.default_language,
                   rate_limit_per_minute=settings.rate_limit_per_minute,
                   inline_rate_limit_per_minute=settings.inline_rate_limit_per_minute, unavailable=unavailable,
                   examples=read_examples(settings.examples_file))

    @property
    def unavailable(self) -> str | None:
        """Why no index is serving, or None when one is."""
        return self._unavailable

    def language_for(self, text: str | None, pinned: str | None = None, telegram_code: str | None = None,
                     bot_username: str | None = None, recent: str | None = None) -> str:
        """The reply language: pinned, else the text's own, else the user's last answer's
        (``recent``), else the app's, else the default."""
        lang = choose_language(text, pinned, telegram_code, self.default_language, bot_username, recent)
        searcher = self._searcher
        if lang in ("en", "vi") and pinned not in LANGUAGES and text and searcher is not None:
            # Banglish looks English (or, around Vietnamese names, Vietnamese) to the detector; the
            # search reads it as Bengali, and so must the replies made without one ("too long",
            # "too quickly"). About 1 ms.
            return searcher.asked_in(strip_addressing(text, bot_username)) or lang
        return lang

    def note_language(self, user_id: int, lang: str | None, pinned: str | None) -> None:
        """Remember that ``user_id`` was last answered in ``lang``: their next message that says
        nothing of its language ("👍", "Hmong") is answered in it. In memory only. Not while a
        language is pinned: an answer in it shows nothing of what the user reads."""
        if lang in LANGUAGES and pinned not in LANGUAGES:
            self._recent_languages.put(user_id, lang)

    def note_unpinned(self, user_id: int, pinned: str | None) -> None:
        """``user_id`` lifted their pinned language (/lang auto). They were answered in it, so it is
        the language they were last answered in: the confirmation, and a next message that says
        nothing of its language, come in it, not in an app language they may not read."""
        self.note_language(user_id, pinned, None)

    def recent_language(self, user_id: int) -> str | None:
        return self._recent_languages.get(user_id)

    async def ask(self, text: str, pinned: str | None = None, telegram_code: str | None = None,
                  follow_up_of: str | None = None, recent: str | None = None) -> Answer:
        """Search for ``text`` (as a follow-up of the question ``follow_up_of``, if given) off the
        event loop. Raises ``EmptyQuery`` or ``Unavailable``."""
        searcher = self._searcher
        if searcher is None:
            raise Unavailable(self._unavailable or "no index loaded")
        started = time.perf_counter()
        loop = asyncio.get_running_loop()
        try:
            answer = await loop.run_in_executor(self._executor, self._answer, searcher, text, pinned, telegram_code,
                                                follow_up_of, recent)
        except EmptyQuery:
            raise
        except RetrievalError as exc:
            raise Unavailable(str(exc)) from exc
        self._questions += 1
        self._latencies.append((time.perf_counter() - started) * 1000)
        return answer

    def _answer(self, searcher: Searcher, text: str, pinned: str | None, code: str | None,
                follow_up_of: str | None = None, recent: str | None = None) -> Answer:
        # Language detection runs here too, off the event loop: on a long text it costs milliseconds.
        whole = searcher.search(text, follow_up_of=follow_up_of)
        part = None if is_confident(whole) else best_question(searcher, text, whole, follow_up_of)
        result, several = (part, True) if part else (whole, False)
        if pinned in LANGUAGES:
            return Answer(result, pinned, follow_up_of=follow_up_of, several=several)
        if whole.asked_in:  # Banglish is Bengali, though its letters look English
            return Answer(result, whole.asked_in, follow_up_of=follow_up_of, several=several)
        # the search found it no makeshift typing (that is ``asked_in``): detection alone decides
        lang = choose_language(text, None, code, self.default_language, recent=recent)
        return Answer(result, lang, in_another_language(text), follow_up_of, several=several)

    def allow(self, user_id: object) -> tuple[bool, float]:
        """Whether ``user_id`` may ask now, else the seconds to wait."""
        return self._limiter.allow(user_id)

    def first_refusal(self, user_id: object) -> bool:
        """After ``allow`` refused ``user_id``: whether to tell them (once per wait), not again."""
        return self._limiter.first_refusal(user_id)

    def allow_inline(self, user_id: object) -> tuple[bool, float]:
        """Whether ``user_id`` may make an inline query now, else the seconds to wait."""
        return self._inline_limiter.allow(user_id)

    def install(self, index) -> None:
        """Serve ``index`` from now on; searches already running finish on the old one."""
        with self._install_lock:
            self._serve(index)

    def _serve(self, index) -> None:
        # the caller holds _install_lock
        self._shown = {}  # none until the new index has answered them: never one it may not answer
        if self._searcher is None:
            self._searcher = Searcher.with_settings(index, self.embedder, self.index_settings)
        else:
            self._searcher.swap(index)
        self._unavailable = None
        self._shown = self._choose_examples(self._searcher)

    def examples(self, lang: str) -> tuple[str, ...]:
        """The example questions to show readers of ``lang``: only those the serving index answers."""
        return self._shown.get(lang, ())

    def _choose_examples(self, searcher: Searcher) -> dict[str, tuple[str, ...]]:
        """Each example asked as a user's question would be, once per index installed (about 25 ms
        each); a refusal or a caveat hides it. Not counted in /stats."""
        def answers(question: str) -> bool:
            try:
                answer = self._answer(searcher, question, None, None)
            except RetrievalError:  # EmptyQuery too: a line of "???" asks nothing
                return False
            except Exception:  # an example is a courtesy: it must never stop an index from serving
                log.exception("could not try the example question %r", question)
                return False
            return is_confident(answer.result) and not answer.other_language

        shown = choose_shown(self._examples, answers)
        if self._examples and not any(shown.values()):
            log.warning("the serving index answers none of the %d example questions, so the help shows none; "
                        "EXAMPLES_FILE lists your own", len(self._examples))
        return shown

    def pick_up_new_build(self) -> BuildPickup:
        """Serve the build the live index now points at when it is not the one serving, e.g. one
        published by ``python -m index build``. Blocking (it loads the index); never raises: a
        build that cannot be loaded is reported once and not retried, and the old index serves on."""
        if self.reindexer.running:
            return BuildPickup()  # our own rebuild installs its build itself
        build = self._live_build()
        if build is None or build == self._rejected or build == self._serving_build():
            return BuildPickup()
        try:
            # This very build, not the one the link points at by now: the result must name the
            # build that was loaded or that failed.
            index = load_index_for(self.index_settings, build)
            if not self._install_if_live(build, index):
                return BuildPickup()
        except (RetrievalError, OSError) as exc:
            return self._reject(build, str(exc))
        except Exception as exc:  # an unexpected failure must still leave the old index serving
            log.exception("could not load the published build %s", build)
            return self._reject(build, f"{type(exc).__name__}: {exc}")
        return BuildPickup(build, len(index.manifest.articles), index.manifest.n_chunks)

    def _live_build(self) -> Path | None:
        """The build folder the live index points at, or None when there is none."""
        try:
            build = self.index_settings.index_path().resolve()
        except (OSError, RuntimeError):  # RuntimeError: a symlink loop
            return None
        return build if build.is_dir() else None

    def _serving_build(self) -> Path | None:
        searcher = self._searcher
        return searcher.index.path if searcher else None  # load() stores the resolved build folder

    def _install_if_live(self, build: Path, index) -> bool:
        with self._install_lock:
            # A /reindex that started after the running check may have published and installed a
            # newer build meanwhile: installing this one now would put the older build back.
            if self._live_build() != build:
                return False
            self._serve(index)
            return True

    def _reject(self, build: Path, reason: str) -> BuildPickup:
        # Build folders are never rewritten, so loading this one again would fail again (and cost
        # a full load every check); the next build published gets its own try.
        self._rejected = build
        if self._searcher is None:
            self._unavailable = reason  # admins asking a question now read the latest reason
        return BuildPickup(build, error=reason)

    def disk_damage(self) -> str | None:
        """Damage to the serving index's files since they were loaded (answers still work from
        memory, but a restart would not), or None."""
        searcher = self._searcher
        return index_damage(searcher.index) if searcher else None

    @property
    def serving(self) -> bool:
        """Whether an index is loaded and answering."""
        return self._searcher is not None

    def articles(self) -> list[dict]:
        """The indexed articles (doc, title, lang, url, chunks), empty when no index is loaded."""
        return list(self._searcher.index.manifest.articles) if self._searcher else []

    def stats(self) -> dict:
        """Figures for /stats: index size and age, questions answered, median latency."""
        manifest = self._searcher.index.manifest if self._searcher else None
        return {
            "articles": len(manifest.articles) if manifest else 0,
            "chunks": manifest.n_chunks if manifest else 0,
            "model": manifest.model if manifest else self.index_settings.model,
            # "torch-float32" here means the fast encoder could not be loaded (the log says why)
            "query_encoder": getattr(self.embedder, "query_backend", None),
            "built_at": manifest.built_at if manifest else None,
            "questions": self._questions,
            "p50_ms": round(statistics.median(self._latencies)) if self._latencies else None,
            # why no index serves, when none does: "Articles: 0" alone does not say it
            "unavailable": self._unavailable if self._searcher is None else None,
        }

    def close(self) -> None:
        self.reindexer.close()
        self._executor.shutdown(wait=False, cancel_futures=True)


def _log_skipped(report: BuildReport) -> None:
    """Every seed file left out, for the admin: the /reindex summary has room for only some."""
    for name, reason in report.skipped:
        log.warning("skipped seed file %s: %s", name, reason)


def _open_or_build(settings: IndexSettings, embedder: Embedder) -> tuple[Searcher | None, str | None]:
    """The live index, built first when missing or stale; on failure, None and the reason: the bot
    then serves "temporarily unavailable", as after a failed /reindex, until a rebuild works."""
    try:
        try:
            return Searcher.open(settings, embedder), None
        except (IndexNotBuilt, IndexCorrupted, IndexMismatch) as exc:
            log.warning("%s; building the index before serving", exc)
        report = build_index(settings, embedder)
        _log_skipped(report)
        log.info("built %s: %d articles, %d chunks in %.1f s", report.path, report.articles, report.chunks,
                 report.seconds)
        return Searcher.open(settings, embedder), None
    # OSError: INDEX_DIR under a regular file, not writable, a full disk; the message names the path
    except (RetrievalError, OSError) as exc:
        log.error("no index to serve: %s", exc)
        return None, str(exc)

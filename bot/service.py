"""The question pipeline shared by the Telegram handlers and the terminal, free of any transport,
and the bot's start-up: the model and the index loaded once, before serving.

Embedding a question costs ~100 ms of CPU, so searches run in worker threads: the event loop only
awaits them and keeps answering other chats meanwhile (a rebuild does the same, in ``reindex``).
"""

from __future__ import annotations

import asyncio
import logging
import statistics
import threading
import time
from collections import deque
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from index import (
    ArticleInfo,
    Embedder,
    EmptyQuery,
    IndexCorrupted,
    IndexMismatch,
    IndexNotBuilt,
    IndexSettings,
    LANGUAGES,
    index_damage,
    RetrievalError,
    Searcher,
    SentenceTransformerEmbedder,
    build_index,
    is_confident,
    load_index_for,
    warm_up_language_detection,
)

from .answer import Answer
from .examples import SAMPLE_EXAMPLES, Example, choose_shown
from .language import choose_language, in_another_language, strip_addressing, telegram_language
from .limits import Clock, RateLimiter
from .memory import AnswerCache, FollowUps, Recent
from .questions import reply_language_text
from .several import reply_to
from .reindex import BuildPickup, Reindexer, log_skipped
from .settings import Settings

log = logging.getLogger(__name__)

_LATENCIES_KEPT = 500


class Unavailable(Exception):
    """No index can answer right now. The message is the reason, for admins and logs only."""


@dataclass(frozen=True)
class ServiceStats:
    """Figures for /stats. None: not known (no index loaded, no question answered yet)."""

    articles: int | None = None
    chunks: int | None = None
    model: str | None = None
    # "torch-float32" here means the fast encoder could not be loaded (the log says why)
    query_encoder: str | None = None
    built_at: float | None = None  # Unix time
    questions: int | None = None
    p50_ms: float | None = None
    # why no index serves, when none does: "Articles: 0" alone does not say it
    unavailable: str | None = None


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
        self._recent_languages: Recent[int, str] = Recent(8192)  # user id → language last answered in
        self._asked: Recent[int, bool] = Recent(8192)  # user id → True once answered a question
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
                   examples=settings.examples)

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

    def language_for_paste(self, text: str | None, pinned: str | None = None, telegram_code: str | None = None,
                           bot_username: str | None = None, recent: str | None = None) -> str:
        """The reply language for a message too long to search that asks no question: a pasted
        article's language says what it is written in, not what its sender reads (a user test's
        English reader got "too long" in Bengali for a Bengali paste), so the language of the
        user's last answer or app comes first, and the paste's only without them."""
        if recent in LANGUAGES or telegram_language(telegram_code):
            text = None
        return self.language_for(text, pinned, telegram_code, bot_username, recent)

    def note_language(self, user_id: int, lang: str | None, pinned: str | None) -> None:
        """Remember that ``user_id`` was last answered in ``lang``: their next message that says
        nothing of its language ("👍", "Hmong") is answered in it. In memory only. Not while a
        language is pinned: an answer in it shows nothing of what the user reads."""
        if lang in LANGUAGES and pinned not in LANGUAGES:
            self._recent_languages.put(user_id, lang)

    def note_answer(self, user_id: int, chat_id: int, answer: Answer, pinned: str | None) -> None:
        """Remember that ``user_id`` was answered ``answer`` in ``chat_id``: its language
        (``note_language``), that they have asked, so that their "ok" is no longer taken for a first
        message, and its question, which their next message may carry on from (``follow_ups``)."""
        self.note_language(user_id, answer.lang, pinned)
        self._asked.put(user_id, True)
        self.follow_ups.remember_last(chat_id, user_id, answer)

    def has_asked(self, user_id: int | None) -> bool:
        """Whether ``user_id`` was answered a question since the bot started (in memory only)."""
        return user_id is not None and bool(self._asked.get(user_id))

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
        return answer_question(searcher, text, pinned, code, self.default_language, follow_up_of, recent)

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

    def articles(self) -> list[ArticleInfo]:
        """The indexed articles, empty when no index is loaded."""
        return list(self._searcher.index.manifest.articles) if self._searcher else []

    def stats(self) -> ServiceStats:
        """Figures for /stats: index size and age, questions answered, median latency."""
        manifest = self._searcher.index.manifest if self._searcher else None
        return ServiceStats(
            articles=len(manifest.articles) if manifest else 0,
            chunks=manifest.n_chunks if manifest else 0,
            model=manifest.model if manifest else self.index_settings.model,
            query_encoder=getattr(self.embedder, "query_backend", None),
            built_at=manifest.built_at if manifest else None,
            questions=self._questions,
            p50_ms=round(statistics.median(self._latencies)) if self._latencies else None,
            unavailable=self._unavailable if self._searcher is None else None,
        )

    def close(self) -> None:
        self.reindexer.close()
        self._executor.shutdown(wait=False, cancel_futures=True)


def answer_question(searcher: Searcher, text: str, pinned: str | None = None, code: str | None = None,
                    default_language: str = "en", follow_up_of: str | None = None,
                    recent: str | None = None) -> Answer:
    """The answer to ``text``: the search (of a message asking several questions, each of them
    too, see ``several``) and the language to reply in. Blocking, CPU-bound: the service runs it in
    a worker thread, and ``bench query`` times it. Raises ``EmptyQuery`` or ``RetrievalError``."""
    # Language detection runs here too, off the event loop: on a long text it costs milliseconds.
    whole = searcher.search(text, follow_up_of=follow_up_of)
    reply = reply_to(searcher, text, whole, follow_up_of)
    if pinned in LANGUAGES:
        lang, other = pinned, False
    elif whole.asked_in:  # Banglish is Bengali, though its letters look English
        lang, other = whole.asked_in, False
    else:  # the search found it no makeshift typing (that is ``asked_in``): detection alone decides
        own = reply_language_text(text)  # a question under a paste: the question's, not the paste's
        lang, other = choose_language(own, None, code, default_language, recent=recent), in_another_language(own)
    return Answer(reply.result, lang, other, reply.follow_up_of, questions=reply.questions)


def _open_or_build(settings: IndexSettings, embedder: Embedder) -> tuple[Searcher | None, str | None]:
    """The live index, built first when missing or stale; on failure, None and the reason: the bot
    then serves "temporarily unavailable", as after a failed /reindex, until a rebuild works."""
    try:
        try:
            return Searcher.open(settings, embedder), None
        except (IndexNotBuilt, IndexCorrupted, IndexMismatch) as exc:
            log.warning("%s; building the index before serving", exc)
        report = build_index(settings, embedder)
        log_skipped(report)
        log.info("built %s: %d articles, %d chunks in %.1f s", report.path, report.articles, report.chunks,
                 report.seconds)
        return Searcher.open(settings, embedder), None
    # OSError: INDEX_DIR under a regular file, not writable, a full disk; the message names the path
    except (RetrievalError, OSError) as exc:
        log.error("no index to serve: %s", exc)
        return None, str(exc)

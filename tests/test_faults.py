"""Faults around the real bot: Telegram answering 429/500 or dropping connections, a damaged index,
a build killed halfway, two rebuilds at once. Each runs the real Application over the emulator.

What a damaged index does: the bot serves the index it loaded into memory, so deleting or
truncating the files under a running bot changes nothing for its users; the damage shows at the
next start. If the index can then be neither loaded nor rebuilt (here: the seeds folder is gone
too), users get "temporarily unavailable" in their language until an admin's /reindex succeeds.
"""

from __future__ import annotations

import asyncio
import fcntl
import logging
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path

import pytest
from telegram.ext import Application

from bot.app import ALLOWED_UPDATES, build_app
from bot.i18n import t
from bot.service import AnswerService
from bot.settings import load_settings
from index import IndexSettings, Searcher, build_index, load_index
from tests.botapi import BotApiEmulator
from tests.conftest import ROOT, TEST_ARTICLES, copy_index, index_settings, polling

pytestmark = [pytest.mark.e2e, pytest.mark.model]

TOKEN = "246813579:AAF-fault_tests_token_for_the_local_emulator"
ADMIN = 900
TIMEOUT = 30  # seconds for one reply on two busy CPU cores
BUILD_TIMEOUT = 120
VI_QUESTION = "Hợp tác xã ở Sơn La bán mận hậu qua livestream trên những nền tảng nào?"
TH_QUESTION = "อีคอมเมิร์ซเส้นทางสายไหมคืออะไร"
EN_QUESTION = "How many people visited the China (Guangzhou) Cross-Border E-Commerce Fair 2024?"
SHORT_ARTICLE = """Durian night market opens in Hanoi for Mekong Delta growers
A new night market for durian opened in Hanoi in October, selling fruit straight from Mekong Delta orchards.
In its first week the market sold about 40 tonnes of durian, the organisers said.
"""

Running = tuple[BotApiEmulator, AnswerService, Application]


@asynccontextmanager
async def running_bot(index: IndexSettings, embedder, root: Path) -> AsyncIterator[Running]:
    """The real bot, started as ``python -m bot`` starts it, polling a fresh emulator."""
    async with BotApiEmulator(TOKEN) as emu:
        settings = load_settings(telegram_bot_token=TOKEN, telegram_api_base_url=emu.root, admin_user_ids={ADMIN},
                                 rate_limit_per_minute=1000, prefs_path=root / "prefs.json", index=index)
        service = await asyncio.to_thread(AnswerService.start, settings, embedder)
        app = build_app(settings, service)
        try:
            async with polling(app, allowed_updates=ALLOWED_UPDATES):
                yield emu, service, app
        finally:
            service.close()


async def wait_until(predicate: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what} within {timeout} s")
        await asyncio.sleep(0.05)


async def settled(emu: BotApiEmulator, app: Application) -> None:
    """Wait until nothing more can come of the updates sent so far: the bot has confirmed them all
    (a getUpdates offset past the last, so none can be delivered again) and finished handling every
    one it received (PTB marks an update done once its handlers return), so none sends anything
    more. A late duplicate would have to happen before these events, so counts taken after them are
    final, with no sleep to guess how long "late" is."""
    last = emu.updates[-1]["update_id"]
    await wait_until(lambda: any(int(c.get("offset") or 0) > last for c in emu.calls_to("getUpdates")),
                     TIMEOUT, "the bot never confirmed the updates")
    await asyncio.wait_for(app.update_queue.join(), TIMEOUT)


@contextmanager
def rate_limit_waits(emu: BotApiEmulator) -> Iterator[list[tuple[float, int]]]:
    """Each wait PTB's AIORateLimiter starts (it logs the seconds, then sleeps them out before
    retrying a 429), with how many sendMessage calls the emulator had seen at that moment."""
    waits: list[tuple[float, int]] = []

    class Recorder(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.levelno == logging.INFO and record.args:
                waits.append((float(record.args[0]), len(emu.calls_to("sendMessage"))))

    logger, handler = logging.getLogger("telegram.ext.AIORateLimiter"), Recorder()
    level = logger.level
    logger.setLevel(logging.INFO)
    logger.addHandler(handler)
    try:
        yield waits
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


async def ask(emu: BotApiEmulator, user: dict, text: str) -> dict:
    """Send ``text`` in the user's private chat and return the bot's one new reply."""
    before = len(emu.messages_to(user["id"]))
    await emu.send_text(user, user, text)
    return (await emu.wait_for_messages(user["id"], before + 1, timeout=TIMEOUT))[before]


@pytest.fixture(scope="module")
def small_index(tmp_path_factory: pytest.TempPathFactory, embedder) -> IndexSettings:
    """One short test article indexed with the real model: cheap to rebuild from scratch."""
    root = tmp_path_factory.mktemp("small_index")
    settings = index_settings(seeds_dir=root / "seeds", dir=root / "index")
    settings.seeds_dir.mkdir()
    shutil.copy(TEST_ARTICLES / "vi_livestream.txt", settings.seeds_dir)
    build_index(settings, embedder)
    return settings


# ---------------------------------------------------------------- (a), (b): Telegram misbehaves


@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")  # PTB's limiter reads retry_after
async def test_flood_wait_429_is_waited_out_and_the_reply_arrives(embedder, real_index, tmp_path: Path) -> None:
    async with running_bot(real_index, embedder, tmp_path) as (emu, _, app):
        user = emu.private_user(101, "Flood", language_code="en")
        emu.fail_next("sendMessage", status=429, retry_after=1)
        with rate_limit_waits(emu) as waits:
            reply = await ask(emu, user, EN_QUESTION)
            await settled(emu, app)
        assert len(waits) == 1, waits
        [(seconds, calls_before)] = waits
        assert seconds >= 1 and calls_before == 1, "the bot waited retry_after between the 429 and the retry"
        assert reply["text"].startswith(t("answer_header", "en"))
        assert len([c for c in emu.calls_to("sendMessage") if c["chat_id"] == 101]) == 2
        assert len(emu.messages_to(101)) == 1, "no second copy after the wait"


async def test_500s_and_dropped_connections_are_retried_without_loss_or_duplicates(
        embedder, real_index, tmp_path: Path) -> None:
    async with running_bot(real_index, embedder, tmp_path) as (emu, _, app):
        users = [emu.private_user(200 + i, f"Reader{i}", language_code="en") for i in range(3)]
        emu.fail_next("sendMessage", status=500)
        emu.drop_next("sendMessage")
        emu.drop_next("getUpdates")  # the next poll is lost too: its updates must come again, once
        for user in users:
            await emu.send_text(user, user, EN_QUESTION)
        for user in users:
            [reply] = await emu.wait_for_messages(user["id"], 1, timeout=TIMEOUT)
            assert reply["text"].startswith(t("answer_header", "en"))
        await settled(emu, app)  # every update confirmed and handled: a late duplicate would be here by now
        assert [len(emu.messages_to(u["id"])) for u in users] == [1, 1, 1]
        assert len(emu.calls_to("sendMessage")) == len(users) + 2, "each fault cost exactly one retry"


# ---------------------------------------------------------------- (c): the index is damaged


def _damage(settings: IndexSettings, how: str) -> None:
    if how == "deleted":
        shutil.rmtree(settings.dir)
    else:
        target = settings.index_path().resolve() / "chunks.faiss"
        os.truncate(target, target.stat().st_size // 2)


@pytest.mark.parametrize("how", ["deleted", "truncated"], ids=["index-folder-deleted", "faiss-file-truncated"])
async def test_damaged_index_unavailable_until_reindex(embedder, small_index, tmp_path: Path, how: str) -> None:
    settings = copy_index(small_index, tmp_path)
    async with running_bot(settings, embedder, tmp_path) as (emu, _, _):
        user = emu.private_user(301, "Lan", language_code="vi")
        _damage(settings, how)
        reply = await ask(emu, user, VI_QUESTION)
        assert reply["text"].startswith(t("answer_header", "vi")), "the loaded index keeps serving"

    hidden = settings.seeds_dir.with_name("seeds-away")
    settings.seeds_dir.rename(hidden)  # a restart can neither load the index nor rebuild it
    async with running_bot(settings, embedder, tmp_path) as (emu, service, _):
        assert service.unavailable
        user = emu.private_user(302, "Somchai", language_code="th")
        admin = emu.private_user(ADMIN, "Admin", language_code="en")
        assert (await ask(emu, user, TH_QUESTION))["text"] == t("index_unavailable", "th")
        assert (await ask(emu, admin, EN_QUESTION))["text"].startswith(t("index_unavailable", "en") + "\n")

        hidden.rename(settings.seeds_dir)
        status = await ask(emu, admin, "/reindex")
        done = t("reindex_done", "en", articles=0, chunks=0, seconds=0).split(":")[0]
        await wait_until(lambda: emu.messages_to(ADMIN)[-1]["text"].startswith(done), BUILD_TIMEOUT, "no rebuild")
        assert status["message_id"] == emu.messages_to(ADMIN)[-1]["message_id"]
        assert service.unavailable is None
        assert (await ask(emu, user, VI_QUESTION))["text"].startswith(t("answer_header", "vi"))
    assert load_index(settings.index_path()).manifest.n_chunks > 0, "the files are whole again"


# ---------------------------------------------------------------- (d): a build killed halfway


def _long_article(sentences: int = 60) -> str:
    """An article of many distinct sentences: embedding it takes several batches."""
    products = ["coffee", "pepper", "durian", "cashew", "tea", "rice"]
    lines = ["Provincial cooperatives report a record season of online sales"]
    for p in range(sentences // 10):
        lines.append(" ".join(
            f"In district {p * 10 + i} the cooperative sold {17 * (p * 10 + i) + 3} tonnes of "
            f"{products[(p + i) % len(products)]} through livestreams in month {i + 1}." for i in range(10)))
    return "\n".join(lines) + "\n"


class _Output:
    """Collects a pipe's bytes in a thread (tqdm writes carriage returns, never newlines)."""

    def __init__(self, pipe) -> None:
        self.text = ""
        threading.Thread(target=self._read, args=(pipe,), daemon=True).start()

    def _read(self, pipe) -> None:
        for chunk in iter(lambda: pipe.read1(4096), b""):
            self.text += chunk.decode("utf-8", "replace")


def _mid_embedding(text: str) -> bool:
    progress = re.findall(r"(\d+)/(\d+)", text)
    return any(0 < int(done) < int(total) for done, total in progress)


def test_build_killed_mid_embedding_leaves_the_previous_index_serving(embedder, real_index, tmp_path: Path) -> None:
    settings = copy_index(real_index, tmp_path)
    before = load_index(settings.index_path()).manifest
    (settings.seeds_dir / "900_long.txt").write_text(_long_article(), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "index", "build", "--seeds", str(settings.seeds_dir),
                             "--index", str(settings.dir)], cwd=tmp_path, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        output, deadline = _Output(proc.stderr), time.monotonic() + BUILD_TIMEOUT
        while not _mid_embedding(output.text) and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _mid_embedding(output.text), f"the build never showed progress: {output.text[-500:]!r}"
        os.kill(proc.pid, signal.SIGKILL)
        assert proc.wait(10) == -signal.SIGKILL
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(10)

    after = load_index(settings.index_path())
    assert after.manifest == before, "the previous build is still the live one"
    assert "900_long.txt" not in {a.doc for a in after.manifest.articles}
    result = Searcher.open(settings, embedder).search(EN_QUESTION)
    assert result.found and result.hits[0].chunk.doc == "000_9d5ab8d44f53d486.txt"
    with (settings.dir / ".build.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)  # the dead build's lock died with it


# ---------------------------------------------------------------- (e): two rebuilds at once


async def test_two_reindex_at_once_run_one_build(embedder, real_index, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    import bot.reindex

    builds: list[float] = []

    def counted_build(*args, **kwargs):
        builds.append(time.monotonic())
        return build_index(*args, **kwargs)

    monkeypatch.setattr(bot.reindex, "build_index", counted_build)
    settings = copy_index(real_index, tmp_path)
    (settings.seeds_dir / "005_durian.txt").write_text(SHORT_ARTICLE, encoding="utf-8")  # work for the build
    async with running_bot(settings, embedder, tmp_path) as (emu, service, _):
        admin = emu.private_user(ADMIN, "Admin", language_code="en")
        await emu.send_text(admin, admin, "/reindex")
        await emu.send_text(admin, admin, "/reindex")
        done = t("reindex_done", "en", articles=0, chunks=0, seconds=0).split(":")[0]

        def finals() -> list[str]:
            return sorted(m["text"] for m in emu.messages_to(ADMIN))

        running = t("reindex_running", "en")
        await wait_until(lambda: any(f.startswith(done) for f in finals()) and running in finals()
                         and not service.reindexer.running, BUILD_TIMEOUT, "no rebuild finished")
        texts = finals()
        assert len(texts) == 2 and texts[0].startswith(done) != texts[1].startswith(done), texts
        assert len(builds) == 1, "exactly one build ran"
        assert "005_durian.txt" in {a.doc for a in service.articles()}

"""A running bot serves builds published by someone else (``python -m index build`` from a shell).

Real fake-embedder indexes throughout: a build is published with ``build_index`` exactly as the CLI
does, or, for a build that must fail to load, a copy of the live build is damaged first and then
made live with ``store.publish``, so the watcher never sees it half-broken.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, closing
from pathlib import Path

import pytest

from bot.app import ALLOWED_UPDATES, build_app
from bot.i18n import t
from bot.reindex import BuildPickup
from bot.service import AnswerService, Unavailable
from bot.settings import load_settings
from index import IndexSettings, Searcher, build_index, load_index_for, store
from tests.botapi import BotApiEmulator
from tests.conftest import copy_index, polling
from tests.fakes import FakeEmbedder
from tests.test_faults import wait_until
from tests.test_service import NEW_ARTICLE, GatedEmbedder, make_service

TOKEN = "135792468:AAE-index_reload_token_for_the_emulator"
ADMIN = 77
TIMEOUT = 10
DURIAN_QUESTION = "durian night market in Hanoi"
VI_QUESTION = "Sơn La mận hậu livestream"


def docs(service: AnswerService) -> set[str]:
    return {a.doc for a in service.articles()}


def publish_from_outside(settings: IndexSettings, article: str | None = NEW_ARTICLE) -> Path:
    """What an admin's ``python -m index build`` does: add a seed article, build, publish."""
    if article:
        (settings.seeds_dir / "en_durian.txt").write_text(article, encoding="utf-8")
    build_index(settings, FakeEmbedder())
    return settings.index_path().resolve()


def publish_broken_build(settings: IndexSettings, how: str) -> Path:
    """A copy of the live build, damaged before it is made live, so no reader sees it whole."""
    live = settings.index_path().resolve()
    broken = live.with_name(f"{live.name}-{how}")
    shutil.copytree(live, broken)
    if how == "truncated":
        os.truncate(broken / "chunks.faiss", (broken / "chunks.faiss").stat().st_size // 2)
    else:  # built with another model: same folder name, vectors that mean something else
        manifest = json.loads((broken / "manifest.json").read_text(encoding="utf-8"))
        (broken / "manifest.json").write_text(json.dumps({**manifest, "model": "another/model"}), encoding="utf-8")
    store.publish(settings.dir, settings.index_name(), broken)
    return broken


def index_less_service(settings: IndexSettings) -> AnswerService:
    """A service as a bot started without an index runs it."""
    return AnswerService(FakeEmbedder(), settings, None, unavailable="no index at index")


def without_index(fake_index: IndexSettings, root: Path) -> IndexSettings:
    settings = copy_index(fake_index, root)
    shutil.rmtree(settings.dir)
    return settings


# ---------------------------------------------------------------- AnswerService.pick_up_new_build


async def test_a_build_published_from_outside_is_served_once(fake_index: IndexSettings, tmp_path: Path) -> None:
    settings = copy_index(fake_index, tmp_path)
    service = make_service(settings)
    try:
        assert service.pick_up_new_build() == BuildPickup(), "nothing published yet"
        build = publish_from_outside(settings)
        found = service.pick_up_new_build()
        assert found == BuildPickup(build, articles=5, chunks=service.stats().chunks)
        assert "en_durian.txt" in docs(service) and service.stats().articles == 5
        answer = await service.ask(DURIAN_QUESTION)
        assert answer.result.hits[0].chunk.doc == "en_durian.txt"
        assert service.pick_up_new_build() == BuildPickup(), "the same build is not loaded twice"
    finally:
        service.close()


@pytest.mark.parametrize("how, reason", [("truncated", "is damaged"), ("other-model", "built differently")],
                         ids=["faiss-file-truncated", "built-with-another-model"])
async def test_a_build_that_cannot_be_loaded_leaves_the_old_index_serving(
        fake_index: IndexSettings, tmp_path: Path, how: str, reason: str) -> None:
    settings = copy_index(fake_index, tmp_path)
    service = make_service(settings)
    try:
        built_at = service.stats().built_at
        broken = publish_broken_build(settings, how)
        found = service.pick_up_new_build()
        assert found.build == broken and reason in found.error
        assert service.stats().built_at == built_at and service.unavailable is None
        assert (await service.ask(VI_QUESTION)).result.hits[0].chunk.doc == "vi_livestream.txt"
        assert service.pick_up_new_build() == BuildPickup(), "a failed build is reported once, not retried"
        assert service.disk_damage() is None, "the serving build's files were left alone"

        good = publish_from_outside(settings)  # the next build gets its own try
        assert service.pick_up_new_build().build == good and "en_durian.txt" in docs(service)
    finally:
        service.close()


async def test_a_build_overtaken_while_loading_is_not_installed(fake_index: IndexSettings, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    import bot.service

    settings = copy_index(fake_index, tmp_path)
    service = make_service(settings)
    newest: list[Path] = []

    def load_then_publish(index_settings: IndexSettings, build: Path | None = None):
        index = load_index_for(index_settings, build)
        newest.append(publish_from_outside(settings))  # e.g. a /reindex finishing meanwhile
        return index

    try:
        publish_from_outside(settings, article=None)
        monkeypatch.setattr(bot.service, "load_index_for", load_then_publish)
        assert service.pick_up_new_build() == BuildPickup(), "the older build must not replace the newer"
        monkeypatch.undo()
        assert service.pick_up_new_build().build == newest[0] and "en_durian.txt" in docs(service)
    finally:
        service.close()


async def test_a_bot_started_without_an_index_serves_one_built_later(fake_index: IndexSettings,
                                                                      tmp_path: Path) -> None:
    settings = without_index(fake_index, tmp_path)
    with closing(index_less_service(settings)) as service:
        assert service.pick_up_new_build() == BuildPickup() and service.unavailable == "no index at index"
        build = publish_from_outside(settings, article=None)
        found = service.pick_up_new_build()
        assert found.build == build and found.error is None and found.articles == 4
        assert service.unavailable is None
        assert (await service.ask(VI_QUESTION)).result.hits[0].chunk.doc == "vi_livestream.txt"


async def test_a_bot_without_an_index_says_why_a_published_build_failed(fake_index: IndexSettings,
                                                                        tmp_path: Path) -> None:
    settings = copy_index(fake_index, tmp_path)
    with closing(index_less_service(settings)) as service:
        publish_broken_build(settings, "truncated")
        assert service.pick_up_new_build().error == service.unavailable
        with pytest.raises(Unavailable, match="is damaged"):  # what an admin asking now reads
            await service.ask(VI_QUESTION)


async def test_nothing_is_picked_up_while_the_bots_own_reindex_runs(fake_index: IndexSettings,
                                                                    tmp_path: Path) -> None:
    settings = copy_index(fake_index, tmp_path)
    embedder = GatedEmbedder()
    service = make_service(settings, embedder)
    try:
        built_at = service.stats().built_at
        publish_from_outside(settings, article=None)  # a newer build is live…
        (settings.seeds_dir / "en_durian.txt").write_text(NEW_ARTICLE, encoding="utf-8")
        rebuild = asyncio.create_task(service.reindexer.run())  # …and a /reindex is embedding
        assert await asyncio.to_thread(embedder.started.wait, 10) and service.reindexer.running
        assert service.pick_up_new_build() == BuildPickup()
        assert service.stats().built_at == built_at, "the old index still serves"
        embedder.release.set()
        assert (await asyncio.wait_for(rebuild, 30)).report is not None
        assert "en_durian.txt" in docs(service), "the rebuild installed its own build"
        assert service.pick_up_new_build() == BuildPickup(), "and that one is the live one"
    finally:
        embedder.release.set()
        service.close()


# ---------------------------------------------------------------- the watcher, over the emulator


class CountingService(AnswerService):
    """Counts the watcher's checks, so a test can wait for several to pass instead of sleeping."""

    checks = 0

    def pick_up_new_build(self) -> BuildPickup:
        found = super().pick_up_new_build()
        self.checks += 1
        return found


class OnceFailingService(CountingService):
    """Its first check raises, as no check should (a bug, an error of a kind not foreseen)."""

    failed = False

    def pick_up_new_build(self) -> BuildPickup:
        if not self.failed:
            self.failed = True
            raise RuntimeError("an unforeseen failure")
        return super().pick_up_new_build()


@asynccontextmanager
async def watched_bot(index: IndexSettings, root: Path, service_class: type[CountingService] = CountingService,
                      ) -> AsyncIterator[tuple[BotApiEmulator, CountingService]]:
    """The real Application with a fake-embedder service, checking the index every 50 ms."""
    async with BotApiEmulator(TOKEN) as emu:
        settings = load_settings(telegram_bot_token=TOKEN, telegram_api_base_url=emu.root, admin_user_ids={ADMIN},
                                 rate_limit_per_minute=1000, prefs_path=root / "prefs.json", index=index)
        # below the 1 s that settings allow an operator: here only a test waits for the check
        settings = settings.model_copy(update={"index_check_seconds": 0.05})
        embedder = FakeEmbedder()
        searcher = Searcher.open(index, embedder) if index.index_path().exists() else None
        service = service_class(embedder, index, searcher, rate_limit_per_minute=1000)
        try:
            async with polling(build_app(settings, service), allowed_updates=ALLOWED_UPDATES):
                yield emu, service
        finally:
            service.close()


async def ask(emu: BotApiEmulator, user: dict, text: str) -> str:
    before = len(emu.messages_to(user["id"]))
    await emu.send_text(user, user, text)
    return (await emu.wait_for_messages(user["id"], before + 1, timeout=TIMEOUT))[before]["text"]


async def checks_pass(service: CountingService, more: int) -> None:
    """Wait until the watcher has run ``more`` further checks."""
    target = service.checks + more
    await wait_until(lambda: service.checks >= target, TIMEOUT, f"{more} more index checks")


async def test_watcher_serves_a_cli_build_and_reports_a_broken_one_once(fake_index: IndexSettings,
                                                                         tmp_path: Path) -> None:
    settings = copy_index(fake_index, tmp_path)
    async with watched_bot(settings, tmp_path) as (emu, service):
        user = emu.private_user(21, "Lan", language_code="en")
        emu.private_user(ADMIN, "Admin")  # the admin's chat, where the warning must arrive
        assert "Hanoi" not in await ask(emu, user, DURIAN_QUESTION)

        await asyncio.to_thread(publish_from_outside, settings)
        await wait_until(lambda: "en_durian.txt" in docs(service), TIMEOUT, "the new build was not picked up")
        assert "durian night market" in (await ask(emu, user, DURIAN_QUESTION)).lower()

        broken = await asyncio.to_thread(publish_broken_build, settings, "other-model")
        [warning] = await emu.wait_for_messages(ADMIN, 1, timeout=TIMEOUT)
        await checks_pass(service, 3)
        assert len(emu.messages_to(ADMIN)) == 1, "one message per failing build, not one per check"
        assert warning["text"].startswith(t("index_build_rejected", "en", build=broken.name, reason="~").split("~")[0])
        assert "another/model" in warning["text"]
        assert "durian night market" in (await ask(emu, user, DURIAN_QUESTION)).lower(), "still serving"


async def test_watcher_brings_a_bot_started_without_an_index_online(fake_index: IndexSettings,
                                                                    tmp_path: Path) -> None:
    settings = without_index(fake_index, tmp_path)
    async with watched_bot(settings, tmp_path) as (emu, service):
        user = emu.private_user(22, "Mai", language_code="vi")
        assert await ask(emu, user, VI_QUESTION) == t("index_unavailable", "vi")
        await asyncio.to_thread(publish_from_outside, settings, None)
        await wait_until(lambda: service.unavailable is None, TIMEOUT, "the new index was not picked up")
        assert (await ask(emu, user, VI_QUESTION)).startswith(t("answer_header", "vi"))


async def test_a_check_that_fails_is_logged_and_the_watch_goes_on(fake_index: IndexSettings, tmp_path: Path,
                                                                  caplog: pytest.LogCaptureFixture) -> None:
    settings = copy_index(fake_index, tmp_path)
    async with watched_bot(settings, tmp_path, OnceFailingService) as (emu, service):
        await wait_until(lambda: service.failed, TIMEOUT, "the first check did not run")
        await asyncio.to_thread(publish_from_outside, settings)
        await wait_until(lambda: "en_durian.txt" in docs(service), TIMEOUT, "the watch ended at the failed check")
    [failure] = [r for r in caplog.records if r.name == "bot.health"]
    assert failure.getMessage().startswith("the index check failed") and "an unforeseen failure" in caplog.text

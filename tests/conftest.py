"""Shared fixtures: a clean environment for every test, a fake-embedder index, the real model/index.

The real-model fixtures are session-scoped: loading EmbeddingGemma costs seconds and building the
index tens of seconds, so each happens at most once per run (tests using them are marked ``model``).
"""

from __future__ import annotations

import os
import shutil
import socket
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path

import pytest

from bot.settings import Settings
from index import IndexSettings
from tests.fakes import FakeEmbedder

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
TEST_ARTICLES = ROOT / "tests" / "data" / "articles"
_PREFIXES = ("TELEGRAM_", "INDEX_", "WEBHOOK_")
_NAMES = {name.upper() for name in Settings.model_fields} | {"ADMIN_USER_IDS"}


@contextmanager
def _clean_environment(cwd: Path) -> Iterator[None]:
    """Without our variables, in ``cwd``: a developer's environment or ``.env`` never leaks in."""
    with pytest.MonkeyPatch.context() as mp:
        for name in list(os.environ):
            if name.upper().startswith(_PREFIXES) or name.upper() in _NAMES:
                mp.delenv(name)
        mp.chdir(cwd)  # relative data paths (var/prefs.json, var/index, .env) now point at cwd
        yield


@pytest.fixture(autouse=True)
def clean_environ(tmp_path: Path) -> Iterator[None]:
    with _clean_environment(tmp_path):
        yield


def index_settings(**values) -> IndexSettings:
    """IndexSettings from defaults and ``values`` only, whatever the environment holds."""
    with _clean_environment(Path("/")):
        return IndexSettings(_env_file=None, **values)


def closed_url() -> str:
    """A loopback URL nothing listens on: connections are refused at once."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{sock.getsockname()[1]}"


def copy_index(settings: IndexSettings, dest: Path) -> IndexSettings:
    """A private copy of an index and its seeds, for a test that rebuilds or adds articles."""
    shutil.copytree(settings.seeds_dir, dest / "seeds")
    if settings.dir.exists():
        shutil.copytree(settings.dir, dest / "index", symlinks=True)  # the live index is a symlink
    return settings.model_copy(update={"seeds_dir": dest / "seeds", "dir": dest / "index"})


@pytest.fixture
def settings(tmp_path: Path) -> IndexSettings:
    """Settings for a private fake-embedder index of a copy of tests/data/articles, not yet built
    (small chunks, so each article has several)."""
    seeds = tmp_path / "seeds"
    shutil.copytree(TEST_ARTICLES, seeds)
    return IndexSettings(seeds_dir=seeds, dir=tmp_path / "index", model="fake-embedder", dim=64,
                         chunk_tokens=60, chunk_overlap=15)


@pytest.fixture(scope="session")
def fake_index(tmp_path_factory: pytest.TempPathFactory) -> IndexSettings:
    """An index of tests/data/articles built with the FakeEmbedder (fast; no model)."""
    from index import build_index

    root = tmp_path_factory.mktemp("fake_index")
    shutil.copytree(TEST_ARTICLES, root / "seeds")
    settings = index_settings(seeds_dir=root / "seeds", dir=root / "index", model="fake-embedder", dim=64)
    build_index(settings, FakeEmbedder())
    return settings


@pytest.fixture(scope="session")
def embedder():
    """The real EmbeddingGemma model, loaded once per session."""
    from index import SentenceTransformerEmbedder

    settings = index_settings()
    if not Path(settings.model).exists():
        pytest.skip(f"embedding model missing at {settings.model}; run scripts/setup.sh")
    return SentenceTransformerEmbedder.from_settings(settings)


@pytest.fixture(scope="session")
def real_index(tmp_path_factory: pytest.TempPathFactory, embedder) -> IndexSettings:
    """The five seed articles indexed with the real model, in a private folder, once per session.

    Starts from a copy of var/index when one exists: the build then reuses every vector whose text
    is unchanged, which turns a ~40 s build into a few seconds.
    """
    from index import build_index

    root = tmp_path_factory.mktemp("real_index")
    settings = index_settings(seeds_dir=root / "seeds", dir=root / "index")
    shutil.copytree(SEEDS, settings.seeds_dir)
    live = ROOT / "var" / "index"
    if (live / settings.index_name() / "manifest.json").exists():
        shutil.copytree(live, settings.dir, symlinks=True, ignore=shutil.ignore_patterns(".build.lock"))
    build_index(settings, embedder)
    return settings


@asynccontextmanager
async def polling(app, allowed_updates=None) -> AsyncIterator[None]:
    """Run a PTB Application like ``run_polling`` does (post_init included), then shut it down."""
    await app.initialize()
    if app.post_init:
        await app.post_init(app)
    await app.start()
    await app.updater.start_polling(poll_interval=0, timeout=1, allowed_updates=allowed_updates)
    try:
        yield
    finally:
        await app.updater.stop()
        await app.stop()
        if app.post_stop:
            await app.post_stop(app)
        await app.shutdown()

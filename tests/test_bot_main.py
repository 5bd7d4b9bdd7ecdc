"""``python -m bot`` as a process: a failure at start-up exits non-zero with a clear, token-free log.

The process is real (its own interpreter, logging and stderr), so what Python itself would print
for an escaped exception is covered too. Only the embedder is a fake, so no model is loaded.
"""

from __future__ import annotations

import asyncio
import os
import socket
import sys
from pathlib import Path

import pytest

from index import IndexSettings
from tests.botapi import BotApiEmulator
from tests.conftest import ROOT

EMULATOR_TOKEN = "123456789:AAHfiqksKZ8WmR2zSjiQ7_v4TMAKdiHm9T0"
REVOKED_TOKEN = "123456789:AAE-revoked_token_the_server_rejects_00"
# main() with the FakeEmbedder in place of the real model; everything else as in production.
_ENTRY = """
import sys
from bot import __main__ as entry
from bot.service import AnswerService
from tests.fakes import FakeEmbedder

start = AnswerService.start.__func__
AnswerService.start = classmethod(lambda cls, settings: start(cls, settings, FakeEmbedder()))
sys.exit(entry.main())
"""


async def run_bot(cwd: Path, index: IndexSettings, token: str, api_root: str) -> tuple[int, str]:
    """Run the bot until it exits; its exit status and everything it wrote."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), TELEGRAM_BOT_TOKEN=token, TELEGRAM_API_BASE_URL=api_root,
               INDEX_SEEDS_DIR=str(index.seeds_dir), INDEX_DIR=str(index.dir), INDEX_MODEL=index.model,
               INDEX_DIM=str(index.dim), PREFS_PATH=str(cwd / "prefs.json"), INDEX_CHECK_SECONDS="0")
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-c", _ENTRY, cwd=cwd, env=env, stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT)
    try:
        async with asyncio.timeout(120):  # a guard against a hang, not a measurement
            output, _ = await process.communicate()
    except TimeoutError:
        process.kill()
        await process.wait()
        pytest.fail("the bot did not exit after its start-up failed")
    return process.returncode, output.decode("utf-8", "replace")


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def test_a_revoked_token_exits_non_zero_without_printing_it(fake_index: IndexSettings, tmp_path: Path) -> None:
    async with BotApiEmulator(EMULATOR_TOKEN) as emu:  # answers 401 Unauthorized to any other token
        status, output = await run_bot(tmp_path, fake_index, REVOKED_TOKEN, emu.root)
    assert status != 0
    assert REVOKED_TOKEN not in output and REVOKED_TOKEN.split(":")[1] not in output
    assert "Telegram rejected TELEGRAM_BOT_TOKEN; check it" in output


async def test_an_unreachable_server_exits_non_zero_with_a_redacted_log(fake_index: IndexSettings,
                                                                        tmp_path: Path) -> None:
    status, output = await run_bot(tmp_path, fake_index, REVOKED_TOKEN, f"http://127.0.0.1:{_closed_port()}")
    assert status == 1
    assert "the bot stopped on an unexpected error: NetworkError" in output
    assert REVOKED_TOKEN.split(":")[1] not in output

"""``python -m bot`` as a process: a failure at start-up exits non-zero with a clear, token-free log;
a stop signal ends it even while it builds the index.

The process is real (its own interpreter, logging, stderr and signal handling), so what Python
itself would print for an escaped exception is covered too. Only the embedder is a fake, so no
model is loaded.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

import pytest

from bot.i18n import t
from index import IndexSettings
from tests.botapi import BotApiEmulator
from tests.conftest import ROOT, closed_url, copy_index

EMULATOR_TOKEN = "123456789:AAHfiqksKZ8WmR2zSjiQ7_v4TMAKdiHm9T0"
REVOKED_TOKEN = "123456789:AAE-revoked_token_the_server_rejects_00"
ADMIN = 500
# main() with the FakeEmbedder in place of the real model (pausing argv[1] seconds per batch of
# passages, so that a build lasts); everything else as in production.
_ENTRY = """
import sys
from bot import __main__ as entry
from bot.service import AnswerService
from tests.fakes import FakeEmbedder

pause = float(sys.argv[1])
start = AnswerService.start.__func__
AnswerService.start = classmethod(lambda cls, settings: start(cls, settings, FakeEmbedder(pause=pause)))
sys.exit(entry.main())
"""


def _hears_ctrl_c() -> None:
    # a shell ignores SIGINT in the commands it runs in the background ("pytest &"), and children
    # inherit that: the bot, as a user starts it in a terminal, hears Ctrl-C
    signal.signal(signal.SIGINT, signal.SIG_DFL)


async def start_bot(cwd: Path, index: IndexSettings, token: str, api_root: str, pause: float = 0.0,
                    stdin: bytes = b"", **env: str) -> asyncio.subprocess.Process:
    """The bot as a process, its log on stdout; ``stdin``: what is typed in (without a token, the
    terminal's questions); ``env`` adds variables."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), TELEGRAM_BOT_TOKEN=token, TELEGRAM_API_BASE_URL=api_root,
               INDEX_SEEDS_DIR=str(index.seeds_dir), INDEX_DIR=str(index.dir), INDEX_MODEL=index.model,
               INDEX_DIM=str(index.dim), PREFS_PATH=str(cwd / "prefs.json"), INDEX_CHECK_SECONDS="0", **env)
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-c", _ENTRY, str(pause), cwd=cwd, env=env, stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT, preexec_fn=_hears_ctrl_c)
    process.stdin.write(stdin)
    process.stdin.close()  # the end of input: the terminal stops after the lines given
    return process


async def wait_for_exit(process: asyncio.subprocess.Process, seconds: float = 120,
                        before: bytes = b"") -> tuple[int, str]:
    """The exit status and everything the bot wrote (after ``before``, what was read already)."""
    try:
        async with asyncio.timeout(seconds):  # a guard against a hang, not a measurement
            output, _ = await process.communicate()
    except TimeoutError:
        process.kill()
        await process.wait()
        pytest.fail(f"the bot did not exit within {seconds} s")
    return process.returncode, (before + output).decode("utf-8", "replace")


async def run_bot(cwd: Path, index: IndexSettings, token: str, api_root: str) -> tuple[int, str]:
    """Run the bot until it exits; its exit status and everything it wrote."""
    return await wait_for_exit(await start_bot(cwd, index, token, api_root))


async def run_real_bot(cwd: Path, **env: str) -> tuple[int, str]:
    """``python -m bot`` itself, the real model's loading included, with ``env`` added."""
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", cwd=cwd, env=dict(os.environ, PYTHONPATH=str(ROOT), **env),
        stdin=asyncio.subprocess.DEVNULL, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT)
    return await wait_for_exit(process)


async def test_a_revoked_token_exits_non_zero_without_printing_it(fake_index: IndexSettings, tmp_path: Path) -> None:
    async with BotApiEmulator(EMULATOR_TOKEN) as emu:  # answers 401 Unauthorized to any other token
        status, output = await run_bot(tmp_path, fake_index, REVOKED_TOKEN, emu.root)
    assert status != 0
    assert REVOKED_TOKEN not in output and REVOKED_TOKEN.split(":")[1] not in output
    assert "Telegram rejected TELEGRAM_BOT_TOKEN; check it" in output


async def test_an_unreachable_server_exits_non_zero_with_a_redacted_log(fake_index: IndexSettings,
                                                                        tmp_path: Path) -> None:
    status, output = await run_bot(tmp_path, fake_index, REVOKED_TOKEN, closed_url())
    assert status == 1
    assert "the bot stopped on an unexpected error: NetworkError" in output
    assert REVOKED_TOKEN.split(":")[1] not in output


async def test_an_index_folder_that_cannot_be_made_serves_unavailable_without_a_traceback(
        fake_index: IndexSettings, tmp_path: Path) -> None:
    (tmp_path / "file").write_text("not a folder")
    unbuildable = fake_index.model_copy(update={"dir": tmp_path / "file" / "index"})
    process = await start_bot(tmp_path, unbuildable, "", "", stdin=b"livestream sales in Son La\n")
    status, output = await wait_for_exit(process)
    assert status == 0, output
    assert "Traceback" not in output, output
    reason = f"[Errno 20] Not a directory: '{tmp_path / 'file' / 'index'}'"
    [logged] = [line for line in output.splitlines() if " ERROR " in line]  # one line, not two saying it
    assert logged.endswith(f"ERROR bot.service: no index to serve: {reason}"), output
    assert t("index_unavailable", "en") in output, "the question is answered: temporarily unavailable"


def _long_article(sentences: int) -> str:
    """An article of ``sentences`` distinct sentences: with the paused embedder, minutes of embedding."""
    return "Durian stalls of the Hanoi night market\n" + "".join(
        f"Stall {i} of the night market sold durian from the Mekong Delta orchards. " for i in range(sentences))


async def test_sigterm_during_reindex_stops_the_build_and_exits(fake_index: IndexSettings, tmp_path: Path) -> None:
    index = copy_index(fake_index, tmp_path)
    live = index.index_path().resolve()
    # ~80 batches at 1 s each: unstopped, the build would outlast the 60 s allowed for the exit
    (index.seeds_dir / "en_stalls.txt").write_text(_long_article(1200), encoding="utf-8")
    async with BotApiEmulator(EMULATOR_TOKEN) as emu:
        bot = await start_bot(tmp_path, index, EMULATOR_TOKEN, emu.root, pause=1.0, ADMIN_USER_IDS=str(ADMIN))
        admin = emu.private_user(ADMIN, "Admin")
        await emu.send_text(admin, admin, "/reindex")
        [status] = await emu.wait_for_messages(ADMIN, 1, timeout=60)
        await emu.wait_for_edit(ADMIN, status["message_id"], timeout=60)  # the first progress: embedding
        bot.send_signal(signal.SIGTERM)
        code, output = await wait_for_exit(bot, 60)
        summary = emu.messages_to(ADMIN)[0]["text"]
    assert code == 0, output
    assert "reindex stopped: the build was stopped after" in output
    # the old index serves on, and why not the new one is said: this is the admin's private chat
    assert summary.startswith(t("reindex_failed", "en") + "\nthe build was stopped after"), summary
    assert index.index_path().resolve() == live, "the stopped build was published"


@pytest.mark.parametrize(("stop", "expected"), [
    (signal.SIGTERM, -signal.SIGTERM),  # Python's default action: ended by the signal at once
    (signal.SIGINT, 130),  # Ctrl-C: a one-line goodbye, not a traceback
], ids=["sigterm", "ctrl-c"])
async def test_a_stop_signal_during_the_first_build_exits_and_leaves_nothing_half_built(
        fake_index: IndexSettings, tmp_path: Path, stop: signal.Signals, expected: int) -> None:
    index = copy_index(fake_index, tmp_path).model_copy(update={"dir": tmp_path / "empty"})
    (index.seeds_dir / "en_stalls.txt").write_text(_long_article(1200), encoding="utf-8")
    bot = await start_bot(tmp_path, index, EMULATOR_TOKEN, closed_url(), pause=1.0)
    async with asyncio.timeout(60):  # the build starts before the bot serves: no index yet
        seen = await bot.stdout.readuntil(b"building the index before serving")
    await asyncio.sleep(1.5)  # into the embedding (not a measurement: any moment would do)
    bot.send_signal(stop)
    code, output = await wait_for_exit(bot, 60, seen)
    assert code == expected, output
    assert "Traceback" not in output
    assert not index.index_path().exists() and not list((index.dir / ".builds").glob("*"))
    # the build lock went with the process: the next build runs
    from index import build_index
    from tests.fakes import FakeEmbedder

    assert build_index(index, FakeEmbedder()).articles == 5


async def test_a_missing_model_folder_is_one_clear_line_and_creates_nothing(tmp_path: Path) -> None:
    model = tmp_path / "nonexistent" / "model"
    code, output = await run_real_bot(tmp_path, INDEX_MODEL=str(model))
    assert code == 1, output
    assert f"error: model folder {model} is missing; fetch it with: python -m index fetch-model" in output.splitlines()
    assert "export" not in output and "WARNING" not in output, output  # no two-minute export announced first
    assert not (tmp_path / "nonexistent").exists(), "nothing is created for a model that is not there"


async def test_an_unreachable_hub_is_one_clear_line_not_minutes_of_retries(tmp_path: Path) -> None:
    # the hub is a closed port here, as huggingface.co is on a machine without internet
    code, output = await run_real_bot(tmp_path, INDEX_MODEL="google/embeddinggemma-300m", HF_HOME=str(tmp_path / "hf"),
                                      HF_ENDPOINT=closed_url())
    assert code == 1, output
    [error] = [line for line in output.splitlines() if line.startswith("error:")]
    assert error.startswith("error: cannot reach the Hugging Face hub for 'google/embeddinggemma-300m'"), error
    assert error.endswith("set INDEX_MODEL to a local folder, see python -m index fetch-model")
    assert "Retrying" not in output and "export" not in output, output

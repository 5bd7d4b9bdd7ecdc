"""A bad prefs.json is moved aside, not overwritten: every user's pins stay recoverable."""

from __future__ import annotations

import json
import logging
import threading
from pathlib import Path

import pytest

from bot.prefs import LanguagePrefs


def aside(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.name}.corrupt-*"))


@pytest.mark.parametrize("content", [b'{"1": "bn", "2": "th"', b"[1, 2]", b'{"1": "bn", "2": "\xff"}'],
                         ids=["cut-off-json", "not-an-object", "not-utf8"])
def test_a_corrupt_file_is_moved_aside_before_the_next_save(tmp_path: Path, caplog, content: bytes) -> None:
    path = tmp_path / "prefs.json"
    path.write_bytes(content)
    with caplog.at_level(logging.WARNING, logger="bot.prefs"):
        prefs = LanguagePrefs(path)
    [moved] = aside(path)
    assert moved.read_bytes() == content, "the pins in it can still be mended by hand"
    assert str(moved) in caplog.text, "the log says where the file went"
    assert prefs.get(1) is None
    prefs.set(3, "vi")  # the /lang that used to overwrite everyone's pins
    assert json.loads(path.read_text(encoding="utf-8")) == {"3": "vi"}
    assert moved.read_bytes() == content


def test_an_unreadable_path_is_moved_aside(tmp_path: Path) -> None:
    path = tmp_path / "prefs.json"
    path.mkdir()  # reading it fails with an OSError, as a damaged file can
    (path / "keep.txt").write_text("x", encoding="utf-8")
    prefs = LanguagePrefs(path)
    [moved] = aside(path)
    assert (moved / "keep.txt").read_text(encoding="utf-8") == "x"
    prefs.set(1, "th")
    assert LanguagePrefs(path).get(1) == "th"


def test_a_second_corrupt_file_does_not_replace_the_first(tmp_path: Path) -> None:
    path = tmp_path / "prefs.json"
    path.write_text("{first", encoding="utf-8")
    LanguagePrefs(path)
    path.write_text("{second", encoding="utf-8")
    LanguagePrefs(path)
    assert sorted(p.read_text(encoding="utf-8") for p in aside(path)) == ["{first", "{second"]


def test_a_good_or_missing_file_is_left_where_it_is(tmp_path: Path) -> None:
    path = tmp_path / "prefs.json"
    assert LanguagePrefs(path).get(1) is None and not aside(path) and not path.exists()
    path.write_text('{"1": "bn"}', encoding="utf-8")
    assert LanguagePrefs(path).get(1) == "bn" and not aside(path)


class HeldWrite(LanguagePrefs):
    """Prefs whose save, like one waiting on fsync of a slow disk, goes on until the test lets it."""

    def __init__(self, path: Path):
        super().__init__(path)
        self.writing, self.release, self.written = threading.Event(), threading.Event(), threading.Event()

    def _write(self, pins: dict[str, str]) -> None:
        self.writing.set()
        self.release.wait()
        super()._write(pins)
        self.written.set()


def test_get_does_not_wait_for_a_save_in_progress(tmp_path: Path) -> None:
    # get() runs on the event loop for every question: waiting for one user's /lang would stall every chat
    path = tmp_path / "prefs.json"
    path.write_text('{"1": "bn"}', encoding="utf-8")
    prefs = HeldWrite(path)
    saving = threading.Thread(target=prefs.set, args=(2, "th"))
    saving.start()
    prefs.writing.wait()
    # Only if get() were blocked would this timer ever matter: it ends the save so the test fails
    # below instead of hanging.
    guard = threading.Timer(60, prefs.release.set)
    guard.start()
    try:
        pinned, unpinned = prefs.get(1), prefs.get(2)
        answered_during_save = not prefs.written.is_set()
    finally:
        prefs.release.set()
        guard.cancel()
        saving.join()
    assert answered_during_save, "get() waited for the save to finish"
    assert (pinned, unpinned) == ("bn", None), "the new pin is not shown before it is on disk"
    assert prefs.get(2) == "th" and LanguagePrefs(path).get(2) == "th"


def test_saves_one_at_a_time_keep_every_pin(tmp_path: Path) -> None:
    path = tmp_path / "prefs.json"
    prefs = LanguagePrefs(path)
    threads = [threading.Thread(target=prefs.set, args=(user, "vi")) for user in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert json.loads(path.read_text(encoding="utf-8")) == {str(user): "vi" for user in range(20)}

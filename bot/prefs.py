"""Each user's pinned reply language (/lang), kept in a small JSON file across restarts.

The file is rewritten whole on each change via a temporary file and ``os.replace``, so a crash
mid-write leaves the old file, never half a file. A file that is missing or unreadable costs the
users their pins, not the bot its start: it begins empty and says so in the log. An unreadable
file is first moved aside (``prefs.json.corrupt-<UTC time>``), or the next /lang would overwrite
it and every pin in it would be gone for good; moved aside, an operator can still mend it.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import threading
import time
from pathlib import Path

from index import LANGUAGES

log = logging.getLogger(__name__)


class LanguagePrefs:
    """Pinned languages by Telegram user id. Thread-safe; every ``set`` is saved at once."""

    def __init__(self, path: str | os.PathLike[str]):
        self._path = Path(path)
        self._write_lock = threading.Lock()  # one save at a time; readers never take it
        self._pins: dict[str, str] = _load(self._path)

    def get(self, user_id: int) -> str | None:
        """The user's pinned language, or None when replies follow each question."""
        # No lock: this runs on the event loop for every question, and a save holds the write lock
        # through fsync, which a slow disk can stretch to seconds. ``set`` never changes the dict
        # readers see; it swaps in a new one, and rebinding an attribute is atomic.
        return self._pins.get(str(user_id))

    def set(self, user_id: int, lang: str | None) -> None:
        """Pin ``lang`` for the user, or unpin with None. Raises ValueError for other languages."""
        if lang is not None and lang not in LANGUAGES:
            raise ValueError(f"unsupported language {lang!r}; expected one of {', '.join(LANGUAGES)}")
        with self._write_lock:
            pins = dict(self._pins)
            if lang is None:
                pins.pop(str(user_id), None)
            else:
                pins[str(user_id)] = lang
            if pins != self._pins:
                self._write(pins)  # saved first: memory never holds what the file lacks
                self._pins = pins

    def _write(self, pins: dict[str, str]) -> None:
        _save(self._path, pins)


def _load(path: Path) -> dict[str, str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        log.warning("no language preferences at %s yet; starting empty", path)
        return {}
    except (OSError, ValueError) as exc:  # ValueError: not JSON, or not UTF-8
        _move_aside(path, f"unreadable ({exc})")
        return {}
    if not isinstance(data, dict):
        _move_aside(path, "not a JSON object")
        return {}
    pins = {str(user): lang for user, lang in data.items() if isinstance(lang, str) and lang in LANGUAGES}
    if len(pins) < len(data):
        log.warning("dropped %d unsupported language preferences from %s", len(data) - len(pins), path)
    return pins


def _move_aside(path: Path, problem: str) -> None:
    """Rename a bad prefs file out of the way of the next save, keeping its bytes for a person."""
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
    aside = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while aside.exists():  # a second bad file within the same second
        aside, n = path.with_name(f"{path.name}.corrupt-{stamp}-{n}"), n + 1
    try:
        os.rename(path, aside)
    except OSError as exc:
        # Then the next save most likely fails too, and leaves the file as it is.
        log.warning("language preferences at %s are %s and could not be moved aside (%s); starting empty",
                    path, problem, exc)
        return
    log.warning("language preferences at %s are %s; moved them to %s and starting empty", path, problem, aside)


def _save(path: Path, pins: dict[str, str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            json.dump(pins, file, ensure_ascii=False, indent=0, sort_keys=True)
            file.flush()
            os.fsync(file.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise

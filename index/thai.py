"""Thai through pythainlp: words split by its dictionary, those it lacks told apart, and words read
out in Latin letters by the Royal Thai General System. Imported lazily, as most questions and
passages need none of it.

pythainlp writes a data folder into the home directory on first use unless told not to, and
would fetch corpora over the network: the dictionary and the romanizer it ships need neither, so
it is told to stay read-only and offline before its first import.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

_THAI_LETTER = re.compile(r"[\u0e01-\u0e2e]")


def _offline() -> None:
    os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")
    os.environ.setdefault("PYTHAINLP_OFFLINE", "1")


@lru_cache(maxsize=1)
def _romanizer():
    _offline()
    from pythainlp.transliterate import romanize

    return romanize


@lru_cache(maxsize=256)
def thai_latin(word: str) -> str:
    """A Thai word in Latin letters ("หวาง" → "wang")."""
    return _romanizer()(word, engine="royin")


def thai_words(text: str) -> list[str]:
    """The words of ``text`` (Thai writes no spaces between them), spaces left out."""
    _offline()
    from pythainlp.tokenize import word_tokenize

    return word_tokenize(text, engine="newmm", keep_whitespace=False)


@lru_cache(maxsize=1)
def _dictionary() -> frozenset[str]:
    _offline()
    from pythainlp.corpus import thai_words as listed

    return frozenset(listed())


@lru_cache(maxsize=1)
def thai_provinces() -> tuple[tuple[str, str], ...]:
    """Thailand's 77 provinces as pythainlp lists them: (English name, Thai name)."""
    _offline()
    from pythainlp.corpus import provinces

    return tuple((entry["name_en"], entry["name_th"]) for entry in provinces(details=True))


def unlisted_words(text: str) -> list[str]:
    """The words of ``text`` in Thai letters that the Thai dictionary lacks: mostly names spelled
    out in them ("ไลเจิว", Lai Chau; "เตวียน" of "เตวียนกวาง", Tuyen Quang), where common words,
    loanwords too ("แพลตฟอร์ม", "เปอร์เซ็นต์"), are listed. A name it lists ("กวางโจว",
    Guangzhou) goes unnoticed."""
    return [word for word in thai_words(text) if _THAI_LETTER.search(word) and word not in _dictionary()]


__all__ = ["thai_latin", "thai_provinces", "thai_words", "unlisted_words"]

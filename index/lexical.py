"""Cross-script name matching: romanize everything, then compare character trigrams.

This corpus is Vietnamese and Chinese news written in Bengali and Thai, asked about in English and
Vietnamese: the words a question shares with its passage are mostly names (Tuyên Quang, টুয়েন
কোয়াং), which dense embeddings match poorly across scripts. Romanized with unidecode, both sides
share many trigrams ("tuen kang" / "tuen quang"), so a small IDF-weighted overlap bonus lifts the
passage that names what the question names. Plain words in different languages share almost no
romanized trigrams, so the bonus stays out of the way elsewhere.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable

from unidecode import unidecode

_NOT_LETTERS = re.compile(r"[^a-z ]+")
_REPEATS = re.compile(r"(.)\1+")


def romanize(text: str) -> str:
    """A rough, script-independent spelling: ASCII letters, no doubled letters, no 'y' (Bengali
    'য়' romanizes as y' where Vietnamese writes nothing, and Vietnamese y sounds like i)."""
    text = _NOT_LETTERS.sub(" ", unidecode(text).lower().replace("'", ""))
    return _REPEATS.sub(r"\1", text).replace("y", "")


def trigrams(text: str, min_word: int = 3) -> frozenset[str]:
    grams: set[str] = set()
    for word in romanize(text).split():
        if len(word) >= min_word:
            padded = f" {word} "
            grams.update(padded[i:i + 3] for i in range(len(padded) - 2))
    return frozenset(grams)


class TrigramIdf:
    """Inverse document frequency of romanized trigrams over the passages of an index."""

    def __init__(self, passages: Iterable[frozenset[str]]):
        passages = list(passages)
        self._n = len(passages)
        self._df = Counter(g for grams in passages for g in grams)

    def weight(self, gram: str) -> float:
        return math.log((self._n + 1) / (self._df[gram] + 0.5))

    def overlap(self, question: frozenset[str], passage: frozenset[str]) -> float:
        """Share of the question's (known, IDF-weighted) trigrams found in the passage, 0..1."""
        return self.scorer(question)(passage)

    def scorer(self, question: frozenset[str]) -> Callable[[frozenset[str]], float]:
        """``overlap`` with ``question`` fixed: its weights are worked out once, not per passage."""
        weights = [(g, self.weight(g)) for g in question if g in self._df]
        total = sum(w for _, w in weights)
        if not total:
            return lambda passage: 0.0
        return lambda passage: sum(w for g, w in weights if g in passage) / total

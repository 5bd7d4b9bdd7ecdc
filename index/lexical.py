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
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from itertools import pairwise

from unidecode import unidecode

from .patterns import BENGALI_ENDINGS

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


# --- phrases shared in the same script --------------------------------------------------------

# letters with their vowel signs and marks, which \w leaves out (Bengali, Thai, combining accents)
_WORD = re.compile(r"(?:\w|[\u0300-\u036F\u0980-\u09FF\u0E00-\u0E7F])+")
_ENDINGS_LONGEST_FIRST = sorted(filter(None, BENGALI_ENDINGS), key=len, reverse=True)
RARE_PHRASE_PASSAGES = 3  # a word pair in more passages than this is a stock phrase, not a term


def word_pairs(text: str) -> frozenset[tuple[str, str]]:
    """Adjacent word pairs of ``text`` (lowercased, NFC), for space-separated scripts: a question
    that reuses an article's own term ("ইলেকট্রনিক ইনভয়েস") in its language names that passage.
    Thai writes no spaces between words, so its "words" are whole clauses and pair up with nothing."""
    words = _WORD.findall(unicodedata.normalize("NFC", text).lower())
    return frozenset(pairwise(words))


def stemmed_pairs(text: str) -> frozenset[tuple[str, str]]:
    """``word_pairs`` with a Bengali case ending off each pair's second word: a name takes the
    ending its sentence needs ("লাই চাউয়ের", of Lai Chau, is the article's "লাই চাউ")."""
    return frozenset((first, _stem(second)) for first, second in word_pairs(text))


def _stem(word: str) -> str:
    return next((word[:-len(ending)] for ending in _ENDINGS_LONGEST_FIRST
                 if word.endswith(ending) and len(word) - len(ending) >= 2), word)


class RarePairs:
    """Which of a question's word pairs occur in few passages of an index."""

    def __init__(self, passages: Iterable[frozenset[tuple[str, str]]]):
        self._df = Counter(pair for pairs in passages for pair in pairs)

    def of(self, question: str) -> frozenset[tuple[str, str]]:
        return frozenset(p for p in word_pairs(question) if 0 < self._df[p] <= RARE_PHRASE_PASSAGES)


# --- names a question asks about --------------------------------------------------------------

# Names shorter than this in romanized trigrams are acronyms ("SME", "EBI"): their three trigrams
# turn up in other words by chance, and an article may spell them out in its own language instead
MIN_NAME_TRIGRAMS = 5
_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]+")  # not Cyrillic "Сколько", which reads as no word
MIN_COINED_LETTERS = 4  # "Temu"; shorter opening words are mostly chat ("Ok", "Hi")
_NAME_WORD = re.compile(r"(?:\w|[\u0300-\u036F])+")
_SENTENCE_OPENERS = ".?!:;\"“("


def _after_opener(text: str, start: int) -> bool:
    """Whether a sentence opener (".", "?", a quote mark…) stands before ``start``, spaces apart.
    Looks back only that far: searching all the text before each word made an article's name scan
    quadratic (an admin's 3 MB file was still being cleaned after five minutes)."""
    i = start
    while i > 0 and text[i - 1].isspace():
        i -= 1
    return i > 0 and text[i - 1] in _SENTENCE_OPENERS


def _unicameral(word: str) -> bool:
    """Whether ``word`` opens with a letter of a script without capitals (Bengali, Thai)."""
    return bool(word) and word[0].isalpha() and not word[0].isupper() and not word[0].islower()


def _coined(word: str) -> bool:
    """Whether ``word`` is in no English dictionary and no Vietnamese syllable: a brand or a name
    even where it opens the question ("Shopee co tham gia…?", "Guangzhou fair visitors")."""
    from .language import VIETNAMESE_SYLLABLE  # both read this module
    from .sounds import in_dictionary

    folded = unidecode(word).lower()
    return _LATIN_WORD.fullmatch(word) is not None and len(folded) >= MIN_COINED_LETTERS and not in_dictionary(folded) \
        and not VIETNAMESE_SYLLABLE.fullmatch(folded)


def question_names(text: str) -> list[str]:
    """The capitalised names of a question in Latin letters ("Tuyên Quang", "CCEF"): runs of
    capitalised words. A lone capitalised word that opens the question or a sentence ("How",
    "Có") is no name; a run that opens it is ("Tuyên Quang xếp thứ mấy"), and so is a lone word
    followed by Bengali or Thai ("Lazada ประเทศไทย…", "(Shein) কোম্পানি"): those scripts have no
    capitals, and a sentence of theirs opens with a Latin word only to name something."""
    text = unicodedata.normalize("NFC", text)
    names: list[str] = []
    run: list[re.Match[str]] = []

    def close(following: str = "") -> None:
        opens = bool(run) and (run[0].start() == 0 or _after_opener(text, run[0].start()))
        if run and (len(run) > 1 or not opens or _unicameral(following) or _coined(run[0].group())):
            names.append(" ".join(m.group() for m in run))
        run.clear()

    for word in _NAME_WORD.finditer(text):
        if not word.group()[0].isupper():
            close(word.group())
            continue
        if run and text[run[-1].end():word.start()] != " ":
            close()
        run.append(word)
    close()
    return names

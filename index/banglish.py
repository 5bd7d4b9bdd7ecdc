"""Bengali typed in Latin letters ("mela te koto jon manush eshechilo?"), as Bangladeshi chat often is.

EmbeddingGemma reads such "Banglish" as a foreign language: it still finds the article by its
names, but misses the passage more often, the figure check cannot read "koto" (how many), and
lingua calls it English, so the reply came in English. So a question that reads as Banglish is
put back into Bengali script before it is embedded and checked, and the reply is in Bengali.

Transliteration is Avro Phonetic's (``avro-py``, the scheme Bangladeshi keyboards use). Avro
spells the way people type, not the way the word is written ("manush" is "মানুশ", not "মানুষ";
"lai chau" is "লাই ছাউ", not the articles' "লাই চাউ"), so each word is then matched to a known
Bengali word that differs only in letters Banglish cannot tell apart (ত/ট, দ/ড, শ/ষ/স, ন/ণ, র/ড়,
জ/য, ছ/চ, ি/ী, ু/ূ; up to two of them). Known words are the model's whole-word Bengali tokens
and the words of the Bengali articles in the index: the words that matter for finding a passage.

Which words stay as typed: names and acronyms (capitalised), words with digits or hyphens
("e-commerce"), and English words (among the tokenizer's ``ENGLISH_RANK`` commonest Latin words;
Bangladeshis write "livestream", "platform", "online" in English). Short Bengali function words
that are also English tokens ("ki", "ke", "e", "r") come from ``FUNCTION_WORDS``.

When a question is Banglish: at least two of its words become known Bengali words (or function
words), and no fewer than those that are English. English questions have one at most on our sets.
A word that is also one of the tokenizer's Latin words, however rare ("tiktok", "mega"), counts as
neither: the articles transliterate brands and foreign words ("টিকটক", "মেগা"), so "tiktok shop mega
livestream lai chau" read as Bengali (session 19, a user test); Banglish words ("mela", "koto",
"manush") are no Latin tokens.
Chat mixes in many English words ("Alibaba er AI tool diye koyta small and medium enterprise
foreign trade kortese?"), so Bengali grammar also decides on its own: two function words, one of
them a question word or postposition of three letters or more ("koto", "theke"), typed in lowercase.
Vietnamese typed without marks is told apart by lingua first; where lingua calls it English, its
words that could be Vietnamese syllables ("nen", "tren") do not count as Bengali, and a question
made mostly of such words is not Banglish (``VIETNAMESE_SHARE``). Names with a Bengali question
word and nothing else ("Tran Duong Hung ke?") are Banglish although one Bengali word is little
evidence: no Vietnamese question is shaped so (``asks_of_names``).
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import lru_cache

# Words that could be Vietnamese syllables typed without marks are often Bengali words too once
# transliterated ("nen", "nao", "tren"), so they are no evidence of Banglish: Vietnamese typed
# without marks must not be read as Bengali. Bengali words mostly have two vowel groups or codas
# Vietnamese lacks.
from .language import VIETNAMESE_SYLLABLE
from .word_list import tokenizer_vocabulary

try:
    import avro  # Avro Phonetic (avro-py); without it, Banglish is searched as typed
except ImportError:  # pragma: no cover - a declared dependency
    avro = None

log = logging.getLogger(__name__)

_TOKENIZER_WORD = "\u2581"
_BENGALI_WORD = re.compile(r"[\u0980-\u09FF]+")
_TOKEN = re.compile(r"(\W*)([A-Za-z][A-Za-z'-]*)(\W*)$")
_KEEP = re.compile(r"[A-Za-z]+")  # a word Avro may rewrite: letters only
_LATIN_WORDS = re.compile(r"[A-Za-z][A-Za-z'-]*")
ENGLISH_RANK = 30_000  # Latin whole words this common in the tokenizer are taken for English
MIN_BENGALI_WORDS = 2
# Function words this long are no English word or common abbreviation ("koto", "theke", "kobe"); the
# short ones are ("e", "r", "na", "ta"), so they count only beside a long one
_GRAMMAR_LETTERS = 3
VIETNAMESE_SHARE = 0.6  # more of the words than this could be Vietnamese syllables: not Banglish
# Letters Banglish writes alike, each group one letter to Avro: a known word that differs from
# Avro's spelling only in these, in at most _MAX_CHANGES places, is the word meant. ড় is two code
# points in NFC (ড and the nukta); it stands for one letter here.
_ALIKE = ("তট", "দড", "শষস", "নণ", "র\ue000", "জয", "ছচ", "িী", "ুূ")
_RA_DOT = "\u09a1\u09bc"  # ড়
_MAX_CHANGES = 2
_FOLD = str.maketrans({letter: group[0] for group in _ALIKE for letter in group})


def _letters(word: str) -> str:
    return word.replace(_RA_DOT, "\ue000")


def _fold(word: str) -> str:
    """``word`` with each group of letters Banglish writes alike reduced to one."""
    return _letters(word).translate(_FOLD)

# Postpositions, particles and question words whose Banglish spelling is also an English token or
# transliterates to a misspelling; from Bengali grammar, not from any question set.
FUNCTION_WORDS = {
    "e": "এ", "te": "তে", "er": "এর", "r": "আর", "ar": "আর", "ke": "কে", "o": "ও", "na": "না",
    "ta": "টা", "ti": "টি", "gulo": "গুলো", "guli": "গুলি", "jonno": "জন্য", "theke": "থেকে",
    "ki": "কী", "kon": "কোন", "koto": "কত", "koyta": "কয়টা", "koyti": "কয়টি", "kobe": "কবে",
    "kothay": "কোথায়", "keno": "কেন", "kivabe": "কীভাবে", "kibhabe": "কীভাবে", "kara": "কারা",
    "kar": "কার", "ache": "আছে", "chilo": "ছিল", "hoy": "হয়", "kore": "করে",
}
QUESTION_WORDS = frozenset("ke ki kon koto koyta koyti kobe kothay keno kivabe kibhabe kara kar".split())


def asks_of_names(text: str) -> bool:
    """Whether ``text`` is names and Bengali grammar alone, with a question word ("Le Hoang Oanh
    ke?", "Shopee koto?", "Lai Chau te ki?"). Too short to count as Banglish otherwise, and its
    names are Vietnamese, so it looked like Vietnamese typed without marks and got a Vietnamese
    reply; Vietnamese asks with words none of these is ("ai", "gi", "nao", "dau")."""
    words = _LATIN_WORDS.findall(text)
    lowercase = [word for word in words if word == word.lower()]
    return (len(lowercase) < len(words) and all(word in FUNCTION_WORDS for word in lowercase)
            and any(word in QUESTION_WORDS for word in lowercase))


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


class BanglishReader:
    """Reads Banglish questions in Bengali script (``read``); other text is left alone."""

    def __init__(self, english: Iterable[str], known: Mapping[str, int], latin: Iterable[str] = ()):
        self.english = frozenset(english)  # lowercase Latin words taken for English
        # lowercase Latin words of any rank: typed so, they may be a brand or a foreign word
        # ("tiktok", "mega") as well as Bengali, so they are no evidence of Banglish
        self.latin = frozenset(latin)
        self.known = dict(known)  # Bengali word -> how common (articles' count, +1 if a token)
        # Known words by their folded spelling: a lookup costs the word's length, where trying each
        # change in turn cost its cube (a 600-letter "word" took 2.4 s and 800 MB)
        self._by_fold: dict[str, list[str]] = {}
        for word in self.known:
            self._by_fold.setdefault(_fold(word), []).append(word)

    @classmethod
    def from_vocabulary(cls, vocabulary: Mapping[str, int], bengali_texts: Iterable[str] = ()) -> BanglishReader:
        """From a byte-pair vocabulary (token -> id; lower ids are commoner) and Bengali texts."""
        english, known, latin = set(), Counter(), set()
        for token, rank in vocabulary.items():
            if not token.startswith(_TOKENIZER_WORD):
                continue
            word = token[1:]
            if rank < ENGLISH_RANK and word.isascii() and word.isalpha() and word.islower():
                english.add(word)
            elif _BENGALI_WORD.fullmatch(word):
                known[_nfc(word)] += 1
            elif word.isascii() and word.isalpha() and word[1:].islower():  # "tiktok", "Tiktok"
                latin.add(word.lower())
        return cls(english, known, latin).with_texts(bengali_texts)

    def with_texts(self, bengali_texts: Iterable[str]) -> BanglishReader:
        """This reader with the words of ``bengali_texts`` known too (an index's articles)."""
        known = Counter(self.known)
        for text in bengali_texts:
            known.update(_BENGALI_WORD.findall(_nfc(text)))
        return BanglishReader(self.english, known, self.latin)

    def read(self, text: str) -> str | None:
        """``text`` in Bengali script if it reads as Banglish, else None."""
        parts, bengali, english, vietnamese, lowercase = [], 0, 0, 0, 0
        grammar, long_grammar = 0, 0  # function words typed in lowercase; those of three letters or more
        for piece in re.split(r"(\s+)", text):
            match = _TOKEN.match(piece)
            if not match:
                parts.append(piece)
                continue
            before, word, after = match.groups()
            lower = word.lower()
            if word == lower:
                lowercase += 1
                # a function word is Bengali grammar, though "te" or "ki" could be a Vietnamese syllable
                vietnamese += bool(VIETNAMESE_SYLLABLE.fullmatch(word)) and word not in FUNCTION_WORDS
            if lower in FUNCTION_WORDS:
                parts.append(before + FUNCTION_WORDS[lower] + after)
                bengali += 1
                if word == lower:
                    grammar += 1
                    long_grammar += len(word) >= _GRAMMAR_LETTERS
            elif not _KEEP.fullmatch(word) or word[0].isupper():
                parts.append(piece)  # a name, an acronym, "e-commerce"
            elif lower in self.english:
                parts.append(piece)
                english += 1
            else:
                spelling, known = self._spell(_nfc(avro.parse(lower)))
                parts.append(before + spelling + after)
                bengali += known and not VIETNAMESE_SYLLABLE.fullmatch(lower) and lower not in self.latin
        bengali_grammar = grammar >= MIN_BENGALI_WORDS and long_grammar >= 1
        if vietnamese > VIETNAMESE_SHARE * lowercase or (not asks_of_names(text) and (
                bengali < MIN_BENGALI_WORDS or (bengali < english and not bengali_grammar))):
            return None
        return "".join(parts)

    def _spell(self, typed: str) -> tuple[str, bool]:
        """The commonest known word that differs from Avro's ``typed`` only in letters Banglish
        writes alike, in at most ``_MAX_CHANGES`` places, and whether there is one (else ``typed``)."""
        letters = _letters(typed)
        found = [word for word in self._by_fold.get(_fold(typed), ())
                 if sum(a != b for a, b in zip(letters, _letters(word))) <= _MAX_CHANGES]
        if not found:
            return typed, False
        return max(found, key=lambda word: (self.known[word], word == typed)), True


@lru_cache(maxsize=4)
def reader_for(model: str) -> BanglishReader | None:
    """The reader made from the tokenizer in the model folder ``model`` (None without one, or
    without ``avro-py``). Articles' words are added per index (``BanglishReader.with_texts``)."""
    if avro is None:
        log.warning("avro-py is not installed: Bengali typed in Latin letters is searched as typed")
        return None
    vocabulary = tokenizer_vocabulary(model)
    if vocabulary is None:
        log.warning("no readable tokenizer.json in %s: Bengali typed in Latin letters is searched as typed", model)
        return None
    return BanglishReader.from_vocabulary(vocabulary)


__all__ = ["FUNCTION_WORDS", "QUESTION_WORDS", "BanglishReader", "asks_of_names", "reader_for"]

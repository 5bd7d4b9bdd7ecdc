"""Names a question asks about that no article mentions ("How many dark stores in Phuket?" over
articles that never name Phuket).

A bi-encoder answers such a question with the closest passage about something else (Chiang Mai's
dark stores), and scores it like a right answer. Whether an article names a thing can be read off
its text only where it writes the name as the question does:

- In Latin letters (English, Vietnamese), diacritics and spaces folded away ("Chợ Sen", "Cho Sen",
  "ChoSen"), a name is found or not. Articles in Bengali or Thai spell it in their own script,
  which romanized trigrams match too loosely to tell "absent" from "spelled differently" (present
  names shared as little as 22% of their trigrams with the seed articles, absent ones up to 86%),
  so with any such article the check says nothing.
- Between English and Vietnamese, places and countries have exonyms ("Guangzhou" / "Quảng Châu",
  "China" / "Trung Quốc"), so a name absent from articles in another language than the question's
  may still be there under another name, and the caller only warns. Absent from articles all in
  the question's language (``NameFinder.all_in``), it is surely absent.

Countries are the exception: their names in all four languages are known (``countries``), so one
that no article names, in any script, is surely absent whatever the articles' languages.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

from .countries import CountryCheck
from .lexical import MIN_NAME_TRIGRAMS, question_names, romanize, trigrams
from .models import Chunk

LATIN_LANGUAGES = frozenset({"en", "vi"})
# "Vietnamese" is found in "Vietnam", "Shopee's" in "Shopee": a name matches on all but its last
# few letters, and at least this many
MIN_MATCH_LETTERS = 5
INFLECTION_LETTERS = 3


def _key(text: str) -> str:
    return romanize(text).replace(" ", "")


@dataclass(frozen=True)
class UnknownNames:
    """A question's names that no article mentions. ``countries``: in no article under any name;
    ``others``: written in no article as the question writes them."""

    countries: tuple[str, ...] = ()
    others: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (*self.countries, *self.others)


class NameFinder:
    """Whether the articles of an index mention a question's names (see the module doc)."""

    def __init__(self, chunks: Iterable[Chunk]):
        texts: dict[str, list[str]] = {}
        langs: dict[str, str] = {}
        for chunk in chunks:
            if chunk.doc not in texts:
                texts[chunk.doc] = [chunk.title]
            texts[chunk.doc].append(chunk.text)
            langs[chunk.doc] = chunk.lang
        self._langs = frozenset(langs.values())
        self._countries = CountryCheck(text for parts in texts.values() for text in parts)
        # None: some article is in another script, where absence cannot be read off the text
        self._folded = ("|".join(_key(text) for parts in texts.values() for text in parts)
                        if texts and self._langs <= LATIN_LANGUAGES else None)

    def unknown(self, question: str, reading: str | None = None) -> UnknownNames:
        """The names of ``question`` that no article mentions: countries named in it or in its
        ``reading`` (Vietnamese with its marks put back, Banglish in Bengali script), then other
        names as typed where the articles are all in Latin letters."""
        countries = self._countries.unknown(question, reading or question)
        if self._folded is None:
            return UnknownNames(countries)
        already = {name.casefold() for name in countries}
        others = tuple(name for name in dict.fromkeys(question_names(question))
                       if name.casefold() not in already and len(trigrams(name)) >= MIN_NAME_TRIGRAMS
                       and not _mentions(self._folded, name))
        return UnknownNames(countries, others)

    def all_in(self, lang: str | None) -> bool:
        """Whether every article is in ``lang``, so that a name they lack is in none of them under
        any other name either."""
        return self._langs == {lang}


def _mentions(folded: str, name: str) -> bool:
    """Whether ``folded`` (articles as ``_key`` folds them) mentions ``name``."""
    # A run of capitalised words may take in a question's opening word ("Does Cho Sen…") or
    # name more than an article writes together ("Sở Công Thương Đồng Nai" where an article
    # writes "Sở Công Thương tỉnh Đồng Nai"): any two of its words together will do.
    words = [_key(word) for word in name.split()]
    parts = ["".join(pair) for pair in pairwise(words)] if len(words) > 1 else words
    return any(part[:max(MIN_MATCH_LETTERS, len(part) - INFLECTION_LETTERS)] in folded for part in parts if part)

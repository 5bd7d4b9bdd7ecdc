"""Names a question asks about that no article mentions ("How many dark stores in Phuket?" over
articles that never name Phuket).

A bi-encoder answers such a question with the closest passage about something else (Chiang Mai's
dark stores), and scores it like a right answer. Whether an article names a thing can be read off
its text only where it writes the name as the question does:

- In Latin letters (English, Vietnamese), diacritics and spaces folded away ("Chợ Sen", "Cho Sen",
  "ChoSen"), a name is found or not. Articles in Bengali or Thai spell it in their own script,
  which romanized trigrams match too loosely to tell "absent" from "spelled differently" (present
  names shared as little as 22% of their trigrams with the seed articles, absent ones up to 86%).
  With any such article, only a foreign name that nothing in the articles sounds like is surely
  absent (``sounds``: "Pinduoduo", "Tokopedia"); other names go unchecked.
- Between English and Vietnamese, places and countries have exonyms ("Guangzhou" / "Quảng Châu",
  "China" / "Trung Quốc"), so a name absent from articles in another language than the question's
  may still be there under another name, and the caller only warns. Absent from articles all in
  the question's language (``NameFinder.all_in``), it is surely absent.

Countries are the exception: their names in all four languages are known (``countries``), so one
that no article names, in any script, is surely absent whatever the articles' languages. So are
Vietnam's, Thailand's and China's provinces and big cities (``provinces``): "Cần Thơ", "เชียงใหม่",
"เซี่ยงไฮ้" (Shanghai). So are
years, whatever digits or era write them ("২০১৫", "2558"): "Why did the Silk Road lectures stop in
2015?" over articles naming only 2020, 2024 and 2025 rests on a premise none of them states.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from .acronyms import AcronymFinder, is_acronym
from .answer_type import years_in
from .brands import BrandCheck
from .countries import CountryCheck
from .language import detect_language, script_counts
from .lexical import MIN_NAME_TRIGRAMS, question_names, romanize, trigrams
from .models import Chunk
from .numbers import to_ascii_digits
from .places import MIN_NAME_CHARS, fold, stems
from .provinces import ProvinceCheck
from .sounds import ABSENT_BELOW, SoundLexicon, heard_parts, judged_parts

LATIN_LANGUAGES = frozenset({"en", "vi"})
# "Vietnamese" is found in "Vietnam", "Shopee's" in "Shopee": a name matches on all but its last
# few letters, and at least this many
MIN_MATCH_LETTERS = 5
INFLECTION_LETTERS = 3
_FOUR_DIGITS = re.compile(r"(?<![\d.,])\d{4}(?![\d.,]\d)")  # a number of four digits, not part of a longer one


def _key(text: str) -> str:
    return romanize(text).replace(" ", "")


@dataclass(frozen=True)
class UnknownNames:
    """A question's names that no article mentions. ``countries``: in no article under any name;
    ``others``: written in no article as the question writes them; ``years``: in no article in any
    digits or era, as the question writes them; ``unheard``: foreign names in Latin letters that
    nothing in Bengali or Thai articles sounds like (``sounds``), and well-known companies and
    founders no article writes under any spelling (``brands``), surely absent as countries are;
    ``provinces``: Vietnam's and Thailand's provinces in no article, in any script, as typed."""

    countries: tuple[str, ...] = ()
    others: tuple[str, ...] = ()
    years: tuple[str, ...] = ()
    unheard: tuple[str, ...] = ()
    provinces: tuple[str, ...] = ()
    # whether the question names a country or province that an article names too: an absent one
    # beside it may be the asker's own ("I run a shop in Chiang Mai: which payment apps does
    # Vietnam have?")
    names_known_place: bool = False

    @property
    def names(self) -> tuple[str, ...]:
        # a province may be typed as a name ``others`` or ``unheard`` reports too ("Phuket")
        heard = {fold(name) for name in (*self.others, *self.unheard)}
        provinces = tuple(name for name in self.provinces if fold(name) not in heard)
        return (*self.countries, *provinces, *self.others, *self.unheard, *self.years)

    @property
    def places(self) -> tuple[str, ...]:
        """The countries and provinces: places surely in no article, whatever the question asks."""
        return (*self.countries, *self.provinces)


class NameFinder:
    """Whether the articles of an index mention a question's names (see the module doc)."""

    def __init__(self, chunks: Iterable[Chunk]):
        chunks = chunks if isinstance(chunks, Sequence) else list(chunks)
        texts: dict[str, list[str]] = {}
        langs: dict[str, str] = {}
        for chunk in chunks:
            if chunk.doc not in texts:
                texts[chunk.doc] = [chunk.title]
            texts[chunk.doc].append(chunk.text)
            langs[chunk.doc] = chunk.lang
        self._langs = frozenset(langs.values())
        self._chunks = chunks
        self._lexicon: SoundLexicon | None = None
        self._passage_lexicon: SoundLexicon | None = None
        self._acronyms = AcronymFinder({doc: "\n".join(parts) for doc, parts in texts.items()})
        self._countries = CountryCheck(text for parts in texts.values() for text in parts)
        self._brands = BrandCheck(text for parts in texts.values() for text in parts)
        self._provinces = ProvinceCheck(chunks, self._sounds)
        self._years = frozenset().union(*(years_in(text, thai=langs[doc] == "th")
                                          for doc, parts in texts.items() for text in parts))
        self._plain = "\n".join(fold(text) for parts in texts.values() for text in parts)  # for ``written``
        # None: some article is in another script, where absence cannot be read off the text
        self._folded = ("|".join(_key(text) for parts in texts.values() for text in parts)
                        if texts and self._langs <= LATIN_LANGUAGES else None)

    def unknown(self, question: str, reading: str | None = None) -> UnknownNames:
        """The names of ``question`` that no article mentions: countries named in it or in its
        ``reading`` (Vietnamese with its marks put back, Banglish in Bengali script), then other
        names as typed where the articles are all in Latin letters."""
        countries = self._countries.unknown(question, reading or question)
        provinces = self._provinces.unknown(question, reading or question)
        known_place = self._countries.names_known(question, reading or question) \
            or self._provinces.names_known(question, reading or question)
        years = tuple(typed for year, typed in _years_as_typed(question).items() if year not in self._years)
        # a company or founder no article names under any spelling is surely absent, as a country
        brands = self._brands.unknown(question, reading or question)
        heard = {fold(name) for name in brands}
        if self._folded is None:
            lang = detect_language(reading or question)
            parts = [part for name in dict.fromkeys(question_names(question)) for part in judged_parts(name, lang)]
            unheard = tuple(part for part in parts if fold(part) not in heard and self._sounds().absent(part))
            return UnknownNames(countries, years=years, unheard=(*brands, *unheard), provinces=provinces,
                                names_known_place=known_place)
        already = {name.casefold() for name in countries} | {name.casefold() for name in brands}
        others = tuple(name for name in dict.fromkeys(question_names(question))
                       if name.casefold() not in already and len(trigrams(name)) >= MIN_NAME_TRIGRAMS
                       and not _mentions(self._folded, name))
        return UnknownNames(countries, others, years, unheard=brands, provinces=provinces,
                            names_known_place=known_place)

    def _sounds(self) -> SoundLexicon:
        # read out on the first question naming a foreign name (a second or so over the seeds),
        # not at load: most questions name none
        if self._lexicon is None:
            self._lexicon = SoundLexicon((chunk.doc, chunk.text, str(chunk.lang)) for chunk in self._chunks)
        return self._lexicon

    def named_elsewhere(self, question: str, doc: str, places_in: tuple[str, ...] = ()) -> tuple[str, ...]:
        """The names of ``question`` that another article than ``doc`` names and ``doc`` does not:
        the figures and facts of ``doc`` are another subject's. Acronyms as ``acronyms`` finds
        them; provinces and cities of our lists in any script (``provinces``), read in
        ``places_in`` if given (a follow-up moving on to a place: "and in Lai Chau?" after Dong
        Nai's booths asks of Lai Chau alone); names in Latin letters that another article names
        plainly and nothing in ``doc`` sounds like (``sounds``), where an article is in Bengali or Thai."""
        acronyms = self._acronyms.elsewhere(question, doc)
        provinces = self._provinces.elsewhere(doc, *(places_in or (question,)))
        if self._folded is not None:
            return acronyms + provinces  # other names all in Latin letters: ``retrieval`` compares their trigrams
        parts = [part for name in dict.fromkeys(question_names(question)) for part in heard_parts(name)]
        heard = tuple(part for part in parts if self._sounds().elsewhere(part, doc))
        told = set(map(fold, heard))  # "Lai Chau" typed in Latin letters is heard and listed both
        return acronyms + heard + tuple(name for name in provinces if fold(name) not in told)

    def unnamed_near(self, question: str, chunk: Chunk) -> tuple[str, ...]:
        """The names of ``question`` that ``chunk``'s article names plainly but that neither
        ``chunk``, the passage before it nor the article's lead sounds like."""
        if self._folded is not None:
            return ()
        parts = [part for name in dict.fromkeys(question_names(question)) for part in heard_parts(name)]
        named = [part for part in parts if chunk.doc in self._sounds().plainly_in(part)]
        if not named:
            return ()
        near = {c.id for c in self._chunks if c.doc == chunk.doc
                and (c.paragraph in (chunk.paragraph, chunk.paragraph - 1) or c.paragraph == _lead(self._chunks, chunk.doc))}
        lexicon = self._passages()
        return tuple(part for part in named
                     if max((lexicon.likeness_in(part).get(key, 0.0) for key in near), default=0.0) < ABSENT_BELOW)

    def _passages(self) -> SoundLexicon:
        if self._passage_lexicon is None:
            self._passage_lexicon = SoundLexicon((chunk.id, chunk.text, str(chunk.lang)) for chunk in self._chunks)
        return self._passage_lexicon

    def articles_naming(self, names: Iterable[str]) -> frozenset[str]:
        """The articles that name one of ``names`` (as ``named_elsewhere`` gives them) plainly."""
        return frozenset().union(*map(self._naming, names))

    def _naming(self, name: str) -> frozenset[str]:
        if is_acronym(name):
            return self._acronyms.articles_writing(name)
        if provinces := self._provinces.articles_writing(name):
            return provinces
        if self._folded is not None:
            return frozenset()  # all in Latin letters: no name is told by its sound
        return self._sounds().plainly_in(name)

    def written(self, name: str) -> str | None:
        """How the articles write ``name``, if they write it as typed (diacritics aside): itself,
        or a stem without a Bengali case ending ("লাই চাউ" for "লাই চাউতে"). In the question's
        script only: see ``places`` for why no other spelling is looked for."""
        return next((stem for stem in stems(name) if len(stem) >= MIN_NAME_CHARS and fold(stem) in self._plain), None)

    def all_in(self, lang: str | None) -> bool:
        """Whether every article is in ``lang``, so that a name they lack is in none of them under
        any other name either."""
        return self._langs == {lang}


def _lead(chunks: Sequence[Chunk], doc: str) -> int:
    return min(c.paragraph for c in chunks if c.doc == doc)


def _years_as_typed(question: str) -> dict[str, str]:
    """The years ``question`` names, as CE years, each with the digits it was typed in."""
    thai = script_counts(question)["th"] > 0  # a Thai question's "2558" is the Buddhist era's 2015
    digits = to_ascii_digits(question)  # digit for digit, so its positions are the question's
    return {year: question[match.start():match.end()] for match in _FOUR_DIGITS.finditer(digits)
            for year in years_in(match.group(), thai=thai)}


def _mentions(folded: str, name: str) -> bool:
    """Whether ``folded`` (articles as ``_key`` folds them) mentions ``name``."""
    # A run of capitalised words may take in a question's opening word ("Does Cho Sen…") or
    # name more than an article writes together ("Sở Công Thương Đồng Nai" where an article
    # writes "Sở Công Thương tỉnh Đồng Nai"): any two of its words together will do.
    words = [_key(word) for word in name.split()]
    parts = ["".join(pair) for pair in pairwise(words)] if len(words) > 1 else words
    return any(part[:max(MIN_MATCH_LETTERS, len(part) - INFLECTION_LETTERS)] in folded for part in parts if part)

"""Vietnam's, Thailand's and China's provinces and big cities that a question names, in any of our
scripts, and whether any article names them: "How is e-commerce growing in Cần Thơ?", "อีคอมเมิร์ซ
ในเชียงใหม่เติบโตอย่างไร" over articles that never name Can Tho or Chiang Mai.

A bi-encoder answers such a question with the passage on another province's e-commerce, and
scores it like a right answer: two user tests got Dong Nai's paragraph for Can Tho, without the
caveat. ``sounds`` cannot tell these names apart: a Vietnamese question's names are Vietnamese
syllables, which it leaves alone (Vietnamese names China's places in its own reading), and short
open syllables sound like some run of words in any article (Can Tho 0.71 like a run of the Thai
article, which names no Vietnamese place). A list of the provinces tells them, as ``countries``
tells countries:

- Vietnam's (``vietnamese.VIETNAM_PLACES``), named in a question in Latin letters, marks or none,
  capitalised as a name is ("Cần Thơ", "Can Tho"), or in Bengali letters, spelled by their sound
  as ``place_names`` reads them ("ক্যান থো" is not read: its first syllable reads "kosan"). Not
  its regions ("Tây Bắc", "Mê Kông"), which articles translate.
- Thailand's 77 provinces (pythainlp's list, Thai and English names), named in Thai letters as a
  whole word, or in Latin letters by the English name, capitalised. Left out where the name is an
  everyday word too: Thai "เลย" (at all), "แพร่" (spread), "ตาก" (to dry) and the other names of
  four letters or fewer unless "จังหวัด" (province) comes before; English "Trang" and "Nan",
  Vietnamese syllables, of five letters or fewer.
- The places of ``gazetteer``, as it spells them: Vietnam's in Thai letters ("ลายเจิว", Lai Châu),
  and China's big cities and provinces in any script ("Shanghai", "Thượng Hải", "সাংহাই",
  "เซี่ยงไฮ้"), which no sound tells: "Shanghai" sounds 0.8 like a run of the Guangzhou fair's
  article, which never names it.

Named in an article, and by which (``ProvinceCheck.articles``; a question naming a place that only
other articles than its best passage's name is about their subject, ``elsewhere``): in Latin
letters as typed, marks aside; in Thai, a Thai province as written; a place of ``gazetteer`` as it
spells it; in Bengali, a place read by ``place_names``, or any province whose name sounds at least
``NAMED_IN_BENGALI`` like a run of the article's words; in Thai, a Vietnamese place that sounds
at least ``NAMED_IN_THAI`` like one (the Royal Thai romanization loses tones and finals, so no
spelling is read exactly). Both lines err towards "named": a province wrongly judged absent costs
the refusal of an answerable question.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from .countries import countries_named, mentions_country
from .gazetteer import listed_place, listed_places
from .models import Chunk
from .place_names import places_written
from .language import VIETNAMESE_SYLLABLE
from .sounds import SoundLexicon, everyday_words
from .thai import thai_provinces
from .vietnamese import VIETNAM_PLACES, strip_marks

NAMED_IN_BENGALI = 0.9  # Tuyen Quang and Lai Chau sound 1.0 like their Bengali spellings
NAMED_IN_THAI = 0.85  # no Vietnamese place sounds over 0.83 like a run of the Thai seed article
# letters; a Latin name no longer that is a Vietnamese syllable or an English word is no sure name
# ("Trang" is Vietnamese for a page, "Nan" English); "Bangkok" (a straw, to Webster's) is
MAX_AMBIGUOUS_LATIN = 5
MIN_THAI_NAME = 5  # letters; shorter names are everyday words too, read only after "จังหวัด"
_THAI_PROVINCE_WORD = "จังหวัด"
# Bangkok's short Thai name, as it is mostly written ("กรุงเทพฯ"), beside the list's full one
_THAI_SHORT_NAMES = {"กรุงเทพ": "Bangkok"}
# Vietnam's regions, which articles translate ("উত্তরাঞ্চলের মধ্যভূমি এবং পাহাড়" for the northern
# midlands and mountains, of which the Northwest is part): not judged
_VIETNAM_REGIONS = frozenset({"Tây Nguyên", "Tây Bắc", "Cửu Long", "Mê Kông"})


@dataclass(frozen=True)
class Province:
    """A province or big city: its name in Latin letters (Vietnamese as Vietnam writes it, English
    for Thailand's) and, for Thailand's, its Thai name."""

    name: str
    thai: str | None = None


@cache
def _thai_provinces() -> tuple[Province, ...]:
    listed = tuple(Province(name, thai) for name, thai in thai_provinces())
    return listed + tuple(Province(name, thai) for thai, name in _THAI_SHORT_NAMES.items()
                          if any(province.name == name for province in listed))


@cache
def _thai_name(name: str) -> str | None:
    """The Thai name of the Thai province ``name`` (English), or None for another place."""
    return next((province.thai for province in _thai_provinces() if province.name == name), None)


@cache
def _latin_names() -> tuple[tuple[re.Pattern[str], Province], ...]:
    """Each province named in Latin letters, as a pattern over text without Vietnamese marks: each
    word capitalised, whole words."""
    provinces = [Province(name) for name in VIETNAM_PLACES if name not in _VIETNAM_REGIONS]
    provinces += [province for province in _thai_provinces()
                  if len(province.name) > MAX_AMBIGUOUS_LATIN
                  or not (VIETNAMESE_SYLLABLE.fullmatch(province.name.lower()) or everyday_words(province.name))]
    return tuple((re.compile(rf"(?<![\w-]){re.escape(strip_marks(province.name))}(?![\w-])"), province)
                 for province in provinces)


def _thai_named(question: str) -> list[Province]:
    """The Thai provinces ``question`` (in Thai letters) names: a long name anywhere ("เชียงใหม่"),
    a short one only as the word after "จังหวัด" ("จังหวัดเลย")."""
    from .thai import thai_words

    words = thai_words(question)
    after_province = {word.removeprefix(_THAI_PROVINCE_WORD) for word in words
                      if word.startswith(_THAI_PROVINCE_WORD)} | {
        word for previous, word in zip(words, words[1:]) if previous == _THAI_PROVINCE_WORD}
    return [province for province in _thai_provinces() if province.thai
            and ((len(province.thai) >= MIN_THAI_NAME and province.thai in question)
                 or province.thai in after_province)]


@lru_cache(maxsize=1024)  # asked for by ``unknown`` and ``names_known`` alike; a follow-up's again
def provinces_named(question: str) -> dict[str, str]:
    """The provinces ``question`` names, by the rules of the module doc: their Latin name → the name
    as the question writes it, shared between calls (read it, do not change it). Pure."""
    text = unicodedata.normalize("NFC", question)
    named: dict[str, str] = {}
    plain = strip_marks(text)  # one letter for one: positions are the question's
    for pattern, province in _latin_names():
        if match := pattern.search(plain):
            named.setdefault(province.name, text[match.start():match.end()])
    if re.search(r"[\u0e01-\u0e5b]", text):
        for province in _thai_named(text):
            named.setdefault(province.name, province.thai or province.name)
    if re.search(r"[\u0980-\u09ff]", text):
        for written, place in places_written(text, "bn"):
            if not place.country and place.name not in _VIETNAM_REGIONS:
                named.setdefault(place.name, written)
    for name, written in listed_places(text).items():
        named.setdefault(name, written)
    return named


# Vietnam and Thailand named as countries, not as adjectives ("Vietnamese", "ভিয়েতনামী"): "Which city
# did the Thai delegation visit?" asks of a city anywhere
_COUNTRY_NOUNS = {
    "VN": re.compile(r"(?i:\bviet ?nam\b(?!ese))|ভিয়েতনাম(?!ী)|เวียดนาม"),
    "TH": re.compile(r"(?i:\bthailand\b|\bthai lan\b)|থাইল্যান্ড|ประเทศไทย|(?<!คน)ไทย"),
}


def locality_country(question: str) -> str | None:
    """The country, Vietnam ("VN") or Thailand ("TH"), that ``question`` names as a country and
    alone, as the one it asks a city or province of (``answer_type.asks_locality``). Pure."""
    named = list(countries_named(question))
    text = strip_marks(unicodedata.normalize("NFC", question))
    if len(named) == 1 and (pattern := _COUNTRY_NOUNS.get(named[0])) and pattern.search(text):
        return named[0]
    return None


def names_province_of(text: str, lang: str, country: str) -> bool | None:
    """Whether ``text``, a passage in ``lang``, names a province or city of ``country`` ("VN" or
    "TH") of our lists; None where it cannot be read: another country, Thailand's places in Bengali
    letters (no spelling of theirs is read exactly; see the module doc), and Vietnam's in Thai
    unless it writes one as ``gazetteer`` spells it (other spellings may name one)."""
    text = unicodedata.normalize("NFC", text)
    if country == "VN":
        if lang == "bn":
            return any(not place.country and _of_vietnam(place.name) for _, place in places_written(text, "bn"))
        if lang == "th":  # the gazetteer's Thai spellings are not all there are: none read is no answer
            return any(_of_vietnam(name) for name in listed_places(text)) or None
        plain = strip_marks(text)
        return any(pattern.search(plain) for pattern, province in _latin_names() if province.thai is None)
    if country == "TH":
        if lang == "th":
            return bool(_thai_named(text))
        if lang == "bn":
            return None
        return any(pattern.search(text) for pattern, province in _latin_names() if province.thai is not None)
    return None


def _of_vietnam(name: str) -> bool:
    """Whether the place ``name`` (as ``places_written`` or ``gazetteer`` gives it) is Vietnam's."""
    return name in VIETNAM_PLACES or ((listed := listed_place(name)) is not None and listed.country == "VN")


def _named(readings: tuple[str, ...]) -> dict[str, str]:
    # most questions read as typed: once is enough; the first reading naming a province writes it
    return {name: written for reading in reversed(dict.fromkeys(readings))
            for name, written in provinces_named(reading).items()}


class ProvinceCheck:
    """Which provinces the articles of an index name, and which a question names that none does."""

    def __init__(self, chunks: Iterable[Chunk], sounds: Callable[[], SoundLexicon]):
        """``sounds``: the articles' ``SoundLexicon`` (by article), built on first use: reading
        every Bengali word out takes about two seconds over the seeds, paid once for all names."""
        self._latin: dict[str, list[str]] = {}
        self._thai: dict[str, list[str]] = {}
        self._read: dict[str, set[str]] = {}  # each article's places, read as the text spells them
        self._langs: dict[str, str] = {}
        for c in chunks:
            self._langs[c.doc] = c.lang
            read = self._read.setdefault(c.doc, set())
            if c.lang == "bn":  # the places of ``gazetteer`` too
                read.update(place.name for _, place in places_written(c.text, "bn") if not place.country)
                continue
            read.update(listed_places(c.text))
            if c.lang == "th":
                self._thai.setdefault(c.doc, []).append(c.text)
            else:
                self._latin.setdefault(c.doc, []).append(strip_marks(c.text).casefold())
        self._sounds = sounds
        self._articles: dict[str, frozenset[str]] = {}
        _latin_names()  # read the lists (and Webster's, 0.2 s) with the index, not on the first question

    def unknown(self, *readings: str) -> tuple[str, ...]:
        """The provinces named in any of ``readings`` of a question that no article names, as the
        first reading naming each writes it."""
        return tuple(written for name, written in _named(readings).items() if not self.named(name))

    def names_known(self, *readings: str) -> bool:
        """Whether any of ``readings`` of a question names a province that an article names."""
        return any(map(self.named, _named(readings)))

    def elsewhere(self, doc: str, *readings: str) -> tuple[str, ...]:
        """The provinces named in any of ``readings`` of a question that an article names but
        ``doc`` does not, as the first reading naming each writes it: ``doc``'s facts are another
        place's ("how many visitors at the Lai Chau fair?" over the Guangzhou fair's article)."""
        return tuple(written for name, written in _named(readings).items()
                     if (docs := self.articles(name)) and doc not in docs)

    def articles_writing(self, written: str) -> frozenset[str]:
        """The articles naming a province that ``written`` (a name as ``elsewhere`` gives it) names."""
        return frozenset().union(*map(self.articles, provinces_named(written)))

    def named(self, name: str) -> bool:
        return bool(self.articles(name))

    def articles(self, name: str) -> frozenset[str]:
        """The articles naming province ``name``: as they spell it where it can be read (Latin
        letters, a Thai province in Thai, the places of ``place_names`` and ``gazetteer``), else
        by its sound (see the module doc)."""
        if name not in self._articles:
            self._articles[name] = self._find(name)
        return self._articles[name]

    def _find(self, name: str) -> frozenset[str]:
        folded, thai = strip_marks(name).casefold(), _thai_name(name)
        docs = {doc for doc, names in self._read.items() if name in names}
        docs.update(doc for doc, texts in self._latin.items() if any(folded in text for text in texts))
        if thai is not None:
            docs.update(doc for doc, texts in self._thai.items() if any(thai in text for text in texts))
        if docs:
            return frozenset(docs)
        # a Thai article spells a Thai province in Thai letters, read above; only Vietnam's by sound
        lines = {"bn": NAMED_IN_BENGALI, **({} if thai is not None else {"th": NAMED_IN_THAI})}
        return frozenset(doc for doc, likeness in self._sounds().likeness_in(strip_marks(name)).items()
                         if likeness >= lines.get(self._langs.get(doc, ""), 2.0))


class ArticleCountries:
    """Which countries each article of an index speaks of: it names the country (``mentions_country``),
    or a province or city of Vietnam or Thailand that it can be read to name (``names_province_of``).
    A Vietnamese provincial story translated into Bengali names Lai Chau, not "Vietnam". Read when
    first asked, once per article and country: up to a second for a long article."""

    def __init__(self, chunks: Iterable[Chunk]):
        texts: dict[str, list[str]] = {}
        self._langs: dict[str, str] = {}
        for chunk in sorted(chunks, key=lambda chunk: (chunk.doc, chunk.start)):
            texts.setdefault(chunk.doc, [chunk.title]).append(chunk.text)
            self._langs[chunk.doc] = chunk.lang
        self._texts = {doc: "\n".join(parts) for doc, parts in texts.items()}
        self._known: dict[tuple[str, str], bool] = {}

    def speaks_of(self, doc: str, country: str) -> bool:
        """Whether article ``doc`` speaks of ``country`` (an ISO code); False for an unknown article."""
        key = (doc, country)
        if key not in self._known:
            text = self._texts.get(doc, "")
            self._known[key] = bool(text) and (mentions_country(text, country)
                                               or bool(names_province_of(text, self._langs[doc], country)))
        return self._known[key]


__all__ = ["ArticleCountries", "NAMED_IN_BENGALI", "NAMED_IN_THAI", "Province", "ProvinceCheck", "locality_country",
           "names_province_of", "provinces_named"]

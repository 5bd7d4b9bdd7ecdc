"""Countries a question names that no article mentions, told in every script ("How is e-commerce
growing in Japan?" over articles that never name Japan, in English, Bengali, Thai or Vietnamese).

``unknown_names`` reads names off the articles' letters, which only works where article and question
share a script. A country, though, has a known name in each of the four languages: the Unicode
CLDR's, through Babel. So "Indonesia", "ইন্দোনেশিয়া", "อินโดนีเซีย" are one country, and whether
any article names it is read off the text whatever the article's language.

The two sides are read differently, because the two mistakes differ in cost:

- In a question a name must stand as a word (Bengali case endings allowed: "ইন্দোনেশিয়ায়"), so that
  "lao động" (labour) is not Laos; Thai, written without spaces, is split into words by ICU's
  dictionary, so that "บิกินี" (bikini) does not name Guinea, "กินี". English
  adjectives count ("Japanese market"), and a name that is also an everyday word only capitalised
  ("áo", a shirt, is not Austria; "Áo" is).
- In the articles any occurrence counts, under the country's name or the name of its language
  ("Japanese", "tiếng Nhật"), and a few everyday names CLDR does not give ("Mỹ", "UK"). Finding a
  country that is not there only keeps the check quiet; missing one that is would tell a reader
  that the articles never mention it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from babel import Locale
from babel.languages import get_official_languages
from icu4py.breakers import WordBreaker
from icu4py.locale import Locale as IcuLocale

from .language import LANGUAGES
from .patterns import BENGALI_ENDINGS

# Not countries: the EU, the euro area, the UN, "Outlying Oceania", pseudo-locales, "Unknown Region"
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"})
# Everyday names CLDR does not give, read in the articles only (see the module doc)
_ALSO_CALLED = {
    "US": ("America", "USA", "U.S.", "Mỹ", "আমেরিকা", "যুক্তরাষ্ট্র", "สหรัฐ", "อเมริกา"),
    "GB": ("Britain", "British", "UK", "Anh", "ব্রিটেন", "যুক্তরাজ্য", "อังกฤษ"),
    "KR": ("Korea", "কোরিয়া", "เกาหลี"),
    "TR": ("Turkey", "Thổ Nhĩ Kỳ", "তুরস্ক", "ตุรกี"),
    "CZ": ("Czech", "Séc", "চেক", "เช็ก"),
}
# English makes the adjective of a country from its name: a name's last letter → the endings that
# replace it ("Indonesia" → "Indonesian", "China" → "Chinese", "Italy" → "Italian", "Chile" →
# "Chilean", "Mexico" → "Mexican"), or, after a consonant or "i", the endings added to it ("Japanese",
# "Brazilian", "Pakistani", "Malian"). Forms that are no word ("Chinaese") are never typed, so harm
# nothing; a form that is a real name keeps its own country (names are read first).
_ENGLISH_REPLACED = {"a": ("an", "ian", "ese"), "e": ("ean", "ian", "an"), "y": ("ian",), "o": ("an",)}
_ENGLISH_AFTER_I = ("an",)
_ENGLISH_AFTER_CONSONANT = ("ese", "ian", "i")
# English adjectives the rules above do not make ("French", "German"), and "Korean", whose country
# CLDR calls "South Korea". Unlike _ALSO_CALLED they are read in questions too: "Anh" (Britain) and
# "Mỹ" (America) would be found in Vietnamese words ("anh", "mỹ phẩm"), these in none ("Lao" would:
# "lao động", labour).
_IRREGULAR_ADJECTIVES = {
    "American": "US", "Argentine": "AR", "British": "GB", "Danish": "DK", "Dutch": "NL",
    "Emirati": "AE", "Filipino": "PH", "Finnish": "FI", "French": "FR", "German": "DE", "Greek": "GR",
    "Irish": "IE", "Khmer": "KH", "Korean": "KR", "Lebanese": "LB",
    "Norwegian": "NO", "Peruvian": "PE", "Polish": "PL", "Portuguese": "PT", "Saudi": "SA",
    "Spanish": "ES", "Swedish": "SE", "Swiss": "CH", "Thai": "TH", "Turkish": "TR",
}
# The everyday names of places CLDR names in full ("Hong Kong SAR China", "เขตปกครองพิเศษฮ่องกง…"),
# read in questions and articles alike
_SHORT_NAMES = {
    "HK": ("Hong Kong", "Hồng Kông", "হংকং", "ฮ่องกง"),
    "MO": ("Macau", "Macao", "Ma Cao", "ম্যাকাও", "มาเก๊า"),
}
# Country names that are also everyday words, English ("a football jersey", "chili sauce") or
# Vietnamese ("áo", shirt: Austria; "phương pháp", method: France; "séc", cheque: Czechia; "Nga", a
# woman's name: Russia) or Bengali ("মালি", gardener: Mali; "চিলি", chili): in a question they name
# the country only when capitalised, so never in Bengali, which has no capitals (the safe mistake)
_ALSO_WORDS = frozenset({"jersey", "chile", "chili", "guinea", "chad", "turkey",
                         "áo", "pháp", "séc", "bỉ", "đức", "nga", "মালি", "চিলি"})
# Places whose names begin with a country's: the province of Lào Cai is not Laos
_NOT_COUNTRIES_PHRASES = ("lào cai", "lao cai")
_WORD = re.compile(r"[\w\u0980-\u09ff]+")  # \w leaves out Bengali vowel signs, which join a word
_THAI = re.compile(r"[\u0e00-\u0e7f]")
_THAI_COUNTRY = "ประเทศ"  # "country", written before a country's name: "ประเทศไทย", "ประเทศจีน"
_LONGEST_NAME_WORDS = 4  # "Bosnia & Herzegovina" is three words once "&" is dropped


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _words_key(name: str) -> str:
    """A name as ``countries_named`` looks it up: its words, lower-cased and space-joined."""
    return " ".join(_WORD.findall(name.lower()))


def _names(full: str) -> set[str]:
    """"Myanmar (Burma)": either name; "Hong Kong SAR China" stays whole."""
    full = _nfc(full)
    return {full.split(" (")[0], *re.findall(r"\(([^)]+)\)", full)}


@dataclass(frozen=True)
class _Gazetteer:
    # a name's words, lower-cased and space-joined → (code, name); None: a place that is no country
    by_words: dict[str, tuple[str, str] | None]
    thai: tuple[tuple[str, str], ...]  # (Thai name, code): found where ICU puts word ends around it
    mentions: dict[str, tuple[str, ...]]  # code → the lower-cased strings that count as a mention of it


@cache
def _gazetteer() -> _Gazetteer:
    by_words: dict[str, tuple[str, str] | None] = {}
    thai: list[tuple[str, str]] = []
    mentions: dict[str, set[str]] = {}
    locales = [Locale.parse(lang) for lang in LANGUAGES]

    def read_in_questions(name: str, code: str, shown: str) -> None:
        if _THAI.search(name):
            # "ประเทศไทย" (the country Thailand) is one word to ICU, so "ไทย" alone is not found in it
            thai.extend([(name, code), (_THAI_COUNTRY + name, code)])
        else:
            by_words.setdefault(_words_key(name), (code, shown))

    for code in locales[0].territories:
        if len(code) != 2 or not code.isalpha() or code in _NOT_COUNTRIES:
            continue
        forms = set(_ALSO_CALLED.get(code, ()))
        names = list(_SHORT_NAMES.get(code, ()))  # in order: a name read two ways keeps the first
        for locale in locales:
            if code in locale.territories:  # else a code newer than some locale's data ("CQ", Sark)
                names += sorted(_names(locale.territories[code]))
                forms |= {_nfc(locale.languages[lang]) for lang in get_official_languages(code)
                          if lang in locale.languages}
        for name in dict.fromkeys(names):
            read_in_questions(name, code, name)
        forms.update(names)
        mentions[code] = {form.lower() for form in forms if form}
    english = locales[LANGUAGES.index("en")]
    adjectives = {**{_nfc(word).lower(): code for word, code in _IRREGULAR_ADJECTIVES.items()},
                  **{form: code for code, name in english.territories.items() if code in mentions
                     for part in _names(name) for form in _english_adjectives(part.lower())}}
    for form, code in adjectives.items():
        read_in_questions(form, code, english.territories[code].split(" (")[0])
        mentions[code].add(form)  # "Mexican buyers" in an article mentions Mexico
    by_words.pop("", None)
    for phrase in _NOT_COUNTRIES_PHRASES:
        by_words[phrase] = None  # read as one phrase, so its country word is not read alone
    # longest first, so that "ไนจีเรีย" (Nigeria) is not read as "จีน" (China) inside it
    thai.sort(key=lambda entry: -len(entry[0]))
    return _Gazetteer(by_words, tuple(thai), {code: tuple(sorted(forms)) for code, forms in mentions.items()})


def _english_adjectives(name: str) -> list[str]:
    """The adjectives English may make of a lower-cased country ``name`` (see _ENGLISH_REPLACED)."""
    stem, last = name[:-1], name[-1:]
    if last in _ENGLISH_REPLACED:
        return [stem + ending for ending in _ENGLISH_REPLACED[last]]
    return [name + ending for ending in (_ENGLISH_AFTER_I if last == "i" else _ENGLISH_AFTER_CONSONANT)]


def _thai_word_ends(text: str) -> frozenset[int]:
    """Where ICU's Thai dictionary puts word boundaries in ``text``: Thai writes no spaces between
    words, and a country's name inside a word is no country ("กินี", Guinea, in "บิกินี", bikini)."""
    return frozenset(at for segment in WordBreaker(text, IcuLocale("th")).segments() for at in segment)


def _occurrences(text: str, name: str) -> list[int]:
    return [match.start() for match in re.finditer(re.escape(name), text)]


def countries_named(question: str) -> dict[str, str]:
    """The countries ``question`` names, code → the name as the gazetteer writes it. Pure."""
    found: dict[str, str] = {}
    for _, _, code, name in _named(_nfc(question)):
        found.setdefault(code, name)
    return found


def countries_written(text: str) -> list[tuple[int, str, str]]:
    """The countries ``text`` names, read as ``countries_named`` reads a question, in the order it
    writes them: (where, in ``text`` read in NFC; the name as written, case ending included:
    "চীনের", "ประเทศไทย"; its code). Each occurrence once. Pure."""
    text = _nfc(text)
    return [(start, text[start:end], code) for start, end, code, _ in sorted(_named(text))]


def _named(text: str) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, code, the gazetteer's name) of each country ``text`` (NFC) names: Thai names
    first, longest first, then the words of the rest, in order."""
    gazetteer = _gazetteer()
    remaining = text
    if _THAI.search(text):
        word_ends = _thai_word_ends(text)
        for name, code in gazetteer.thai:
            if name not in remaining:
                continue
            for at in _occurrences(remaining, name):
                if at in word_ends and at + len(name) in word_ends:
                    yield at, at + len(name), code, name
                    # blanked, same length, so that word ends still hold
                    remaining = remaining[:at] + " " * len(name) + remaining[at + len(name):]
    spans = list(_WORD.finditer(remaining))
    words = [span.group().lower() for span in spans]
    i = 0
    while i < len(words):
        for n in range(min(_LONGEST_NAME_WORDS, len(words) - i), 0, -1):
            phrase = " ".join(words[i:i + n])
            stem = next((stem for ending in BENGALI_ENDINGS if phrase.endswith(ending)
                         and (stem := phrase[:len(phrase) - len(ending)]) in gazetteer.by_words), None)
            if stem is None or (n == 1 and stem in _ALSO_WORDS and not spans[i].group()[:1].isupper()):
                continue
            if (match := gazetteer.by_words[stem]) is not None:
                yield spans[i].start(), spans[i + n - 1].end(), *match
            i += n
            break
        else:
            i += 1


def _mentions(lowered: str, code: str) -> bool:
    """Whether ``lowered`` (NFC, lower-cased) mentions the country ``code`` under any of its names."""
    return any(form in lowered for form in _gazetteer().mentions[code])


def mentions_country(text: str, code: str) -> bool:
    """Whether ``text`` mentions the country ``code`` in any of the four languages: its name, its
    language's ("Thai", "ภาษาไทย"), its adjective, or an everyday name (see the module doc). Pure."""
    return _mentions(_nfc(text).lower(), code)


def country_name(code: str, lang: str) -> str:
    """The country ``code``'s name in ``lang`` as CLDR writes it: "Thailand", "থাইল্যান্ড", "ไทย",
    "Thái Lan" ("Myanmar", not "Myanmar (Burma)")."""
    return _nfc(Locale.parse(lang).territories[code]).split(" (")[0]


class CountryCheck:
    """Which countries the articles of an index mention, and which a question names that none does."""

    def __init__(self, texts: Iterable[str]):
        self._text = "\n".join(_nfc(text).lower() for text in texts)
        self._mentioned: dict[str, bool] = {}  # filled as questions name countries: most never do
        _gazetteer()  # read Babel's data now, while the index loads, not on the first question

    def mentioned(self, code: str) -> bool:
        if code not in self._mentioned:
            self._mentioned[code] = _mentions(self._text, code)
        return self._mentioned[code]

    def unknown(self, *readings: str) -> tuple[str, ...]:
        """The countries named in any of ``readings`` of a question that no article mentions."""
        return tuple(name for code, name in self._named(readings).items() if not self.mentioned(code))

    def names_known(self, *readings: str) -> bool:
        """Whether any of ``readings`` of a question names a country that an article mentions."""
        return any(map(self.mentioned, self._named(readings)))

    @staticmethod
    @lru_cache(maxsize=1024)  # asked for by ``unknown`` and ``names_known`` alike: read it, do not change it
    def _named(readings: tuple[str, ...]) -> dict[str, str]:
        named: dict[str, str] = {}
        for reading in dict.fromkeys(readings):  # most questions read as typed: once is enough
            for code, name in countries_named(reading).items():
                named.setdefault(code, name)
        return named

"""The place a follow-up that asks nothing of its own names ("what about Thailand?", "আর
থাইল্যান্ডে?", "แล้วที่กวางโจวล่ะ"), and whether a passage speaks of it.

Searched after the question it follows, such a follow-up finds that question's passages: a blind
user test's "আর থাইল্যান্ডে?" (and in Thailand?) after "how many visitors came to the CCEF fair?"
was answered, confidently, with the Guangzhou fair's 56,000 visitors, though no article gives a
count for Thailand. So the figure it carries over (``answer_type.follow_up_figure``) counts only
from a passage that speaks of the place it names, as one naming a year counts only from a passage
reporting that year (``retrieval`` reads a passage's article lead too: the fair's platforms, in a
paragraph that never repeats "Guangzhou", are the Guangzhou fair's).

Which names are checked, and why:

- Countries, in any script: CLDR names each in the four languages (``countries``), so
  "থাইল্যান্ড", "ประเทศไทย" and "Thái Lan" are one country, found in a passage in any of them.
- Other places (cities, provinces: CLDR has none), and other names, only where the articles
  themselves write them as the follow-up does, in its script (diacritics aside; a Bengali case
  ending off): "আর লাই চাউতে?" over articles writing "লাই চাউ". Across scripts a name's
  spelling cannot tell "not there" from "spelled otherwise" (session 19 measured romanized
  consonants and embeddings for it, and both found absent names as often as present ones), and
  refusing "and Lai Chau?" over a Bengali article about Lai Chau would cost more than leaving a
  wrong answer under its caveat; so a name no article writes as the follow-up does is not checked.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from .answer_type import asks_of_its_own
from .countries import countries_named, country_name, mentions_country
from .models import Place
from .patterns import BENGALI_ENDINGS
from .vietnamese import strip_marks

# What carries a follow-up on without asking anything, around the name it asks about: openers
# ("and", "what about", "còn", "আর", "แล้ว", "ส่วน"), the prepositions before a place ("in", "ở",
# "ที่") and closers ("thì sao", "ล่ะ", "ক্ষেত্রে"). Bengali puts "in" on the name itself
# ("থাইল্যান্ডে"): ``NameFinder.written`` takes that off. Longest first, since the first matching
# alternative wins. Thai writes no spaces, so its words need none after them.
# Not "so" nor "con": typed without marks they are Vietnamese "số" (number) and "con" (child)
_OPENERS = ("and what about", "and how about", "what about", "how about", "and", "also", "then",
            "thế còn", "vậy còn", "the con", "còn", "vậy", "và",
            "আর", "তাহলে", "আচ্ছা", "এবং")
_PREPOSITIONS = ("in", "at", "for", "of", "on", "from", "the", "ở", "tại", "o", "tai", "của", "cua")
_CLOSERS = ("thì sao", "thi sao", "nhỉ", "nhé", "too", "then", "as well",
            "এর ক্ষেত্রে", "ক্ষেত্রে", "বেলায়")
_THAI_OPENERS = ("แล้วก็", "แล้ว", "ส่วน", "และ")
_THAI_PREPOSITIONS = ("ที่", "ใน", "ของ", "สำหรับ", "ฝั่ง")
_THAI_CLOSERS = ("ล่ะ", "หล่ะ", "ละ", "บ้าง", "ครับ", "ค่ะ", "คะ", "นะ")
_LETTERS = r"\w\u0300-\u036f\u0980-\u09ff\u0e00-\u0e7f"  # \w leaves out Latin marks, Bengali and Thai signs


def _alternatives(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(unicodedata.normalize("NFC", word)) for word in words)


def _words(spaced: tuple[str, ...], thai: tuple[str, ...]) -> str:
    """Any of ``spaced`` as a whole word, or of ``thai`` anywhere (Thai words touch)."""
    return rf"(?:(?<![{_LETTERS}])(?:{_alternatives(spaced)})(?![{_LETTERS}])|{_alternatives(thai)})"


_OPENER = re.compile(rf"^{_words(_OPENERS, _THAI_OPENERS)}\s*", re.I)
_PREPOSITION = re.compile(rf"^{_words(_PREPOSITIONS, _THAI_PREPOSITIONS)}\s*", re.I)
_CLOSER = re.compile(rf"\s*{_words(_CLOSERS, _THAI_CLOSERS)}$", re.I)
_PUNCTUATION = re.compile(rf"^[^{_LETTERS}]+|[^{_LETTERS}]+$")  # not letters: "?", "…", "¿"
# Words pointing back ("and there?", "còn đó?", "আর সেখানে?", "แล้วที่นั่นล่ะ") name no new place
_POINTING_BACK = frozenset(unicodedata.normalize("NFC", word) for word in (
    "there", "here", "it", "that", "this", "them", "they", "those", "these",
    "đó", "đấy", "ấy", "kia", "này", "do", "day", "nay",
    "সেখানে", "ওখানে", "এখানে", "সেটা", "ওটা", "এটা", "এটি", "তাদের", "ওদের",
    "นั่น", "นี่", "นั้น", "นี้", "โน่น"))
_DIGIT = re.compile(r"\d")
_HYPHENED_ENDING = re.compile("-[\u0980-\u09ff]{1,3}$")  # Bengali sets a case ending off a foreign name: "কোয়াং-এর"
MIN_NAME_CHARS = 3  # shorter is no name ("ở" left alone), and found by chance inside other words


# Where the asker says where they are from, live or sell ("I'm from Thailand.", "tôi ở Thái Lan,",
# "ผมอยู่เชียงใหม่ ", "আমি বাংলাদেশ থেকে বলছি,"): up to the end of that clause. Only these verbs:
# "I am interested in Thailand" names what is asked about, and so does Bengali "থেকে" alone
# ("আমি জানতে চাই থাইল্যান্ড থেকে কতজন এসেছিল": I want to know how many came from Thailand)
_ASKER = re.compile(
    r"\b(?:I|we)(?:'m|’m|'re|’re|\s+am|\s+are)?\s+(?:originally\s+)?"
    r"(?:from|live\s+in|living\s+in|based\s+in|work\s+in|working\s+in|sell\s+in|selling\s+in|stay\s+in)\b[^.,;:!?\n]*"
    r"|(?<![\w\u0300-\u036f])(?:tôi|mình|em|tớ|chúng tôi)\s+(?:là người|đến từ|ở|sống ở|sống tại|làm việc ở|làm việc tại"
    r"|bán hàng ở|bán hàng tại)(?![\w\u0300-\u036f])[^.,;:!?\n]*"
    r"|(?:ผม|ฉัน|ดิฉัน|หนู)(?:เป็นคน|มาจาก|อยู่ที่|อยู่|ทำงานที่|ขายของที่)[^\s.,;:!?]*"
    r"|আমি\s+(?:[^\s,;:।?!]+\s+){1,3}?(?:থেকে বলছি|থেকে এসেছি|থেকে লিখছি|থাকি|কাজ করি|ব্যবসা করি)(?![\u0980-\u09ff])",
    re.IGNORECASE)


def without_asker(question: str) -> str:
    """``question`` without where its asker says they are from, live or sell: "I'm from Thailand.
    What was the theme of the Guangzhou fair?" asks of the fair, not of Thailand, and names no
    country the fair's article has to speak of."""
    return _ASKER.sub(" ", unicodedata.normalize("NFC", question))


def carried_subject(question: str) -> str | None:
    """What a follow-up that asks nothing of its own asks about: "Thailand" of "what about
    Thailand?", "থাইল্যান্ডে" of "আর থাইল্যান্ডে?", "กวางโจว" of "แล้วที่กวางโจวล่ะ", "2023"
    of "and in 2023?". None for one that asks something ("and when did it close?") or does not
    open or close as carrying on: "Alibaba AI" may be keywords asking for all that is known."""
    if asks_of_its_own(question):
        return None
    text = _bare(question)
    carried = False
    while (match := _OPENER.match(text)) and match.end():
        text, carried = _bare(text[match.end():]), True
    while (match := _CLOSER.search(text)) and match.end() > match.start():
        text, carried = _bare(text[:match.start()]), True
    while (match := _PREPOSITION.match(text)) and match.end():
        text = _bare(text[match.end():])
    return text if carried and text and text.casefold() not in _POINTING_BACK else None


def _bare(text: str) -> str:
    return _PUNCTUATION.sub("", unicodedata.normalize("NFC", text).strip())


def places_named(subject: str | None, written: Callable[[str], str | None]) -> tuple[Place, ...]:
    """The places ``subject`` (see ``carried_subject``) names that can be checked: the countries it
    names, else the name itself where ``written`` says the articles write it (the form they write)."""
    if not subject:
        return ()
    countries = countries_named(subject)
    if countries:
        return tuple(Place(name, code) for code, name in countries.items())
    if _DIGIT.search(subject):
        return ()  # a year ("and in 2023?"), which the year rule reads
    name = written(subject)
    return (Place(name),) if name else ()


def speaks_of(text: str, place: Place) -> bool:
    """Whether ``text`` speaks of ``place``: names the country in any language, or writes the
    name as the articles do (diacritics aside). Pure."""
    if place.country:
        return mentions_country(text, place.country)
    return fold(place.name) in fold(text)


def place_name(place: Place, lang: str) -> str:
    """How a reply in ``lang`` names ``place``: a country as CLDR names it in that language
    ("থাইল্যান্ড" for the "Thailand" of an English follow-up answered in Bengali), another place
    as it is written."""
    return country_name(place.country, lang) if place.country else place.name


def stems(name: str) -> list[str]:
    """``name`` and, for a Bengali name, the stems its case endings leave, shortest first: the
    articles write "লাই চাউ" where the question writes "লাই চাউতে" or "লাই চাউ-এ" (in Lai Chau)."""
    unhyphened = _HYPHENED_ENDING.sub("", name)
    cut = [name[:-len(ending)] for ending in BENGALI_ENDINGS if ending and name.endswith(ending)]
    stems = {stem for stem in [*cut, unhyphened] if stem != name and len(stem) >= MIN_NAME_CHARS}
    return sorted(stems, key=lambda stem: (len(stem), stem)) + [name]


def fold(text: str) -> str:
    """``text`` lower-cased, without Latin diacritics ("Lai Châu" reads "lai chau"): chat often
    drops them. Bengali and Thai signs are kept: they are letters there."""
    return strip_marks(text).casefold()


__all__ = ["MIN_NAME_CHARS", "carried_subject", "fold", "place_name", "places_named", "speaks_of", "stems"]

"""The places a passage names, in the order it writes them, and how each of our languages names
them: what the bot's Places line reads out under a quote in another script ("ประเทศไทย = Thái Lan",
"বাক নিনে = Bac Ninh"). Two blind user tests asked "where?" and "which countries?" of Bengali and
Thai passages whose answer was a place that only a reader of their script could read.

Only places known reliably are read, because a wrong place under a right quote misleads more than
none:

- Countries, in any script: CLDR names each in the four languages (``countries``), found in a
  passage as ``countries_named`` finds them in a question (a whole word, a Bengali case ending
  off; in Thai, at ICU's word ends): "ประเทศไทย", "মালয়েশিয়ার", "Thái Lan". Not a Bengali
  adjective ("চীনা বিক্রেতা", Chinese sellers), which "চীনা = China" would misread.
- Vietnam's provinces, cities and regions (``vietnamese.VIETNAM_PLACES``), in a Bengali passage,
  which spells them by their sound, a word a syllable ("বাক নিনে", "টুয়েন কোয়াং"): read where a run
  of as many words as the name has syllables, a case ending off the last, has the name's sound key
  (``sounds.sound_key``) exactly, and no other place of the list shares that key. Over the five
  seed articles that reads Bac Ninh, Tuyen Quang, Lai Chau and Dong Nai wherever they are written
  so, and nothing else.
- The places of ``gazetteer``, in a Bengali or Thai passage, as it spells them: China's big
  cities and provinces, which Vietnamese names in its own readings ("Quảng Châu") and Bengali and
  Thai by Mandarin's ("কুয়াংচৌ", "กวางโจว"), so that no sound ties them; Vietnam's in Thai
  letters, whose Royal Thai romanization loses the sounds the key compares. Each is read out as
  the reader's language names it ("কুয়াংচৌ = Quảng Châu" for a Vietnamese reader, "লাই চাউ =
  ลายเจิว" for a Thai one).

Not read: other spellings than the gazetteer's; a place written in one word where its name has
two ("হ্যানয়", Hanoi), as a single Bengali word matches too much.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from .countries import countries_named, countries_written, country_name
from .gazetteer import listed_place, listed_spellings
from .models import Place
from .patterns import BENGALI_ENDINGS
from .people import bengali_latin
from .sounds import sound_key
from .vietnamese import VIETNAM_PLACES, strip_marks

_BENGALI_WORD = re.compile(r"[\u0980-\u09ff]+")
_BETWEEN_WORDS = re.compile(r"[ \u00a0]+")  # a name's words stand apart by spaces only, not a comma
# a country's adjective: "জাপানি", "চীনা", "ভারতীয়" (NFC, as the text is read)
_BENGALI_ADJECTIVE_ENDINGS = tuple(unicodedata.normalize("NFC", ending) for ending in ("ি", "া", "ীয়"))


@cache
def _vietnam_places() -> dict[str, str]:
    """Sound key → Vietnam's place of that sound, for keys only one place has (Thái Nguyên and Tây
    Nguyên, a province and a region, sound alike: neither is read)."""
    places: dict[str, list[str]] = {}
    for name in VIETNAM_PLACES:
        places.setdefault(sound_key(name), []).append(unicodedata.normalize("NFC", name))
    return {key: names[0] for key, names in places.items() if len(names) == 1}


def places_written(text: str, lang: str) -> tuple[tuple[str, Place], ...]:
    """The places ``text`` (a passage in ``lang``) names, by the rules of the module doc, in the
    order it writes them: (the name as written, case ending included; the place). Each
    occurrence once; ``text`` is read in NFC. Pure."""
    text = unicodedata.normalize("NFC", text)
    found = [(start, written, Place(country_name(code, "en"), code))
             for start, written, code in countries_written(text) if not _bengali_adjective(written, code)]
    if lang in ("bn", "th"):
        countries = [(start, start + len(written)) for start, written, _ in found]
        read = (_bengali_vietnam_places(text) if lang == "bn" else []) + [
            (start, written, Place(name)) for start, written, name in listed_spellings(text)]
        found += [(start, written, place) for start, written, place in read
                  if not any(start < end and start + len(written) > begin for begin, end in countries)]
    return tuple((written, place) for _, written, place in sorted(found, key=lambda entry: entry[0]))


def _bengali_adjective(written: str, code: str) -> bool:
    """Whether ``written`` is the Bengali adjective of the country ``code`` ("চীনা", Chinese;
    "ভারতীয়", Indian), which the line would misread as the country's name ("চীনা = China")."""
    return any(written.endswith(ending) and code in countries_named(written[:-len(ending)])
               for ending in _BENGALI_ADJECTIVE_ENDINGS)


def _bengali_vietnam_places(text: str) -> list[tuple[int, str, Place]]:
    """(start, as written, place) of each of Vietnam's places a Bengali ``text`` names: the
    shortest run of words that sounds like one, so that a word after it is not taken in."""
    words = list(_BENGALI_WORD.finditer(text))
    found = []
    i = 0
    while i < len(words):
        for n in (2, 3):
            run = words[i:i + n]
            spaced = all(_BETWEEN_WORDS.fullmatch(text[one.end():two.start()]) for one, two in zip(run, run[1:]))
            if len(run) == n and spaced and (name := _heard([word.group() for word in run])):
                found.append((run[0].start(), text[run[0].start():run[-1].end()], Place(name)))
                i += n - 1
                break
        i += 1
    return found


def _heard(words: list[str]) -> str | None:
    """The place of Vietnam of as many syllables as ``words`` that they sound like exactly, a
    Bengali case ending off the last ("বাক নিনে", in Bac Ninh), or None."""
    head = "".join(map(bengali_latin, words[:-1]))
    last = words[-1]
    for ending in BENGALI_ENDINGS:
        if last.endswith(ending) and len(last) > len(ending):
            name = _vietnam_places().get(sound_key(head + bengali_latin(last[:len(last) - len(ending)])))
            if name and len(name.split()) == len(words):
                return name
    return None


def place_reading(place: Place, lang: str) -> str:
    """How ``lang`` names ``place``: a country as CLDR does ("Thái Lan", "থাইল্যান্ড"), a place of
    China as ``gazetteer`` first spells it in ``lang`` ("Quảng Châu"), a place of Vietnam in Thai
    letters so, else as Vietnamese writes it, and without its marks in the other languages ("Bac
    Ninh"), as English news does and as Latin letters read in any script."""
    if place.country:
        return country_name(place.country, lang)
    listed = listed_place(place.name)
    if listed is not None and listed.country == "CN":  # "Guangzhou" is Vietnamese "Quảng Châu"
        return {"vi": listed.latin[0], "bn": listed.bengali[0], "th": listed.thai[0]}.get(lang, listed.name)
    if listed is not None and lang == "th":
        return listed.thai[0]
    return place.name if lang == "vi" else strip_marks(place.name)


__all__ = ["place_reading", "places_written"]

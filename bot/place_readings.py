"""The "Places" line under a quote in another script: the places it names, as the reader names them.

Two blind user tests asked "where?" and "which countries?" of Bengali and Thai passages whose answer
was a place: "ประเทศไทย มาเลเซีย สิงคโปร์ กัมพูชา ลาว และเวียดนาม" for a Vietnamese reader, "বাক নিনে"
(Bac Ninh) for an English one, quoted right and read by neither. Which places are read, and how
each language names them, is ``index.place_names``'s (countries by CLDR, Vietnam's provinces by
sound); which of the quote's, how many and in what order is this module's.
"""

from __future__ import annotations

import unicodedata
from typing import Literal

from index import Place, asks_for_list, asks_question, asks_where, place_reading, places_written

_PLACES = 6  # places read out under a quote, at most: "which countries?" of the Thai article names six
# Our languages' scripts: a reader of Latin letters reads a Latin quote's places as written
_SCRIPTS = {"en": "latin", "vi": "latin", "bn": "bn", "th": "th"}

# What a question asks of the line: "where" (a place: the whole quote's, the line leading the
# readings), "all" (a list's items, or keywords asking nothing in particular: the whole quote's),
# or "" (the bold sentence's only, after the figures and names)
PlacesAsked = Literal["where", "all", ""]


def places_asked(question: str) -> PlacesAsked:
    """What ``question`` asks of the Places line (see ``PlacesAsked``)."""
    if asks_where(question):
        return "where"
    return "all" if asks_for_list(question) or not asks_question(question) else ""


def place_readings(quoted: str, quote_lang: str, lang: str, first: str = "",
                   asked: PlacesAsked = "") -> tuple[str, ...]:
    """For a quote in a script the reader may not read: the places it names, each as written and
    as ``lang`` names it ("ประเทศไทย = Thái Lan", "বাক নিনে = Bac Ninh"), in the order written,
    those of ``first`` (its bold sentence, which answers) first, each place once, at most
    ``_PLACES``. Of the whole quote where the question asks for a place or a list (``asked``),
    else of ``first`` alone, as the Figures line reads a question that asks for no figure: the
    country of an article's every sentence ("চীনের = China") would be noise below the rest. A
    place the reader's language writes as the quote does ("Malaysia" in a Latin word of a Thai
    quote, for an English reader) needs no reading."""
    if _SCRIPTS.get(quote_lang) == _SCRIPTS.get(lang):
        return ()
    texts = (first, quoted) if asked else (first,)
    read: dict[Place, str] = {}  # "" for a place written as the reader writes it
    for text in texts:
        for written, place in places_written(text, quote_lang):
            reading = place_reading(place, lang)
            if place not in read:
                read[place] = "" if _fold(reading) == _fold(written) else f"{written} = {reading}"
    return tuple(filter(None, read.values()))[:_PLACES]


def _fold(name: str) -> str:
    return unicodedata.normalize("NFC", name).casefold()

"""Numbers written in several systems, reduced to ASCII so a question's "2020" finds "২০২০" or
the Thai Buddhist-era "2563".

Dense embeddings match numbers across digit systems poorly, and numbers are exactly what users ask
about (how many, which year), so retrieval compares them explicitly.
"""

from __future__ import annotations

import re

_DIGITS = str.maketrans("০১২৩৪৫৬৭৮৯๐๑๒๓๔๕๖๗๘๙", "01234567890123456789")
# Thousands separators and decimal commas vary; keep digits together: "1,234" -> "1234".
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# Buddhist-era years in Thai text: 2400-2700 BE = 1857-2157 CE.
_BE_YEARS = range(2400, 2700)
_BUDDHIST_ERA_OFFSET = 543


def _in_buddhist_era_range(number: str) -> bool:
    return number.isdigit() and int(number) in _BE_YEARS


def _common_era(year: str) -> str:
    return str(int(year) - _BUDDHIST_ERA_OFFSET)


def to_ascii_digits(text: str) -> str:
    return text.translate(_DIGITS)


def number_mentions(text: str, thai: bool = False) -> list[tuple[str, frozenset[str]]]:
    """Each number in ``text`` as written (in ASCII digits) and the ASCII forms it may take:
    itself without separators and, for a Buddhist-era year in Thai text, the CE year too
    ("2563" -> {"2563", "2020"})."""
    mentions = []
    for match in _NUMBER.finditer(to_ascii_digits(text)):
        whole = re.sub(r"[.,](?=\d{3}\b)", "", match.group())
        forms = {whole}
        if thai and _in_buddhist_era_range(whole):
            forms.add(_common_era(whole))
        mentions.append((match.group(), frozenset(forms)))
    return mentions


# A Thai year is written "ปี 2563" or "พ.ศ. 2563"; a bare 2500 may be a count ("2500 ราย")
_THAI_YEAR_BEFORE = re.compile(r"(?:ปี|พ\.\s?ศ\.)\s*$")


def ascii_readings(text: str, thai: bool = False) -> list[tuple[str, str, bool]]:
    """The numbers of ``text`` a reader of ASCII digits cannot read as written, each as
    ``(written, in ASCII digits, Buddhist-era year)``: numbers in Bengali or Thai digits, and in
    Thai text a year of the Buddhist era (read as its common-era year)."""
    readings = []
    ascii_text = to_ascii_digits(text)
    for match in _NUMBER.finditer(ascii_text):
        written, value = text[match.start():match.end()], match.group()
        before = text[max(0, match.start() - 8):match.start()]
        if thai and _in_buddhist_era_range(value) and _THAI_YEAR_BEFORE.search(before):
            readings.append((written, _common_era(value), True))
        elif written != value:
            readings.append((written, value, False))
    return readings


def number_forms(text: str, thai: bool = False) -> list[frozenset[str]]:
    """Each number in ``text`` as the ASCII forms it may take (see ``number_mentions``)."""
    return [forms for _, forms in number_mentions(text, thai)]


def numbers_in(text: str, thai: bool = False) -> frozenset[str]:
    """The numbers in ``text`` as ASCII strings; for Thai text, BE years also as CE years."""
    return frozenset().union(*number_forms(text, thai))

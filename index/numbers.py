"""Numbers written in several systems, reduced to ASCII so a question's "2020" finds "২০২০" or
the Thai Buddhist-era "2563".

Dense embeddings match numbers across digit systems poorly, and numbers are exactly what users ask
about (how many, which year), so retrieval compares them explicitly.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Literal, NamedTuple

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


# Number words a reader of another script cannot read: "৫৬ হাজার" is 56,000, not 56 (a user test
# read the Figures line "৫৬ = 56" as the visitor count). Words may take endings: "মিলিয়নেরও".
_SCALES = {
    "হাজার": 10**3, "লাখ": 10**5, "লক্ষ": 10**5, "কোটি": 10**7, "মিলিয়ন": 10**6, "বিলিয়ন": 10**9,
    "ট্রিলিয়ন": 10**12, "พัน": 10**3, "หมื่น": 10**4, "แสน": 10**5, "ล้าน": 10**6,
    "nghìn": 10**3, "ngàn": 10**3, "triệu": 10**6, "tỷ": 10**9, "tỉ": 10**9,
    "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12,
}
_VIETNAMESE_SCALES = frozenset({"nghìn", "ngàn", "triệu", "tỷ", "tỉ"})
_WHOLE_WORD_SCALES = _VIETNAMESE_SCALES | {"thousand", "million", "billion", "trillion"}
# Bengali words take endings, so only Vietnamese and English words must end ("63 tỉnh" is 63
# provinces, not 63 tỉ), and Thai, which writes words together, must not go on into another word
# ("พันธมิตร", partner, begins with พัน)
_SCALE_AFTER = re.compile(r"\s?(" + "|".join(
    re.escape(word) + (r"(?!\w)" if word in _WHOLE_WORD_SCALES else "(?!ธ)" if word == "พัน" else "")
    for word in sorted(_SCALES, key=len, reverse=True)) + ")")
# Bengali ordinal endings: ৭ম (7th), ৬ষ্ঠ (6th), ২য় (2nd), ৪ঠা and ২৪শে (of dates), ১০তম (10th)
_ORDINAL_AFTER = re.compile(r"(?:ম|য়|র্থ|ষ্ঠ|তম|শে|লা|রা|ঠা)(?![\u0980-\u09ff])")

ReadingKind = Literal["number", "era_year", "scaled", "ordinal", "grouped"]


class Reading(NamedTuple):
    """A number of a quote as written (its scale word or ordinal ending included) and its value in
    ASCII digits: "৫৬ হাজার" → "56000" (scaled), "৭ম" → "7" (ordinal), Thai "2563" → "2020"
    (era_year), "14,500" → "14500" and Vietnamese "17,8" → "17.8" (grouped)."""

    written: str
    value: str
    kind: ReadingKind


def ascii_readings(text: str, thai: bool = False, decimal_comma: bool = False) -> list[Reading]:
    """The numbers of ``text`` a reader of ASCII digits cannot read as written: numbers in Bengali
    or Thai digits, numbers followed by a scale word ("হাজার", "ล้าน", "triệu", "million"), Bengali
    ordinals, in Thai text a year of the Buddhist era (read as its common-era year), and ASCII
    numbers with separators, which readers read by their own convention (``decimal_comma``: the
    text's, Vietnamese, groups thousands with "." and marks decimals with ",")."""
    readings = []
    ascii_text = to_ascii_digits(text)
    for match in _NUMBER.finditer(ascii_text):
        written, value = text[match.start():match.end()], match.group()
        before = text[max(0, match.start() - 8):match.start()]
        if thai and _in_buddhist_era_range(value) and _THAI_YEAR_BEFORE.search(before):
            readings.append(Reading(written, _common_era(value), "era_year"))
        elif (scale := _SCALE_AFTER.match(text, match.end())) and (scaled := _scaled(value, scale.group(1))):
            readings.append(Reading(text[match.start():scale.end()], scaled, "scaled"))
        elif written != value and (ordinal := _ORDINAL_AFTER.match(text, match.end())):
            readings.append(Reading(text[match.start():ordinal.end()], value, "ordinal"))
        elif written != value:
            readings.append(Reading(written, value, "number"))
        elif not value.isdigit():  # separators, which readers read by their own convention
            if plain := _plain_number(value, decimal_comma):
                readings.append(Reading(written, plain, "grouped"))
    return readings


def _plain_number(number: str, decimal_comma: bool) -> str | None:
    """``number`` with separators ("14,500.5", or with ``decimal_comma`` "14.500,5") as plain ASCII
    ("14500.5"), or None where its groups are not thousands ("18.08.2024" is a date)."""
    grouping, decimal = (".", ",") if decimal_comma else (",", ".")
    whole, _, fraction = number.partition(decimal)
    groups = whole.split(grouping)
    if any(len(group) != 3 for group in groups[1:]) or not all(g.isdigit() for g in groups) \
            or (fraction and not fraction.isdigit()):
        return None
    return "".join(groups) + (f".{fraction}" if fraction else "")


def _scaled(number: str, word: str) -> str | None:
    """``number`` times the scale ``word``, in plain ASCII digits ("1.3", "মিলিয়ন" → "1300000").
    Vietnamese groups digits with "." and marks decimals with ","; Bengali and Thai the other way."""
    grouping, decimal = (".", ",") if word in _VIETNAMESE_SCALES else (",", ".")
    whole, _, fraction = number.replace(grouping, "").partition(decimal)
    if not whole.isdigit() or (fraction and not fraction.isdigit()):
        return None  # "1.5.3": not a number we can read with confidence
    value = Decimal(f"{whole}.{fraction}" if fraction else whole) * _SCALES[word]
    return format(value.normalize(), "f")


def number_forms(text: str, thai: bool = False) -> list[frozenset[str]]:
    """Each number in ``text`` as the ASCII forms it may take (see ``number_mentions``)."""
    return [forms for _, forms in number_mentions(text, thai)]


def numbers_in(text: str, thai: bool = False) -> frozenset[str]:
    """The numbers in ``text`` as ASCII strings; for Thai text, BE years also as CE years."""
    return frozenset().union(*number_forms(text, thai))

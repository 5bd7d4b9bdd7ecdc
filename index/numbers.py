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
        if thai and whole.isdigit() and int(whole) in _BE_YEARS:
            forms.add(str(int(whole) - _BUDDHIST_ERA_OFFSET))
        mentions.append((match.group(), frozenset(forms)))
    return mentions


def number_forms(text: str, thai: bool = False) -> list[frozenset[str]]:
    """Each number in ``text`` as the ASCII forms it may take (see ``number_mentions``)."""
    return [forms for _, forms in number_mentions(text, thai)]


def numbers_in(text: str, thai: bool = False) -> frozenset[str]:
    """The numbers in ``text`` as ASCII strings; for Thai text, BE years also as CE years."""
    return frozenset().union(*number_forms(text, thai))

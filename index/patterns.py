"""Building blocks of the regular expressions that read questions and passages in our four
languages (``answer_type``, ``roles``). Pure."""

from __future__ import annotations

import re
import unicodedata

# For a character class: a Bengali letter beside a word means the match is inside another word
BENGALI_LETTERS = "\u0980-\u09ff"
# Bengali writes case endings onto a name: "ইন্দোনেশিয়ায়" (in Indonesia), "জাপানের" (of Japan),
# "লাই চাউতে" (in Lai Chau), and makes adjectives with a vowel sign: "জাপানি" (Japanese), "চীনা", "ভারতীয়"
BENGALI_ENDINGS = ("", "র", "ের", "এর", "য়ের", "তে", "ে", "য়", "কে", "ও", "ই", "রা", "দের", "সহ", "ি", "া", "ীয়")


# After "which" or "what": not an auxiliary, so the next words are what is asked for ("which
# university", "what e-commerce platform"), not a clause ("what did the college say about platforms")
NOT_AUXILIARY = r"(?!(do|does|did|is|are|was|were|has|have|had|can|could|will|would)\b)"


def any_of(*alternatives: str) -> re.Pattern[str]:
    """One case-insensitive pattern for any of ``alternatives``, in NFC as questions and articles
    are: Bengali "য়" composes differently in source files."""
    return re.compile("|".join(unicodedata.normalize("NFC", a) for a in alternatives), re.IGNORECASE)


__all__ = ["BENGALI_ENDINGS", "BENGALI_LETTERS", "NOT_AUXILIARY", "any_of"]

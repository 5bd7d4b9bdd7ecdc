"""Which of our languages a text is written in.

Bengali and Thai are told apart by their scripts alone, which is exact and instant; Latin text is
English or Vietnamese, which lingua decides (restricted to the languages in play, so it is fast and
never answers with a language we cannot serve). Very short text is ambiguous: callers get None and
fall back to what they know (a user's Telegram language, a default).
"""

from __future__ import annotations

from functools import lru_cache

LANGUAGES = ("en", "bn", "th", "vi")
LANGUAGE_NAMES = {"en": "English", "bn": "Bengali", "th": "Thai", "vi": "Vietnamese"}

_BENGALI = range(0x0980, 0x0A00)
_LATIN = range(0x0000, 0x0250)  # Basic Latin to Latin Extended-B
_LATIN_ADDITIONAL = range(0x1E00, 0x1F00)  # Vietnamese letters with stacked marks live here
_THAI = range(0x0E00, 0x0E80)
# Letters only Vietnamese uses among Latin-script languages (đ, ơ, ư and the stacked tones).
_VIETNAMESE_MARKS = set("ăâđêôơưĂÂĐÊÔƠƯ" "ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ")
_MIN_LATIN_LETTERS = 4


def script_counts(text: str) -> dict[str, int]:
    """Letters per script family in ``text``: bn, th, latin, and other (Cyrillic, Devanagari, Han…:
    scripts none of our languages is written in)."""
    counts = {"bn": 0, "th": 0, "latin": 0, "other": 0}
    for ch in text:
        code = ord(ch)
        if code in _BENGALI:
            counts["bn"] += 1
        elif code in _THAI:
            counts["th"] += 1
        elif code in _LATIN or code in _LATIN_ADDITIONAL:
            counts["latin"] += ch.isalpha()
        elif ch.isalpha():
            counts["other"] += 1
    return counts


@lru_cache(maxsize=1)
def _latin_detector():
    from lingua import Language, LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(Language.ENGLISH, Language.VIETNAMESE).build()


@lru_cache(maxsize=1024)  # the bot asks it of each question and the search asks again (unaccented Vietnamese)
def detect_language(text: str) -> str | None:
    """Return "en", "bn", "th" or "vi" for ``text``, or None when it is too short to tell or is
    written mostly in a script none of those languages uses."""
    counts = script_counts(text)
    script, letters = max(counts.items(), key=lambda kv: kv[1])
    if letters == 0:
        return None
    if script in ("bn", "th"):
        return script
    if script == "other":
        return None
    if any(ch in _VIETNAMESE_MARKS for ch in text):
        return "vi"
    if letters < _MIN_LATIN_LETTERS:
        return None
    from lingua import Language

    found = _latin_detector().detect_language_of(text)
    if found == Language.VIETNAMESE:
        return "vi"
    if found == Language.ENGLISH:
        return "en"
    return None

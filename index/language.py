"""Which of our languages a text is written in.

Bengali and Thai are told apart by their scripts alone, which is exact and instant; Latin text is
English or Vietnamese, which lingua decides (restricted to the languages in play, so it is fast and
never answers with a language we cannot serve). Very short text is ambiguous: callers get None and
fall back to what they know (a user's Telegram language, a default).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .lexical import question_names

LANGUAGES = ("en", "bn", "th", "vi")
LANGUAGE_NAMES = {"en": "English", "bn": "Bengali", "th": "Thai", "vi": "Vietnamese"}

_BENGALI = range(0x0980, 0x0A00)
_LATIN = range(0x0000, 0x0250)  # Basic Latin to Latin Extended-B
_LATIN_ADDITIONAL = range(0x1E00, 0x1F00)  # Vietnamese letters with stacked marks live here
_THAI = range(0x0E00, 0x0E80)
# Letters only Vietnamese uses among Latin-script languages (đ, ơ, ư and the stacked tones).
_VIETNAMESE_MARKS = set("ăâđêôơưĂÂĐÊÔƠƯ" "ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ")
_MIN_LATIN_LETTERS = 4
_MIN_SCRIPT_LETTERS = 2  # a Bengali or Thai word in Latin text ("Dong Nai-র EBI rank কত?") decides
# A Vietnamese syllable written without its marks (onset, one to three vowels, one of the codas
# Vietnamese allows). Most English words are not ("what", "is", "many"), but short ones may be.
VIETNAMESE_SYLLABLE = re.compile(r"(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(ng|nh|ch|[cmnpt])?")
# Latin text without marks is Vietnamese when at least this share of its words (names aside) could
# be Vietnamese syllables and lingua gives Vietnamese at least VIETNAMESE_CONFIDENCE. lingua alone
# called 7 of 40 chat questions typed without marks English ("Bo Cong Thuong phoi hop voi ai de to
# chuc su kien o Lai Chau": 0.88 English), so they were neither restored nor answered in Vietnamese;
# our English questions have at most 0.62 of such words.
VIETNAMESE_SHAPED = 0.75
VIETNAMESE_CONFIDENCE = 0.05
# English grammar words no Vietnamese syllable is spelled like (no Vietnamese coda is s, f, w, r or
# d, and no rhyme is "ou"). In Latin text without marks, one of them makes it English: a name
# typed in lowercase ("who is le hoang oanh") otherwise tips lingua to Vietnamese, and a short
# line ("what can you do", "can you help me") is as Vietnamese-shaped as chat Vietnamese. No
# question of our sets, nor of them stripped of marks, changes language by this rule.
# Grammar words that could be syllables ("the", "in", "me", "an") are left out: unmarked Vietnamese
# is full of them (thể, in, mẹ, ăn).
ENGLISH_GRAMMAR = frozenset(
    "who whom whose what when where which why how is are was were did does has have had of and "
    "about with from for this these those their there will would could should shall into you your".split()
)
_LATIN_WORD = re.compile(r"[A-Za-z]+")
# A web address: no words of a question (nothing here fetches pages), and Latin letters that would
# outvote a short Thai or Bengali one
LINK = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)


def script_counts(text: str) -> dict[str, int]:
    """Letters per script family in ``text``: bn, th, latin, and other (Cyrillic, Devanagari, Han…:
    scripts none of our languages is written in)."""
    counts = {"bn": 0, "th": 0, "latin": 0, "other": 0}
    for ch in text:
        if ch.isdigit():  # "in ২০২৪" in an English question: digits say nothing of the language
            continue
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
        return _digits_language(text)
    if script == "latin" and max(counts["bn"], counts["th"]) >= _MIN_SCRIPT_LETTERS:
        script = "bn" if counts["bn"] >= counts["th"] else "th"  # a Latin name or term in a bn/th question
    if script in ("bn", "th"):
        return script
    if script == "other" or _foreign_latin(text):
        return None  # the caller falls back; a Portuguese "eletrônico" is no Vietnamese
    frame = _without_names(text)
    # Vietnamese marks make it Vietnamese, unless all of them are in names that English grammar words
    # surround: "What is Chợ Sen?", "Who is Nguyễn Thị Bích Ngọc?" (an admin's test got Vietnamese
    # replies to those, and English ones when the names were typed without marks)
    if any(ch in _VIETNAMESE_MARKS for ch in text) and (
            any(ch in _VIETNAMESE_MARKS for ch in frame) or not _has_english_grammar(frame)):
        return "vi"
    # One word, or names alone ("Hmong", "livestream", "Dong Nai"), is a keyword either language's
    # speakers type: the caller's fallback (the user's app language) knows better than lingua
    if letters < _MIN_LATIN_LETTERS or len(_LATIN_WORD.findall(text)) < 2 or not _LATIN_WORD.search(frame):
        return None
    from lingua import Language

    detector = _latin_detector()
    # The words around the names say which language it is: "Who is Le Hoang Oanh?" is English
    # although three of its five words are Vietnamese
    frame = frame if len(_LATIN_WORD.findall(frame)) >= 2 else text
    if _has_english_grammar(frame):
        return "en"
    if _vietnamese_shaped(frame) and detector.compute_language_confidence(frame, Language.VIETNAMESE) >= VIETNAMESE_CONFIDENCE:
        return "vi"
    found = detector.detect_language_of(frame)
    if found == Language.VIETNAMESE:
        return "vi"
    if found == Language.ENGLISH:
        return "en"
    return None


# Latin-script languages askers may write in that we do not reply in. In Latin letters only lingua
# can tell one from English; it is asked among these, English and Vietnamese only, because with
# all its 48 Latin-script languages Banglish reads as Shona or Welsh (Malay is left out: it splits
# Indonesian's confidence in two). On our 685 English, Vietnamese and Banglish questions in Latin
# letters (sets, dev, user tests) none of these languages scored above 0.45, while the French, Spanish
# and German questions of the user tests scored 0.89 to 0.99.
FOREIGN_LATIN = ("FRENCH", "SPANISH", "GERMAN", "PORTUGUESE", "ITALIAN", "DUTCH", "INDONESIAN",
                 "TURKISH", "POLISH")
FOREIGN_CONFIDENCE = 0.7
_MIN_FOREIGN_WORDS = 3  # fewer is too little to tell French from an English typo
_LONGEST_WORD = 18


@lru_cache(maxsize=1)
def _foreign_detector():
    from lingua import Language, LanguageDetectorBuilder

    languages = [getattr(Language, name) for name in (*FOREIGN_LATIN, "ENGLISH", "VIETNAMESE")]
    return LanguageDetectorBuilder.from_languages(*languages).build()


def warm_up() -> None:
    """Load lingua's language models now: on first use they cost about 1.5 s, which would
    otherwise fall on the first question asked."""
    for detector in (_latin_detector(), _foreign_detector()):
        detector.compute_language_confidence_values("a few words to load the models")


def in_foreign_latin(text: str) -> bool:
    """Whether ``text`` is written in Latin letters but in a language we do not reply in (French,
    Spanish…), rather than in English, Vietnamese or Banglish."""
    counts = script_counts(text)
    return counts["latin"] > max(counts["bn"], counts["th"], counts["other"]) and _foreign_latin(text)


@lru_cache(maxsize=1024)
def _foreign_latin(text: str) -> bool:
    # Names stay in: they are Vietnamese or English-spelt, so they pull towards our languages, and a
    # German question's capitalised nouns would be taken for names. A line of names alone is no language.
    # words of a real language's length: a keyboard mash or "abcdefghijklmnopqrstuvwxyz" is none
    words = [word for word in _LATIN_WORD.findall(text) if len(word) <= _LONGEST_WORD]
    if len(words) < _MIN_FOREIGN_WORDS or not _LATIN_WORD.search(_without_names(text)):
        return False
    best = _foreign_detector().compute_language_confidence_values(text)[0]
    return best.language.name in FOREIGN_LATIN and best.value >= FOREIGN_CONFIDENCE


def _digits_language(text: str) -> str | None:
    """Bengali or Thai for a text whose only digits are Bengali or Thai ones ("৫৬?"): only a Bengali or
    Thai keyboard types them, where the ASCII digits of "56" say nothing."""
    scripts = {("bn" if ord(ch) in _BENGALI else "th" if ord(ch) in _THAI else None) for ch in text if ch.isdigit()}
    return scripts.pop() if len(scripts) == 1 else None


def _has_english_grammar(text: str) -> bool:
    return any(word.lower() in ENGLISH_GRAMMAR for word in _LATIN_WORD.findall(text))


def _without_names(text: str) -> str:
    for name in question_names(text):
        text = text.replace(name, " ")
    return text


def _vietnamese_shaped(text: str) -> bool:
    """Whether most words of ``text`` (acronyms aside) could be Vietnamese syllables."""
    words = [w.lower() for w in _LATIN_WORD.findall(text) if not (len(w) > 1 and w.isupper())]
    return len(words) >= 2 and sum(bool(VIETNAMESE_SYLLABLE.fullmatch(w)) for w in words) >= VIETNAMESE_SHAPED * len(words)

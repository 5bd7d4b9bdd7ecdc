"""People a Bengali or Thai passage names, and their names in Latin letters. Pure, but for the
Thai romanizer's lazy import.

A reader of another script cannot read a Bengali or Thai quote, and the Figures line reads out
only numbers; yet a "who" question's answer is a name. A blind user test asked "Who is the
director of China's foreign trade centre?" in English and Thai and got "ছু শিচিয়া" inside a
Bengali quote, and a Thai reader who could read only the one Thai passage on the page took its
"นายหวาง ซู่ปิน" for the answer. The names of a quote, in Latin letters, tell such readers who
is named where ("ছু শিচিয়া = Chu Shichiya").

There is no name tagger for Bengali or Thai among the packages we can install, so a name is read
only where news prose marks it, which it does the same few ways in every article:
- Thai names a person after a title, always: นาย (Mr), นาง (Mrs), นางสาว (Miss), ดร. (Dr), and the
  name (given name, a space, family name) ends at the next space.
- Bengali names a person after a title (মিসেস, মিঃ, জনাব…) or after their post ("পরিচালক ছু শিচিয়া
  ব্যাখ্যা করেন", the director Chu Shijia explained). Bengali has no capitals, so where the name
  ends must be marked too: by the verb of what they said (বলেন, জানান…), a bracket, "এবং" (and),
  a hyphened case ending ("দিন-এর"), or, for a post, commas around the name ("চেয়ারম্যান, নগুয়েন
  হু থাপ, …"). A name whose end is not marked within four words is not read ("মিসেস দিন টিকটক
  শপে…": Mrs Dinh opened a TikTok shop; its words are not all her name), nor one ended by a lone
  comma after a title ("মিঃ থাপ সরাসরি শিক্ষাদান,", Mr Thap directly taught).
- A name read as one word after a title is often the given name of one the passage also writes
  whole ("মিসেস দিন", Mrs Dinh, of "মহিলা ভ্যাং থি দিন,", the woman Vang Thi Dinh), and a lone word may
  be a common one too (দিন is "day"): the Names line reads it whole where the quote writes it so,
  the words before it that read as syllables of a Vietnamese name taken in (not "মহিলা", woman).
A name in any other place is missed; a word read as a name that is not one was not seen on the
seeds (``tests/test_people.py`` lists every name they yield).

Romanization is Avro Phonetic's reverse for Bengali (``avro-py``, already here for Banglish: the
spelling Bangladeshis type, "chu shichiya") and the Royal Thai General System for Thai
(``pythainlp``, "wang supin"). Neither restores the name's own spelling ("Chu Shijia", "Wang
Shubin"), but both are how the name sounds. The Names line mends how Avro's reverse reads Bengali's
spelling of Vietnamese sounds letter by letter ("Noguyen Hu Thap" is shown "Nguyen Hu Thap"); the
likeness of an asked name reads the letters (``letter_romanized``). A name the asker spells is shown
as they spell it (``as_asked``): in Latin letters where it reads like the passage's name letter by
letter, in Bengali or Thai letters where it sounds like it (``sounds.sound_key``: "ওয়াং শুবিন" and
"หวาง ซู่ปิน" both sound "ansupin").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from functools import lru_cache

import avro

from .language import VIETNAMESE_SYLLABLE
from .lexical import question_names, trigrams
from .patterns import BENGALI_LETTERS as _BN
from .places import stems
from .thai import thai_latin

MAX_NAME_WORDS = 4  # Vietnamese and Chinese names in Bengali run to three or four words
_WHOLE_NAME_WORDS = 3  # a Vietnamese name written whole: family, middle and given names

_THAI_LETTERS = "\u0e00-\u0e7f"

# Thai titles; นายก (the head of a government, an association) is no title: "นายกรัฐมนตรี"
_THAI_NAME = re.compile(  # Thai has no composed letters for NFC to change
    rf"(?:นางสาว|นาง|นาย(?!ก(?:รัฐมนตรี|เทศมนตรี|สมาคม|องค์การ))|ดร\.?|ด\.ร\.)\s?"
    rf"(?P<name>[{_THAI_LETTERS}]+(?: [{_THAI_LETTERS}]+)?)"
)

_BN_WORD = rf"[{_BN}]+"
_BN_TITLE = r"(?:মিসেস|মিস্টার|মিস|মিঃ|মি\.|জনাব|ড\.|ডঃ|ডা\.|শ্রীমতী|শ্রী|বেগম)"
# Posts a person is named after ("the director X said"): heads, deputies, owners, officials
_BN_POST = (r"(?:মহা|উপ-?)?পরিচালক|চেয়ারম্যান|সভাপতি|মন্ত্রী|উপমন্ত্রী|সচিব|মেয়র|মালিক|কর্মকর্তা|"
            r"মুখপাত্র|প্রতিষ্ঠাতা|সিইও|ব্যবস্থাপক|ম্যানেজার|অধ্যাপক|গবেষক|বিশেষজ্ঞ|নেতা|প্রধান")
# What ends a name: the verb of what was said, "and", and words that open an adverb of manner
_BN_END_WORD = (r"(?:বলেন|বলেছেন|বললেন|বলছেন|জানান|জানিয়েছেন|জানিয়ে|ব্যাখ্যা|শেয়ার|উল্লেখ|জোর|মন্তব্য|"
                rf"যোগ|স্বীকার|আশা|মনে|এবং|ও)(?![{_BN}])")
_BN_NAME = rf"(?P<name>{_BN_WORD}(?: {_BN_WORD}){{0,{MAX_NAME_WORDS - 1}}}?)"
_BRACKETED = r"(?:\([^()]{1,60}\) )?"  # "the owner (in Binh Loc ward) Le Cao Thang"
_BENGALI_NAMES = tuple(re.compile(unicodedata.normalize("NFC", pattern)) for pattern in (
    # after a title, ended by a said-verb, "and", a bracket or a case ending
    rf"(?<![{_BN}]){_BN_TITLE} {_BN_NAME}(?: {_BN_END_WORD}| ?\(|-{_BN_WORD})",
    # after a post, ended the same way
    rf"(?<![{_BN}])(?:{_BN_POST}) {_BRACKETED}{_BN_NAME}(?: {_BN_END_WORD}| ?\(|-{_BN_WORD})",
    # after a post and a comma, up to the next comma: "the chairman, Nguyen Huu Thap, …"
    rf"(?<![{_BN}])(?:{_BN_POST}), {_BN_NAME},",
))
# What may follow a name written whole: a mark of its end, or a clause's
_BN_NAME_END = unicodedata.normalize("NFC", rf"(?=[,;:।.!?…)]| ?\(|-{_BN_WORD}| {_BN_END_WORD}|$)")
# Up to three words straight before a name, each whole (not the "মং" of "হ'মং")
_BN_WORDS_BEFORE = re.compile(rf"(?:(?<![{_BN}']){_BN_WORD} ){{1,{MAX_NAME_WORDS - 1}}}$")


def person_names(text: str, lang: str, whole_in: str | None = None) -> list[str]:
    """The people ``text`` (a passage or sentence in ``lang``) names where news marks a name, in
    the order they first appear, each once; [] for other languages (Latin names need no reading).
    ``whole_in``: a text (``text`` itself, or a quote around it) where a Bengali name read as one
    word is read whole if it is written so (``_whole_name``). Retrieval's person bonus reads names
    as marked: read whole, Vàng Thị Dính's passages changed order, one answer up, one down."""
    text = unicodedata.normalize("NFC", text)
    if lang == "th":
        found = [(m.start("name"), m["name"]) for m in _THAI_NAME.finditer(text)]
    elif lang == "bn":
        found = [(m.start("name"), m["name"]) for pattern in _BENGALI_NAMES for m in pattern.finditer(text)]
        # the title's pattern nests inside the post's ("পরিচালক মিসেস লে…"): keep the name, not the title
        found = [(at, _without_title(name)) for at, name in found]
        if whole_in is not None:
            whole_in = unicodedata.normalize("NFC", whole_in)
            found = [(at, _whole_name(name, whole_in)) for at, name in found]
    else:
        return []
    names: list[str] = []
    for _, name in sorted(found):
        if name and name not in names and not any(name in other or other in name for other in names):
            names.append(name)
    return names


def _without_title(name: str) -> str:
    first, _, rest = name.partition(" ")
    return rest if re.fullmatch(_BN_TITLE, first) else name


def _whole_name(name: str, text: str) -> str:
    """``name``, a Bengali name read as one word, as ``text`` writes it whole where it does: the
    longest run of words ending in it, and ended as a name is, whose other words read as syllables
    of a Vietnamese name ("ভ্যাং থি দিন" for "দিন", not "মহিলা ভ্যাং থি দিন"); else ``name``. Two such
    words at least, as a family name and a middle one: "এই দিন" (this day) is no name."""
    if " " in name:
        return name
    whole = name
    for match in re.finditer(rf"(?<![{_BN}]){re.escape(name)}{_BN_NAME_END}", text):
        before = _BN_WORDS_BEFORE.search(text, max(0, match.start() - 120), match.start())
        words = before.group().split() if before else []
        while words and not VIETNAMESE_SYLLABLE.fullmatch(romanized(words[0], "bn").lower()):
            words.pop(0)
        if len(words) >= max(_WHOLE_NAME_WORDS - 1, len(whole.split())):
            whole = " ".join([*words, name])
    return whole


def romanized(name: str, lang: str) -> str:
    """``name`` (Bengali or Thai) in Latin letters as the Names line shows it, each word capitalised,
    Bengali as Vietnamese and Chinese names are spelt: "Nguyen Hu Thap", "Chu Shichiya"."""
    return _latin(name, lang, _bengali_name_latin)


def letter_romanized(name: str, lang: str) -> str:
    """``name`` (Bengali or Thai) in Latin letters letter by letter, as the likeness of an asked
    name to a passage's reads it ("Noguyen Hu Thap"): the Names line's spelling of Vietnamese
    "Nguyen" also reads alike two people of that family, "Nguyen Thuy Anh" 0.64 like "Nguyen Hu
    Thap" (``SAME_PERSON``)."""
    return _latin(name, lang, bengali_latin)


def _latin(name: str, lang: str, bengali: Callable[[str], str]) -> str:
    if lang == "bn":
        words = [bengali(word) for word in name.split()]
    elif lang == "th":
        words = [thai_latin(word) for word in name.split()]
    else:
        return name
    return " ".join(word[:1].upper() + word[1:] for word in words if word)


# Avro's reverse knows the precomposed nukta letters (য়, ড়, ঢ়), which NFC leaves decomposed
_PRECOMPOSED = {"\u09af\u09bc": "\u09df", "\u09a1\u09bc": "\u09dc", "\u09a2\u09bc": "\u09dd"}


def _precomposed(word: str) -> str:
    for pair, letter in _PRECOMPOSED.items():
        word = word.replace(pair, letter)
    return word


@lru_cache(maxsize=8192)  # Avro's reverse takes about a millisecond a word; questions repeat their words
def bengali_latin(word: str) -> str:
    latin = avro.reverse(_precomposed(word))
    # Avro's reverse writes a conjunct's first consonant with its vowel and leaves the virama
    # ("ট্রান" → "to্ran"): a consonant cluster has no vowel between
    latin = re.sub(r"o?\u09cd", "", latin)
    # Bengali writes a "w" as ও and য় ("ওয়েব", web), which the reverse reads letter by letter
    return re.sub(r"^wy(?=[aeiou])", "w", latin)


# How Bengali writes the sounds of Vietnamese and Chinese names, which Avro's reverse reads letter
# by letter ("নগুয়েন হু থাপ" as "Noguyen Hu Thap", "লে হোয়াং ওয়ান" as "Le Hoyang Wan"), each rewritten
# before the reverse: a virama makes a cluster, whose vowel ``bengali_latin`` drops, and Latin
# letters pass through as they are. য় is the precomposed \u09df here, as the reverse needs it.
_NAME_SOUNDS = tuple((re.compile(pattern), spelling) for pattern, spelling in (
    ("^নগ(?=[ুূোা])", "ন\u09cdগ"),  # Vietnamese "Ng" (Nguyễn, Ngô); Bengali নগেন, নগর keep their vowel
    ("(?<=.)নহ$", "ন\u09cdহ"),  # Vietnamese final "nh": Anh আনহ, Thanh থানহ
    ("(?<=[োু])\u09dfা", "a"),  # the glide after o and u: Hoàng হোয়াং, Huang হুয়াং
    ("(?<=ু)\u09df(?:ো|(?![\u09be-\u09cd]))", "o"),  # Dương ডুয়ং; Nguyễn's "uyê" keeps its y
    # ও opens or ends a word as an "o" (Cao কাও, Mao মাও, Osman ওসমান), but a "w" before য় ("ওয়ান",
    # Oanh, Wang) and inside a word (Kawsar কাওসার)
    ("^ও(?!\u09df)|(?<=.)ও$", "o"),
    # a consonant with য-ফলা before া is a foreign "a" (ব্যাংক bank, ক্যাম্প camp), ভ so a "v" (ভ্যান
    # van; Vàng ভ্যাং), which the reverse reads "bhoZzang"
    ("ভ\u09cd\u09af(?=\u09be)", "v"),
    ("(?<=[\u0995-\u09b9])\u09cd\u09af(?=\u09be)", ""),
))


def _bengali_name_latin(word: str) -> str:
    """A word of a Bengali name in Latin letters as Vietnamese and Chinese names are spelt, for the
    Names line: "Nguyen", not Avro's "Noguyen". Sound keys read Avro's own (``bengali_latin``)."""
    word = _precomposed(unicodedata.normalize("NFC", word))
    for pattern, spelling in _NAME_SOUNDS:
        word = pattern.sub(spelling, word)
    return re.sub(r"wy(?=[aeiou])", "w", bengali_latin(word))  # a "w" inside a word too: "হাওয়া"


def name_likeness(asked: str, named: str) -> float:
    """How alike two names in Latin letters read, 0..1: the Dice overlap of their romanized
    trigrams. The seeds' names, asked as their owners spell them, score 0.48-1.0 against their own
    romanized Bengali or Thai spelling and at most 0.43 against another's ("Nguyen Thuy Anh" against
    "Noguyen Hu Thap"); a part of a name read alone ("Din" for "Vàng Thị Dính") scores 0.29."""
    a, b = trigrams(asked, min_word=1), trigrams(named, min_word=1)
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


# Two names in Latin letters that read at least this alike (``name_likeness``) are one person's:
# the seeds' names score 0.48-1.0 against their own romanized spelling, at most 0.43 against another's
SAME_PERSON = 0.45


def asked_people(question: str) -> tuple[str, ...]:
    """The names of people ``question`` writes in Latin letters: capitalised runs of two words or
    more ("Le Hoang Oanh", "Qiu Zhongbing")."""
    return tuple(without_title(name) for name in question_names(question) if " " in name)


def asked_spellings(question: str) -> tuple[str, ...]:
    """What ``question`` may spell a passage's names as, for ``as_asked``: its names in Latin
    letters (``asked_people``), and itself where it writes in Bengali or Thai letters, whose words
    carry no mark of a name (no capitals), so that a name there is told by its sound."""
    return asked_people(question) + ((question,) if _script_of(question) else ())


# Titles an asker writes before a name: Vietnamese ông, bà, chị, anh, cô, chú, em… (Mr, Mrs, Ms, elder,
# younger), English Mr, Mrs, Dr… A user test was shown "লে কাও থাং = Ông Lê Cao Thắng": the name is
# what the passage names, the title the asker's courtesy. Typed without its marks a Vietnamese title
# is also a name ("Chu Shijia", "Ong"), so that one is a title only before a name of two words or more
_TITLES = re.compile(r"(?:ông|bà|chị|anh|cô|chú|em|bác|cụ|thầy|cậu|dì|ngài|mr|mrs|ms|mx|miss|dr|prof|sir|madam)\.?",
                     re.IGNORECASE)
_UNMARKED_TITLES = re.compile(r"(?:ong|ba|chi|co|chu|bac|cu|thay|cau|di)\.?", re.IGNORECASE)


def without_title(name: str) -> str:
    """``name`` as typed, without the titles before it: "Ông Lê Cao Thắng" → "Lê Cao Thắng", "Chị
    Dính" → "Dính", "Mrs Vang Thi Dinh" → "Vang Thi Dinh"; "Chu Shijia" stays, a name."""
    words = name.split()
    while len(words) > 1 and (_TITLES.fullmatch(words[0]) or (len(words) > 2 and _UNMARKED_TITLES.fullmatch(words[0]))):
        words = words[1:]
    return " ".join(words)


def as_asked(named: Sequence[str], asked: Sequence[str], read: Sequence[str] = (), lang: str = "") -> list[str]:
    """``named`` (a passage's names in ``lang``, romanized) with each of ``asked`` (the question's:
    ``asked_spellings``) in place of the one it reads most like, if that one is the same person's:
    a Vietnamese reader who typed "Lê Hoàng Oanh" was shown "Le Hoyang Wan". ``read``: the same
    names as the likeness reads them (``letter_romanized``), if not as named. One name each way,
    since another person's name may read almost as alike (0.43 against 0.45); and never a shorter
    name for a longer one: "Ông Thắng" leaves "Le Kao Thang" whole, while "Chị Dính" reads the
    passage's "মিসেস দিন" (Mrs Dinh) as "Dính", which the title's trigrams kept under the likeness
    (0.40 against 0.57). A name typed after words that are not the passage's ("Sở Công Thương Trần
    Dương Hùng", the department's) is read from where it reads most like it (``_parts``); one
    typed in Bengali or Thai letters, by its sound (``_spoken``)."""
    spelled, read = list(named), list(read or named)
    for typed in asked:
        if _script_of(typed) or not read:
            continue
        at, name, likeness = max(((at, part, name_likeness(part, other)) for part in _parts(without_title(typed))
                                  for at, other in enumerate(read)), key=lambda found: found[2])
        if likeness >= SAME_PERSON and spelled[at] == named[at] and len(name.split()) >= len(named[at].split()):
            spelled[at] = name
    for typed in asked:
        if (script := _script_of(typed)) and script != lang:
            for at, other in enumerate(named):
                if spelled[at] == other and (spoken := _spoken(typed, script, other)):
                    spelled[at] = spoken
    return spelled


def _parts(name: str) -> list[str]:
    """``name`` and the parts of two words or more it ends with, longest first: where a passage's
    name reads most like one of them, the words before it are none of the name's (a department's,
    a post's). Never one word alone: a given name is many people's."""
    words = name.split()
    return [name, *(" ".join(words[i:]) for i in range(1, len(words) - 1))]


def _script_of(text: str) -> str:
    """"bn" or "th" where ``text`` writes in Bengali or Thai letters, else ""."""
    return "bn" if re.search(f"[{_BN}]", text) else "th" if re.search(f"[{_THAI_LETTERS}]", text) else ""


# How alike a run of the asker's Bengali or Thai words must sound to a passage's name in the other
# script (one minus the edit distance of their sound keys, over the longer): over our question
# sets, the seeds' names as askers spell them sound 0.857-1.0 alike, other runs at most 0.778
# ("เงินเดือน", salary, against "Nguyen Thui Anh")
SAME_SOUND = 0.85
_MIN_SOUND_LETTERS = 4  # shorter keys ("tin", Dinh) sound like too many syllables


def _spoken(question: str, script: str, name: str) -> str:
    """The run of ``question``'s words in ``script`` (Bengali or Thai) that sounds like ``name`` (a
    passage's name in the other script, as the Names line spells it: ``romanized``), as typed,
    without a Bengali case ending; "" if none sounds alike. A Bengali reader who typed "ওয়াং শুবিন"
    was shown "หวาง ซู่ปิน = Wang Supin"; both read out as "ansupin" (``sounds.sound_key``). The
    Names line's spelling reads Bengali closer to the sound ("Vang", not "Bhozzang", for ভ্যাং)."""
    from rapidfuzz.distance import Levenshtein

    from .sounds import sound_key  # which reads Bengali with this module's ``bengali_latin``

    key = sound_key(name)
    if len(key) < _MIN_SOUND_LETTERS:
        return ""
    alike = [(Levenshtein.normalized_similarity(sounds, key), typed)
             for typed, sounds in _sounded_runs(question, script)]
    likeness, typed = max(alike, default=(0.0, ""), key=lambda found: found[0])  # the first of the likest
    return typed if likeness >= SAME_SOUND else ""


@lru_cache(maxsize=256)
def _sounded_runs(text: str, script: str) -> tuple[tuple[str, str], ...]:
    """Runs of up to ``MAX_NAME_WORDS`` words of ``text`` in ``script`` (Thai: of its dictionary's
    words, which split a name into syllables, so three times as many) that no mark breaks, each as
    typed and as its sound key; a Bengali run also without a case ending (``places.stems``). Cached:
    each quote of a reply reads the same question."""
    from .sounds import sound_key

    if script == "bn":
        words = [(m.start(), m.end()) for m in re.finditer(f"[{_BN}]+", text)]
        most, latin = MAX_NAME_WORDS, _bengali_name_latin
    else:
        words, most, latin = _thai_words_at(text), 3 * MAX_NAME_WORDS, thai_latin
    runs = []
    for first, (start, _) in enumerate(words):
        for last in range(first, min(first + most, len(words))):
            if last > first and text[words[last - 1][1]:words[last][0]].strip():
                break  # a mark or another script's word between two words
            typed = text[start:words[last][1]]
            forms = reversed(stems(typed)) if script == "bn" else [typed]  # as typed first, of those alike
            runs.extend((form, sound_key(" ".join(map(latin, form.split())))) for form in forms)
    return tuple(runs)


def _thai_words_at(text: str) -> list[tuple[int, int]]:
    """Where ``text``'s words in Thai letters start and end, as pythainlp's dictionary splits them."""
    from .thai import thai_words

    spans, at = [], 0
    for word in thai_words(text):
        found = text.find(word, at)
        if found < 0:
            continue
        at = found + len(word)
        if re.search(f"[{_THAI_LETTERS}]", word):
            spans.append((found, at))
    return spans


@lru_cache(maxsize=4096)
def latin_names(text: str, lang: str) -> tuple[str, ...]:
    """``person_names`` of a passage, romanized letter by letter for the likeness; cached, as a
    search reads the same passages."""
    return tuple(letter_romanized(name, lang) for name in person_names(text, lang))


__all__ = ["MAX_NAME_WORDS", "SAME_PERSON", "SAME_SOUND", "as_asked", "asked_people", "asked_spellings",
           "bengali_latin", "latin_names", "letter_romanized", "name_likeness", "person_names", "romanized",
           "without_title"]

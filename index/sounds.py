"""Whether Bengali or Thai articles mention a foreign name a question writes in Latin letters
("Pinduoduo", "Tokopedia"), and which of them names it ("Lai Chau"), read by how the name sounds.

A bi-encoder answers "Did Pinduoduo have a booth at the fair?" with the fair's booths,
confidently: it cannot tell that no article names Pinduoduo. Across scripts a name is spelled otherwise ("Lazada" is
"লাজাদা", "Guangzhou" is "กวางโจว"), so ``unknown_names`` could not read absence off the text, and
whole-article trigrams found absent names as often as present ones (every article holds "la",
"ai", "ch"). Here the articles' words are read out in Latin letters (Avro's reverse for Bengali,
the Royal Thai system for Thai words, as ``people`` does) and folded, with the question's name, to
a rough sound key: consonants that the scripts spell apart fall together (k g q; t d; p b f v;
s z j x and the "ch" of all three; l r), "h" and "w" go, vowels stay. A name is compared with every
run of one to four consecutive words of the articles, so it must sound like words that stand
together, not like letters scattered over an article.

Measured on the five seed articles (``tests/test_sounds.py`` keeps the figures): the names our
question sets ask about, where they are checked (below), sound at least 0.75 like some run of
words; foreign names the articles never mention mostly sound at most 0.67 like any, though a short
one may sound like something ("Shein" is a run of Bengali syllables). So a name is called absent
only under ``ABSENT_BELOW``, and only a name long enough to be told apart is judged at all:

- not a name of English words ("Silk Road", "Ministry of Commerce", "Jack Ma"): the articles
  translate those, so their sound says nothing. A run with a word of four letters or more from
  the dictionary ("Guihai Business Hub", "TikTok Shop") is not judged either;
- not an acronym ("CCEF", "EBI"), which an article may spell out or translate;
- in a Vietnamese question, not a name of Vietnamese syllables: Vietnamese names Chinese places
  in its own reading ("Quảng Châu" is Guangzhou) and its ministries in its own words ("Bộ Công
  Thương"), which no sound check can match with a Bengali spelling. A Vietnamese person's name
  (a family name first: "Phạm Minh Chính") is judged in any question, as the articles spell it
  by its sound;
- not a name whose sound key is shorter than ``MIN_KEY_LETTERS`` ("Hue"). Until session 28 that
  was six letters, for fear that a short name sounds like some run of syllables ("Shein" does,
  1.0); measured, short names the articles mention sound 1.0 like their spelling (Shopee, Dinh,
  Hung) and absent ones 0.60-0.75 ("Temu" 0.60, "Sendo" 0.67, "Zalo" 0.75): at four letters three
  more unanswerable questions of our sets abstain ("Did Temu have a booth at CCEF 2024?"), and none
  answerable is refused.
A present name wrongly judged absent costs a refusal of an answerable question, so the line errs
towards "present".

Which article names a name (``SoundLexicon.elsewhere``) is told the other way round: one article
must sound almost exactly like it (``NAMED_PLAINLY``) and the article in question like nothing
near it. That asks less of the name (``heard_parts``: short ones and Vietnamese ones count), since
a plain match is required: 0.85 ("Guangzhou" is 0.88 in its article and at most 0.57 in the
others), or 0.90 for a name of Vietnamese syllables, short and open, which sound like runs of Thai
syllables more often ("Cong Thuong" 0.86 in the Thai article, which does not name the ministry).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein
from unidecode import unidecode

from .countries import countries_named
from .people import bengali_latin, without_title
from .thai import thai_latin, thai_words

MAX_RUN_WORDS = 4  # a name of four words ("Nguyễn Hữu Thắp" is three) in Bengali or Thai
MIN_KEY_LETTERS = 4  # "temu"; "ue" (Hue) sounds like too many runs of syllables
MIN_DICTIONARY_LETTERS = 4  # "Lai", "Can", "Da" are English words too, and Vietnamese names
ABSENT_BELOW = 0.7
NAMED_PLAINLY = 0.85  # "Lai Chau" sounds 1.0 like "লাই চাউ", "Guangzhou" 0.88 like "গুয়াংজু"
# A name of Vietnamese syllables, short and open, sounds like runs of Thai or Bengali syllables that
# say something else ("Cong Thuong", the Ministry of Industry and Trade, 0.86 in the Thai article)
SYLLABLES_NAMED_PLAINLY = 0.9
MIN_HEARD_LETTERS = 4
MAX_REMEMBERED = 4096

# Spellings of one sound in Pinyin, Vietnamese, English and the romanized Bengali and Thai
_DIGRAPHS = (("ph", "f"), ("kh", "k"), ("th", "t"), ("gh", "g"), ("dh", "d"), ("bh", "b"), ("sh", "s"),
             ("zh", "j"), ("ch", "j"), ("tr", "j"), ("ng", "n"), ("nh", "n"), ("qu", "ku"), ("ck", "k"),
             ("ts", "s"), ("x", "s"))
_SOFT_C = re.compile(r"c(?=[eiy])")  # English "Cecil"; Vietnamese "c" is hard ("Cao", "Bắc")
_CLASSES = str.maketrans({**dict.fromkeys("pbfv", "p"), **dict.fromkeys("jzsx", "s"), **dict.fromkeys("kgqc", "k"),
                          **dict.fromkeys("td", "t"), **dict.fromkeys("lr", "l"), "y": "i", "h": None, "w": None})
_REPEATS = re.compile(r"(.)\1+")
# The glide of Vietnamese "qua" and Pinyin "gua" is written "কোয়া"/"গুয়া" in Bengali, read out
# "koya"/"guya": both are "kua" ("Tuyên Quang" and "টুয়েন কোয়াং" had sounded only 0.8 alike)
_GLIDE = re.compile(r"(?<=[kg])[ou]y(?=[aeo])")
_NOT_LETTERS = re.compile(r"[^a-z]+")


def sound_key(latin: str) -> str:
    """A rough sound of ``latin`` (any Latin spelling, marks and spaces ignored): "Lazada" and the
    Bengali "লাজাদা" read out ("lajada") both give "lasata"."""
    text = _GLIDE.sub("u", _NOT_LETTERS.sub("", unidecode(latin).lower()))
    for spelling, sound in _DIGRAPHS:
        text = text.replace(spelling, sound)
    text = _SOFT_C.sub("s", text).translate(_CLASSES)
    return _REPEATS.sub(r"\1", text)


class SoundLexicon:
    """The sound keys of every run of up to ``MAX_RUN_WORDS`` consecutive words of each article."""

    def __init__(self, texts: Iterable[tuple[str, str, str]]):
        """``texts``: the articles' passages, each as (article, text, language)."""
        keys: dict[str, set[str]] = {}
        for doc, text, lang in texts:
            words = [sound_key(word) for word in _latin_words(text, lang)]
            words = [word for word in words if word]
            keys.setdefault(doc, set()).update("".join(words[i:i + n]) for i in range(len(words))
                                               for n in range(1, MAX_RUN_WORDS + 1) if i + n <= len(words))
        self._keys = {doc: sorted(runs) for doc, runs in keys.items()}
        self._asked: dict[str, dict[str, float]] = {}  # a name's likeness, as the same names come again


    def likeness_in(self, name: str) -> dict[str, float]:
        """How much ``name`` sounds like the likest run of words of each article, 0..1 (one minus
        the edit distance of their sound keys over the longer one's length)."""
        key = sound_key(name)
        likeness = self._asked.get(key)  # searches run in threads: never read back what one may clear
        if likeness is None:
            if len(self._asked) >= MAX_REMEMBERED:
                self._asked.clear()
            found = {doc: process.extractOne(key, runs, scorer=Levenshtein.normalized_similarity) if key else None
                     for doc, runs in self._keys.items()}
            likeness = self._asked[key] = {doc: float(best[1]) if best else 0.0 for doc, best in found.items()}
        return likeness

    def likeness(self, name: str) -> float:
        """How much ``name`` sounds like the likest run of words of any article."""
        return max(self.likeness_in(name).values(), default=0.0)

    def absent(self, name: str) -> bool:
        return self.likeness(name) < ABSENT_BELOW

    def elsewhere(self, name: str, doc: str) -> bool:
        """Whether another article than ``doc`` names ``name`` plainly (its sound almost as
        typed) while nothing in ``doc`` sounds like it: "Lai Chau" in the Guangzhou fair's article."""
        likeness = self.likeness_in(name)
        return likeness.get(doc, 0.0) < ABSENT_BELOW and max(likeness.values(), default=0.0) >= _plainly(name)

    def plainly_in(self, name: str) -> frozenset[str]:
        """The articles that name ``name`` plainly (its sound almost as typed)."""
        return frozenset(doc for doc, likeness in self.likeness_in(name).items() if likeness >= _plainly(name))


def _plainly(name: str) -> float:
    """How much like ``name`` a run of words must sound to name it plainly."""
    return SYLLABLES_NAMED_PLAINLY if all(map(_vietnamese_syllable, name.split())) else NAMED_PLAINLY


def _runs(name: str) -> list[list[str]]:
    """``name`` (a run of capitalised words from a question) split at acronyms and countries
    ("CCEF Quảng Châu", "Shopee Vietnam"), without a question's opening word ("Did Shopee")."""
    for country in countries_named(name).values():
        name = name.replace(country, "|")
    runs: list[list[str]] = []
    for part in name.split("|"):
        run: list[str] = []
        for word in [*part.split(), ""]:  # "" closes the last run
            if word and not _acronym(word):
                run.append(word)
                continue
            while run and run[0].lower() in _OPENERS:
                run.pop(0)
            # a title is no part of the name an article spells: "Mrs Dinh" is "দিন"
            run = run[len(run) - len(without_title(" ".join(run)).split()):] if run else run
            # a person after their title or post: "Ông Nguyễn Hữu Thắp" (Mr), "Bộ Công Thương
            # Nguyễn Hồng Diên" (the ministry's); neither is part of the name an article spells
            at = next((i for i in range(len(run) - 1) if _vietnamese_person(run[i:])), None)
            at = None if at == 0 else at
            if at is not None and all(map(_vietnamese_syllable, run[:at])):
                runs.extend([run[:at], run[at:]] if unidecode(run[0]).lower() not in _VI_TITLES else [run[at:]])
            elif run:
                runs.append(run)
            run = []
    return runs


def judged_parts(name: str, lang: str | None) -> list[str]:
    """The parts of ``name`` (a run of capitalised words from a question in ``lang``) whose sound
    can tell absence, by the rules of the module doc."""
    return [" ".join(run) for run in _runs(name) if _judged(run, lang)]


def heard_parts(name: str) -> list[str]:
    """The parts of ``name`` whose sound can tell which article names it, where one names it
    plainly: any but English words ("Silk Road") and the shortest ("Tiki" still counts)."""
    return [" ".join(run) for run in _runs(name)
            if not all(_english(word) for word in run) and len(sound_key(" ".join(run))) >= MIN_HEARD_LETTERS]


def _judged(words: list[str], lang: str | None) -> bool:
    if _vietnamese_person(words):
        pass  # "Nguyen", "Tran", "Hung" are in Webster's too, and a person's name is read out in Bengali
    elif all(_english(word) for word in words) \
            or any(len(word) >= MIN_DICTIONARY_LETTERS and _english(word) for word in words):
        return False
    elif lang == "vi" and all(_vietnamese_syllable(word) for word in words):
        return False
    return len(sound_key(" ".join(words))) >= MIN_KEY_LETTERS


# The commonest Vietnamese family names (and the Hmong Vàng, Giàng), without those that also open
# places: Hồ (Hồ Nam is China's Hunan in Vietnamese), Cao (Cao Bằng), Lâm (Lâm Đồng), Mai, Lý,
# and those that are everyday words too: Trường (school), Đoàn (delegation), Lương (salary)
_VI_FAMILY_NAMES = frozenset("nguyen tran le pham hoang huynh phan vu vo dang bui do ngo duong dinh trinh vang giang".split())
_VI_TITLES = frozenset("ong ba chi anh co chu em".split())  # Mr, Mrs, Ms, Mr (young)… before a name


def _vietnamese_person(words: list[str]) -> bool:
    """Whether ``words`` are a Vietnamese person's name ("Nguyễn Hữu Thắp"): a family name, then
    one to three Vietnamese syllables. Bengali and Thai articles spell such names
    by their sound ("নগুয়েন হু থাপ"), as they do foreign ones, unlike China's places."""
    return 2 <= len(words) <= 4 and _family_name(words[0]) and all(map(_vietnamese_syllable, words))


def _family_name(word: str) -> bool:
    return unidecode(word).lower() in _VI_FAMILY_NAMES


# Words a question opens with, which a run of capitalised words may take in ("Did Walmart…")
_OPENERS = frozenset("""a an and are at about but by can could did do does for from give had has have how in
is list name of on or please show so tell the then was were what when where which who whom whose
why will with would""".split())


def _acronym(word: str) -> bool:
    return word.isupper() or any(ch.isdigit() for ch in word)


def _latin_words(text: str, lang: str) -> list[str]:
    """The words of ``text`` in Latin letters: Bengali and Thai read out, Latin ones as written."""
    text = unicodedata.normalize("NFC", text)
    latin = re.findall(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]+", text)
    if lang == "bn":
        return [bengali_latin(word) for word in re.findall(r"[\u0980-\u09ff]+", text)] + latin
    if lang == "th":
        return [thai_latin(word) for word in thai_words(text) if re.search(r"[\u0e01-\u0e2e]", word)] + latin
    return latin


@lru_cache(maxsize=1)
def _webster() -> frozenset[str]:
    # Webster's Second as written (proper nouns capitalised): English words, and few of the brands
    # and foreign names asked about. Read once for both views below
    from english_words import get_english_words_set

    return frozenset(get_english_words_set(["web2"], lower=False, alpha=True))


@lru_cache(maxsize=1)
def _dictionary() -> frozenset[str]:
    return frozenset(word.lower() for word in _webster())


@lru_cache(maxsize=1)
def _lowercase_words() -> frozenset[str]:
    return frozenset(word for word in _webster() if word.islower())


def everyday_words(name: str) -> bool:
    """Whether every word of ``name`` is one Webster's writes in lowercase: "Western", "Please"
    are capitalised by the sentence or a courtesy, not a subject's name, unlike "Vietnamese",
    "Thai" (written capitalised there) or "Dong Nai"."""
    words = name.split()
    return bool(words) and all(word.lower() in _lowercase_words() for word in words)


def in_dictionary(word: str) -> bool:
    """Whether ``word`` (or its singular) is in Webster's, as a word or a proper noun."""
    return _english(word)


def _english(word: str) -> bool:
    word = word.lower()
    words = _dictionary()
    return word in words or (word.endswith("s") and word[:-1] in words) or (word.endswith("es") and word[:-2] in words)


# A Vietnamese syllable: an onset, a vowel nucleus and a coda, each as Vietnamese spells them
_VI_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
    r"[aăâeêioôơuưy]{1,3}"
    r"(?:ch|ng|nh|[cmnpt])?", re.IGNORECASE)


def _vietnamese_syllable(word: str) -> bool:
    base = "".join(ch for ch in unicodedata.normalize("NFD", word) if not unicodedata.combining(ch) or ch in "\u0306\u0302\u031b")
    return bool(_VI_SYLLABLE.fullmatch(unicodedata.normalize("NFC", base)))


__all__ = ["ABSENT_BELOW", "MIN_KEY_LETTERS", "NAMED_PLAINLY", "SoundLexicon", "heard_parts", "judged_parts", "sound_key"]

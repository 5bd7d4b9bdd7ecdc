"""Vietnamese typed without its diacritics ("bao nhieu" for "bao nhiêu"), as chat often is.

EmbeddingGemma reads such text poorly: our 42 Vietnamese test questions stripped of their marks
found the answer in the top three for 18 of 35 answerable ones instead of 35, and 10 found nothing
at all. So the marks are put back before the question is embedded. No restoration model can be
obtained here; two word lists can:

- the model's own tokenizer holds Vietnamese syllables as whole words, and a byte-pair vocabulary
  numbers its words roughly by frequency (the earlier a merge, the more common the word). That
  gives each bare syllable its commonest spelling, and a score (minus the log of its rank);
- pyvi's Vietnamese word list (31,000 words, 25,000 of them of two to four syllables, MIT
  licence; taken from the pyvi wheel on PyPI at set-up, see ``word_list``) tells which marked
  syllables go together: "thuong mai dien tu" is "thương mại điện tử", "bao nhieu" is "bao
  nhiêu" (the commonest syllables alone give "thường mai điện tu", "bao nhiều").

A question is split into dictionary words by dynamic programming: each word scores its
syllables' scores, plus ``COMPOUND_BONUS`` for each syllable beyond the first, so the split with the
longest known words wins, and among words that read the same bare the commonest is chosen.

Two more rules, from the grammar, not from any question set. The commonest spelling of a bare
syllable is often an English word or a rare form, where a Vietnamese question nearly always means
one function word ("o" is "ở", "la" is "là", "may" is "mấy"): ``FUNCTION_WORDS`` says which. And
capitalised words inside a sentence are names, kept as typed: "Dong Nai" and "Tuyen Quang" are how
English-language news spells them, and the model matches those spellings better than a wrong guess
at the marks ("Động Nai").

On those 42 questions the restored text finds the answer in the top three for 34 of 35 (35 with
the real marks), none finding nothing; session 4's syllables alone, averaged with the question as
typed, found 25. On 40 questions written without marks by someone who saw neither those nor this
module: recall@3 0.812 against 0.656.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path

from .language import detect_language
from .word_list import tokenizer_vocabulary

log = logging.getLogger(__name__)

_MARKED = set("ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹàáèéìíòóùúýãõĩũ")
_WORD = re.compile(r"[A-Za-z]+")
_BARE_WORD = re.compile(r"[a-z]+( [a-z]+){1,3}")  # a dictionary word of 2-4 syllables, marks removed
_OPENS = re.compile(r"[.?!:;(\"'“‘«\n-]")  # what may stand before a capital that begins a sentence or a title
_TOKENIZER_WORD = "\u2581"  # SentencePiece's mark of a word start
_UNKNOWN_RANK = 300_000  # past the end of the vocabulary: a syllable it lacks is rarer than any it has
# Per syllable of a dictionary word beyond its first. On our 42 questions 8 spelled 72% of the words
# right, 2-6 only 62-69% (known words were split), and recall@3 was the same from 8 to 50.
COMPOUND_BONUS = 8.0
_MAX_SYLLABLES = 4

# Function words whose bare spelling means one marked word in nearly every Vietnamese sentence,
# though the vocabulary ranks another spelling first (an English word, or a rarer form).
FUNCTION_WORDS = {
    "bang": "bằng", "cac": "các", "chi": "chỉ", "co": "có", "cua": "của", "da": "đã", "dang": "đang",
    "dau": "đâu", "de": "để", "den": "đến", "deu": "đều", "di": "đi", "duoc": "được", "duoi": "dưới",
    "gi": "gì", "giua": "giữa", "hoac": "hoặc", "khong": "không", "la": "là", "len": "lên", "ma": "mà",
    "may": "mấy", "mot": "một", "nam": "năm", "nao": "nào", "nay": "này", "neu": "nếu", "ngay": "ngày",
    "nha": "nhà", "nhieu": "nhiều", "nhu": "như", "nhung": "những", "nua": "nữa", "o": "ở", "rat": "rất",
    "se": "sẽ", "tai": "tại", "thang": "tháng", "them": "thêm", "thi": "thì", "thu": "thứ", "tren": "trên",
    "truoc": "trước", "tu": "từ", "van": "vẫn", "ve": "về", "viec": "việc", "voi": "với", "xuong": "xuống",
}

# Question phrases, which nearly every question has one of: they win over dictionary words that read
# the same bare or overlap them ("nhu the nao" was "như thể nào", as if which, for "như thế nào", how;
# a fifth user test's question was refused for it). From the grammar, not from any question set.
QUESTION_PHRASES = ("như thế nào", "thế nào", "ra sao", "khi nào", "lúc nào", "ở đâu", "vì sao", "tại sao",
                    "là gì", "bao lâu", "bao nhiêu", "làm sao", "là ai")
# Kinship words a Vietnamese name follows, as "Mr"/"Ms" do: "chi Dinh" is "chị Dính", not "chỉ"
# (only), the function word "chi" means everywhere else. Not "co" ("cô", Miss), which before a
# name is mostly "có" (has): "co Shopee khong".
HONORIFICS = {"chi": "chị", "ong": "ông", "ba": "bà"}

# Places news about this region names, of two syllables or more: Vietnam's provinces and cities
# (before and after the 2025 mergers), its regions, and the countries and Chinese places Vietnamese
# spells in its own syllables. Chat types them in lowercase too ("o viet nam"), where the rule that
# keeps capitalised names as typed cannot help, and pyvi's list has no proper names: "viet nam"
# became "viết năm" (wrote a year) and "thai lan ban" "thai lấn bấn". A place whose bare form is
# also a dictionary word ("dien bien": "diễn biến", developments; "da nang": "đa năng") is left to
# the dictionary. Restored with their capitals. From a gazetteer, not from any question set.
# Vietnam's own (``place_names`` reads them in Bengali passages) first:
VIETNAM_PLACES = (
    "An Giang", "Bà Rịa", "Vũng Tàu", "Bạc Liêu", "Bắc Giang", "Bắc Kạn", "Bắc Ninh", "Bến Tre",
    "Bình Dương", "Bình Định", "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng", "Cần Thơ", "Đà Nẵng",
    "Đắk Lắk", "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam",
    "Hà Nội", "Hà Tĩnh", "Hải Dương", "Hải Phòng", "Hậu Giang", "Hòa Bình", "Hưng Yên", "Khánh Hòa",
    "Kiên Giang", "Kon Tum", "Lai Châu", "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Long An", "Nam Định",
    "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam",
    "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh", "Thái Bình",
    "Thái Nguyên", "Thanh Hóa", "Thừa Thiên Huế", "Tiền Giang", "Trà Vinh", "Tuyên Quang",
    "Vĩnh Long", "Vĩnh Phúc", "Yên Bái", "Hồ Chí Minh", "Sài Gòn", "Tây Nguyên", "Tây Bắc",
    "Cửu Long", "Mê Kông",
)
PLACE_NAMES = VIETNAM_PLACES + (
    "Việt Nam", "Trung Quốc", "Thái Lan",
    "Hàn Quốc", "Nhật Bản", "Hoa Kỳ", "Ấn Độ", "Đài Loan", "Hồng Kông", "Ma Cao", "Đông Nam Á",
    "Châu Á", "Châu Âu", "Châu Phi", "Trung Đông", "Mỹ Latinh", "Bắc Kinh", "Thượng Hải",
    "Quảng Châu", "Quảng Tây", "Quảng Đông", "Thâm Quyến", "Hàng Châu", "Vân Nam", "Nam Ninh",
    "Chiết Giang", "Phúc Kiến", "Trùng Khánh", "Tứ Xuyên",
)


def strip_marks(text: str) -> str:
    """``text`` without Vietnamese diacritics: "Đồng Nai" -> "Dong Nai". Only Latin letters' marks
    go (U+0300-036F, where all of Vietnamese's are): Bengali and Thai vowel signs are letters."""
    text = text.replace("đ", "d").replace("Đ", "D")
    return unicodedata.normalize("NFC", re.sub("[\u0300-\u036f]", "", unicodedata.normalize("NFD", text)))


def typed_without_diacritics(text: str) -> bool:
    """Vietnamese with no diacritic at all (lingua tells it from English by its words)."""
    return not any(ch.lower() in _MARKED for ch in text) and detect_language(text) == "vi"


def _score(rank: int) -> float:
    return -math.log(rank)


class DiacriticRestorer:
    """Puts the marks back in Vietnamese typed without them, word by dictionary word."""

    def __init__(self, syllables: Mapping[str, tuple[str, float]], words: Mapping[str, tuple[str, float]] | None = None):
        # bare lowercase syllable / word -> (its commonest spelling, score); a syllable whose
        # commonest spelling is the bare one maps to itself
        self.syllables = dict(syllables)
        self.words = dict(words or {})

    @classmethod
    def from_vocabulary(cls, vocabulary: Mapping[str, int], words: Iterable[str] = (),
                        places: Iterable[str] = PLACE_NAMES) -> DiacriticRestorer:
        """From a byte-pair vocabulary (token -> id; lower ids are more frequent words), a list
        of Vietnamese words (one spelling each, syllables separated by spaces) and place names
        (restored with their capitals where their bare form is no word of the list)."""
        ranks: dict[str, int] = {}
        best: dict[str, tuple[str, int]] = {}
        marked: set[str] = set()  # bare syllables that have a marked spelling
        for token, rank in vocabulary.items():
            word = token[1:] if token.startswith(_TOKENIZER_WORD) else ""
            if not word.isalpha() or word != word.lower():
                continue
            bare = strip_marks(word)
            if not bare.isascii():
                continue
            ranks[word] = rank
            if word != bare:
                marked.add(bare)
            if bare not in best or rank < best[bare][1]:
                best[bare] = (word, rank)
        # only syllables that have a marked spelling at all are worth keeping
        syllables = {bare: (word, _score(rank)) for bare, (word, rank) in best.items() if bare in marked}
        for bare, word in FUNCTION_WORDS.items():
            syllables[bare] = (word, _score(ranks.get(word, _UNKNOWN_RANK)))
        def score(spelling: str) -> float:  # a word's: its syllables' scores summed
            return sum(_score(ranks.get(syllable, _UNKNOWN_RANK)) for syllable in spelling.lower().split())

        compounds: dict[str, tuple[str, float]] = {}
        for word in words:
            word = unicodedata.normalize("NFC", word.strip().lower())
            bare = strip_marks(word)
            if not _BARE_WORD.fullmatch(bare):
                continue
            word_score = score(word)
            if bare not in compounds or word_score > compounds[bare][1]:
                compounds[bare] = (word, word_score)
        for place in places:
            place = unicodedata.normalize("NFC", place)
            bare = strip_marks(place).lower()
            if _BARE_WORD.fullmatch(bare) and bare not in compounds:
                compounds[bare] = (place, score(place))
        for phrase in QUESTION_PHRASES:  # over any word of the list read the same, by a syllable's worth
            compounds[strip_marks(phrase)] = (phrase, score(phrase) + COMPOUND_BONUS)
        return cls(syllables, compounds)

    def restore(self, text: str) -> str:
        """``text``, typed without any marks, with them put back; names, acronyms and unknown
        words as typed. Names still take part in the split ("Chi so" is "Chỉ số"), they are only
        not rewritten."""
        tokens = list(_WORD.finditer(text))
        names = [self._is_name(tokens, i, text) for i in range(len(tokens))]
        spellings = dict(self._split(tokens, names, text))
        parts, last = [], 0
        for i, token in enumerate(tokens):
            typed, spelling = token.group(), spellings[i]
            if (typed.lower() in HONORIFICS and not names[i] and i + 1 < len(tokens) and names[i + 1]
                    and text[token.end():tokens[i + 1].start()] == " "):
                spelling = HONORIFICS[typed.lower()]
            if spelling != typed.lower() and not names[i]:
                typed = spelling.capitalize() if typed[0].isupper() else spelling
            parts += [text[last:token.start()], typed]
            last = token.end()
        return "".join(parts + [text[last:]])

    def _split(self, tokens: list[re.Match[str]], names: list[bool], text: str) -> list[tuple[int, str]]:
        """The best split of the words into dictionary words: (position, spelling) each. A word
        may begin with a capital ("Chi so" for "Chỉ số"), but no capital follows a small letter
        inside one ("cua Dong Nai" is not "cua đồng", a crab, then "Nai")."""
        n = len(tokens)
        best: list[tuple[float, int, str]] = [(0.0, 0, "")] + [(-math.inf, 0, "")] * n
        for end in range(1, n + 1):
            for size in range(1, min(_MAX_SYLLABLES, end) + 1):
                start = end - size
                if size > 1 and (text[tokens[start].end():tokens[start + 1].start()] != " "
                                 or names[start + 1] > names[start]):
                    break  # a word's syllables are separated by single spaces, nothing else
                bare = " ".join(t.group().lower() for t in tokens[start:end])
                if size == 1:
                    spelling, score = self.syllables.get(bare, (bare, _score(_UNKNOWN_RANK)))
                elif bare in self.words:
                    spelling, score = self.words[bare]
                    score += COMPOUND_BONUS * (size - 1)
                else:
                    continue
                if best[start][0] + score > best[end][0]:
                    best[end] = (best[start][0] + score, start, spelling)
        out: list[tuple[int, str]] = []
        end = n
        while end > 0:
            _, start, spelling = best[end]
            out += [(start + i, syllable) for i, syllable in enumerate(spelling.split())]
            end = start
        return out

    @staticmethod
    def _is_name(tokens: list[re.Match[str]], i: int, text: str) -> bool:
        """An acronym, or a capitalised word that does not merely begin a sentence (or that begins
        one and is followed by another capitalised word: "Dong Nai xep thu may")."""
        word = tokens[i].group()
        if len(word) > 1 and word.isupper():
            return True
        if not word[0].isupper():
            return False
        begins = i == 0 or bool(_OPENS.search(text[tokens[i - 1].end():tokens[i].start()]))
        if not begins:
            return True
        return (i + 1 < len(tokens) and tokens[i + 1].group()[0].isupper()
                and text[tokens[i].end():tokens[i + 1].start()] == " ")

    def to_json(self) -> str:
        return json.dumps({"version": _TABLES_VERSION, "syllables": self.syllables, "words": self.words},
                          ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> DiacriticRestorer:
        """A saved restorer; ValueError if it was built by other rules than this module's."""
        data = json.loads(text)
        if data.get("version") != _TABLES_VERSION:
            raise ValueError("restorer saved by other rules")
        return cls({k: (v[0], float(v[1])) for k, v in data["syllables"].items()},
                   {k: (v[0], float(v[1])) for k, v in data["words"].items()})


# What a saved restorer was built by: a change to the function words (or a bump here, when the way
# tables are built changes) makes restorer_for build it again instead of reading stale tables.
_TABLES_VERSION = "2-" + hashlib.sha256(
    json.dumps([FUNCTION_WORDS, PLACE_NAMES, QUESTION_PHRASES], sort_keys=True).encode()).hexdigest()[:12]
RESTORER_FILE = "restorer.json"  # 1.4 MB, read in 0.1 s, instead of 30 MB of vocabulary and the word list
WORDS_FILE = "words.txt"  # pyvi's word list, put there at set-up (``word_list``)


def extras_dir(model: str) -> Path:
    """Where the word list and the built restorer live: beside the model folder, never in it (its
    files fingerprint the weights the query encoder was exported from)."""
    folder = Path(model).expanduser()
    return folder.with_name(folder.name + "-vietnamese")


@lru_cache(maxsize=4)
def restorer_for(model: str) -> DiacriticRestorer | None:
    """The restorer made from the tokenizer of the model folder ``model`` and the word list in
    ``extras_dir(model)`` (None without a tokenizer; syllables only, with a warning, without the
    word list).

    It is saved in ``extras_dir`` the first time (set-up does it: ``python -m index fetch-model``),
    since building it takes 3 s and a few hundred MB for a moment."""
    saved = extras_dir(model) / RESTORER_FILE
    try:
        return DiacriticRestorer.from_json(saved.read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        pass
    vocabulary = tokenizer_vocabulary(model)
    if vocabulary is None:  # said once: the answer is cached
        log.warning("no readable tokenizer.json in %s: Vietnamese typed without marks is searched as typed", model)
        return None
    try:
        words = (extras_dir(model) / WORDS_FILE).read_text(encoding="utf-8").splitlines()
    except OSError:
        log.warning("no Vietnamese word list in %s: diacritics are restored syllable by syllable "
                    "(run: python -m index fetch-model)", extras_dir(model))
        words = []
    restorer = DiacriticRestorer.from_vocabulary(vocabulary, words)
    if words:  # a cache only: a read-only model folder just means building it again next time
        try:
            saved.parent.mkdir(parents=True, exist_ok=True)
            partial = saved.with_suffix(".tmp")
            partial.write_text(restorer.to_json(), encoding="utf-8")
            partial.replace(saved)
        except OSError:
            pass
    return restorer


__all__ = ["FUNCTION_WORDS", "HONORIFICS", "PLACE_NAMES", "QUESTION_PHRASES", "VIETNAM_PLACES", "DiacriticRestorer",
           "extras_dir", "restorer_for", "strip_marks", "typed_without_diacritics"]

"""Two questions joined into one sentence by "and": "How many visitors came to the CCEF and how many
platforms took part?", "X là ai và Y có bao nhiêu gian hàng?". Searched whole, such a blend found
neither answer and a user test's was refused, though one paragraph answers each half; split, each
half is searched on its own (``several``). Pure.

Cut only where something shows that the "and" ends a question: a question word opening the second
right after it, or, in Vietnamese, Bengali and Thai, which ask at a clause's end, one closing the
first right before it (in Thai, also a space before it, which ends a clause); and only when each
half asks something of its own and is more than its question word. So an "and" between two names
("What did Alibaba and JD show?", "Việt Nam và Thái Lan…") or two kinds of things never splits.
In Vietnamese, a comma before "và" is such a sign too. Left out, as nothing shows where the first
question ends: a question word inside both halves but at neither border ("মেলায় কতজন এসেছিলেন এবং প্ল্যাটফর্ম কতটি?"), which a quoted title or a list
of names also makes; an English first half that asks nothing ("Tell me about the fair and how
many…"); Bengali "আর" before a question word, which mostly means "else" ("… ছাড়া আর কোন …",
which other); Vietnamese typed without its marks ("va", "ai" and "may" are English words too);
Banglish.

A half after the first that names nothing of its own ("…จัดอบรม AI กี่หลักสูตร และให้คนกี่คน", and
for how many people) asks of what the first names: ``names_nothing`` tells it, and ``several``
searches it after the first.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from index import unlisted_thai_words

_MARK = re.compile(r"\s*[?？]+\s*$")
_TRIM = " \t\n,;:、"


@dataclass(frozen=True)
class _Joining:
    """How one language joins two questions, as far as we split them. Each pattern's group
    ``join`` is the "and" (with the comma and spaces around it) where a question may be cut."""

    patterns: tuple[re.Pattern[str], ...]
    asks: re.Pattern[str]  # found in a half that asks a question of its own
    size: Callable[[str], int]  # how big a half is: a lone "ở đâu" or "ใคร" is no question to search
    least: int


def _compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    # Text is matched in NFC, and so are the words: NFC spells Bengali "য়" in two code points
    return re.compile(unicodedata.normalize("NFC", pattern), flags)


def _words(text: str) -> int:
    return len(text.split())


# English opens the second question with its question word; the first must be a question too,
# opening with its question word (or one word before it: "Since when…") or verb ("Can you tell me
# who…"), or "Explain both why and how it grew" would split after "why", and "It was big and who…"
# would ask "It was big?"
_EN_ASKS = r"how|what|who|whom|whose|when|where|which|why"
_EN_VERBS = r"is|are|was|were|do|does|did|can|could|will|would|has|have|had|should"
_ENGLISH = _Joining(
    (_compiled(rf"(?P<join>,?\s+and\s+)(?:{_EN_ASKS})\b", re.I),),
    _compiled(rf"^\W*(?:(?:\w+\W+)?(?:{_EN_ASKS})|{_EN_VERBS})\b", re.I), _words, 3)

# Vietnamese asks at either end of a clause. "AI" (the tools) is no "ai" (who).
_VI_AI = r"(?-i:ai|Ai)"
_VI_OPENS = rf"bao nhiêu|mấy|{_VI_AI}|khi nào|bao giờ|bao lâu|ở đâu|tại sao|vì sao|làm sao|như thế nào|thế nào|" \
            r"cái gì|điều gì|những gì|gì"
_VI_CLOSES = rf"{_VI_AI}|gì|nào|đâu|bao nhiêu|mấy|bao giờ|bao lâu|sao|không"  # "có … không?": yes or no
_VI_AND = r"(?P<join>,?\s+và\s+)"
# A comma before "và" ends a clause: Vietnamese lists put none before their last "và" ("A, B và
# C"). So there the question words may be anywhere in each half: "Ai là giám đốc Cục Thương mại điện
# tử và Kinh tế số, và sự kiện ở Lai Châu có bao nhiêu gian hàng?" (a user test's, refused whole)
_VIETNAMESE = _Joining(
    (_compiled(rf"{_VI_AND}(?:có\s+)?(?:{_VI_OPENS})\b", re.I),
     _compiled(rf"\b(?:{_VI_CLOSES})(?:\s+(?:vậy|thế|ạ|nhỉ))?{_VI_AND}", re.I),
     _compiled(r"(?P<join>,\s+và\s+)", re.I)),
    _compiled(rf"\b(?:{_VI_AI}|bao nhiêu|mấy|gì|nào|đâu|bao giờ|bao lâu|sao)\b|\bkhông\W*$", re.I), _words, 3)

# Bengali words end where the script does (its vowel signs are no \w). "আর" only after a question
# word: before one it mostly means "else"
_BN_LETTER = "\u0980-\u09FF"
_BN_ASKS = r"কত(?:জন|টি|টা|গুলো|গুলি|গুলা|দিন|বার|তম|ো)?|কে|কাকে|কার|কাদের|কী|কি|কোথায়|কখন|কবে|কেন|" \
           r"কীভাবে|কিভাবে|কেমন|কোন|কোনটি|কোনগুলো"
_BN_WORD = rf"(?<![{_BN_LETTER}])(?:{_BN_ASKS})(?![{_BN_LETTER}])"
_BENGALI = _Joining(
    (_compiled(rf"(?P<join>,?\s+(?:এবং|ও)\s+){_BN_WORD}"), _compiled(rf"{_BN_WORD}(?P<join>,?\s+(?:এবং|ও|আর)\s+)")),
    _compiled(_BN_WORD), _words, 2)

# Thai writes no spaces between words: "และ" and the question words are found inside runs of
# letters, so the words that contain one are left out ("เกี่ยว", about; "ใคร่", to wish; "ไหม" is
# also silk, as in the Silk Road). A closing "กี่" comes with its counting word ("กี่คน", "กี่แห่ง").
# A space after a Thai word is where Thai ends a clause, while "และ" inside a name has none
# ("กรมอีคอมเมิร์ซและเศรษฐกิจดิจิทัล", the e-commerce and digital economy agency). A space after a
# Latin word is only its border ("ใครพูดถึง Alibaba และ JD ว่าอย่างไร" asks one question), unless
# the first question is "who is" that name ("ใครคือ Qiu Zhongbing และ…").
_TH_LETTER = "\u0E01-\u0E4E"
_TH_ASKS = r"ใคร(?!่)|อะไร|ไหน|เมื่อไร|เมื่อไหร่|เมื่อใด|อย่างไร|ยังไง|เท่าไร|เท่าไหร่|ทำไม|(?<!เ)กี่(?!ยว)|" \
           r"ใด(?!\s?ๆ)|หรือไม่|หรือเปล่า"
_TH_AND = r"(?P<join>\s*และ\s*)"
_TH_CLOSES = rf"(?:{_TH_ASKS})(?:บ้าง)?|(?<!เ)กี่(?!ยว)[{_TH_LETTER}]{{1,10}}"
_TH_POLITE = r"(?:\s*(?:ครับ|คะ|ค่ะ|คับ|นะ))?"
_TH_ASKING = _compiled(_TH_ASKS)


def _thai_size(text: str) -> int:
    """Letters besides the question words."""
    return sum(ch.isalnum() for ch in _TH_ASKING.sub("", text))


_THAI = _Joining(
    (_compiled(rf"{_TH_AND}(?:มี)?(?:{_TH_ASKS})"), _compiled(rf"(?<=[{_TH_LETTER}])(?P<join>\s+และ\s*)"),
     _compiled(r"^\s*ใครคือ.*?(?P<join>\s+และ\s*)"),
     _compiled(rf"(?:{_TH_CLOSES}){_TH_POLITE}{_TH_AND}")),
    _TH_ASKING, _thai_size, 3)

_JOININGS = (_ENGLISH, _VIETNAMESE, _BENGALI, _THAI)

_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")  # Vietnamese letters too ("đ", "ả")
_BN_OR_TH = re.compile(f"[{_BN_LETTER}{_TH_LETTER}]")
_TH = re.compile(f"[{_TH_LETTER}]")
_BN_ASKING = _compiled(_BN_WORD)


def split_joined(question: str) -> list[str]:
    """The questions ``question`` joins with "and" (see the module's docstring), each ending in
    its question mark, if it has one: "How many visitors came to the CCEF and how many platforms
    took part?" is "How many visitors came to the CCEF?" and "how many platforms took part?".
    ``[question]`` when it joins none."""
    text = unicodedata.normalize("NFC", question)
    mark = _MARK.search(text)
    body, end = (text[:mark.start()], mark.group().strip()) if mark else (text, "")
    halves = [body]
    for joining in _JOININGS:
        halves = [half for whole in halves for half in _split(whole, joining)]
    return [half + end for half in halves] if len(halves) > 1 else [question]


def _split(text: str, joining: _Joining) -> list[str]:
    """``text`` cut at each "and" of ``joining`` where the part before it (since the last cut) and
    the rest after it each ask and are big enough; trimmed of the comma and spaces around it."""
    joins = sorted({match.span("join") for pattern in joining.patterns for match in pattern.finditer(text)})
    halves, start = [], 0
    for begin, end in joins:
        before, after = text[start:begin].strip(_TRIM), text[end:].strip(_TRIM)
        if begin >= start and all(joining.asks.search(half) and joining.size(half) >= joining.least
                                  for half in (before, after)):
            halves.append(before)
            start = end
    halves.append(text[start:].strip(_TRIM))
    return halves


def names_nothing(half: str) -> bool:
    """Whether a half after the first of a joined question names nothing of its own, and so asks
    of what the half before it names: "ให้คนกี่คน" (for how many people) after "สมาคมธุรกิจจังหวัด
    เตวียนกวางจัดอบรม AI กี่หลักสูตร" (how many AI courses did Tuyen Quang's business association run).
    It names something with a capital in Latin letters ("how many booths did the Lai Chau
    exhibition have"), a word in Latin letters amid Bengali or Thai ("ใครคือ Qiu Zhongbing"), a
    Thai word the Thai dictionary lacks (a name spelled in Thai letters: "นิทรรศการที่ไลเจิวมีกี่บูธ",
    how many booths had the exhibition at Lai Chau), or, in Bengali, which names its subject
    first, a word before its question word ("লাই চাউ প্রদর্শনীতে কতটি বুথ ছিল")."""
    text = unicodedata.normalize("NFC", half)
    if any(letter.isupper() for letter in text) or (_BN_OR_TH.search(text) and _LATIN.search(text)):
        return False
    asked = _BN_ASKING.search(text)
    if asked and text[:asked.start()].strip(_TRIM):
        return False
    return not (_TH.search(text) and unlisted_thai_words(text))

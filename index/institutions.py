"""Questions for which university something is ("Which university did the college partner with in
Thailand?"), and whether a passage names one at all. Pure.

News names institutions in passing and in the plural: the Thai article says the Guangxi college
works "with universities and companies" (ร่วมมือกับมหาวิทยาลัยและบริษัทต่าง ๆ) and names none. A
bi-encoder finds that passage for any question about the college's partners, and four unanswerable
questions of our sets asking which university (in Bengali, Banglish and Thai script) were quoted
it, confidently. Like the post check (``roles``), this reads what kind of answer the question wants,
here a university's name, and refuses a best passage that names none. It is lenient on purpose: a
university word written in the singular, where a name may stand before it ("ঢাকা বিশ্ববিদ্যালয়"), or
with a name after it ("มหาวิทยาลัยเกษตรศาสตร์", "University of Dhaka", "Đại học Bách khoa"), counts.
"""

from __future__ import annotations

import re
import unicodedata

from .patterns import BENGALI_LETTERS as _BN
from .patterns import NOT_AUXILIARY
from .patterns import any_of as _pattern

# "which university" in our languages; Banglish keeps the English word ("kon university r sathe"),
# read as "কোন university"; "the university's name"
_ASKS_WHICH = _pattern(
    rf"\b(which|what) {NOT_AUXILIARY}([\w'’-]+ )?"
    r"universit(y|ies)\b", r"\bname of the universit(y|ies)\b",
    r"\buniversit(y|ies)'?s? name\b", r"\bkon ([a-z]+ )?university\b",
    r"\b(trường )?(đại học|dai hoc) (nào|nao|gì|gi)\b", r"\btên (trường )?(đại học|dai hoc)\b",
    rf"(?<![{_BN}])কোন[^\S\n]+([{_BN}]+[^\S\n]+)?(বিশ্ববিদ্যালয়|university)", r"বিশ্ববিদ্যালয়(ের|টির|টার)[^\S\n]+নাম",
    r"มหาวิทยาลัย\s*(ใด|ไหน|อะไร|ชื่ออะไร)", r"ชื่อ(ของ)?มหาวิทยาลัย",
)

# A university named: a capitalised name before or after the word (English, Vietnamese); the Bengali
# word in the singular (a name, if any, stands before it); the Thai word with a name written on
# after it, not "and", "various", "many", "in", "of", "that", "with", "from", "across" or a break
_NAMES = _pattern(
    r"(?-i:\bUniversity of [A-Z]|\b[A-Z][\w'’.-]* University\b|\b(Trường )?Đại học [A-ZĐ])",  # as capitalised
    rf"বিশ্ববিদ্যালয়(?!গুল|সমূহ|দের)(?![{_BN}]*গুল)",
    r"มหาวิทยาลัย(?!และ|ต่าง|หลาย|ใน|ของ|ที่|กับ|จาก|ทั่ว|ๆ|\s|$)",
)


def asks_which_university(question: str) -> bool:
    """Whether ``question`` asks which university ("Which university…?", "কোন বিশ্ববিদ্যালয়",
    "trường đại học nào", "มหาวิทยาลัยใด")."""
    return bool(_ASKS_WHICH.search(unicodedata.normalize("NFC", question)))


def names_university(text: str) -> bool:
    """Whether ``text`` names a university, leniently (see the module's account); not "with
    universities and companies" (มหาวิทยาลัยและบริษัทต่าง ๆ, বিশ্ববিদ্যালয়গুলির সাথে)."""
    return bool(_NAMES.search(unicodedata.normalize("NFC", text)))


__all__ = ["asks_which_university", "names_university"]

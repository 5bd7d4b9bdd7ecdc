"""Questions asking which one is the most, the top or the best of something ("Which province topped
the EBI ranking?", "কোন প্রকল্পটি সবচেয়ে বড়?", "สินค้าใดขายดีที่สุด", "tỉnh nào đứng đầu"), and
whether a passage states a superlative at all. Pure.

Such a question is answered only by a passage saying which one leads: a bi-encoder matches its
subject, and "Which province tops the EBI ranking?" got the passage giving Dong Nai's 13.3 points
and its 6th and 7th places, confidently; "which of the campaign's 40 projects is the largest?"
got the passage counting them. ``answer_type.asked_rank`` reads a rank named in figures or
ordinals ("ranked first", "প্রথম স্থানে"); this reads the superlatives themselves, in
the four languages, and Vietnamese typed without diacritics ("tinh nao dung dau").

It is lenient on the passage's side on purpose: any superlative or "first", "top", "record"
counts, so a passage that might say which one leads is quoted; only one stating none is refused.
Not a quantity: "what do most farmers sell" (no "the"), "ít nhất" (at least), "đồng nhất"
(uniform), "duy nhất" (only), "the latest news" are not asked superlatives.
"""

from __future__ import annotations

import unicodedata

from .answer_type import asks_which
from .patterns import BENGALI_LETTERS as _BN
from .patterns import any_of as _pattern
from .vietnamese import strip_marks

# Not "the first nine months", "the top 10", "শীর্ষ ১০টি অঞ্চল" (the top 10 regions): no one named first
_EN_FEW = r"two|three|four|five|six|seven|eight|nine|ten|twenty|half|quarter"
_BN_FEW = r"[০-৯0-9]|দুই|তিন|চার|পাঁচ|ছয়|সাত|আট|নয়|দশ|বারো|অর্ধ|ত্রৈমাসিক"
_EN_MOST = (r"most|least|largest|biggest|greatest|highest|lowest|smallest|fewest|best|fastest|strongest|busiest"
            r"|cheapest|longest|richest")
# Read on the question without Vietnamese diacritics, so typed and restored questions alike match
_VI_MOST = r"(lon|nhieu|cao|tot|thap|nho|chay|manh|nhanh|pho bien|noi bat|quan trong|hieu qua|thanh cong)"
_ASKS = _pattern(
    rf"\bthe ({_EN_MOST}|top(?!\s*(\d|{_EN_FEW}))|leading)\b",  # not "the top 10", which ranks no one first
    r"\b(topped|tops|top-ranked|highest-ranked|best-selling|number one)\b",
    r"\bled the (ranking|rankings|index|list|table|market)\b", r"\bat the top\b",
    rf"\b{_VI_MOST} nhat\b", r"(?<!nguoi )\b(dung|dan) dau\b",  # not "người đứng đầu" (the head of)
    r"সবচেয়ে|সবথেকে|সব থেকে|সর্বোচ্চ|সর্বাধিক|সর্বনিম্ন|বৃহত্তম|শীর্ষস্থান",
    r"ที่สุด|สูงสุด|ต่ำสุด|มากสุด",
)
# In a passage (written with its diacritics): any superlative, or a first, a top, a record
_STATES = _pattern(
    rf"\b({_EN_MOST}|leading|record)\b",
    rf"\b(top|first)\b(?!\s*(\d|{_EN_FEW}))", r"\bnhất\b", r"\b(đứng|dẫn) đầu\b", r"\bđầu tiên\b", r"\bkỷ lục\b",
    r"সবচেয়ে|সবথেকে|সব থেকে|সর্বোচ্চ|সর্বাধিক|সর্বনিম্ন|সেরা|রেকর্ড", rf"(শীর্ষ|প্রথম)(?!\s*({_BN_FEW}))",
    rf"[{_BN}](?<![০-৯])তম(?![{_BN}])",  # দ্রুততম (fastest), বৃহত্তম (largest); not "২০তম", a 20th
    r"ที่สุด|สูงสุด|ต่ำสุด|มากสุด|อันดับ\s*(หนึ่ง|แรก|1|๑)|ชั้นนำ|สถิติ",
)


def asks_superlative(question: str) -> bool:
    """Whether ``question`` asks which one (or who, or what) is the most, the top or the best of
    something ("which province topped…", "কোনটি সবচেয়ে বড়", "ใดขายดีที่สุด", "nào đứng đầu")."""
    question = unicodedata.normalize("NFC", question)
    return asks_which(question) and bool(_ASKS.search(strip_marks(question)))


def states_superlative(text: str) -> bool:
    """Whether ``text`` (a passage) states a superlative, a first, a top or a record: it may say
    which one leads."""
    return bool(_STATES.search(unicodedata.normalize("NFC", text)))


__all__ = ["asks_superlative", "states_superlative"]

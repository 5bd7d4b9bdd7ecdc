"""Does the question ask for a figure, and does a passage state one?

A bi-encoder scores "on the topic" and "answers the question" alike, so a question about a fact
the articles lack ("how many viewers watched the livestream?") finds the passage about that
livestream with a good score. One kind of missing fact can be checked without a reader: a question
that asks for a quantity, a date or a rank is answered only by a sentence that states a number. When
the sentences that best match such a question state none (beyond the question's own numbers, such
as the year it names), the articles discuss the topic but do not give the figure.

The word lists are how each language asks "how many / how much / when / which year / what rank",
written from the languages' grammar, not from any question set. The two checks err in opposite
directions on purpose. Question words are kept to unambiguous ones, because a question wrongly
taken to ask for a figure may go unanswered. Figures in passages are recognised generously,
because a sentence wrongly taken to state one only means the search answers as it would without
this module.
"""

from __future__ import annotations

import re
import unicodedata

from .numbers import number_forms, numbers_in

_BN = "\u0980-\u09ff"  # a Bengali letter before a word means the match is inside another word


def _pattern(*alternatives: str) -> re.Pattern[str]:
    # NFC, as questions and articles are: Bengali "য়" composes differently in source files
    return re.compile("|".join(unicodedata.normalize("NFC", a) for a in alternatives), re.IGNORECASE)


_ASKS_QUANTITY = _pattern(
    # English
    r"\bhow (many|much|old|long)\b",
    r"\bwhat (percentage|percent|proportion|share|number|amount|date|year|rank|position)\b",
    r"\bwhich (year|date|month|rank|position)\b", r"^\s*when\b", r"\bwhen (did|does|do|was|were|is|will)\b",
    # Vietnamese
    r"\bbao nhiêu\b", r"\bmấy\b", r"\b(năm|ngày|tháng|lúc|khi|hồi) nào\b", r"\bbao giờ\b",
    # Bengali: কত / কতজন / কততম (how many, how much, which-th; not কতক / কতিপয়, "some"), কয় / কয়টি
    # (how many; not কয়েক, "a few"), কবে (when), কোন বছর / সাল / তারিখ (which year / date)
    rf"(?<![{_BN}])কত(?!ক|িপয়)", rf"(?<![{_BN}])কয়(?!েক)", rf"(?<![{_BN}])কবে", r"কোন (বছর|সাল|তারিখ|মাস)",
    # Thai: กี่ (how many; not inside เกี่ยว, "about"), เท่าไร / เท่าไหร่ (how much), เมื่อไร /
    # เมื่อไหร่ (when), ปี / วัน / เดือน ไหน / ใด (which year / day / month)
    r"(?<!เ)กี่", r"เท่าไ(ร|หร่)", r"เมื่อไ(ร|หร่)", r"(ปี|วัน|เดือน)(ไหน|ใด)",
)

# Figures written in words: magnitudes, small counts, ranks, and months, weekdays and relative years
# for dates. Words that also mean something else in running text are left out: they would make
# every sentence look like it states a figure ("may" is mostly the verb; Bengali "এক" = "a", "নয়" =
# "is not", "তিন" and "বিশ" begin "তিনি" = "he" and "বিশেষ" = "special"; Thai "สาม" sits inside
# "สามารถ" = "can"; Vietnamese "năm" is also "year").
_STATES_QUANTITY = _pattern(
    r"\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|dozens?|hundreds?"
    r"|thousands?|millions?|billions?|trillions?|twice|half|first|second|third|fourth|fifth)\b",
    r"\b(january|february|march|april|june|july|august|september|october|november|december"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|(last|next) (year|month|week))\b",
    r"\b(hai|bốn|sáu|bảy|tám|chín|mười|mươi|chục|trăm|nghìn|ngàn|vạn|triệu|tỷ|tỉ|nửa|thứ nhất|thứ nhì"
    r"|đầu tiên|chủ nhật|năm (ngoái|nay|sau|tới)|hôm qua)\b",
    rf"(?<![{_BN}])(দুই|দু'টি|দুটি|দুটো|চার|পাঁচ|ছয়|সাত|দশ|শত|হাজার|লাখ|লক্ষ(?!্য)|কোটি|অর্ধেক"
    r"|প্রথম|দ্বিতীয়|তৃতীয়|চতুর্থ|পঞ্চম|(গত|আগামী|এ|এই) বছর|গতকাল)",
    r"জানুয়ারি|ফেব্রুয়ারি|মার্চ|এপ্রিল|জুন|জুলাই|আগস্ট|সেপ্টেম্বর|অক্টোবর|নভেম্বর|ডিসেম্বর",
    rf"(?<![{_BN}])মে(?![{_BN}])|(রবি|সোম|মঙ্গল|বুধ|বৃহস্পতি|শুক্র|শনি)বার",
    r"สอง|ร้อย|หมื่น|แสน|ล้าน|ครึ่ง|อันดับแรก|อันดับหนึ่ง|ปีที่แล้ว|ปีนี้|ปีหน้า|เมื่อวาน",
    r"มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน|ตุลาคม|พฤศจิกายน|ธันวาคม",
    r"วัน(จันทร์|อังคาร|พุธ|พฤหัสบดี|ศุกร์|เสาร์|อาทิตย์)",
)


def asks_for_quantity(question: str) -> bool:
    """Whether ``question`` asks how many / how much / when / which year / what rank."""
    return bool(_ASKS_QUANTITY.search(question))


def states_quantity(sentence: str, question: str, thai: bool = False) -> bool:
    """Whether ``sentence`` states a figure other than the numbers ``question`` itself names.

    Args:
        sentence: a sentence of a passage.
        question: the question; its numbers ("in 2024") do not count as an answer.
        thai: the sentence is Thai (its Buddhist-era years also count as the CE years they are).
    """
    asked = numbers_in(question, thai=True)
    if any(not (forms & asked) for forms in number_forms(sentence, thai=thai)):
        return True
    return bool(_STATES_QUANTITY.search(sentence))


__all__ = ["asks_for_quantity", "states_quantity"]

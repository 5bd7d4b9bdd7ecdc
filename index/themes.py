"""Questions asking for an event's theme or slogan ("What was the fair's theme?", "প্রতিপাদ্য কী
ছিল", "ธีมของงานคืออะไร", "khẩu hiệu là gì"), and whether a passage states one. Pure.

As with a platform (``platforms``), the model matches the question's subject, not the kind of
answer it wants: "What was the theme of this year's cross-border e-commerce fair in Guangzhou?"
got the fair's lead and its closing paragraph first (0.435, 0.433), and third (0.425) the passage
"‘বৈদেশিক বাণিজ্যের নতুন চালিকাশক্তি, ডিজিটাল নতুন ভবিষ্যৎ’ ছিল এবারের সিসিইএফ-এর প্রতিপাদ্য"
(was the theme of this CCEF). A passage stating a theme writes the word, in every language: it is
lifted by ``retrieval.KIND_BONUS``, within the article matched best.

Not "topic": "বিষয়" and "หัวข้อ" name the topics of training sessions and articles as often;
Vietnamese "chủ đề" is read as a theme only in a question about an event (a fair, an exhibition,
"this year's"), and in a passage only where it introduces one ("với chủ đề", with the theme).
"""

from __future__ import annotations

from .patterns import any_of as _pattern

_THEME_EN = r"\b(theme|slogan|motto|tagline)s?\b"
_THEME_BN = r"প্রতিপাদ্য|স্লোগান|থিম|মূলভাব"
_THEME_TH = r"ธีม|สโลแกน|คำขวัญ"
# Vietnamese "chủ đề" is a topic as often: a theme only where the question is about an event
_EVENT_VI = r"(hội chợ|hoi cho|triển lãm|trien lam|sự kiện|su kien|chương trình|chuong trinh|năm nay|nam nay)"
_ASKS = _pattern(_THEME_EN, _THEME_BN, _THEME_TH, r"แนวคิดหลัก", r"\b(khẩu hiệu|khau hieu)\b",
                 rf"\b(chủ đề|chu de)\b.*\b{_EVENT_VI}\b", rf"\b{_EVENT_VI}\b.*\b(chủ đề|chu de)\b")
# In a passage, the word that introduces one: "ภายใต้แนวคิด" (under the concept), "với chủ đề" (with the theme)
_STATES = _pattern(_THEME_EN, _THEME_BN, _THEME_TH, r"ภายใต้(แนวคิด|หัวข้อ)", r"\bkhẩu hiệu\b",
                   r"\b(với|có|dưới|mang) chủ đề\b", r"\bchủ đề (là|của (hội chợ|sự kiện|năm))\b")


def asks_theme(question: str) -> bool:
    """Whether ``question`` asks for a theme or slogan (see the module doc)."""
    return bool(_ASKS.search(question))


def states_theme(text: str) -> bool:
    """Whether ``text`` (a passage) writes a word introducing a theme or slogan: it may state one."""
    return bool(_STATES.search(text))


__all__ = ["asks_theme", "states_theme"]

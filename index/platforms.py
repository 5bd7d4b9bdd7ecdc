"""Questions asking which platform or app something ran on ("Which platform was the mega livestream
on?", "কোন প্ল্যাটফর্মে", "แพลตฟอร์มอะไร", "nền tảng nào"), and whether a passage names one. Pure.

A bi-encoder matches such a question's subject, not the kind of answer it wants: our sets' questions
on the Lai Chau event's livestream got the event's lead first, which names its dates and place and
no platform, and the passage saying "through the TikTok Shop platform" second. As a count question
lifts the passages counting what it asks how many of (``retrieval.COUNT_BONUS``), this question
lifts those naming a platform: a company of ``brands`` (Shopee, TikTok, Alibaba…), an app people
sell, pay or talk on (Facebook, Zalo, MoMo…), or a name given right beside a platform word
("แพลตฟอร์ม “Guihai Business Hub”", "the Guihai Business Hub platform").
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from .brands import BRANDS, PEOPLE, spelled_as_word
from .patterns import BENGALI_LETTERS as _BN
from .patterns import NOT_AUXILIARY
from .patterns import any_of as _pattern

# Apps that are not e-commerce companies but that sellers and buyers use: Latin, Bengali, Thai
APPS: dict[str, tuple[str, ...]] = {
    "Facebook": ("Facebook", "ফেসবুক", "เฟซบุ๊ก", "เฟสบุ๊ค"),
    "YouTube": ("YouTube", "ইউটিউব", "ยูทูบ"),
    "Zalo": ("Zalo", "জালো", "ซาโล"),
    "ZaloPay": ("ZaloPay",),
    "MoMo": ("MoMo", "মোমো", "โมโม"),
    "VNPay": ("VNPay", "VNPAY", "ভিএনপে"),
    "VietQR": ("VietQR",),
    "WeChat": ("WeChat", "উইচ্যাট", "วีแชท"),
    "Douyin": ("Douyin", "ডৌইন", "โต่วอิน"),
    "Instagram": ("Instagram", "ইনস্টাগ্রাম", "อินสตาแกรม"),
    "LINE": ("LINE",),  # capitals only, see below: "line" is an English word
    "WhatsApp": ("WhatsApp", "হোয়াটসঅ্যাপ"),
    "Sendo": ("Sendo", "সেন্ডো"),
}
_CASE_KEPT = frozenset({"LINE"})

_PLATFORM_WORDS_EN = r"(platform|app|application|website|site|marketplace|channel|social network)s?"
_ASKS_WHICH = _pattern(
    rf"\b(which|what) {NOT_AUXILIARY}([\w'’-]+ ){{0,2}}{_PLATFORM_WORDS_EN}\b",
    rf"\bname of the {_PLATFORM_WORDS_EN}\b", r"\bkon (kon )?([a-z]+ )?(platform|app|website|site)",
    rf"(?<![{_BN}])কোন[^\S\n]+(কোন[^\S\n]+)?([{_BN}-]+[^\S\n]+)?"
    r"(প্ল্যাটফর্ম|প্লাটফর্ম|অ্যাপ|ওয়েবসাইট|সাইট|platform|app)",
    r"(প্ল্যাটফর্ম|প্লাটফর্ম|অ্যাপ)(ের|টির|টার)?[^\S\n]+নাম",
    r"(แพลตฟอร์ม|แอปพลิเคชัน|แอปฯ?|แอพ|เว็บไซต์|ช่องทาง)\s*(ใด|ไหน|อะไร)",
    r"\b(nền tảng|nen tang|ứng dụng|ung dung|app|trang web|website|mạng xã hội|kênh|kenh) ([\w-]+ )?(nào|nao|gì|gi)\b",
    # "sàn" (a marketplace) with nothing between: "san pham nao" is "which product", typed without marks
    r"\b(sàn|san)( thương mại điện tử| thuong mai dien tu| tmđt| tmdt)? (nào|nao)\b",
)

# A name beside a platform word: quoted, or in capitalised Latin words, right after it or before it
_NAME = r"(?:[“\"«][^”\"»\n]{1,60}[”\"»]|(?-i:[A-Z][\w.&'’-]*(?:[^\S\n]+[A-Z][\w.&'’-]*)*))"
_PLATFORM_WORD = r"(?:platform|প্ল্যাটফর্ম|প্লাটফর্ম|แพลตฟอร์ม|nền tảng|sàn)"
_NAMED_BESIDE = _pattern(rf"{_PLATFORM_WORD}[^\S\n]*{_NAME}", rf"{_NAME}[^\S\n]*{_PLATFORM_WORD}")


@cache
def _named() -> re.Pattern[str]:
    spellings = [s for name, forms in {**BRANDS, **APPS}.items() if name not in PEOPLE
                 for s in forms if s not in _CASE_KEPT]
    kept = "|".join(rf"(?<![\w.-]){re.escape(s)}(?![\w-])" for s in _CASE_KEPT)
    return re.compile(f"{'|'.join(map(spelled_as_word, spellings))}|(?-i:{kept})", re.IGNORECASE)


def asks_which_platform(question: str) -> bool:
    """Whether ``question`` asks which platform, app or site something is on."""
    return bool(_ASKS_WHICH.search(unicodedata.normalize("NFC", question)))


def names_platform(text: str) -> bool:
    """Whether ``text`` (a passage) names a platform, an app or a company selling online."""
    text = unicodedata.normalize("NFC", text)
    return bool(_named().search(text) or _NAMED_BESIDE.search(text))


__all__ = ["APPS", "asks_which_platform", "names_platform"]

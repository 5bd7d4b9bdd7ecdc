"""E-commerce companies and their founders a question names that no article mentions, told in every
script ("Did Amazon have a booth at the Guangzhou fair?", "অ্যামাজন কি মেলায় অংশ নিয়েছিল?").

``unknown_names`` hears a foreign name in Latin letters against the Bengali and Thai articles
(``sounds``), but leaves alone a name that is an English word ("Amazon", "Jack Ma"), and cannot read
one written in Bengali or Thai script at all. Eight questions of our sets asked of Amazon, eBay or
Jack Ma and got the fair's passages, confidently. The names news on e-commerce uses most are few
and have settled spellings in each script, so, as for countries (``countries``), each is known in
all four languages here, and whether an article names it is read off the text in any of them.

As there, the two sides are read differently: in a question a spelling must stand as a word
(Bengali case endings allowed, "অ্যামাজনের"); in the articles any occurrence, in any case, counts,
since finding a name that is not there only keeps the check quiet.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache

from .patterns import BENGALI_ENDINGS, BENGALI_LETTERS

# name as shown -> its spellings: Latin (English and Vietnamese), Bengali, Thai. Not names that are
# everyday words in a question's language ("Line", "Grab"), nor a bare acronym ("JD")
BRANDS: dict[str, tuple[str, ...]] = {
    "Amazon": ("Amazon", "অ্যামাজন", "আমাজন", "অ্যামাজোন", "อเมซอน", "แอมะซอน", "อะเมซอน"),
    "eBay": ("eBay", "ইবে", "ই-বে", "อีเบย์"),
    "Walmart": ("Walmart", "ওয়ালমার্ট", "วอลมาร์ท"),
    "Temu": ("Temu", "টেমু", "เทมู"),
    "Shein": ("Shein", "শিইন", "শেইন", "ชีอิน"),
    "Pinduoduo": ("Pinduoduo", "পিন্ডুওডুও", "পিনডুওডুও", "พินตัวตัว", "ผิงตัวตัว"),
    "Taobao": ("Taobao", "তাওবাও", "เถาเป่า"),
    "Tmall": ("Tmall", "টিমল", "ทีมอลล์"),
    "JD.com": ("JD.com", "Jingdong", "জেডি ডটকম", "জেডি.কম", "เจดีดอทคอม", "จิงตง"),
    "AliExpress": ("AliExpress", "আলিএক্সপ্রেস", "อาลีเอ็กซ์เพรส"),
    "Alibaba": ("Alibaba", "আলিবাবা", "อาลีบาบา"),
    "Shopee": ("Shopee", "শপি", "শোপি", "ช้อปปี้"),
    "Lazada": ("Lazada", "লাজাদা", "ลาซาด้า"),
    "TikTok": ("TikTok", "Tik Tok", "টিকটক", "ติ๊กต็อก", "ติ๊กต๊อก"),
    "Tiki": ("Tiki", "টিকি", "ทิกิ"),
    "Daraz": ("Daraz", "দারাজ", "ดาราซ"),
    "Flipkart": ("Flipkart", "ফ্লিপকার্ট", "ฟลิปคาร์ท"),
    "Rakuten": ("Rakuten", "রাকুতেন", "ราคูเท็น"),
    "Tokopedia": ("Tokopedia", "টোকোপিডিয়া", "โทโคพีเดีย"),
    "Zalora": ("Zalora", "জালোরা", "ซาโลร่า"),
    "Jack Ma": ("Jack Ma", "Mã Vân", "Ma Yun", "জ্যাক মা", "แจ็ค หม่า", "แจ็คหม่า"),
    "Jeff Bezos": ("Jeff Bezos", "Bezos", "জেফ বেজোস", "เจฟฟ์ เบโซส์"),
}

PEOPLE = frozenset({"Jack Ma", "Jeff Bezos"})  # founders, not companies

_BN = BENGALI_LETTERS
_ENDINGS = "|".join(sorted((re.escape(e) for e in BENGALI_ENDINGS if e), key=len, reverse=True))


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def spelled_as_word(spelling: str) -> str:
    """A pattern for ``spelling`` standing as a word in a question."""
    spelling = re.escape(_nfc(spelling))
    if re.search(f"[{_BN}]", spelling):
        return rf"(?<![{_BN}]){spelling}(?:{_ENDINGS})?(?![{_BN}])"
    if re.search("[\u0e00-\u0e7f]", spelling):
        return spelling  # Thai writes no spaces between words; the spellings are long enough to be sure
    return rf"(?<![\w.-]){spelling}(?![\w-])"


@cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((name, re.compile("|".join(spelled_as_word(s) for s in spellings), re.IGNORECASE))
                 for name, spellings in BRANDS.items())


def brands_named(text: str) -> list[str]:
    """The names of ``BRANDS`` that ``text`` (a question) names as words, in any script."""
    text = _nfc(text)
    return [name for name, pattern in _patterns() if pattern.search(text)]


class BrandCheck:
    """Which of ``BRANDS`` the articles (``texts``) mention, under any spelling."""

    def __init__(self, texts: Iterable[str]):
        folded = _nfc("\n".join(texts)).casefold()
        self._mentioned = frozenset(name for name, spellings in BRANDS.items()
                                    if any(_nfc(s).casefold() in folded for s in spellings))

    def unknown(self, *readings: str) -> tuple[str, ...]:
        """The names the ``readings`` of a question name that no article mentions."""
        named = dict.fromkeys(name for reading in readings for name in brands_named(reading))
        return tuple(name for name in named if name not in self._mentioned)


__all__ = ["BRANDS", "PEOPLE", "BrandCheck", "brands_named", "spelled_as_word"]

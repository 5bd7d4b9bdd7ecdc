"""Questions for who holds a post ("Who is the director of Dong Nai's Department of Industry and
Trade?"), and whether a passage names such a post at all. Pure.

News quotes deputies and committees as often as heads: a bi-encoder finds the passage about the
right department or committee and scores it like an answer. Three of our unanswerable questions
(one a blind user test's) got confident quotes this way: the director of a department whose
article quotes its deputy director (উপ-পরিচালক), the chairman of a provincial committee that the
article names only as an organiser, and the name of a ministry's minister. Like the figure check (``answer_type``), this reads what kind of answer
the question wants, here a leading post, and refuses a best passage that names none, or only a
deputy's. It is lenient on purpose: any head's title in any of our languages counts ("head" asked,
"director" written), so it refuses only passages where no one leads at all.
"""

from __future__ import annotations

import re
import unicodedata

from .patterns import BENGALI_LETTERS as _BN
from .patterns import any_of as _pattern


# "who" in our languages; Vietnamese "ai" only in lower case or capitalised, as "AI" is the
# technology; Banglish "ke"; "what is the name of…" asks the same
_ASKS_WHO = re.compile("|".join([
    r"(?i:\b(who|whom)\b)", r"\b(ai|Ai)\b", r"(?i:\btên (là )?gì\b|\bten (la )?gi\b)", r"(?i:\bwhat is the name of\b)",
    rf"(?<![{_BN}])কে(?![{_BN}])", r"(?i:\bke\b)", r"নাম কী|নাম কি", r"ใคร|ชื่ออะไร",
]))

# The heads of things: director, chairman, president, head, chief, minister… Vietnamese "trưởng"
# only with its marks or after the office it heads ("cuc truong"): unmarked "truong" is also
# "trường" (school) and sits in "thị trường" (market). Bengali "প্রধান" is also "main", which
# only makes the check more lenient.
_HEAD = _pattern(
    r"\b(director|chair(man|woman|person)?|president|head|chief|leader|ceo|minister|governor|secretary|mayor)\b",
    r"\b(giám đốc|chủ tịch|trưởng|người đứng đầu|thủ trưởng|giam doc|chu tich|(cuc|bo|vien|so) truong)\b",
    rf"(?<![{_BN}])(মহা)?পরিচালক|চেয়ারম্যান|সভাপতি|প্রধান|মন্ত্রী|সচিব|মেয়র",
    r"ผู้อำนวยการ|ประธาน|หัวหน้า|รัฐมนตรี|ผู้บริหาร|เลขาธิการ|อธิบดี",  # not นายก (mayor): นายกิตติ is "Mr Kitti"
)
# Founding, which a founder's question asks of and a passage on a founding answers ("Who founded
# Alibaba?" over a passage quoting an Alibaba official had been answered confidently). Bengali
# "প্রতিষ্ঠান" (an institution) is no founding, "প্রতিষ্ঠাতা" (founder) and "প্রতিষ্ঠিত" (founded) are
_FOUNDING = _pattern(
    r"\b(co-?)?found(ed|ers?|ing)\b", r"\b(established|set up by)\b",
    r"\b(sáng lập|thành lập|sang lap|thanh lap)\b",
    r"প্রতিষ্ঠাতা|প্রতিষ্ঠিত|প্রতিষ্ঠা\s*কর",
    r"ก่อตั้ง|จัดตั้ง",
)
# A deputy's title: the head's word after one of these ("উপ-পরিচালক", "phó giám đốc", "รองประธาน")
_DEPUTY_BEFORE = _pattern(
    # "phố" too: marks put back on unmarked "pho giam doc" may read "phố" (street), never a title
    r"\b(deputy|vice|assistant|phó|pho|phố)[\s-]*$", r"(উপ|সহ|ভাইস|ডেপুটি)[\s-]*$", r"(รอง|ผู้ช่วย)\s*$",
)


def names_post(text: str) -> bool:
    """Whether ``text`` names a head's post (not only a deputy's): "director", "পরিচালক", "ประธาน"."""
    text = unicodedata.normalize("NFC", text)
    return any(not _DEPUTY_BEFORE.search(text[max(0, head.start() - 12):head.start()])
               for head in _HEAD.finditer(text))


def names_founding(text: str) -> bool:
    """Whether ``text`` speaks of a founding or a founder: "founded", "প্রতিষ্ঠাতা", "ผู้ก่อตั้ง"."""
    return bool(_FOUNDING.search(unicodedata.normalize("NFC", text)))


def asks_for_post(question: str) -> bool:
    """Whether ``question`` asks who holds a head's post ("Who is the director of…?", "ai là chủ
    tịch…", "…চেয়ারম্যান কে?"), not a deputy's, which the check leaves alone."""
    question = unicodedata.normalize("NFC", question)
    return bool(_ASKS_WHO.search(question)) and names_post(question)


def asks_for_founder(question: str) -> bool:
    """Whether ``question`` asks who founded something ("Who founded Alibaba?", "আলিবাবার প্রতিষ্ঠাতা
    কে?"): a head's post does not answer it, only a passage speaking of a founding."""
    question = unicodedata.normalize("NFC", question)
    return bool(_ASKS_WHO.search(question)) and names_founding(question)


__all__ = ["asks_for_founder", "asks_for_post", "names_founding", "names_post"]

"""Which sentence of a passage says what a question asks, beyond the kind of figure it wants. Pure.

``answer_type`` reads the kind of figure a question asks for (a count, a date, a span of time) and
marks the sentences stating one; the bold of a quote is the best-matching of those. But one passage
often states several figures of that kind, in sentences that match the question about equally
well: Đồng Nai's EBI paragraph gives a score ("১৩.৩ পয়েন্ট"), a rank ("৭ম স্থানে") and a run of
years ("টানা ৯ম বছর", the 9th year in a row) in three sentences. A blind user test asked "how many
years in a row" and was bolded the score and rank; asked "EBI score" in keywords and was bolded
the B2C and B2B ranks. What tells them apart is what the figure measures, which the question
names: a *streak* ("in a row", "liên tiếp", "টানা", "ติดต่อกัน"), a *score* ("points", "điểm",
"স্কোর", "คะแนน") or a *rank* ("rank", "xếp hạng", "কততম", "อันดับ"). A sentence naming the same
measure beside a figure is the one that answers (``measure_sentences``).

A question asking what someone said is answered by the statement, not by who said it. Thai has no
sentence punctuation, so its "sentences" here are clauses between spaces, and the one matching
"what did Li Mingtao say?" best is the attribution, "นายหลี่ หมิงเทา … กล่าวว่า" (Mr Li Mingtao, …,
said that), whose statement follows in the next clauses. ``statement_leads`` marks such
attributions, so that the bold runs on through what they introduce.

As in ``answer_type``, the word lists are how each language names these things, written from the
languages' grammar, not from a question set, and the question side is kept to unambiguous words:
a question wrongly taken to name a measure only prefers a sentence naming it too.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import Literal

from .answer_type import asks_question, states_figure
from .patterns import BENGALI_LETTERS as _BN
from .patterns import any_of as _pattern

Measure = Literal["streak", "score", "rank"]

# Bengali র‍্যাঙ্ক / র‌্যাংক / র্যাঙ্কিং (rank, ranking): written with or without a joiner
_BN_RANK = rf"(?<![{_BN}])র[\u200c\u200d]?্য?া(ঙ্ক|ংক)"

# How a question names the measure of the figure it asks for
_ASKS = {
    # a run of years, times or editions without a break: "for how many consecutive years"
    "streak": _pattern(
        r"\b(consecutive|successive|in a row|straight (years?|times|months|editions))\b",
        r"\b(liên tiếp|liên tục|lien tiep|lien tuc)\b",
        r"টানা|পরপর|একটানা|ধারাবাহিকভাবে",
        r"ติดต่อกัน|ต่อเนื่องกัน",
    ),
    # a score in points. Vietnamese "điểm" is also a place or a point of a list ("địa điểm", venue;
    # "điểm khởi đầu", starting point): only as asked for ("bao nhiêu điểm"), or a score's names
    "score": _pattern(
        r"\b(scores?|scored|scoring|points)\b",
        r"\b(bao nhiêu|mấy|bao nhieu|may) (điểm|diem)\b", r"\b(điểm số|số điểm|điểm trung bình|diem so|so diem)\b",
        r"\bđạt( được)? \S+ điểm\b", r"\bđiểm\s*(\?|$)",
        r"স্কোর|পয়েন্ট",
        r"คะแนน",
    ),
    # a place in a ranking; not "what position does she hold", a post
    "rank": _pattern(
        r"\b(rank|ranks|ranked|ranking|rankings)\b", r"\b(what|which) place\b",
        r"\b(what|which) position\b(?![^?.]{0,60}\b(hold|holds|held|occupy|occupies|occupied)\b)",
        r"\b(xếp hạng|thứ hạng|xếp thứ|đứng thứ|hạng mấy|thứ mấy|xep hang|thu hang|xep thu|dung thu)\b",
        rf"কততম|{_BN_RANK}|অবস্থান|(কত|কোন) নম্বর",
        r"อันดับ|ลำดับที่",
    ),
}

# How a sentence names the measure of a figure it states
_STATES = {
    "streak": _ASKS["streak"],
    "score": _pattern(
        r"\b(scores?|scored|points?)\b", r"\d\s*(điểm|diem)\b", r"\b(điểm số|số điểm|điểm trung bình)\b",
        r"স্কোর|পয়েন্ট",
        r"คะแนน",
    ),
    "rank": _pattern(
        r"\b(rank|ranks|ranked|ranking|position|place[ds]?)\b", r"\b\d+(st|nd|rd|th)\b",
        r"\b(hạng|xếp thứ|đứng thứ|vị trí thứ)\b",
        # স্থান (place), not স্থানীয় (local); a Bengali ordinal: ৭ম, ৬ষ্ঠ, ২য়, ১০তম
        rf"(?<![{_BN}])স্থান(?!ীয়)|অবস্থান|{_BN_RANK}|[০-৯](ম|য়|র্থ|ষ্ঠ|তম)(?![{_BN}])",
        r"อันดับ|ลำดับที่",
    ),
}


def asked_measures(question: str) -> frozenset[Measure]:
    """What the figure ``question`` asks for measures, as it names it: a "streak" (how many years
    in a row), a "score" (how many points) or a "rank" (which place); none, mostly."""
    question = unicodedata.normalize("NFC", question)
    return frozenset(measure for measure, pattern in _ASKS.items() if pattern.search(question))


def names_measure(sentence: str, measures: frozenset[Measure], question: str, thai: bool = False) -> bool:
    """Whether ``sentence`` states a figure (other than the question's own numbers) and names one of
    ``measures`` ("এটি টানা ৯ম বছর…", the 9th year in a row: a streak)."""
    sentence = unicodedata.normalize("NFC", sentence)
    return any(_STATES[measure].search(sentence) for measure in measures) \
        and states_figure(sentence, question, "any", thai=thai)


def measure_sentences(sentences: Sequence[str], question: str, thai: bool = False) -> tuple[int, ...]:
    """The indices of ``sentences`` that state a figure of the measure ``question`` names."""
    measures = asked_measures(question)
    if not measures:
        return ()
    return tuple(i for i, sentence in enumerate(sentences) if names_measure(sentence, measures, question, thai))


# Verbs of saying, in questions ("what did X say", "X nói gì", "X কী বলেছেন", "X กล่าวว่าอย่างไร")
# and in the attributions that introduce a statement ("…กล่าวว่า", "…cho biết:")
_SAYS = _pattern(
    r"\b(say|says|said|saying|tell|tells|told|state[sd]?|stating|mention(s|ed)?|explain(s|ed)?|add(s|ed)?"
    r"|comment(s|ed)?|remark(s|ed)?|note[sd]?|stress(es|ed)?|emphasi[sz](e|es|ed))\b",
    r"\b(nói|phát biểu|cho biết|chia sẻ|nhận định|khẳng định|nhấn mạnh|bày tỏ|tuyên bố|giải thích|đề cập"
    r"|noi gi|noi ve|phat bieu|cho biet|chia se|nhan dinh|khang dinh|nhan manh)\b",
    rf"(?<![{_BN}])(বলেছেন|বলেন|বললেন|বলেছে|বলে|জানিয়েছেন|জানান|মন্তব্য|ব্যাখ্যা|উল্লেখ|বক্তব্য)",
    r"กล่าว|พูด|บอก|ระบุ|เปิดเผย|เผย|ชี้แจง|อธิบาย|แถลง|ยืนยัน|เน้นย้ำ|ให้สัมภาษณ์",
)
# A clause that hands over to the statement after it: Thai "…ว่า" (that), a colon, Vietnamese
# "rằng" (that); the Thai one also inside a clause, after its verb ("หลี่กล่าวเสริมว่า ข้อกำหนด…",
# Li added that the rules…), since short Thai pieces are joined to the next (``chunking``).
# Not ว่าง (empty), ว่าจ้าง (hire), ผู้ว่าการ (governor)
_LEADS_ON = _pattern(r"(ว่า|[:：]|\brằng)\s*$")
_SAID_THAT = _pattern(r"(กล่าว|พูด|บอก|ระบุ|เปิดเผย|เผย|ชี้แจง|อธิบาย|แถลง|ยืนยัน|เน้นย้ำ)\S{0,8}ว่า(?!ง|ย|จ้าง|การ)")
_ATTRIBUTION_SPAN = 2  # an attribution's verb may stand this many clauses before the one that leads on


def asks_what_said(question: str) -> bool:
    """Whether ``question`` asks what someone said ("What did Li Mingtao say?", "Wang Shubin nói
    gì về Quảng Tây?", "লি মিংথাও কী বলেছেন?", "นายหลี่กล่าวว่าอย่างไร")."""
    question = unicodedata.normalize("NFC", question)
    return bool(_SAYS.search(question)) and asks_question(question)


def statement_leads(sentences: Sequence[str]) -> tuple[int, ...]:
    """The indices of ``sentences`` that attribute a statement and lead on into it: a clause
    ending in "ว่า", ":" or "rằng" after a verb of saying in it or in the ``_ATTRIBUTION_SPAN``
    clauses before ("นายหวาง ซู่ปิน … | กล่าวในการบรรยายออนไลน์ … | สำหรับสมาชิก … (อาเซียน) ว่า"),
    or a Thai clause with "said that" inside it ("หลี่กล่าวเสริมว่า ข้อกำหนดด้านอีคอมเมิร์ซ")."""
    texts = [unicodedata.normalize("NFC", sentence) for sentence in sentences]
    leads = []
    for i, text in enumerate(texts):
        said = any(_SAYS.search(texts[j]) for j in range(max(0, i - _ATTRIBUTION_SPAN), i + 1))
        if _SAID_THAT.search(text) or (said and _LEADS_ON.search(text)):
            leads.append(i)
    return tuple(leads)


__all__ = ["Measure", "asked_measures", "asks_what_said", "measure_sentences", "names_measure", "statement_leads"]

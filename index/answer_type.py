"""Does the question ask for a figure, of what kind, and does a passage state one?

A bi-encoder scores "on the topic" and "answers the question" alike, so a question about a fact
the articles lack ("how many viewers watched the livestream?") finds the passage about that
livestream with a good score. One kind of missing fact can be checked without a reader: a question
that asks for a quantity, a date or a rank is answered only by a sentence that states one. When the
sentences that best match such a question state none (beyond the question's own numbers, such as
the year it names), the articles discuss the topic but do not give the figure.

The kind matters too. A count ("how many shops") is not answered by a date ("24-25 May 2025") or
a year; "what percentage" wants a share, not "13.3 points"; a sum of money ("how much revenue",
"what budget") needs a sentence that also speaks of money or value; "when" wants a date (a year, a
month, a day), not "40,000 square metres"; and "how long" a span of time ("for 3 years", "since
2020"), not "11 courses". So a question asks for one of five kinds: "date", "duration", "count",
"percent" or "money" ("any" figure at all is what ``states_figure`` checks by default). And a
question naming a year is not answered by a passage whose years are all others
(``about_another_year``), nor "when did it open?" by the date it closed.

The word lists are how each language asks "how many / how much / when / which year / what rank"
and names money, written from the languages' grammar, not from any question set. The two sides err
in opposite directions on purpose. Question words are kept to unambiguous ones, because a question
wrongly taken to ask for a figure may go unanswered. Figures in passages are recognised generously,
because a sentence wrongly taken to state one only means the search answers as it would without
this module.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Literal

from .count_nouns import COUNT_NOUNS, ENGLISH_COUNT_NOUNS, NOT_A_COUNT
from .numbers import number_forms, number_mentions, numbers_in, to_ascii_digits
from .patterns import BENGALI_LETTERS as _BN
from .patterns import any_of as _pattern

# The kind of figure a question asks for ("any": a figure of any kind); ``numbers.Figure`` is a
# figure as a passage writes it
AskedFigure = Literal["any", "date", "duration", "count", "percent", "money"]


# Questions for a date: a year, a date, a month, a weekday or a relative time answers them.
_ASKS_DATE = _pattern(
    # English
    r"^\s*when\b", r"\bwhen (did|does|do|was|were|is|will|has|have)\b", r"\bsince when\b",
    r"\b(what|which) (dates?|years?|months?|days?)\b",
    # Vietnamese: năm / ngày / tháng nào, mấy, bao nhiêu (which year / day / month), bao giờ (when);
    # also typed without diacritics, as chat often is ("khi nao", "nam nao")
    r"\b(năm|ngày|tháng|lúc|khi|hồi|thời điểm) nào\b", r"\b(năm|ngày|tháng) (mấy|bao nhiêu)\b", r"\bbao giờ\b",
    r"\b(nam|ngay|thang|luc|khi) nao\b", r"\bbao gio\b",
    # Bengali: কবে (when), কোন বছর / সাল / তারিখ (which year / date), কত সালে / তারিখে (in which
    # year / on what date: literally "how many")
    rf"(?<![{_BN}])কবে", r"কোন (বছর|সাল|তারিখ|মাস|দিন)", rf"(?<![{_BN}])কত ?(সাল|তারিখ)",
    # Thai: เมื่อไร / เมื่อไหร่ (when), ปี / วันที่ / เดือน ไหน / อะไร / เท่าไร (which year / date / month)
    r"เมื่อไ(ร|หร่)", r"(ปี|วันที่|วัน|เดือน)\s*(ไหน|ใด|อะไร|เท่าไ(ร|หร่))",
)

# Questions for a span of time (how long, how many years): a count of time units ("for 3 years") or a
# start ("since 2020") answers them.
_ASKS_DURATION = _pattern(
    r"\bhow long\b", r"\bhow many (years|months|weeks|days)\b",
    r"\bbao (lâu|lau)\b", r"\b(bao nhiêu|mấy|bao nhieu) (năm|tháng|tuần|ngày|nam|thang|tuan|ngay)\b",
    rf"(?<![{_BN}])কত ?(বছর|মাস|দিন)",  # how many years / months / days
    r"กี่\s*(ปี|เดือน|วัน|สัปดาห์)", r"นานเท่าไ(ร|หร่)",  # how many years / months / days, how long
)

# Sums of money a business reports, asked for by name
_SUMS = r"(revenue|profits?|turnover|budget|income|earnings|sales|valuation)"

# Questions for an amount: how many / how much / what rank / what share.
_ASKS_AMOUNT = _pattern(
    # English
    r"\bhow (many|much|old|big|large)\b",
    r"\bwhat (percentage|percent|proportion|share|number|amount|rank)\b",
    # "what position did Dong Nai reach"; not "what position does Le Hoang Oanh hold", a post
    r"\bwhat position\b(?![^?.]{0,60}\b(hold|holds|held|occupy|occupies|occupied)\b)",
    r"\bwhich (rank|position|place)\b",
    # "what was Dong Nai's EBI rank", "what is the rank of…"; not "what is the ranking based on"
    r"\bwhat( is| was| are| were)\b[^?.]{0,60}'s\b[^?.]{0,30}\b(rank|ranking|position)\b",
    r"\bwhat( is| was| are| were) the (\w+ ){0,3}(rank|ranking|position) of\b",
    r"\bwhere (do|does|did)\b[^?.]{0,60}\brank\b",
    r"\bwhat(\s*'s| is| was| are| were)\b[^?.]{0,60}\bmarket share\b",  # "what is Shopee's market share"
    r"\bwhat(\s*'s| is| was| are| were) the (total |overall |combined )?(value|amount|number|cost|price|size)\b",
    r"\bwhat(\s*'s| is| was| are| were) the (\w+ ){1,2}(cost|price|fee)\b",  # "what was the ticket price"
    # "what was the profit", "what was Shopee's revenue last year": a sum named, as the rank above; only
    # where the sum is what is asked ("what were the sales channels" asks for channels)
    # ("what was Vietnam's total e-commerce revenue": up to three words before the sum)
    rf"\bwhat(\s*'s| is| was| are| were)\b( the| [^?.]{{0,60}}'s)( [\w-]+){{0,3}}? {_SUMS}"
    r"(?=\s*(\?|$|[,.]|\b(of|in|for|at|from|last|this|during|over|since)\b))",
    # Vietnamese (also without diacritics; not "may", which is English)
    r"\bbao (nhiêu|nhieu)\b", r"\bmấy\b",
    # Bengali: কত / কতজন / কততম (how many, how much, which-th; not কতক / কতিপয়, "some"), কয় / কয়টি
    # (how many; not কয়েক, "a few")
    rf"(?<![{_BN}])কত(?!ক|িপয়)", rf"(?<![{_BN}])কয়(?!েক)", r"কী পরিমাণ|কি পরিমাণ",  # what amount
    # Thai: กี่ (how many; not inside เกี่ยว, "about"), เท่าไร / เท่าไหร่ (how much)
    r"(?<!เ)กี่", r"เท่าไ(ร|หร่)",
)

# An amount asked in money: the question names money, a price, a budget or a currency.
_ASKS_MONEY = _pattern(
    r"\b(money|budget|revenue|turnover|costs?|prices?|fees?|spen[dt]|invest(ed|ment)?|worth|value|dollars?|usd"
    r"|yuan|baht|taka|profits?|income|earnings|valuation|tuition)\b",  # not "dong": Dong Nai
    # what a person earns ("how much does the seller earn a month?" was read as a count, and
    # answered with her 40-50 daily orders); not "pay", which people do with e-wallets, counted
    r"\b(earn(s|ed|ing)?|salar(y|ies)|wages?)\b",
    r"\b(tiền|ngân sách|doanh thu|doanh số|chi phí|giá trị|trị giá|giá bán|kinh phí|vốn|đầu tư|đô la|nhân dân tệ"
    r"|tỷ đồng|triệu đồng|lợi nhuận|thu nhập|lương)\b",
    r"(?<!đánh )\bgiá\b|\bphí\b",  # a price ("giá vé", ticket price), a fee; not "đánh giá", assess
    # "আয়" (income) only whole, with a case ending: it begins "আয়োজন" (organising) and "আয়তন" (area)
    rf"টাকা|ডলার|ইউয়ান|বাজেট|রাজস্ব|মূল্য(?!ায়ন)|দাম|খরচ|ব্যয়|বিনিয়োগ|মুনাফা|(?<![{_BN}])ফি(?![{_BN}])",  # ফি: a fee
    rf"(?<![{_BN}])আয়(?:ের|ে)?(?![{_BN}])|উপার্জন|রোজগার|বেতন|মজুরি",  # income, earnings, salary, wage
    # Thai writes words together, so a short word may straddle two: "บาท" (baht) sits in "อาลีบาบาทำ"
    # (Alibaba does), "งบ" (budget) in "ทั้งบริษัท"; those count only after a number word
    r"เงิน|(กี่|ล้าน|แสน|หมื่น|พัน|ร้อย|\d)\s*บาท|ดอลลาร์|หยวน|งบประมาณ|รายได้|ยอดขาย|ค่าใช้จ่าย|ราคา|มูลค่า|ลงทุน|กำไร",
    # Thai fees are "ค่า" and what is paid for: tuition, admission, tickets, registration, service (a
    # user test's Thai course-fee question got a count of trainees as its answer)
    r"ค่า(เรียน|ธรรมเนียม|เข้า|ตั๋ว|สมัคร|ลงทะเบียน|บริการ|อบรม|คอร์ส|จ้าง|แรง)",  # ค่าจ้าง, ค่าแรง: wages
)

# A share asked for: "what percentage", "by how many percent".
# A market share is a share too ("thị phần của Shopee là bao nhiêu").
_ASKS_PERCENT = _pattern(r"\bpercent(age)?\b|%|\bph(ầ|a)n tr(ă|a)m\b|শতাংশ|শতকরা|เปอร์เซ็นต์|ร้อยละ",
                         r"\bmarket share\b|\bth(ị|i) ph(ầ|a)n\b|বাজার অংশ|বাজারের অংশ|মার্কেট শেয়ার"
                         r"|ส่วนแบ่ง(การ)?ตลาด")

# A change in money ("how much did revenue grow?") is answered by a share as well as by a sum: a count.
_ASKS_CHANGE = _pattern(
    r"\b(grow|grew|grown|growth|increase[ds]?|rise|rose|risen|fall|fell|fallen|drop(ped)?|decline[ds]?)\b",
    r"\b(go|goes|went|gone) (up|down)\b", r"\bclimb(ed|s)?\b",
    r"\b(tăng|giảm)\b", r"বেড়ে|বেড়েছে|বৃদ্ধি|কমে|হ্রাস", r"เพิ่ม|ลดลง|เติบโต",
)

# A sentence gives a share: a percentage, or a half, double, threefold...
_STATES_PERCENT = _pattern(
    r"%|\b(percent|per cent|half|double[ds]?|twice|triple[ds]?|\w+fold)\b",
    r"\b(phần trăm|nửa|gấp)\b", r"শতাংশ|শতকরা|অর্ধেক|দ্বিগুণ|তিনগুণ|গুণ", r"เปอร์เซ็นต์|ร้อยละ|ครึ่ง|เท่าตัว",
)

# Units of time: a span is a count of them ("for 3 years", "11 ngày").
_TIME_UNITS = _pattern(
    r"\b(hours?|days?|weeks?|months?|years?|decades?)\b", r"\b(giờ|ngày|tuần|tháng|năm|thập kỷ)\b",
    r"ঘণ্টা|দিন|সপ্তাহ|মাস|বছর|দশক", r"ชั่วโมง|วัน|สัปดาห์|เดือน|ปี|ทศวรรษ",
)

# A sentence speaks of money or value: currencies, and words for value, revenue and sales. Generous
# on purpose (see the module's docstring). Bengali "ডং" is the dong unless it begins "Dong Nai".
_STATES_MONEY = _pattern(
    r"\$|¥|฿|€|\b(usd|vnd|rmb|cny|dollars?|yuan|renminbi|baht|dong|đồng|taka|euros?)\b",
    r"\b(value|worth|revenue|turnover|sales|giá trị|doanh thu|doanh số)\b",
    r"ডলার|টাকা|ইউয়ান|রেনমিনবি|ইউরো|ডং(?! নাই)|মূল্য|রাজস্ব|বিক্রি|বিক্রয়|টার্নওভার|লেনদেন",
    r"บาท|ดอลลาร์|หยวน|ด่ง|ยูโร|เหรียญ|มูลค่า|รายได้|ยอดขาย",
)

# Counts written in words: magnitudes, small counts, ranks. Words that also mean something else
# in running text are left out: they would make every sentence look like it states a figure
# (Bengali "এক" = "a", "নয়" = "is not", "তিন" and "বিশ" begin "তিনি" = "he" and "বিশেষ" =
# "special"; Thai "สาม" sits inside "สามารถ" = "can"; Vietnamese "năm" is also "year").
_COUNT_WORDS = _pattern(
    r"\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|dozens?|hundreds?"
    r"|thousands?|millions?|billions?|trillions?|twice|half|first|second|third|fourth|fifth)\b",
    r"\b(hai|bốn|sáu|bảy|tám|chín|mười|mươi|chục|trăm|nghìn|ngàn|vạn|triệu|tỷ|tỉ|nửa|thứ nhất|thứ nhì"
    r"|đầu tiên)\b",
    rf"(?<![{_BN}])(দুই|দু'টি|দুটি|দুটো|চার|পাঁচ|ছয়|সাত|দশ|শত|হাজার|লাখ|লক্ষ(?!্য)|কোটি|অর্ধেক"
    r"|প্রথম|দ্বিতীয়|তৃতীয়|চতুর্থ|পঞ্চম)",
    r"สอง|ร้อย|หมื่น|แสน|ล้าน|ครึ่ง|อันดับแรก|อันดับหนึ่ง",
)

_EN_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
# Bengali "মে" (May) only as a word of its own: it begins "মেগা" (mega) and ends "নামে" (named)
_BN_MONTHS = (rf"জানুয়ারি|ফেব্রুয়ারি|মার্চ|এপ্রিল|(?<![{_BN}])মে(?![{_BN}])|জুন|জুলাই|আগস্ট|সেপ্টেম্বর|অক্টোবর|নভেম্বর"
              r"|ডিসেম্বর")
_TH_MONTHS = (r"มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน|ตุลาคม|พฤศจิกายน"
              r"|ธันวาคม")
_MONTHS = rf"\b({_EN_MONTHS})\b|{_BN_MONTHS}|{_TH_MONTHS}"

# Dates in words: months, weekdays and yesterday (which also answer a question for the month or
# the day: ``_DAY_WORDS``), and relative years.
_MONTH_AND_DAY_NAMES = (
    rf"\b({_EN_MONTHS.replace('|may|', '|')})\b|{_BN_MONTHS}|{_TH_MONTHS}",  # English "may" is mostly the verb
    r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|chủ nhật|hôm qua)\b",
    rf"(রবি|সোম|মঙ্গল|বুধ|বৃহস্পতি|শুক্র|শনি)বার|(?<![{_BN}])গতকাল",
    r"เมื่อวาน|วัน(จันทร์|อังคาร|พุธ|พฤหัสบดี|ศุกร์|เสาร์|อาทิตย์)",
)
_DATE_WORDS = _pattern(
    *_MONTH_AND_DAY_NAMES,
    r"\b((last|next) (year|month|week)|năm (ngoái|nay|sau|tới))\b",
    rf"(?<![{_BN}])(গত|আগামী|এ|এই) বছর", r"ปีที่แล้ว|ปีนี้|ปีหน้า",
)

# Numbers that are part of a date, on ASCII digits: "18 August", "24 থেকে ২৫ মে", "August 18",
# "24/5/2025", "tháng 5", "ngày 24", "วันที่ 24". Removed before looking for a count.
_DATE_NUMBERS = _pattern(
    rf"\d{{1,2}}(\s*(-|–|থেকে|to|and|và|đến|ถึง)\s*\d{{1,2}})?\s*(শে|ই|লা|রা|st|nd|rd|th)?\s*({_MONTHS})",
    rf"({_MONTHS})\s*\d{{1,2}}(?!\d)",
    r"\b(ngày|tháng)\s*\d{1,2}(/\d{1,2})?(/\d{2,4})?(?!\d)", r"\b\d{1,2}/\d{1,2}(/\d{2,4})?\b",
    r"วันที่\s*\d{1,2}(?!\d)",
)
# Questions for the month or the day, not the year: "in which month was it launched?", "tháng
# nào", "কোন মাসে", "เดือนไหน", "what date", "ngày mấy", "কত তারিখে", "วันที่เท่าไร". A year alone
# does not answer them: a user test's "which month was the programme launched?" got "since 2563"
_ASKS_DAY = _pattern(
    r"\b(what|which) (dates?|months?|days?)\b", r"\bon what date\b",
    r"\b(ngày|tháng|ngay|thang) (nào|mấy|bao nhiêu|nao|may|bao nhieu)\b",
    r"কোন (তারিখ|মাস|দিন)", rf"(?<![{_BN}])কত ?তারিখ",
    r"(วันที่|วัน|เดือน)\s*(ไหน|ใด|อะไร|เท่าไ(ร|หร่))",
)
# What answers them: a month, a weekday, a day of a month ("18 August", "ngày 24", "24/5")
_DAY_WORDS = _pattern(*_MONTH_AND_DAY_NAMES)


def _names_day(sentence: str) -> bool:
    return bool(_DAY_WORDS.search(sentence) or _DATE_NUMBERS.search(to_ascii_digits(sentence)))


# Which end of an event a date question asks about, and which end a sentence dates. "When did the
# fair open?" is not answered by "the fair closed on 18 August". Only plain verbs of opening and
# closing, so that the check errs towards answering: a sentence that names both, or gives a range
# ("24-25 May"), still answers. Thai "ปิด" (close) sits inside "เปิด" (open).
_STARTS = _pattern(
    r"\b(open(s|ed|ing)?|start(s|ed)?|beg[ai]n|begins|launch(es|ed)?|inaugurat\w*|kick(ed)? off|commenc\w*)\b",
    r"\b(khai mạc|khai mac|bắt đầu|bat dau|khởi động|khoi dong|ra mắt|ra mat|khai trương|khai truong)\b",
    r"শুরু|উদ্বোধন|চালু|আরম্ভ", r"เปิด|เริ่ม",
)
_ENDS = _pattern(
    r"\b(close[ds]?|closing|end(s|ed)?|conclude[ds]?|finish(es|ed)?)\b",
    r"\b(bế mạc|be mac|kết thúc|ket thuc)\b",
    r"সমাপ্ত|সমাপনী|শেষ হ", r"(?<!เ)ปิด|สิ้นสุด",
)
_DATE_RANGE = re.compile(r"\d\s*(-|–|থেকে|to|đến|ถึง)\s*\d")


@lru_cache(maxsize=256)
def _asked_end(question: str) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """For a question asking when something opened (or closed): the words of that end and of the
    other one. Read once per question, not once per sentence checked."""
    asks_start, asks_end = bool(_STARTS.search(question)), bool(_ENDS.search(question))
    if asks_start == asks_end:
        return None
    return (_STARTS, _ENDS) if asks_start else (_ENDS, _STARTS)


def _dates_other_end(sentence: str, question: str) -> bool:
    """Whether ``question`` asks when something opened (or closed) and ``sentence`` dates only the
    other end of it."""
    ends = _asked_end(question)
    if ends is None or _DATE_RANGE.search(to_ascii_digits(sentence)):
        return False
    same, other = ends
    return bool(other.search(sentence)) and not same.search(sentence)


# "Up 123% on last year" compares, it does not date anything: such phrases are removed before a
# sentence is read for a date.
_COMPARED_WITH_LAST_YEAR = _pattern(
    r"\b(than|compared (with|to)|on|over|from) (the )?(last|previous) year('s)?\b",
    r"\bso với (năm ngoái|năm trước|cùng kỳ( năm ngoái| năm trước)?)\b",
    r"গত বছরের (তুলনায়|চেয়ে|চাইতে)",
    r"(เมื่อ)?เทียบกับ(ช่วงเดียวกันของ)?ปี(ที่แล้ว|ก่อน)|จากปี(ที่แล้ว|ก่อน)",
)
_CE_YEARS = range(1950, 2100)
_BE_YEARS = range(2493, 2643)  # the same years in the Thai Buddhist era


def _is_year(written: str, thai: bool) -> bool:
    """A number written as a year: four digits, no separator ("2,024" is a count)."""
    if not (written.isdigit() and len(written) == 4):
        return False
    return int(written) in _CE_YEARS or (thai and int(written) in _BE_YEARS)


def years_in(text: str, thai: bool = False) -> frozenset[str]:
    """The years ``text`` names, as CE years ("2563" in Thai text is "2020")."""
    return frozenset(form for written, forms in number_mentions(text, thai=thai) if _is_year(written, thai)
                     for form in forms if form.isdigit() and int(form) in _CE_YEARS)


# Questions for the items of a list ("what are the five initiatives", "কী কী", "อะไรบ้าง",
# "những gì"): the article gives them one sentence each after the one announcing them, so the quote
# needs room for all. Not "which of the five…", which asks for one item.
_ASKS_LIST = _pattern(
    # English: what/which are…, list…, name the…
    r"^\s*(what|which) (are|were)\b", r"\b(what|which) \w+( \w+)? (are|were) (the|they)\b", r"^\s*list\b",
    r"\bname (the|all)\b",
    # a command for the N things ("Tell me about the five initiatives…", "explain the 3 measures")
    r"\b(tell (me|us) about|describe|explain|summari[sz]e|give (me|us)) (all )?the "
    r"(two|three|four|five|six|seven|eight|nine|ten|\d+) \w+",
    # Bengali: কী কী / কি কি (what and what), কোন কোন / কোনগুলো (which ones); Banglish "ki ki"
    rf"(?<![{_BN}])(কী|কি) (কী|কি)(?![{_BN}])", rf"(?<![{_BN}])কোন (কোন|কোন)(?![{_BN}])", r"কোনগুলো|কোনগুলি",
    r"\bki ki\b", r"\bkon kon\b",
    # "৫টি উদ্যোগ সম্পর্কে বলুন" (tell about the 5 initiatives)
    rf"[০-৯0-9]+ ?(টি|টা) [{_BN} ]{{1,40}}(সম্পর্কে|বিষয়ে) (বলুন|বলো|বল|জানান)",
    # Thai: …บ้าง (which ones, what all)
    r"(อะไร|ใด|ไหน|อย่างไร|ใคร)บ้าง",
    r"\d+\s*(ข้อ|ประการ|อย่าง|ด้าน)[^?]{0,40}(คือ|ได้แก่)อะไร",  # "มาตรการ 5 ข้อคืออะไร" (the 5 measures)
    # Vietnamese: những gì / những … nào (what / which ones), gồm những gì (consist of what)
    r"\bnhững (gì|\w+( \w+)? nào)\b", r"\bgồm (những )?gì\b", r"\bnhung (gi|\w+ nao)\b",
    # "5 sáng kiến … là gì?" (what are the 5 initiatives); not "năm", which is also "year"
    r"(?<![\w.,])(\d+|hai|ba|bốn|sáu|bảy|tám|chín|mười) \w+\b[^?]{0,80}\blà (những )?gì\b",
    # liệt kê (list), kể tên (name), typed with or without marks
    r"\b(liệt|liet) (kê|ke)\b", r"\b(kể|ke) (tên|ten)\b",
)


def asks_for_list(question: str) -> bool:
    """Whether ``question`` asks for the items of a list ("What are the five initiatives…?")."""
    return bool(_ASKS_LIST.search(unicodedata.normalize("NFC", question)))


# Questions whose answer is a place of the kinds ``place_names`` reads ("where did she work?",
# "which countries…", "ở đâu", "những nước nào", "কোথায়", "কোন দেশে", "ที่ไหน", "ประเทศใด"): the bot
# reads out the places its quote names first, from the whole quote. Not "which village" nor "which
# regions": a village or a continent is read by no list of ours, and the one place a quote's other
# sentence names (where she worked, not her village) would lead as if it answered. Nor "where does
# Dong Nai rank?", which asks for a rank.
_PLACE_NOUNS_EN = r"countr(y|ies)|nations?|provinces?|cit(y|ies)"
_PLACE_NOUNS_VI = r"nơi|chỗ|nước|quốc gia|tỉnh|thành phố|địa phương|noi|nuoc|quoc gia|tinh|thanh pho|dia phuong"
_ASKS_WHERE = _pattern(
    r"\bwhere\b(?![^?.]{0,60}\branks?\b)", rf"\b(which|what) (\w+ )?({_PLACE_NOUNS_EN})\b",
    r"\b(ở|tại|từ|đến|đi|o|tai|tu|den|di) (đâu|dau)\b", rf"\b({_PLACE_NOUNS_VI})( \w+)? (nào|nao)\b",
    r"কোথায়|কোথা থেকে|কোথাকার", rf"(?<![{_BN}])কোন (কোন )?(দেশ|প্রদেশ|শহর)",
    r"ที่ไหน|ที่ใด|(ประเทศ|จังหวัด|เมือง|มณฑล)(ใด|ไหน|อะไร)",
)


def asks_where(question: str) -> bool:
    """Whether ``question``'s answer is a place: where, which country, province or city. Pure."""
    return bool(_ASKS_WHERE.search(unicodedata.normalize("NFC", question)))


# Questions for a place inside a country: which city or province ("Which city in Thailand is the hub
# in?", "thành phố nào", "কোন শহরে", "จังหวัดใด"), or where in a country the question names ("Where
# in Thailand…"). Not a bare "where", whose answer may be another country's city ("Where did the
# Thai delegation go?" is Guangzhou).
_ASKS_LOCALITY = _pattern(
    r"\b(which|what) (\w+ )?(cit(y|ies)|provinces?|towns?)\b", r"\bwhere in\b",
    r"\b(tỉnh|thành phố|tinh|thanh pho)( \w+)? (nào|nao)\b",
    rf"(?<![{_BN}])কোন (কোন )?(প্রদেশ|শহর)", r"(จังหวัด|เมือง)(ใด|ไหน|อะไร)",
)


def asks_locality(question: str) -> bool:
    """Whether ``question`` asks which city or province, or where in a country. Pure."""
    return bool(_ASKS_LOCALITY.search(unicodedata.normalize("NFC", question)))


# A question that compares two subjects ("How does the Guangzhou fair differ from the Lai Chau
# exhibition?", "so sánh…", "তুলনা", "เปรียบเทียบ") names each on purpose: that the best passage's
# article never names the second is no sign that it is about something else. Not "compared with
# last year", which compares one subject's figures over time.
_ASKS_TO_COMPARE = _pattern(
    r"\b(compare|comparing|comparison|differ|differs|differences?|versus|vs)\b", r"\bdifferent from\b",
    r"\b(similarit(y|ies)|similar to|in common)\b", r"\bcompared (with|to) (?!(the )?(last|previous|prior) year)",
    r"\b(so sánh|so sanh|khác nhau|khac nhau|khác gì|khac gi|giống nhau|giong nhau|điểm chung|diem chung)\b",
    r"তুলনা|পার্থক্য|মিল কী|মিল কি|একই রকম", r"เปรียบเทียบ|ต่างกัน|แตกต่าง|เหมือนกัน|เทียบกับ",
)


def asks_to_compare(question: str) -> bool:
    """Whether ``question`` compares two subjects ("How does X differ from Y?")."""
    return bool(_ASKS_TO_COMPARE.search(unicodedata.normalize("NFC", question)))


# A question setting something aside ("Which countries besides Japan joined?", "ngoài Nhật Bản ra",
# "জাপান ছাড়া", "นอกจากญี่ปุ่น") names it on purpose: that no article names it does not make the
# question about it. Not Vietnamese "nước ngoài" (abroad) or "bên ngoài" (outside).
_SETS_ASIDE = _pattern(
    r"\b(other than|besides|apart from|aside from|except|excluding)\b",
    r"(?<!nước )(?<!nuoc )(?<!bên )(?<!ben )\b(ngoài|ngoai)\b(?! (nước|nuoc))", r"\b(trừ|ngoại trừ)\b",
    rf"(?<![{_BN}])(ছাড়া|বাদে)(?![{_BN}])", r"นอกจาก|ยกเว้น",
)


def sets_aside(question: str) -> bool:
    """Whether ``question`` sets something aside ("besides Japan", "ngoài…ra", "ছাড়া"). Pure."""
    return bool(_SETS_ASIDE.search(unicodedata.normalize("NFC", question)))


# A question for which one holds a rank it names ("Which province ranked first in the EBI index?",
# "tỉnh nào xếp hạng nhất", "কোন প্রদেশ প্রথম স্থানে", "จังหวัดใดอยู่อันดับ 1") is answered only by a
# passage stating that rank: three user tests asked who came first in a ranking of which the
# article gives one province's 6th and 7th places, and got those, confidently. Only "which / who /
# what" questions: "Did Dong Nai rank first?" is answered by its 7th place. A top N names no
# rank ("ranked in the top 10", "10 อันดับแรก"), nor does a span ("xếp hạng 10 năm liền").
_ASKS_WHICH = _pattern(r"\b(which|who|what)\b", r"\b(nào|gì|nao)\b", rf"কোন|কারা|(?<![{_BN}])কে(?![{_BN}])",
                       r"ไหน|ใด|ใคร|อะไร")
_ASKS_WHO_VI = re.compile(r"\b[Aa]i\b")  # Vietnamese "ai" (who), not "AI"
_RANK_NAMED = _pattern(
    r"\b(rank(ed|s)?|placed?|came|finished|stood)\s+(in\s+)?(the\s+)?(number\s+)?"
    r"(?P<en>first|second|third|top(?!\s*(\d|ten|five|three|twenty))|one|\d{1,2}(st|nd|rd|th)?)\b",
    r"\b(?P<en2>first|second|third|top|\d{1,2}(st|nd|rd|th))\s+(place|position|rank|spot)\b",
    r"\b(xếp\s+)?hạng\s+(?P<vi>nhất|nhì|ba|\d{1,2})\b(?!\s*(năm|tháng|lần))", r"\b(xếp|đứng)\s+thứ\s+(?P<vi2>nhất|nhì|ba|\d{1,2})\b",
    r"\b(?P<vi3>dẫn đầu)\b",
    r"(?P<bn>প্রথম|দ্বিতীয়|তৃতীয়|[০-৯0-9]{1,2}(ম|য়|র্থ|ষ্ঠ|তম))\s*স্থান", r"(?P<bn2>শীর্ষে)",
    r"(?<![0-9๐-๙])(?<![0-9๐-๙]\s)อันดับ(ที่)?\s*(?P<th>[0-9๐-๙]{1,2}|หนึ่ง|แรก|สอง|สาม)",
)
_RANK_WORDS = {"first": "1", "top": "1", "one": "1", "nhất": "1", "dẫn đầu": "1", "প্রথম": "1", "শীর্ষে": "1",
               "หนึ่ง": "1", "แรก": "1", "second": "2", "nhì": "2", "দ্বিতীয়": "2", "สอง": "2",
               "third": "3", "ba": "3", "তৃতীয়": "3", "สาม": "3"}
# How a passage states ranks one to three in words; others it writes in figures ("৭ম", "6th")
# ("top 10", "শীর্ষ ১০টি" rank no one first)
_RANK_STATED = {"1": _pattern(r"\b(first|top)\b(?!\s*\d)", r"\b(nhất|dẫn đầu|đứng đầu)\b",
                              r"প্রথম|শীর্ষ(?!\s*[০-৯0-9])", r"แรก|หนึ่ง"),
                "2": _pattern(r"\bsecond\b", r"\bnhì\b", r"দ্বিতীয়", r"สอง"),
                "3": _pattern(r"\bthird\b", r"\bthứ ba\b", r"তৃতীয়", r"สาม")}


def asks_which(question: str) -> bool:
    """Whether ``question`` (in NFC) asks which one, who or what: "which", "nào", "কোন", "ใด",
    Vietnamese "ai" (who) but not "AI"."""
    return bool(_ASKS_WHICH.search(question) or _ASKS_WHO_VI.search(question))


def asked_rank(question: str) -> str | None:
    """The rank (as ASCII digits) that ``question`` asks which one holds, if it names one."""
    question = unicodedata.normalize("NFC", question)
    if not asks_which(question):
        return None
    match = _RANK_NAMED.search(question.lower())
    if not match:
        return None
    named = next(value for value in match.groupdict().values() if value)
    digits = re.sub(r"\D", "", to_ascii_digits(named))
    if not digits:
        return _RANK_WORDS.get(named)
    return digits.lstrip("0") or None


def states_rank(text: str, rank: str, thai: bool = False) -> bool:
    """Whether ``text`` states rank ``rank`` (ASCII digits), in figures or, for the first three, in words."""
    stated = _RANK_STATED.get(rank)
    return rank in numbers_in(text, thai=thai) or bool(stated and stated.search(text.lower()))


# A passage stating a change: a verb of growth or fall (those a question asks with, and more), or
# a comparison with an earlier year. Not a bare "more" ("বেশি", "hơn", "มากกว่า"): "13.3 points,
# above the national average" compares with the rest of the country, and says nothing of last year.
_STATES_CHANGE = _pattern(
    _ASKS_CHANGE.pattern, r"\b(up|down|more|less|higher|lower) (than|from|on) (the )?(last|previous|prior|a) year",
    r"\b(expand(ed|s)?|so với|mở rộng)\b",
    r"গত বছর|আগের বছর|পূর্ববর্তী বছর|বাড়িয়ে|কমিয়ে|সম্প্রসারিত", r"ขยาย|เทียบกับ|จากปี(ที่แล้ว|ก่อน)",
)


_REACHED = _pattern(r"\b(grow|grew|grown|rise|rose|risen|increased?|climb(ed|s)?|expand(ed|s)?)\s+to\b",
                    r"\bto (how many|what)\b.*\b(grow|grew|grown|rise|rose|risen|increased?|climbed|expanded)\b")


def asks_change(question: str) -> bool:
    """Whether ``question`` asks how much something grew or fell ("by how many points did the
    index rise?", "tăng bao nhiêu", "কত বেড়েছে", "เพิ่มขึ้นกี่"); not what it grew to ("to how
    many countries has the cooperation grown?" asks a count: 35)."""
    question = _REACHED.sub(" ", unicodedata.normalize("NFC", question))
    return bool(_ASKS_CHANGE.search(question))


def states_change(text: str) -> bool:
    """Whether ``text`` states a change, or compares with an earlier year: it may answer how
    much something grew or fell (a passage giving a level only, "13.3 points and 7th place",
    does not)."""
    return bool(_STATES_CHANGE.search(unicodedata.normalize("NFC", text)))


def about_another_year(named: frozenset[str], question: str) -> bool:
    """Whether ``question`` names a year and a passage reports years (``named``, as ``years_in``
    reads them), none of them that one: its figures are then another year's ("the 2024 ranking"
    asked, only the 2025 one stated)."""
    asked = years_in(question, thai=True)
    return bool(asked and named and not asked & named)


def asked_figure(question: str) -> AskedFigure | None:
    """The kind of figure ``question`` asks for, or None when it asks for none."""
    if _ASKS_DATE.search(question):
        return "date"
    if _ASKS_DURATION.search(question):
        return "duration"
    if _ASKS_AMOUNT.search(question) and _ASKS_PERCENT.search(question):
        return "percent"
    if _ASKS_AMOUNT.search(question):
        return "money" if _ASKS_MONEY.search(question) and not _ASKS_CHANGE.search(question) else "count"
    return None


# "How many" and the noun it counts, up to two words on ("how many cooperation projects", "bao
# nhiêu gian hàng", "কতগুলো সহযোগিতা প্রকল্পের", "กี่บูธ"); Bengali কতজন is "how many people". A
# Bengali noun may take a case ending; Thai writes the next word on without a space
_NOUN_KEYS = {word.lower(): noun for table in (COUNT_NOUNS, ENGLISH_COUNT_NOUNS)
              for noun, words in table.items() for word in words}


def _singular(plural: str) -> str:
    if plural.endswith("ies"):
        return plural[:-3] + "y"
    if plural.endswith(("sses", "ches", "shes", "xes")):
        return plural[:-2]
    return plural[:-1] if plural.endswith("s") and not plural.endswith("ss") else plural


# Bengali and Thai written with English words take the noun in the singular after their classifier
# ("কয়টা platform", "ccef e koyta platform chilo": how many platforms)
_NOUN_KEYS |= {_singular(word): noun for noun, words in ENGLISH_COUNT_NOUNS.items() for word in words
               if _singular(word) not in _NOUN_KEYS and " " not in word}
_ASKS_HOW_MANY = re.compile(
    r"\bhow many|\bbao (?:nhiêu|nhieu)|\bmấy|(?<![{bn}])(?:কত|কয়)(?:টি|টা|গুলো|গুলি)?|(?<!เ)กี่".format(bn=_BN),
    re.IGNORECASE)
_NOUN_WORDS = "|".join(sorted(map(re.escape, _NOUN_KEYS), key=len, reverse=True))  # longest first
_COUNTED_NOUN = re.compile(
    r"[^\S\n]*(?:[^\s?]+[^\S\n]+){{0,2}}?({words})(?:ের|এর|র|ে|দের|গুলো|গুলি|গুলোর|গুলির)?"
    r"(?![{bn}A-Za-z\u00c0-\u024f\u1e00-\u1eff])".format(bn=_BN, words=_NOUN_WORDS),
    re.IGNORECASE)


# A noun of ours right before Bengali or Thai "how many", counted in people after it: "ফলোয়ার
# কতজন", "ফলোয়ারের সংখ্যা কত" (the number of followers), "มีผู้ติดตามกี่คน" ask how many followers,
# where the word after "how many" says only "people"
_NOUN_BEFORE = re.compile(
    r"({words})(?:ের|এর|র|দের)?[^\S\n]*(?:সংখ্যা[^\S\n]*)?(?:(?<![{bn}])(?:কত|কয়)|(?:ทั้งหมด)?กี่)".format(
        bn=_BN, words=_NOUN_WORDS),
    re.IGNORECASE)


_PEOPLE = frozenset({"person", "official", "businessperson", "follower"})  # the nouns counted in people (জন, คน)


def asked_count(question: str) -> str | None:
    """The key in ``index.count_nouns`` of what ``question`` asks how many of ("How many booths…",
    "কতগুলো প্রকল্প", "มีบูธกี่บูธ"), or None where it names no noun of ours. Only its first "how
    many" is read: a message asking several things counts what it asks first. Where that names
    only people ("কতজন", "กี่คน"), a noun of ours just before it says which ("ফলোয়ার কতজন")."""
    question = unicodedata.normalize("NFC", question)
    asks = _ASKS_HOW_MANY.search(question)
    found = _COUNTED_NOUN.match(question, asks.end()) if asks else None
    if found and found.group(1) == "জন":
        # Bengali's classifier for people, and a noun counted in people right after it: "কতজন
        # ফলোয়ার" (how many followers), not "কতজন প্রদেশ থেকে" (how many from a province)
        named = _COUNTED_NOUN.match(question, found.end())
        if named and not question[found.end():named.start(1)].strip() and _NOUN_KEYS[named.group(1).lower()] in _PEOPLE:
            found = named
    noun = None if not found or NOT_A_COUNT.match(question, found.start(1)) else _NOUN_KEYS[found.group(1).lower()]
    if asks and noun in (None, "person"):
        before = _NOUN_BEFORE.search(question, max(0, asks.start() - 40), asks.end())
        if before and before.end() == asks.end() and not NOT_A_COUNT.match(question, before.start(1)):
            return _NOUN_KEYS[before.group(1).lower()]
    return noun


# A question word asking something other than a figure, or a yes/no question: a follow-up with one
# asks that ("and who organised it?", "còn ai tổ chức?"), not the earlier question's figure again.
# "what about" and "thì sao" (what about) only carry on; Bengali "কি" is also the yes/no particle.
_ASKS_OTHER = _pattern(
    r"\b(who|whom|whose|which|where|why)\b", r"\b(what|how)\b(?! about)",
    r"^\W*((and|also|then|so),? )?(did|does|do|is|are|was|were|has|have|had|can|could|will|would)\b",
    r"\b(ai|gì|gi|đâu|dau|không|khong|chưa|chua)\b", r"\b(tại|vì|tai|vi) sao\b", r"\b(thế|the) (nào|nao)\b",
    rf"(?<![{_BN}])(কে|কী|কি|কোন|কোথায়|কেন|কীভাবে|কিভাবে|কেমন)(?![{_BN}])",
    r"ใคร|อะไร|ไหน|ทำไม|อย่างไร|ยังไง|ไหม|หรือไม่|หรือเปล่า",
)


def asks_of_its_own(question: str) -> bool:
    """Whether ``question`` asks something itself: a figure, a question word, yes or no. "and in
    2023?", "what about Thailand?", "আর ২০২৩ সালে?" ask nothing: they carry the question before on."""
    return asked_figure(question) is not None or bool(_ASKS_OTHER.search(unicodedata.normalize("NFC", question)))


def follow_up_figure(question: str, earlier: str) -> AskedFigure | None:
    """The kind of figure a follow-up asks for: its own, else, when it asks nothing of its own
    ("and in 2023?", "what about Thailand?", "আর ২০২৩ সালে?"), that of the question it follows.
    A user test's "and in 2023?" after "How many people visited the CCEF fair?" was answered with
    the 2024 fair's visitors under a confident header: read alone, it asked for no figure, so no
    year was checked either."""
    return asked_figure(question if asks_of_its_own(question) else earlier)


# A question about the next edition of something ("When is the next CCEF?", "ครั้งหน้า", "আগামী")
# is answered by a sentence that speaks of the future, not by this edition's dates and figures:
# our sets had "when will the next CCEF be held" answered with this year's closing date once a
# runner-up passage could answer a figure question (``retrieval._runner_up``). Thai "จะ" (will) and
# Bengali "হবে" (will be) are common, which keeps this lenient.
_ASKS_NEXT = _pattern(
    r"\b(next|upcoming)\b", r"\b(tiếp theo|kế tiếp|lần tới|kỳ tới|sắp tới|tiep theo|lan toi|sap toi)\b",
    r"পরবর্তী|আগামী|পরের বার|পরের মেলা", r"ครั้งต่อไป|ครั้งหน้า|ครั้งถัดไป|ถัดไป",
)
_FUTURE = _pattern(
    r"\b(next|will|upcoming|plans?|planned|expected|scheduled)\b", r"\b(sẽ|tiếp theo|kế tiếp|sắp tới|dự kiến|kế hoạch)\b",
    r"পরবর্তী|আগামী|হবে|করবে|পরিকল্পনা", r"จะ|ต่อไป|ครั้งหน้า|ถัดไป|ปีหน้า|วางแผน|คาดว่า",
)


@lru_cache(maxsize=256)
def _asks_next(question: str) -> bool:
    return bool(_ASKS_NEXT.search(question))


def asks_question(text: str) -> bool:
    """Whether ``text`` reads as a question (a question mark, a question word in any of our
    languages, a figure asked for), not as keywords ("ccef visitors", "Dong Nai EBI rank")."""
    return "?" in text or "？" in text or asks_of_its_own(text)


def _states_any(sentence: str, asked: frozenset[str], thai: bool) -> bool:
    if any(not (forms & asked) for forms in number_forms(sentence, thai=thai)):
        return True
    return bool(_COUNT_WORDS.search(sentence) or _DATE_WORDS.search(sentence))


def _states_count(sentence: str, asked: frozenset[str], thai: bool) -> bool:
    for written, forms in number_mentions(_DATE_NUMBERS.sub(" ", to_ascii_digits(sentence)), thai=thai):
        if not _is_year(written, thai) and not (forms & asked):
            return True
    return bool(_COUNT_WORDS.search(sentence))


def _states_date(sentence: str, asked: frozenset[str], thai: bool) -> bool:
    if any(_is_year(written, thai) and not (forms & asked) for written, forms in number_mentions(sentence, thai=thai)):
        return True
    sentence = _COMPARED_WITH_LAST_YEAR.sub(" ", sentence)
    return bool(_DATE_WORDS.search(sentence) or _DATE_NUMBERS.search(to_ascii_digits(sentence)))


@lru_cache(maxsize=256)
def _question_numbers(question: str) -> frozenset[str]:
    # every sentence of every passage is checked against the same question: read its numbers once
    return numbers_in(question, thai=True)


def states_figure(sentence: str, question: str, kind: AskedFigure = "any", thai: bool = False) -> bool:
    """Whether ``sentence`` states a figure of ``kind`` other than the numbers ``question`` names.

    Args:
        sentence: a sentence of a passage.
        question: the question; its numbers ("in 2024") do not count as an answer.
        kind: "any" figure; a "date" (a year, a date, a month, a weekday, a relative time);
            a "duration" (a date, or a count in a sentence with a unit of time); a "count" (not
            a date or a year); a "percent" (a share, a half, a multiple); or "money" (a count in
            a sentence that speaks of money or value).
        thai: the sentence is Thai (its Buddhist-era years are the CE years they stand for).
    """
    if _asks_next(question) and not _FUTURE.search(sentence):
        return False  # this year's fair does not date the next one
    asked = _question_numbers(question)
    if kind == "any":
        return _states_any(sentence, asked, thai)
    if kind == "date":
        return (_states_date(sentence, asked, thai) and not _dates_other_end(sentence, question)
                and (not _ASKS_DAY.search(question) or _names_day(sentence)))
    if kind == "duration":  # "since 2020" or "for 3 years"
        return _states_date(sentence, asked, thai) or (bool(_TIME_UNITS.search(sentence))
                                                       and _states_count(sentence, asked, thai))
    if kind == "percent":
        return bool(_STATES_PERCENT.search(sentence))
    if kind == "money" and not _STATES_MONEY.search(sentence):
        return False
    return _states_count(sentence, asked, thai)


__all__ = ["AskedFigure", "about_another_year", "asked_count", "asked_figure", "asked_rank", "asks_change",
           "asks_for_list", "asks_locality", "asks_of_its_own", "asks_question", "asks_to_compare", "asks_where",
           "asks_which", "follow_up_figure", "sets_aside", "states_change", "states_figure", "states_rank", "years_in"]

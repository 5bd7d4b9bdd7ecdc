"""Numbers written in several systems, reduced to ASCII so a question's "2020" finds "২০২০" or
the Thai Buddhist-era "2563".

Dense embeddings match numbers across digit systems poorly, and numbers are exactly what users ask
about (how many, which year), so retrieval compares them explicitly.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from decimal import Decimal
from typing import Literal, NamedTuple

from babel.dates import get_month_names

from .count_nouns import COUNT_NOUNS, GENERIC_CLASSIFIERS, NOT_A_COUNT, thai_noun_before

_DIGITS = str.maketrans("০১২৩৪৫৬৭৮৯๐๑๒๓๔๕๖๗๘๙", "01234567890123456789")
# Thousands separators and decimal commas vary; keep digits together: "1,234" -> "1234".
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# Buddhist-era years in Thai text: 2400-2700 BE = 1857-2157 CE.
_BE_YEARS = range(2400, 2700)
_BUDDHIST_ERA_OFFSET = 543


def _in_buddhist_era_range(number: str) -> bool:
    return number.isdigit() and int(number) in _BE_YEARS


def _common_era(year: str) -> str:
    return str(int(year) - _BUDDHIST_ERA_OFFSET)


def to_ascii_digits(text: str) -> str:
    return text.translate(_DIGITS)


def number_mentions(text: str, thai: bool = False) -> list[tuple[str, frozenset[str]]]:
    """Each number in ``text`` as written (in ASCII digits) and the ASCII forms it may take:
    itself without separators and, for a Buddhist-era year in Thai text, the CE year too
    ("2563" -> {"2563", "2020"})."""
    mentions = []
    for match in _NUMBER.finditer(to_ascii_digits(text)):
        whole = re.sub(r"[.,](?=\d{3}\b)", "", match.group())
        forms = {whole}
        if thai and _in_buddhist_era_range(whole):
            forms.add(_common_era(whole))
        mentions.append((match.group(), frozenset(forms)))
    return mentions


# Bengali letters and signs, not its digits: a Bengali word goes on while they follow
_BENGALI_LETTER = "\u0980-\u09e5\u09f0-\u09ff"
_THAI = re.compile("[\u0e00-\u0e7f]")
# Bengali words take case endings, left out of what a reading quotes: আগস্টে (in August),
# ডিসেম্বরের (December's), টনেরও (of a tonne too), টাকায় (in taka); য় may be one code point or two
# and plural ones: ব্যবসায়ীদের, ব্যবসায়ীরা (traders'), অ্যাকাউন্টগুলি (the accounts)
_BENGALI_ENDING = (rf"(?=(?:ের|ে|র|এর|তে|(?:য\u09bc|\u09df)(?:ের)?|দের|রা|(?:গুলি|গুলো)(?:র|তে|কে)?)?ও?"
                   rf"(?![{_BENGALI_LETTER}]))")


# য় and ড়, each written as a letter and a nukta (as Unicode normalizes them) or as one code point
_NUKTA_LETTERS = (("\u09af\u09bc", "\u09df"), ("\u09a1\u09bc", "\u09dc"))


def _key(word: str) -> str:
    """``word`` as our word lists key it: য় and ড় as Unicode normalizes them, whichever way the
    text writes them, and in lower case."""
    return unicodedata.normalize("NFC", word).casefold()


def _either_nukta(pattern: str) -> str:
    """``pattern`` matching its য় and ড় written either way."""
    pattern = unicodedata.normalize("NFC", pattern)  # a letter and a nukta, as Unicode normalizes them
    for two, one in _NUKTA_LETTERS:
        pattern = pattern.replace(two, f"(?:{two}|{one})")
    return pattern


def _word(word: str) -> str:
    """A pattern matching ``word`` as a whole word: in Bengali with its case endings, in Thai
    anywhere (it writes words together), a symbol (%) anywhere, in Latin letters between word
    boundaries ("63 tỉnh" is no "tỉ", "10 hai" no "ha")."""
    pattern = _either_nukta(re.escape(word))
    if re.match(f"[{_BENGALI_LETTER}]", word):
        return rf"(?<![{_BENGALI_LETTER}]){pattern}{_BENGALI_ENDING}"
    if _THAI.match(word) or not word[-1].isalnum():
        return pattern
    return rf"(?<![^\W\d_]){pattern}(?!\w)"


def _words(words: Iterable[str]) -> re.Pattern[str]:
    """Any of ``words`` (keyed by ``_key``), the longest that matches: "মার্কিন ডলার" before "ডলার"."""
    return re.compile("|".join(_word(word) for word in sorted(words, key=len, reverse=True)), re.IGNORECASE)


# Bangladeshi papers write জানুয়ারি and ফেব্রুয়ারি (CLDR: জানুয়ারী, ফেব্রুয়ারী), and আগষ্ট beside আগস্ট
_BENGALI_MONTH_SPELLINGS = {"জানুয়ারি": 1, "ফেব্রুয়ারি": 2, "আগষ্ট": 8}


def _month_names() -> dict[str, int]:
    """The months' names (keyed by ``_key``) in the languages of our articles and questions, as
    CLDR writes them: আগস্ট, สิงหาคม and ส.ค., tháng 8, August and Aug."""
    names = {_key(name): month for name, month in _BENGALI_MONTH_SPELLINGS.items()}
    for locale in ("bn", "th", "vi", "en"):
        # CLDR's short Bengali names are syllables of other words: আগ (Aug.) begins আগে, before
        for width in ("wide",) if locale == "bn" else ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                names |= {_key(name): month for month, name in get_month_names(width, context, locale).items()}
    return names


_MONTHS = _month_names()
_MONTH_WORD = _words(_MONTHS)
# A Thai year is written "ปี 2563", "พ.ศ. 2563" or after a month, "18 สิงหาคม 2567"; a bare 2500
# may be a count ("2500 ราย")
_THAI_YEAR_BEFORE = re.compile(
    r"(?:ปี|พ\.\s?ศ\.|" + "|".join(re.escape(name) for name in _MONTHS if _THAI.match(name)) + r")\s*$")


# Number words a reader of another script cannot read: "৫৬ হাজার" is 56,000, not 56 (a user test
# read the Figures line "৫৬ = 56" as the visitor count). Words may take endings: "মিলিয়নেরও".
_SCALES = {
    "হাজার": 10**3, "লাখ": 10**5, "লক্ষ": 10**5, "কোটি": 10**7, "মিলিয়ন": 10**6, "বিলিয়ন": 10**9,
    "ট্রিলিয়ন": 10**12, "พัน": 10**3, "หมื่น": 10**4, "แสน": 10**5, "ล้าน": 10**6,
    "nghìn": 10**3, "ngàn": 10**3, "triệu": 10**6, "tỷ": 10**9, "tỉ": 10**9,
    "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12,
}
_VIETNAMESE_SCALES = frozenset({"nghìn", "ngàn", "triệu", "tỷ", "tỉ"})
_WHOLE_WORD_SCALES = _VIETNAMESE_SCALES | {"thousand", "million", "billion", "trillion"}
# Bengali words take endings, so only Vietnamese and English words must end ("63 tỉnh" is 63
# provinces, not 63 tỉ), and Thai, which writes words together, must not go on into another word
# ("พันธมิตร", partner, begins with พัน)
_SCALE_AFTER = re.compile(r"\s?(" + "|".join(
    re.escape(word) + (r"(?!\w)" if word in _WHOLE_WORD_SCALES else "(?!ธ)" if word == "พัน" else "")
    for word in sorted(_SCALES, key=len, reverse=True)) + ")")
# Bengali ordinal endings: ৭ম (7th), ৬ষ্ঠ (6th), ২য় (2nd), ১০তম (10th), and those of a month's day:
# ২৪শে, ১লা, ২রা, ৪ঠা (no rank: see ``_is_day``)
_DATE_ENDINGS = ("শে", "লা", "রা", "ঠা")
_ORDINAL_AFTER = re.compile(rf"(?:ম|য়|র্থ|ষ্ঠ|তম|{'|'.join(_DATE_ENDINGS)})(?![\u0980-\u09ff])")

ReadingKind = Literal["number", "era_year", "scaled", "ordinal", "grouped"]


class Reading(NamedTuple):
    """A number of a quote as written (its scale word or ordinal ending included) and its value in
    ASCII digits: "৫৬ হাজার" → "56000" (scaled), "৭ম" → "7" (ordinal), Thai "2563" → "2020"
    (era_year), "14,500" → "14500" and Vietnamese "17,8" → "17.8" (grouped)."""

    written: str
    value: str
    kind: ReadingKind


def ascii_readings(text: str, thai: bool = False, decimal_comma: bool = False) -> list[Reading]:
    """The numbers of ``text`` a reader of ASCII digits cannot read as written: numbers in Bengali
    or Thai digits, numbers followed by a scale word ("হাজার", "ล้าน", "triệu", "million"), Bengali
    ordinals, in Thai text a year of the Buddhist era (read as its common-era year), and ASCII
    numbers with separators, which readers read by their own convention (``decimal_comma``: the
    text's, Vietnamese, groups thousands with "." and marks decimals with ",")."""
    return [span.reading for span in _number_spans(text, thai, decimal_comma) if not span.plain]


class _Span(NamedTuple):
    """A number's place in a text and its reading; ``plain``: ASCII digits without separators,
    which every reader reads as written."""

    start: int
    end: int
    reading: Reading
    plain: bool = False


def _number_spans(text: str, thai: bool, decimal_comma: bool) -> list[_Span]:
    spans = []
    ascii_text = to_ascii_digits(text)
    for match in _NUMBER.finditer(ascii_text):
        written, value = text[match.start():match.end()], match.group()
        before = text[max(0, match.start() - 12):match.start()]  # room for "กุมภาพันธ์ " (February)
        if thai and _in_buddhist_era_range(value) and _THAI_YEAR_BEFORE.search(before):
            spans.append(_Span(match.start(), match.end(), Reading(written, _common_era(value), "era_year")))
        elif (scale := _SCALE_AFTER.match(text, match.end())) and (scaled := _scaled(value, scale.group(1))):
            spans.append(_Span(match.start(), scale.end(), Reading(text[match.start():scale.end()], scaled, "scaled")))
        # only a whole number is an ordinal: "5.০ম" (a property test's text) is no "5.0th"
        elif written != value and value.isdigit() and (ordinal := _ORDINAL_AFTER.match(text, match.end())):
            written = text[match.start():ordinal.end()]
            spans.append(_Span(match.start(), ordinal.end(), Reading(written, value, "ordinal")))
        elif written != value:
            spans.append(_Span(match.start(), match.end(), Reading(written, value, "number")))
        elif value.isdigit():
            spans.append(_Span(match.start(), match.end(), Reading(written, value, "number"), plain=True))
        elif plain := _plain_number(value, decimal_comma):  # separators, read by the reader's convention
            spans.append(_Span(match.start(), match.end(), Reading(written, plain, "grouped")))
    return spans


def _plain_number(number: str, decimal_comma: bool) -> str | None:
    """``number`` with separators ("14,500.5", or with ``decimal_comma`` "14.500,5") as plain ASCII
    ("14500.5"), or None where its groups are not thousands ("18.08.2024" is a date)."""
    grouping, decimal = (".", ",") if decimal_comma else (",", ".")
    whole, _, fraction = number.partition(decimal)
    groups = whole.split(grouping)
    if any(len(group) != 3 for group in groups[1:]) or not all(g.isdigit() for g in groups) \
            or (fraction and not fraction.isdigit()):
        return None
    return "".join(groups) + (f".{fraction}" if fraction else "")


def _scaled(number: str, word: str) -> str | None:
    """``number`` times the scale ``word``, in plain ASCII digits ("1.3", "মিলিয়ন" → "1300000").
    Vietnamese groups digits with "." and marks decimals with ","; Bengali and Thai the other way."""
    grouping, decimal = (".", ",") if word in _VIETNAMESE_SCALES else (",", ".")
    whole, _, fraction = number.replace(grouping, "").partition(decimal)
    if not whole.isdigit() or (fraction and not fraction.isdigit()):
        return None  # "1.5.3": not a number we can read with confidence
    value = Decimal(f"{whole}.{fraction}" if fraction else whole) * _SCALES[word]
    return format(value.normalize(), "f")


# --- figures: a number with what it counts ---------------------------------------------------

PERCENT = "concentr-percent"  # the CLDR unit a percentage's Figure names
# A score's points ("১৩.৩ পয়েন্ট", 13.3 points): CLDR has no unit for them, so this is our own name,
# which the reader's words for it replace
POINTS = "points"
# An age ("১৫ বছর বা তার বেশি বয়সী", aged 15 and over; "อายุ 15 ปี", "15 tuổi"): years of a life, not a
# span of time, which a blind user test was read as "15 năm" (15 years). Our own name, as for points
AGE = "age"
# What a number counts (a CLDR unit, an ISO 4217 currency), in the words our articles write after
# it: the seed articles' বর্গমিটার, টন, শতাংশ, ইউয়ান, where CLDR writes "বর্গ মিটার", "মেট্রিক টন",
# "চীনা য়ুয়ান"; then Thai, Vietnamese and English
_UNIT_WORDS = {
    PERCENT: ("শতাংশ", "%", "เปอร์เซ็นต์", "phần trăm", "percent", "per cent"),
    "area-square-kilometer": ("বর্গকিলোমিটার", "বর্গ কিলোমিটার", "ตารางกิโลเมตร", "ตร.กม.", "km²", "km2",
                              "kilômét vuông", "square kilometres", "square kilometers"),
    "area-square-meter": ("বর্গমিটার", "বর্গ মিটার", "ตารางเมตร", "ตร.ม.", "m²", "m2", "mét vuông",
                          "square metres", "square meters"),
    "area-hectare": ("হেক্টর", "เฮกตาร์", "héc-ta", "hecta", "ha", "hectares", "hectare"),
    "length-kilometer": ("কিলোমিটার", "কিমি", "กิโลเมตร", "กม.", "km", "kilômét", "kilometres", "kilometers"),
    "mass-tonne": ("মেট্রিক টন", "টন", "เมตริกตัน", "ตัน", "tấn", "tonnes", "tonne", "tons", "ton"),
    "mass-kilogram": ("কিলোগ্রাম", "কেজি", "กิโลกรัม", "กก.", "kilôgam", "kg", "kilograms"),
    POINTS: ("পয়েন্ট", "คะแนน", "điểm", "points", "point"),
    # a span of years, read "15 years", or with the words of an age around it an age (``_aged``). A
    # unit, not a count noun: "how many years" asks a duration, not a count to lift
    "duration-year": ("বছর", "ปี", "năm", "years", "year"),
    AGE: ("tuổi",),
}
_CURRENCY_WORDS = {
    "BDT": ("টাকা", "taka"),
    "CNY": ("ইউয়ান", "য়ুয়ান", "หยวน", "nhân dân tệ", "yuan", "CNY"),
    "EUR": ("ইউরো", "ยูโร", "euro", "euros", "EUR"),
    "THB": ("বাত", "บาท", "bạt", "baht", "THB"),
    "USD": ("মার্কিন ডলার", "ডলার", "ดอลลาร์สหรัฐ", "ดอลลาร์", "đô la Mỹ", "đô la", "USD", "US dollars", "dollars",
            "dollar"),
    "VND": ("ডং", "ด่ง", "ดอง", "đồng", "VND", "dong"),
}
# (unit, currency) of each word
_MEASURES = {_key(word): (unit, "") for unit, words in _UNIT_WORDS.items() for word in words} | \
    {_key(word): ("", code) for code, words in _CURRENCY_WORDS.items() for word in words}
# ডং নাই is Dong Nai province, "hợp đồng" a contract and "5 đồng nghiệp" five colleagues; "20 điểm
# bán hàng" are 20 points of sale, "5 điểm đến" five destinations, not points scored; "24/5 năm 2025"
# and "quý 3 năm nay" (the third quarter of this year) name a year, not a span of years
_NOT_A_MEASURE = re.compile(r"ডং[^\S\n]*নাই|đồng[^\S\n]+(?:nghiệp|bào|thời|hương|chí|đội)"
                            r"|năm[^\S\n]+(?:\d|nay|ngoái)"
                            r"|điểm[^\S\n]+(?:bán|đến|giao|du|thu|tập|cầu|nóng|danh|tin|mạnh|yếu|nhấn|khởi|xuất"
                            r"|trường|chốt|kiểm|dừng|sáng|đỗ)|points?[^\S\n]+of\b", re.IGNORECASE)
_MEASURE_WORD = _words(_MEASURES)
_PERCENT_BEFORE = re.compile(r"(?:ร้อยละ|শতকরা)[^\S\n]*$")  # ร้อยละ 37, শতকরা ৩৭ ভাগ: 37 per hundred
# "Over a hundred", "over a thousand": সহস্রাধিক প্রতিষ্ঠান is over a thousand firms
_MORE_THAN = {"শতাধিক": "100", "সহস্রাধিক": "1000", "হাজারাধিক": "1000", "লক্ষাধিক": "100000"}
_MORE_THAN_WORD = _words(_MORE_THAN)
# "More than" around a figure. Bengali writes it after the figure in the genitive: ২০টির বেশি
# (more than 20), ৪০ হাজার বর্গমিটারের বেশি; without the genitive, "১২৩ শতাংশ বেশি" is 123% more,
# a rise, so that is not read. Thai, Vietnamese and English write it before: มากกว่า 20, hơn 20,
# more than 20; Thai also after: 20 กว่า (twenty-odd). Vietnamese "trên 5" is also "on 5" (trên
# 5 nền tảng, on five platforms), so only "hơn" is read.
_MORE_AFTER = re.compile(
    rf"(?:[^\S\n]*(?:টি|টা|জন))?(?:[^\S\n]*-?এর|ের|(?:য\u09bc|\u09df)ের|র)ও?[^\S\n]*(?:বেশি|অধিক)(?![{_BENGALI_LETTER}])"
    r"|[^\S\n]*กว่า(?!ง)")  # not กว่างซี, Guangxi
_MORE_BEFORE = re.compile(r"(?:(?:มาก|เกิน)?กว่า|(?<![^\W\d_])(?:hơn|more than|over))[^\S\n]*$", re.IGNORECASE)
# "Or more" after a figure, the figure itself included: Bengali "১৫ বছর বা তার বেশি" (15 years or more),
# Thai "15 ปีขึ้นไป", Vietnamese "(từ) 15 tuổi trở lên", whose "từ" (from) is written before it
_AT_LEAST_AFTER = re.compile(_either_nukta(
    rf"[^\S\n]*বা[^\S\n]+(?:তদূর্ধ্ব|তদুর্ধ্ব|(?:তার|এর)ও?[^\S\n]*(?:বেশি|অধিক|ঊর্ধ্বে|উর্ধ্বে|ঊর্ধ্ব|উপরে))"
    rf"(?![{_BENGALI_LETTER}])|[^\S\n]*ขึ้นไป|[^\S\n]+trở[^\S\n]+lên(?!\w)"), re.IGNORECASE)
_FROM_BEFORE = re.compile(r"(?<![^\W\d_])từ[^\S\n]+$", re.IGNORECASE)
# Years that are an age: Bengali writes বয়সী (aged) or বয়সের (of age) after the years and their bound
# ("১৫ বছর বা তার বেশি বয়সী"), or বয়স (age) before them; Thai อายุ before ("อายุ 15 ปีขึ้นไป");
# Vietnamese counts an age in tuổi, a unit of its own
_AGE_AFTER = _words(("বয়সী", "বয়স্ক", "বয়স"))
_AGE_BEFORE = re.compile(_either_nukta(rf"(?:(?<![{_BENGALI_LETTER}])বয়স|อายุ(?:ตั้งแต่|ระหว่าง)?)[^\S\n]*$"))
# A count of the first in a ranking: Bengali "শীর্ষ ১০টি অঞ্চল" (the top 10 localities), "সেরা ১০";
# Vietnamese "top 10 tỉnh"; Thai "10 อันดับแรก" (the first 10 places)
_TOP_BEFORE = re.compile(rf"(?:(?<![{_BENGALI_LETTER}])(?:শীর্ষ|সেরা)|(?<![^\W\d_])top)[^\S\n]*$", re.IGNORECASE)
_TOP_AFTER = re.compile(r"[^\S\n]*อันดับแรก")
# The part of a month named alone: Bengali after it, in the genitive ("ডিসেম্বরের গোড়ার দিকে", early
# December; "মাঝামাঝি", mid; "শেষের দিকে", late), Thai before it ("ต้นเดือนธันวาคม", "กลางเดือน",
# "ปลายเดือน"), Vietnamese before it ("đầu tháng 12", "giữa", "cuối")
MonthPart = Literal["", "early", "mid", "late"]
_PART_AFTER = re.compile(_either_nukta(
    r"(?:ের|এর|র|য়ের)?ও?[^\S\n]*(?:(?P<early>গোড়ার[^\S\n]+দিকে|গোড়ায়|শুরুতে|শুরুর[^\S\n]+দিকে|প্রথম[^\S\n]+দিকে"
    r"|প্রথমভাগে)|(?P<mid>মাঝামাঝি(?:তে|[^\S\n]+সময়ে)?|মধ্যভাগে)|(?P<late>শেষের[^\S\n]+দিকে|শেষ[^\S\n]+দিকে|শেষদিকে"
    rf"|শেষভাগে|শেষে))(?![{_BENGALI_LETTER}])"))
_PART_BEFORE = re.compile(r"(?:(?:ช่วง)?(?:(?P<early>ต้น)|(?P<mid>กลาง)|(?P<late>ปลาย))เดือน"
                          r"|(?<![^\W\d_])(?:(?P<early_vi>đầu)|(?P<mid_vi>giữa)|(?P<late_vi>cuối)))[^\S\n]*$",
                          re.IGNORECASE)
_GAP = re.compile(r"[^\S\n]*")  # between a number and its word: a space, or none (৮৫%, 30 ล้านบาท)
_DAY_ENDING = re.compile(rf"(?:ই|{'|'.join(_DATE_ENDINGS)})?")  # ১৮ই, ২৪শে, ১লা: "the nth" of a month
_RANGE = re.compile(r"[^\S\n]*(?:[-–—]|থেকে|হতে|ถึง|đến|to)[^\S\n]*")  # ২৪ থেকে ২৫ মে, 24–25 May
_COUNTS = ("number", "scaled", "grouped")  # kinds of number a unit may follow
# What a Bengali ordinal ranks, by the word after it: a place ("৭ম স্থানে", 7th place), a year
# ("৯ম বছর", the 9th year), a time or edition ("৫ম বার", the 5th time). Read without it, "৭ম =
# thứ 7" was a Saturday to a Vietnamese reader (a blind user test)
_ORDINAL_NOUNS = {
    "স্থান": "rank", "অবস্থান": "rank", "র‍্যাঙ্ক": "rank", "র‌্যাঙ্ক": "rank", "র্যাঙ্ক": "rank",
    "বছর": "year", "বর্ষ": "year",
    "বার": "time", "সংস্করণ": "time", "আসর": "time", "অধিবেশন": "time",
}
_ORDINAL_NOUNS = {_key(word): of for word, of in _ORDINAL_NOUNS.items()}
_ORDINAL_NOUN_WORD = _words(_ORDINAL_NOUNS)
# An ordinal in a run without a break: "টানা ৯ম বছর", the 9th year in a row
_RUNNING_BEFORE = re.compile(rf"(?<![{_BENGALI_LETTER}])(?:একটানা|টানা|পরপর|ধারাবাহিকভাবে)[^\S\n]*$")
_SENTENCE_BREAK = re.compile(r"[।!?]|\.\s")
# What a plain count counts, by the noun after it (``index.count_nouns``): "35 ประเทศ", "৫০টি বুথ"
_COUNTED = {_key(word): noun for noun, words in COUNT_NOUNS.items() for word in words}
_COUNT_WORD = _words(_COUNTED)
# A Bengali classifier between a count and its noun: ৫০টি বুথ, ৫ জন কর্মকর্তা (not জনসংখ্যা)
_CLASSIFIER = re.compile(rf"[^\S\n]*(?:টি|টা|জন)(?![{_BENGALI_LETTER}])")
# Words a Bengali count with টি or টা may put before its noun, qualifying it: "১১টি কৃত্রিম বুদ্ধিমত্তা
# প্রশিক্ষণ কোর্সের" (11 artificial-intelligence training courses) read "১১ = 11" (a blind user test).
# The classifier says a noun follows, so the first noun of ours within three words is the one
# counted; জন, alone, counts people already. Each word whole (ই-কর্মাস), one space apart; not "and",
# nor a word ending as a verb or a case does (করেছে, হয়, করেন, জেলার, মেলায়: "৫টি জেলার প্রতিষ্ঠান" is
# the firms of 5 districts), nor a comma, bracket, digit or sentence end between
_QUALIFIERS = 6  # "২০টির বেশি আন্তঃসীমান্ত ই-কর্মাস সরবরাহ চেইন লজিস্টিক স্টোরেজ ব্যবসায়িদের": six words on
# a word opens on a letter, not on a sign: "মিলিয়নেরও বেশি" is the scale word's ending, no word of its own
_QUALIFIER = re.compile(
    rf"[\u0985-\u09b9\u09ce\u09dc-\u09e1\u09f0\u09f1][{_BENGALI_LETTER}]*(?:-[{_BENGALI_LETTER}]+)*[^\S\n]+")
# How a verb or a case-marked word ends (করে, করেন, হয়, দেয়; জেলার, দেশের, মেলায়): not a qualifier.
# An adjective's ীয় or িয় (দেশীয়, domestic; সক্রিয়, active) is one
_PHRASE_ENDS = re.compile("(?:\u09c7|\u09c7\u09a8|\u09b0|(?<![\u09c0\u09bf])(?:\u09df|\u09af\u09bc)|এবং|^ও)$")
# A genitive of size, kind or quality is an adjective, not whose the noun is: "ছোট আকারের প্রতিষ্ঠান" (small-sized
# firms), "বিভিন্ন ধরনের পণ্য" (products of various kinds), "উচ্চ মানের" (high-quality)
_KIND_GENITIVE = re.compile(r"(?:আকার|ধরন|ধরণ|রকম|প্রকার|মান|মাপ)ের$")
# "and" between two qualifiers joins them: "মাঝারি ও ছোট আকারের প্রতিষ্ঠান", medium and small-sized firms
_QUALIFIER_AND = re.compile(r"(?:ও|এবং)[^\S\n]+")
_COUNTS_A_NOUN = re.compile(r"[^\S\n]*(?:টি|টা)")  # the classifiers a qualified noun may follow
# "and" after a count's noun: "২০টির বেশি প্রদেশ ও শহর", "35 quốc gia và vùng lãnh thổ" count two kinds
_AND = re.compile(rf"[^\S\n]*(?:(?:ও|এবং)(?![{_BENGALI_LETTER}])|และ|(?:và|and)(?!\w))[^\S\n]*")
OrdinalOf = Literal["", "rank", "year", "time"]

FigureKind = Literal["number", "era_year", "scaled", "ordinal", "grouped", "date", "month", "more_than"]


class Figure(NamedTuple):
    """A figure of a quote as written, with what it counts, for a reader of another language:
    ``value`` and ``kind`` as a ``Reading``'s, and a CLDR ``unit`` ("১২৩ শতাংশ": "concentr-percent";
    "৪০ হাজার বর্গমিটার": value "40000", "area-square-meter") or an ISO 4217 ``currency`` ("30
    ล้านบาท": "THB"); a "date", its day as value and its ``month`` ("২৪শে মে": "24", 5), a range of
    days ending on ``to`` ("২৪ থেকে ২৫ মে": "24", to "25"), as does a range of numbers
    ("৪০-৫০টি": "40", to "50"); a "month" named alone, with no value ("ডিসেম্বর": 12);
    "more_than", a number word ("সহস্রাধিক", over a thousand: "1000"); ``more``, a count written
    as a lower bound ("২০টির বেশি", "มากกว่า 30 ล้านบาท": more than 20, 30 million); ``counts``,
    the key in ``index.count_nouns`` of the noun a plain count counts ("35 ประเทศ": "country",
    "৫০টি বুথ": "booth", "มากกว่า 6,000 ราย": "person", more); ``classifier``, that of a generic Thai
    classifier it is written with, whose noun is the one before the number ("องค์กรมากกว่า 400
    แห่ง": counts "organisation", classifier "site"; "ร้านค้าในประเทศ 50 แห่ง": counts ""); ``also``, a second
    noun after "and" ("২০টির বেশি প্রদেশ ও শহর": "province" and "city"); ``at_least``, a bound the
    figure is part of ("১৫ বছর বা তার বেশি", 15 years or more), with the ``unit`` ``AGE`` an age
    ("১৫ বছর বা তার বেশি বয়সী", aged 15 and over); ``top``, a count of the first of a ranking ("শীর্ষ
    ১০টি অঞ্চল", the top 10 localities); ``part``, the part of a month named alone ("ডিসেম্বরের গোড়ার
    দিকে", early December: "early")."""

    written: str
    value: str
    kind: FigureKind
    unit: str = ""
    currency: str = ""
    month: int = 0
    to: str = ""
    more: bool = False
    of: OrdinalOf = ""  # what an "ordinal" ranks: a "rank" (place), a "year", a "time"; "" unknown
    running: bool = False  # an ordinal of a run without a break ("টানা ৯ম বছর", the 9th year in a row)
    counts: str = ""  # what a count counts, a key of ``index.count_nouns``; "" unknown
    classifier: str = ""  # the key of a generic classifier counting it (แห่ง: "site"); "" none
    also: str = ""  # a second noun the count counts, after "and" ("প্রদেশ ও শহর": "city"); "" none
    at_least: bool = False  # "or more", the figure included ("১৫ বছর বা তার বেশি", "15 ปีขึ้นไป")
    top: bool = False  # a count of the first of a ranking ("শীর্ষ ১০টি অঞ্চল", the top 10 localities)
    part: MonthPart = ""  # the part of a month named alone ("ডিসেম্বরের গোড়ার দিকে": "early")


class _Found(NamedTuple):
    """Where a figure stands in a text; ``figure`` None for a plain ASCII number, read as written."""

    start: int
    end: int
    figure: Figure | None


def figures(text: str, thai: bool = False, decimal_comma: bool = False) -> list[Figure]:
    """The figures of ``text`` a reader of another language needs read out: those of
    ``ascii_readings``, each with the unit, percent or currency it counts ("১২৩ শতাংশ", "30
    ล้านบาท"), days with their month ("১৮ আগস্টে", "২৪ থেকে ২৫ মে"), months named alone
    ("ডিসেম্বরের") and Bengali number words ("সহস্রাধিক"), each count with the noun after it
    ("৫০টি বুথ"); an ASCII number only where what it counts is written in words of Bengali, Thai
    or Vietnamese ("37 เปอร์เซ็นต์", "12 tấn", "35 ประเทศ": a Thai paragraph of counts got no
    reading at all)."""
    # a word matched without case ("Tháng 8") is a key, bar letters that fold otherwise ("İ" matches i)
    months = {match.start(): match for match in _MONTH_WORD.finditer(text) if _key(match.group()) in _MONTHS}
    # the 8 of Vietnamese "tháng 8" (August) is part of the month's name
    spans = [span for span in _number_spans(text, thai, decimal_comma)
             if not any(month.start() <= span.start < month.end() for month in months.values())]
    found: list[_Found] = []
    for n, span in enumerate(spans):
        if found and span.start < found[-1].end:
            continue  # the last day of a range, read with the first
        found.append(_date(text, spans[n:n + 2], months) or _top(text, span, _more(text, _range(text, spans[n:n + 2]))))
    found += [alone for alone in _months_alone(text, months.values())
              if not any(item.start <= alone.start < item.end for item in found)]
    found += _more_than(text)
    found = _ordinals_share_their_noun(text, sorted(found, key=lambda item: item.start))
    return [item.figure for item in found if item.figure and not _labels_a_word(text, item)]


# A version written after the word it labels: "Market 4.0", "মার্কেট ৪.০", "Industry 4.0", "Web 3.0"
# are names, yet a user test's Figures line read "৪.০ = 4.0", and "4,0" to a Vietnamese reader, a
# decimal. Only N.0 right after a word, with nothing measured after it ("৪.০ শতাংশ", "hơn 4.0" stay
# figures); a Latin word must be capitalised as a name is ("Chợ 4.0", not "grew 4.0"). Bengali and
# Thai have no capitals, and their writers put decimals in figures, not N.0 after a word
_VERSION = re.compile(r"\d+\.0")
_WORD_BEFORE = re.compile(r"(\S+)[^\S\n]?$")
_SCRIPT_LETTER = re.compile(rf"[{_BENGALI_LETTER}\u0e01-\u0e4e]")  # Bengali and Thai letters and signs


def _labels_a_word(text: str, item: _Found) -> bool:
    """Whether ``item`` is a version label of the word before it ("মার্কেট ৪.০"), no figure."""
    figure = item.figure
    if not figure or figure.kind not in ("number", "grouped") or not _VERSION.fullmatch(to_ascii_digits(figure.written)) \
            or figure.unit or figure.currency or figure.counts or figure.more or figure.to:
        return False
    before = _WORD_BEFORE.search(text, max(0, item.start - 40), item.start)
    word = before.group(1) if before else ""
    if _SCRIPT_LETTER.fullmatch(word[-1:]):
        return True
    return word[-1:].isalpha() and word[:1].isupper()


def _ordinals_share_their_noun(text: str, found: list[_Found]) -> list[_Found]:
    """``found`` with an ordinal that names nothing after it taking the noun of the next ordinal
    of its sentence: "(B2C) ৬ষ্ঠ এবং … (B2B) ৭ম স্থানে" is 6th and 7th place."""
    shared = list(found)
    for n in range(len(shared) - 2, -1, -1):
        item = shared[n]
        if item.figure is None or item.figure.kind != "ordinal" or item.figure.of:
            continue
        after = next((other for other in shared[n + 1:] if other.figure and other.figure.kind == "ordinal"), None)
        if after and after.figure.of and not _SENTENCE_BREAK.search(text, item.end, after.start):
            shared[n] = item._replace(figure=item.figure._replace(of=after.figure.of))
    return shared


def _date(text: str, spans: list[_Span], months: dict[int, re.Match[str]]) -> _Found | None:
    """The day in ``spans[0]`` and the month after it ("১৮ আগস্টে", "২৪শে মে"), or the days from
    ``spans[0]`` to ``spans[1]`` and their month ("২৪ থেকে ২৫ মে"); None where no month follows."""
    first, last = spans[0], spans[-1]
    if not _is_day(first):
        return None
    if month := _month_after(text, first, months):
        return _found(first, first.start, month.end(), _date_figure(text, first, month))
    dash = _RANGE.match(text, first.end)
    if last is first or not (dash and dash.end() == last.start and _is_day(last)):
        return None
    if month := _month_after(text, last, months):
        return _found(first, first.start, month.end(), _date_figure(text, first, month)._replace(to=last.reading.value))
    return None


def _range(text: str, spans: list[_Span]) -> _Found:
    """The number in ``spans[0]`` with what it counts, or the range from it to ``spans[1]`` with
    what that counts ("৪০-৫০টি", 40 to 50; "১০ থেকে ১২ শতাংশ", 10 to 12 percent): read apart, "৪০
    = 40 · ৫০ = 50" looked like two figures (a user test). A scale word after the last counts the
    first too: "৪০-৫০ হাজার" is 40,000 to 50,000."""
    first, last = spans[0], spans[-1]
    dash = _RANGE.match(text, first.end)
    if last is first or not dash or dash.end() != last.start \
            or first.reading.kind != "number" or last.reading.kind not in ("number", "scaled") \
            or _RANGE.match(text, last.end) or text[:first.start].rstrip().endswith(("-", "–", "—")) \
            or not _ascending(first.reading.written, last.reading.written):
        return _measure(text, first)  # "18-08-2024" is a date, "5-3" a score: no range
    value = first.reading.value
    if last.reading.kind == "scaled":
        scale = _SCALE_AFTER.search(last.reading.written)
        value = _scaled(value, scale.group(1)) if scale else None
        if value is None:
            return _measure(text, first)
    end = _measure(text, last, first.start)
    figure = Figure(text[first.start:end.end], value, last.reading.kind, end.figure.unit, end.figure.currency,
                    to=last.reading.value, counts=end.figure.counts, classifier=end.figure.classifier) \
        if end.figure else None
    if figure is None or (first.plain and figure.written.isascii()):
        return _Found(first.start, end.end, None)  # "40-50 tons": read as written
    return _Found(first.start, end.end, figure)


def _ascending(first: str, last: str) -> bool:
    """Whether the number ``first`` opens with (as written, in any digits) is below ``last``'s;
    False where either is no number we can read ("১.১.১")."""
    low, high = (_NUMBER.match(to_ascii_digits(number)) for number in (first, last))
    low, high = (_plain_number(match.group(), decimal_comma=False) if match else None for match in (low, high))
    return low is not None and high is not None and Decimal(low) < Decimal(high)


def _is_day(span: _Span) -> bool:
    reading = span.reading
    day = reading.kind == "number" or reading.kind == "ordinal" and reading.written.endswith(_DATE_ENDINGS)
    return day and reading.value.isdigit() and 1 <= int(reading.value) <= 31


def _month_after(text: str, span: _Span, months: dict[int, re.Match[str]]) -> re.Match[str] | None:
    return months.get(_GAP.match(text, _DAY_ENDING.match(text, span.end).end()).end())


def _date_figure(text: str, day: _Span, month: re.Match[str]) -> Figure:
    return Figure(text[day.start:month.end()], day.reading.value, "date", month=_MONTHS[_key(month.group())])


def _measure(text: str, span: _Span, opens: int | None = None) -> _Found:
    """The number in ``span`` with the unit or currency after it ("১২৩ শতাংশ", "30 ล้านบาท"), the
    percent before it ("ร้อยละ 37") or, failing those, the noun it counts ("35 ประเทศ", "৫০টি বুথ",
    "২০টির বেশি দেশ", more than 20 countries), for a generic classifier the noun before the figure,
    which ``opens`` at the first number of a range ("องค์กรมากกว่า 400 แห่ง", 400 organisations)."""
    reading, start, end = span.reading, span.start, span.end
    unit = currency = counts = classifier = also = ""
    more = at_least = False
    if reading.kind == "ordinal" and not reading.written.endswith(_DATE_ENDINGS):
        return _ordinal(text, span)
    if reading.kind in _COUNTS:
        after = _GAP.match(text, end).end()
        word = _MEASURE_WORD.match(text, after)
        if word and _key(word.group()) in _MEASURES and not _NOT_A_MEASURE.match(text, after):
            (unit, currency), end = _MEASURES[_key(word.group())], word.end()
            if unit in ("duration-year", AGE) and (aged := _aged(text, start if opens is None else opens, end)):
                unit, start, end, more, at_least = AGE, *aged
        elif before := _PERCENT_BEFORE.search(text, max(0, start - 12), start):
            unit, start = PERCENT, before.start()
        # a scale word says, as a classifier does, that the noun may stand past words qualifying it
        elif counted := _counted(text, end, qualified=reading.kind == "scaled"):
            counts, end, also, more = counted
            if text.endswith(GENERIC_CLASSIFIERS, 0, end):  # "120 แห่ง" counts pavilions, or bases
                classifier, counts = counts, thai_noun_before(text, start if opens is None else opens)
    return _found(span, start, end, Figure(text[start:end], reading.value, reading.kind, unit, currency,
                                           more=more, counts=counts, classifier=classifier, also=also,
                                           at_least=at_least))


def _aged(text: str, start: int, end: int) -> tuple[int, int, bool, bool] | None:
    """Where the years from ``start`` (a range's first number) to ``end`` read as an age begin and
    end, with the words of an age around them, and whether a lower bound (more than, or more) is
    part of it: "১৫ বছর বা তার বেশি বয়সী", "১৫ বছরের বেশি বয়সী", "อายุ 15 ปีขึ้นไป", "từ 15 tuổi trở
    lên"; None for years of time."""
    bound = _AT_LEAST_AFTER.match(text, end) or _MORE_AFTER.match(text, end)
    past = bound.end() if bound else end
    if age := _AGE_AFTER.match(text, _GAP.match(text, past).end()):
        end = age.end()
    elif before := _AGE_BEFORE.search(text, max(0, start - 20), start):
        start, end = before.start(), past
    elif text[start:end].endswith("tuổi"):  # Vietnamese's unit of age
        end = past
    else:
        return None
    at_least = bool(bound and bound.re is _AT_LEAST_AFTER)
    if at_least and (since := _FROM_BEFORE.search(text, max(0, start - 8), start)):
        start = since.start()
    return start, end, bool(bound and bound.re is _MORE_AFTER), at_least


def _counted(text: str, end: int, qualified: bool = False) -> tuple[str, int, str, bool] | None:
    """The noun a count ending at ``end`` counts, where it ends, a second noun "and" joins to it,
    and whether a lower bound stands between them ("২০টির বেশি দেশ", "20 กว่าราย": more than 20
    countries, people); None for none. ``qualified``: the noun may stand past words qualifying it."""
    if noun := _count_noun(text, end, qualified):
        return (*noun, False)
    if (more := _MORE_AFTER.match(text, end)) \
            and (noun := _count_noun(text, more.end(), qualified or bool(_COUNTS_A_NOUN.match(more.group())))):
        return (*noun, True)  # "২০টিরও বেশি নতুন পণ্য": qualified past "টির বেশি" too
    return None


def _count_noun(text: str, end: int, qualified: bool = False) -> tuple[str, int, str] | None:
    """The key of the noun right after ``end`` (past a Bengali classifier: "৫০টি বুথ", and the
    words qualifying the noun after টি: "১১টি … প্রশিক্ষণ কোর্স"; ``qualified``: a classifier or a
    scale word stood before ``end``), where it ends, its case ending left out ("১০টি অঞ্চলে": "অঞ্চল"),
    and the key of a Bengali noun "and" joins to it ("২০টির বেশি প্রদেশ ও শহর", provinces and cities),
    or ""; None where none follows, or where "and" joins a Thai or Vietnamese noun to another ("35
    quốc gia và vùng lãnh thổ": their nouns take words after them, so the second may be part of
    another noun, vùng lãnh thổ, territory, while a Bengali noun phrase ends on its noun)."""
    noun = None
    if classifier := _CLASSIFIER.match(text, end):  # "৫ জন কর্মকর্তা": officials, not people
        qualified = bool(_COUNTS_A_NOUN.match(classifier.group()))
        noun = _noun_past(text, _GAP.match(text, classifier.end()).end(), _QUALIFIERS if qualified else 0)
    elif qualified:
        noun = _noun_past(text, _GAP.match(text, end).end(), _QUALIFIERS)
    noun = noun or _noun_at(text, _GAP.match(text, end).end())  # "৫ জন" counts people
    if noun and (joined := _AND.match(text, noun[1])) and (second := _noun_at(text, joined.end())):
        bengali = all(re.match(f"[{_BENGALI_LETTER}]", text[at]) for at in (noun[1] - 1, joined.end()))
        return (noun[0], second[1], second[0]) if bengali and second[0] != noun[0] else None
    return (*noun, "") if noun else None


def _noun_past(text: str, at: int, qualifiers: int) -> tuple[str, int] | None:
    """The count noun at ``at`` or past up to ``qualifiers`` words qualifying it, and where it ends;
    "and" between two of them ("মাঝারি ও ছোট আকারের") counts as none."""
    passed = 0
    while passed <= qualifiers:
        if noun := _noun_at(text, at):
            return noun
        if passed and (joined := _QUALIFIER_AND.match(text, at)):
            at = joined.end()
            continue
        word = _QUALIFIER.match(text, at)
        ends = word.group().rstrip() if word else ""
        if not word or (_PHRASE_ENDS.search(ends) and not _KIND_GENITIVE.search(ends)):
            return None
        at, passed = word.end(), passed + 1
    return None


def _noun_at(text: str, at: int) -> tuple[str, int] | None:
    """The count noun at ``at`` and where it ends; only at ``at``, as Thai writes words together
    ("แห่งชาติ", national, begins with แห่ง and is none)."""
    word = _COUNT_WORD.match(text, at)
    if not word or _key(word.group()) not in _COUNTED or NOT_A_COUNT.match(text, at):
        return None
    return _COUNTED[_key(word.group())], word.end()


def _ordinal(text: str, span: _Span) -> _Found:
    """The ordinal in ``span`` with what it ranks after it ("৭ম স্থান", "৯ম বছর") and a run's
    "টানা" (in a row) before it; the case ending stays out, as a month's does ("স্থানে": "স্থান")."""
    reading, start, end = span.reading, span.start, span.end
    of: OrdinalOf = ""
    if (word := _ORDINAL_NOUN_WORD.match(text, _GAP.match(text, end).end())) and _key(word.group()) in _ORDINAL_NOUNS:
        of, end = _ORDINAL_NOUNS[_key(word.group())], word.end()
    running = _RUNNING_BEFORE.search(text, max(0, start - 20), start)
    if running:
        start = running.start()
    return _Found(start, end, Figure(text[start:end], reading.value, "ordinal", of=of, running=bool(running)))


def _more(text: str, item: _Found) -> _Found:
    """``item`` with the "more than" ("২০টির বেশি", "hơn 20") or the "or more" ("১০০ জন বা তার বেশি",
    "từ 100 người trở lên") written around it, if any."""
    figure = item.figure
    # "more than 5-6 million": no reading; "২০টির বেশি দেশ" has its "more than" from ``_counted``
    if figure is None or figure.kind not in _COUNTS or figure.to or figure.more or figure.at_least:
        return item
    start, end = item.start, item.end
    if least := _AT_LEAST_AFTER.match(text, end):
        since = _FROM_BEFORE.search(text, max(0, start - 8), start)
        start, end = since.start() if since else start, least.end()
        return _Found(start, end, figure._replace(written=text[start:end], at_least=True))
    if after := _MORE_AFTER.match(text, end):
        end = after.end()
    elif before := _MORE_BEFORE.search(text, max(0, start - 12), start):
        start = before.start()
    else:
        return item
    return _Found(start, end, figure._replace(written=text[start:end], more=True))


def _top(text: str, span: _Span, item: _Found) -> _Found:
    """``item`` as a count of the first of a ranking, where the text says so ("শীর্ষ ১০টি অঞ্চল", "10
    อันดับแรก": the top 10); a plain ASCII number becomes a figure by it."""
    figure = item.figure or Figure(span.reading.written, span.reading.value, span.reading.kind)
    if item.figure is None and not (span.plain and item.end == span.end) or figure.kind not in _COUNTS \
            or figure.to or figure.unit or figure.currency or figure.top:
        return item
    start, end = item.start, item.end
    if before := _TOP_BEFORE.search(text, max(0, start - 12), start):
        start = before.start()
    elif after := _TOP_AFTER.match(text, end):
        end = after.end()
    else:
        return item
    if text[start:end].isascii():
        return item  # "top 10": read as written
    return _Found(start, end, figure._replace(written=text[start:end], top=True))


def _found(span: _Span, start: int, end: int, figure: Figure) -> _Found:
    """``figure``, written from ``start`` to ``end`` around the number in ``span``; none for a
    plain ASCII number whose words are ASCII too: a reader of any of our languages reads "85%",
    "18 May", "12 tons" as written."""
    if span.plain and figure.written.isascii():
        return _Found(span.start, span.end, None)
    return _Found(start, end, figure)


def _months_alone(text: str, months: Iterable[re.Match[str]]) -> list[_Found]:
    """Months named without a day, with the part of the month where one is named ("ডিসেম্বরের গোড়ার
    দিকে", early December; "ปลายเดือนธันวาคม", late December)."""
    found = []
    for match in months:
        if not _names_a_month_alone(match.group()):
            continue
        start, end, part = match.start(), match.end(), ""
        if words := _PART_AFTER.match(text, end) or _PART_BEFORE.search(text, max(0, start - 16), start):
            part = next(name.partition("_")[0] for name, said in words.groupdict().items() if said)
            start, end = min(start, words.start()), max(end, words.end())
        month = _MONTHS[_key(match.group())]
        found.append(_Found(start, end, Figure(text[start:end], "", "month", month=month, part=part)))
    return found


def _names_a_month_alone(name: str) -> bool:
    """Not an English name, which every reader of ours reads ("May" is also a verb), nor মে, whose
    two letters begin other Bengali words, nor a Thai abbreviation, which names other things too
    (ก.พ., the civil service commission)."""
    return not name.isascii() and len(name) > 2 and "." not in name


def _more_than(text: str) -> list[_Found]:
    """Bengali number words, with the noun they count ("সহস্রাধিক প্রতিষ্ঠান", over a thousand firms)."""
    found = []
    for match in _MORE_THAN_WORD.finditer(text):
        counts, end, also = _count_noun(text, match.end()) or ("", match.end(), "")
        figure = Figure(text[match.start():end], _MORE_THAN[_key(match.group())], "more_than", counts=counts, also=also)
        found.append(_Found(match.start(), end, figure))
    return found


def number_forms(text: str, thai: bool = False) -> list[frozenset[str]]:
    """Each number in ``text`` as the ASCII forms it may take (see ``number_mentions``)."""
    return [forms for _, forms in number_mentions(text, thai)]


def numbers_in(text: str, thai: bool = False) -> frozenset[str]:
    """The numbers in ``text`` as ASCII strings; for Thai text, BE years also as CE years."""
    return frozenset().union(*number_forms(text, thai))

"""Numbers the bot writes, as each reply language writes them: digits, ordinals, grouping.

Bengali writes its own digits ("[১]", "(৫টি)"), the others ASCII (Thai news, too, writes Arabic
digits); quoted article text keeps the digits it was written in. Grouping and decimal marks follow
CLDR's patterns through Babel.
"""

from __future__ import annotations

from decimal import Decimal

from babel import Locale
from babel.numbers import format_compact_decimal, format_decimal, get_decimal_symbol

from .locales import reply_lang

_BENGALI_DIGITS = str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯")


def local_digits(number: object, lang: str) -> str:
    """A number the bot writes ("5", "12.3", "2025-01-31 10:00") in ``lang``'s digits: Bengali's own
    ("৫", a user test read "(5টি)" as out of place), ASCII for the others. Never for quoted article
    text, nor for anything a machine reads (callback data, ids)."""
    text = str(number)
    return text.translate(_BENGALI_DIGITS) if reply_lang(lang) == "bn" else text


# An ordinal with what it ranks ("" where that is not known): a place, a year, a time. Vietnamese
# "thứ 7" alone is Saturday (a blind user test read "৭ম = thứ 7" so): a place is "hạng 7", and an
# ordinal ranking nothing known is read as one too, as such an ordinal in news mostly is (the
# "৬ষ্ঠ" of "৬ষ্ঠ এবং ৭ম স্থানে", 6th and 7th place; "২য় বৃহত্তম", 2nd largest); a year is "năm thứ 9"
_ORDINALS = {
    "en": {"": "{nth}", "rank": "{nth} place", "year": "{nth} year", "time": "{nth} time"},
    "bn": {"": "{nth}", "rank": "{nth} স্থান", "year": "{nth} বছর", "time": "{nth} বার"},
    "th": {"": "ที่ {n}", "rank": "อันดับที่ {n}", "year": "ปีที่ {n}", "time": "ครั้งที่ {n}"},
    "vi": {"": "hạng {n}", "rank": "hạng {n}", "year": "năm thứ {n}", "time": "lần thứ {n}"},
}
# an ordinal of a run without a break: "টানা ৯ম বছর", the 9th year in a row
_IN_A_ROW = {"en": "{ordinal} in a row", "bn": "টানা {ordinal}", "th": "{ordinal} ติดต่อกัน",
             "vi": "{ordinal} liên tiếp"}
# Bengali writes the first ten with their own endings (১ম, ২য়, ৪র্থ, ৬ষ্ঠ, as the seed articles' "৭ম
# স্থান"), "তম" only from 11 on: "৭তম" reads as a foreigner's Bengali
_BENGALI_FIRST_TEN = {1: "ম", 2: "য়", 3: "য়", 4: "র্থ", 5: "ম", 6: "ষ্ঠ", 7: "ম", 8: "ম", 9: "ম", 10: "ম"}


def ordinal(n: int, lang: str, of: str = "", running: bool = False) -> str:
    """An ordinal as ``lang`` writes it, with what it ranks (``of``: "rank", "year", "time", or ""
    where unknown) and, with ``running``, as a run's ("in a row"): "7th", "7th place", "9th year in
    a row", "hạng 7", "năm thứ 9 liên tiếp", "อันดับที่ 7", "ที่ 7", "৭ম স্থান", "21তম"."""
    lang = reply_lang(lang)
    if lang == "en":
        nth = f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"
    elif lang == "bn":
        nth = f"{n}{_BENGALI_FIRST_TEN[n]}" if n in _BENGALI_FIRST_TEN else f"{n}তম"
    else:  # Thai and Vietnamese put their word before the number: their forms read {n}
        nth = str(n)
    written = _ORDINALS[lang].get(of, _ORDINALS[lang][""]).format(n=n, nth=nth)
    return _IN_A_ROW[lang].format(ordinal=written) if running else written


# Babel's locale for each reply language: English as Britain writes it, the day before the month
# as our other languages and the articles write dates ("18 August"), and "tonne", not "metric ton"
_BABEL_LOCALES = {"en": "en_GB"}


def babel_locale(lang: str) -> str:
    """The Babel (CLDR) locale whose numbers, dates and units a reply in ``lang`` uses."""
    return _BABEL_LOCALES.get(reply_lang(lang), reply_lang(lang))


def number_pattern(value: str, locale: str) -> str:
    """``locale``'s number pattern ("#,##,##0" in Bengali) with as many decimals as ``value`` has:
    "17.80" dollars keep their 0, which CLDR's pattern would drop."""
    whole = Locale.parse(locale).decimal_formats[None].pattern.partition(".")[0]
    fraction = value.partition(".")[2]
    return f"{whole}.{'0' * len(fraction)}" if fraction else whole


def group_digits(number: str, lang: str, group: bool = True) -> str:
    """A plain ASCII number ("56000", "1250.5") with thousands grouped as ``lang`` writes them
    (CLDR's patterns): "56,000", in Vietnamese "56.000", in Bengali by lakh and crore as
    Bangladeshi papers do ("1,20,000", the seed articles' "১,২০,০০০"); with ``group=False`` only
    the decimal mark changes ("2025", "13,3")."""
    locale = babel_locale(lang)
    whole, _, fraction = number.partition(".")
    if not (whole.isdigit() and group):
        return f"{whole}{get_decimal_symbol(locale)}{fraction}" if fraction else whole
    return format_decimal(Decimal(number), number_pattern(number, locale), locale=locale)


# The least number each language says with a scale word past its thousands: a million ("1.3 million",
# "1,3 triệu", "1.3 ล้าน"), in Bengali a lakh, as Bangladeshi papers count ("১৩ লাখ", "৩ কোটি")
_SCALE_WORDS_FROM = {"en": 10**6, "vi": 10**6, "th": 10**6, "bn": 10**5}
_SCALE_DECIMALS = 6  # enough for any figure news writes with a scale word: "১.২৫ মিলিয়ন" is 12.5 লাখ


def scale_words(number: str, lang: str) -> str:
    """A plain ASCII number ("1300000") as ``lang`` says it, with CLDR's scale word from a million
    on (a lakh in Bengali): "1.3 million", "1,3 triệu", "1.3 ล้าน", "13 লাখ"; below, its digits
    grouped ("56,000"). A blind user test's Vietnamese reader was shown "১.৩ মিলিয়ন" as "1.300.000"."""
    lang = reply_lang(lang)
    if Decimal(number) < _SCALE_WORDS_FROM[lang]:
        return group_digits(number, lang)
    return format_compact_decimal(Decimal(number), format_type="long", locale=babel_locale(lang),
                                  fraction_digits=_SCALE_DECIMALS)

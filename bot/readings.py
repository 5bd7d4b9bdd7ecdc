"""The "Figures" line under a quote in another language: its numbers as the reader writes them.

Quotes stay verbatim, and the figure is what most questions ask for, yet a reader of another
script cannot read ৫৬ হাজার or know that 2563 is 2020. Words (months, units, currencies, percent)
come from Babel (CLDR), so each reply language reads them in its own.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from babel import Locale
from babel.dates import format_date, get_month_names, tokenize_pattern, untokenize_pattern
from babel.numbers import format_currency, format_decimal, format_percent
from babel.units import format_unit

from index import AGE, PERCENT, POINTS, Figure, as_asked, figures, letter_romanized, person_names, romanized

from .i18n import STRINGS, babel_locale, group_digits, local_digits, number_pattern, ordinal, scale_words, t

_READINGS = 6  # numbers read out under a quote, at most
_NAMES = 3  # names read out under a quote, at most


class Readings(NamedTuple):
    """A quote's figures as the reader writes them ("৫৬ হাজার = 56,000"), those of its best
    sentence first: ``items[:lead]``."""

    items: tuple[str, ...]
    lead: int = 0


def figure_readings(quoted: str, quote_lang: str, lang: str, first: str = "",
                    measures: Collection[str] = ()) -> Readings:
    """For a quote in another language: its figures as the reader writes them, in their digits
    ("১২৩ = 123"), with their scale word ("৫৬ হাজার = 56,000", from a million on the reader's: "১.৩
    মিলিয়ন = 1.3 million, 1,3 triệu"), ordinal ending and the place, year or
    time it ranks ("৭ম স্থান = 7th place", "টানা ৯ম বছর = 9th year in a row"), a score's points, the
    unit, percent or currency they count ("১২৩ শতাংশ = 123%", "৪০ হাজার বর্গমিটার = 40,000 square
    metres"), the noun a count counts ("35 ประเทศ = 35 countries", "৫০টি বুথ = 50 booths"), a date's
    month ("২৪ থেকে ২৫ মে = 24–25 May"), a month named alone and its part ("ডিসেম্বরের গোড়ার দিকে =
    early December"), a number word ("সহস্রাধিক = more than 1,000"), a lower bound ("২০টির বেশি = more
    than 20"), an age ("১৫ বছর বা তার বেশি বয়সী = aged 15 and over"), the top of a ranking, a Thai Buddhist-era
    year in the common era ("2563 = 2020"), and numbers whose separators the reader reads otherwise
    ("14,500 = 14.500" for a Vietnamese reader of English).
    Quotes stay verbatim, and the figure is what most questions ask for, yet a reader of another
    script cannot read ৫৬ হাজার, know 2563, or tell "১৮" from "18 August" (a user test). A Bengali
    reader gets Bengali digits, lakhs and crores ("30 ล้าน = ৩ কোটি", "1,200 = ১,২০০"), and Bengali names.
    A figure the quote states again for another thing is read once and says so ("৭ম স্থান = 7th place
    (2 times)"); a reading that would be the written number itself ("10 แห่ง = 10") is left out.

    The figures of ``first`` (the quote's best sentence, the one that answers) lead, so that the
    answer's figure comes first and is never the one past the limit: a quote's opening sentence
    often gives only its event's date ("২০২৪ = 2024 · ১৮ আগস্ট = 18 August" before the visitors).
    Of those, the figures of what the question asks the figure of (``measures``, as
    ``index.asked_measures`` reads them: a score, a streak, a rank) come first: the sentence giving
    Đồng Nai's 13.3 points opens with the report's year ("২০২৫ = 2025 · ১৩.৩ পয়েন্ট = 13.3 points")."""
    if quote_lang == lang:
        return Readings(())
    lead = _readings(first, quote_lang, lang, measures) if first else {}
    every = _readings(quoted, quote_lang, lang)
    times = {item: max(lead.get(item, 0), every.get(item, 0)) for item in lead | every}  # in the lead's order
    items = [t("reading_times", lang, reading=item, times=local_digits(n, lang)) if n > 1 else item
             for item, n in times.items()]
    return Readings(tuple(items)[:_READINGS], min(len(lead), _READINGS))


def number_readings(quoted: str, quote_lang: str, lang: str, first: str = "", measures: Collection[str] = ()) -> str:
    """The line of ``figure_readings`` in plain text ("Figures: ৫৬ হাজার = 56,000 · …"), or ""."""
    items = figure_readings(quoted, quote_lang, lang, first, measures).items
    return t("reading_numbers", lang, numbers=" · ".join(items)) if items else ""


def name_readings(quoted: str, quote_lang: str, lang: str, first: str = "",
                  asked: tuple[str, ...] = ()) -> tuple[str, ...]:
    """For a quote in a script the reader may not read: the people it names, in Latin letters
    ("ছু শিচিয়া = Chu Shichiya"), those of ``first`` (its best sentence) first. A "who" question's
    answer is a name, and a blind user test's English and Thai readers could not read it in a
    Bengali quote (``index.people`` says which names are read). Latin is the one script all our
    readers read names in; a Latin or same-language quote needs no reading. A name the question
    spells in Latin letters is read as it does ("Lê Hoàng Oanh", not the
    romanized "Le Hoang Wan"), where its likeness to the letters of a name says it is that person's,
    and so is a name it writes in Bengali or Thai letters (``asked``: ``index.asked_spellings``),
    where it sounds like a name in the other script ("หวาง ซู่ปิน = ওয়াং শুবিন")."""
    if quote_lang == lang:
        return ()
    names = dict.fromkeys(person_names(first, quote_lang, whole_in=quoted) if first else [])
    names |= dict.fromkeys(person_names(quoted, quote_lang, whole_in=quoted))
    shown = list(names)[:_NAMES]
    spelled = as_asked([romanized(name, quote_lang) for name in shown], asked,
                       [letter_romanized(name, quote_lang) for name in shown], quote_lang)
    return tuple(f"{name} = {latin}" for name, latin in zip(shown, spelled))


def _readings(text: str, quote_lang: str, lang: str, measures: Collection[str] = ()) -> dict[str, int]:
    """The readings of ``text``'s figures, in text order, those measuring one of ``measures`` first,
    each with the times it is stated: "দেশে ৭ম স্থানে … (B2B) ৭ম স্থানে" states 7th place twice, for
    two rankings (a blind user test was shown it once, as if one). A figure of time (a year, a date,
    a month) named again names the same time, and counts once."""
    seen: dict[str, int] = {}
    found = figures(text, thai=quote_lang == "th", decimal_comma=quote_lang == "vi")
    for figure in sorted(found, key=lambda figure: not _measures(figure, measures)):  # stable
        if reading := _figure_reading(figure, lang):
            stated = figure.kind == "ordinal" or bool(figure.unit or figure.currency or figure.counts)
            seen[reading] = seen[reading] + stated if reading in seen else 1
    return seen


def _measures(figure: Figure, measures: Collection[str]) -> bool:
    """Whether ``figure`` is one of ``measures``: points of a "score", a "streak"'s ordinal ("টানা
    ৯ম বছর"), a "rank"'s ("৭ম স্থান"), a "date"'s day or month ("১৮ আগস্ট", not the year)."""
    return ("score" in measures and figure.unit == POINTS) or ("streak" in measures and figure.running) \
        or ("rank" in measures and figure.kind == "ordinal" and figure.of in ("rank", "")) \
        or ("date" in measures and figure.kind in ("date", "month"))


def _figure_reading(figure: Figure, lang: str) -> str:
    """"written = as ``lang`` reads it", or "" where the reader reads the figure as written."""
    if figure.kind == "era_year":
        return t("reading_era_year", lang, written=figure.written, year=local_digits(figure.value, lang))
    if figure.kind == "grouped" and figure.written.isascii() \
            and figure.written.startswith(group_digits(figure.value, lang)):
        return ""  # compared in ASCII: a Bengali reader reads "14,500" and "17.80 dollars" as written
    reading = _read_figure(figure, lang)
    if figure.written.startswith(reading):
        return ""  # "10 แห่ง = 10", a count of nothing we know, tells the reader nothing
    return f"{figure.written} = {local_digits(reading, lang)}"




def _read_figure(figure: Figure, lang: str) -> str:
    """``figure`` as ``lang`` writes it, in ASCII digits: "123%", "40,000 square metres", "24–25
    May", "December", "more than 1,000", "56,000", "7th"; words from Babel (CLDR), so every
    language reads them in its own, and the nouns of counts from our locales ("35 countries"); an age,
    "or more", the top of a ranking (``_bounded``) and the part of a month ("early December") in words
    of our locales, as CLDR has none for them."""
    if bounded := _bounded(figure, lang):
        return bounded
    if figure.counts:  # "35 ประเทศ = 35 countries", "มากกว่า 6,000 ราย = more than 6,000 people"
        return _count(figure, lang)
    if figure.more:  # "২০টির বেশি = more than 20"
        return t("reading_more_than", lang, number=_read_figure(figure._replace(more=False), lang))
    if figure.to and figure.kind != "date":  # "৪০-৫০টি = 40–50", "১০ থেকে ১২ শতাংশ = 10–12%"
        last = _read_figure(figure._replace(value=figure.to, to=""), lang)
        first = _read_figure(figure._replace(to='', unit='', currency=''), lang)
        number, _, scale = first.partition(" ")  # "5 million–6 million Thai baht" is "5–6 million Thai baht"
        return f"{number}–{last}" if scale and last.partition(" ")[2].startswith(scale) else f"{first}–{last}"
    if figure.unit == POINTS:  # a score: CLDR has no unit for it ("১৩.৩ পয়েন্ট = 13.3 points")
        number = _read_figure(figure._replace(unit=""), lang)
        return t("reading_point" if Decimal(figure.value) == 1 else "reading_points", lang, number=number)
    locale = babel_locale(lang)
    if figure.unit or figure.currency:
        return _measure(figure, lang)
    if figure.kind == "date":
        return _day_month(figure, locale)
    if figure.kind == "month" and figure.part:  # "ডিসেম্বরের গোড়ার দিকে = early December, đầu tháng 12"
        return t(f"reading_{figure.part}", lang, month=get_month_names("wide", "format", locale)[figure.month])
    if figure.kind == "month":
        return get_month_names("wide", "stand-alone", locale)[figure.month]
    if figure.kind == "more_than":
        return t("reading_more_than", lang, number=group_digits(figure.value, lang))
    if figure.kind == "ordinal":
        return ordinal(int(figure.value), lang, figure.of, figure.running)
    if figure.kind == "scaled":  # "৫৬ হাজার = 56,000", "১.৩ মিলিয়ন = 1.3 million, 1,3 triệu, ১৩ লাখ"
        return scale_words(figure.value, lang)
    if figure.kind == "grouped":
        return group_digits(figure.value, lang)
    return _local_number(figure.value, lang)


def _bounded(figure: Figure, lang: str) -> str:
    """``figure`` as the top of a ranking ("শীর্ষ ১০টি অঞ্চল = top 10 regions"), an age ("১৫ বছর বা তার
    বেশি বয়সী = aged 15 and over", not "15 years") or with its "or more" ("১০০ জন বা তার বেশি = 100
    people or more"), as ``lang`` writes them; "" for none of those."""
    if figure.top:
        return t("reading_top", lang, number=_read_figure(figure._replace(top=False), lang))
    if figure.unit == AGE:
        form = "_at_least" if figure.at_least else "_more" if figure.more else ""
        years = _read_figure(figure._replace(unit="", more=False, at_least=False), lang)
        return t(f"reading_age{form}", lang, number=years)
    if figure.at_least:
        return t("reading_at_least", lang, number=_read_figure(figure._replace(at_least=False), lang))
    return ""


def _count(figure: Figure, lang: str) -> str:
    """A count with the noun it counts, as ``lang`` writes them: "1 country", "40–50 orders", "৩৫টি
    দেশ"; a lower bound has a template of its own, as Bengali puts its "more than" between the
    number's classifier and the noun ("২০টির বেশি দেশ"), not around the count."""
    more = figure.more or figure.kind == "more_than"  # সহস্রাধিক প্রতিষ্ঠান: over a thousand firms
    if figure.kind == "more_than":
        number = group_digits(figure.value, lang)
    else:
        number = _read_figure(figure._replace(counts="", more=False), lang)
    one = not figure.to and figure.value.isdigit() and int(figure.value) == 1  # "১,২০০" is ASCII "1,200"
    form = "more" if more else "one" if one else "other"
    count = t(f"count_{figure.counts}_{form}", lang, number=number)
    if lang == "th" and number[-1:].isalpha():  # Thai writes a scale word and its noun together: "1.3 ล้านบัญชี"
        count = count.replace(f"{number} ", number)
    return t("reading_and", lang, count=count, noun=_noun(figure.also, lang)) if figure.also else count


# What a Bengali reader's count puts between number and noun ("৩৫টি দেশ", "৫ জন কর্মকর্তা"), and a
# Thai reader's after the number where the noun stands before it ("องค์กร 400 แห่ง", "สินค้า 5 รายการ")
_CLASSIFIERS = ("টি", "জন", "แห่ง", "รายการ", "คน")


def _noun(counts: str, lang: str) -> str:
    """The noun of ``counts`` as ``lang`` writes it after "and", without a number: "cities",
    "thành phố", "เมือง", "শহর" (the second of "২০টির বেশি প্রদেশ ও শহর", more than 20 provinces and
    cities), read off the count's words in our locales."""
    before, _, after = STRINGS[lang][f"count_{counts}_other"].partition("{number}")
    noun = (after or before).strip()
    for classifier in _CLASSIFIERS:  # "টি শহর" -> "শহর"; "แห่ง" after the number, its noun before
        if noun != classifier and (noun.startswith(classifier) or noun.endswith(classifier)):
            noun = noun.removeprefix(classifier).removesuffix(classifier).strip()
    return before.strip() if lang == "th" and before.strip() else noun


def _measure(figure: Figure, lang: str) -> str:
    """A number with its unit, percent or currency as ``lang`` writes them: "123%", "1 tonne",
    "40.000 mét vuông", "30 million Thai baht" (a scaled figure with its scale word, ``scale_words``)."""
    locale = babel_locale(lang)
    amount = Decimal(figure.value)
    if figure.unit == PERCENT:  # written with Babel's percent pattern
        return format_percent(amount / 100, locale=locale, decimal_quantization=False)
    number = number_pattern(figure.value, locale)
    if figure.currency:
        text = format_currency(amount, figure.currency, number, locale, currency_digits=False, format_type="name")
    else:
        unit = _EVERYDAY_UNITS.get((locale, figure.unit), figure.unit)
        text = format_unit(amount, unit, "long", number, locale)
        # CLDR lacks some long names (Bengali and Thai hectares): Babel then writes the unit's id
        text = text if unit not in text else format_unit(amount, unit, "short", number, locale)
    if figure.kind != "scaled":
        return text
    # formatted with the amount, which picks the plural ("tonnes"), then its digits said in words
    return text.replace(format_decimal(amount, number, locale=locale), scale_words(figure.value, lang), 1)


# CLDR units whose long name a reader does not use: CLDR's Vietnamese tonne is "tấn hệ mét"
# ("metric-system ton", a user test), where Vietnamese says "tấn", CLDR's name of the short ton
_EVERYDAY_UNITS = {("vi", "mass-tonne"): "mass-ton"}


def _day_month(figure: Figure, locale: str) -> str:
    """A date's day, or range of days, and month as ``locale`` writes them: CLDR's pattern for a
    day and month with the days written in ("18 August", "24–25 tháng 5", "24–25 พฤษภาคม")."""
    days = f"{int(figure.value)}–{int(figure.to)}" if figure.to else str(int(figure.value))
    pattern = Locale.parse(locale).datetime_skeletons["MMMMd"].pattern
    tokens = [("chars", f"'{days}'") if kind == "field" and value[0] == "d" else (kind, value)
              for kind, value in tokenize_pattern(pattern)]
    return format_date(date(2000, figure.month, 1), untokenize_pattern(tokens), locale=locale)


def _local_number(number: str, lang: str) -> str:
    """A number read out of a Bengali or Thai quote ("1,200", "13.3": both write "," between
    thousands and "." before decimals) as ``lang`` writes it: a Vietnamese reader reads "1,200" as
    1.2 (a user test). Ungrouped numbers ("2025") stay ungrouped."""
    return group_digits(number.replace(",", ""), lang, group="," in number)

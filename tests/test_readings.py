"""The Figures line under a quote in another language: each figure with what it counts (month, percent,
unit, currency, "over a thousand"), in the reader's words. Sentences from the seed articles, some shortened."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from bot.i18n import t
from bot.render import render_answer, render_plain
from tests.test_render import make_hit, make_result

FAIR = "চীন (কুয়াংচৌ) আন্তঃসীমান্ত ই-কর্মাস মেলা (সিসিইএফ)-২০২৪ গত ১৮ আগস্টে কুয়াংচৌতে সমাপ্ত হয়েছে।"
VISITORS = "জানা গেছে, মোট ৫৬ হাজার মানুষ এবারের মেলা পরিদর্শন করে, যা গত বছরের তুলনায় ১২৩ শতাংশ বেশি।"
AREA = ("৪০ হাজার বর্গমিটারের বেশি আয়তনে ৪০টি নেতৃত্বাধীন আন্তঃসীমান্ত ই-কর্মাস প্ল্যাটফর্ম এবং ২০টির বেশি প্রদেশ ও "
        "শহরের সহস্রাধিক প্রতিষ্ঠান মেলায় অংশ নেয়।")
LAI_CHAU = "২৪শে মে, ২০২৫ তারিখে, শিল্প ও বাণিজ্য বিভাগ ২৪ থেকে ২৫ মে লাই চাউ প্রদেশে একটি মেলার আয়োজন করে।"
DECEMBER = "অতি সম্প্রতি, ২০২৫ সালের ডিসেম্বরের গোড়ার দিকে, শিল্প ও বাণিজ্য বিভাগ প্রশিক্ষণ সম্মেলনের আয়োজন করে।"
TONNE = "একটি সমবায় কৃষকদের কাছ থেকে ১ টনেরও বেশি কৃষি পণ্য এবং ১,৫০০ কোটি টাকার পণ্য বিক্রি করেছে।"
THAI = "ยอดขายรวม 30 ล้านบาท เพิ่มขึ้น 37 เปอร์เซ็นต์ หรือร้อยละ 12.5 เมื่อ 18 สิงหาคม 2567 จาก 10 แห่ง"
VIETNAMESE = "Hợp tác xã bán được 12 tấn mận hậu với giá 25.000 đồng/kg vào cuối tháng 6/2025."


def figures_line(text: str, quote_lang: str, lang: str, best: int = 0, question: str = "How many came?") -> str:
    """The page's Figures line for a passage of ``text`` whose sentence ``best`` answers (its
    figures lead the line), or "" where it has none."""
    result = make_result(make_hit(text, quote_lang, best=best), question=question)
    page = render_plain(render_answer(result, lang).messages[0])
    prefix = t("reading_numbers", lang, numbers="")
    return next((line for line in page.splitlines() if line.startswith(prefix)), "")


@pytest.mark.parametrize(("text", "lang", "readings"), [
    (FAIR, "en", "২০২৪ = 2024 · ১৮ আগস্ট = 18 August"),
    (FAIR, "vi", "২০২৪ = 2024 · ১৮ আগস্ট = 18 tháng 8"),
    (FAIR, "th", "২০২৪ = 2024 · ১৮ আগস্ট = 18 สิงหาคม"),
    (LAI_CHAU, "en", "২৪শে মে = 24 May · ২০২৫ = 2025 · ২৪ থেকে ২৫ মে = 24–25 May"),
    (LAI_CHAU, "vi", "২৪শে মে = 24 tháng 5 · ২০২৫ = 2025 · ২৪ থেকে ২৫ মে = 24–25 tháng 5"),
    (LAI_CHAU, "th", "২৪শে মে = 24 พฤษภาคม · ২০২৫ = 2025 · ২৪ থেকে ২৫ মে = 24–25 พฤษภาคม"),
    (DECEMBER, "en", "২০২৫ = 2025 · ডিসেম্বরের গোড়ার দিকে = early December"),
    (DECEMBER, "vi", "২০২৫ = 2025 · ডিসেম্বরের গোড়ার দিকে = đầu tháng 12"),
    (DECEMBER, "th", "২০২৫ = 2025 · ডিসেম্বরের গোড়ার দিকে = ต้นเดือนธันวาคม"),
], ids=["day-en", "day-vi", "day-th", "days-en", "days-vi", "days-th", "month-en", "month-vi", "month-th"])
def test_a_bengali_date_is_read_with_its_month(text, lang, readings):
    # a user test: "১৮ = 18" lost August, "২৪শে = thứ 24" read as a weekday, and early December read as
    # nothing; a later one read "ডিসেম্বর = December" without its "early" (গোড়ার দিকে)
    assert figures_line(text, "bn", lang) == t("reading_numbers", lang, numbers=readings)


@pytest.mark.parametrize(("text", "lang", "readings"), [
    (VISITORS, "en", "৫৬ হাজার মানুষ = 56,000 people · ১২৩ শতাংশ = 123%"),
    (VISITORS, "vi", "৫৬ হাজার মানুষ = 56.000 người · ১২৩ শতাংশ = 123%"),
    (AREA, "en", "৪০ হাজার বর্গমিটারের বেশি = more than 40,000 square metres · "
              "৪০টি নেতৃত্বাধীন আন্তঃসীমান্ত ই-কর্মাস প্ল্যাটফর্ম = 40 platforms · "
              "২০টির বেশি প্রদেশ ও শহর = more than 20 provinces and cities · "
              "সহস্রাধিক প্রতিষ্ঠান = more than 1,000 companies"),
    (AREA, "vi", "৪০ হাজার বর্গমিটারের বেশি = hơn 40.000 mét vuông · "
              "৪০টি নেতৃত্বাধীন আন্তঃসীমান্ত ই-কর্মাস প্ল্যাটফর্ম = 40 nền tảng · "
              "২০টির বেশি প্রদেশ ও শহর = hơn 20 tỉnh và thành phố · "
              "সহস্রাধিক প্রতিষ্ঠান = hơn 1.000 doanh nghiệp"),
    (AREA, "th", "৪০ হাজার বর্গমিটারের বেশি = มากกว่า 40,000 ตารางเมตร · "
              "৪০টি নেতৃত্বাধীন আন্তঃসীমান্ত ই-কর্মাস প্ল্যাটফর্ম = 40 แพลตฟอร์ม · "
              "২০টির বেশি প্রদেশ ও শহর = มากกว่า 20 จังหวัดและเมือง · "
              "সহস্রাধিক প্রতিষ্ঠান = มากกว่า 1,000 บริษัท"),
    (TONNE, "en", "১ টনেরও বেশি = more than 1 tonne · ১,৫০০ কোটি টাকা = 15 billion Bangladeshi takas"),
    (TONNE, "th", "১ টনেরও বেশি = มากกว่า 1 เมตริกตัน · ১,৫০০ কোটি টাকা = 1.5 หมื่นล้าน ตากาบังกลาเทศ"),
    (TONNE, "vi", "১ টনেরও বেশি = hơn 1 tấn · ১,৫০০ কোটি টাকা = 15 tỷ Taka Bangladesh"),
], ids=["percent-en", "percent-vi", "area-en", "area-vi", "area-th", "tonne-en", "tonne-th", "tonne-vi"])
def test_a_bengali_figure_is_read_with_what_it_counts(text, lang, readings):
    # a user test: "১২৩ = 123" under a question asking for a percentage, "৪০ হাজার = 40.000" without
    # the square metres, "১ = 1" without the tonne, and no reading of সহস্রাধিক (over a thousand firms);
    # CLDR's Vietnamese tonne, "tấn hệ mét", is no word a reader uses. A later one read "২০টির বেশি"
    # without the provinces and cities it counts; and crores are said with the reader's scale word
    # (1,500 crore: 15 billion, Thai 1.5 หมื่นล้าน), as the writer said them
    assert figures_line(text, "bn", lang) == t("reading_numbers", lang, numbers=readings)


@pytest.mark.parametrize(("lang", "readings"), [
    ("bn", "30 ล้านบาท = ৩ কোটি থাই বাত · 37 เปอร์เซ็นต์ = ৩৭% · ร้อยละ 12.5 = ১২.৫% · 18 สิงหาคม = ১৮ আগস্ট · "
           f"{t('reading_era_year', 'bn', written='2567', year='২০২৪')}"),
    ("en", "30 ล้านบาท = 30 million Thai baht · 37 เปอร์เซ็นต์ = 37% · ร้อยละ 12.5 = 12.5% · 18 สิงหาคม = 18 August · "
           f"{t('reading_era_year', 'en', written='2567', year='2024')}"),
    ("vi", "30 ล้านบาท = 30 triệu bạt Thái Lan · 37 เปอร์เซ็นต์ = 37% · ร้อยละ 12.5 = 12,5% · "
           f"18 สิงหาคม = 18 tháng 8 · {t('reading_era_year', 'vi', written='2567', year='2024')}"),
], ids=["bn", "en", "vi"])
def test_a_thai_figure_is_read_with_what_it_counts(lang, readings):
    # ASCII digits, yet a Bengali reader cannot read เปอร์เซ็นต์ (percent) or สิงหาคม (August); the
    # year after a Thai month is of the Buddhist era; millions are said as the reader says them (a
    # Bengali reader in crores). "จาก 10 แห่ง" is a bare count: แห่ง counts places, organisations or
    # pavilions alike, and no noun of ours is written before it, so its reading, "10", would say
    # nothing the reader cannot read, and is left out (a blind user test read "10 แห่ง = 10" so)
    assert figures_line(THAI, "th", lang) == t("reading_numbers", lang, numbers=readings)


@pytest.mark.parametrize(("text", "quote_lang", "readings"), [
    ("৫০ জনেরও বেশি মানুষ এবং ১০০-এর অধিক প্রতিষ্ঠান", "bn", "৫০ জনেরও বেশি = more than 50 people · "
     "১০০-এর অধিক প্রতিষ্ঠান = more than 100 companies"),
    ("বিক্রি ১২৩ শতাংশ বেশি, ২০ বছরের বেশি", "bn", "১২৩ শতাংশ = 123% · ২০ বছরের বেশি = more than 20 years"),
    ("ยอดขายมากกว่า 30 ล้านบาท จากผู้ขาย 20 กว่าราย ในกว่างซี 3 แสน", "th",
     "มากกว่า 30 ล้านบาท = more than 30 million Thai baht · 20 กว่าราย = more than 20 people · 3 แสน = 300,000"),
    ("Có hơn 14.500 đơn hàng trên 5.000 gian hàng", "vi", "hơn 14.500 đơn hàng = more than 14,500 orders · "
     "5.000 gian hàng = 5,000 booths"),
], ids=["bn-after", "bn-rise", "th-before", "vi-before"])
def test_a_lower_bound_is_read_as_more_than(text, quote_lang, readings):
    # a user test: "২০টির বেশি প্রদেশ" (more than 20 provinces) was read "২০ = 20". Without the
    # genitive, "১২৩ শতাংশ বেশি" is a rise of 123%, while "২০ বছরের বেশি" is more than 20 years; Thai
    # "20 กว่าราย" is twenty-odd people; Vietnamese "trên" is also "on", and กว่างซี is Guangxi
    assert figures_line(text, quote_lang, "en") == t("reading_numbers", "en", numbers=readings)


@pytest.mark.parametrize(("text", "quote_lang", "lang", "readings"), [
    ("প্রতিদিন ৪০-৫০টি অর্ডার আসে", "bn", "en", "৪০-৫০টি অর্ডার = 40–50 orders"),
    ("১০ থেকে ১২ শতাংশ বেশি", "bn", "vi", "১০ থেকে ১২ শতাংশ = 10–12%"),
    ("৪০-৫০ হাজার মানুষ", "bn", "vi", "৪০-৫০ হাজার মানুষ = 40.000–50.000 người"),
    ("ยอดขาย 5-6 ล้านบาท", "th", "bn", "5-6 ล้านบาท = ৫০–৬০ লাখ থাই বাত"),
    ("ยอดขาย 5-6 ล้านบาท", "th", "en", "5-6 ล้านบาท = 5–6 million Thai baht"),
    ("১৮-০৮-২০২৪ তারিখে ৫-৩ ব্যবধানে", "bn", "en", "১৮ = 18 · ০৮ = 08 · ২০২৪ = 2024 · ৫ = 5 · ৩ = 3"),
    ("সংস্করণ ১-১.২.৩", "bn", "en", "১ = 1 · ১.২.৩ = 1.2.3"),
], ids=["bn-count", "bn-percent", "bn-scaled", "th-money-bn", "th-money-en", "no-range", "no-number"])
def test_a_range_is_read_as_one(text, quote_lang, lang, readings):
    # a user test read "৪০-৫০টি অর্ডার" (40 to 50 orders) as "৪০ = 40 · ৫০ = 50", two figures; a
    # scale word after the range counts both ends. A date written with dashes, or a score, is no
    # range, nor a version number, which once raised an error as it was compared
    assert figures_line(text, quote_lang, lang) == t("reading_numbers", lang, numbers=readings)


def test_a_vietnamese_figure_is_read_with_what_it_counts():
    readings = "12 tấn = 12 tonnes · 25.000 đồng = 25,000 Vietnamese dong · cuối tháng 6 = late June"
    assert figures_line(VIETNAMESE, "vi", "en") == t("reading_numbers", "en", numbers=readings)
    readings = "12 tấn = ১২ মেট্রিক টন · 25.000 đồng = ২৫,০০০ ভিয়েতনামি ডঙ্গ · cuối tháng 6 = জুন মাসের শেষের দিকে"
    assert figures_line(VIETNAMESE, "vi", "bn") == t("reading_numbers", "bn", numbers=readings)


def test_english_words_and_symbols_need_no_reading():
    english = "Sales rose 85% to 12 tons on 18 May, at 17.80 dollars each."
    assert figures_line(english, "en", "bn") == "", "a reader of any of our languages reads these as written"
    assert figures_line(english, "en", "vi") == t("reading_numbers", "vi", numbers="17.80 dollars = 17,80 đô la Mỹ")


@pytest.mark.parametrize(("text", "quote_lang"), [(LAI_CHAU, "bn"), (THAI, "th"), (VIETNAMESE, "vi")],
                         ids=["bn", "th", "vi"])
def test_a_reader_of_the_quotes_language_gets_no_line(text, quote_lang):
    assert figures_line(text, quote_lang, quote_lang) == ""


def test_the_line_reads_at_most_six_figures():
    line = figures_line(f"{LAI_CHAU} {VISITORS} {TONNE}", "bn", "en")
    readings = ("২৪শে মে = 24 May · ২০২৫ = 2025 · ২৪ থেকে ২৫ মে = 24–25 May · ৫৬ হাজার মানুষ = 56,000 people · "
                "১২৩ শতাংশ = 123% · ১ টনেরও বেশি = more than 1 tonne")  # not ১,৫০০ কোটি টাকা, the seventh
    assert line == t("reading_numbers", "en", numbers=readings)


def test_the_best_sentences_figures_lead_in_bold():
    # the answer is in the bold sentence; an opening sentence with the event's date and year used
    # to come first, and a seventh figure, which may be the answer, was left out
    text = f"{LAI_CHAU} {TONNE} {VISITORS}"
    readings = ("৫৬ হাজার মানুষ = 56,000 people · ১২৩ শতাংশ = 123% · ২৪শে মে = 24 May · ২০২৫ = 2025 · "
                "২৪ থেকে ২৫ মে = 24–25 May · ১ টনেরও বেশি = more than 1 tonne")
    assert figures_line(text, "bn", "en", best=2) == t("reading_numbers", "en", numbers=readings)
    page = render_answer(make_result(make_hit(text, "bn", best=2)), "en").messages[0]
    assert "<b>৫৬ হাজার মানুষ = 56,000 people</b> · <b>১২৩ শতাংশ = 123%</b> · ২৪শে মে = 24 May" in page
    alone = render_answer(make_result(make_hit(VISITORS, "bn", best=0)), "en").messages[0]
    assert "<i>Figures: ৫৬ হাজার মানুষ = 56,000 people · ১২৩ শতাংশ = 123%</i>" in alone, \
        "all the best sentence's: none bold"


def test_a_question_for_no_figure_reads_only_the_bold_sentences():
    # a user test read "Figures: ২০ = 20" under "What was the fair's theme?" as noise, and the
    # visitors under "Did Shopee have a booth?" as if they were evidence
    hit = make_hit(f"{FAIR} {VISITORS}", "bn", best=0)
    line = t("reading_numbers", "en", numbers="২০২৪ = 2024 · ১৮ আগস্ট = 18 August")
    assert line in render_plain(render_answer(make_result(hit, question="Where was the fair held?"), "en").messages[0])
    everything = render_plain(render_answer(make_result(hit, question="How many people came?"), "en").messages[0])
    assert "৫৬ হাজার মানুষ = 56,000 people" in everything
    theme = "‘বৈদেশিক বাণিজ্যের নতুন চালিকাশক্তি, ডিজিটাল নতুন ভবিষ্যৎ’ ছিল এবারের সিসিইএফ-এর প্রতিপাদ্য।"
    hit = make_hit(f"{theme} {AREA}", "bn", best=0)
    assert figures_line(f"{theme} {AREA}", "bn", "en", question="What was the theme?") == "", "no figure in bold"
    assert "৪০ হাজার" in render_plain(render_answer(make_result(hit, question="How big was the fair?"), "en").messages[0])


@pytest.mark.parametrize("keywords", ["ccef visitors", "Dong Nai EBI rank", "khách tham quan CCEF", "งาน CCEF ผู้เข้าชม"])
def test_keywords_get_every_figure_read(keywords):
    # a user test's "ccef visitors" got only the bold sentence's year and date, not the visitors
    # below it: keywords ask for nothing in particular, so every figure may be the one wanted
    line = figures_line(f"{FAIR} {VISITORS}", "bn", "en", question=keywords)
    assert "২০২৪ = 2024" in line and "৫৬ হাজার মানুষ = 56,000 people" in line, line


@settings(max_examples=60, deadline=None)
@example(text="5.০ম", quote_lang="bn", lang="en")  # a decimal before an ordinal ending: no ordinal
@given(st.text(alphabet=st.sampled_from("০১২৩৪৫৯5 .,-%মেআগস্টফেব্রুয়ারিশতাংটনাকাথেকেสิงหาคมร้อยละบาทthángđồng"), min_size=1),
       st.sampled_from(["bn", "th", "vi"]), st.sampled_from(["en", "bn", "th", "vi"]))
def test_any_quote_gets_its_figures_read(text, quote_lang, lang):
    # "৩১ ফেব্রুয়ারি" is no date Babel could write, and "৯৯৯ মে" no date at all: the line is read anyway
    assert figures_line(text, quote_lang, lang).count(" · ") < 6


MARKET = "প্রদেশটি কমিউন এবং ওয়ার্ড বাজারে নগদহীন পেমেন্ট পরিষেবা সহ মার্কেট ৪.০ মডেল বাস্তবায়ন করেছে এবং ১০০% ব্যবসায়ে ইনভয়েস প্রয়োগ করেছে।"


@pytest.mark.parametrize(("text", "quote_lang", "lang", "readings"), [
    (MARKET, "bn", "en", "১০০% = 100%"),
    (MARKET, "bn", "vi", "১০০% = 100%"),
    ("প্রদেশটি ইন্ডাস্ট্রি ৪.০ কর্মসূচি চালু করে", "bn", "en", ""),
    ("The Web 3.0 fair drew 1,200 visitors", "en", "vi", "1,200 = 1.200"),
    ("นโยบายไทยแลนด์ 4.0 มี 5 ด้าน", "th", "vi", "5 ด้าน = 5 lĩnh vực"),
], ids=["seed-en", "seed-vi", "bn-industry", "en-web", "th-thailand"])
def test_a_version_after_the_word_it_labels_is_no_figure(text, quote_lang, lang, readings):
    # "মার্কেট ৪.০" (Market 4.0) is a name: a user test was read "৪.০ = 4.0", and "4,0", a decimal,
    # to a Vietnamese reader
    assert figures_line(text, quote_lang, lang) == (t("reading_numbers", lang, numbers=readings) if readings else "")


@pytest.mark.parametrize(("text", "quote_lang", "lang", "reading"), [
    ("সূচক (৪.০) ছিল", "bn", "vi", "৪.০ = 4,0"),  # a bracket, no word, before it
    ("মার্কেট ৪.৫ মডেল", "bn", "vi", "৪.৫ = 4,5"),  # a version is N.0; 4.5 may be a measure
    ("The index rose to 4.0 in 2024", "en", "vi", "4.0 = 4,0"),  # a Latin word labelled is capitalised
    ("Sales grew 4.0 points", "en", "vi", "4.0 points = 4,0 điểm"),  # measured
    ("বিক্রি ৪.০ শতাংশ বেড়েছে", "bn", "en", "৪.০ শতাংশ = 4%"),
], ids=["bracket", "not-n-point-0", "en-lowercase", "en-measured", "bn-percent"])
def test_a_decimal_that_labels_nothing_is_still_read(text, quote_lang, lang, reading):
    assert figures_line(text, quote_lang, lang) == t("reading_numbers", lang, numbers=reading)

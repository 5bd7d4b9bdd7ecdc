"""A count read with the noun it counts ("35 ประเทศ = 35 countries", "৫০টি বুথ = 50 booths"): two blind
user tests got no Figures line at all under the Thai article's paragraph of counts, and "১,২০০ = 1,200 · ১১
= 11" without saying which counted people. Paragraphs from the seed articles, and sentences built on them."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.i18n import STRINGS, t
from bot.readings import figure_readings
from index.count_nouns import COUNT_NOUNS
from index.numbers import figures
from index.retrieval import _counted
from tests.test_readings import figures_line

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def seed_paragraph(name: str, holding: str) -> str:
    """The one paragraph of seed article ``name`` that holds ``holding``."""
    paragraphs = [line for line in (SEEDS / name).read_text(encoding="utf-8").splitlines() if holding in line]
    assert len(paragraphs) == 1, holding
    return paragraphs[0]


THAI_COUNTS = seed_paragraph("001_a706cc8d4ec72211.txt", "35 ประเทศ")  # 35 countries … 65 bases in 19 countries
THAI_PEOPLE = seed_paragraph("001_a706cc8d4ec72211.txt", "6,000 ราย")  # more than 6,000 participants
BOOTHS = seed_paragraph("003_90ec0693ba803a49.txt", "৫০টি বুথ")


@pytest.mark.parametrize(("lang", "readings"), [
    ("en", "35 ประเทศ = 35 countries · 120 แห่ง = 120 pavilions · 65 แห่ง = 65 bases · 19 ประเทศ = 19 countries · "
           "มากกว่า 100 ครั้ง = more than 100 times"),
    ("bn", "35 ประเทศ = ৩৫টি দেশ · 120 แห่ง = ১২০টি প্যাভিলিয়ন · 65 แห่ง = ৬৫টি ঘাঁটি · 19 ประเทศ = ১৯টি দেশ · "
           "มากกว่า 100 ครั้ง = ১০০ বারের বেশি"),
    ("vi", "35 ประเทศ = 35 quốc gia · 120 แห่ง = 120 nhà trưng bày · 65 แห่ง = 65 cơ sở · 19 ประเทศ = 19 quốc gia · "
           "มากกว่า 100 ครั้ง = hơn 100 lần"),
], ids=["en", "bn", "vi"])
def test_a_thai_paragraph_of_counts_reads_what_each_counts(lang, readings):
    # the seed's "65 แห่งใน 19 ประเทศ" is 65 bases in 19 countries: แห่ง is written against the next
    # word, and ASCII digits were read only before a unit. แห่ง counts any kind of thing, its noun
    # written before the number, past the words qualifying it: "ศาลาแห่งชาติทั้งแบบออนไลน์และออฟไลน์
    # 120 แห่ง" are national pavilions, online and offline, "สร้างฐานการจัดซื้อโดยตรง 65 แห่ง"
    # direct-purchasing bases (both were "sites")
    assert figures_line(THAI_COUNTS, "th", lang) == t("reading_numbers", lang, numbers=readings)
    assert figures_line(THAI_COUNTS, "th", "th") == "", "a Thai reader reads it as written"


@pytest.mark.parametrize(("lang", "reading"), [
    ("en", "มากกว่า 6,000 ราย = more than 6,000 people"), ("bn", "มากกว่า 6,000 ราย = ৬,০০০ জনের বেশি"),
    ("vi", "มากกว่า 6,000 ราย = hơn 6.000 người"),
], ids=["en", "bn", "vi"])
def test_a_lower_bound_keeps_its_noun(lang, reading):
    # Bengali writes "more than" between the classifier and the noun, so it has a template of its own
    assert figures_line(THAI_PEOPLE, "th", lang).startswith(t("reading_numbers", lang, numbers=reading))


HUBS = seed_paragraph("001_a706cc8d4ec72211.txt", "Guihai Business Hub")  # 10 overseas hubs


@pytest.mark.parametrize(("paragraph", "lang", "reading"), [
    (THAI_PEOPLE, "en", "มากกว่า 400 แห่ง = more than 400 organisations"),
    (THAI_PEOPLE, "bn", "มากกว่า 400 แห่ง = ৪০০টির বেশি সংস্থা"),
    (THAI_PEOPLE, "vi", "มากกว่า 400 แห่ง = hơn 400 tổ chức"),
    (HUBS, "en", "10 แห่ง = 10 platforms"),
    (HUBS, "bn", "10 แห่ง = ১০টি প্ল্যাটফর্ম"),
    (HUBS, "vi", "10 แห่ง = 10 nền tảng"),
    ("มีสถานที่จัดแสดงสินค้าทั้งหมด 12 แห่ง", "en", "12 แห่ง = 12 sites"),
    ("มีสถานที่จัดแสดงสินค้าทั้งหมด 12 แห่ง", "bn", "12 แห่ง = ১২টি স্থান"),
], ids=["organisations-en", "organisations-bn", "organisations-vi", "platforms-en", "platforms-bn", "platforms-vi",
        "places-en", "places-bn"])
def test_a_generic_classifier_counts_the_noun_before_its_number(paragraph, lang, reading):
    # "ช่วยให้องค์กรมากกว่า 400 แห่ง" helped more than 400 organisations, which a Bengali reader was shown
    # as "৪০০টির বেশি স্থান" (places). "แพลตฟอร์ม “Guihai Business Hub” ในต่างประเทศ 10 แห่ง" are
    # Guihai Business Hub platforms in 10 places abroad: the words before the number only say where
    # (ใน, in; ต่างประเทศ, abroad, is no ประเทศ), so the noun is the one before them, past the name it
    # is given (two blind user tests were read "10 แห่ง = 10"); a count of places (สถานที่) reads as one
    assert reading in figure_readings(paragraph, "th", lang).items


@pytest.mark.parametrize(("text", "counts"), [
    ("ศาลาในเมือง 5 แห่ง", "pavilion"),  # a noun after ใน (in) says where: five pavilions in a city
    ("ร้านค้าในประเทศ 50 แห่ง", ""),  # shops in the country, not 50 countries
    ("บริษัทได้เปิดสาขาใหม่ 5 แห่ง", ""),  # ได้ opens a clause: new branches, not companies
    ("จัดขึ้นใน 3 จังหวัด 12 แห่ง", ""),  # จังหวัด is what 3 counts
    ("พาวิลเลียนจำนวน 8 แห่ง", "pavilion"),  # a word the segmenter splits (พา·วิ·ล·เลียน)
    ("ศาลากลาง 5 แห่ง", ""),  # city halls, no pavilions
    ("องค์กร 10-15 แห่ง", "organisation"),  # a range, its noun before its first number
    ("ศูนย์กลางโลจิสติกส์ 4 แห่ง", "hub"),
    ("เปิดแพลตฟอร์ม Guihai Hub ในต่างประเทศ 10 แห่ง", "platform"),  # past a place and a name in Latin letters
    ("บริษัทได้เปิดสาขา ในต่างประเทศ 10 แห่ง", ""),  # past the place, a clause word: branches, not companies
    ("ในต่างประเทศ 10 แห่ง", ""),  # a place, and nothing before it
], ids=["place-word", "in-the-country", "clause", "another-count", "split-word", "city-hall", "range", "hub",
        "past-place-and-name", "past-place-clause", "place-alone"])
def test_the_noun_before_a_generic_classifier_is_read_with_care(text, counts):
    assert [(figure.counts, figure.classifier) for figure in figures(text, thai=True)][-1] == (counts, "site")


def test_a_question_asking_by_the_classifier_still_counts_its_figure():
    # "…กี่แห่ง" asks how many of what แห่ง counts, so "องค์กรมากกว่า 400 แห่ง" answers it, as before
    # (``retrieval.COUNT_BONUS``), and now so does a question asking how many organisations
    found = figures(THAI_PEOPLE, thai=True)
    assert {"organisation", "site", "person"} <= _counted(found)


@pytest.mark.parametrize(("lang", "reading"), [
    ("en", "৫০টি বুথ = 50 booths"), ("th", "৫০টি বুথ = 50 บูธ"), ("vi", "৫০টি বুথ = 50 gian hàng"),
], ids=["en", "th", "vi"])
def test_a_bengali_count_is_read_past_its_classifier(lang, reading):
    assert figures_line(BOOTHS, "bn", lang) == t("reading_numbers", lang, numbers=reading)


@pytest.mark.parametrize(("text", "quote_lang", "lang", "reading"), [
    ("จีนร่วมมือกับ 1 ประเทศ", "th", "en", "1 ประเทศ = 1 country"),
    ("จีนร่วมมือกับ 1 ประเทศ", "th", "bn", "1 ประเทศ = ১টি দেশ"),
    ("মেলায় ১ জন এসেছিল", "bn", "en", "১ জন = 1 person"),
    ("১,২০০ কর্মকর্তা এবং ব্যবসায়ীদের জন্য প্রশিক্ষণ", "bn", "en",
     "১,২০০ কর্মকর্তা এবং ব্যবসায়ী = 1,200 officials and businesspeople"),
    ("১,২০০ কর্মকর্তা এবং ব্যবসায়ীদের জন্য প্রশিক্ষণ", "bn", "vi",
     "১,২০০ কর্মকর্তা এবং ব্যবসায়ী = 1.200 cán bộ và doanh nhân"),
    ("১,২০০ কর্মকর্তা এবং ব্যবসায়ীদের জন্য প্রশিক্ষণ", "bn", "th",
     "১,২০০ কর্মকর্তা এবং ব্যবসায়ী = เจ้าหน้าที่ 1,200 คนและผู้ประกอบการ"),
    ("ครอบคลุม 18 ภูมิภาคและ 8 แพลตฟอร์มหลัก", "th", "en", "18 ภูมิภาค = 18 regions · 8 แพลตฟอร์ม = 8 platforms"),
    ("Có 35 quốc gia tham gia", "vi", "bn", "35 quốc gia = ৩৫টি দেশ"),
    ("সম্মেলনে ৭টি উদ্যোগ গৃহীত হয়", "bn", "en", "৭টি উদ্যোগ = 7 initiatives"),
    ("ที่ประชุมประกาศ 3 ข้อริเริ่ม", "th", "en", "3 ข้อริเริ่ม = 3 initiatives"),
    ("Hội nghị đưa ra 6 sáng kiến mới", "vi", "bn", "6 sáng kiến = ৬টি উদ্যোগ"),
    ("তার ২০ বছরের অভিজ্ঞতা আছে", "bn", "th", "২০ বছর = 20 ปี"),
    ("মাত্র ১ বছরে দোকানটি বড় হয়", "bn", "en", "১ বছর = 1 year"),
    ("บริษัทดำเนินงานมา 12 ปี", "th", "bn", "12 ปี = ১২ বছর"),
    ("Hợp tác xã đã hoạt động 15 năm qua", "vi", "en", "15 năm = 15 years"),
    ("মেলায় ৮টি নতুন আঞ্চলিক প্রকল্প দেখানো হয়", "bn", "en", "৮টি নতুন আঞ্চলিক প্রকল্প = 8 projects"),
    ("২০টিরও বেশি নতুন দেশীয় পণ্য বিক্রি হয়", "bn", "vi", "২০টিরও বেশি নতুন দেশীয় পণ্য = hơn 20 sản phẩm"),
], ids=["one-en", "one-bn", "bn-person", "bn-officials-en", "bn-officials-vi", "bn-officials-th", "th-and-a-number",
        "vi",
        "bn-initiatives", "th-initiatives", "vi-initiatives", "bn-years", "bn-one-year", "th-years", "vi-years",
        "bn-qualified", "bn-qualified-lower-bound"])
def test_a_count_is_read_in_the_readers_words(text, quote_lang, lang, reading):
    # English says "1 country"; জন alone counts people; "และ 8": "and" before a number is no second
    # noun; an adjective's ীয় (দেশীয়, domestic) qualifies a noun as well as a bare word does
    assert figures_line(text, quote_lang, lang) == t("reading_numbers", lang, numbers=reading)


@pytest.mark.parametrize("text", [
    "สินค้า 5 รายการ", "เพิ่มขึ้น 5 รายได้", "สร้าง 2 ฐานข้อมูล", "ศาลา 3 แห่งชาติ", "Ra mắt 2 phiên bản",
    "Xuất khẩu 3 nước ngoài", "Đón 35 quốc gia và vùng lãnh thổ", "มีทั้งหมด 12 วิธี",
])
def test_a_word_that_merely_begins_with_a_noun_is_no_count(text):
    # Thai writes words together: รายการ (items), รายได้ (income), ฐานข้อมูล (database) and แห่งชาติ
    # (national) begin with ราย, ฐาน, แห่ง; "35 countries and territories" counts two kinds; a plain
    # ASCII number with no noun after it needs no reading, as before
    assert figures(text, thai=True, decimal_comma=True) == []


def test_a_number_with_no_noun_after_it_is_read_as_before():
    # "৪০টি নেতৃত্বাধীন প্ল্যাটফর্ম" (40 leading platforms) was "৪০" until a classifier's noun was read past
    # the words qualifying it; "৫ দেশীয় পণ্য" has no classifier, so its number stays alone. "প্রদেশ ও শহর"
    # (provinces and cities) is one count of two nouns: a Bengali noun phrase ends on its noun
    found = figures("২০টির বেশি প্রদেশ ও শহরের ৪০টি নেতৃত্বাধীন প্ল্যাটফর্ম, ৫ দেশীয় পণ্য")
    assert [(f.written, f.value, f.more, f.counts, f.also) for f in found] == [
        ("২০টির বেশি প্রদেশ ও শহর", "20", True, "province", "city"),
        ("৪০টি নেতৃত্বাধীন প্ল্যাটফর্ম", "40", False, "platform", ""), ("৫", "5", False, "", "")]


def test_units_dates_years_and_ordinals_still_win():
    thai = figures("เมื่อปี 2563 โครงการ 30 ล้านบาท คน 18 สิงหาคม 2567 ประเทศ", thai=True)
    assert [(f.written, f.kind, f.currency, f.counts) for f in thai] == [
        ("2563", "era_year", "", ""), ("30 ล้านบาท", "scaled", "THB", ""), ("18 สิงหาคม", "date", "", ""),
        ("2567", "era_year", "", "")]
    bengali = figures("১২৩ শতাংশ মানুষ, ৫ম বার, ১ টন পণ্য")
    assert [(f.written, f.kind, f.unit, f.of, f.counts) for f in bengali] == [
        ("১২৩ শতাংশ", "number", "concentr-percent", "", ""), ("৫ম বার", "ordinal", "", "time", ""),
        ("১ টন", "number", "mass-tonne", "", "")]


def test_every_counted_noun_has_its_words_in_every_language():
    keys = {f"count_{noun}_{form}" for noun in COUNT_NOUNS for form in ("one", "other", "more")}
    for lang, strings in STRINGS.items():
        assert {key for key in strings if key.startswith("count_")} == keys, lang


INITIATIVES = seed_paragraph("000_9d5ab8d44f53d486.txt", "৫টি উদ্যোগ")  # the fair's five initiatives
COURSES = seed_paragraph("004_2ae2260a8322f133.txt", "প্রশিক্ষণ কোর্স")  # 11 AI training courses
AGED = seed_paragraph("004_2ae2260a8322f133.txt", "বয়সী")  # the share of those aged 15 or over


@pytest.mark.parametrize(("paragraph", "lang", "reading"), [
    (INITIATIVES, "en", "৫টি উদ্যোগ = 5 initiatives"),
    (INITIATIVES, "vi", "৫টি উদ্যোগ = 5 sáng kiến"),
    (COURSES, "en", "১১টি কৃত্রিম বুদ্ধিমত্তা প্রশিক্ষণ কোর্স = 11 courses"),
    (COURSES, "th", "১১টি কৃত্রিম বুদ্ধিমত্তা প্রশিক্ষণ কোর্স = 11 หลักสูตร"),
], ids=["initiatives-en", "initiatives-vi", "courses-en", "courses-th"])
def test_what_the_seeds_count_is_read(paragraph, lang, reading):
    # a blind user test got "৫ = 5", "১১ = 11" (its noun three words on) and "১৫ = 15" (aged 15 or over,
    # read as an age in tests/test_readings_words.py)
    assert reading in figure_readings(paragraph, "bn", lang).items


@pytest.mark.parametrize("text", [
    "৫টি জেলার প্রতিষ্ঠান পুরস্কার পায়",  # the firms of 5 districts: a genitive ends what qualifies
    "১০টি চুক্তি সই করেছে প্রতিষ্ঠান",  # a verb ends it: 10 agreements, not firms
    "৫টি চুক্তি স্বাক্ষরিত হয় দেশের মধ্যে",
    "৩টি প্রস্তাব গ্রহণ করেন প্রতিষ্ঠান",
    "৩টি নতুন ও ২টি পুরনো পণ্য",  # "and" before another count: the first counts what is left unsaid
    "৫টি চুক্তি, দেশের জন্য",  # a comma ends the phrase
    "৬টি বড় নতুন দেশীয় মাঝারি ছোট উন্নত সস্তা পণ্য",  # seven words on: too far to be sure
    "৩ হাজার ছাড়িয়ে গেছে মানুষ",  # a scale word's noun, past a verb: none
], ids=["genitive", "verb", "verb-hoy", "verb-koren", "and-a-count", "comma", "seven-words", "scaled-verb"])
def test_a_noun_past_a_verb_case_or_comma_is_not_counted(text):
    assert [figure.counts for figure in figures(text)][0] == ""


@pytest.mark.parametrize("text", ["ngày 24/5 năm 2025", "quý 3 năm nay", "quý 4 năm ngoái"])
def test_a_vietnamese_year_named_after_a_number_is_no_span_of_years(text):
    # "24/5 năm 2025" is 24 May of 2025, "quý 3 năm nay" the third quarter of this year
    assert figures(text, decimal_comma=True) == []

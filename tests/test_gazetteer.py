"""Places Bengali and Thai write by their sound, read in any of our scripts (``index.gazetteer``),
and read out under a quote as the reader names them (``index.place_names``)."""

from __future__ import annotations

import unicodedata

import pytest

from index.gazetteer import MIN_THAI_SPELLING, PLACES, listed_places, listed_spellings
from index.place_names import place_reading, places_written
from index.thai import thai_words


@pytest.mark.parametrize(("text", "named"), [
    ("งานที่ลายเจิวมีผู้เข้าชมกี่คน", {"Lai Châu": "ลายเจิว"}),  # Thai writes no spaces around it
    ("ร้านค้าในดองไนขายได้เท่าไร", {"Đồng Nai": "ดองไน"}),  # a spelling chat uses, beside Wikipedia's "ด่งนาย"
    ("งานแสดงสินค้าที่เซี่ยงไฮ้กับปักกิ่ง", {"Shanghai": "เซี่ยงไฮ้", "Beijing": "ปักกิ่ง"}),
    ("কুয়াংচৌতে মেলা হয়েছিল", {"Guangzhou": "কুয়াংচৌতে"}),  # a Bengali case ending on
    ("পেইচিং ও বেইজিং", {"Beijing": "পেইচিং"}),  # China Media Group's spelling and Bangladesh's: the first
    ("Hội chợ ở Quảng Châu và Thâm Quyến", {"Guangzhou": "Quảng Châu", "Shenzhen": "Thâm Quyến"}),
    ("Hoi cho o Quang Chau", {"Guangzhou": "Quang Chau"}),  # marks aside
    ("The fair in Xi'an and Guangzhou", {"Xi'an": "Xi'an", "Guangzhou": "Guangzhou"}),
])
def test_places_are_read_in_every_script(text, named):
    assert listed_places(text) == named


@pytest.mark.parametrize("text", [
    "উহানেরা",  # no case ending: a longer word
    "বাংলাদেশি উহানটি",  # a Bengali word going on after the name is another word
    "quang chau",  # Latin names are capitalised
    "Shanghainese food",  # a longer word
    "ปูเสฉวนตัวนี้",  # a hermit crab, "Sichuan crab": that spelling of Sichuan is not listed
    "ผมเว้นวรรค",  # Huế's "เว้" is too short to read anywhere
    "Hai năm qua",  # "two years", not Hải Nam (Hainan): a name is capitalised word by word
])
def test_words_that_only_contain_a_spelling_are_no_places(text):
    assert listed_places(text) == {}


def test_thai_spellings_are_no_parts_of_other_thai_words():
    # Thai writes no spaces, so a spelling is read anywhere: one inside an everyday word (as "เสฉวน"
    # is in "ปูเสฉวน") would name a place in text about something else
    from index.thai import _dictionary

    words = _dictionary()
    spellings = {unicodedata.normalize("NFC", s) for place in PLACES for s in place.thai}
    long_enough = {s for s in spellings if len(s) >= MIN_THAI_SPELLING}
    inside = {(s, word) for s in long_enough for word in words if s in word and word != s}
    assert inside == {("เดียนเบียน", "เดียนเบียนฟู")}  # Điện Biên Phủ, the city of Điện Biên
    assert len(long_enough) >= 0.9 * len(spellings)  # few are too short to be read


def test_each_spelling_names_one_place():
    seen: dict[str, str] = {}
    for place in PLACES:
        for spelling in (*place.thai, *place.bengali, *place.latin):
            assert seen.setdefault(unicodedata.normalize("NFC", spelling), place.name) == place.name, spelling
    assert len({place.name for place in PLACES}) == len(PLACES)


def test_positions_are_the_texts():
    text = "ที่ กวางโจว และ Quảng Châu"
    assert [(text[start:start + len(written)], name) for start, written, name in listed_spellings(text)] == [
        ("กวางโจว", "Guangzhou"), ("Quảng Châu", "Guangzhou")]


def test_thai_spellings_are_cut_as_thai_words_are():
    # the dictionary lists the well-known ones whole, so the word cutter keeps them whole too
    assert "กวางโจว" in thai_words("งานที่กวางโจวจบแล้ว")


@pytest.mark.parametrize(("lang", "reading"), [
    ("en", "Guangzhou"), ("vi", "Quảng Châu"), ("th", "กวางโจว"), ("bn", "কুয়াংচৌ")])
def test_chinas_places_are_read_out_as_each_language_names_them(lang, reading):
    (written, place), = places_written("মেলাটি কুয়াংচৌতে হয়েছিল।", "bn")
    assert written == "কুয়াংচৌতে" and place_reading(place, lang) == unicodedata.normalize("NFC", reading)


def test_vietnams_places_are_read_out_in_thai_letters_for_a_thai_reader():
    (written, place), = places_written("মেলাটি লাই চাউ প্রদেশে হয়েছিল।", "bn")
    assert written == "লাই চাউ"
    assert [place_reading(place, lang) for lang in ("th", "en", "vi")] == ["ลายเจิว", "Lai Chau", "Lai Châu"]
    # and read in a Thai passage, for the other readers
    assert [place.name for _, place in places_written("งานจัดที่ลายเจิวและฮานอย", "th")] == ["Lai Châu", "Hà Nội"]

"""The place a follow-up that asks nothing of its own names, and whether a passage speaks of it
(index/places.py): pure, no model."""

from __future__ import annotations

import pytest

from index import Place, place_name
from index.places import carried_subject, fold, places_named, speaks_of, stems


@pytest.mark.parametrize(("follow_up", "subject"), [
    ("what about Thailand?", "Thailand"),
    ("and in Lai Chau?", "Lai Chau"),
    ("and in 2023?", "2023"),
    ("And what about Thailand too?", "Thailand"),
    ("còn Thái Lan thì sao?", "Thái Lan"),
    ("còn ở Lai Châu thì sao?", "Lai Châu"),
    ("thế còn năm 2024 thì sao", "năm 2024"),
    ("the con Thai Lan thi sao", "Thai Lan"),
    ("আর থাইল্যান্ডে?", "থাইল্যান্ডে"),
    ("আর লাই চাউতে?", "লাই চাউতে"),
    ("আর কুয়াংচৌতে?", "কুয়াংচৌতে"),  # a vowel sign ends the name: it is no punctuation
    ("থাইল্যান্ডের ক্ষেত্রে?", "থাইল্যান্ডের"),
    ("แล้วที่กวางโจวล่ะ", "กวางโจว"),
    ("แล้วประเทศไทยล่ะ", "ประเทศไทย"),
    ("ส่วนจีนล่ะครับ", "จีน"),
], ids=lambda value: str(value)[:20])
def test_what_a_follow_up_carried_on_asks_about(follow_up, subject):
    assert carried_subject(follow_up) == subject


@pytest.mark.parametrize("question", [
    # it asks something of its own: a figure, a question word, yes or no
    "and when did it close?", "what about the visitors, how many came?", "còn ai tổ chức?", "আর কে আয়োজন করেছিল?",
    "แล้วใครเป็นผู้จัด", "did Thailand take part too?",
    # it does not carry on: keywords, or a question of its own without a question word
    "Thailand", "Alibaba AI", "so tai khoan thanh toan dang hoat dong o tuyen quang", "con so nguoi tham gia",
    # it points back: no new place
    "and there?", "còn ở đó thì sao?", "আর সেখানে?", "แล้วที่นั่นล่ะ",
], ids=lambda value: value[:20])
def test_a_message_asking_or_pointing_back_carries_no_subject(question):
    assert carried_subject(question) is None


def test_a_country_is_checked_in_any_script_and_another_name_only_where_the_articles_write_it():
    def never(name: str) -> str | None:
        return None

    assert places_named("থাইল্যান্ডে", never) == (Place("থাইল্যান্ড", "TH"),)
    assert places_named("ประเทศไทย", never) == (Place("ประเทศไทย", "TH"),)
    assert places_named("Thái Lan", never) == (Place("Thái Lan", "TH"),)
    # a city no article writes as typed: not checked (it may be there, spelled in another script)
    assert places_named("Lai Chau", never) == ()
    assert places_named("লাই চাউতে", lambda name: "লাই চাউ") == (Place("লাই চাউ"),)
    # a year is the year rule's; nothing carried, nothing checked
    assert places_named("2023", lambda name: name) == () and places_named(None, never) == ()


def test_a_passage_speaks_of_a_country_in_any_language_and_of_a_name_as_the_articles_write_it():
    assert speaks_of("ร่วมมือกับมหาวิทยาลัยในประเทศไทย มาเลเซีย", Place("থাইল্যান্ড", "TH"))
    assert not speaks_of("চীন (কুয়াংচৌ) আন্তঃসীমান্ত ই-কর্মাস মেলা", Place("Thailand", "TH"))
    assert speaks_of("২৪ থেকে ২৫ মে, ২০২৫ পর্যন্ত, লাই চাউ প্রদেশে", Place("লাই চাউ"))
    assert speaks_of("tỉnh Lai Châu tổ chức", Place("lai chau"))  # diacritics and capitals aside
    assert not speaks_of("চীন (কুয়াংচৌ) আন্তঃসীমান্ত ই-কর্মাস মেলা", Place("লাই চাউ"))


def test_bengali_case_endings_leave_stems_and_folding_keeps_bengali_and_thai_signs():
    assert stems("লাই চাউতে")[0] == "লাই চাউ" and stems("লাই চাউতে")[-1] == "লাই চাউতে"
    assert stems("টুয়েন কোয়াং-এ") == ["টুয়েন কোয়াং", "টুয়েন কোয়াং-এ"]
    assert stems("Lai Chau") == ["Lai Chau"]
    assert fold("Đồng Nai, LAI CHÂU") == "dong nai, lai chau"
    assert fold("থাইল্যান্ডে") == "থাইল্যান্ডে" and fold("ประเทศไทย") == "ประเทศไทย"


def test_a_reply_names_a_country_in_its_own_language_and_another_place_as_written():
    assert place_name(Place("Thailand", "TH"), "bn") == "থাইল্যান্ড"
    assert place_name(Place("লাই চাউ"), "en") == "লাই চাউ"

"""Which sentence answers, beyond the kind of figure asked (``index.focus``): the one naming what the figure
measures (a streak, a score, a rank), and for "what did X say" the statement after its attribution.
Sentences from the seed articles."""

from __future__ import annotations

import pytest

from index.focus import asked_measures, asks_what_said, measure_sentences, names_measure, statement_leads
from index.numbers import POINTS, figures

# Đồng Nai's EBI paragraph: a score and a rank, a run of years, two more ranks
SCORE = ("ভিয়েতনাম ই-কমার্স সূচক (EBI) রিপোর্ট ২০২৫ অনুসারে, ডং নাইয়ের ই-কমার্স সূচক ১৩.৩ পয়েন্ট "
         "(জাতীয় EBI সূচকের গড় স্কোরের চেয়ে বেশি) এবং দেশে ৭ম স্থানে রয়েছে।")
STREAK = "এটি টানা ৯ম বছর যে ডং নাই ই-কমার্স সূচকের দিক থেকে দেশের শীর্ষ ১০টি অঞ্চলে তার স্থান বজায় রেখেছে।"
RANKS = ("EBI সূচকের মানদণ্ড গোষ্ঠীতে, ডং নাই ব্যবসা-থেকে-ভোক্তা লেনদেন সূচকে (B2C) ৬ষ্ঠ এবং ব্যবসা-থেকে-ব্যবসা "
         "লেনদেন সূচকে (B2B) ৭ম স্থানে রয়েছে।")
EBI = [SCORE, STREAK, RANKS]

# Thai clauses, as the chunker splits them at spaces: Wang Shubin's attribution runs over three
WANG = ["นายหวาง ซู่ปิน หัวหน้าฝ่ายบริหารของวิทยาลัยอาชีวศึกษาธุรกิจระหว่างประเทศกว่างซี ทางตอนใต้ของจีน",
        "กล่าวในการบรรยายออนไลน์ เรื่องอีคอมเมิร์ซเส้นทางสายไหม",
        "สำหรับสมาชิกสมาคมประชาชาติแห่งเอเชียตะวันออกเฉียงใต้ (อาเซียน) ว่า",
        "วิทยาลัยแห่งนี้เป็นผู้นำการศึกษาด้านอาชีวศึกษาและอีคอมเมิร์ซข้ามพรมแดน เขากล่าวว่า",
        "วิทยาลัยใช้ประโยชน์จากอีคอมเมิร์ซเส้นทางสายไหมและสถานะของกว่างซี",
        "ในฐานะประตูสู่เอเชียตะวันออกเฉียงใต้ของจีน"]
LI = ["นายหลี่ หมิงเทา สมาชิกคณะกรรมการที่ปรึกษาผู้เชี่ยวชาญเพื่อการพัฒนาเมืองสาธิตอีคอมเมิร์ซระดับชาติ กล่าวว่า",
      "จีนยังคงสร้างสภาพแวดล้อมที่เอื้อต่อความร่วมมือด้านอีคอมเมิร์ซระดับโลก"]
LI_ADDED = ["หลี่กล่าวเสริมว่า ข้อกำหนดด้านอีคอมเมิร์ซ", "ได้ถูกผนวกเข้าไว้ในการเจรจาการค้าพหุภาคีและทวิภาคี"]


@pytest.mark.parametrize(("question", "measures"), [
    ("Đồng Nai đã mấy năm liên tiếp nằm trong top 10 chỉ số EBI?", {"streak"}),
    ("For how many consecutive years has Dong Nai been in the top 10?", {"streak"}),
    ("How many years in a row has it been in the top 10", {"streak"}),
    ("ডং নাই টানা কত বছর ধরে শীর্ষ ১০টি অঞ্চলে রয়েছে?", {"streak"}),
    ("ด่งนายติดท็อป 10 ดัชนีอีคอมเมิร์ซติดต่อกันกี่ปีแล้ว", {"streak"}),
    ("ดงนาย ดัชนี EBI คะแนน", {"score"}),
    ("What was Dong Nai's EBI score?", {"score"}),
    ("Chỉ số EBI của Đồng Nai đạt bao nhiêu điểm?", {"score"}),
    ("ডং নাইয়ের EBI স্কোর কত?", {"score"}),
    ("What rank did Dong Nai get in the EBI?", {"rank"}),
    ("Đồng Nai xếp hạng mấy về chỉ số B2C?", {"rank"}),
    ("B2B লেনদেন সূচকে ডং নাই কততম?", {"rank"}),
    ("ด่งนายอยู่อันดับที่เท่าไรในดัชนี EBI", {"rank"}),
    ("Dong Nai EBI score and rank", {"score", "rank"}),
    ("How many people visited the fair?", set()),
    ("Chuỗi sự kiện ở Lai Châu được coi là điểm khởi đầu của mô hình gì?", set()),  # a starting point
    ("What is the point of the 40 cooperation projects?", set()),  # a purpose, not points
    ("What position does the deputy director hold?", set()),  # a post, not a rank
    ("Hội chợ diễn ra ở địa điểm nào?", set()),  # a venue
], ids=lambda value: str(value)[:30])
def test_what_a_question_asks_its_figure_to_measure(question, measures):
    assert asked_measures(question) == measures


def test_the_sentence_naming_the_measure_asked_is_marked():
    # a blind user test's "how many years in a row" was bolded the score sentence, and "EBI score" the ranks
    assert measure_sentences(EBI, "Đồng Nai đã mấy năm liên tiếp nằm trong top 10 chỉ số EBI?") == (1,)
    assert measure_sentences(EBI, "ดงนาย ดัชนี EBI คะแนน") == (0,)
    assert 2 in measure_sentences(EBI, "Đồng Nai xếp hạng mấy về chỉ số B2C?")
    assert measure_sentences(EBI, "How many people visited the fair?") == ()


def test_a_measure_is_named_beside_a_figure():
    assert not names_measure("ডং নাই টানা উন্নতি করছে।", frozenset({"streak"}), "কত বছর টানা?")  # no figure
    assert not names_measure("The score is set by Vecom.", frozenset({"score"}), "What score?")
    assert names_measure("Đồng Nai đạt 13,3 điểm.", frozenset({"score"}), "Bao nhiêu điểm?")
    assert names_measure("ด่งนายได้ 13.3 คะแนน", frozenset({"score"}), "กี่คะแนน", thai=True)
    # the question's own numbers are no answer: "top 10" asked is not the figure stated
    assert not names_measure("ডং নাই টানা শীর্ষ ১০টি অঞ্চলে রয়েছে।", frozenset({"streak"}),
                             "How many years in the top 10 in a row?")


@pytest.mark.parametrize(("question", "asks"), [
    ("What did Li Mingtao say?", True),
    ("Ông Wang Shubin nói gì về vị thế của Quảng Tây?", True),
    ("লি মিংথাও চীনের ই-কমার্স সহযোগিতা নিয়ে কী বলেছেন?", True),
    ("นายหลี่ หมิงเทา กล่าวว่าอย่างไร", True),
    ("pho giam doc so cong thuong noi gi ve hoi nghi", True),
    ("Who is Li Mingtao?", False),
    ("How many people visited the fair?", False),
    ("Li Mingtao said", False),  # keywords ask nothing
], ids=lambda value: str(value)[:30])
def test_questions_asking_what_someone_said(question, asks):
    assert asks_what_said(question) is asks


def test_attributions_that_lead_on_into_a_statement():
    # "… (อาเซียน) ว่า" (… said to ASEAN members that), its verb two clauses before; "เขากล่าวว่า" (he said that)
    assert statement_leads(WANG) == (2, 3)
    assert statement_leads(LI) == (0,)
    assert statement_leads(LI_ADDED) == (0,), "Li added that…: a short clause joined to the statement's opening"
    assert statement_leads(["The minister said:", "Trade will grow."]) == (0,)
    assert statement_leads(["ร้านค้าว่างลงในปีนี้", "จำนวนร้านค้าเพิ่มขึ้น"]) == (), "ว่าง (empty) is no 'that'"
    assert statement_leads(["ผลิตภัณฑ์ที่ขายดีที่สุด ได้แก่", "ข้าว ผลไม้"]) == (), "a list, not a statement"


def test_a_bengali_ordinal_reads_with_what_it_ranks():
    found = {f.written: f for f in figures(SCORE + " " + STREAK + " " + RANKS)}
    assert found["৭ম স্থান"].of == "rank"
    assert found["টানা ৯ম বছর"].of == "year" and found["টানা ৯ম বছর"].running
    assert found["৬ষ্ঠ"].of == "rank", "6th and 7th place: the ordinal takes the next one's noun"
    assert found["১৩.৩ পয়েন্ট"].unit == POINTS
    assert [f.written for f in figures("৫ম বার মেলা হয়। স্থানীয় ৩য় পক্ষ এসেছে।")] == ["৫ম বার", "৩য়"]
    assert figures("৫ম বার মেলা হয়।")[0].of == "time"
    assert not figures("৩য় পক্ষ এসেছে। দেশে ৭ম স্থানে।")[0].of, "no noun shared across a sentence's end"


def test_points_scored_are_read_but_not_points_of_sale():
    vietnamese = figures("Đồng Nai đạt 13,3 điểm.", decimal_comma=True)
    assert [(f.written, f.unit) for f in vietnamese] == [("13,3 điểm", POINTS)]
    assert [(f.written, f.unit) for f in figures("সূচক ১২ পয়েন্টে পৌঁছায়।")] == [("১২ পয়েন্ট", POINTS)]
    for text in ("Có 20 điểm bán hàng.", "Có 5 điểm đến du lịch."):  # points of sale, destinations
        assert not any(f.unit == POINTS for f in figures(text, decimal_comma=True)), text

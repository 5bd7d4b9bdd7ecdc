"""The Places line under a quote in another script: the places it names, as the reader names them.
Two blind user tests could not read the answer to "which countries?" in a Thai quote, nor to "where?"
("বাক নিনে", Bac Ninh) in a Bengali one. Sentences from the seed articles."""

from __future__ import annotations

import pytest

from bot.i18n import t
from bot.place_readings import place_readings, places_asked
from bot.render import render_answer, render_answer_page, render_plain
from bot.service import answer_question
from index import Place, Searcher, asks_where, places_written
from tests.test_render import assert_valid, make_hit, make_result

HUBS = ("วิทยาลัยได้จัดตั้งแพลตฟอร์ม “Guihai Business Hub” ในต่างประเทศ 10 แห่ง โดยร่วมมือกับมหาวิทยาลัยและบริษัทต่าง ๆ "
        "ในประเทศไทย มาเลเซีย สิงคโปร์ กัมพูชา ลาว และเวียดนาม")
WANG = "นายหวาง ซู่ปิน หัวหน้าฝ่ายบริหารของวิทยาลัยอาชีวศึกษาธุรกิจระหว่างประเทศกว่างซีในเขตปกครองตนเองกว่างซีจ้วง ทางตอนใต้ของจีน"
DINH = ("নঘিয়া থুয়ান কমিউনের মা হং গ্রামের একজন হ'মং মহিলা ভ্যাং থি দিন, স্মার্টফোনের মাধ্যমে গ্রাহকদের কাছে "
        "প্রতিটি পণ্যের ব্যবহার পরিচয় করিয়ে দেওয়ার সময় দ্রুত পণ্য প্যাক করেন।")
BAC_NINH = ("মিসেস দিন এবং তার স্বামী তাদের নিজের, তাদের সন্তানদের এবং তাদের বাবা-মায়ের জন্য আরও স্থিতিশীল জীবনের "
            "আশায় বাক নিনে কাজ করার জন্য তাদের শহর ছেড়ে যান।")
EBI = ("ভিয়েতনাম ই-কমার্স অ্যাসোসিয়েশন (Vecom) দ্বারা প্রকাশিত ভিয়েতনাম ই-কমার্স সূচক (EBI) রিপোর্ট ২০২৫ অনুসারে, "
       "ডং নাইয়ের ই-কমার্স সূচক ১৩.৩ পয়েন্ট (জাতীয় EBI সূচকের গড় স্কোরের চেয়ে বেশি) এবং দেশে ৭ম স্থানে রয়েছে। "
       "এটি টানা ৯ম বছর যে ডং নাই ই-কমার্স সূচকের দিক থেকে দেশের শীর্ষ ১০টি অঞ্চলে তার স্থান বজায় রেখেছে।")
VISITORS = "জানা গেছে, মোট ৫৬ হাজার মানুষ এবারের মেলা পরিদর্শন করে, যা গত বছরের তুলনায় ১২৩ শতাংশ বেশি।"
THAI_READINGS = {
    "vi": "ประเทศไทย = Thái Lan · มาเลเซีย = Malaysia · สิงคโปร์ = Singapore · กัมพูชา = Campuchia · ลาว = Lào · "
          "เวียดนาม = Việt Nam",
    "en": "ประเทศไทย = Thailand · มาเลเซีย = Malaysia · สิงคโปร์ = Singapore · กัมพูชา = Cambodia · ลาว = Laos · "
          "เวียดนาม = Vietnam",
    "bn": "ประเทศไทย = থাইল্যান্ড · มาเลเซีย = মালয়েশিয়া · สิงคโปร์ = সিঙ্গাপুর · กัมพูชา = কম্বোডিয়া · ลาว = লাওস · "
          "เวียดนาม = ভিয়েতনাম",
}


def places_line(text: str, quote_lang: str, lang: str, question: str, best: int = 0) -> list[str]:
    """The reading lines under the page's first quote of ``text`` (its sentence ``best`` in bold)."""
    page = render_plain(render_answer(make_result(make_hit(text, quote_lang, best=best), question=question),
                                      lang).messages[0])
    return page.split("\n\n")[1].splitlines()[2:]


def test_a_passage_names_countries_and_vietnams_places_in_the_order_written():
    assert [written for written, _ in places_written(HUBS, "th")] == \
        ["ประเทศไทย", "มาเลเซีย", "สิงคโปร์", "กัมพูชา", "ลาว", "เวียดนาม"]
    assert places_written(BAC_NINH, "bn") == (("বাক নিনে", Place("Bắc Ninh")),)
    # a case ending stays on the name as written; Vietnam once a country, Dong Nai once a province
    assert [(written, place.country) for written, place in places_written(EBI, "bn")] == \
        [("ভিয়েতনাম", "VN"), ("ভিয়েতনাম", "VN"), ("ডং নাইয়ের", None), ("ডং নাই", None)]
    assert places_written(VISITORS, "bn") == ()
    assert places_written(DINH, "bn") == ()  # a village and a commune: no list of ours names them
    # a country's adjective is no name of it: "চীনা বিক্রেতা" are Chinese sellers
    assert places_written("চীনা বিক্রেতা বিদেশি নতুন বাজার সম্প্রসারণ করার জন্য", "bn") == ()


@pytest.mark.parametrize("lang", ["vi", "en", "bn"])
def test_the_countries_of_a_thai_quote_are_read_in_the_readers_language(lang):
    # the thirteenth user test's Vietnamese reader could not read "which countries?" answered in Thai
    assert " · ".join(place_readings(HUBS, "th", lang, HUBS)) == THAI_READINGS[lang]


@pytest.mark.parametrize(("lang", "reading"), [("en", "বাক নিনে = Bac Ninh"), ("vi", "বাক নিনে = Bắc Ninh"),
                                               ("th", "বাক নিনে = บั๊กนิญ")])  # as Thai spells it
def test_a_vietnamese_province_in_a_bengali_quote_is_read(lang, reading):
    # the twelfth user test's "where?" was answered "বাক নিনে", which an English reader cannot read
    assert place_readings(BAC_NINH, "bn", lang, BAC_NINH) == (reading,)


@pytest.mark.parametrize(("text", "quote_lang", "lang"), [
    (HUBS, "th", "th"), (BAC_NINH, "bn", "bn"), (EBI, "bn", "bn"),  # the reader's own script
    (VISITORS, "bn", "en"), (DINH, "bn", "vi"), (VISITORS, "bn", "th"),  # no place it reads
])
def test_no_places_line_for_the_readers_own_script_or_a_quote_naming_no_place(text, quote_lang, lang):
    assert place_readings(text, quote_lang, lang, text, "where") == ()


def test_a_place_the_reader_writes_alike_is_not_read():
    # a Latin name in a Thai quote reads the same to an English or Vietnamese reader
    quote = "ร่วมมือกับบริษัทใน Malaysia และกัมพูชา"
    assert place_readings(quote, "th", "en", quote) == ("กัมพูชา = Cambodia",)
    assert place_readings(quote, "th", "bn", quote) == ("Malaysia = মালয়েশিয়া", "กัมพูชา = কম্বোডিয়া")


def test_the_bold_sentences_places_lead_each_once_and_at_most_six():
    quote = f"{WANG} {HUBS}"
    assert place_readings(quote, "th", "en", HUBS, "where") == tuple(THAI_READINGS["en"].split(" · "))  # China cut
    # the bold sentence's places first, each once: it writes Guangxi ("กว่างซี") twice
    assert place_readings(quote, "th", "en", WANG, "all")[:3] == ("กว่างซี = Guangxi", "จีน = China",
                                                                 "ประเทศไทย = Thailand")
    assert place_readings(EBI, "bn", "en", EBI) == ("ভিয়েতনাম = Vietnam", "ডং নাইয়ের = Dong Nai")


def test_a_question_asking_no_place_reads_the_bold_sentence_only():
    quote = f"{DINH} {BAC_NINH}"
    assert place_readings(quote, "bn", "en", DINH) == ()
    assert place_readings(quote, "bn", "en", DINH, "where") == ("বাক নিনে = Bac Ninh",)
    assert place_readings(quote, "bn", "en", DINH, "all") == ("বাক নিনে = Bac Ninh",)


@pytest.mark.parametrize(("question", "asked"), [
    ("In which province did Mrs Dinh look for work?", "where"),
    ("Where are the college's platforms abroad?", "where"),
    ("Nền tảng của trường đặt tại những quốc gia nào?", "where"),
    ("chị ấy từng đi làm o dau", "where"),
    ("মিসেস দিন কোথায় কাজ করতে গিয়েছিলেন?", "where"),
    ("প্ল্যাটফর্মগুলো কোন কোন দেশে?", "where"),
    ("แพลตฟอร์มตั้งอยู่ในประเทศใดบ้าง", "where"),
    ("นางดิญเคยทำงานที่ไหน", "where"),
    ("What are the five initiatives?", "all"),
    ("guihai hub", "all"),  # keywords ask nothing in particular
    ("How many people visited the fair?", ""),
    ("Where did Dong Nai rank in the B2C index?", ""),  # a rank, not a place
    ("Which village does Mrs Dinh come from?", ""),  # a village: no list of ours reads one
], ids=["en-province", "en-where", "vi-countries", "vi-unmarked", "bn-where", "bn-countries", "th-countries",
        "th-where", "list", "keywords", "figure", "rank", "village"])
def test_what_a_question_asks_of_the_places_line(question, asked):
    assert places_asked(question) == asked
    assert asks_where(question) == (asked == "where")


@pytest.mark.parametrize("lang", ["en", "vi", "bn"])
def test_the_line_leads_the_readings_for_a_question_asking_where(lang):
    question = {"en": "Which countries?", "vi": "Ở những nước nào?", "bn": "কোন কোন দেশে?"}[lang]
    lines = places_line(HUBS, "th", lang, question)
    assert lines[0] == t("reading_places", lang, places=THAI_READINGS[lang])
    assert lines[1].startswith(t("reading_numbers", lang, numbers=""))  # "10 แห่ง = 10" follows


def test_the_line_follows_the_figures_and_names_otherwise():
    lines = places_line(EBI, "bn", "th", "EBI ของด่งนายได้กี่คะแนน")
    assert lines[-1] == t("reading_places", "th", places="ভিয়েতনাম = เวียดนาม · ডং নাইয়ের = ด่งนาย")
    assert lines[0].startswith(t("reading_numbers", "th", numbers=""))


def test_the_line_is_valid_telegram_html_and_escaped():
    message = render_answer(make_result(make_hit(f"<b>&</b> {HUBS}", "th", best=0), question="Which countries?"),
                            "en").messages[0]
    assert_valid(message)
    assert "Places: ประเทศไทย = Thailand" in message and "&lt;b&gt;&amp;" in message


@pytest.mark.model
@pytest.mark.parametrize(("question", "lang", "reading"), [
    ("Trường cao đẳng Quảng Tây mở nền tảng Guihai Business Hub tại những quốc gia nào?", "vi", THAI_READINGS["vi"]),
    ("In which province did Vang Thi Dinh and her husband look for work away from home?", "en", "বাক নিনে = Bac Ninh"),
], ids=["vi-countries", "en-province"])
def test_a_real_answer_reads_the_places_it_quotes(real_index, embedder, question, lang, reading):
    page = render_answer_page(answer_question(Searcher.open(real_index, embedder), question), 0, 3).messages[0]
    assert_valid(page)
    assert t("reading_places", lang, places=reading) in render_plain(page).splitlines()

"""Vietnam's and Thailand's provinces a question names, in any script, and whether an article does
(``index.provinces``); a question about one that no article names is refused, not answered with
another province's passage."""

from __future__ import annotations

import pytest

from index import Searcher, is_confident, store
from index.models import Chunk
from index.answer_type import asks_locality, sets_aside
from index.places import without_asker
from index.provinces import ArticleCountries, ProvinceCheck, locality_country, names_province_of, provinces_named
from index.sounds import SoundLexicon
from index.unknown_names import NameFinder


@pytest.mark.parametrize(("question", "named"), [
    ("Thương mại điện tử ở Cần Thơ phát triển như thế nào?", {"Cần Thơ": "Cần Thơ"}),
    ("How is e-commerce doing in Can Tho and Da Nang?", {"Cần Thơ": "Can Tho", "Đà Nẵng": "Da Nang"}),
    ("อีคอมเมิร์ซในภูเก็ตเป็นอย่างไร", {"Phuket": "ภูเก็ต"}),
    ("ร้านค้าออนไลน์ในกรุงเทพฯ มีกี่ร้าน", {"Bangkok": "กรุงเทพ"}),  # the short name, as it is mostly written
    ("ที่จังหวัดน่านมีร้านค้าออนไลน์ไหม", {"Nan": "น่าน"}),  # a short name after "province"
    ("Are there online shops in Bangkok or Chiang Mai?", {"Bangkok": "Bangkok", "Chiang Mai": "Chiang Mai"}),
    ("হা নোইতে কতজন বিক্রেতা ছিল?", {"Hà Nội": "হা নোইতে"}),  # Bengali, by sound, a case ending on
    ("কান থো প্রদেশে ই-কমার্স কেমন?", {"Cần Thơ": "কান থো"}),
    ("งานที่ลายเจิวมีบูธกี่บูธ", {"Lai Châu": "ลายเจิว"}),  # Vietnam's in Thai letters (``gazetteer``)
    ("How many people visited the Shanghai fair?", {"Shanghai": "Shanghai"}),  # China's, in any script
    ("Hội chợ ở Thâm Quyến có bao nhiêu gian hàng?", {"Shenzhen": "Thâm Quyến"}),
    ("হাংচৌতে কতটি দোকান আছে?", {"Hangzhou": "হাংচৌতে"}),
])
def test_provinces_are_read_in_every_script(question, named):
    assert provinces_named(question) == named


@pytest.mark.parametrize("question", [
    "ไปเที่ยวแล้วชอบเลยไหม",  # "เลย" (at all) is Loei's name too: short names only after "จังหวัด"
    "Trang web nào bán nhiều nhất?",  # "Trang" is a Thai province and Vietnamese for "page"
    "thuong mai dien tu o can tho",  # uncapitalised: the caller's restored reading capitalises it
    "Thương mại điện tử vùng Tây Bắc phát triển ra sao?",  # a region, which articles translate
    "How did the livestream go?",
])
def test_everyday_words_and_regions_are_no_provinces(question):
    assert provinces_named(question) == {}


def _check(chunks) -> ProvinceCheck:
    lexicon = SoundLexicon((chunk.doc, chunk.text, chunk.lang) for chunk in chunks)
    return ProvinceCheck(chunks, lambda: lexicon)


def _chunk(text: str, lang: str, doc: str) -> Chunk:
    return Chunk(f"{doc}#0", "h", doc, "title", lang, 1, 0, len(text), text)


def test_a_province_is_named_by_an_article_in_its_own_script_or_by_its_sound():
    check = _check([
        _chunk("মেলাটি লাই চাউ প্রদেশে অনুষ্ঠিত হয়।", "bn", "a"),  # Bengali, read as place_names reads it
        _chunk("ร้านค้าในเชียงใหม่เติบโตขึ้น", "th", "b"),
        _chunk("Hội chợ ở Cần Thơ rất đông.", "vi", "c"),
    ])
    assert check.named("Lai Châu") and check.named("Chiang Mai") and check.named("Cần Thơ")
    assert not check.named("Đà Nẵng") and not check.named("Bangkok")
    assert check.unknown("Lai Chau và Đà Nẵng có bao nhiêu gian hàng?") == ("Đà Nẵng",)
    assert check.names_known("Lai Chau và Đà Nẵng có bao nhiêu gian hàng?")
    assert not check.names_known("Đà Nẵng có bao nhiêu gian hàng?")


def test_the_seed_articles_name_the_four_provinces_they_report_on(fake_index, real_seed_chunks):
    check = _check(real_seed_chunks)
    named = [name for name in ("Lai Châu", "Tuyên Quang", "Bắc Ninh", "Đồng Nai") if check.named(name)]
    assert named == ["Lai Châu", "Tuyên Quang", "Bắc Ninh", "Đồng Nai"]
    # and China's two they name, each in one article: "কুয়াংচৌ" (Bengali), "กว่างซี" (Thai)
    assert [sorted(check.articles(name)) for name in ("Guangzhou", "Guangxi", "Shanghai")] == [
        ["000_9d5ab8d44f53d486.txt"], ["001_a706cc8d4ec72211.txt"], []]
    # Can Tho sounds 0.71 like a run of the Thai article's words, which names no Vietnamese place
    assert [name for name in ("Cần Thơ", "Hà Nội", "Đà Nẵng", "Chiang Mai", "Bangkok", "Phuket") if check.named(name)] == []


@pytest.fixture(scope="module")
def real_seed_chunks(real_index):
    return store.load_for(real_index).chunks


def test_a_province_no_article_names_is_reported_beside_countries(real_seed_chunks):
    finder = NameFinder(real_seed_chunks)
    unknown = finder.unknown("Thương mại điện tử ở Cần Thơ phát triển như thế nào?")
    assert unknown.provinces == ("Cần Thơ",) and unknown.places == ("Cần Thơ",) and not unknown.names_known_place
    assert unknown.names == ("Cần Thơ",)
    beside = finder.unknown("I run a shop in Chiang Mai: which payment apps do people in Vietnam use?")
    assert beside.provinces == ("Chiang Mai",) and beside.names_known_place  # Vietnam is named


def test_a_place_only_another_article_names_is_reported_in_any_script(real_seed_chunks):
    finder = NameFinder(real_seed_chunks)
    fair, lai_chau = "000_9d5ab8d44f53d486.txt", "003_90ec0693ba803a49.txt"
    # the fair's article never names Lai Chau, which Thai spells "ลายเจิว" and the Lai Chau article "লাই চাউ"
    assert finder.named_elsewhere("งานที่ลายเจิวมีผู้เข้าชมกี่คน", fair) == ("ลายเจิว",)
    assert finder.articles_naming(("ลายเจิว",)) == {lai_chau}
    assert finder.named_elsewhere("งานที่กวางโจวมีผู้เข้าชมกี่คน", fair) == ()  # its own city
    # a follow-up moving on to a place is read in its own words, not the question it follows
    follow_up = "ডং নাইয়ের প্রদর্শনীতে কয়টি বুথ ছিল? আর লাই চাউতে?"
    assert finder.named_elsewhere(follow_up, lai_chau) == ("ডং নাইয়ের",)
    assert finder.named_elsewhere(follow_up, lai_chau, ("আর লাই চাউতে?",)) == ()


@pytest.mark.model
def test_a_question_about_a_province_no_article_names_is_refused(real_index, embedder):
    searcher = Searcher.open(real_index, embedder)
    for question in ("How is e-commerce developing in Can Tho?", "อีคอมเมิร์ซในภูเก็ตเติบโตอย่างไรบ้าง",
                     "Did Bangladesh join the Silk Road e-commerce programme?"):
        result = searcher.search(question)
        assert not result.found and result.not_found_reason == "not_mentioned", question
        assert result.related  # the nearest passages, on request
    # answered as before: the province named in passing beside a country the articles cover
    beside = searcher.search("I sell online in Chiang Mai. Which digital payment apps are used in Vietnam?")
    assert beside.found and beside.unknown_names == ("Chiang Mai",)
    # so is a country beside one the articles name (a limit: here both are its subjects), with the note
    with_china = searcher.search("Did Bangladesh sign a Silk Road e-commerce agreement with China?")
    assert with_china.found and with_china.unknown_names == ("Bangladesh",) and not is_confident(with_china)
    # a follow-up moving to a place the articles name is asked of that place alone
    moved = searcher.search("and in Guangzhou?", follow_up_of="How many people visited the Bangkok e-commerce fair?")
    assert moved.found and "৫৬" in moved.hits[0].chunk.text


@pytest.mark.parametrize(("question", "country"), [
    ("Which city in Thailand is the Guihai Business Hub in?", "TH"),
    ("ฮับในประเทศไทยอยู่จังหวัดใด", "TH"),
    ("Sàn này ở Việt Nam đặt tại thành phố nào?", "VN"),
    ("ভিয়েতনামের কোন প্রদেশে মেলা হয়েছিল?", "VN"),
    ("Which city did the Thai delegation visit?", None),  # an adjective: the city may be anywhere
    ("Which Vietnamese province ranked seventh?", None),
    ("Which city in Thailand or Vietnam has more online shops?", None),  # two countries
])
def test_the_country_a_question_asks_a_city_of_is_named_as_a_country_and_alone(question, country):
    assert asks_locality(question)
    assert locality_country(question) == country


@pytest.mark.parametrize("question", ["Where is the fair?", "Which country joined last?", "ร้านอยู่ที่ไหน",
                                      "Có bao nhiêu tỉnh tham gia?"])
def test_a_bare_where_or_a_country_is_no_locality(question):
    assert not asks_locality(question)


@pytest.mark.parametrize(("text", "lang", "country", "names"), [
    ("মেলাটি লাই চাউ প্রদেশে অনুষ্ঠিত হয়।", "bn", "VN", True),
    ("মেলাটি ভিয়েতনামে অনুষ্ঠিত হয়।", "bn", "VN", False),
    ("Hội chợ diễn ra tại Cần Thơ.", "vi", "VN", True),
    ("ร้านค้าในเชียงใหม่เติบโตขึ้น", "th", "TH", True),
    ("แพลตฟอร์มในประเทศไทย มาเลเซีย สิงคโปร์", "th", "TH", False),
    ("The hub opened in Bangkok.", "en", "TH", True),
    ("শপটি ব্যাংককে খোলা হয়।", "bn", "TH", None),  # Thailand's places in Bengali letters are not read
    ("งานจัดที่ฮานอย", "th", "VN", True),  # Vietnam's in Thai as the gazetteer spells them
    ("งานจัดที่เมืองชายแดน", "th", "VN", None),  # but not all there are: none read is no answer
    ("মেলাটি কুয়াংচৌতে অনুষ্ঠিত হয়।", "bn", "VN", False),  # Guangzhou is read, and is China's
])
def test_whether_a_passage_names_a_province_is_read_only_where_it_can_be(text, lang, country, names):
    assert names_province_of(text, lang, country) is names


@pytest.mark.model
def test_which_city_of_a_country_is_refused_over_a_passage_naming_only_the_country(real_index, embedder):
    searcher = Searcher.open(real_index, embedder)
    asked = searcher.search("Which city in Thailand hosts the Guihai Business Hub?")
    assert not asked.found and asked.not_found_reason == "no_place" and asked.related
    control = searcher.search("Which province of Vietnam held the e-commerce fair with 50 booths?")
    best = control.hits[0].chunk
    assert control.found and names_province_of(best.text, best.lang, "VN")  # answered, its province named


@pytest.mark.parametrize(("question", "aside"), [
    ("Which countries besides Japan joined the programme?", True),
    ("Ngoài Nhật Bản ra, nước nào tham gia chương trình?", True),
    ("জাপান ছাড়া কোন দেশ যোগ দিয়েছে?", True),
    ("นอกจากญี่ปุ่นมีประเทศใดเข้าร่วม", True),
    ("Doanh nghiệp nước ngoài có tham gia không?", False),  # "abroad", not "besides"
    ("How is e-commerce developing in Japan?", False),
])
def test_a_question_setting_a_place_aside_is_told(question, aside):
    assert sets_aside(question) is aside


@pytest.mark.model
def test_a_country_set_aside_is_named_on_purpose_and_the_question_answered(real_index, embedder):
    searcher = Searcher.open(real_index, embedder)
    asked = searcher.search("Which countries besides Japan joined the Silk Road e-commerce cooperation?")
    assert asked.found and asked.unknown_names == ("Japan",)  # with the note, under the caveat


def _doc(chunks, prefix: str) -> str:
    return next(chunk.doc for chunk in chunks if chunk.doc.startswith(prefix))


def test_an_article_speaks_of_a_country_it_names_or_whose_provinces_it_names(real_seed_chunks):
    countries = ArticleCountries(real_seed_chunks)
    lai_chau, fair, thai = (_doc(real_seed_chunks, prefix) for prefix in ("003", "000", "001"))
    # the Lai Chau story, in Bengali, never writes "Vietnam": it names Lai Chau
    assert countries.speaks_of(lai_chau, "VN") and not countries.speaks_of(lai_chau, "TH")
    assert countries.speaks_of(fair, "CN") and not countries.speaks_of(fair, "TH") and not countries.speaks_of(fair, "VN")
    assert countries.speaks_of(thai, "TH") and countries.speaks_of(thai, "CN")
    assert not countries.speaks_of("no-such-article.txt", "VN")


@pytest.mark.parametrize(("question", "left"), [
    ("I'm from Thailand. What was the theme of the Guangzhou fair?", "What was the theme of the Guangzhou fair?"),
    ("We sell in Chiang Mai: which payment apps does Vietnam use?", "which payment apps does Vietnam use?"),
    ("Tôi ở Thái Lan, hội chợ Quảng Châu có chủ đề gì?", "hội chợ Quảng Châu có chủ đề gì?"),
    ("ผมอยู่เชียงใหม่ งาน CCEF มีธีมอะไร", "งาน CCEF มีธีมอะไร"),
    ("আমি বাংলাদেশ থেকে বলছি, মেলার থিম কী ছিল?", "মেলার থিম কী ছিল?"),
    ("আমি থাইল্যান্ডে থাকি। মেলার থিম কী?", "মেলার থিম কী?"),
    # what is asked about stays
    ("I am interested in Thailand's e-commerce platforms", None),
    ("আমি জানতে চাই থাইল্যান্ড থেকে কতজন এসেছিল?", None),  # I want to know how many came from Thailand
    ("What platforms does Thailand have?", None),
])
def test_where_the_asker_is_from_is_no_place_asked_about(question, left):
    removed = without_asker(question)
    if left is None:
        assert removed == question
    else:
        assert removed.strip(" .,:;।") == left


@pytest.mark.model
def test_a_country_the_best_passages_article_never_speaks_of_is_refused(real_index, embedder):
    # Vietnam's Shopee, Lazada and TikTok Shop matched best, confidently, for Thailand's platforms
    searcher = Searcher.open(real_index, embedder)
    for question in ("What e-commerce platforms are popular in Thailand?", "Thái Lan có những nền tảng thương mại điện tử nào?",
                     "থাইল্যান্ডে কোন ই-কমার্স প্ল্যাটফর্ম জনপ্রিয়?", "Which Chinese companies had booths at the Lai Chau event?"):
        result = searcher.search(question)
        assert not result.found and result.not_found_reason == "other_subject", question
        assert result.related and not result.unknown_names  # every country asked of is named somewhere
    # a figure question too, with the passages giving figures behind the button
    figure = searcher.search("How many Thai companies exhibited at the Guangzhou cross-border fair?")
    assert not figure.found and figure.not_found_reason == "no_figure"
    # answered: the country the article is about, one of two named, or where the asker is from
    for question in ("Which Vietnamese e-commerce platforms are mentioned?",
                     "We sell in Chiang Mai. Which digital payment apps are used in Vietnam?",
                     "I'm from Thailand. How many people visited the Guangzhou cross-border e-commerce fair?",
                     "আমি বাংলাদেশ থেকে বলছি, কুয়াংচৌ মেলায় কতজন দর্শনার্থী এসেছিল?"):
        result = searcher.search(question)
        assert result.found and not result.unknown_names, question

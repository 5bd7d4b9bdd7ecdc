"""Countries no article names, told across scripts: CLDR gives each country's name in all four
languages, so "Japan" asked in English is looked for as "জাপান", "ญี่ปุ่น" and "Nhật Bản" too."""

from __future__ import annotations

import pytest

from index import store
from index.countries import CountryCheck, countries_named, country_name, mentions_country
from index.retrieval import Searcher, is_confident
from index.unknown_names import NameFinder


@pytest.mark.parametrize("question, named", [
    ("How many people shop online in Indonesia?", {"ID": "Indonesia"}),
    ("indonesia's online shoppers", {"ID": "Indonesia"}),
    ("Thương mại điện tử ở Nhật Bản phát triển thế nào?", {"JP": "Nhật Bản"}),
    ("ইন্দোনেশিয়ায় কতজন মানুষ অনলাইনে কেনাকাটা করে?", {"ID": "ইন্দোনেশিয়া"}),  # with its case ending
    ("জাপানের বাজার কত বড়?", {"JP": "জাপান"}),
    ("জাপানি ক্রেতারা কী কেনেন?", {"JP": "জাপান"}),  # an adjective of the name
    ("อีคอมเมิร์ซในญี่ปุ่นเติบโตอย่างไร", {"JP": "ญี่ปุ่น"}),
    ("ยอดขายในไนจีเรีย", {"NG": "ไนจีเรีย"}),  # not China, "จีน", inside it
    ("สินค้าจากสหรัฐอเมริกาและจีน", {"US": "สหรัฐอเมริกา", "CN": "จีน"}),  # a name of two Thai words
    ("Is Vietnam's market bigger than the United States'?", {"VN": "Vietnam", "US": "United States"}),
    ("Bosnia & Herzegovina sales", {"BA": "Bosnia & Herzegovina"}),
    ("Do Japanese brands sell well?", {"JP": "Japan"}),  # English adjectives, made by rule
    ("indonesian shoppers and Mexican buyers", {"ID": "Indonesia", "MX": "Mexico"}),
    ("Are Italian or Ukrainian goods sold?", {"IT": "Italy", "UA": "Ukraine"}),
    ("Pakistani and Chilean sellers", {"PK": "Pakistan", "CL": "Chile"}),
    ("Burmese jade", {"MM": "Myanmar"}),  # CLDR: "Myanmar (Burma)"
    ("Korean cosmetics and French perfume", {"KR": "South Korea", "FR": "France"}),  # not by rule
    ("Jersey sales", {"JE": "Jersey"}),  # an everyday word, capitalised
    ("ยอดขายในฮ่องกง", {"HK": "ฮ่องกง"}),  # CLDR: "เขตปกครองพิเศษฮ่องกงแห่งสาธารณรัฐประชาชนจีน"
    ("Doanh số ở Hồng Kông và Ma Cao", {"HK": "Hồng Kông", "MO": "Ma Cao"}),
    ("Hàng Pháp bán ở Lào Cai", {"FR": "Pháp"}),  # Lào Cai is a Vietnamese province, not Laos
    ("แล้วประเทศไทยล่ะ", {"TH": "ประเทศไทย"}),  # "ประเทศ" (country) and its name: one word to ICU
], ids=["en", "en-lower-possessive", "vi", "bn-ending", "bn-genitive", "bn-adjective", "th", "th-longest", "th-two-words",
        "en-two", "en-ampersand", "en-adjective", "en-adjective-lower", "en-adjective-ian",
        "en-adjective-i-ean", "en-adjective-other-name", "en-irregular", "en-word-capitalised", "th-short-name", "vi-short-names", "vi-province",
        "th-country-word"])
def test_countries_are_named_in_every_language(question, named):
    assert countries_named(question) == named


@pytest.mark.parametrize("question", ["lao động trong ngành thương mại điện tử", "Kaolao sales",
                                      "মালিকরা কত আয় করেন?", "The chadwick store",
                                      "How much is a football jersey or a bottle of chili sauce?",
                                      "Shopee bán được bao nhiêu áo?", "Phương pháp bán hàng là gì?",
                                      "Có thanh toán bằng séc không?", "Doanh số ở Lào Cai",
                                      "ขายชุดบิกินีได้กี่ชุด", "চিলি সস কত বিক্রি হয়েছে?"],
                         ids=["vi-labour-is-not-laos", "inside-a-word", "bn-owner-is-not-mali", "en-inside",
                              "en-everyday-words", "vi-shirt-is-not-austria", "vi-method-is-not-france",
                              "vi-cheque-is-not-czechia", "vi-province-is-not-laos",
                              "th-bikini-is-not-guinea", "bn-chili-is-not-chile"])
def test_a_country_name_inside_another_word_is_not_a_country(question):
    assert countries_named(question) == {}


def test_an_article_names_a_country_in_any_script_or_by_its_language():
    check = CountryCheck(["চীনের আন্তঃসীমান্ত ই-কমার্স মেলা", "Japanese brands sold well.",
                          "Hàng Mỹ bán chạy trên Shopee."])
    assert check.unknown("How many visitors came from China?") == ()  # "চীন" in Bengali
    assert check.unknown("ยอดขายในญี่ปุ่น") == ()  # "Japanese": a mention of Japan
    assert check.unknown("What sold in the United States?") == ()  # "Mỹ", which CLDR does not give
    assert check.unknown("What sold in India and in China?") == ("India",)
    assert check.unknown("Doanh so o An Do", "Doanh số ở Ấn Độ") == ("Ấn Độ",)  # read with its marks back
    assert CountryCheck(["Mexican buyers"]).unknown("Sales in Mexico?") == ()  # its adjective


def test_a_passage_mentions_a_country_in_any_language_and_a_reply_names_it_in_its_own():
    for passage in ("থাইল্যান্ডের মেলা", "ในประเทศไทย มาเลเซีย", "Doanh nghiệp Thái Lan", "Thai sellers"):
        assert mentions_country(passage, "TH") and not mentions_country(passage, "JP"), passage
    names = [country_name("TH", lang) for lang in ("en", "bn", "th", "vi")]
    assert names == ["Thailand", "থাইল্যান্ড", "ไทย", "Thái Lan"]
    assert country_name("MM", "en") == "Myanmar"  # not "Myanmar (Burma)"


def test_a_country_no_article_names_is_reported_whatever_the_articles_scripts(fake_index):
    finder = NameFinder(store.load_for(fake_index).chunks)  # Bengali, Thai and Vietnamese articles
    # a country is surely absent, whatever the question's language: not merely written otherwise
    assert finder.unknown("How many stores are there in Indonesia?").countries == ("Indonesia",)
    assert finder.unknown("How many stores are there in China?").names == ()  # "চীন", "จีน"


@pytest.fixture(scope="module")
def seeds_searcher(real_index, embedder):
    return Searcher.open(real_index, embedder)


@pytest.mark.model
def test_a_figure_for_a_country_no_article_names_is_refused(seeds_searcher):
    asked = seeds_searcher.search("ইন্দোনেশিয়ায় কতজন মানুষ অনলাইনে কেনাকাটা করে?")
    assert not asked.found and asked.unknown_names == ("ইন্দোনেশিয়া",)


@pytest.mark.model
def test_other_questions_about_it_are_refused_unless_it_is_named_beside_one_the_articles_cover(seeds_searcher):
    # quoted until session 29, under the caveat: two user tests' questions about Bangladesh and
    # India joining the Silk Road programme got the partner countries' passages that way
    asked = seeds_searcher.search("How is e-commerce developing in Japan?")
    assert not asked.found and asked.not_found_reason == "not_mentioned" and asked.unknown_names == ("Japan",)
    assert asked.related
    beside = seeds_searcher.search("How does e-commerce in Japan compare with Vietnam's?")
    assert beside.found and not is_confident(beside) and beside.unknown_names == ("Japan",)
    control = seeds_searcher.search("How is e-commerce developing in Vietnam?")
    assert control.found and control.unknown_names == ()

"""index.banglish: Bengali typed in Latin letters, read back in Bengali script (real Avro, small tables)."""

from __future__ import annotations

import logging

import pytest

from index import Searcher
from index.banglish import FUNCTION_WORDS, BanglishReader, asks_of_names
from index.settings import DEFAULT_MODEL_DIR
from index.vietnamese import restorer_for
from tests.fakes import FakeEmbedder

HUB_ID = "google/embeddinggemma-300m"

# A byte-pair vocabulary in miniature: "▁" marks a word start, lower ids are commoner words.
VOCABULARY = {"▁the": 5, "▁fair": 900, "▁online": 1200, "▁people": 300, "▁how": 40, "▁many": 60,
              "▁visited": 4000, "▁in": 3, "▁platform": 2500, "▁livestream": 90_000, "▁জন": 7000,
              "▁হয়েছিল": 12_000, "ing": 10}
ARTICLE = ("চীন (কুয়াংচৌ) আন্তঃসীমান্ত ই-কর্মাস মেলা গত ১৮ আগস্টে কুয়াংচৌতে সমাপ্ত হয়েছে। "
           "মোট ৫৬ হাজার মানুষ এবারের মেলা পরিদর্শন করে। মেলা শেষ হয়েছে।")


@pytest.fixture(scope="module")
def reader() -> BanglishReader:
    return BanglishReader.from_vocabulary(VOCABULARY, [ARTICLE])


def test_a_banglish_question_is_read_in_bengali_with_the_articles_spelling(reader):
    # Avro alone writes "manush" as "মানুশ" and "shesh" as "শেশ": the article's words win
    reading = reader.read("mela te koto jon manush eshechilo?")
    assert reading is not None and reading.startswith("মেলা তে কত জন মানুষ ") and reading.endswith("?")
    assert reader.read("mela kobe shesh hoyechilo") == "মেলা কবে শেষ হয়েছিল"


def test_names_figures_and_english_words_stay_as_typed(reader):
    reading = reader.read("Guangzhou er CCEF 2024 mela te online platform e koto jon, e-commerce?")
    assert reading == "Guangzhou এর CCEF 2024 মেলা তে online platform এ কত জন, e-commerce?"


def test_english_is_not_banglish(reader):
    assert reader.read("How many people visited the fair in Guangzhou?") is None
    assert reader.read("livestream") is None, "one unknown word is no evidence"


def test_bengali_grammar_decides_when_english_words_outnumber_the_bengali_ones(reader):
    # four English words against three Bengali ones, but "er ... e ... koto" is Bengali grammar
    assert reader.read("online platform er fair e people koto") == "online platform এর fair এ people কত"


@pytest.mark.parametrize("text", [
    "how many people visited the fair e online",  # one short function word: no evidence
    "How many people visited the fair in Kobe or Koto",  # capitalised: names, not "when" and "how many"
])
def test_english_with_a_stray_function_word_is_not_banglish(reader, text):
    assert reader.read(text) is None


def test_brands_and_foreign_words_the_articles_transliterate_are_no_evidence_of_banglish():
    # a user test's keyword query "tiktok shop mega livestream lai chau" was answered in Bengali:
    # "tiktok" and "mega" are written "টিকটক" and "মেগা" in the articles, but typed in Latin letters
    # they are the tokenizer's own (rare) Latin words, not Bengali typed in Latin
    vocabulary = {**VOCABULARY, "▁tiktok": 160_000, "▁Mega": 53_000, "▁shop": 7800}
    reader = BanglishReader.from_vocabulary(vocabulary, [ARTICLE + " টিকটক শপে মেগা লাইভস্ট্রিম হয়েছিল।"])
    assert reader.read("tiktok shop mega livestream") is None
    assert reader.read("tiktok e mela te koto jon?") == "টিকটক এ মেলা তে কত জন?", "still read in a Banglish question"


def test_vietnamese_typed_without_marks_is_not_banglish(reader):
    # "nen", "nao", "tren" transliterate to Bengali words, but read as Vietnamese syllables
    assert reader.read("phien livestream o Lai Chau phat tren nen tang nao") is None


@pytest.mark.parametrize(("typed", "read"), [("Nguyen Van An ke?", "Nguyen Van An কে?"),
                                             ("Shopee koto?", "Shopee কত?"),
                                             ("Lai Chau te mela kobe?", "Lai Chau তে মেলা কবে?")])
def test_names_and_a_bengali_question_word_are_banglish(reader, typed, read):
    # one Bengali word is too little evidence otherwise, and Vietnamese names made it look like
    # Vietnamese typed without marks: "Le Hoang Oanh ke?" got a Vietnamese reply
    assert asks_of_names(typed) == ("mela" not in typed)
    assert reader.read(typed) == read


@pytest.mark.parametrize("text", ["Nguyen Van An la ai?", "Dong Nai o dau?", "Shopee or Lazada?", "ke ki koto"])
def test_names_with_vietnamese_or_english_words_or_no_name_do_not_ask_of_names(text):
    assert not asks_of_names(text)


def test_a_word_no_table_knows_is_transliterated_but_does_not_count(reader):
    assert reader.read("borgo meter") is None  # neither word is known Bengali
    reading = reader.read("koto borgo the chilo")  # two function words: Banglish
    assert reading == "কত বরগ the ছিল"


def test_readers_built_per_index_share_the_tokenizer_tables(reader):
    bare = BanglishReader.from_vocabulary(VOCABULARY)
    assert bare.read("mela te koto jon manush") == "মেলা তে কত জন মানুশ", "without the article, Avro's spelling"
    assert bare.with_texts([ARTICLE]).read("mela te koto jon manush") == "মেলা তে কত জন মানুষ"
    assert bare.english == reader.english and "fair" in bare.english and "livestream" not in bare.english


@pytest.mark.parametrize("typed", sorted(FUNCTION_WORDS))
def test_function_words_are_bengali_script(typed):
    spelling = FUNCTION_WORDS[typed]
    assert spelling and all("\u0980" <= ch <= "\u09ff" for ch in spelling)


def test_letters_banglish_writes_alike_match_in_at_most_two_places():
    reader = BanglishReader.from_vocabulary(VOCABULARY, ["বাড়ি ফিরেছে। টাটকা খবর। টাটাটা।"])
    assert reader.read("koto bari") == "কত বাড়ি"  # Avro's "বারি": ড় (two code points) is one letter here
    assert reader._spell("তাতকা") == ("টাটকা", True)  # two places
    assert reader._spell("তাতাতা") == ("তাতাতা", False)  # "টাটাটা" is three places away


def test_a_very_long_latin_word_is_looked_up_not_expanded(reader):
    # every one- and two-letter change of a 600-letter word was built before (800 MB); now the word's
    # folded spelling is looked up once and, known to no table, it is no evidence of Banglish
    assert reader.read("koto " + "ts" * 300) is None


def test_a_hub_id_model_reads_banglish_and_vietnamese_with_its_folders_tokenizer(fake_index, caplog):
    # INDEX_MODEL as a hub id: the tokenizer is in the folder it was found in, not in a folder named
    # "google/embeddinggemma-300m"; both readers were silently off
    if not (DEFAULT_MODEL_DIR / "tokenizer.json").is_file():
        pytest.skip(f"embedding model missing at {DEFAULT_MODEL_DIR}; run scripts/setup.sh")
    restorer_for.cache_clear()
    found = Searcher.open(fake_index, FakeEmbedder(name=HUB_ID, source=str(DEFAULT_MODEL_DIR)))
    assert found.asked_in("mela kobe shesh hoyechilo?") == "bn"
    assert found.asked_in("chi so ebi cua dong nai xep thu may") == "vi"

    restorer_for.cache_clear()
    with caplog.at_level(logging.WARNING, logger="index"):
        lost = Searcher.open(fake_index, FakeEmbedder(name=HUB_ID))  # a source with no tokenizer
        assert lost.asked_in("mela kobe shesh hoyechilo?") is None
        assert lost.asked_in("chi so ebi cua dong nai xep thu may") is None
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert warnings == [f"no readable tokenizer.json in {HUB_ID}: Bengali typed in Latin letters is searched as typed",
                        f"no readable tokenizer.json in {HUB_ID}: Vietnamese typed without marks is searched as typed"]
    restorer_for.cache_clear()

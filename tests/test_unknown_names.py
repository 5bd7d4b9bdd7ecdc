"""Names no article mentions: read off the articles' text where it is in the question's script,
never guessed across scripts, and a refusal only where every article is in the question's language."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from index import build_index, store
from index.retrieval import Searcher, is_confident
from index.unknown_names import NameFinder
from tests.conftest import TEST_ARTICLES, index_settings


@pytest.fixture(scope="module")
def vi_chunks(fake_index):
    return [c for c in store.load_for(fake_index).chunks if c.lang == "vi"]


def test_names_in_the_articles_are_found_however_typed(vi_chunks):
    finder = NameFinder(vi_chunks)
    for question in ("Sơn La có bao nhiêu hộ trồng mận?", "How many households grow plums in Son La?",
                     "What did the Pa Khoang cooperative sell on TikTok Shop and Shopee's app?",
                     "Does Lo Van Tien run the cooperative?",
                     # a run of names the article writes apart ("Sở Công Thương tỉnh Sơn La")
                     "Sở Công Thương Sơn La đào tạo bao nhiêu nông dân?"):
        assert finder.unknown(question).names == (), question


def test_names_no_article_mentions_are_reported(vi_chunks):
    finder = NameFinder(vi_chunks)
    assert finder.unknown("How many plums did the cooperative in Lam Dong sell?").names == ("Lam Dong",)
    assert finder.unknown("Hợp tác xã ở Phuket và Sơn La bán gì?").names == ("Phuket",)
    # a capitalised question opening is no name; short acronyms are left alone
    assert finder.unknown("Who trained the farmers of the SME?").names == ()
    assert finder.all_in("vi") and not finder.all_in("en")


def test_where_an_article_is_in_another_script_names_are_told_by_sound_only(fake_index):
    # the Bengali and Thai articles may spell a name in their own script ("কুয়াংচৌ"): not being
    # written as typed says nothing; sounding like no words of theirs does (see ``sounds``)
    finder = NameFinder(store.load_for(fake_index).chunks)
    assert finder.unknown("How many stores are there in Kuangchau?").names == ()
    phuket = finder.unknown("How many stores are there in Phuket?")
    assert phuket.others == () and phuket.unheard == ("Phuket",)



def test_a_year_no_article_names_is_reported_in_any_digits_and_era(fake_index):
    # the articles name 2024 (Bengali digits), 2020 (the Thai article's Buddhist-era 2563) and 2025
    finder = NameFinder(store.load_for(fake_index).chunks)
    assert finder.unknown("Why were the Silk Road lectures stopped in ২০১৫?").names == ("২০১৫",)
    assert finder.unknown("โครงการหยุดไปในปี 2558 เพราะอะไร").names == ("2558",)  # BE 2558 is 2015
    for question in ("What happened at the fair in 2024?", "ปี 2563 เกิดอะไรขึ้น", "Lectures began in 2020?",
                     "Năm ২০২৫ có gì mới?", "Did 2,019 people come?"):  # a count is no year
        assert finder.unknown(question).names == (), question

def test_a_name_the_articles_write_as_typed_is_given_as_they_write_it(fake_index):
    # what a follow-up's place is checked by (``places``): as typed, diacritics aside, or without
    # a Bengali case ending; never across scripts
    finder = NameFinder(store.load_for(fake_index).chunks)
    assert finder.written("Chieng Co") == "Chieng Co"  # "Chiềng Cọ" in the Vietnamese article
    assert finder.written("কুয়াংচৌতে") == "কুয়াংচৌ"  # "in Guangzhou": the Bengali article's "কুয়াংচৌ"
    assert finder.written("Guangzhou") is None and finder.written("Lâm Đồng") is None


@pytest.fixture(scope="module")
def vi_index(tmp_path_factory, embedder):
    root = tmp_path_factory.mktemp("vi_index")
    (root / "seeds").mkdir()
    shutil.copy(TEST_ARTICLES / "vi_livestream.txt", root / "seeds")
    settings = index_settings(seeds_dir=root / "seeds", dir=root / "index")
    build_index(settings, embedder)
    return Searcher.open(settings, embedder)


@pytest.mark.model
def test_a_figure_for_a_place_no_article_names_is_refused(vi_index):
    asked = vi_index.search("Hợp tác xã ở Lâm Đồng bán được bao nhiêu tấn mận?")
    assert not asked.found and asked.not_found_reason == "no_figure"
    assert asked.unknown_names == ("Lâm Đồng",)
    control = vi_index.search("Hợp tác xã ở Sơn La bán được bao nhiêu tấn mận?")
    assert is_confident(control) and control.unknown_names == ()
    assert "12 tấn" in control.hits[0].chunk.text


@pytest.mark.model
def test_asked_in_another_language_the_answer_is_only_warned(vi_index):
    # an English "Mengzi" may be written otherwise in Vietnamese articles (as "Guangzhou" is
    # "Quảng Châu"): the passages are quoted, under the caveat
    asked = vi_index.search("How many tonnes of plums did the cooperative in Mengzi sell?")
    assert asked.found and not is_confident(asked)
    assert asked.unknown_names == ("Mengzi",)
    # unless the gazetteer lists its other names: Kunming is "Côn Minh", which the article never writes
    listed = vi_index.search("How many tonnes of plums did the cooperative in Kunming sell?")
    assert not listed.found and listed.unknown_names == ("Kunming",)
    # not a province of Vietnam, which English writes as Vietnamese does, marks aside (``provinces``)
    province = vi_index.search("How many tonnes of plums did the cooperative in Lam Dong sell?")
    assert not province.found and province.unknown_names == ("Lam Dong",)

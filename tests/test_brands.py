"""Companies and founders a question names, in any script, and whether the articles mention them."""

from __future__ import annotations

import pytest

from index.brands import BrandCheck, brands_named

ARTICLES = ["আলিবাবা গ্রুপের একজন কর্মকর্তা বলেন…", "Shopee và Lazada dẫn đầu thị trường.", "ร้านค้าบนติ๊กต็อกเติบโต"]


@pytest.mark.parametrize(("question", "named"), [
    ("Did Amazon have a booth at the fair?", ["Amazon"]),
    ("amazon co tham gia hoi cho khong", ["Amazon"]),  # typed in lower case
    ("অ্যামাজনের বুথে কী দেখানো হয়েছিল?", ["Amazon"]),  # a Bengali case ending
    ("อเมซอนเข้าร่วมงานไหม", ["Amazon"]),
    ("What did Jack Ma say?", ["Jack Ma"]),
    ("Mã Vân đã nói gì?", ["Jack Ma"]),
    ("Is eBay bigger than Shopee?", ["eBay", "Shopee"]),
    ("শিইন (Shein) কোম্পানি কতজন বিক্রেতা এনেছিল?", ["Shein"]),
    ("Did the jackal eat?", []),  # inside another word
    ("How many booths were there?", []),
])
def test_the_companies_a_question_names(question, named):
    assert brands_named(question) == named


def test_those_no_article_mentions_in_any_script():
    check = BrandCheck(ARTICLES)
    assert check.unknown("Did Amazon take part?") == ("Amazon",)
    assert check.unknown("What did Alibaba say?") == ()  # written in Bengali in the articles
    assert check.unknown("ติ๊กต็อกขายอะไร", "TikTok bán gì?") == ()
    assert check.unknown("Amazon và Temu có mặt không?", "Amazon and Temu?") == ("Amazon", "Temu")  # once each

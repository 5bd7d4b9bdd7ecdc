"""Questions asking which one leads, and passages stating a superlative (``index.superlatives``)."""

from __future__ import annotations

import pytest

from index.superlatives import asks_superlative, states_superlative


@pytest.mark.parametrize("question", [
    "Which platform had the most sellers at the fair?", "Which province topped the EBI ranking?",
    "What is the best-selling product in Lai Chau?", "Who is the biggest buyer of durians?",
    "কোন প্ল্যাটফর্মে সবচেয়ে বেশি বিক্রেতা ছিল?", "কোন দেশ থেকে সর্বাধিক ক্রেতা এসেছিল?",
    "สินค้าใดขายดีที่สุดในงาน", "ใครมียอดขายสูงสุด",
    "Sản phẩm nào bán chạy nhất?", "Tỉnh nào đứng đầu về thương mại điện tử?",
    "tinh nao dung dau ve thuong mai dien tu", "san pham nao ban chay nhat",  # typed without diacritics
])
def test_questions_asking_which_one_leads(question):
    assert asks_superlative(question)


@pytest.mark.parametrize("question", [
    "What do most farmers sell online?",  # a quantity, not a superlative
    "Người đứng đầu trường cao đẳng nói gì?",  # "the head of" the college
    "Cần ít nhất bao nhiêu gian hàng?", "Sản phẩm duy nhất là gì?",  # "at least", "the only"
    "What is the latest news from the fair?", "How many visitors came?",
    "Did Shopee sell the most?",  # not asking which one: answered by what the passage says of Shopee
])
def test_questions_not_asking_which_one_leads(question):
    assert not asks_superlative(question)


@pytest.mark.parametrize(("text", "states"), [
    ("ই-কমার্স দ্রুততম বর্ধনশীল খাতগুলির মধ্যে একটি।", True),  # fastest-growing
    ("এবারের সিসিইএফে প্ল্যাটফর্মের সংখ্যা সবচেয়ে বেশি।", True),
    ("โครงการที่เหมาะสมที่สุดกับความต้องการ", True),
    ("Đồng Nai đứng đầu khu vực.", True), ("It was the largest fair of its kind.", True),
    # a top ten, the first nine months, a 20th: no one named first
    ("ডং নাই দেশের শীর্ষ ১০টি অঞ্চলে তার স্থান বজায় রেখেছে।", False),
    ("২০২৫ সালের প্রথম নয় মাসে প্রশিক্ষণ দেওয়া হয়েছে।", False),
    ("In the first nine months, sales rose.", False), ("It ranked in the top 10.", False),
    ("এটি ছিল ২০তম মেলা।", False),
    ("মোট ৫৬ হাজার মানুষ এবারের মেলা পরিদর্শন করে।", False),
])
def test_passages_stating_a_superlative(text, states):
    assert states_superlative(text) is states

"""Questions asking for an event's theme or slogan, and passages stating one (``index.themes``)."""

from __future__ import annotations

import pytest

from index.themes import asks_theme, states_theme


@pytest.mark.parametrize("question", [
    "What was the theme of the fair?", "Which slogan did the expo use?", "মেলার প্রতিপাদ্য কী ছিল?",
    "মেলার থিম কী?", "ธีมของงานคืออะไร", "คำขวัญของงานปีนี้คืออะไร", "Khẩu hiệu của hội chợ là gì?",
    "Hội chợ năm nay có chủ đề gì?", "chu de cua hoi cho nam nay la gi",
])
def test_questions_asking_for_a_theme(question):
    assert asks_theme(question)


@pytest.mark.parametrize("question", [
    "What topics were taught at the training?", "Các chủ đề đào tạo là gì?",  # topics, not a theme
    "প্রশিক্ষণে কোন বিষয় শেখানো হয়েছিল?", "หัวข้อการอบรมมีอะไรบ้าง", "How many visitors came?",
])
def test_questions_asking_for_topics_or_else(question):
    assert not asks_theme(question)


@pytest.mark.parametrize(("text", "states"), [
    ("‘বৈদেশিক বাণিজ্যের নতুন চালিকাশক্তি, ডিজিটাল নতুন ভবিষ্যৎ’ ছিল এবারের সিসিইএফ-এর প্রতিপাদ্য।", True),
    ("งานจัดขึ้นภายใต้แนวคิด “การค้าดิจิทัล”", True),
    ("Hội chợ diễn ra với chủ đề “Thương mại số”.", True),
    ("Hội nghị tập trung vào các chủ đề về livestream.", False),  # topics
    ("মোট ৫৬ হাজার মানুষ এবারের মেলা পরিদর্শন করে।", False),
])
def test_passages_stating_a_theme(text, states):
    assert states_theme(text) is states

"""Follow-ups typed without replying: which messages carry on from the asker's last question, and
how long that question is remembered."""

from __future__ import annotations

import pytest

from bot.answer import Answer
from bot.follow_up import refers_back
from bot.memory import FollowUps
from index import SearchResult
from tests.test_service import FakeClock


@pytest.mark.parametrize("question", [
    "and when did it close?", "What about last year?", "how many booths were there?", "how much does she earn",
    "còn giá bán bao nhiêu?", "ở đó có bao nhiêu gian hàng", "the con nam 2024",
    "আর কতজন এসেছিল?", "ওর মাসিক আয় কত?", "সেখানে কয়টি বুথ ছিল",
    "แล้วมีกี่บูธ", "เธอขายอะไร", "ส่วนปีที่แล้วล่ะ",
    # a blind user test's follow-ups that were searched alone and refused
    "who said that?", "Why?", "tại sao vậy?", "ke bolechen eta?", "কেন?", "เขาพูดว่าอะไร", "ทำไมล่ะ",
], ids=lambda q: q[:20])
def test_a_message_that_carries_on(question):
    assert refers_back(question)


@pytest.mark.parametrize("question", [
    "How many people visited the fair in Guangzhou?", "Who is Li Mingtao?", "Android apps for shopping",
    "Hội chợ ở Quảng Châu có bao nhiêu khách?", "Chỉ số EBI của Đồng Nai là bao nhiêu?",
    "আরও তথ্য কোথায় পাব?", "ডং নাইয়ের ই-কমার্স সূচক কত?", "তারিখ কবে ছিল",
    "งานแสดงสินค้าที่กว่างโจวมีผู้เข้าชมกี่คน",
    "What is the platform that farmers use?", "Why did the lectures start?", "ภูเขาที่ไหนสูงที่สุด", "สินค้าเด่นของเขตเนินเขามีอะไร",
], ids=lambda q: q[:20])
def test_a_question_that_stands_alone(question):
    # "আরও" (more) and "তারিখ" (date) only begin with আর and তার; "Android" holds "and"
    assert not refers_back(question)


def test_the_last_question_is_the_askers_own_and_is_forgotten_after_half_an_hour():
    clock = FakeClock()
    memory = FollowUps(clock=clock)
    asked = Answer(SearchResult("How many came to the fair?", (), False, 0.1), "en")
    memory.remember_last(1, 7, asked)
    assert memory.last(1, 7) == "How many came to the fair?"
    assert memory.last(1, 8) is None and memory.last(2, 7) is None, "another asker, another chat"
    clock.now += FollowUps.LAST_SECONDS + 1
    assert memory.last(1, 7) is None


def test_a_follow_up_that_found_nothing_leaves_the_subject_as_it_was():
    memory = FollowUps(clock=FakeClock())
    found = Answer(SearchResult("what about 2023?", (), True, 0.6, follow_up=True), "en",
                   follow_up_of="How many came to the fair?")
    memory.remember_last(1, 7, found)
    assert memory.last(1, 7) == "How many came to the fair?\nwhat about 2023?"
    refused = Answer(SearchResult("what about Japan?", (), False, 0.6, "no_figure", follow_up=True), "en",
                     follow_up_of="How many came to the fair?")
    memory.remember_last(1, 7, refused)
    assert memory.last(1, 7) == "How many came to the fair?"  # "and when did it close?" is not Japan's


def test_of_several_questions_the_first_decides():
    # "its" points inside the message: a user test's three questions were read as a follow-up
    assert not refers_back("Who is Qiu Zhongbing? When did the fair close? What was its theme?")
    assert refers_back("and when did it close? Who is Qiu Zhongbing?")

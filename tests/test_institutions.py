"""Questions asking which university, and passages that name one or only speak of universities."""

from __future__ import annotations

import pytest

from index.institutions import asks_which_university, names_university


@pytest.mark.parametrize(("question", "asks"), [
    ("Which university does the college work with in Thailand?", True),
    ("What Thai university signed the agreement?", True),  # one word between
    ("What is the name of the university?", True),
    ("Hub ta kon university r sathe kaj kore?", True),  # Banglish keeps the English word
    ("কলেজটি কোন বিশ্ববিদ্যালয়ের সাথে কাজ করে?", True),
    ("বিশ্ববিদ্যালয়ের নাম কী?", True),
    ("Trường cao đẳng hợp tác với trường đại học nào?", True),
    ("truong cao dang hop tac voi dai hoc nao", True),  # typed without marks
    ("วิทยาลัยร่วมมือกับมหาวิทยาลัยใด", True),
    ("มหาวิทยาลัยชื่ออะไร", True),
    ("What do universities teach about e-commerce?", False),  # universities, not which one
    ("Which college set up the hubs?", False),  # a college is named in the articles: not this check's
    ("Where is the university?", False),
])
def test_which_university_is_asked(question, asks):
    assert asks_which_university(question) is asks


@pytest.mark.parametrize(("text", "names"), [
    ("วิทยาลัยได้ร่วมมือกับมหาวิทยาลัยเกษตรศาสตร์", True),  # a name written on after the word
    ("in partnership with Kasetsart University", True),
    ("signed with the University of Dhaka", True),
    ("ঢাকা বিশ্ববিদ্যালয়ের সাথে চুক্তি", True),  # the singular, a name before it
    ("hợp tác với Đại học Bách khoa", True),
    # the Thai article's "with universities and companies", and the like, name none
    ("โดยร่วมมือกับมหาวิทยาลัยและบริษัทต่าง ๆ", False),
    ("ร่วมกับมหาวิทยาลัยหลายแห่ง", False),
    ("with universities and a university nearby", False),  # lower case is no name
    ("বিশ্ববিদ্যালয়গুলির সাথে কাজ করে", False),
    ("với các trường đại học", False),
])
def test_a_university_is_named(text, names):
    assert names_university(text) is names

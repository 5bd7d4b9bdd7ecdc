import pytest

from index.polarity import asks_which_not, states_negation


@pytest.mark.parametrize(("question", "negated"), [
    ("Which e-commerce platforms did not take part in the fair?", True),
    ("Who hasn't joined the cooperation yet?", True),
    ("Which firm never opened a store there?", True),
    ("Tỉnh nào không nằm trong nhóm dẫn đầu?", True),
    ("Nước nào chưa tham gia hợp tác?", True),
    ("কোন দেশ এই সহযোগিতায় যোগ দেয়নি?", True),
    ("কোন গ্রামে এখনো বিদ্যুৎ নেই?", True),  # negation ends a Bengali question: still one
    ("จังหวัดใดไม่ได้เข้าร่วมงาน", True),
    # yes/no questions end with a negating tag; not asking which one did not
    ("Which platform took part, or not?", False),
    ("Tỉnh nào có tham gia hội chợ không?", False),
    ("Trường nào có mở nền tảng ở Việt Nam không, và ở đâu nữa?", False),
    ("কোন প্রদেশ প্রথম, তাই না?", False),
    ("จังหวัดใดเข้าร่วมงานหรือไม่", False),
    # no negation: pronouns and nouns ending like one, and "nine"
    ("তিনি কোন কলেজে কাজ করেন?", False),
    ("কোন কোম্পানি রপ্তানি বাড়িয়েছে?", False),
    ("কোন প্রদেশ নয় মাসে সবচেয়ে বেশি বিক্রি করেছে?", False),
    # not a which / who / what question
    ("Did Shopee not take part?", False),
], ids=lambda v: str(v)[:24])
def test_a_question_asking_which_one_did_not(question, negated):
    assert asks_which_not(question) is negated


@pytest.mark.parametrize(("text", "negating"), [
    ("Shopee has not yet joined the programme.", True),
    ("Many villages still lack basic infrastructure.", True),
    ("Nhiều xã vẫn chưa có điện.", True),
    ("তবে, সবকিছু পরিকল্পনা অনুযায়ী হয়নি।", True),
    ("অনেক গ্রামে এখনো মৌলিক সুবিধার অভাব রয়েছে।", True),
    ("สินค้ายังเข้าไม่ถึงตลาด", True),
    ("More than 1,000 firms took part in the fair.", False),
    ("ডং নাই টানা ৯ম বছর শীর্ষ ১০টি অঞ্চলে তার স্থান বজায় রেখেছে।", False),  # Dong Nai, not "নাই"
    ("২০২৫ সালের প্রথম নয় মাসে রপ্তানি বেড়েছে।", False),  # nine months
], ids=lambda v: str(v)[:24])
def test_a_passage_stating_a_negation_or_a_lack(text, negating):
    assert states_negation(text) is negating

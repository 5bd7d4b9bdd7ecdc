import pytest

from index.polarity import asks_which_not, asks_why_not, states_negation, states_why_not


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


@pytest.mark.parametrize(("question", "presumes"), [
    ("Why was the Lai Chau exhibition called off?", True),
    ("How come the livestream sessions stopped?", True),
    ("Tại sao hội chợ bị hủy?", True),
    ("vi sao doanh thu giam", False),  # unmarked Vietnamese is read after its marks are restored
    ("Vì sao doanh thu giảm?", True),
    ("মেলা কেন বাতিল হয়েছিল?", True),
    ("এই প্রকল্প কেন বন্ধ হয়ে গেল?", True),
    ("ทำไมงานนี้ถึงถูกยกเลิก", True),
    ("ทำไมบริษัทไม่เข้าร่วม", True),  # why something did not happen
    ("Why didn't the firm join?", True),
    # "why" about something that happened, and an ending asked without "why"
    ("Why did the province train its farmers?", False),
    ("কৃষকরা কেন লাইভস্ট্রিম করেন?", False),
    ("Was the fair cancelled?", False),
    ("When did the lectures stop?", False),
], ids=lambda v: str(v)[:24])
def test_a_why_question_presuming_something_ended_or_did_not_happen(question, presumes):
    assert asks_why_not(question) is presumes


@pytest.mark.parametrize(("text", "tells"), [
    ("The event was postponed because of the storm.", True),
    ("Doanh thu giảm 5% so với năm trước.", True),
    ("প্রকল্পটি গত বছর বন্ধ হয়ে যায়।", True),
    ("ยอดขายลดลงในไตรมาสนี้", True),
    ("The fair closed on 18 August with 56,000 visitors.", False),
    ("মেলায় ৫৬ হাজার মানুষ অংশ নেয়।", False),
], ids=lambda v: str(v)[:24])
def test_a_passage_telling_of_an_ending_a_fall_or_a_lack(text, tells):
    assert states_why_not(text) is tells

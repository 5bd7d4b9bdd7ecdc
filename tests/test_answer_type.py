"""Answer types: which questions ask for a figure, and which sentences state one."""

import pytest

from index.answer_type import asks_for_quantity, states_quantity
from index.numbers import number_forms


@pytest.mark.parametrize("question", [
    "How many shops joined the fair?",
    "how much did sales grow last year",
    "When did the programme start?",
    "In which year was the agreement signed?",
    "What percentage of adults pay online?",
    "Có bao nhiêu doanh nghiệp tham gia?",
    "Tỉnh này xếp thứ mấy?",
    "Chương trình bắt đầu từ năm nào?",
    "মেলায় কতজন দর্শনার্থী এসেছিলেন?",
    "কয়টি দেশ চুক্তিতে সই করেছে?",
    "কর্মসূচিটি কবে শুরু হয়?",
    "মেলাটি কোন বছর প্রথম হয়েছিল?",
    "มีผู้ขายกี่ราย",
    "ยอดขายเพิ่มขึ้นเท่าไหร่",
    "งานจะจัดขึ้นเมื่อไร",
    "ข้อตกลงลงนามปีไหน",
], ids=lambda q: q[:24])
def test_questions_asking_for_a_figure(question):
    assert asks_for_quantity(question)


@pytest.mark.parametrize("question", [
    "Who opened the fair?",
    "What was the theme of the fair?",
    "Which platforms do farmers sell on?",
    "Tại sao thương mại điện tử phát triển nhanh?",
    "মেলাটি কে উদ্বোধন করেন?",
    "কয়েকটি প্ল্যাটফর্মের নাম বলুন",  # কয়েক = "a few", not "how many"
    "একতা নিয়ে কী বলা হয়েছে?",  # কত inside a word
    "কতিপয় বিক্রেতা কী বলেছেন?",  # কতিপয় = "a few"
    "บทความนี้เกี่ยวกับอะไร",  # กี่ inside เกี่ยว ("about")
], ids=lambda q: q[:24])
def test_questions_not_asking_for_a_figure(question):
    assert not asks_for_quantity(question)


@pytest.mark.parametrize(("sentence", "thai"), [
    ("মোট ৫৬ হাজার মানুষ মেলা পরিদর্শন করে।", False),  # Bengali digits
    ("The fair drew hundreds of exhibitors.", False),
    ("ผู้เข้าร่วมมากกว่า 6,000 ราย", True),
    ("มียอดขายหลายล้านบาท", True),
    ("Hội chợ thu hút hàng nghìn lượt khách.", False),
    ("মেলাটি গত আগস্টে শেষ হয়।", False),  # a month is a date
    ("งานปิดฉากลงในเดือนสิงหาคม", True),
    ("ডং নাই দেশের মধ্যে প্রথম স্থানে রয়েছে।", False),  # a rank
    ("মেলাটি বৃহস্পতিবার শুরু হয়।", False),  # a weekday is a date
    ("Tỉnh này dẫn đầu từ năm ngoái.", False),
], ids=lambda v: str(v)[:24])
def test_sentences_stating_a_figure(sentence, thai):
    assert states_quantity(sentence, "How many people came?", thai=thai)


@pytest.mark.parametrize(("sentence", "thai"), [
    ("তিনি বিশেষ লক্ষ্য নিয়ে কাজ করছেন।", False),  # তিনি, বিশেষ, লক্ষ্য only look like numbers
    ("ผู้ขายสามารถขายสินค้าผ่านไลฟ์สดได้", True),  # สาม inside สามารถ
    ("The fair showed new products from many countries.", False),
], ids=lambda v: str(v)[:24])
def test_sentences_stating_no_figure(sentence, thai):
    assert not states_quantity(sentence, "How many people came?", thai=thai)


def test_the_questions_own_numbers_are_not_an_answer():
    question = "How many people visited CCEF 2024?"
    assert not states_quantity("সিসিইএফ-২০২৪ মেলা কুয়াংচৌতে হয়।", question)
    assert states_quantity("সিসিইএফ-২০২৪ মেলায় ৫৬ জন এসেছিলেন।", question)


def test_a_buddhist_era_year_is_the_year_the_question_names():
    # 2563 BE is 2020 CE: the question's year restated, not a figure that answers it
    assert not states_quantity("เริ่มเมื่อปี 2563", "How many lectures since 2020?", thai=True)
    assert states_quantity("เริ่มเมื่อปี 2563", "How many lectures since 2019?", thai=True)


def test_number_forms_keep_each_number_apart():
    assert number_forms("ปี 2563 มี 1,200 คน", thai=True) == [frozenset({"2563", "2020"}), frozenset({"1200"})]

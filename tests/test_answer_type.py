"""Answer types: which questions ask for a figure of which kind, and which sentences state one."""

import pytest

from index.answer_type import (about_another_year, asked_count, asked_figure, asked_rank, asks_change, asks_for_list,
                               asks_question, asks_to_compare, follow_up_figure, states_change, states_figure,
                               states_rank, years_in)
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
    assert asked_figure(question) is not None


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
    "What is the EBI ranking based on?",  # about a ranking, not a rank
    "Which platform has the largest market share?",  # a platform, not a share
    "What is Shopee's strategy in Vietnam?",
    "What were the sales channels of the farmers?",  # channels, not sales
    "What was the revenue model of the platform?",  # a model, not a sum
    "What position does the deputy director hold?",  # a post, not a rank
    "Đánh giá của chuyên gia về hội chợ là gì?",  # "đánh giá", assessment, is no price
], ids=lambda q: q[:24])
def test_questions_not_asking_for_a_figure(question):
    assert asked_figure(question) is None


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
    assert states_figure(sentence, "When did people come?", "any", thai=thai)


@pytest.mark.parametrize(("sentence", "thai"), [
    ("তিনি বিশেষ লক্ষ্য নিয়ে কাজ করছেন।", False),  # তিনি, বিশেষ, লক্ষ্য only look like numbers
    ("ผู้ขายสามารถขายสินค้าผ่านไลฟ์สดได้", True),  # สาม inside สามารถ
    ("The fair showed new products from many countries.", False),
], ids=lambda v: str(v)[:24])
def test_sentences_stating_no_figure(sentence, thai):
    for kind in ("any", "count", "money"):
        assert not states_figure(sentence, "How many people came?", kind, thai=thai)


def test_the_questions_own_numbers_are_not_an_answer():
    question = "How many people visited CCEF 2024?"
    assert not states_figure("সিসিইএফ-২০২৪ মেলা কুয়াংচৌতে হয়।", question, "any")
    assert states_figure("সিসিইএফ-২০২৪ মেলায় ৫৬ জন এসেছিলেন।", question, "count")


def test_a_buddhist_era_year_is_the_year_the_question_names():
    # 2563 BE is 2020 CE: the question's year restated, not a figure that answers it
    assert not states_figure("เริ่มเมื่อปี 2563", "When was it, since 2020?", "any", thai=True)
    assert states_figure("เริ่มเมื่อปี 2563", "When was it, since 2019?", "any", thai=True)


def test_number_forms_keep_each_number_apart():
    assert number_forms("ปี 2563 มี 1,200 คน", thai=True) == [frozenset({"2563", "2020"}), frozenset({"1200"})]


@pytest.mark.parametrize(("question", "kind"), [
    ("When did the programme start?", "date"),
    ("On which dates will the fair be held?", "date"),  # the plural too
    # a user test's ticket price was answered with the fair's 56,000 visitors
    ("Giá vé vào cửa của triển lãm là bao nhiêu?", "money"),
    ("What was the entry fee for the exhibition?", "money"),
    # a user test's Thai course fee was answered with a count of trainees
    ("ค่าเรียนคอร์สอบรมออนไลน์คนละเท่าไหร่", "money"),
    ("ค่าเข้าชมงานเท่าไร", "money"),
    ("প্রশিক্ষণ কোর্সের ফি কত?", "money"),
    ("ফিলিপাইন থেকে কতজন এসেছিল?", "count"),  # ফি inside a word is no fee
    ("What position did the province reach in the index?", "count"),
    ("How long has the fair been held?", "duration"),
    ("Chương trình bắt đầu từ năm nào?", "date"),
    ("Dự án kéo dài bao lâu?", "duration"),
    ("মেলাটি কত সালে শুরু হয়?", "date"),  # "in how-many year": which year
    ("প্রকল্পটি কত বছর ধরে চলছে?", "duration"),  # how many years: a span
    ("কর্মসূচিটি কবে শুরু হয়?", "date"),
    ("ข้อตกลงลงนามปีไหน", "date"),
    ("โครงการนี้ดำเนินมากี่ปีแล้ว", "duration"),
    ("How many shops joined the fair?", "count"),
    ("What percentage of adults pay online?", "percent"),
    ("Xuất khẩu tăng bao nhiêu phần trăm?", "percent"),
    ("রপ্তানি কত শতাংশ বেড়েছে?", "percent"),
    ("ยอดขายเพิ่มขึ้นกี่เปอร์เซ็นต์", "percent"),
    ("For how many consecutive years has Dong Nai led the index?", "count"),  # "Dong" is a place
    ("মেলায় কতজন দর্শনার্থী এসেছিলেন?", "count"),
    ("มีผู้ขายกี่ราย", "count"),
    ("Tỉnh này xếp thứ mấy?", "count"),
    ("What was the province's EBI rank last year?", "count"),  # a rank, asked with a possessive
    ("What is the B2B rank of the province?", "count"),
    ("Which place did the province take?", "count"),
    ("Where did the province rank in 2023?", "count"),
    ("How much money did the livestream raise?", "money"),
    ("What was the total value of the deals?", "money"),
    ("What was Shopee's revenue last year?", "money"),  # a sum asked with a possessive
    ("What was Thailand's total e-commerce revenue in 2023?", "money"),  # words between the owner and the sum
    ("What's the net profit of the company?", "money"),
    ("What were the company's earnings in 2024?", "money"),
    ("How much profit did the shop make?", "money"),
    # what a person earns: a seller's daily orders do not answer it
    ("How much does the livestreamer earn each month?", "money"),
    ("How much salary do the trainers get?", "money"),
    ("Giáo viên được trả lương bao nhiêu?", "money"),
    ("কৃষকরা মাসে কত আয় করেন?", "money"),
    ("মেলায় কতজন আয়োজক ছিলেন?", "count"),  # আয়োজক, an organiser, is no income
    ("แรงงานได้ค่าจ้างวันละเท่าไร", "money"),
    ("Lợi nhuận của sàn năm nay là bao nhiêu?", "money"),
    ("কোম্পানির মুনাফা কত?", "money"),
    ("บริษัทมีกำไรเท่าไร", "money"),
    ("Doanh thu của hội chợ là bao nhiêu?", "money"),
    ("প্রকল্পের বাজেট কত টাকা?", "money"),
    ("What's the total value of exports?", "money"),
    ("By how much did the value of exports grow?", "count"),  # a share answers a change
    ("Doanh thu tăng bao nhiêu?", "count"),
    ("hoi cho co bao nhieu gian hang", "count"),  # Vietnamese typed without diacritics
    ("hoi cho to chuc khi nao", "date"),
    ("xuat khau tang bao nhieu phan tram", "percent"),
    ("How big is the market?", "count"),
    ("মেলায় কী পরিমাণ পণ্য বিক্রি হয়েছে?", "count"),
    ("โครงการนี้ใช้งบประมาณเท่าไร", "money"),
    ("ราคาสินค้ากี่บาท", "money"),
    ("What is Lazada's market share in Thailand?", "percent"),  # a user test got payment apps' news for it
    ("Thị phần của Lazada ở Thái Lan là bao nhiêu?", "percent"),
    ("থাইল্যান্ডে লাজাদার বাজার অংশ কত?", "percent"),
    ("ส่วนแบ่งการตลาดของลาซาด้าในไทยเป็นเท่าไร", "percent"),
    ("ยอดขายของร้านค้าออนไลน์ปีนี้เป็นเท่าไร", "money"),  # sales: a user test got visitor numbers for it
    ("Doanh số của cửa hàng trực tuyến năm nay là bao nhiêu?", "money"),
    ("SME ที่ใช้เครื่องมือของอาลีบาบาทำการค้ามีเท่าไหร่", "count"),  # "บาท" straddles อาลีบาบา|ทำ
], ids=lambda v: str(v)[:24])
def test_the_kind_of_figure_asked_for(question, kind):
    assert asked_figure(question) == kind


@pytest.mark.parametrize(("sentence", "thai"), [
    ("মেলাটি গত ১৮ আগস্টে শেষ হয়।", False),
    ("২৪ থেকে ২৫ মে, ২০২৫ পর্যন্ত লাই চাউ প্রদেশে অনুষ্ঠান হবে।", False),
    ("The fair closed on August 18, 2024.", False),
    ("Hội chợ diễn ra ngày 24/5/2025 tại Lai Châu.", False),
    ("เริ่มเมื่อปี 2563", True),  # a Buddhist-era year
    ("งานจัดขึ้นเมื่อวันที่ 18 สิงหาคม", True),
], ids=lambda v: str(v)[:24])
def test_a_date_is_no_count(sentence, thai):
    assert states_figure(sentence, "How many people came?", "any", thai=thai)
    assert states_figure(sentence, "When did people come?", "date", thai=thai)
    assert not states_figure(sentence, "How many people came?", "count", thai=thai)


@pytest.mark.parametrize(("sentence", "thai"), [
    ("মোট ৫৬ হাজার মানুষ মেলা পরিদর্শন করে।", False),
    ("মেলায় ২,০২৪ জন এসেছিলেন।", False),  # with a separator: a count, not a year
    ("৩৭ শতাংশ বেড়েছে।", False),
    ("ডং নাই দেশে ৭ম স্থানে রয়েছে।", False),
    ("Dong Nai ranked 7th in 2025.", False),
    ("ผู้เข้าร่วมมากกว่า 6,000 ราย", True),
    ("ความร่วมมือขยายไปถึง 35 ประเทศในปี 2568", True),
    ("The fair drew hundreds of exhibitors.", False),
], ids=lambda v: str(v)[:24])
def test_a_count(sentence, thai):
    assert states_figure(sentence, "How many people came?", "count", thai=thai)


@pytest.mark.parametrize(("sentence", "thai"), [
    ("৪০ হাজার বর্গমিটারের বেশি আয়তনে ৪০টি প্ল্যাটফর্ম মেলায় অংশ নেয়।", False),
    ("ความร่วมมือขยายไปถึง 35 ประเทศ", True),
    ("Hội chợ thu hút hàng nghìn lượt khách.", False),
], ids=lambda v: str(v)[:24])
def test_a_count_is_no_date(sentence, thai):
    assert states_figure(sentence, "How many people came?", "count", thai=thai)
    assert not states_figure(sentence, "When did people come?", "date", thai=thai)


def test_a_year_answers_when_unless_the_question_names_it():
    assert states_figure("The fair was first held in 2015.", "When was the fair first held?", "date")
    assert states_figure("ปี 2025 งานจัดที่กว่างโจว", "When was the fair held?", "date", thai=True)
    assert not states_figure("The 2024 fair drew crowds.", "When in 2024 did the fair open?", "date")


@pytest.mark.parametrize(("sentence", "question", "thai", "states"), [
    # the other end of the event is dated: no answer
    ("The fair closed on 18 August.", "When did the fair open?", False, False),
    ("মেলাটি ১৮ আগস্টে সমাপ্ত হয়েছে।", "Hội chợ khai mạc ngày nào?", False, False),
    ("งานเปิดเมื่อวันที่ 16 สิงหาคม", "When did the fair close?", True, False),  # เปิด (open) holds ปิด (close)
    ("งานเปิดเมื่อวันที่ 16 สิงหาคม", "মেলা কবে শুরু হয়?", True, True),
    # the asked end, both ends, a range, or no end named: an answer
    ("The fair closed on 18 August.", "When did the fair close?", False, True),
    ("It opened on 16 and closed on 18 August.", "When did it open?", False, True),
    ("The fair ended after running 16-18 August.", "When did the fair start?", False, True),
    ("The fair was held on 18 August.", "When did the fair start?", False, True),
    # a year alone does not say the month or the day asked for
    ("นับตั้งแต่เปิดตัวเมื่อปี 2563 โครงการได้จัดบรรยาย", "In which month was the programme launched?", True, False),
    ("প্রকল্পটি ২০২০ সালে চালু হয়।", "প্রকল্পটি কোন মাসে চালু হয়েছিল?", False, False),
    ("The fair was held in 2024.", "Hội chợ diễn ra vào ngày nào?", False, False),
    ("Hội chợ năm 2024 đã thành công.", "งานจัดเดือนไหน", False, False),
    # a month, a day of a month or a weekday does
    ("নমুনা প্রদর্শনী ২৪ থেকে ২৫ মে অনুষ্ঠিত হয়।", "In which month was the exhibition held?", False, True),
    ("งานปิดเมื่อวันที่ 18 สิงหาคม 2567", "What date did the fair close?", True, True),
    ("Hội chợ bế mạc ngày 18/8.", "মেলা কত তারিখে শেষ হয়?", False, True),
    ("The fair opened on a Friday in 2024.", "On what date did the fair open?", False, True),
    # a question for the year still takes the year
    ("প্রকল্পটি ২০২০ সালে চালু হয়।", "In which year was the programme launched?", False, True),
], ids=lambda v: str(v)[:24])
def test_a_date_question_is_answered_by_the_date_it_asks(sentence, question, thai, states):
    assert states_figure(sentence, question, "date", thai=thai) is states


@pytest.mark.parametrize(("sentence", "thai"), [
    ("Visitors rose 123% compared with last year.", False),
    ("মোট ৫৬ হাজার মানুষ মেলা পরিদর্শন করে, যা গত বছরের তুলনায় ১২৩ শতাংশ বেশি।", False),
    ("Lượng khách tăng 20% so với năm ngoái.", False),
    ("ผู้เข้าชมเพิ่มขึ้นร้อยละ 20 เมื่อเทียบกับปีที่แล้ว", True),
], ids=lambda v: str(v)[:24])
def test_a_comparison_with_last_year_dates_nothing(sentence, thai):
    assert not states_figure(sentence, "When was the fair held?", "date", thai=thai)


def test_last_year_on_its_own_is_a_date():
    assert states_figure("The fair was held last year.", "When was the fair held?", "date")
    assert states_figure("মেলাটি গত বছর হয়েছিল।", "When was the fair held?", "date")


@pytest.mark.parametrize(("sentence", "states"), [
    ("লাইভস্ট্রিমে ৫ কোটি টাকার পণ্য বিক্রি হয়।", True),
    ("Doanh thu đạt 20 tỷ đồng.", True),
    ("มูลค่าการค้ารวม 1,200 ล้านบาท", True),
    ("The deals were worth $3 million.", True),
    ("ক্যাম্পেইনটি ১৮টি অঞ্চল এবং ৮টি প্ল্যাটফর্মে হয়েছে।", False),  # counts, but no money
    ("ডং নাই প্রদেশে ৩০টি সমবায় আছে।", False),  # Dong Nai is not the dong
    ("লাইভস্ট্রিমটি ১৮ আগস্ট টাকা সংগ্রহ করে।", False),  # money, but only a date
], ids=lambda v: str(v)[:24])
def test_a_sum_of_money(sentence, states):
    assert states_figure(sentence, "How much money was raised?", "money") is states


@pytest.mark.parametrize(("sentence", "states"), [
    ("৫৬ হাজার মানুষ এসেছিল, যা গত বছরের তুলনায় ১২৩ শতাংশ বেশি।", True),
    ("Exports grew 37% last year.", True),
    ("ยอดขายเพิ่มขึ้นเป็นเท่าตัว", True),  # doubled
    ("ডং নাইয়ের সূচক ১৩.৩ পয়েন্ট এবং দেশে ৭ম স্থানে রয়েছে।", False),  # points and a rank, no share
], ids=lambda v: str(v)[:24])
def test_a_share(sentence, states):
    assert states_figure(sentence, "What percentage did it grow?", "percent") is states


@pytest.mark.parametrize(("sentence", "thai", "states"), [
    ("এটি টানা ৯ম বছর যে ডং নাই শীর্ষ ১০টি অঞ্চলে রয়েছে।", False, True),
    ("Khóa học kéo dài 3 tháng.", False, True),
    ("โครงการเริ่มตั้งแต่ปี 2563", True, True),  # since a year
    ("সমিতি ১,২০০ জনের জন্য ১১টি প্রশিক্ষণ কোর্সের আয়োজন করে।", False, False),  # counts, no time
], ids=lambda v: str(v)[:24])
def test_a_span_of_time(sentence, thai, states):
    assert states_figure(sentence, "How long did it last?", "duration", thai=thai) is states


def test_years_named():
    assert years_in("EBI ২০২৫ রিপোর্ট, গত বছরের তুলনায় ১২৩ শতাংশ") == {"2025"}
    assert years_in("เริ่มเมื่อปี 2563 มี 1,200 คน", thai=True) == {"2020"}  # Buddhist era
    assert years_in("২,০২৪ জন এসেছিলেন") == frozenset()  # a count, not a year


@pytest.mark.parametrize(("passage", "question", "thai", "other"), [
    ("EBI ২০২৫ রিপোর্ট অনুসারে ডং নাই ৭ম স্থানে রয়েছে।", "Dong Nai's rank in the 2024 EBI?", False, True),
    ("EBI ২০২৫ রিপোর্ট অনুসারে ডং নাই ৭ম স্থানে রয়েছে।", "Dong Nai's rank in the 2025 EBI?", False, False),
    ("EBI রিপোর্ট অনুসারে ডং নাই ৭ম স্থানে রয়েছে।", "Dong Nai's rank in the 2024 EBI?", False, False),  # no year
    ("EBI ২০২৫ রিপোর্ট অনুসারে ডং নাই ৭ম স্থানে রয়েছে।", "Dong Nai's rank in the EBI?", False, False),
    ("โครงการเริ่มเมื่อปี 2563", "How many lectures since 2020?", True, False),  # 2563 BE is 2020
], ids=lambda v: str(v)[:24])
def test_a_passage_about_another_year(passage, question, thai, other):
    assert about_another_year(years_in(passage, thai=thai), question) is other


@pytest.mark.parametrize(("question", "asks"), [
    ("What were the main obstacles for upland farmers?", True),
    ("What products are they selling online?", True),
    ("List the platforms at the fair", True),
    ("মেলায় কী কী উদ্যোগ ঘোষণা করা হয়?", True),
    ("কোন কোন দেশে প্ল্যাটফর্মটি আছে?", True),
    ("mela te ki ki dekhano hoyeche", True),
    ("งานนี้จัดแสดงอะไรบ้าง", True),
    ("แพลตฟอร์มมีในประเทศใดบ้าง", True),
    ("Hội chợ trưng bày những gì?", True),
    ("Những tỉnh nào tham gia chương trình?", True),
    # commands for the N things: a user test's "Tell me about the five initiatives…" got only the first
    ("Tell me about the five initiatives announced at the fair", True),
    ("explain the 3 measures", True),
    ("মেলায় ঘোষিত ৫টি উদ্যোগ সম্পর্কে বলুন", True),
    ("Liệt kê các nền tảng tham gia hội chợ", True),
    ("ke ten cac tinh tham gia", True),
    # the N things asked as "what is": a user test's "5 sáng kiến … là gì?" got only the first
    ("3 biện pháp hỗ trợ nông dân là gì?", True),
    ("มาตรการ 3 ข้อของกระทรวงคืออะไร", True),
    ("Chủ đề năm nay là gì?", False),  # "năm" is also "year"
    ("Tell me about the fair", False),
    ("Which of the five initiatives concerns brands?", False),  # one item
    ("What is the theme of the fair?", False),
    ("মেলার প্রতিপাদ্য কী?", False),
    ("สินค้าหลักคืออะไร", False),
    ("Chủ đề của hội chợ là gì?", False),
], ids=lambda v: str(v)[:24])
def test_questions_asking_for_a_lists_items(question, asks):
    assert asks_for_list(question) is asks


@pytest.mark.parametrize(("question", "compares"), [
    ("How does the fair in Guangzhou differ from the exhibition in Hanoi?", True),
    ("Compare the two fairs", True),
    ("What is the difference between A and B?", True),
    ("Guangzhou vs Hanoi visitors", True),
    ("So sánh hai hội chợ", True),
    ("hai hoi cho khac nhau the nao", True),
    ("দুই মেলার মধ্যে পার্থক্য কী?", True),
    ("สองงานนี้แตกต่างกันอย่างไร", True),
    ("How many more visitors came, compared with last year?", False),  # one subject over time
    ("How many visitors did the fair have?", False),
    ("হাইলাইট কী ছিল?", False),
], ids=lambda v: str(v)[:24])
def test_questions_comparing_two_subjects(question, compares):
    assert asks_to_compare(question) is compares


@pytest.mark.parametrize(("follow_up", "earlier", "kind"), [
    # asks nothing of its own: the earlier question's figure, in the year or place it names
    ("and in 2023?", "How many people visited the fair?", "count"),
    ("what about Thailand?", "What percentage of adults pay online?", "percent"),
    ("còn năm 2023 thì sao?", "Có bao nhiêu doanh nghiệp tham gia?", "count"),
    ("আর ২০২৩ সালে?", "মেলায় কতজন দর্শনার্থী এসেছিলেন?", "count"),
    ("แล้วปี 2566 ล่ะ", "มีผู้ขายกี่ราย", "count"),
    # its own figure wins: "when did it close?" after "how many came?"
    ("and when did it close?", "How many people visited the fair?", "date"),
    ("কতজন অংশ নিয়েছিল?", "সম্মেলন কে আয়োজন করেছিল?", "count"),
    # asks something else of its own: a person, a place, a reason, yes or no
    ("and who organised it?", "How many people visited the fair?", None),
    ("and where was it held?", "How many people visited the fair?", None),
    ("did Shopee take part too?", "How many platforms took part?", None),
    ("còn ai tổ chức?", "Có bao nhiêu doanh nghiệp tham gia?", None),
    ("আর কে আয়োজন করেছিল?", "মেলায় কতজন দর্শনার্থী এসেছিলেন?", None),
    ("แล้วใครเป็นผู้จัด", "มีผู้ขายกี่ราย", None),
    # nothing to carry
    ("and in 2023?", "Who organised the fair?", None),
], ids=lambda value: str(value)[:20])
def test_a_follow_up_asking_nothing_of_its_own_asks_the_earlier_figure(follow_up, earlier, kind):
    assert follow_up_figure(follow_up, earlier) == kind


@pytest.mark.parametrize(("text", "question"), [
    ("ccef visitors", False), ("Dong Nai EBI rank", False), ("tiktok shop lai chau", False),
    ("hội chợ CCEF khách tham quan", False), ("সিসিইএফ দর্শনার্থী", False), ("งาน CCEF ผู้เข้าชม", False),
    ("Dong Nai EBI rank?", True), ("what was the theme", True), ("hội chợ có bao nhiêu khách", True),
    ("Vàng Thị Dính là ai", True), ("মেলা কোথায় হয়েছিল", True), ("งานจัดที่ไหน", True),
], ids=lambda value: str(value)[:20])
def test_keywords_ask_no_question(text, question):
    assert asks_question(text) is question


@pytest.mark.parametrize("question", [
    "When is the next CCEF?", "Hội chợ lần tới diễn ra khi nào?", "পরবর্তী মেলা কবে হবে?", "งานครั้งหน้าจัดเมื่อไร",
], ids=["en", "vi", "bn", "th"])
def test_the_next_edition_is_answered_only_by_the_future(question):
    # this edition's closing date does not date the next one
    assert not states_figure("The fair closed on 18 August 2024.", question, "date")
    assert not states_figure("মেলাটি ১৮ আগস্ট ২০২৪ সমাপ্ত হয়।", question, "date")
    assert states_figure("The next fair will open on 18 August 2025.", question, "date")
    assert states_figure("The fair closed on 18 August 2024.", "When did the fair close?", "date")


@pytest.mark.parametrize(("question", "noun"), [
    ("How many booths were set up at the exhibition?", "booth"),
    ("How many cooperation projects did it put forward?", "project"),  # two words between
    ("Triển lãm có mấy gian hàng?", "booth"),
    ("Chiến dịch giới thiệu bao nhiêu dự án?", "project"),
    ("প্রচারাভিযানে কতগুলো সহযোগিতা প্রকল্পের কথা আছে?", "project"),  # with its case ending
    ("কয়টি দেশ অংশ নেয়?", "country"),
    ("কতজন এসেছিল?", "person"),  # কতজন: how many people
    ("งานนี้มีกี่ประเทศที่เข้าร่วม", "country"),  # Thai writes the next word on
    ("มีบูธกี่บูธ", "booth"),
    ("সিসিইএফে কয়টা platform ছিল?", "platform"),  # an English noun in the singular, as Banglish writes it
    ("Có bao nhiêu enterprise?", "company"),
    ("How many national pavilions has China set up?", "pavilion"),
    ("ศาลาแห่งชาติมีทั้งหมดกี่แห่ง", "site"),  # แห่ง asked: what any แห่ง count is written with
    # a noun of ours before Bengali or Thai "how many", which names only people after it
    ("How many followers does the channel have?", "follower"),
    ("Kênh có bao nhiêu người theo dõi?", "follower"),  # not người alone, people
    ("ช่องนี้มีผู้ติดตามกี่คน", "follower"),
    ("ช่องนี้มีผู้ติดตามทั้งหมดกี่คน", "follower"),
    ("চ্যানেলের কতজন ফলোয়ার আছে?", "follower"),  # জন, then the noun
    ("চ্যানেলের ফলোয়ারের সংখ্যা কত?", "follower"),  # the number of followers
    ("মেলায় বুথের সংখ্যা কত?", "booth"),
    ("কতজন প্রদেশ থেকে এসেছিল?", "person"),  # people from a province, not how many provinces
    ("How many visitors came?", None),  # not a noun of ours
    ("มีกี่รายการ", None),  # รายการ, items, begins with ราย (persons)
    ("Có bao nhiêu hộ chiếu?", None),  # hộ chiếu, passports, begins with hộ (households)
    ("What countries took part?", None),  # no "how many"
])
def test_what_a_question_asks_how_many_of(question, noun):
    assert asked_count(question) == noun


@pytest.mark.parametrize(("question", "rank"), [
    ("Which province ranked first in the EBI index?", "1"),
    ("Which province took 2nd place in B2B?", "2"),
    ("Tỉnh nào xếp hạng nhất về chỉ số EBI?", "1"),
    ("Tỉnh nào đứng thứ 7 về chỉ số EBI?", "7"),
    ("কোন প্রদেশ ইবিআই সূচকে প্রথম স্থানে?", "1"),
    ("কোন প্রদেশ ৭ম স্থানে রয়েছে?", "7"),
    ("จังหวัดใดอยู่อันดับ 1 ในดัชนี EBI", "1"),
    ("จังหวัดไหนได้อันดับที่ ๗", "7"),
    # not asking which one holds a rank: a yes/no question, a head ("người đứng đầu"), no rank named
    ("Did Dong Nai rank first?", None),
    ("Người đứng đầu trường cao đẳng ở Quảng Tây nói gì?", None),
    ("What rank did Dong Nai get?", None),
    ("Thứ ba tuần trước hội chợ nào khai mạc?", None),  # "thứ ba" is Tuesday
    ("Ai xếp hạng nhất?", "1"),
    ("AI của Alibaba có xếp hạng nhất không?", None),  # AI, not "ai" (who)
    # a top N ranks no one, nor does a span of years
    ("Which province ranked in the top 10 for nine years in a row?", None),
    ("Which province ranked top 10 in the index?", None),
    ("Which province ranked top in the index?", "1"),
    ("จังหวัดใดอยู่ใน 10 อันดับแรก", None),
    ("จังหวัดใดอยู่อันดับแรก", "1"),
    ("Tỉnh nào xếp hạng 10 năm liền?", None),
], ids=lambda v: str(v)[:24])
def test_a_rank_a_question_asks_the_holder_of(question, rank):
    assert asked_rank(question) == rank


def test_a_rank_is_stated_in_figures_or_in_words():
    dong_nai = "ডং নাই শীর্ষ ১০টি অঞ্চলে তার স্থান বজায় রেখেছে; B2C সূচকে ৬ষ্ঠ এবং B2B সূচকে ৭ম স্থানে।"
    assert states_rank(dong_nai, "7") and states_rank(dong_nai, "6")
    assert not states_rank(dong_nai, "1"), "top 10 ranks no one first"
    assert states_rank("Tỉnh dẫn đầu cả nước về doanh thu.", "1")
    assert states_rank("จังหวัดนี้อยู่อันดับ ๒", "2", thai=True)
    assert not states_rank("จังหวัดนี้อยู่อันดับ ๒", "3", thai=True)


@pytest.mark.parametrize(("question", "asks"), [
    ("By how many points did the index rise?", True), ("How much did sales grow last year?", True),
    ("Dong Nai's rank went up by how many places?", True),
    ("Chỉ số tăng bao nhiêu điểm?", True), ("সূচক কত পয়েন্ট বেড়েছে?", True), ("คะแนนเพิ่มขึ้นกี่คะแนน", True),
    ("How many points did Dong Nai score?", False), ("ডং নাই কত পয়েন্ট পেয়েছে?", False),
    ("To how many countries has the cooperation grown?", False),  # what it grew to: a count
])
def test_questions_asking_how_much_something_changed(question, asks):
    assert asks_change(question) is asks


@pytest.mark.parametrize(("text", "states"), [
    ("মোট ৫৬ হাজার মানুষ মেলা পরিদর্শন করে, যা গত বছরের তুলনায় ১২৩ শতাংশ বেশি।", True),
    ("Exports rose 12% on the year before.", True), ("Doanh thu tăng 20% so với năm 2024.", True),
    ("ยอดขายเติบโตขึ้นร้อยละ 10", True), ("ความร่วมมือได้ขยายไปยัง 35 ประเทศ", True),
    # a level, and a comparison with the national average: no change from an earlier year
    ("ডং নাইয়ের ই-কমার্স সূচক ১৩.৩ পয়েন্ট (জাতীয় EBI সূচকের গড় স্কোরের চেয়ে বেশি) এবং দেশে ৭ম স্থানে রয়েছে।", False),
    ("Dong Nai scored 13.3 points, 7th in the country.", False),
])
def test_passages_stating_a_change(text, states):
    assert states_change(text) is states

"""Questions for who heads something, and passages that name a head's post (not only a deputy's)."""

import pytest

from index.roles import asks_for_founder, asks_for_post, names_founding, names_post


@pytest.mark.parametrize(("question", "asks"), [
    ("Who is the director of the foreign trade centre?", True),
    ("who chairs the business association", False),  # "chairs" is a verb here: no post named
    ("Who is the chairman of the provincial People's Committee?", True),
    ("What is the name of the minister of commerce?", True),
    ("Ai là giám đốc Sở Công Thương?", True),
    ("chủ tịch hiệp hội là ai", True),
    ("cuc truong cuc thuong mai dien tu la ai", True),
    ("Giám đốc trung tâm tên là gì?", True),
    ("বিভাগের পরিচালক কে?", True),
    ("কমিটির চেয়ারম্যান কে?", True),
    ("provincial business association er chairman ke", True),
    ("ใครเป็นประธานสมาคมธุรกิจ", True),
    ("รัฐมนตรีว่าการกระทรวงพาณิชย์ชื่ออะไร", True),
    # a deputy's post: left alone
    ("Who is the deputy director of the department?", False),
    ("Ai là phó giám đốc Sở Công Thương?", False),
    ("বিভাগের উপ-পরিচালক কে?", False),
    ("ใครเป็นรองประธาน", False),
    # no "who", or "who" without a post
    ("What did the director say about livestreaming?", False),
    ("How many AI courses did the chairman's association run?", False),
    ("Who is Wang Shubin?", False),
    ("লি মিংথাও কে?", False),
    ("তাকে কী বলা হয়েছে প্রধান অতিথি সম্পর্কে?", False),  # -কে is a case ending, not "who"
], ids=lambda value: str(value)[:24])
def test_questions_asking_who_holds_a_post(question, asks):
    assert asks_for_post(question) is asks


@pytest.mark.parametrize(("text", "names"), [
    ("বৈদেশিক বাণিজ্য কেন্দ্রের পরিচালক ছু শিচিয়া ব্যাখ্যা করেন", True),
    ("শিল্প ও বাণিজ্য বিভাগের উপ-পরিচালক ট্রান ডুয়ং হুং বলেন", False),
    ("প্রাদেশিক ব্যবসা সমিতির চেয়ারম্যান, নগুয়েন হু থাপ", True),
    ("লাই চাউ প্রদেশের পিপলস কমিটির সাথে সমন্বয় করে", False),
    ("นายหวาง ซู่ปิน หัวหน้าฝ่ายบริหารของวิทยาลัย", True),
    ("นายสมชาย รองผู้อำนวยการ กล่าวว่า", False),
    ("Ông Trần Dương Hùng, phó giám đốc Sở Công Thương, cho biết", False),
    ("Bà Lê Hoàng Oanh, Cục trưởng Cục Thương mại điện tử", True),
    ("the deputy director and the director both spoke", True),
    ("Vice Chairman Nguyen said", False),
    ("phố giám đốc so công thương nói gì", False),  # "pho" with marks put back as "phố" (street)
], ids=lambda value: str(value)[:24])
def test_passages_naming_a_heads_post(text, names):
    assert names_post(text) is names


@pytest.mark.parametrize(("question", "asks"), [
    ("Who founded the trading company?", True),
    ("Who is the co-founder of the platform?", True),
    ("Ai là người sáng lập công ty?", True),
    ("nha sang lap cua cong ty la ai", True),
    ("কোম্পানির প্রতিষ্ঠাতা কে?", True),
    ("ใครเป็นผู้ก่อตั้งบริษัท", True),
    ("কোন প্রতিষ্ঠান মেলায় ছিল?", False),  # an institution, and no "who"
    ("When was the company founded?", False),  # not who
], ids=lambda value: str(value)[:24])
def test_questions_asking_who_founded_something(question, asks):
    assert asks_for_founder(question) is asks
    assert not asks_for_post(question), "a founder is no head's post"


@pytest.mark.parametrize(("text", "names"), [
    ("วิทยาลัยได้จัดตั้งแพลตฟอร์มในต่างประเทศ 10 แห่ง", True),
    ("The company was founded in 1999 by two teachers.", True),
    ("প্রতিষ্ঠানটি ১৯৯৯ সালে প্রতিষ্ঠিত হয়", True),
    ("গুয়াংশি আন্তর্জাতিক বাণিজ্য প্রতিষ্ঠান", False),  # an institution
    ("বৈদেশিক বাণিজ্য কেন্দ্রের পরিচালক ছু শিচিয়া", False),  # a head is no founder
], ids=lambda value: str(value)[:24])
def test_passages_speaking_of_a_founding(text, names):
    assert names_founding(text) is names

import pytest

from index.shorthand import spelled_out


@pytest.mark.parametrize(("question", "written"), [
    ("TQ đã mở bn kho ở nước ngoài v?", "Trung Quốc đã mở bao nhiêu kho ở nước ngoài vậy?"),
    ("Hội chợ có bn nền tảng TMĐT tham gia ko?", "Hội chợ có bao nhiêu nền tảng thương mại điện tử tham gia không?"),
    ("DN nhỏ ở VN bán hàng online đc ko?", "doanh nghiệp nhỏ ở Việt Nam bán hàng online được không?"),
    ("Ko biết HTX nào tham gia?", "Không biết hợp tác xã nào tham gia?"),  # capitalised, opening the question
    # without marks, spelled out without them, for the marks to be put back with the rest
    ("TQ co bn gian hang quoc gia?", "Trung Quoc co bao nhieu gian hang quoc gia?"),
], ids=["china-how-many-then", "platforms-ecommerce-no", "firms-vietnam-can", "opening-capital", "no-marks"])
def test_vietnamese_chat_shorthand_is_written_out(question, written):
    assert spelled_out(question) == written


@pytest.mark.parametrize("question", [
    "How many bn dollars did exports reach?",  # English: a billion
    "Doanh thu đạt 50k đơn và 5% khách hàng mới v.v. trong năm?",  # a thousand, an abbreviation
    "Ông V. Thắng nói gì?",  # an initial
    "কত টাকা বিক্রি হয়েছে?",
], ids=["english-billion", "number-and-etc", "initial", "bengali"])
def test_other_text_is_left_as_typed(question):
    assert spelled_out(question) == question


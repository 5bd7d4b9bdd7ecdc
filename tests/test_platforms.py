"""Questions asking which platform or app, and passages that name one."""

from __future__ import annotations

import pytest

from index.platforms import asks_which_platform, names_platform


@pytest.mark.parametrize(("question", "asks"), [
    ("Which platform hosted the big livestream sales?", True),
    ("What e-commerce platform did she sell on?", True),  # two words between
    ("On which app do Vietnamese shoppers pay?", True),
    ("What is the name of the platform?", True),
    ("livestream ta kon platform e hoyechilo", True),  # Banglish keeps the English word
    ("লাইভস্ট্রিম কোন প্ল্যাটফর্মে হয়েছিল?", True),
    ("তিনি কোন অ্যাপে দোকান খুলেছেন?", True),
    ("ไลฟ์สดผ่านแพลตฟอร์มอะไร", True),
    ("ขายของผ่านแอปไหน", True),
    ("Chị ấy bán hàng trên nền tảng nào?", True),
    ("ban hang tren san nao", True),  # typed without marks
    ("san pham nao ban chay nhat", False),  # "sản phẩm nào", which product, typed without marks
    ("How many platforms took part in the fair?", False),  # how many, not which
    ("What do platforms charge sellers?", False),
    ("Which province ranked first?", False),
])
def test_which_platform_is_asked(question, asks):
    assert asks_which_platform(question) is asks


@pytest.mark.parametrize(("text", "names"), [
    ("টিকটক শপ প্ল্যাটফর্মের মাধ্যমে সরাসরি মেগা লাইভস্ট্রিম সেশন", True),  # a company, in Bengali letters
    ("আলিবাবা’র বুথে এআই টুল", True),  # with the possessive after an apostrophe
    ("VNPay , MoMo, VietQR... giúp thanh toán", True),  # payment apps
    ("ফ্যানপেজ, TikTok, YouTube ইত্যাদি", True),
    ("ก่อตั้งแพลตฟอร์ม “Guihai Business Hub” ในต่างประเทศ", True),  # a name given beside the word
    ("the Guihai Business Hub platform", True),
    ("ই-কমার্স প্ল্যাটফর্মে পণ্য বিক্রি", False),  # e-commerce platforms, none named
    ("অনলাইন শপিং এখন সহজ", False),  # "শপি" (Shopee) inside "শপিং" (shopping) is no name
    ("ขายผ่านแพลตฟอร์มออนไลน์", False),
    ("a line of products", False),  # LINE, the app, only in capitals
])
def test_a_platform_is_named(text, names):
    assert names_platform(text) is names

"""The nouns news articles count, in the words Bengali, Thai and Vietnamese write right after the
number: "৫০টি বুথ", "35 ประเทศ", "65 แห่ง", "14.500 đơn hàng".

A plain count read without its noun left readers guessing: a Thai paragraph's "35 … 120 … 65 … 19
… 100" got no reading at all, and "১,২০০ = 1,200 · ১১ = 11" did not say which counted people
(two blind user tests). ``index.numbers`` reads a count with the noun after it, keyed as here;
the reader's words for each key are in ``bot/locales`` ("count_country_other").

Thai counts with a classifier after the number (คน people, ครั้ง times, ราย persons or cases), the
noun it classifies written before the number or left out, so a classifier is read as what it
counts. แห่ง is no such classifier: it counts organisations, pavilions and bases as well as places
("องค์กรมากกว่า 400 แห่ง", more than 400 organisations, was read "more than 400 sites"), so its count
is read with the noun of ours among the words before the number (``thai_noun_before``), else with
none. Bengali may put a classifier between number and noun (টি, টা, জন: "৫০টি বুথ",
"৫ জন কর্মকর্তা"); জন alone counts people. Vietnamese writes the noun after the number.
"""

from __future__ import annotations

import re

from .thai import thai_words

# Noun key -> the words for it in Bengali, Thai and Vietnamese. Bengali words match whole, with
# their case endings (অঞ্চলে, জনের); Vietnamese ones whole; Thai ones, written without spaces, at
# the number, so a longer Thai word beginning with one is ruled out in ``NOT_A_COUNT``.
COUNT_NOUNS: dict[str, tuple[str, ...]] = {
    "country": ("দেশ", "রাষ্ট্র", "ประเทศ", "quốc gia", "nước"),
    "time": ("বার", "ครั้ง", "lần"),
    "site": ("স্থান", "แห่ง", "สถานที่", "địa điểm"),
    "person": ("জন", "মানুষ", "লোক", "ব্যক্তি", "অংশগ্রহণকারী", "คน", "ราย", "người"),
    "official": ("কর্মকর্তা", "เจ้าหน้าที่", "cán bộ"),
    "project": ("প্রকল্প", "โครงการ", "dự án"),
    "booth": ("বুথ", "স্টল", "บูธ", "gian hàng"),
    "platform": ("প্ল্যাটফর্ম", "প্লাটফর্ম", "แพลตฟอร์ม", "nền tảng"),
    "company": ("কোম্পানি", "প্রতিষ্ঠান", "บริษัท", "doanh nghiệp", "công ty"),
    "province": ("প্রদেশ", "จังหวัด", "มณฑล", "tỉnh"),
    "city": ("শহর", "เมือง", "thành phố"),
    "region": ("অঞ্চল", "ภูมิภาค", "khu vực", "vùng"),
    "product": ("পণ্য", "ผลิตภัณฑ์", "sản phẩm"),
    "course": ("কোর্স", "หลักสูตร", "khóa học", "khoá học", "lớp học"),
    "session": ("অধিবেশন", "সেশন", "รอบ", "phiên", "buổi"),
    "order": ("অর্ডার", "คำสั่งซื้อ", "ออเดอร์", "đơn hàng"),
    "household": ("পরিবার", "ครัวเรือน", "hộ gia đình", "hộ"),
    "base": ("ঘাঁটি", "ฐาน"),
    "area": ("ক্ষেত্র", "ด้าน", "lĩnh vực"),  # "4 ด้านหลัก": four main areas (of cooperation)
    # "৫টি উদ্যোগ প্রকাশ করে": the fair announced five initiatives. Articles translated from Vietnamese
    # also write উদ্যোগ for an enterprise ("ডাক উদ্যোগগুলি", postal firms), but no seed counts those
    "initiative": ("উদ্যোগ", "ข้อริเริ่ม", "sáng kiến"),
    # Counted with แห่ง in Thai (``thai_noun_before``). No Vietnamese words: "tổ chức" is mostly the
    # verb "to hold" ("năm 2024 tổ chức"), "trung tâm" any centre; the locales have their readings
    "organisation": ("সংস্থা", "องค์กร"),
    "pavilion": ("প্যাভিলিয়ন", "ศาลา", "พาวิลเลียน"),
    "hub": ("হাব", "ศูนย์กลาง", "ฮับ"),
    "account": ("অ্যাকাউন্ট", "একাউন্ট", "บัญชี", "tài khoản"),  # "১.৩ মিলিয়নেরও বেশি … অ্যাকাউন্ট"
    # "১,২০০ কর্মকর্তা এবং ব্যবসায়ীদের", officials and businesspeople (Vietnamese "cán bộ, doanh nhân").
    # No Thai word: ผู้ประกอบการ is written before its number, counted by ราย (people)
    "businessperson": ("ব্যবসায়ী", "ব্যবসায়ি", "doanh nhân"),
    # who follow a shop's or a seller's channel: "how many followers" is not asked of a seller's
    # daily orders. Thai counts them with คน ("ผู้ติดตาม 5,000 คน"), read as people at the number
    "follower": ("ফলোয়ার", "অনুসারী", "সাবস্ক্রাইবার", "ผู้ติดตาม", "người theo dõi", "lượt theo dõi"),
}

# The same nouns as an English question names them ("how many booths"): English articles are read
# as written, so these only tell what a question counts (``answer_type.asked_count``)
ENGLISH_COUNT_NOUNS: dict[str, tuple[str, ...]] = {
    "country": ("countries", "country", "nations"),
    "time": ("times",),
    "site": ("sites", "locations", "venues"),
    "person": ("people", "persons", "participants", "attendees", "individuals"),
    "official": ("officials", "officers", "cadres"),
    "project": ("projects",),
    "booth": ("booths", "stalls", "stands"),
    "platform": ("platforms",),
    "company": ("companies", "businesses", "firms", "enterprises"),
    "province": ("provinces",),
    "city": ("cities",),
    "region": ("regions",),
    "product": ("products",),
    "course": ("courses", "classes"),
    "session": ("sessions",),
    "order": ("orders",),
    "household": ("households", "families"),
    "base": ("bases",),
    "area": ("areas", "fields"),
    "initiative": ("initiatives",),
    "organisation": ("organisations", "organizations"),
    "pavilion": ("pavilions",),
    "hub": ("hubs",),
    "account": ("accounts",),
    "businessperson": ("businesspeople", "business people", "businessmen", "traders"),
    "follower": ("followers", "subscribers", "fans"),
}

# Words that begin with a noun of ours and mean something else, at the number: แห่งชาติ (national),
# รายได้ (income), รายการ (items), รายงาน (report), ฐานะ (status), ฐานข้อมูล (database), ศาลากลาง and
# ศาลาว่าการ (city and town hall); Vietnamese "phiên bản" (version), "nước ngoài" (abroad), "hộ chiếu" (passport)
NOT_A_COUNT = re.compile(r"แห่งชาติ|ราย(?:ได้|การ|งาน|ละเอียด|ชื่อ|วัน|เดือน|ปี|สัปดาห์|ไตรมาส|บุคคล|ย่อย|จ่าย"
                         r"|ใหญ่|หัว)|ฐาน(?:ะ|ข้อมูล|ราก|เงินเดือน)|ศาลา(?:กลาง|ว่าการ)"
                         r"|phiên[^\S\n]+bản|nước[^\S\n]+(?:ngoài|uống|mắm|sạch|ngọt)"
                         r"|hộ[^\S\n]+(?:chiếu|khẩu|lý|tống|trợ|tịch|sinh)", re.IGNORECASE)

# Thai classifiers that count any kind of thing, whose noun is the one written before the number
GENERIC_CLASSIFIERS = ("แห่ง",)
_THAI_NOUNS = {word: noun for noun, words in COUNT_NOUNS.items() for word in words
               if re.match("[\u0e01-\u0e4f]", word) and word not in GENERIC_CLASSIFIERS}
# The Thai words written together right before a number ("ก่อตั้งศาลาแห่งชาติทั้งแบบออนไลน์และออฟไลน์ "):
# Thai spaces part phrases, so the noun a count counts is looked for in this run only
_THAI_RUN = re.compile(r"[\u0e01-\u0e4f]+[^\S\n]*$")
_RUN_WINDOW = 200  # characters before the number searched for the run
_COUNTED_BEFORE = re.compile(r"\d[^\S\n]*$")
_REACH = 8  # words before the number, past those qualifying the noun ("ศาลา แห่งชาติ ทั้ง แบบ ออนไลน์ และ ออฟไลน์")
_JOINED = 4  # words a noun the segmenter splits may span: "พาวิลเลียน" is พา·วิ·ล·เลียน to it
# A clause before the number, not a noun phrase: "ที่จีนจัดตั้ง" (that China set up), "ได้เปิด" (opened)
_CLAUSE_WORDS = frozenset({"ที่", "ซึ่ง", "ได้", "จะ", "ว่า", "เพื่อ", "คือ", "เป็น"})
# A noun after these is where or whose, not what is counted: "ศาลาในเมือง 5 แห่ง" is five pavilions in a city
_PLACE_WORDS = frozenset({"ใน", "จาก", "ของ", "กับ", "ทั่ว", "สู่", "แก่", "ตาม", "ระหว่าง"})


# A name given to the noun, between it and a phrase saying where: "แพลตฟอร์ม “Guihai Business Hub”
# ในต่างประเทศ 10 แห่ง" (Guihai Business Hub platforms in 10 places abroad): quoted, or in Latin letters
_NAME_BEFORE = re.compile(r"(?:[“\"«][^”\"»\n]{1,80}[”\"»]|[A-Za-z][\w.&'-]*(?:[^\S\n]+[A-Za-z][\w.&'-]*)*)?[^\S\n]*$")


def thai_noun_before(text: str, end: int, past_place: bool = True) -> str:
    """The key of the noun a generic classifier's count counts, read from the Thai words run
    together right before its number at ``end``: the nearest noun of ours within ``_REACH`` words,
    not after a word that opens a clause or places it, nor one another number counts
    ("องค์กรมากกว่า 400 แห่ง": "organisation"; "ศาลาแห่งชาติทั้งแบบออนไลน์และออฟไลน์ 120 แห่ง":
    "pavilion"); where those words only say where ("ในต่างประเทศ", abroad), the noun before them,
    past the name it is given ("แพลตฟอร์ม “Guihai Business Hub” ในต่างประเทศ 10 แห่ง": "platform",
    with ``past_place``); "" for none ("ร้านค้าในประเทศ 50 แห่ง", shops in the country)."""
    run = _THAI_RUN.search(text, max(0, end - _RUN_WINDOW), end)
    if not run or _COUNTED_BEFORE.search(text, max(0, run.start() - 3), run.start()):
        return ""  # "ใน 3 จังหวัด 12 แห่ง": จังหวัด is what 3 counts
    words = thai_words(run.group())
    noun = _noun_among(words)
    if noun is None and past_place and words and words[0] in _PLACE_WORDS:
        name = _NAME_BEFORE.search(text, max(0, run.start() - _RUN_WINDOW), run.start())
        return thai_noun_before(text, name.start() if name else run.start(), past_place=False)
    return noun or ""


def _noun_among(words: list[str]) -> str | None:
    """The nearest noun of ours among the last ``_REACH`` of ``words`` (see ``thai_noun_before``);
    "" where a clause word or a place word stands before any, None where none is within reach."""
    for last in range(len(words), max(0, len(words) - _REACH), -1):
        if words[last - 1] in _CLAUSE_WORDS:
            return ""
        for first in range(max(0, last - _JOINED), last):  # the longest noun ending here first
            noun = _THAI_NOUNS.get("".join(words[first:last]))
            if noun and not NOT_A_COUNT.match("".join(words[first:])) \
                    and (first == 0 or words[first - 1] not in _PLACE_WORDS):
                return noun
    return None

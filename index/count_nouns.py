"""The nouns news articles count, in the words Bengali, Thai and Vietnamese write right after the
number: "৫০টি বুথ", "35 ประเทศ", "65 แห่ง", "14.500 đơn hàng".

A plain count read without its noun left readers guessing: a Thai paragraph's "35 … 120 … 65 … 19
… 100" got no reading at all, and "১,২০০ = 1,200 · ১১ = 11" did not say which counted people
(two blind user tests). ``index.numbers`` reads a count with the noun after it, keyed as here;
the reader's words for each key are in ``bot/locales`` ("count_country_other").

Thai counts with a classifier after the number (คน people, แห่ง places, ครั้ง times, ราย persons
or cases), the noun it classifies written before the number or left out, so a classifier is read
as what it counts. Bengali may put a classifier between number and noun (টি, টা, জন: "৫০টি বুথ",
"৫ জন কর্মকর্তা"); জন alone counts people. Vietnamese writes the noun after the number.
"""

from __future__ import annotations

import re

# Noun key -> the words for it in Bengali, Thai and Vietnamese. Bengali words match whole, with
# their case endings (অঞ্চলে, জনের); Vietnamese ones whole; Thai ones, written without spaces, at
# the number, so a longer Thai word beginning with one is ruled out in ``NOT_A_COUNT``.
COUNT_NOUNS: dict[str, tuple[str, ...]] = {
    "country": ("দেশ", "রাষ্ট্র", "ประเทศ", "quốc gia", "nước"),
    "time": ("বার", "ครั้ง", "lần"),
    "site": ("স্থান", "แห่ง", "địa điểm"),
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
}

# Words that begin with a noun of ours and mean something else, at the number: แห่งชาติ (national),
# รายได้ (income), รายการ (items), รายงาน (report), ฐานะ (status), ฐานข้อมูล (database); Vietnamese
# "phiên bản" (version), "nước ngoài" (abroad), "hộ chiếu" (passport)
NOT_A_COUNT = re.compile(r"แห่งชาติ|ราย(?:ได้|การ|งาน|ละเอียด|ชื่อ|วัน|เดือน|ปี|สัปดาห์|ไตรมาส|บุคคล|ย่อย|จ่าย"
                         r"|ใหญ่|หัว)|ฐาน(?:ะ|ข้อมูล|ราก|เงินเดือน)|phiên[^\S\n]+bản|nước[^\S\n]+(?:ngoài|uống|mắm|sạch|ngọt)"
                         r"|hộ[^\S\n]+(?:chiếu|khẩu|lý|tống|trợ|tịch|sinh)", re.IGNORECASE)

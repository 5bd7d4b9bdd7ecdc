"""Places that Bengali and Thai write by their sound, with the spellings each of our languages
gives them: Vietnam's provinces and cities in Thai letters ("ลายเจิว", Lai Châu), and China's
cities and provinces in all four ("Guangzhou", "Quảng Châu", "কুয়াংচৌ", "กวางโจว").

No registry package names these places in Thai or Bengali (pycountry's Thai ISO 3166-2 names give
"Lai Châu" for Lai Châu and "แบคนินห์" for Bắc Ninh, CLDR has no cities), and reading them by sound
does not work: the Royal Thai romanization of "ลายเจิว" sounds only 0.75 like "Lai Chau", while
unrelated Thai words sound 0.83 to 1.0 like "Gia Lai" or "Sài Gòn" (measured in session 32); and
"Shanghai" sounds 0.8 like some run of words in the Guangzhou fair's article, which never names it.
So they are listed here by hand: the spellings of Thai Wikipedia and the Thai and Bengali press
(Bengali in both Bangladesh's and China Media Group's spellings, "বেইজিং" and "পেইচিং"), and those
that chat commonly uses ("ไลเจิว", "ดองไน"). From gazetteers and style guides, not from any
question set.

Read as whole names only: in Thai, which writes no spaces, a spelling of at least
``MIN_THAI_SPELLING`` letters anywhere (shorter ones, "เว้" for Huế, are parts of everyday words);
in Bengali, a spelling at a word's start with at most a case ending after it ("কুয়াংচৌতে", in
Guangzhou); in Latin letters, each word capitalised, marks aside ("Quang Chau", "Guangzhou").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from .patterns import BENGALI_ENDINGS
from .vietnamese import strip_marks

MIN_THAI_SPELLING = 5  # code points, tone marks included, as ``provinces.MIN_THAI_NAME`` counts


@dataclass(frozen=True)
class ListedPlace:
    """A place and its spellings. ``name``: as the checks report it, in Vietnamese for Vietnam's
    places (as ``vietnamese.VIETNAM_PLACES`` writes them), in pinyin for China's; ``country``: its
    ISO code; ``latin``: other names in Latin letters (Vietnamese's readings of China's places)."""

    name: str
    country: str
    thai: tuple[str, ...] = ()
    bengali: tuple[str, ...] = ()
    latin: tuple[str, ...] = ()


def _vn(name: str, *thai: str) -> ListedPlace:
    return ListedPlace(name, "VN", thai=thai)


def _cn(name: str, vietnamese: str, bengali: tuple[str, ...], thai: tuple[str, ...]) -> ListedPlace:
    return ListedPlace(name, "CN", thai=thai, bengali=bengali, latin=(vietnamese,))


# Vietnam's provinces (their Bengali spellings are read by sound: ``place_names``), then big cities
# that are no province, which need their Latin name listed too
PLACES: tuple[ListedPlace, ...] = (
    _vn("An Giang", "อานซาง"), _vn("Bà Rịa", "บ่าเสียะ"), _vn("Vũng Tàu", "หวุงเต่า"),
    _vn("Bạc Liêu", "บั๊กเลียว", "บักเลียว"), _vn("Bắc Giang", "บั๊กซาง"), _vn("Bắc Kạn", "บั๊กกั่น"),
    _vn("Bắc Ninh", "บั๊กนิญ", "บักนิญ", "บั๊กนินห์", "บักนินห์", "แบคนินห์"), _vn("Bến Tre", "เบ๊นแจ"),
    _vn("Bình Dương", "บิ่ญเซือง", "บินห์เซือง", "บินห์ดวง"), _vn("Bình Định", "บิ่ญดิ่ญ", "บินห์ดินห์"),
    _vn("Bình Phước", "บิ่ญเฟื้อก"), _vn("Bình Thuận", "บิ่ญถ่วน"), _vn("Cà Mau", "ก่าเมา"),
    _vn("Cao Bằng", "กาวบั่ง"), _vn("Cần Thơ", "เกิ่นเทอ", "เกิ๋นเทอ"), _vn("Đà Nẵng", "ดานัง"),
    _vn("Đắk Lắk", "ดั๊กลั๊ก", "ดักลัก"), _vn("Đắk Nông", "ดั๊กนง"), _vn("Điện Biên", "เดี่ยนเบียน", "เดียนเบียน"),
    _vn("Đồng Nai", "ด่งนาย", "ดองไน", "ดงนาย", "ด่องนาย"), _vn("Đồng Tháp", "ด่งท้าป"),
    _vn("Gia Lai", "ซาลาย"), _vn("Hà Giang", "ห่าซาง", "ฮาซาง"), _vn("Hà Nam", "ห่านาม"),
    _vn("Hà Nội", "ฮานอย"), _vn("Hà Tĩnh", "ห่าติ๋ญ"), _vn("Hải Dương", "หายเซือง", "ไหเซือง"),
    _vn("Hải Phòng", "ไฮฟอง", "หายฟอง"), _vn("Hậu Giang", "เหิวซาง"), _vn("Hòa Bình", "ฮหว่าบิ่ญ", "หว่าบิ่ญ"),
    _vn("Hưng Yên", "หึงเอียน"), _vn("Khánh Hòa", "คั้ญฮหว่า", "คั้ญฮว้า"), _vn("Kiên Giang", "เกียนซาง"),
    _vn("Kon Tum", "กอนตูม", "คอนทุม"),
    _vn("Lai Châu", "ลายเจิว", "ไลเจิว", "ไหลเจิว", "ลายเจา", "ไลเจา", "ลายเชา", "ไลเชา"),
    _vn("Lâm Đồng", "เลิมด่ง", "ลัมดง"), _vn("Lạng Sơn", "หลั่งเซิน", "ลั่งเซิน", "ลางเซิน"),
    _vn("Lào Cai", "หล่าวกาย", "ลาวกาย"), _vn("Long An", "ล็องอาน"), _vn("Nam Định", "นามดิ่ญ", "นามดินห์"),
    _vn("Nghệ An", "เหงะอาน", "เงะอาน"), _vn("Ninh Bình", "นิญบิ่ญ", "นิงห์บิงห์", "นินห์บินห์"),
    _vn("Ninh Thuận", "นิญถ่วน"), _vn("Phú Thọ", "ฟู้เถาะ"), _vn("Phú Yên", "ฟู้เอียน"),
    _vn("Quảng Bình", "กว๋างบิ่ญ", "กวางบิญ", "กวางบินห์"), _vn("Quảng Nam", "กว๋างนาม"),
    _vn("Quảng Ngãi", "กว๋างหงาย", "กวางหงาย"), _vn("Quảng Ninh", "กว๋างนิญ", "กวางนิญ", "กวางนินห์"),
    _vn("Quảng Trị", "กว๋างจิ"), _vn("Sóc Trăng", "ซ้อกจัง"), _vn("Sơn La", "เซินลา"),
    _vn("Tây Ninh", "เต็ยนิญ", "เตยนิญ", "เตยนินห์"), _vn("Thái Bình", "ท้ายบิ่ญ", "ไทบิ่ญ", "ไทบินห์"),
    _vn("Thái Nguyên", "ท้ายเงวียน", "ไทเงวียน", "ไทเหงียน"), _vn("Thanh Hóa", "ทัญฮว้า", "แทงฮวา"),
    _vn("Thừa Thiên Huế", "เถื่อเทียน"), _vn("Tiền Giang", "เตี่ยนซาง", "เตียนซาง"), _vn("Trà Vinh", "จ่าวิญ"),
    _vn("Tuyên Quang", "เตวียนกวาง", "ตุยเอินกวาง", "เตวียนกว๋าง", "เตวียนกวัง"),
    _vn("Vĩnh Long", "หวิญล็อง", "วินห์ลอง"), _vn("Vĩnh Phúc", "หวิญฟุก", "วินห์ฟุก"), _vn("Yên Bái", "เอียนบ๊าย"),
    _vn("Hồ Chí Minh", "โฮจิมินห์"), _vn("Sài Gòn", "ไซ่ง่อน", "ไซง่อน"),
    ListedPlace("Hạ Long", "VN", thai=("ฮาลอง",), latin=("Hạ Long",)),
    ListedPlace("Nha Trang", "VN", thai=("ญาจาง", "นาตรัง"), latin=("Nha Trang",)),
    ListedPlace("Đà Lạt", "VN", thai=("ดาลัด", "ดาลัท"), latin=("Đà Lạt",)),
    ListedPlace("Hội An", "VN", thai=("ฮอยอัน", "โห่ยอาน"), latin=("Hội An",)),
    ListedPlace("Phú Quốc", "VN", thai=("ฟูก๊วก", "ฟูโกว๊ก", "ฟูโกวก"), latin=("Phú Quốc",)),
    _cn("Beijing", "Bắc Kinh", ("বেইজিং", "পেইচিং"), ("ปักกิ่ง",)),
    _cn("Shanghai", "Thượng Hải", ("সাংহাই",), ("เซี่ยงไฮ้",)),
    _cn("Guangzhou", "Quảng Châu", ("কুয়াংচৌ", "গুয়াংজু", "গুয়াংচৌ", "গুয়াংঝো"), ("กวางโจว", "กว่างโจว")),
    _cn("Shenzhen", "Thâm Quyến", ("শেনজেন", "শেনচেন", "সেনজেন"), ("เซินเจิ้น", "เซิ่นเจิ้น")),
    _cn("Hangzhou", "Hàng Châu", ("হাংচৌ", "হাংজু", "হাংঝো"), ("หางโจว", "หังโจว")),
    _cn("Guangxi", "Quảng Tây", ("কুয়াংসি", "কুয়াংশি", "গুয়াংশি", "গুয়াংসি"), ("กวางสี", "กว่างซี")),
    _cn("Nanning", "Nam Ninh", ("নাননিং",), ("หนานหนิง",)),
    _cn("Guangdong", "Quảng Đông", ("কুয়াংতুং", "গুয়াংডং", "গুয়াংদং"), ("กวางตุ้ง", "กว่างตง")),
    _cn("Yunnan", "Vân Nam", ("ইউননান", "ইউনান"), ("ยูนนาน", "หยุนหนาน")),
    _cn("Kunming", "Côn Minh", ("খুনমিং", "কুনমিং"), ("คุนหมิง",)),
    _cn("Chongqing", "Trùng Khánh", ("ছোংছিং", "চংকিং", "চংচিং"), ("ฉงชิ่ง", "จุงกิง")),
    # not "เสฉวน" for Sichuan: "ปูเสฉวน" is a hermit crab
    _cn("Sichuan", "Tứ Xuyên", ("সিছুয়ান", "সিচুয়ান"), ("ซื่อชวน",)),
    _cn("Chengdu", "Thành Đô", ("ছেংতু", "চেংদু", "চেংডু"), ("เฉิงตู",)),
    _cn("Zhejiang", "Chiết Giang", ("চেচিয়াং", "ঝেজিয়াং"), ("เจ้อเจียง", "เจ๋อเจียง")),
    _cn("Fujian", "Phúc Kiến", ("ফুচিয়েন", "ফুজিয়ান"), ("ฝูเจี้ยน", "ฮกเกี้ยน")),
    _cn("Xiamen", "Hạ Môn", ("সিয়ামেন", "শিয়ামেন"), ("เซี่ยเหมิน", "เซียะเหมิน")),
    _cn("Yiwu", "Nghĩa Ô", ("ইয়িউ",), ("อี้อู",)),
    _cn("Tianjin", "Thiên Tân", ("থিয়েনচিন", "তিয়ানজিন"), ("เทียนจิน",)),
    _cn("Wuhan", "Vũ Hán", ("উহান",), ("อู่ฮั่น",)),
    _cn("Xi'an", "Tây An", ("সিআন", "শিআন"), ("ซีอาน",)),
    _cn("Hainan", "Hải Nam", ("হাইনান",), ("ไหหลำ", "ไห่หนาน")),
    _cn("Jiangsu", "Giang Tô", ("চিয়াংসু", "জিয়াংসু"), ("เจียงซู",)),
    _cn("Shandong", "Sơn Đông", ("শানতুং", "শানডং"), ("ซานตง",)),
    _cn("Suzhou", "Tô Châu", ("সুচৌ", "সুঝৌ"), ("ซูโจว",)),
    _cn("Qingdao", "Thanh Đảo", ("ছিংতাও", "চিংদাও"), ("ชิงเต่า",)),
    _cn("Dongguan", "Đông Quản", ("তোংকুয়ান", "ডংগুয়ান"), ("ตงก่วน",)),
    _cn("Harbin", "Cáp Nhĩ Tân", ("হারবিন",), ("ฮาร์บิน",)),
    _cn("Ningbo", "Ninh Ba", ("নিংপো", "নিংবো"), ("หนิงโป", "หนิงปัว")),
)

_BENGALI_LETTER = r"\u0980-\u09ff"
_ENDINGS = "|".join(re.escape(unicodedata.normalize("NFC", ending)) for ending in BENGALI_ENDINGS if ending)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@cache
def _patterns() -> tuple[tuple[re.Pattern[str], ListedPlace], ...]:
    """One pattern per place and script, over text in NFC with Latin marks stripped (Bengali and
    Thai signs are letters and stay)."""
    patterns = []
    for place in PLACES:
        thai = [_nfc(spelling) for spelling in place.thai if len(_nfc(spelling)) >= MIN_THAI_SPELLING]
        bengali = [_nfc(spelling) for spelling in place.bengali]
        # pinyin names China's; Vietnam's provinces in Latin letters are ``provinces``' to read
        latin = [strip_marks(spelling) for spelling in ((place.name, *place.latin) if place.country == "CN"
                                                        else place.latin)]
        if thai:
            patterns.append((re.compile("|".join(map(re.escape, thai))), place))
        if bengali:
            spelled = "|".join(map(re.escape, bengali))
            alone = rf"(?<![{_BENGALI_LETTER}])(?:{spelled})(?:{_ENDINGS})?(?![{_BENGALI_LETTER}])"
            patterns.append((re.compile(alone), place))
        if latin:
            patterns.append((re.compile(rf"(?<![\w'-])(?:{'|'.join(map(re.escape, latin))})(?![\w'-])"), place))
    return tuple(patterns)


def listed_places(text: str) -> dict[str, str]:
    """The places of ``PLACES`` that ``text`` names, by the rules of the module doc: name → the
    name as ``text`` writes it (the first spelling found). Pure."""
    named: dict[str, str] = {}
    for _, written, name in listed_spellings(text):
        named.setdefault(name, written)
    return named


def listed_spellings(text: str) -> list[tuple[int, str, str]]:
    """Each place of ``PLACES`` that ``text`` (read in NFC) names, wherever it does: (start, the
    name as written, its ``name``), in the order written. Pure."""
    text = _nfc(text)
    plain = strip_marks(text)  # one letter for one: positions are the text's
    found = [(match.start(), text[match.start():match.end()], place.name)
             for pattern, place in _patterns() for match in pattern.finditer(plain)]
    return sorted(found)


@cache
def listed_place(name: str) -> ListedPlace | None:
    """The place of ``PLACES`` called ``name``, or None."""
    return next((place for place in PLACES if place.name == name), None)


__all__ = ["MIN_THAI_SPELLING", "PLACES", "ListedPlace", "listed_place", "listed_places", "listed_spellings"]

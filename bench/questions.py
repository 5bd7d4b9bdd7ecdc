"""Benchmark questions in Bengali, Thai, English and Vietnamese, made without any evaluation set.

Bengali and Thai questions come from the corpus itself: sentences of the indexed passages, whole,
cut to their first half, or a fragment wrapped in "what does the report say about …?". English and
Vietnamese questions are written here by hand about the corpus's topics (e-commerce in China,
Vietnam and Thailand, livestream selling, OCOP products, cross-border fairs, Silk Road e-commerce,
digital skills for farmers), short to long. A few off-topic questions per language exercise
abstention. The list is deterministic: same index, same questions, same order.

The order interleaves the languages, so any prefix (``--n 40``) holds all four about equally.
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from index import Chunk
from index.chunking import sentence_text

SEED = 20240818
CORPUS_PER_LANGUAGE = 80  # corpus-made questions kept per language (bn, th)


@dataclass(frozen=True)
class Question:
    lang: str  # "bn", "th", "en" or "vi"
    text: str
    source: str  # "corpus", "written" or "off-topic"


ENGLISH = [
    "livestream sales",
    "OCOP products",
    "Silk Road e-commerce",
    "cross-border e-commerce fair",
    "Who organised the cross-border e-commerce fair?",
    "How many visitors came to the e-commerce fair?",
    "What are OCOP products?",
    "How do farmers sell their produce online?",
    "Which platforms do local producers use to sell goods?",
    "How much did online sales grow last year?",
    "What is Silk Road e-commerce cooperation?",
    "Which countries signed e-commerce agreements with China?",
    "How does livestreaming help farmers sell agricultural products?",
    "What training did farmers receive in digital skills?",
    "What problems do rural sellers face when they go online?",
    "How is artificial intelligence used by cross-border sellers?",
    "What share of exports goes through cross-border e-commerce?",
    "What support does the provincial government give to e-commerce?",
    "Which products from the mountainous northern provinces are sold online?",
    "How many cooperatives joined the e-commerce programme?",
    "What did the Ministry of Commerce say about digital trade?",
    "How are overseas warehouses helping Chinese exporters?",
    "What is the role of logistics in rural e-commerce?",
    "What did Alibaba report about its sellers abroad?",
    "How do Thai businesses take part in Chinese e-commerce?",
    "Which events promoted local specialties on e-commerce channels?",
    "How many people attended the livestream sessions?",
    "What are the goals for the digital economy by 2025?",
    "Why is quality certification important for products sold online?",
    "What is the theme of this year's cross-border e-commerce fair?",
    "How did the pandemic change the way farmers sell their goods?",
    "What role do young people play in livestream selling in the villages?",
    "How does QR code traceability help consumers trust farm products?",
    "What are the main export markets for Chinese cross-border e-commerce companies?",
    "Which ASEAN countries cooperate with China on e-commerce, and in what areas?",
    "How many OCOP products has the province certified, and how many are on e-commerce platforms?",
    "What do officials plan to do next to bring more agricultural products onto online marketplaces?",
    "If I am a small coffee grower in the highlands, what kind of help can I get to start selling online?",
    "Tell me how the fair in Guangzhou compared with the previous year in terms of visitors and exhibitors.",
    "According to the articles, what are the biggest obstacles for ethnic minority farmers in the northern "
    "midlands who want to use digital technology to reach customers in big cities?",
]

VIETNAMESE = [
    "bán hàng livestream",
    "sản phẩm OCOP",
    "thương mại điện tử Con đường Tơ lụa",
    "hội chợ thương mại điện tử xuyên biên giới",
    "Ai tổ chức hội chợ thương mại điện tử xuyên biên giới?",
    "Có bao nhiêu người tham quan hội chợ?",
    "Sản phẩm OCOP là gì?",
    "Nông dân bán nông sản trên mạng như thế nào?",
    "Người sản xuất địa phương dùng những sàn thương mại điện tử nào?",
    "Doanh số bán hàng trực tuyến tăng bao nhiêu?",
    "Hợp tác thương mại điện tử Con đường Tơ lụa là gì?",
    "Những nước nào ký thỏa thuận thương mại điện tử với Trung Quốc?",
    "Livestream giúp nông dân bán nông sản ra sao?",
    "Nông dân được tập huấn kỹ năng số gì?",
    "Người bán hàng ở nông thôn gặp khó khăn gì khi lên mạng?",
    "Trí tuệ nhân tạo được dùng thế nào trong thương mại điện tử xuyên biên giới?",
    "Xuất khẩu qua thương mại điện tử xuyên biên giới chiếm bao nhiêu phần trăm?",
    "Chính quyền tỉnh hỗ trợ thương mại điện tử như thế nào?",
    "Những sản phẩm nào của các tỉnh miền núi phía Bắc được bán trực tuyến?",
    "Có bao nhiêu hợp tác xã tham gia chương trình thương mại điện tử?",
    "Bộ Thương mại nói gì về thương mại số?",
    "Kho hàng ở nước ngoài giúp doanh nghiệp xuất khẩu Trung Quốc thế nào?",
    "Logistics có vai trò gì trong thương mại điện tử nông thôn?",
    "Alibaba cho biết gì về người bán hàng ở nước ngoài?",
    "Doanh nghiệp Thái Lan tham gia thương mại điện tử Trung Quốc ra sao?",
    "Những sự kiện nào quảng bá đặc sản địa phương trên kênh thương mại điện tử?",
    "Có bao nhiêu người xem các phiên livestream?",
    "Mục tiêu phát triển kinh tế số đến năm 2025 là gì?",
    "Vì sao chứng nhận chất lượng quan trọng với sản phẩm bán trên mạng?",
    "Chủ đề của hội chợ thương mại điện tử xuyên biên giới năm nay là gì?",
    "Đại dịch đã thay đổi cách nông dân bán hàng như thế nào?",
    "Người trẻ đóng vai trò gì trong việc bán hàng livestream ở nông thôn?",
    "Truy xuất nguồn gốc bằng mã QR giúp người tiêu dùng tin tưởng nông sản ra sao?",
    "Các thị trường xuất khẩu chính của doanh nghiệp thương mại điện tử xuyên biên giới Trung Quốc là gì?",
    "Những nước ASEAN nào hợp tác thương mại điện tử với Trung Quốc và trong lĩnh vực nào?",
    "Tỉnh đã công nhận bao nhiêu sản phẩm OCOP và bao nhiêu sản phẩm đã lên sàn thương mại điện tử?",
    "Các cơ quan chức năng dự định làm gì tiếp theo để đưa thêm nông sản lên các sàn trực tuyến?",
    "Nếu tôi là một hộ trồng cà phê nhỏ ở Tây Nguyên thì tôi có thể được hỗ trợ gì để bắt đầu bán hàng online?",
    "Hãy cho biết hội chợ ở Quảng Châu năm nay so với năm trước thế nào về số khách tham quan và doanh nghiệp.",
    "Theo các bài báo, đâu là những trở ngại lớn nhất đối với đồng bào dân tộc thiểu số ở trung du và miền núi "
    "phía Bắc khi muốn dùng công nghệ số để đưa sản phẩm đến người mua ở các thành phố lớn?",
]

OFF_TOPIC = {
    "en": [
        "What will the weather be like in Paris tomorrow?",
        "Who won the football world cup final?",
        "How do I bake sourdough bread at home?",
        "What is the boiling point of mercury?",
        "Recommend a good science fiction novel.",
        "How many moons does Jupiter have?",
    ],
    "vi": [
        "Thời tiết Hà Nội ngày mai thế nào?",
        "Đội nào vô địch giải bóng đá thế giới?",
        "Cách làm bánh mì tại nhà?",
        "Sao Mộc có bao nhiêu mặt trăng?",
        "Giới thiệu cho tôi một cuốn tiểu thuyết hay.",
        "Nhiệt độ sôi của thủy ngân là bao nhiêu?",
    ],
    "bn": [
        "আগামীকাল ঢাকার আবহাওয়া কেমন থাকবে?",
        "বিশ্বকাপ ফুটবলের ফাইনালে কে জিতেছে?",
        "বাড়িতে কীভাবে রুটি বানাব?",
        "বৃহস্পতি গ্রহের কয়টি চাঁদ আছে?",
        "একটি ভালো উপন্যাসের নাম বলুন।",
        "পারদের স্ফুটনাঙ্ক কত?",
    ],
    "th": [
        "พรุ่งนี้อากาศที่เชียงใหม่เป็นอย่างไร",
        "ใครชนะฟุตบอลโลกนัดชิงชนะเลิศ",
        "ทำขนมปังที่บ้านอย่างไร",
        "ดาวพฤหัสบดีมีดวงจันทร์กี่ดวง",
        "แนะนำนิยายดีๆ สักเล่ม",
        "จุดเดือดของปรอทคือเท่าไร",
    ],
}

# "What does the report say about …?" around a fragment of a corpus sentence.
_ABOUT = {"bn": "{} সম্পর্কে প্রতিবেদনে কী বলা হয়েছে?", "th": "บทความกล่าวถึง{}ว่าอย่างไร"}
_MIN_SENTENCE_CHARS = 25
_MAX_SENTENCE_CHARS = 400
_FRAGMENT_CHARS = 45


def sentences_of(chunks: Iterable[Chunk]) -> list[tuple[str, str]]:
    """``(lang, sentence)`` of each distinct sentence in the index, in index order."""
    seen, found = set(), []
    for chunk in chunks:
        for sentence in chunk.sentences:
            key = (chunk.doc, sentence.start)
            text = " ".join(sentence_text(chunk, sentence).split())
            if key in seen or not _MIN_SENTENCE_CHARS <= len(text) <= _MAX_SENTENCE_CHARS:
                continue
            seen.add(key)
            found.append((chunk.lang, text))
    return found


def _cut(text: str, limit: int) -> str:
    """At most ``limit`` chars, ending at a space when there is one, never inside a letter."""
    if len(text) <= limit:
        return text
    head = text[:limit]
    if " " in head[limit // 2:]:
        return head[:head.rindex(" ")].rstrip(" ,;:")
    cut = limit
    while cut > 1 and (unicodedata.category(text[cut])[0] == "M" or text[cut - 1] == "\u09cd"):
        cut -= 1
    return text[:cut]


def _first_half(text: str) -> str:
    words = text.split()
    if len(words) >= 4:
        return " ".join(words[:len(words) // 2 + 1])
    return _cut(text, max(_MIN_SENTENCE_CHARS, len(text) * 3 // 5))


def _fragment(text: str, lang: str) -> str:
    words = text.split()
    middle = " ".join(words[len(words) // 4:]) if len(words) >= 8 else text
    return _ABOUT[lang].format(_cut(middle, _FRAGMENT_CHARS).strip(" ,;:।"))


def corpus_questions(chunks: Iterable[Chunk], per_language: int = CORPUS_PER_LANGUAGE) -> list[Question]:
    """Questions made from the index's own sentences: whole, first half, or "what about …?"."""
    variants: dict[str, list[Question]] = {}
    for lang, sentence in sentences_of(chunks):
        if lang not in _ABOUT:
            continue  # English and Vietnamese are written by hand below
        for text in (sentence, _first_half(sentence), _fragment(sentence, lang)):
            variants.setdefault(lang, []).append(Question(lang, text, "corpus"))
    picked = []
    for lang in sorted(variants):
        unique = list({q.text: q for q in variants[lang]}.values())
        random.Random(f"{SEED}-{lang}").shuffle(unique)
        picked += unique[:per_language]
    return picked


def written_questions() -> list[Question]:
    """The hand-written English and Vietnamese questions and the off-topic ones in all four languages."""
    found = [Question("en", q, "written") for q in ENGLISH] + [Question("vi", q, "written") for q in VIETNAMESE]
    return found + [Question(lang, q, "off-topic") for lang, texts in OFF_TOPIC.items() for q in texts]


def bench_questions(chunks: Iterable[Chunk], n: int | None = None) -> list[Question]:
    """All benchmark questions (or the first ``n``), languages interleaved, in a fixed order."""
    by_lang: dict[str, list[Question]] = {}
    for question in corpus_questions(chunks) + written_questions():
        by_lang.setdefault(question.lang, []).append(question)
    for lang, questions in by_lang.items():
        random.Random(f"{SEED}-order-{lang}").shuffle(questions)
    ordered, queues = [], [by_lang[lang] for lang in sorted(by_lang)]
    while any(queues):
        ordered += [queue.pop(0) for queue in queues if queue]
    return ordered[:n] if n is not None else ordered


def main() -> None:
    """Print the questions as JSON lines: ``python -m bench.questions``."""
    import json

    from index import IndexSettings, load_index

    for q in bench_questions(load_index(IndexSettings().index_path()).chunks):
        print(json.dumps({"lang": q.lang, "source": q.source, "text": q.text}, ensure_ascii=False))


if __name__ == "__main__":
    main()

"""bot.render on real Bengali, Thai, Vietnamese and English passages, checked as Telegram would."""

from __future__ import annotations

import html
import re
from dataclasses import replace

import pytest

from bot.answer import Asked
from bot.i18n import language_name, local_digits, t
from bot.reindex import ReindexOutcome
from bot.service import ServiceStats
from bot.render import (
    MAX_MESSAGE,
    InlineItem,
    _close_to_best,
    render_answer,
    render_help,
    render_inline_no_results,
    render_inline_results,
    render_lang_status,
    render_nothing_found,
    render_plain,
    render_prompt,
    render_reindex_outcome,
    render_reindex_progress,
    render_sources,
    render_start,
    render_stats,
)
from bot.excerpt import WHOLE_SLACK, excerpt, excerpt_html
from index import ArticleInfo, Chunk, Hit, Place, SearchResult, Sentence
from index.chunking import split_sentences
from tests.botapi.html_check import check_telegram_html, parse_telegram_html, telegram_len

BN = (
    "চীন (কুয়াংচৌ) আন্তঃসীমান্ত ই-কর্মাস মেলা (সিসিইএফ)-২০২৪ গত ১৮ আগস্টে কুয়াংচৌতে সমাপ্ত হয়েছে। "
    "জানা গেছে, মোট ৫৬ হাজার মানুষ এবারের মেলা পরিদর্শন করে, যা গত বছরের তুলনায় ১২৩ শতাংশ বেশি। "
    "৪০ হাজার বর্গমিটারের বেশি আয়তনে ৪০টি নেতৃত্বাধীন আন্তঃসীমান্ত ই-কর্মাস প্ল্যাটফর্ম মেলায় অংশ নেয়।"
)
TH = (
    "นับตั้งแต่เปิดตัวเมื่อปี 2563 โปรแกรมการบรรยายทางออนไลน์ด้านอีคอมเมิร์ซเส้นทางสายไหม ได้จัดไปแล้ว 108 ครั้ง "
    "โดยมีผู้เข้าร่วมในกว่า 80 ประเทศ การบรรยายในแต่ละครั้ง ได้รับการปรับแต่งให้เหมาะกับภูมิภาคต่าง ๆ "
    "เช่น ยุโรปกลางและยุโรปตะวันออก ลาตินอเมริกา แอฟริกา และอาเซียน"
)
VI = (
    "Theo ông Lò Văn Tiến, Giám đốc hợp tác xã, chỉ trong 3 ngày livestream, hợp tác xã đã bán được "
    "12 tấn mận hậu với giá 25.000 đồng/kg. Mỗi phiên livestream kéo dài khoảng 2 tiếng, có lúc thu hút "
    "hơn 8.000 người xem cùng lúc. Hợp tác xã hiện có 45 hộ thành viên với tổng diện tích trồng mận khoảng 60 ha."
)
EN = (
    "The China (Guangzhou) Cross-Border E-Commerce Fair 2024 closed in Guangzhou on 18 August. "
    "About 56,000 people visited the fair, 123 percent more than last year. "
    "More than 40 cross-border e-commerce platforms took part."
)
TEXTS = {"bn": BN, "th": TH, "vi": VI, "en": EN}
TITLES = {
    "bn": "চীনের আন্তঃসীমান্ত ই-কর্মাস উত্সাহব্যঞ্জকভাবে প্রসারিত",
    "th": "จีนเดินหน้า เสริมสร้างความร่วมมืออีคอมเมิร์ซกับนานาประเทศ",
    "vi": "Nông dân Sơn La \"chốt đơn\" mận hậu qua livestream",
    "en": "China's cross-border e-commerce expands",
}
LANGS = ("en", "bn", "th", "vi")


def make_hit(text: str, lang: str, *, rank: int = 1, scores=None, best: int = 1, title: str | None = None,
             url: str | None = "https://example.com/news/1", paragraph: int = 2, offset: int = 120) -> Hit:
    """A hit on a passage that starts ``offset`` characters into its article."""
    sentences = tuple(Sentence(offset + a, offset + b) for a, b in split_sentences(text))
    if scores is None:
        scores = tuple(0.71 if i == best else 0.35 for i in range(len(sentences)))
    chunk = Chunk(
        id=f"00{rank}_{lang}#{rank}", content_hash=f"h{rank}", doc=f"00{rank}_{lang}.txt",
        title=TITLES[lang] if title is None else title, lang=lang, paragraph=paragraph,
        start=offset, end=offset + len(text), text=text, url=url, sentences=sentences,
    )
    return Hit(chunk, max(scores, default=0.5), rank, tuple(scores))


def make_result(*hits: Hit, confidence: float = 0.6, question: str = "How many people came?") -> SearchResult:
    return SearchResult(question, tuple(hits), bool(hits), confidence)


def sentence_text(hit: Hit, index: int) -> str:
    s, chunk = hit.chunk.sentences[index], hit.chunk
    return chunk.text[s.start - chunk.start:s.end - chunk.start]


def assert_valid(message: str) -> None:
    assert check_telegram_html(message) is None, check_telegram_html(message)
    assert telegram_len(message) <= MAX_MESSAGE


def _entity_texts(message: str, kind: str) -> list[str]:
    plain, entities = parse_telegram_html(message)
    units = plain.encode("utf-16-le")
    return [
        units[2 * e["offset"]:2 * (e["offset"] + e["length"])].decode("utf-16-le")
        for e in entities if e["type"] == kind
    ]


def strip_tags(fragment: str) -> str:
    return re.sub(r"<[^>]+>", "", fragment)


def blockquotes(message: str) -> list[str]:
    """The plain text of each blockquote in a Telegram HTML message."""
    return _entity_texts(message, "blockquote")


def bolds(message: str) -> list[str]:
    return _entity_texts(message, "bold")


def excerpt_pieces(excerpt: str) -> list[str]:
    """An excerpt split at the markers render inserts (" … " and "…"): each piece is article text.

    Pieces are stripped because a gap's spaces sit next to its "…", and the article text may hold
    "…" of its own; a stripped piece of article text is still article text.
    """
    return [piece.strip() for piece in excerpt.split("…") if piece.strip()]


def assert_quotes(excerpt: str, source: str) -> None:
    for piece in excerpt_pieces(excerpt):
        assert piece in source, piece


# --- headers and language notes ------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_header_is_in_reply_language(lang):
    answer = render_answer(make_result(make_hit(BN, "bn")), lang)
    assert render_plain(answer.messages[0]).startswith(t("answer_header", lang))
    for message in answer.messages:
        assert_valid(message)


@pytest.mark.parametrize(
    ("reply", "source", "note"),
    [
        ("en", "bn", "quoted in Bengali"),
        ("bn", "th", "থাই ভাষার প্রতিবেদন থেকে হুবহু উদ্ধৃত"),
        ("th", "vi", "ยกมาจากบทความภาษาเวียดนาม"),
        ("vi", "bn", "trích nguyên văn bằng tiếng Bengal"),
    ],
    ids=["en-from-bn", "bn-from-th", "th-from-vi", "vi-from-bn"],
)
def test_source_note_names_the_source_language_in_the_reply_language(reply, source, note):
    message = render_answer(make_result(make_hit(TEXTS[source], source)), reply).messages[0]
    assert note in render_plain(message)


@pytest.mark.parametrize("lang", LANGS)
def test_no_source_note_when_languages_match(lang):
    plain = render_plain(render_answer(make_result(make_hit(TEXTS[lang], lang)), lang).messages[0])
    assert not any(t("source_note", lang, language=language_name(code, lang)) in plain for code in LANGS)


# --- excerpts ------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_best_sentence_is_bold_and_excerpt_is_exact_article_text(lang):
    hit = make_hit(TEXTS[lang], lang, best=1)
    message = render_answer(make_result(hit), "en").messages[0]
    assert_valid(message)
    [quote] = blockquotes(message)
    assert sentence_text(hit, 1) in bolds(message)
    assert quote in hit.chunk.text
    assert "[1]" in render_plain(message) and "¶2" in render_plain(message)


def focused(hit: Hit) -> str:
    """The excerpt's HTML where the passage is too long to quote whole, so sentences are chosen."""
    return excerpt_html(excerpt(hit, int(len(hit.chunk.text) / WHOLE_SLACK) - 1))


def test_a_passage_that_fits_is_quoted_whole_with_the_best_sentence_bold():
    # a sentence left out of a passage that fits saves little, and may hold the answer (a list
    # item, another figure): on our sets the answer showed in 283 of 295 quotes before, 293 after
    hit = make_hit(BN, "bn", scores=(0.40, 0.72, 0.50))
    message = render_answer(make_result(hit), "bn").messages[0]
    [quote] = blockquotes(message)
    assert quote == BN.strip()
    assert sentence_text(hit, 1) in bolds(message) and sentence_text(hit, 2) not in bolds(message)


INITIATIVES = (  # article 000's ¶6: five initiatives announced, then one sentence each
    "কিন্তু চীনের আন্তঃসীমান্ত ই-কর্মাস খাত দ্রুতভাবে উন্নয়ন হবার সঙ্গে সঙ্গে আন্তর্জাতিক বাজার প্রতিদ্বন্দ্বিতা-ক্ষমতা আরো তুমুল "
    "এবং পণ্যের একজাতীয়তার সম্মুখীন হচ্ছে। সুতরাং এবারের সিসিইএফ-এ সংশ্লিষ্ট খাত সমিতি ও প্রতিষ্ঠানের প্রতিনিধিরা যৌথভাবে "
    "আন্তঃসীমান্ত ই-কর্মাস উন্নয়ন বেগবানের ৫টি উদ্যোগ প্রকাশ করে। অর্থাত্ পরিষেবা মান উন্নীত করে, পণ্যভোগীদের আস্থা বাড়ানো। "
    "ব্র্যান্ড সচেতনতা স্থাপন করে, ব্র্যান্ড নির্মাণ জোরদার করা। প্রযুক্তিগত সৃজনশীলতা শক্তিশালী করে, খাত প্রতিদ্বন্দ্বিতা-ক্ষমতা "
    "উন্নীত করা। খাতের স্ব-শৃঙ্খলাকে শক্তিশালী করে, বাজার শৃঙ্খলা রক্ষা করা এবং আন্তর্জাতিক সহযোগিতা গভীরতর করে, বাজার পরিধি "
    "সম্প্রসারণ করা।")


@pytest.mark.parametrize("question", ["What are the five initiatives?", "সিসিইএফে কী কী উদ্যোগ নেওয়া হয়?",
                                      "มาตรการมีอะไรบ้าง", "Hội chợ đưa ra những sáng kiến nào?"])
def test_a_question_for_a_lists_items_is_quoted_the_whole_list(question):
    # a user test was quoted the announcement of five initiatives and the first of them: the rest
    # did not fit in 450 characters
    hit = make_hit(INITIATIVES, "bn", best=1)
    [quote] = blockquotes(render_answer(make_result(hit, question=question), "en").messages[0])
    assert quote == INITIATIVES
    [other] = blockquotes(render_answer(make_result(hit, question="Who announced the initiatives?"), "en").messages[0])
    assert sentence_text(hit, 1) in other and sentence_text(hit, 5) not in other, "450 characters, as before"
    second = make_hit(INITIATIVES, "bn", best=1, rank=2)
    quotes = blockquotes(render_answer(make_result(hit, second, question=question), "en").messages[0])
    assert quotes[0] == INITIATIVES and sentence_text(second, 5) not in quotes[1], "the first quote only"


def test_neighbour_scoring_near_the_best_joins_the_excerpt_with_original_spacing():
    hit = make_hit(EN, "en", scores=(0.70, 0.66, 0.40))
    quote = html.unescape(strip_tags(focused(hit)))
    assert quote == EN[:EN.index(sentence_text(hit, 1)) + len(sentence_text(hit, 1))]
    assert sentence_text(hit, 2) not in quote


def test_non_adjacent_sentences_are_joined_with_an_ellipsis():
    hit = make_hit(VI, "vi", scores=(0.70, 0.30, 0.68))
    quote = html.unescape(strip_tags(focused(hit)))
    assert quote == f"{sentence_text(hit, 0)} … {sentence_text(hit, 2)}"


def test_far_sentences_are_left_out():
    # the best sentence last, so that no neighbour after it joins (see test_excerpt_completion)
    hit = make_hit(BN, "bn", scores=(0.40, 0.50, 0.72))
    quote = html.unescape(strip_tags(focused(hit)))
    assert quote == sentence_text(hit, 2)


def test_the_sentence_stating_the_figure_asked_for_is_bold_beside_the_best():
    # the best sentence names the event, the one after it (scoring far lower) gives the number:
    # both are quoted, and the bold marks the number, which is what the reader looks for
    hit = replace(make_hit(BN, "bn", scores=(0.72, 0.40, 0.30), best=0), answer_sentences=(1,))
    quoted = focused(hit)
    quote = html.unescape(strip_tags(quoted))
    assert sentence_text(hit, 0) in quote and sentence_text(hit, 1) in quote
    assert sentence_text(hit, 2) not in quote
    assert f"<b>{html.escape(sentence_text(hit, 1), quote=False)}</b>" in quoted
    assert f"<b>{html.escape(sentence_text(hit, 0), quote=False)}</b>" not in quoted


def test_without_a_figure_asked_for_the_best_scoring_sentence_is_bold():
    hit = make_hit(BN, "bn", scores=(0.30, 0.72, 0.40), best=1)
    assert f"<b>{html.escape(sentence_text(hit, 1), quote=False)}</b>" in focused(hit)


def test_overlong_best_sentence_is_cut_at_a_space():
    sentence = " ".join(["e-commerce platforms reached new buyers in many regions"] * 20) + "."
    text = f"Intro sentence here. {sentence} Closing sentence."
    hit = make_hit(text, "en", best=1)
    [quote] = blockquotes(render_answer(make_result(hit), "en").messages[0])
    assert quote.endswith("…") and len(quote) <= 450
    head = quote[:-1]
    assert sentence.startswith(head) and sentence[len(head)] == " "


def test_overlong_thai_sentence_without_spaces_is_cut_inside_the_text():
    text = "ก" * 2000
    hit = Hit(Chunk("t#1", "h", "t.txt", "ไทย", "th", 1, 0, 2000, text, None, (Sentence(0, 2000),)), 0.5, 1, (0.5,))
    [quote] = blockquotes(render_answer(make_result(hit), "th").messages[0])
    assert quote.endswith("…") and len(quote) <= 450 and quote[:-1] in text


def test_chunk_without_sentence_scores_quotes_its_opening():
    hit = Hit(make_hit(EN, "en").chunk, 0.5, 1, ())
    [quote] = blockquotes(render_answer(make_result(hit), "en").messages[0])
    assert quote == EN[:len(quote)] and quote


# --- escaping and links --------------------------------------------------------------------


def test_article_text_and_title_are_escaped():
    text = "Prices rose <script>alert(1)</script> & fell. Then <b>bold</b> & more."
    hit = make_hit(text, "en", best=0, title="<script>&amp; News</script>", url='https://x.example/?a=1&b="2"')
    message = render_answer(make_result(hit), "en").messages[0]
    assert_valid(message)
    assert "<script>" not in message and "&lt;script&gt;" in message
    plain = render_plain(message)
    assert "<script>&amp; News</script>" in plain and "<script>alert(1)</script> &" in plain


def test_title_links_to_the_article_when_it_has_a_url():
    message = render_answer(make_result(make_hit(EN, "en", url="https://example.com/a?x=1&y=2")), "en").messages[0]
    _, entities = parse_telegram_html(message)
    assert [e["url"] for e in entities if e["type"] == "text_link"] == ["https://example.com/a?x=1&y=2"]


def test_a_lead_sentence_title_is_shortened_in_citations_but_not_in_sources():
    # an article without a headline gets its first sentence as title; every citation repeats it
    lead = ("ধীরে ধীরে ডিজিটাল অর্থনীতিকে আলিঙ্গন করে, সাম্প্রতিক সময়ে, সরকারের সহায়তায়, "
            "টুয়েন কোয়াং-এর কৃষকরা ডিজিটাল জগতে কৃষি পণ্য বিক্রির জন্য পথ খুলে দিয়েছেন।")
    hits = [make_hit(BN, "bn", rank=n, title=lead) for n in (1, 2)]
    plain = render_plain(render_answer(make_result(*hits), "en").messages[0])
    citations = [line for line in plain.splitlines() if line.startswith("[")]
    assert len(citations) == 2
    for line in citations:
        title = line.split("] ", 1)[1].split(" · ")[0]
        assert title.endswith("…") and lead.startswith(title[:-1].rstrip()) and len(title) <= 90
    listing = render_plain(render_sources([ArticleInfo("004.txt", lead, "bn")], "en")[0])
    assert lead in listing


@pytest.mark.parametrize("lang", LANGS)
def test_a_second_passage_of_an_article_refers_to_its_first_citation(lang):
    # [1] and [3] from one article: [3] names [1] instead of repeating the title and language
    first, other, again = (make_hit(TEXTS[source], source, rank=n, offset=120 + 3000 * (n == 3))
                           for n, source in ((1, "bn"), (2, "th"), (3, "bn")))
    again = replace(again, chunk=replace(again.chunk, doc=first.chunk.doc, paragraph=5))
    message = render_answer(make_result(first, other, again), lang).messages[0]
    assert_valid(message)
    citations = [line for line in render_plain(message).splitlines() if line.startswith("[")]
    assert len(citations) == 3
    assert TITLES["bn"] in citations[0] and TITLES["th"] in citations[1]
    # "[1]" as cited, in the reply's digits: "[৩] [১]-এর প্রতিবেদন থেকেই · ¶৫"
    assert citations[2] == local_digits(f"[3] {t('same_article', lang, rank=1)} · ¶5", lang)
    assert again.chunk.url in message.split(local_digits("<b>[3]</b>", lang), 1)[1]  # still links to the article
    # the next page cites the article afresh
    third = make_hit(VI, "vi", rank=3)
    page = render_answer(make_result(first, other, third, replace(again, rank=4)), lang, page=1).messages[0]
    assert local_digits("[4] ", lang) + TITLES["bn"] + local_digits(" · ¶5", lang) in render_plain(page)


@pytest.mark.parametrize("lang", LANGS)
def test_an_answer_found_through_the_earlier_question_says_so_on_its_first_page(lang):
    earlier = "How many people visited the <fair> in Guangzhou?"
    hits = [make_hit(EN, "en", rank=n) for n in range(1, 5)]
    followed = replace(make_result(*hits), follow_up=True)
    first = render_answer(followed, lang, follow_up_of=earlier).messages[0]
    assert_valid(first)
    assert t("follow_up_note", lang, question=earlier) in render_plain(first)
    assert earlier not in render_plain(render_answer(followed, lang, page=1, follow_up_of=earlier).messages[0])
    # searched alone (the follow-up was clear by itself): nothing to explain
    assert earlier not in render_plain(render_answer(make_result(*hits), lang, follow_up_of=earlier).messages[0])


SEVERAL = ("How many people visited the <fair> in Guangzhou?", "When did it close?", "Who is Qiu Zhongbing?")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("passages", "answered", "left_key"), [
    ((1, 4, None), SEVERAL[:1], "several_left"), ((1, 2, None), SEVERAL[:2], "several_left_one"),
], ids=["one-answered", "two-answered"])
def test_an_answer_to_several_questions_names_those_it_answers_and_those_to_send_again(lang, passages, answered,
                                                                                        left_key):
    # A user test's three questions got the two the first passage answers, and no word on the third
    hits = [make_hit(EN, "en", rank=n) for n in range(1, 5)]
    asked = tuple(Asked(question, hits[n - 1].chunk.id if n else None) for question, n in zip(SEVERAL, passages))
    result = make_result(*hits, question=" ".join(SEVERAL))
    first = render_answer(result, lang, per_page=2, questions=asked).messages[0]  # quotes passages 1 and 2
    assert_valid(first)
    listed = [", ".join(f"“{question}”" for question in some) for some in (answered, SEVERAL[len(answered):])]
    assert render_plain(first).startswith(f"✂️ {t('several_note', lang, questions=listed[0])}\n"
                                          f"❓ {t(left_key, lang, questions=listed[1])}\n")
    assert "Qiu" not in render_plain(render_answer(result, lang, page=1, per_page=2, questions=asked).messages[0])


@pytest.mark.parametrize("lang", LANGS)
def test_several_questions_none_of_which_is_answered_are_all_to_send_again(lang):
    hits = [make_hit(EN, "en", rank=n) for n in range(1, 5)]
    asked = tuple(Asked(question, hits[0].chunk.id) for question in SEVERAL)
    result = SearchResult(" ".join(SEVERAL), (), False, 0.45, "no_figure", related=tuple(hits))
    first = render_answer(result, lang, questions=asked).messages[0]
    assert_valid(first)
    listed = ", ".join(f"“{question}”" for question in SEVERAL)
    assert render_plain(first).startswith(f"✂️ {t('several_none', lang, questions=listed)}\n")


def test_several_questions_all_answered_need_no_note():
    hits = [make_hit(EN, "en", rank=n) for n in range(1, 5)]
    asked = tuple(Asked(question, hits[n].chunk.id) for n, question in enumerate(SEVERAL))
    first = render_answer(make_result(*hits), "en", questions=asked).messages[0]
    assert render_plain(first).startswith(t("answer_header", "en"))


@pytest.mark.parametrize("url", [None, "", "javascript:alert(1)", "not a url"], ids=["none", "empty", "js", "words"])
def test_no_link_without_a_usable_url(url):
    message = render_answer(make_result(make_hit(EN, "en", url=url)), "en").messages[0]
    assert_valid(message)
    assert "<a " not in message


# --- pages, caveat, size -------------------------------------------------------------------


def seven_hits() -> list[Hit]:
    langs = ["bn", "th", "vi", "en", "bn", "th", "vi"]
    return [make_hit(TEXTS[lang], lang, rank=n) for n, lang in enumerate(langs, start=1)]


@pytest.mark.parametrize(
    ("page", "ranks", "more"),
    [(0, [1, 2, 3], True), (1, [4, 5, 6], True), (2, [7], False)],
    ids=["first", "second", "last"],
)
def test_pages_show_their_ranks_and_say_whether_more_follow(page, ranks, more):
    answer = render_answer(make_result(*seven_hits()), "en", page=page)
    plain = "\n".join(render_plain(m) for m in answer.messages)
    assert [n for n in range(1, 8) if f"[{n}]" in plain] == ranks
    assert answer.has_more is more and answer.page == page


@pytest.mark.parametrize("lang", LANGS)
def test_a_question_in_another_language_is_told_the_reply_languages_on_the_first_page_only(lang):
    note = t("other_language", lang)
    first = render_answer(make_result(*seven_hits()), lang, other_language=True)
    assert_valid(first.messages[0])
    assert render_plain(first.messages[0]).startswith(f"ℹ️ {note}\n{t('answer_header', lang)}")
    assert note not in render_plain(render_answer(make_result(*seven_hits()), lang, page=1, other_language=True).messages[0])
    assert note not in render_plain(render_answer(make_result(*seven_hits()), lang).messages[0])
    nothing = render_answer(SearchResult("?", (), False, 0.1), lang, other_language=True).messages
    assert len(nothing) == 1 and render_plain(nothing[0]) == f"ℹ️ {note}\n" + render_plain(render_nothing_found(lang))


def test_page_past_the_end_says_nothing_found():
    answer = render_answer(make_result(*seven_hits()), "th", page=3)
    assert answer.messages == [render_nothing_found("th")] and not answer.has_more


def test_related_passages_of_a_missing_figure_come_only_on_request():
    result = SearchResult("How many?", (), False, 0.4, "no_figure", related=tuple(seven_hits()[:4]))
    first = render_answer(result, "vi")
    assert first.messages == [render_nothing_found("vi", "no_figure")]
    assert first.has_more and first.more_key == "button_related"
    shown = render_answer(result, "vi", page=1)
    plain = "\n".join(render_plain(m) for m in shown.messages)
    assert plain.startswith("⚠️ " + t("related_header", "vi"))
    assert [n for n in range(1, 5) if f"[{n}]" in plain] == [1, 2, 3]
    assert shown.has_more and shown.more_key == "button_more"
    for message in shown.messages:
        assert_valid(message)
    last = render_answer(result, "vi", page=2)
    assert "[4]" in render_plain(last.messages[0]) and not last.has_more
    assert render_answer(result, "vi", page=3).messages == [render_nothing_found("vi")]


def test_the_bengali_note_on_an_unknown_name_needs_no_case_ending():
    # "“ইন্দোনেশিয়া”-এর উল্লেখ নেই" was ungrammatical: after a vowel the genitive is "-র", after a
    # consonant "-এর"; the note is worded so that a quoted name takes none
    for name in ("ইন্দোনেশিয়া", "জাপান"):
        refused = SearchResult("?", (), False, 0.6, "not_mentioned", unknown_names=(name,))
        plain = render_plain(render_answer(refused, "bn").messages[0])
        assert f"কোনো প্রতিবেদনে “{name}” উল্লেখ করা হয়নি।" in plain, plain


@pytest.mark.parametrize("lang", LANGS)
def test_a_name_no_article_mentions_is_said_and_unsettles_the_answer(lang):
    result = replace(make_result(make_hit(EN, "en"), confidence=0.6, question="How many came in Phuket?"),
                     unknown_names=("Phuket",))
    message = render_answer(result, lang).messages[0]
    assert_valid(message)
    lines = render_plain(message).split("\n")
    assert lines[0] == "ℹ️ " + t("unknown_names_note", lang, names="“Phuket”")
    assert lines[1] == "⚠️ " + t("answer_header_unsure", lang), "a confident score is not enough then"
    refused = SearchResult("How many came in Phuket?", (), False, 0.6, "no_figure", unknown_names=("Phuket",))
    plain = render_plain(render_answer(refused, lang).messages[0])
    assert "Phuket" in plain and t("figure_not_found", lang) in plain


@pytest.mark.parametrize(("confidence", "shown"), [(0.35, True), (0.6, False)], ids=["weak", "confident"])
def test_caveat_only_when_not_confident(confidence, shown):
    message = render_answer(make_result(make_hit(BN, "bn"), confidence=confidence), "bn").messages[0]
    header = render_plain(message).split("\n")[0]
    assert header == ("⚠️ " + t("answer_header_unsure", "bn") if shown else t("answer_header", "bn"))
    assert t("low_confidence", "bn") not in render_plain(message), "the header alone carries the caveat"


def test_long_passages_split_between_hits_and_every_message_fits():
    sentence = "মোট ৫৬ হাজার মানুষ এবারের মেলা পরিদর্শন করে & <তুলনায়> ১২৩ শতাংশ বেশি " * 60 + "।"
    text = " ".join([sentence] * 8)
    hits = [make_hit(text, "bn", rank=n, best=n % 3, title="&" * 5000) for n in range(1, 9)]
    answer = render_answer(make_result(*hits, confidence=0.3), "en", per_page=8)
    assert len(answer.messages) > 1
    plain = ""
    for message in answer.messages:
        assert_valid(message)
        plain += render_plain(message)
        for quote in blockquotes(message):
            assert_quotes(quote, text)
    assert all(f"[{n}]" in plain for n in range(1, 9))


def test_nothing_found():
    answer = render_answer(SearchResult("কী?", (), False, 0.1), "bn")
    assert answer == render_answer(SearchResult("কী?", (), False, 0.1), "bn")
    assert answer.messages == [render_nothing_found("bn")] and not answer.has_more
    assert "/sources" in answer.messages[0]
    assert_valid(answer.messages[0])


@pytest.mark.parametrize("lang", ["en", "bn", "th", "vi"])
def test_a_missing_figure_is_said_so(lang):
    answer = render_answer(SearchResult("How many?", (), False, 0.4, "no_figure"), lang)
    assert answer.messages == [render_nothing_found(lang, "no_figure")] and not answer.has_more
    assert render_plain(answer.messages[0]) == t("figure_not_found", lang)
    assert answer.messages[0] != render_nothing_found(lang)
    item = render_inline_no_results("How many?", lang, "no_figure")
    assert t("figure_not_found", lang) in render_plain(item.message_html)


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "I couldn't find that figure or date for Thailand in the articles."),
    ("bn", "প্রতিবেদনগুলোতে থাইল্যান্ড সম্পর্কে আপনার চাওয়া সংখ্যা বা তারিখটি খুঁজে পাইনি।"),
    ("th", "ไม่พบตัวเลขหรือวันที่ที่คุณถามของไทยในบทความ"),
    ("vi", "Tôi không tìm thấy con số hay thời điểm đó về Thái Lan trong các bài báo."),
])
def test_a_follow_up_asking_the_figure_for_a_place_is_told_it_is_missing_for_that_place(lang, said):
    # "আর থাইল্যান্ডে?" after the fair's visitors: the country in the reader's language
    result = SearchResult("আর থাইল্যান্ডে?", (), False, 0.45, "no_figure", related=tuple(seven_hits()[:2]),
                          follow_up=True, figure_for=Place("থাইল্যান্ড", "TH"))
    answer = render_answer(result, lang, follow_up_of="সিসিইএফ মেলায় কতজন দর্শক এসেছিল?")
    assert render_plain(answer.messages[0]).split("\n")[-1] == said
    assert answer.has_more and answer.more_key == "button_related"
    # a name in Latin letters is set apart in Thai; a note saying no article mentions it says why
    lai_chau = replace(result, figure_for=Place("Lai Chau"))
    thai = render_plain(render_answer(lai_chau, "th").messages[0])
    assert t("figure_not_found_for", "th", place=" Lai Chau ") in thai
    noted = render_plain(render_answer(replace(result, unknown_names=("Thailand",)), lang).messages[0])
    assert noted.endswith(t("figure_not_found", lang))


@pytest.mark.parametrize("lang", ["en", "bn", "th", "vi"])
@pytest.mark.parametrize(("reason", "said", "header", "passage"), [
    # a post no passage names
    ("no_post", "post_not_found", "related_header_post", "শিল্প ও বাণিজ্য বিভাগের উপ-পরিচালক ট্রান ডুয়ং হুং বলেন।"),
    # which one did not, where the passages only say which did
    ("not_stated", "not_stated", "related_header_not_stated", "আরও ১,০০০টি প্রতিষ্ঠান মেলায় অংশ নিয়েছে।"),
])
def test_what_no_passage_states_is_said_so(lang, reason, said, header, passage):
    result = SearchResult("Who is the director?", (), False, 0.5, reason, related=(make_hit(passage, "bn"),))
    answer = render_answer(result, lang)
    assert render_plain(answer.messages[0]) == t(said, lang) and answer.has_more
    shown = render_plain(render_answer(result, lang, page=1).messages[0])
    assert shown.startswith(f"⚠️ {t(header, lang)}") and passage[:12] in shown
    item = render_inline_no_results("Who is the director?", lang, reason)
    assert t(said, lang) in render_plain(item.message_html)


# --- inline mode ---------------------------------------------------------------------------


def test_inline_items_cite_one_passage_each():
    result = make_result(*seven_hits(), question="How many <people> & visitors?")
    items = render_inline_results(result, "en")
    assert len(items) == 5 and all(isinstance(item, InlineItem) for item in items)
    assert len({item.id for item in items}) == 5
    for item, hit in zip(items, result.hits):
        assert len(item.id.encode()) <= 64 and 0 < len(item.title) <= 64 and len(item.description) <= 150
        assert_valid(item.message_html)
        assert "How many <people> & visitors?" in _entity_texts(item.message_html, "italic")
        [quote] = blockquotes(item.message_html)
        assert quote in hit.chunk.text and f"[{hit.rank}]" in render_plain(item.message_html)


def test_inline_results_are_empty_when_nothing_found_and_the_fallback_is_valid():
    assert render_inline_results(SearchResult("q", (), False, 0.0), "en") == []
    item = render_inline_no_results("ราคา <เท่าไร>", "th")
    assert item.title == t("inline_no_results_title", "th")
    assert_valid(item.message_html)


# --- other replies -------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_help_explains_groups_inline_and_examples(lang):
    text = render_help(lang, "NewsQuoteBot", examples=["Who sold <plums> & where?"])
    assert_valid(text)
    plain = render_plain(text)
    assert "@NewsQuoteBot" in plain and "/ask" in plain and "• Who sold <plums> & where?" in plain
    assert t("help_examples", lang) in plain and t("help_no_examples", lang) not in plain
    assert "/reindex" not in plain and "/reindex" in render_plain(render_help(lang, "NewsQuoteBot", is_admin=True))
    assert_valid(render_start(lang, "@NewsQuoteBot", is_admin=True))


@pytest.mark.parametrize("lang", LANGS)
def test_help_without_examples_points_to_the_listed_articles(lang):
    plain = render_plain(render_help(lang, "NewsQuoteBot"))
    assert t("help_examples", lang) not in plain and t("help_no_examples", lang) in plain
    assert "/sources" in t("help_no_examples", lang)


@pytest.mark.parametrize("key, asked", [("ask_usage", "/ask Q?"), ("mention_usage", "@NewsQuoteBot Q?"),
                                        ("no_words", "Q?"), ("only_links", "Q?")])
@pytest.mark.parametrize("lang", LANGS)
def test_a_prompt_for_a_question_shows_an_example_asked_its_way_or_none(lang, key, asked):
    bare = render_plain(render_prompt(key, lang, [], "NewsQuoteBot"))
    assert bare == t(key, lang, bot="NewsQuoteBot")
    with_example = render_plain(render_prompt(key, lang, ["Q?", "other?"], "NewsQuoteBot"))
    assert with_example == f"{bare} {t('for_example', lang, example=asked)}"


def test_sources_numbered_with_language_names_and_links():
    articles = [
        ArticleInfo("000.txt", "চীনের <ই-কমার্স>", "bn", "https://a.example/1", chunks=4),
        ArticleInfo("001.txt", "จีนเดินหน้า", "th", None, chunks=3),
    ]
    [message] = render_sources(articles, "vi")
    assert_valid(message)
    plain = render_plain(message)
    assert "1. চীনের <ই-কমার্স> · tiếng Bengal" in plain and "2. จีนเดินหน้า · tiếng Thái" in plain
    assert message.count("<a href=") == 1


def test_sources_show_where_each_article_is_from_and_who_wrote_it():
    articles = [
        ArticleInfo("000.txt", "চীনের ই-কমার্স", "bn", "https://www.news.example/a/1",
                    credits=("লেখা এবং ছবি: নগুয়েন <ডাট>", "ছবি: " + "ক" * 300)),
        ArticleInfo("001.txt", "จีนเดินหน้า", "th", None, credits=("ข้อมูล : People's Daily",)),
        ArticleInfo("002.txt", "Old manifest", "en", None),  # built before credits were kept
    ]
    [message] = render_sources(articles, "en")
    assert_valid(message)
    lines = render_plain(message).split("\n")
    assert lines[1:3] == ["1. চীনের ই-কমার্স · Bengali", "    news.example · লেখা এবং ছবি: নগুয়েন <ডাট> · " + lines[2].split(" · ")[-1]]
    assert len(lines[2].split(" · ")[-1]) <= 80 and lines[2].endswith("…")
    assert lines[3:5] == ["2. จีนเดินหน้า · Thai", "    ข้อมูล : People's Daily"]
    assert lines[5:] == ["3. Old manifest · English"]


def test_many_sources_split_into_valid_messages():
    articles = [ArticleInfo(f"{n}.txt", "ข่าว & " * 40, "th", f"https://e.example/{n}") for n in range(300)]
    messages = render_sources(articles, "th")
    assert len(messages) > 1
    for message in messages:
        assert_valid(message)
    plain = "\n".join(render_plain(m) for m in messages)
    assert all(f"\n{n}. " in plain for n in range(1, 301))


def test_sources_empty():
    assert render_sources([], "bn") == [html.escape(t("sources_empty", "bn"))]


def test_stats_and_missing_values():
    stats = ServiceStats(articles=5, chunks=1234, model="google/embeddinggemma-300m", built_at=1.7e9,
                         questions=42, p50_ms=87.4, query_encoder="openvino-int8")
    text = render_stats(stats, "en")
    assert_valid(text)
    plain = render_plain(text)
    assert "1,234" in plain and "2023-11-14 22:13 UTC" in plain and "87 ms" in plain and "embeddinggemma" in plain
    assert "Question encoder: openvino-int8" in plain
    assert render_plain(render_stats(ServiceStats(), "th")).count(t("stats_unknown", "th")) == 7


def test_stats_name_the_model_folder_not_its_server_path_unless_private():
    stats = ServiceStats(model="/root/.cache/news-qa-bot/embeddinggemma-300m")
    group, private = (render_plain(render_stats(stats, "en", show_reason=shown)) for shown in (False, True))
    assert "Embedding model: embeddinggemma-300m" in group and "/root" not in group
    assert "Embedding model: /root/.cache/news-qa-bot/embeddinggemma-300m" in private


def test_reindex_progress():
    text = render_reindex_progress(30, 120, "bn")
    assert_valid(text)
    assert "৩০/১২০" in render_plain(text) and "২৫%" in text  # Bengali digits, the bar's share too
    thai = render_plain(render_reindex_progress(30, 120, "th"))
    assert "30/120" in thai and "25%" in thai, "Thai writes Arabic digits"


@pytest.mark.parametrize(("serving", "key"), [(True, "reindex_failed"), (False, "reindex_failed_none")],
                         ids=["old-index-serves", "none-serves"])
@pytest.mark.parametrize("lang", ["en", "bn", "th", "vi"])
def test_a_failed_reindex_says_why_clipped_and_only_where_shown(serving, key, lang):
    # an exception's text once went whole into the edit: Telegram refused it past 4,096 characters,
    # and a group read the server's paths
    reason = "[Errno 28] No space left on device: '/srv/newsbot/var/index/<build>/" + "x/" * 3000 + "'"
    private = render_reindex_outcome(ReindexOutcome(error=reason), lang, serving, show_reason=True)
    group = render_reindex_outcome(ReindexOutcome(error=reason), lang, serving)
    assert_valid(private)
    assert private.startswith(t(key, lang) + "\n<code>[Errno 28] No space left on device: '/srv/newsbot/")
    assert group == t(key, lang), "no reason, no path"


def test_render_plain_strips_tags_and_unescapes():
    assert render_plain('<b>[1]</b> <a href="https://x">A &amp; B</a> &lt;ok&gt;') == "[1] A & B <ok>"


def test_a_quote_in_another_language_reads_its_figures_out():
    # quotes stay verbatim; the line under them gives the figures in digits the reader knows
    hit = make_hit("মেলা শেষ হয়েছে। মোট ৫৬ হাজার মানুষ মেলায় আসে, যা ১২৩ শতাংশ বেশি। আরও তথ্য।", "bn")
    page = render_plain(render_answer(make_result(hit), "en").messages[0])
    readings = "৫৬ হাজার মানুষ = 56,000 people · ১২৩ শতাংশ = 123%"
    assert "৫৬ হাজার" in page and t("reading_numbers", "en", numbers=readings) in page
    same_script = render_plain(render_answer(make_result(hit), "bn").messages[0])
    assert "= 56" not in same_script, "a Bengali reader reads ৫৬"


@pytest.mark.parametrize(("lang", "readings"), [
    ("en", "১.৩ মিলিয়নেরও বেশি পণ্য = more than 1.3 million products · ৭ম স্থান = 7th place · ২২শে মে = 22 May · "
           "৪০-৫০টি অর্ডার = 40–50 orders"),
    ("vi", "১.৩ মিলিয়নেরও বেশি পণ্য = hơn 1,3 triệu sản phẩm · ৭ম স্থান = hạng 7 · ২২শে মে = 22 tháng 5 · "
           "৪০-৫০টি অর্ডার = 40–50 đơn hàng"),
    ("th", "১.৩ মিলিয়নেরও বেশি পণ্য = สินค้ามากกว่า 1.3 ล้านรายการ · ৭ম স্থান = อันดับที่ 7 · "
           "২২শে মে = 22 พฤษภาคม · ৪০-৫০টি অর্ডার = คำสั่งซื้อ 40–50 รายการ"),
], ids=["en", "vi", "th"])
def test_scale_words_and_ordinals_are_part_of_the_figure(lang, readings):
    # a user test read "৫৬ = 56" under "৫৬ হাজার" (56 thousand) as the count, and "৭ম = 7" lost the rank;
    # ২২শে is a date's day, not a rank: Vietnamese "thứ 22" read as a weekday; so did "৭ম = thứ 7" (a
    # blind user test), where the place it ranks ("স্থানে") makes it "hạng 7"
    hit = make_hit("১.৩ মিলিয়নেরও বেশি পণ্য। প্রদেশটি ৭ম স্থানে, ২২শে মে। প্রতিদিন ৪০-৫০টি অর্ডার।", "bn", best=0)
    page = render_plain(render_answer(make_result(hit), lang).messages[0])
    assert t("reading_numbers", lang, numbers=readings) in page


@pytest.mark.parametrize(("lang", "readings"), [
    ("en", "১,২০০ জন = 1,200 people · ১৩.৩ পয়েন্ট = 13.3 points · ১,২০,০০০ পণ্য = 120,000 products · ২০২৫ = 2025"),
    ("vi", "১,২০০ জন = 1.200 người · ১৩.৩ পয়েন্ট = 13,3 điểm · ১,২০,০০০ পণ্য = 120.000 sản phẩm · ২০২৫ = 2025"),
], ids=["en", "vi"])
def test_figures_are_read_out_with_the_readers_separators(lang, readings):
    # a user test read "১,২০০ = 1,200" in a Vietnamese reply as 1.2, and "13.3" as 13 thousand
    hit = make_hit("১,২০০ জন এসেছিল। সূচক ১৩.৩ পয়েন্ট। ১,২০,০০০ পণ্য। ২০২৫ সালে।", "bn", best=0)
    page = render_plain(render_answer(make_result(hit), lang).messages[0])
    assert t("reading_numbers", lang, numbers=readings) in page


def test_english_and_vietnamese_figures_are_read_out_where_separators_differ():
    # an admin test: a Vietnamese reader got "14,500 sellers" (14.5 to them) with no Figures line
    english = make_hit("About 14,500 sellers took part, paying 17.80 dollars; 2.4 million orders since 2025.", "en")
    page = render_plain(render_answer(make_result(english), "vi").messages[0])
    readings = "14,500 = 14.500 · 17.80 dollars = 17,80 đô la Mỹ · 2.4 million = 2,4 triệu"
    assert t("reading_numbers", "vi", numbers=readings) in page
    page = render_plain(render_answer(make_result(english), "th").messages[0])
    assert t("reading_numbers", "th", numbers="2.4 million = 2.4 ล้าน") in page, "Thai marks decimals as English does"
    vietnamese = make_hit("Hợp tác xã bán 12 tấn mận với giá 25.000 đồng/kg.", "vi")
    page = render_plain(render_answer(make_result(vietnamese), "en").messages[0])
    assert t("reading_numbers", "en", numbers="12 tấn = 12 tonnes · 25.000 đồng = 25,000 Vietnamese dong") in page


def test_a_thai_scale_word_is_read_with_its_number():
    hit = make_hit("ยอดขายรวม 30 ล้านบาท จาก 10 แห่ง", "th")
    page = render_plain(render_answer(make_result(hit), "en").messages[0])
    # what 10 counts is in Thai words, yet แห่ง counts any kind of thing and no noun is written before it:
    # "10 แห่ง = 10" would say nothing, and is left out
    readings = "30 ล้านบาท = 30 million Thai baht"
    assert t("reading_numbers", "en", numbers=readings) in page


def test_a_thai_buddhist_era_year_is_given_in_the_common_era():
    hit = make_hit("โครงการเริ่มเมื่อปี 2563 และมีผู้เข้าร่วม 2500 รายจาก 35 ประเทศ", "th")
    page = render_plain(render_answer(make_result(hit), "vi").messages[0])
    assert t("reading_numbers", "vi", numbers=t("reading_era_year", "vi", written="2563", year="2020")) in page
    assert "2500 (" not in page and "= 1957" not in page, "a count is no year"
    assert "lịch Thái" not in render_plain(render_answer(make_result(hit), "th").messages[0])


@pytest.mark.parametrize("lang", ["en", "bn", "th", "vi"])
def test_a_missing_figure_points_to_related_passages_that_state_one(lang):
    result = SearchResult("How many?", (), False, 0.4, "no_figure", related=tuple(seven_hits()[:4]),
                          related_give_figure=True)
    first = render_answer(result, lang)
    assert render_plain(first.messages[0]) == t("figure_elsewhere", lang)
    assert first.has_more and first.more_key == "button_related"
    # the message names the button it points to
    assert t("button_related", lang) in t("figure_elsewhere", lang)
    # no passage to show: nothing to point to
    bare = render_answer(replace(result, related=()), lang)
    assert render_plain(bare.messages[0]) == t("figure_not_found", lang)
    # about a country no article names, that figure is another place's: the note says why
    elsewhere = render_answer(replace(result, unknown_names=("Japan",)), lang)
    note = t("unknown_names_note", lang, names="“Japan”")
    assert render_plain(elsewhere.messages[0]) == f"ℹ️ {note}\n{t('figure_not_found', lang)}"
    assert elsewhere.has_more and elsewhere.more_key == "button_related"


@pytest.mark.parametrize("lang", ["en", "bn", "th", "vi"])
def test_later_pages_are_headed_as_more_passages(lang):
    result = make_result(*seven_hits())
    first, second = (render_plain(render_answer(result, lang, page=n).messages[0]) for n in (0, 1))
    assert first.startswith(t("answer_header", lang)) and second.startswith(t("more_header", lang))
    assert t("answer_header", lang) not in second


@pytest.mark.parametrize("lang", ["en", "bn", "th", "vi"])
def test_lang_with_an_unknown_choice_says_so_before_the_choices(lang):
    text = render_plain(render_lang_status(lang, None, "xx<b>"))
    assert text.startswith(t("lang_unknown", lang, choice="xx<b>")) and t("lang_usage", lang) in text
    assert not render_plain(render_lang_status(lang, None)).startswith(t("lang_unknown", lang, choice=""))
    assert_valid(render_lang_status(lang, None, "<&>" * 50))


def _en_passage(first: int, last: int, rank: int, doc: str = "001_en.txt") -> Hit:
    """Sentences ``first``..``last`` of EN as a passage of one article, at their place in it."""
    spans = split_sentences(EN)
    start, end = spans[first][0], spans[last][1]
    hit = make_hit(EN[start:end], "en", rank=rank, offset=120 + start, best=0)
    return replace(hit, chunk=replace(hit.chunk, doc=doc))


def test_a_sentence_two_overlapping_passages_share_is_quoted_once():
    # neighbouring passages of a paragraph overlap: a user test read one sentence in [1] and in [3]
    shared = EN[slice(*split_sentences(EN)[1])]
    first, overlapping, inside = _en_passage(0, 1, 1), _en_passage(1, 2, 2), _en_passage(1, 1, 3)
    other = make_hit(TH, "th", rank=4)
    message = render_answer(make_result(first, overlapping, inside, other), "en", per_page=4).messages[0]
    assert_valid(message)
    plain = render_plain(message)
    assert plain.count(shared) == 1
    assert EN[slice(*split_sentences(EN)[2])] in plain, "the overlapping passage quotes what is new in it"
    citations = [line.split(" ", 3)[:3] for line in plain.splitlines() if line.startswith("[")]
    # one paragraph's overlapping passages are one citation (tests/test_paragraphs.py), under all
    # their numbers (a user test read "[1]" then "[4]" as citations gone missing)
    assert [" ".join(c) for c in citations][0].startswith("[1, 2, 3]") and citations[1][0] == "[4]", citations


def test_a_sentence_left_out_as_already_quoted_does_not_come_back_inside_a_run():
    hit = _en_passage(0, 2, 1)
    spans = split_sentences(EN)
    pieces = excerpt(hit, 1000, skip=[(120 + spans[1][0], 120 + spans[1][1])])
    assert [piece.text for piece in pieces] == [EN[slice(*spans[0])], EN[slice(*spans[2])]]
    assert excerpt(hit, 1000, skip=[(0, 10_000)]) == []


# --- numbers the bot writes: Bengali digits in a Bengali reply -------------------------------

# Bengali article text with ASCII digits in it, as news writes "কোভিড-19": quoted as written
BN_WITH_ASCII = "কোভিড-19 মহামারির পরে, 2025 সালের মেলায় 120টি দোকান বসে। আরও তথ্য পরে জানানো হবে।"


@pytest.mark.parametrize(("lang", "citation"), [
    ("bn", "[২] {title} · ¶১২"), ("th", "[2] {title} · ¶12"), ("vi", "[2] {title} · ¶12"), ("en", "[2] {title} · ¶12"),
], ids=["bn", "th", "vi", "en"])
def test_citations_are_numbered_in_the_readers_digits_and_quotes_keep_theirs(lang, citation):
    hit = make_hit(BN_WITH_ASCII, "bn", rank=2, paragraph=12)
    plain = render_plain(render_answer(make_result(hit), lang).messages[0])
    assert plain.splitlines()[2].startswith(citation.format(title=TITLES["bn"]))
    assert "কোভিড-19 মহামারির পরে, 2025 সালের মেলায় 120টি দোকান বসে।" in plain, "the quote is verbatim"
    inline_title = render_inline_results(make_result(hit), lang)[0].title
    assert inline_title.startswith(local_digits("[2] ¶12 · ", lang))


def test_inline_result_ids_do_not_depend_on_the_reply_language():
    # an id is read back by Telegram, never by a person: it stays the same in every script
    result = make_result(make_hit(BN, "bn", rank=1), make_hit(TH, "th", rank=2))
    assert [item.id for item in render_inline_results(result, "bn")] == \
        [item.id for item in render_inline_results(result, "en")]


@pytest.mark.parametrize(("lang", "numbers"), [("bn", ("১. ", "২. ", "৩. ")), ("th", ("1. ", "2. ", "3. "))],
                         ids=["bn", "th"])
def test_sources_are_numbered_in_the_readers_digits(lang, numbers):
    articles = [ArticleInfo(f"00{n}.txt", f"Fair 2024, part {n}", "en") for n in (1, 2, 3)]
    lines = render_plain(render_sources(articles, lang)[0]).splitlines()
    assert [line[:3] for line in lines[1:]] == list(numbers)
    assert "Fair 2024, part 1" in lines[1], "a title keeps its digits"


def test_bengali_stats_write_counts_and_times_in_bengali_digits():
    stats = ServiceStats(articles=5, chunks=1234, model="google/embeddinggemma-300m", built_at=1.7e9,
                         questions=42, p50_ms=87.4, query_encoder="openvino-int8")
    plain = render_plain(render_stats(stats, "bn"))
    assert "১,২৩৪" in plain and "২০২৩-১১-১৪ ২২:১৩ UTC" in plain and "৮৭ ms" in plain and "৪২" in plain
    assert "embeddinggemma-300m" in plain and "openvino-int8" in plain, "names stay as written"
    assert "1,234" in render_plain(render_stats(stats, "th"))
    assert "1.234" in render_plain(render_stats(stats, "vi")), "Vietnamese groups thousands with dots"


def test_a_bengali_reader_gets_figures_read_out_in_bengali_digits():
    thai = make_hit("โครงการเริ่มเมื่อปี 2563 ยอดขายรวม 30 ล้านบาท จาก 10 แห่ง", "th")
    page = render_plain(render_answer(make_result(thai), "bn").messages[0])
    era_year = t("reading_era_year", "bn", written="2563", year="২০২০")
    assert t("reading_numbers", "bn", numbers=f"{era_year} · 30 ล้านบาท = ৩ কোটি থাই বাত") in page  # three crore
    english = make_hit("About 14,500 sellers took part, paying 17.80 dollars.", "en")
    page = render_plain(render_answer(make_result(english), "bn").messages[0])
    assert t("reading_numbers", "bn", numbers="") not in page, "ASCII figures a Bengali reader reads as written"


def test_a_passage_of_another_article_is_on_the_first_page_only_when_close():
    # 0.08 behind the first: kept from its own article, held back (behind "More sources") from another
    best = make_hit("Hội chợ thu hút 56.000 lượt khách.", "vi", rank=1, scores=(0.60,))
    other = make_hit("Lai Châu có 50 gian hàng.", "vi", rank=2, scores=(0.52,))
    same = make_hit("Lai Châu có 50 gian hàng.", "vi", rank=2, scores=(0.52,), paragraph=5, offset=900)
    same = replace(same, chunk=replace(same.chunk, doc=best.chunk.doc))
    assert other.chunk.doc != best.chunk.doc
    assert _close_to_best([best, same], per_page=3) == 2
    assert _close_to_best([best, other], per_page=3) == 1
    near = replace(other, score=0.56)  # 0.04 behind: close enough from any article
    assert _close_to_best([best, near], per_page=3) == 2
    assert "[2]" in render_answer(make_result(best, same), "en", per_page=3).messages[0]
    assert "[2]" not in render_answer(make_result(best, other), "en", per_page=3).messages[0]


@pytest.mark.parametrize("lang", LANGS)
def test_every_reason_for_nothing_found_has_its_own_words(lang):
    # a refusal says why in the reader's language; a reason without its own message would fall
    # back to the generic "couldn't find this", hiding that the articles cover the topic
    from typing import get_args, get_type_hints
    reasons = [reason for reason in get_args(get_args(get_type_hints(SearchResult)["not_found_reason"])[0])
               if reason != "off_topic"]
    messages = {render_nothing_found(lang, reason) for reason in reasons}
    assert "no_university" in reasons and len(messages) == len(reasons)
    assert render_nothing_found(lang) not in messages

"""The bold of a quote and the Figures line under it point at what the question asks: of sentences stating
a figure of the kind asked, the one naming what it measures (a run of years, a score, a rank); for "what
did X say", the attribution together with the statement after it. A blind user test found the bold on the
score for "how many years in a row", on the ranks for "EBI score", and on "Mr Li Mingtao … said that" alone."""

from __future__ import annotations

import html
import re
from dataclasses import replace

import pytest

from bot.i18n import t
from bot.render import render_answer, render_answer_page, render_plain
from bot.service import answer_question
from index import Searcher
from tests.test_render import focused, make_hit, make_result, sentence_text

EBI = ("ভিয়েতনাম ই-কমার্স সূচক (EBI) রিপোর্ট ২০২৫ অনুসারে, ডং নাইয়ের ই-কমার্স সূচক ১৩.৩ পয়েন্ট এবং "
       "দেশে ৭ম স্থানে রয়েছে। "
       "এটি টানা ৯ম বছর যে ডং নাই দেশের শীর্ষ ১০টি অঞ্চলে তার স্থান বজায় রেখেছে। "
       "ডং নাই লেনদেন সূচকে (B2C) ৬ষ্ঠ এবং লেনদেন সূচকে (B2B) ৭ম স্থানে রয়েছে।")
WANG = ("นายหวาง ซู่ปิน หัวหน้าฝ่ายบริหารของวิทยาลัยอาชีวศึกษาธุรกิจระหว่างประเทศกว่างซีในเขตปกครองตนเองกว่างซีจ้วง "
        "ทางตอนใต้ของจีน กล่าวในการบรรยายออนไลน์ เรื่องอีคอมเมิร์ซเส้นทางสายไหม "
        "สำหรับสมาชิกสมาคมประชาชาติแห่งเอเชียตะวันออกเฉียงใต้ (อาเซียน) ว่า "
        "วิทยาลัยแห่งนี้เป็นผู้นำการศึกษาด้านอาชีวศึกษาและอีคอมเมิร์ซข้ามพรมแดน เขากล่าวว่า "
        "วิทยาลัยใช้ประโยชน์จากอีคอมเมิร์ซเส้นทางสายไหมและสถานะของกว่างซี ในฐานะประตูสู่เอเชียตะวันออกเฉียงใต้ของจีน")


def bolds(message: str) -> list[str]:
    """The bold text of the quotes of ``message`` (not of their citations or Figures lines)."""
    quotes = "".join(re.findall(r"<blockquote>(.*?)</blockquote>", message, re.S))
    return [html.unescape(re.sub(r"<[^>]+>", "", bold)) for bold in re.findall(r"<b>(.*?)</b>", quotes, re.S)]


def figures_line(message: str, lang: str) -> str:
    prefix = t("reading_numbers", lang, numbers="")
    return next((line for line in render_plain(message).splitlines() if line.startswith(prefix)), "")


def test_of_the_sentences_stating_the_figure_the_one_naming_its_measure_is_bold():
    # the score sentence matched "mấy năm liên tiếp" (how many years in a row) 0.001 better than the streak's
    hit = replace(make_hit(EBI, "bn", scores=(0.516, 0.515, 0.488)), answer_sentences=(0, 1), measure_sentences=(1,))
    assert f"<b>{html.escape(sentence_text(hit, 1), quote=False)}</b>" in focused(hit)
    plain = replace(hit, measure_sentences=())
    assert f"<b>{html.escape(sentence_text(hit, 0), quote=False)}</b>" in focused(plain), "else the best-scoring"


def test_a_sentence_stating_the_figure_asked_still_wins_over_one_only_naming_the_measure():
    hit = replace(make_hit(EBI, "bn", scores=(0.50, 0.40, 0.45)), answer_sentences=(2,), measure_sentences=(1,))
    assert f"<b>{html.escape(sentence_text(hit, 2), quote=False)}</b>" in focused(hit)


def test_keywords_naming_a_measure_bold_the_sentence_naming_it():
    # "ดงนาย ดัชนี EBI คะแนน" (Dong Nai EBI index score) asks no figure's kind: the ranks matched best
    hit = replace(make_hit(EBI, "bn", scores=(0.525, 0.364, 0.648)), measure_sentences=(0,))
    page = render_answer(make_result(hit, question="ดงนาย ดัชนี EBI คะแนน"), "th").messages[0]
    assert bolds(page) == [sentence_text(hit, 0)]
    # its points lead the Figures line, with their unit, before the report's year
    lead = t("reading_numbers", "th", numbers="১৩.৩ পয়েন্ট = 13.3 คะแนน · ২০২৫ = 2025")
    assert figures_line(page, "th").startswith(lead)


def test_the_figures_line_reads_a_run_of_years_and_ranks_with_what_they_count():
    hit = replace(make_hit(EBI, "bn", scores=(0.516, 0.515, 0.488)), answer_sentences=(0, 1), measure_sentences=(1,))
    question = "Đồng Nai đã mấy năm liên tiếp nằm trong top 10 chỉ số EBI?"
    page = render_answer(make_result(hit, question=question), "vi").messages[0]
    # "শীর্ষ ১০টি অঞ্চলে", in the top 10 localities: the count with what it counts, and its "top"; the
    # paragraph's two 7th places (in the country, in B2B) read once, said twice
    readings = ("টানা ৯ম বছর = năm thứ 9 liên tiếp · শীর্ষ ১০টি অঞ্চল = 10 khu vực dẫn đầu · ২০২৫ = 2025 · "
                "১৩.৩ পয়েন্ট = 13,3 điểm · ৭ম স্থান = hạng 7 (2 lần) · ৬ষ্ঠ = hạng 6")
    assert figures_line(page, "vi") == t("reading_numbers", "vi", numbers=readings)
    assert "thứ 7" not in page, "Saturday, to a Vietnamese reader"


def test_an_attribution_is_bold_with_the_statement_it_introduces():
    # Thai "sentences" are clauses: the best-matching one names Wang Shubin and his post, the statement
    # ("… as China's gateway to Southeast Asia") follows the "ว่า" (that) two clauses on
    hit = make_hit(WANG, "th", best=0)
    assert len(hit.chunk.sentences) == 6
    said = replace(hit, statement_leads=(2, 3))
    [bold] = bolds(render_answer(make_result(said, question="Wang Shubin nói gì?"), "vi").messages[0])
    assert bold == WANG, "the attribution and all it says"
    [alone] = bolds(render_answer(make_result(hit, question="Wang Shubin là ai?"), "vi").messages[0])
    assert alone == sentence_text(hit, 0), "asked who he is: his name and post"


def test_a_statement_is_bold_only_as_far_as_it_is_quoted_and_up_to_a_full_stop():
    text = "The fair closed. The minister said:\nTrade will grow fast. Visitors came from 20 countries."
    hit = replace(make_hit(text, "en", best=1), statement_leads=(1,))
    assert len(hit.chunk.sentences) == 4
    [bold] = bolds(render_answer(make_result(hit, question="What did the minister say?"), "en").messages[0])
    assert bold == "The minister said:\nTrade will grow fast."


@pytest.fixture(scope="module")
def searcher(real_index, embedder):
    return Searcher.open(real_index, embedder)


def first_quote(searcher: Searcher, question: str) -> tuple[str, list[str]]:
    """The first page's message and the bold of its first quote."""
    page = render_answer_page(answer_question(searcher, question), 0, 3).messages[0]
    return page, bolds(page.split("</blockquote>")[0] + "</blockquote>")


@pytest.mark.model
@pytest.mark.parametrize("question", [
    "Đồng Nai đã mấy năm liên tiếp nằm trong top 10 chỉ số EBI?",
    "how many years in a row has it been in the top 10",
    "For how many consecutive years has Dong Nai been in Vietnam's top 10 of the e-commerce index?",
    "ด่งนายติดท็อป 10 ดัชนีอีคอมเมิร์ซติดต่อกันกี่ปีแล้ว",
], ids=["vi", "en-it", "en", "th"])
def test_a_question_for_years_in_a_row_is_bolded_the_run(searcher, question):
    _, [bold] = first_quote(searcher, question)
    assert "টানা ৯ম বছর" in bold


@pytest.mark.model
@pytest.mark.parametrize(("question", "lang", "points"), [
    ("ดงนาย ดัชนี EBI คะแนน", "th", "১৩.৩ পয়েন্ট = 13.3 คะแนน"),
    ("Dong Nai EBI score", "en", "১৩.৩ পয়েন্ট = 13.3 points"),
    ("ดัชนีอีคอมเมิร์ซของด่งนายได้กี่คะแนนคะ", "th", "১৩.৩ পয়েন্ট = 13.3 คะแนน"),
], ids=["th-keywords", "en-keywords", "th"])
def test_a_question_for_a_score_is_bolded_the_score(searcher, question, lang, points):
    page, [bold] = first_quote(searcher, question)
    assert "১৩.৩ পয়েন্ট" in bold
    assert figures_line(page, lang).startswith(t("reading_numbers", lang, numbers=points))


@pytest.mark.model
@pytest.mark.parametrize(("question", "lang", "day"), [
    ("งาน CCEF 2024 ที่กว่างโจวปิดฉากลงเมื่อวันที่เท่าไร", "th", "১৮ আগস্ট = 18 สิงหาคม"),
    ("On what date did the CCEF 2024 fair in Guangzhou close?", "en", "১৮ আগস্ট = 18 August"),
], ids=["th", "en"])
def test_a_question_for_a_date_reads_the_day_before_its_own_year(searcher, question, lang, day):
    # the closing sentence opens with the year the question names: "২০২৪ = 2024" had led the line
    page, _ = first_quote(searcher, question)
    assert figures_line(page, lang).startswith(t("reading_numbers", lang, numbers=day))


@pytest.mark.model
@pytest.mark.parametrize(("question", "said"), [
    ("What did Li Mingtao say?", "จีนยังคงสร้างสภาพแวดล้อมที่เอื้อต่อความร่วมมือด้านอีคอมเมิร์ซระดับโลก"),
    ("লি মিংথাও চীনের ই-কমার্স সহযোগিতা নিয়ে কী বলেছেন?", "จีนยังคงสร้างสภาพแวดล้อมที่เอื้อต่อความร่วมมือ"),
    ("Ông Wang Shubin nói gì về vị thế của Quảng Tây?", "ในฐานะประตูสู่เอเชียตะวันออกเฉียงใต้ของจีน"),
    ("นายหวาง ซู่ปิน กล่าวว่าอย่างไร", "ในฐานะประตูสู่เอเชียตะวันออกเฉียงใต้ของจีน"),
], ids=["en-li", "bn-li", "vi-wang", "th-wang"])
def test_what_someone_said_is_bolded_with_who_said_it(searcher, question, said):
    _, [bold] = first_quote(searcher, question)
    assert said in bold and ("หลี่" in bold or "หวาง" in bold)

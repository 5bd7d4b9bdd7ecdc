"""Retrieval quality with the real model, on questions written for the tests (tests/data), never
on the evaluation set. Thresholds sit a little under what we measure, so a regression fails."""

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from index import EmptyQuery, Searcher, build_index, is_confident, retrieval
from index.models import Chunk, Hit
from index.evaluation import evaluate, read_questions
from index.vietnamese import strip_marks
from tests.conftest import index_settings

DATA = Path(__file__).parent / "data"
pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def seeds_searcher(real_index, embedder):
    return Searcher.open(real_index, embedder)


@pytest.fixture(scope="module")
def small_searcher(tmp_path_factory, embedder):
    root = tmp_path_factory.mktemp("small")
    settings = index_settings(seeds_dir=DATA / "articles", dir=root / "index")
    build_index(settings, embedder)
    return Searcher.open(settings, embedder)


def refused(searcher: Searcher, questions, reason: str) -> list:
    """Each of ``questions`` searched: found nothing, for ``reason``; their results, for more checks."""
    results = [searcher.search(question) for question in questions]
    for question, result in zip(questions, results):
        assert not result.found and result.not_found_reason == reason, question
    return results


def test_cross_lingual_recall_on_the_seed_corpus(seeds_searcher):
    report = evaluate(seeds_searcher, read_questions(DATA / "questions.jsonl"))
    assert report.recall_at_1 >= 0.80, report
    assert report.recall_at_3 >= 0.90, report
    for lang, row in report.by_lang.items():
        assert row.recall_at_3 >= 0.83, (lang, row)
    assert report.false_abstain <= 2, report
    # 9 of 16 measured: the questions asking for a figure (of the kind asked) the articles lack
    assert report.abstain_correct >= 8, report


def test_same_language_questions(seeds_searcher):
    # written by someone who saw neither this file's other sets nor the evaluation set: Bengali and
    # Thai questions on articles in their own language, and 8 unanswerable ones on the same topics
    report = evaluate(seeds_searcher, read_questions(DATA / "same_language_questions.jsonl"))
    assert report.recall_at_3 >= 0.9, report
    assert report.false_abstain <= 1, report
    assert report.abstain_correct >= 7, report  # 8 of 8 measured


@pytest.mark.parametrize("question", [
    "How many viewers watched the TikTok Shop mega livestream at the Lai Chau event?",
    "ভিয়েতনামের ই-কমার্স বাজারে শোপির অংশীদারিত্ব কত শতাংশ",
    "งาน CCEF ครั้งต่อไปจะจัดขึ้นเมื่อไร",
    "Doanh thu thương mại điện tử của Trung Quốc năm 2024 là bao nhiêu?",
    "What rank did Dong Nai hold in the 2019 EBI e-commerce index?",  # the article gives 2025's
], ids=["en", "bn", "th", "vi", "another year"])
def test_a_figure_the_articles_lack_finds_nothing(seeds_searcher, question):
    result = seeds_searcher.search(question)
    assert not result.found and result.hits == () and result.not_found_reason == "no_figure"
    assert result.related and result.related[0].rank == 1, "the passages on the topic stay available on request"


def test_who_heads_something_is_answered_only_where_a_head_is_named(seeds_searcher):
    # Dong Nai's article quotes the deputy director of its Department of Industry and Trade only:
    # a user test's "who is the director" got him under a confident header (see ``index.roles``)
    refused = seeds_searcher.search("Who is the director of Dong Nai's Department of Industry and Trade?")
    assert not refused.found and refused.not_found_reason == "no_post" and refused.related, refused
    deputy = seeds_searcher.search("Who is the deputy director of Dong Nai's Department of Industry and Trade?")
    assert deputy.found and any("উপ-পরিচালক" in hit.chunk.text for hit in deputy.hits[:3])
    for question in ("Who is the chairman of the Tuyen Quang business association?",
                     "ai là giám đốc trung tâm ngoại thương trung quốc"):  # the quote first, its speaker next
        assert seeds_searcher.search(question).found, question


def test_who_founded_something_is_answered_only_where_a_founding_is_told(seeds_searcher):
    # no article says who founded Alibaba: its official's words, and the fair's director after
    # them, had answered "who founded it?" confidently
    for question in ("Who is the founder of Alibaba?", "ใครเป็นผู้ก่อตั้งอาลีบาบา"):
        refused = seeds_searcher.search(question)
        assert not refused.found and refused.not_found_reason == "no_post" and refused.related, question
    answered = seeds_searcher.search("Who founded the Guihai Business Hub platforms?")
    assert answered.found and "Guihai" in answered.hits[0].chunk.text


def test_what_a_head_said_is_answered_only_where_a_head_is_named(seeds_searcher):
    # no minister speaks in the Silk Road article: the ministry reports, an adviser is quoted
    for question in ("What did China's commerce minister say about the Silk Road e-commerce campaign?",
                     "Bộ trưởng Thương mại Trung Quốc đã nói gì về Con đường Tơ lụa số?"):
        refused = seeds_searcher.search(question)
        assert not refused.found and refused.not_found_reason == "no_post", question
    for question in ("What did the director of China's foreign trade centre say about the fair?",
                     "What did Li Mingtao say about Silk Road e-commerce?",  # no post asked
                     "pho giam doc so cong thuong dong nai noi gi ve livestream"):  # a deputy asked, as typed
        assert seeds_searcher.search(question).found, question


@pytest.mark.parametrize("question", [
    "কুয়াংচৌ মেলায় কতগুলো প্ল্যাটফর্ম অংশ নিয়েছিল?",
    "Có bao nhiêu nền tảng tham gia hội chợ ở Quảng Châu?",
    "งานแสดงสินค้าที่กว่างโจวมีแพลตฟอร์มเข้าร่วมกี่แพลตฟอร์ม",
], ids=["bn", "vi", "th"])
def test_a_figure_the_next_passage_of_the_article_states_is_answered(seeds_searcher, question):
    # a blind user test's "how many platforms took part?" was refused in all four languages: the
    # best passage says the fair had "the most platforms", the one after it "40 platforms"
    result = seeds_searcher.search(question)
    assert result.found and "৪০টি নেতৃত্বাধীন" in result.hits[0].chunk.text, result
    assert [hit.rank for hit in result.hits] == list(range(1, len(result.hits) + 1))


def test_the_next_edition_is_not_dated_by_this_ones_dates(seeds_searcher):
    for question in ("When will the next CCEF be held?", "งาน CCEF ครั้งหน้าจะจัดเมื่อไหร่"):
        assert not seeds_searcher.search(question).found, question


def test_which_one_holds_a_rank_the_articles_do_not_give_is_not_answered(seeds_searcher):
    # three user tests asked which province ranked first in the EBI index: the article gives Dong
    # Nai's 6th and 7th places (and "top 10"), which had been quoted confidently
    questions = ("Which province ranked first in the 2025 EBI e-commerce index?",
                 "Tỉnh nào xếp hạng nhất về chỉ số EBI năm 2025?",
                 "কোন প্রদেশ ২০২৫ সালের ইবিআই সূচকে প্রথম স্থানে ছিল?",
                 "จังหวัดใดอยู่อันดับ 1 ในดัชนี EBI ปี 2025")
    for question, result in zip(questions, refused(seeds_searcher, questions, "no_figure")):
        assert "EBI" in result.related[0].chunk.text, question  # the ranks there are, on request
    for question in ("Which province ranked 7th in the EBI index?", "Did Dong Nai rank first in the EBI index?"):
        result = seeds_searcher.search(question)
        assert result.found and "৭ম" in result.hits[0].chunk.text, question


def test_which_one_leads_is_answered_only_by_a_passage_saying_which(seeds_searcher, monkeypatch):
    # the EBI article gives Dong Nai's points and 7th place and its "top 10" for nine years, never
    # who led: asked which province topped the ranking, its passage had been quoted confidently
    questions = ("Which province topped the 2025 EBI e-commerce ranking?",
                 "Tỉnh nào đứng đầu cả nước về chỉ số EBI 2025?",
                 "tinh nao dung dau ca nuoc ve chi so EBI nam 2025",
                 "জাতীয় ইবিআই সূচকে কোন প্রদেশ সবচেয়ে এগিয়ে?",
                 "จังหวัดใดได้คะแนน EBI สูงที่สุด")
    for question, result in zip(questions, refused(seeds_searcher, questions, "no_leader")):
        assert "EBI" in result.related[0].chunk.text, question  # what the article says of it, on request
    # a passage saying which one leads ("ই-কমার্স দ্রুততম বর্ধনশীল খাতগুলির মধ্যে একটি", one of the
    # fastest-growing sectors) is quoted first, over one matching the question's subject better
    for question in ("Which sector grows the fastest in the digital era?",
                     "Ngành nào tăng trưởng nhanh nhất trong thời đại số?"):
        def first() -> str:
            result = seeds_searcher.search(question)
            assert result.found, question
            return result.hits[0].chunk.text

        assert "দ্রুততম" in first(), question
        with monkeypatch.context() as patched:
            patched.setattr(retrieval, "asks_superlative", lambda question: False)
            assert "দ্রুততম" not in first(), question


def test_how_much_something_changed_is_answered_only_by_a_passage_stating_a_change(seeds_searcher):
    # the EBI article gives Dong Nai's 13.3 points and 7th place for 2025, and no earlier year's:
    # asked by how much they rose, it had been quoted confidently, its level for the change
    questions = ("By how many points did Dong Nai's EBI score rise compared with last year?",
                 "ডং নাইয়ের ই-কমার্স সূচক গত বছরের তুলনায় কত পয়েন্ট বেড়েছে?",
                 "คะแนน EBI ของด่งนายเพิ่มขึ้นกี่คะแนนจากปีก่อน",
                 "Dong Nai's EBI rank went up by how many places from the year before?")
    for question, result in zip(questions, refused(seeds_searcher, questions, "no_figure")):
        assert any("১৩.৩" in hit.chunk.text for hit in result.related[:3]), question  # the level, on request
    # the fair's visitors, "১২৩ শতাংশ বেশি" than last year, answer how much they grew
    result = seeds_searcher.search("By how much did visitors to the Guangzhou fair increase?")
    assert result.found and "১২৩ শতাংশ" in result.hits[0].chunk.text, result


def test_one_item_of_a_list_sentence_is_matched_on_its_own(seeds_searcher, monkeypatch):
    # "…১০০% কৃষি পরিবারের প্রশিক্ষণ গ্রহণ করা হয়েছে; ১০০% OCOP পণ্য ই-কমার্স প্ল্যাটফর্মে আপলোড করা
    # হয়েছে" (100% of farming households trained; 100% of OCOP products uploaded): the whole
    # sentence matched a Thai question on the OCOP products weakly, and it was refused as giving no figure
    question = "OCOP ของเตวียนกวางอยู่บนอีคอมเมิร์ซแล้วกี่เปอร์เซ็นต์"
    result = seeds_searcher.search(question)
    assert result.found and "১০০% OCOP পণ্য" in result.hits[0].chunk.text, result
    index, layout = seeds_searcher._state
    none = (np.array([], dtype=np.int64), np.array([], dtype=np.int64))
    monkeypatch.setattr(seeds_searcher, "_state", (index, replace(layout, items=[none] * len(layout.items))))
    assert seeds_searcher.search(question).not_found_reason == "no_figure"


def test_which_one_did_not_is_answered_only_by_a_passage_saying_so(seeds_searcher):
    # the articles list who took part in things and who ranked in the top 10, never who did not:
    # an eleventh user test's negated questions got those lists, confidently
    questions = ("Which countries have not joined the Silk Road e-commerce cooperation?",
                 "Nước nào chưa tham gia hợp tác thương mại điện tử Con đường Tơ lụa?",
                 "Which province is not in the top 10 of the EBI index?",
                 "จังหวัดใดไม่ได้อยู่ใน 10 อันดับแรกของดัชนี EBI")
    for question, result in zip(questions, refused(seeds_searcher, questions, "not_stated")):
        assert result.related, question  # the passages on the topic, on request
    # a passage that says what is lacking, or no longer so, answers
    for question, said in (("What do many villages in Tuyen Quang still not have?", "অভাব রয়েছে"),
                           ("What is no longer an option, according to the ministry's director?", "বিকল্প নয়")):
        result = seeds_searcher.search(question)
        assert result.found and said in result.hits[0].chunk.text, question


def test_a_question_in_shorthand_is_searched_as_written_out(seeds_searcher):
    # a twelfth user test's "TQ … bn …" found two Dong Nai passages first, under a caveat
    shorthand = seeds_searcher.search("TQ đã mở bn kho ở nước ngoài v?")
    written = seeds_searcher.search("Trung Quốc đã mở bao nhiêu kho ở nước ngoài vậy?")
    assert [hit.chunk.id for hit in shorthand.hits] == [hit.chunk.id for hit in written.hits]
    assert shorthand.found and shorthand.question == written.question


def test_a_year_does_not_answer_which_month(seeds_searcher):
    # the Thai article dates the lecture programme to 2563 (2020), and no month: a tenth user
    # test's Bengali "in which month" had it quoted as the answer
    refused(seeds_searcher, ("সিল্ক রোড ই-কমার্স অনলাইন লেকচার প্রোগ্রাম কোন মাসে চালু হয়েছিল?",
                             "In which month was the Silk Road e-commerce online lecture programme launched?"),
            "no_figure")
    year = seeds_searcher.search("In which year was the Silk Road e-commerce online lecture programme launched?")
    assert year.found and "2563" in year.hits[0].chunk.text
    # a month does answer it: the Lai Chau exhibition's "২৪ থেকে ২৫ মে"
    month = seeds_searcher.search("In which month was the Lai Chau e-commerce exhibition held?")
    assert month.found and "২৪ থেকে ২৫ মে" in month.hits[0].chunk.text


def test_a_refused_figure_question_shows_the_passages_stating_one_first(seeds_searcher):
    # the best passage is Dong Nai's EBI ranks, which state no percentage; a lower one of another
    # article states one (of something else), and comes first for a reader who asks to see them.
    # (Session 24's example, Thai "how many booths in Lai Chau", is answered since its count noun)
    result = seeds_searcher.search("By how many percent did Dong Nai's EBI score rise?")
    assert result.not_found_reason == "no_figure" and result.related_give_figure
    first, second = result.related[:2]
    assert first.answer_sentences and not second.answer_sentences and first.score < second.score
    assert [hit.rank for hit in result.related] == list(range(1, len(result.related) + 1))
    # a figure no passage on the page states: nothing to point to
    lacking = seeds_searcher.search("ভিয়েতনামের ই-কমার্স বাজারে শোপির অংশীদারিত্ব কত শতাংশ")
    assert lacking.not_found_reason == "no_figure" and not lacking.related_give_figure


def test_answerable_figure_questions_are_rarely_refused(seeds_searcher):
    # written after the figure check was settled, to see how often it refuses a question the
    # articles do answer: 1 of 16 measured (there the best passage was the wrong one)
    report = evaluate(seeds_searcher, read_questions(DATA / "figure_questions.jsonl"))
    assert report.false_abstain <= 2, report
    assert report.recall_at_3 >= 0.87, report


def test_figure_kinds(seeds_searcher):
    # written by someone who saw neither the figure check nor the evaluation set: 28 answerable
    # figure questions of every kind (counts, shares, ranks, dates, spans) and 12 unanswerable ones,
    # several asking for another figure of the very event the articles describe
    report = evaluate(seeds_searcher, read_questions(DATA / "figure_kinds_questions.jsonl"))
    assert report.false_abstain <= 1, report  # 0 of 28 measured
    assert report.recall_at_3 >= 0.9, report
    assert report.abstain_correct >= 6, report  # 7 of 12 measured


def test_questions_about_one_item_of_a_list(seeds_searcher):
    # written by someone who saw no other question set: 36 questions (20 in the article's own
    # language) whose answer is one item of an enumeration in a long sentence, the hardest case
    # for a passage embedding; measured recall@1 0.833, recall@3 0.917 (0.889 before the shared-term
    # bonus), none refused
    report = evaluate(seeds_searcher, read_questions(DATA / "list_item_questions.jsonl"))
    assert report.recall_at_3 >= 0.83, report
    assert report.false_abstain == 0, report


def test_a_bengali_question_using_the_articles_own_term_finds_its_passage(seeds_searcher, monkeypatch):
    # our list-item question li-034 reuses the article's term "ইলেকট্রনিক লেনদেন অ্যাকাউন্ট": the
    # rare word pairs it shares with the passage lift that passage from 4th to 2nd
    [question] = [q for q in read_questions(DATA / "list_item_questions.jsonl") if q.id == "li-034"]

    def rank() -> int | None:
        hits = seeds_searcher.search(question.question, 5).hits
        return next((h.rank for h in hits if question.evidence in h.chunk.text), None)

    with_phrases = rank()
    monkeypatch.setattr(retrieval, "PHRASE_BONUS", 0.0)
    without = rank()
    assert with_phrases is not None and with_phrases <= 3 and (without is None or without > with_phrases)


def test_a_list_question_gets_the_passage_after_the_one_introducing_the_list(seeds_searcher, monkeypatch):
    # the session-17 user test's u-024 asks what a training taught: its passage comes first, and the
    # syllabus, in the passage after it, scored fifth on its own
    [question] = [q for q in read_questions(DATA / "user_test_questions.jsonl") if q.id == "u-024"]

    def ranks() -> list[int]:
        hits = seeds_searcher.search(question.question, 5).hits
        return [h.rank for h in hits if question.evidence in h.chunk.text]

    with_continuation = ranks()
    monkeypatch.setattr(retrieval, "asks_for_list", lambda question: False)
    without = ranks()
    assert with_continuation == [retrieval.CONTINUATION_RANK] and without != with_continuation, (with_continuation, without)


def test_figure_questions_phrased_many_ways(seeds_searcher):
    # 48 answerable figure questions, 12 per language, each phrased differently (informal, keyword
    # style, Vietnamese without diacritics), written blind to the check: it refused 1 (whose answer
    # was not in the top three either way)
    report = evaluate(seeds_searcher, read_questions(DATA / "figure_paraphrase_questions.jsonl"))
    assert report.false_abstain <= 2, report
    assert report.recall_at_3 >= 0.9, report


def test_the_figure_check_can_be_turned_off(seeds_searcher, embedder):
    question = "How many viewers watched the TikTok Shop mega livestream at the Lai Chau event?"
    unchecked = Searcher(seeds_searcher.index, embedder, figure_check=False).search(question)
    assert unchecked.found and unchecked.hits and unchecked.not_found_reason is None


@pytest.mark.parametrize("question", [
    "How many people visited the China (Guangzhou) Cross-Border E-Commerce Fair 2024?",
    "ดัชนีอีคอมเมิร์ซ (EBI) ปี 2025 ของจังหวัดด่งนายได้กี่คะแนน?",
    "Hiệp hội Doanh nghiệp tỉnh Tuyên Quang đã tổ chức bao nhiêu khóa đào tạo AI?",
], ids=["en", "th", "vi"])
def test_a_figure_the_articles_give_is_quoted(seeds_searcher, question):
    result = seeds_searcher.search(question)
    assert result.found and result.not_found_reason is None


def test_the_sentence_with_the_figure_is_marked_for_quoting(seeds_searcher):
    result = seeds_searcher.search("How many people visited the China (Guangzhou) Cross-Border E-Commerce Fair 2024?")
    hit = result.hits[0]
    marked = [hit.chunk.text[s.start - hit.chunk.start:s.end - hit.chunk.start]
              for i, s in enumerate(hit.chunk.sentences) if i in hit.answer_sentences]
    assert any("৫৬ হাজার" in sentence for sentence in marked), marked
    assert not seeds_searcher.search("What was the theme of CCEF 2024?").hits[0].answer_sentences


def test_vietnamese_typed_without_diacritics(seeds_searcher, monkeypatch):
    # our Vietnamese questions (never the evaluation set's), their marks stripped as chat often has them
    questions = [replace(q, question=strip_marks(q.question))
                 for name in ("questions", "figure_questions", "figure_kinds_questions", "figure_paraphrase_questions")
                 for q in read_questions(DATA / f"{name}.jsonl") if q.lang == "vi"]
    restored = evaluate(seeds_searcher, questions)
    monkeypatch.setattr(retrieval, "restorer_for", lambda model: None)
    as_typed = evaluate(seeds_searcher, questions)
    # measured: recall@3 0.971 against 0.514, no answerable question finding nothing against 10
    assert restored.recall_at_3 >= 0.9 and restored.recall_at_3 > as_typed.recall_at_3 + 0.3, (restored, as_typed)
    assert restored.false_abstain <= 1 < as_typed.false_abstain, (restored, as_typed)


def test_vietnamese_without_marks_is_checked_for_the_figure_it_asks(seeds_searcher):
    # "may" is the English word as typed, "mấy" (how many) once the marks are back: the year asked
    # (2019) is not the one the article rates (2025), so nothing is found; the question stays as typed
    question = "chi so EBI nam 2019 cua Dong Nai duoc may diem"
    result = seeds_searcher.search(question)
    assert not result.found and result.not_found_reason == "no_figure" and result.question == question
    assert seeds_searcher.search(question.replace("2019", "2025")).found


def test_vietnamese_questions_written_without_diacritics(seeds_searcher):
    # 40 questions typed in chat style without marks (32 answerable), by someone who saw no other
    # question set nor the restorer: measured recall@1 0.812, recall@3 0.906, 1 wrongly refused,
    # 4 of 8 unanswerable abstained (0.781, 0.812, 2 refused while lingua called 7 of them English,
    # so they were not restored; recall@3 0.656, 3 refused with the syllable-only restorer before
    # that; 0.938 and 1 refused with the marks a native writer would type)
    report = evaluate(seeds_searcher, read_questions(DATA / "vietnamese_unaccented_questions.jsonl"))
    assert report.recall_at_3 >= 0.85, report
    assert report.false_abstain <= 2, report
    assert report.abstain_correct >= 3, report


# Blind user tests, each written by someone who saw no other set and measured once:
# - session 17: 64 questions (48 answerable, 16 not; chat and formal, Banglish, Vietnamese without
#   marks, Thai digits): recall@1 0.875, recall@3 0.938, 12 of 16 abstained, 1 wrongly refused
#   (recall@3 0.958 since session 19's list continuation);
# - session 18: 48 questions (36 answerable, 12 not, who/which/yes-no among them): recall@1 0.861,
#   recall@3 0.944, 4 of 12 abstained (all figure questions), 2 wrongly refused (Thai percentages,
#   the answer second)
# - session 19: 48 questions (36 answerable, 12 not; keyword queries, commands, typos, quoted
#   phrases): recall@1 0.861, recall@3 0.972, 4 of 12 abstained, 1 wrongly refused
# - session 20: 48 questions (36 answerable, 12 not; comparisons, causes, heavy paraphrase, false
#   premises, code-switching, closing paragraphs): recall@1 0.889, recall@3 0.944, 5 of 12
#   abstained, none wrongly refused
# - session 21: 48 questions (36 answerable, 12 not; mostly cross-script: Bengali on the Thai article,
#   Thai on the Bengali ones; people, posts, dates, comparisons): recall@1 1.0, recall@3 1.0, 8 of 12
#   abstained, none wrongly refused (9 of 12 since a price asks for money)
# - session 22: 48 questions (36 answerable, 12 not; wrong-place and wrong-year figures, people and
#   firms the articles never name, keyword queries, chat spellings): recall@1 0.861, recall@3 1.0,
#   4 of 12 abstained, none wrongly refused (7 of 12 since session 23's names told by sound)
# - session 23: 48 questions (36 answerable, 12 not; foreign firms and persons, next year's fair,
#   country-wide figures, Banglish, unmarked Vietnamese): recall@1 0.972, recall@3 0.972, 4 of 12
#   abstained, none wrongly refused (6 of 12 with the same session's names told by sound; 8 since
#   session 24's sums asked by name and acronyms)
# - session 24: 48 questions (36 answerable, 12 not; keyword queries, long rambling ones, numbers in
#   words, mixed languages, middle and closing paragraphs): recall@1 0.861, recall@3 0.972, 6 of 12
#   abstained, 1 wrongly refused (7 of 12 with the same session's looser "named plainly")
# - session 25: 48 questions (36 answerable, 12 not; why and how, warnings, two facts at once, typos,
#   two-word queries, phrases quoted in the article's script, yes/no, another attribute of a real
#   detail): recall@1 0.972, recall@3 1.0, 6 of 12 abstained, none wrongly refused (7 of 12 since the
#   same session's Bengali pairs written by another article)
# - session 26: 48 questions (36 answerable, 12 not; when, comparisons, superlatives, a number in the
#   question, misspelt names, commands, long wordy questions, mixed languages): recall@1 0.944,
#   recall@3 0.972, 8 of 12 abstained, 1 wrongly refused; with the same session's everyday words,
#   month-or-day and rank checks recall@1 0.972, recall@3 1.0, 10 of 12 abstained, none refused
# - session 26, a second: 48 questions (things described, not named; negations; lists; posts; money
#   and units; one- or two-word queries; typos in Bengali and Thai; years in another calendar):
#   recall@1 0.972, recall@3 0.972, 9 of 12 abstained, 1 wrongly refused (Banglish "how many
#   platforms"); with the same session's wider runner-up gap for a count, recall@3 1.0, none refused;
#   11 of 12 abstained since session 27's negated "which one did not"
# - session 27: 48 questions (36 answerable, 12 not; group-chat typing, slang and abbreviations,
#   emoji, greetings, two questions in one, why and how, buried details, yes/no, near misses on the
#   articles' own people and events): recall@1 0.833, recall@3 1.0, 6 of 12 abstained, none refused
# - session 27, a second: 48 questions (40 answerable, 8 not; a reply audit over every article's
#   length: figures, people, places, lists, definitions, reasons, quotes): recall@1 0.900,
#   recall@3 1.0, 6 of 8 abstained, none refused (7 of 8 with the same session's Latin name
#   opening a Thai question, 8 with its founder check)
# The least abstained sit one under what session 29 measured where the rules since each test
# (unknown names by sound and title, provinces, which city, why-not) had raised it by two or more:
# 13, 11, 6, 10, 11, 9 and 9 of 12 or 16
@pytest.mark.parametrize(("name", "most_refused", "least_abstained", "least_per_language"), [
    ("user_test_questions.jsonl", 2, 12, 0.8),
    ("user_test2_questions.jsonl", 3, 10, 0.75),
    ("user_test3_questions.jsonl", 2, 5, 0.85),
    ("user_test4_questions.jsonl", 1, 9, 0.85),
    ("user_test5_questions.jsonl", 1, 10, 0.9),
    ("user_test6_questions.jsonl", 1, 8, 0.9),
    ("user_test7_questions.jsonl", 1, 7, 0.85),
    ("user_test8_questions.jsonl", 1, 6, 0.85),
    ("user_test9_questions.jsonl", 1, 8, 0.9),
    ("user_test10_questions.jsonl", 1, 10, 0.9),
    ("user_test11_questions.jsonl", 1, 11, 0.9),
    ("user_test12_questions.jsonl", 1, 6, 0.9),
    ("user_test13_questions.jsonl", 1, 8, 0.9),
], ids=["session-17", "session-18", "session-19", "session-20", "session-21", "session-22", "session-23",
        "session-24", "session-25", "session-26", "session-26-second", "session-27", "session-27-second"])
def test_a_blind_user_test_in_four_languages(seeds_searcher, name, most_refused, least_abstained, least_per_language):
    report = evaluate(seeds_searcher, read_questions(DATA / name))
    assert report.recall_at_3 >= 0.9, report
    assert report.false_abstain <= most_refused, report
    assert report.abstain_correct >= least_abstained, report
    assert all(report.by_lang[lang].recall_at_3 >= least_per_language for lang in ("bn", "en", "th", "vi")), report


def test_a_passage_naming_no_year_reports_its_articles_year(seeds_searcher):
    # the passage with the visitor count names no year; its article opens with the 2024 fair, so
    # the 2023 count is not there, in Bengali as in English (the Bengali question used to get 2024's)
    refused(seeds_searcher, ("২০২৩ সালে সিসিইএফ মেলায় কতজন এসেছিল?", "How many people came to the CCEF fair in 2023?"),
            "no_figure")
    assert seeds_searcher.search("২০২৪ সালে সিসিইএফ মেলায় কতজন এসেছিল?").found
    # the Lai Chau article's lead names no year; its exhibition is dated 2025 in one paragraph only,
    # and the booths' paragraph, naming none, had answered a tenth user test's 2024
    refused(seeds_searcher, ("How many booths did the Lai Chau e-commerce event have in 2024?",
                             "Sự kiện thương mại điện tử ở Lai Châu năm 2024 có bao nhiêu gian hàng?"), "no_figure")
    assert seeds_searcher.search("How many booths did the Lai Chau e-commerce event have?").found


@pytest.mark.parametrize(("question", "evidence"), [
    ("งานแสดงที่ลายเจิวมีบูธกี่บูธ", "৫০টি বুথ"),  # Thai booths, Bengali "৫০টি বুথ"
    ("Chiến dịch của Trung Quốc giới thiệu bao nhiêu dự án?", "โครงการความร่วมมือ 40 โครงการ"),
    # scored under the event's paragraph, which has no count: a runner-up counting the booths
    # answers although its sentence matches the question less well than the best one's
    ("Lai Châu có bao nhiêu gian hàng?", "৫০টি বুথ"),
])
def test_a_passage_counting_what_is_asked_how_many_of_comes_first(seeds_searcher, question, evidence):
    # the noun is what question and passage share across scripts; without it the booths' paragraph
    # was not kept at all and the projects' paragraph came second, under one without the count
    result = seeds_searcher.search(question)
    assert result.found and evidence in result.hits[0].chunk.text, result


LAI_CHAU, FAIR = "003_90ec0693ba803a49.txt", "000_9d5ab8d44f53d486.txt"
TIKTOK_SHOP = "টিকটক শপ প্ল্যাটফর্মের মাধ্যমে"  # "through the TikTok Shop platform"


@pytest.mark.parametrize(("question", "doc", "named"), [
    # the event's other passages, naming no platform, matched better; the Dong Nai article's
    # passage naming Shopee is not lifted over them, since it is another article's subject
    ("Which platform hosted the big livestream sales at the Lai Chau event?", LAI_CHAU, TIKTOK_SHOP),
    # (asked of the "mega livestream", the passage now comes first without the bonus: the list
    # item naming it is embedded on its own, ``chunking.list_items``)
    ("লাই চাউয়ের অনুষ্ঠানে লাইভ বিক্রি কোন প্ল্যাটফর্মে হয়েছিল?", LAI_CHAU, TIKTOK_SHOP),
    # the fair's lead and closing paragraph matched better than the passage giving its theme
    ("ธีมของงาน CCEF 2024 ที่กวางโจวคืออะไร", FAIR, "প্রতিপাদ্য"),
    ("Hội chợ thương mại điện tử xuyên biên giới Quảng Châu năm nay có chủ đề gì?", FAIR, "প্রতিপাদ্য"),
])
def test_a_passage_naming_the_kind_of_answer_asked_comes_first(seeds_searcher, monkeypatch, question, doc, named):
    # which platform (``platforms``), what theme (``themes``)
    def first() -> str:
        result = seeds_searcher.search(question)
        assert result.found and result.hits[0].chunk.doc == doc, result
        return result.hits[0].chunk.text

    assert named in first()
    monkeypatch.setattr(retrieval, "KIND_BONUS", 0.0)
    monkeypatch.setattr(retrieval, "KIND_FROM", 0)
    assert named not in first()


DONG_NAI = "002_ee2d72b88cdf6393.txt"


@pytest.mark.parametrize(("question", "doc", "named"), [
    # the fair's lead shares the question's year, and stays first with the bonus alone
    ("২০২৪ সালের কুয়াংচৌ মেলার থিম কী?", FAIR, "প্রতিপাদ্য"),
    # "sàn" (trading floor) is how Vietnamese names a marketplace; the training's lead matched better
    ("Hội nghị tập huấn ở Đồng Nai giới thiệu những sàn thương mại điện tử nào?", DONG_NAI,
     "টিকটক শপের মতো বৃহৎ ই-কমার্স প্ল্যাটফর্ম"),
])
def test_of_the_best_five_the_passage_naming_the_kind_asked_is_moved_first(seeds_searcher, monkeypatch, question,
                                                                           doc, named):
    result = seeds_searcher.search(question)
    assert result.found and result.hits[0].chunk.doc == doc and named in result.hits[0].chunk.text, result
    monkeypatch.setattr(retrieval, "KIND_FROM", 0)
    unmoved = seeds_searcher.search(question)
    assert unmoved.found and named not in unmoved.hits[0].chunk.text
    assert any(named in hit.chunk.text for hit in unmoved.hits[:5])  # where the rule found it


def test_a_bengali_question_naming_another_bengali_articles_subject_finds_no_figure(seeds_searcher):
    # "লাই চাউয়ের" is the Lai Chau article's "লাই চাউ" with a case ending; the fair's article, whose
    # visitor count matches best, never writes it (a blind user test got Guangzhou's 56,000)
    refused = seeds_searcher.search("লাই চাউয়ের প্রদর্শনীতে মোট কত মানুষ এসেছিল?")
    assert not refused.found and refused.not_found_reason == "no_figure"
    # named by the article that answers, it counts for nothing
    assert seeds_searcher.search("লাই চাউয়ের প্রদর্শনীতে কয়টি বুথ ছিল?").found
    assert seeds_searcher.search("গুয়াংজু মেলায় কতজন দর্শনার্থী এসেছিলেন?").found


def test_a_place_written_in_another_script_than_its_article_is_checked(seeds_searcher):
    # Thai spells Lai Chau "ลายเจิว", the Lai Chau article (Bengali) "লাই চাউ"; no article names
    # Shenzhen in any script. Both questions matched the Guangzhou fair's 56,000 visitors best
    for question in ("ที่ลายเจิวมีคนไปเดินชมงานทั้งหมดกี่คน", "งานอีคอมเมิร์ซข้ามพรมแดนที่เซินเจิ้นมีผู้เข้าชมกี่คน",
                     "How many people came to the cross-border e-commerce fair in Shenzhen?",
                     "শেনজেনের আন্তঃসীমান্ত ই-কমার্স মেলায় কতজন দর্শনার্থী এসেছিলেন?"):
        result = seeds_searcher.search(question)
        assert not result.found and result.not_found_reason == "no_figure", question
    # the fair's own city, in Thai letters, is the fair's article's "কুয়াংচৌ"
    guangzhou = seeds_searcher.search("งานแสดงสินค้าที่กวางโจวมีผู้เข้าชมกี่คน")
    assert guangzhou.found and "৫৬ হাজার" in guangzhou.hits[0].chunk.text


def test_without_the_gazetteer_those_places_are_answered_with_another_places_figure(seeds_searcher, monkeypatch):
    from index import gazetteer, provinces

    caches = (gazetteer._patterns, gazetteer.listed_place, provinces.provinces_named)
    monkeypatch.setattr(gazetteer, "PLACES", ())
    try:
        for cache in caches:
            cache.cache_clear()
        result = seeds_searcher.search("งานอีคอมเมิร์ซข้ามพรมแดนที่เซินเจิ้นมีผู้เข้าชมกี่คน")
        assert result.found and "৫৬ হাজার" in result.hits[0].chunk.text
    finally:
        monkeypatch.undo()
        for cache in caches:
            cache.cache_clear()


def test_places_typed_in_lowercase_are_names(seeds_searcher):
    # "tuyen quang" is read as the province Tuyên Quang (not "tuyến quảng"), which the article with
    # the EBI ranks never names: its rank is not Đồng Nai's
    result = seeds_searcher.search("chi so ebi cua tuyen quang xep thu may")
    assert not result.found and result.not_found_reason == "no_figure", result
    assert seeds_searcher.search("chi so ebi cua dong nai xep thu may").found


def test_vietnamese_typed_without_marks_or_capitals(seeds_searcher):
    # our 70 Vietnamese questions (17 unanswerable) stripped of marks and capitals: measured recall@3
    # 0.925, 2 wrongly refused, 7 of 17 abstained (0.943, 1, 4 of 17 before place names were read)
    questions = [replace(q, question=strip_marks(q.question).lower())
                 for name in ("questions", "same_language_questions", "figure_kinds_questions", "figure_questions",
                              "figure_paraphrase_questions", "list_item_questions", "entity_figure_questions")
                 for q in read_questions(DATA / f"{name}.jsonl") if q.lang == "vi"]
    report = evaluate(seeds_searcher, questions)
    assert report.recall_at_3 >= 0.88 and report.false_abstain <= 3, report
    assert report.abstain_correct >= 6, report


def test_bengali_typed_in_latin_letters(seeds_searcher, real_index, embedder, monkeypatch):
    # 40 questions in chat-style Banglish (32 answerable), by someone who saw no other question set
    # nor the reader: measured once, read as Bengali: recall@1 0.906, recall@3 0.906, 1 wrongly
    # refused, 4 of 8 unanswerable abstained; searched as typed: 0.719, 0.812, 5 refused, 1 of 8
    questions = read_questions(DATA / "banglish_questions.jsonl")
    read = evaluate(seeds_searcher, questions)
    monkeypatch.setattr(retrieval, "reader_for", lambda model: None)
    as_typed = evaluate(Searcher.open(real_index, embedder), questions)
    assert read.recall_at_3 >= 0.85 and read.recall_at_1 > as_typed.recall_at_1 + 0.1, (read, as_typed)
    assert read.false_abstain <= 2 < as_typed.false_abstain, (read, as_typed)
    assert read.abstain_correct >= 3 > as_typed.abstain_correct, (read, as_typed)


def test_banglish_is_bengali_and_other_latin_text_is_not(seeds_searcher):
    result = seeds_searcher.search("guangzhou te cross border e-commerce mela kobe shesh hoyechilo?")
    assert result.found and result.asked_in == "bn" and result.question.startswith("guangzhou te")
    assert "কুয়াংচৌ" in result.hits[0].chunk.text
    for question in ("How many people visited the fair in Guangzhou?", "nong dan Tuyen Quang ban hang qua mang nhu the nao"):
        assert seeds_searcher.search(question).asked_in != "bn", question


def test_vietnamese_names_with_a_bengali_question_word_are_banglish(seeds_searcher):
    # "ke?" after a Vietnamese name: was read as Vietnamese typed without marks, and replied to in Vietnamese
    result = seeds_searcher.search("Tran Duong Hung ke?")
    assert result.asked_in == "bn" and result.found
    assert "ট্রান ডুয়ং হুং" in result.hits[0].chunk.text


def test_banglish_mixed_with_many_english_words_is_bengali(seeds_searcher):
    # 30 code-mixed chat questions (24 answerable) by a helper who saw no other set: 18 read as
    # Banglish before Bengali grammar could decide alone, 29 after; recall@3 1.0 either way
    questions = read_questions(DATA / "banglish_mixed_questions.jsonl")
    read_as_bengali = sum(seeds_searcher.search(q.question).asked_in == "bn" for q in questions)
    assert read_as_bengali >= 27, read_as_bengali
    scores = evaluate(seeds_searcher, questions)
    assert scores.recall_at_3 >= 0.95 and scores.false_abstain == 0, scores


def test_figures_about_another_subject(seeds_searcher, monkeypatch):
    # 40 figure questions in English and Vietnamese naming their subject (24 answerable), 16 asking
    # a figure the corpus states only for another subject, by someone who saw no other set nor the
    # code: measured once with the name check: recall@3 0.958, 1 wrongly refused, 9 of 16
    # abstained; without it 7 of 16, the same refusal. Since session 30 the country check
    # (``_country_elsewhere``) refuses one of those two as well ("How many Vietnamese companies
    # exhibited at CCEF 2024?"): both are off to measure without them
    questions = read_questions(DATA / "entity_figure_questions.jsonl")
    checked = evaluate(seeds_searcher, questions)
    monkeypatch.setattr(retrieval, "NAMED_ELSEWHERE", 2.0)  # no share reaches it: the check is off
    monkeypatch.setattr(retrieval, "_country_elsewhere", lambda *_: False)
    unchecked = evaluate(seeds_searcher, questions)
    assert checked.recall_at_3 >= 0.9 and checked.false_abstain <= 1, checked
    assert checked.abstain_correct > unchecked.abstain_correct, (checked, unchecked)
    assert checked.false_abstain == unchecked.false_abstain, (checked, unchecked)


def test_recall_on_the_small_test_articles(small_searcher):
    report = evaluate(small_searcher, read_questions(DATA / "articles_questions.jsonl"))
    assert report.recall_at_3 >= 0.9, report


@pytest.mark.parametrize(("question", "doc"), [
    ("How many people visited the cross-border e-commerce fair in Guangzhou?", "000_9d5ab8d44f53d486.txt"),
    ("ক্রস-বর্ডার ই-কমার্স নিয়ে চীন কোন দেশগুলোর সাথে কাজ করছে?", "001_a706cc8d4ec72211.txt"),
    ("Tỉnh Tuyên Quang hỗ trợ nông dân bán hàng qua mạng như thế nào?", "004_2ae2260a8322f133.txt"),
    ("เกษตรกรม้งขายสินค้าผ่าน TikTok อย่างไร", "004_2ae2260a8322f133.txt"),
], ids=["en>bn", "bn>th", "vi>bn", "th>bn"])
def test_questions_find_articles_in_other_languages(seeds_searcher, question, doc):
    result = seeds_searcher.search(question, 3)
    assert result.found and doc in {h.chunk.doc for h in result.hits}


def test_ascii_year_finds_the_buddhist_era_year(seeds_searcher):
    result = seeds_searcher.search("Which online lecture programme was launched in 2020?", 3)
    assert any("2563" in h.chunk.text for h in result.hits)


@pytest.mark.parametrize("question", [
    "What is the recipe for a chocolate cake?",
    "Ai đã thắng World Cup bóng đá năm 2018?",
], ids=["en", "vi"])
def test_off_topic_questions_find_nothing(seeds_searcher, question):
    result = seeds_searcher.search(question)
    assert not result.found and result.hits == () and result.not_found_reason == "off_topic"
    assert not is_confident(result)


def test_hits_carry_sentence_scores_for_excerpts(seeds_searcher):
    result = seeds_searcher.search("How many visitors came to CCEF 2024?")
    hit = result.hits[0]
    assert len(hit.sentence_scores) == len(hit.chunk.sentences) > 0
    best = hit.chunk.sentences[max(range(len(hit.sentence_scores)), key=hit.sentence_scores.__getitem__)]
    assert hit.chunk.start <= best.start < best.end <= hit.chunk.end


def test_empty_question_is_refused(seeds_searcher):
    with pytest.raises(EmptyQuery):
        seeds_searcher.search("  ?! ")


def test_a_follow_up_is_searched_with_the_question_it_follows(seeds_searcher):
    # 36 follow-ups written for tuning ("and how many platforms took part?" after a question about
    # the Guangzhou fair): measured recall@3 0.75 alone, 0.93 with the earlier question; since list
    # sentences are embedded item by item too (session 34), 0.89 alone, 0.96 with it
    questions = read_questions(DATA / "follow_up_questions.jsonl")
    alone = evaluate(seeds_searcher, [replace(q, context=None) for q in questions])
    followed = evaluate(seeds_searcher, questions)
    assert followed.recall_at_3 >= 0.93 and followed.recall_at_3 > alone.recall_at_3 + 0.05, (followed, alone)
    assert followed.false_abstain <= 1, followed


def test_a_follow_up_naming_another_year_is_checked_for_the_earlier_figure(seeds_searcher):
    # a user test's "and in 2023?" after the fair's visitors got the 2024 fair's count under a
    # confident header; the articles give no 2023 count ("123% more than last year" only)
    earlier = "How many people visited the cross-border e-commerce fair in Guangzhou?"
    refused = seeds_searcher.search("and in 2023?", follow_up_of=earlier)
    assert not refused.found and refused.not_found_reason == "no_figure" and refused.follow_up, refused
    assert refused.related[0].chunk.doc.startswith("000_")  # the fair's passages, if asked to see them
    answered = seeds_searcher.search("and in 2024?", follow_up_of=earlier)
    assert answered.found and answered.hits[0].chunk.doc.startswith("000_")


@pytest.mark.parametrize(("earlier", "follow_up", "answered_one"), [
    ("সিসিইএফ মেলায় কতজন দর্শক এসেছিল?", "আর থাইল্যান্ডে?", "আর চীনে?"),
    ("How many people visited the CCEF?", "what about Thailand?", "and in Guangzhou?"),
    ("งาน CCEF มีผู้เข้าชมกี่คน", "แล้วประเทศไทยล่ะ", "แล้วที่จีนล่ะ"),
    ("Hội chợ CCEF có bao nhiêu khách tham quan?", "còn Thái Lan thì sao?", "còn Trung Quốc thì sao?"),
], ids=["bn", "en", "th", "vi"])
def test_a_follow_up_naming_another_place_is_answered_only_from_a_passage_about_it(seeds_searcher, earlier, follow_up,
                                                                                   answered_one):
    # a blind user test's "আর থাইল্যান্ডে?" after the fair's visitors got the Guangzhou fair's
    # 56,000 under a confident header: the Thai article names Thailand, for something else
    refused = seeds_searcher.search(follow_up, follow_up_of=earlier)
    assert refused.follow_up and not refused.found and refused.not_found_reason == "no_figure", refused
    assert refused.figure_for is not None and refused.figure_for.country == "TH"
    # a place the fair's article does speak of: its lead says the fair was in Guangzhou, China
    answered = seeds_searcher.search(answered_one, follow_up_of=earlier)
    assert answered.found and "৫৬ হাজার" in answered.hits[0].chunk.text and answered.figure_for is None


def test_a_follow_up_naming_a_place_a_passage_speaks_of_is_answered_from_it(seeds_searcher):
    # the Guangxi college's hubs abroad are "in Thailand, Malaysia, …" (Thai article)
    hubs = "গুয়াংসির কলেজ বিদেশে কয়টা Guihai Business Hub খুলেছে?"
    answered = seeds_searcher.search("আর থাইল্যান্ডে?", follow_up_of=hubs)
    assert answered.found and "ประเทศไทย" in answered.hits[0].chunk.text
    # a province as the Bengali articles write it: the Lai Chau exhibition's 50 booths
    booths = seeds_searcher.search("আর লাই চাউতে?", follow_up_of="ডং নাইয়ের প্রদর্শনীতে কয়টি বুথ ছিল?")
    assert booths.found and "৫০টি বুথ" in booths.hits[0].chunk.text
    # ... and not the CCEF's visitors for Tuyen Quang, which the articles name elsewhere
    elsewhere = seeds_searcher.search("আর টুয়েন কোয়াং-এ?", follow_up_of="সিসিইএফ মেলায় কতজন দর্শক এসেছিল?")
    assert not elsewhere.found and elsewhere.figure_for is not None and elsewhere.figure_for.name == "টুয়েন কোয়াং"


def test_a_follow_up_asking_nothing_of_its_own_is_read_with_the_question_before_it(seeds_searcher):
    # a user test's Thai "and in Guangzhou?" after a refused question was searched alone (its
    # pair scored 0.086 higher) and answered with a Guangxi college's passage
    earlier = "ประเทศไทยมีร้านค้าออนไลน์กี่ร้าน"  # how many online shops in Thailand: refused
    assert not seeds_searcher.search(earlier).found
    refused = seeds_searcher.search("แล้วที่กวางโจวล่ะ", follow_up_of=earlier)
    assert refused.follow_up and not refused.found and refused.not_found_reason == "no_figure"
    bangkok = "งานแสดงสินค้าอีคอมเมิร์ซที่กรุงเทพมีผู้เข้าชมกี่คน"  # visitors of a Bangkok fair
    answered = seeds_searcher.search("แล้วที่กวางโจวล่ะ", follow_up_of=bangkok)
    assert answered.follow_up and answered.found and "৫৬ হাজার" in answered.hits[0].chunk.text


def test_follow_ups_naming_places(seeds_searcher):
    # 19 follow-ups naming a place, written for this check (10 asking what the articles do not
    # say): measured recall@1 1.0 and 9 of 10 abstained; before it, 0.889 and none. The one left
    # names a province in Latin letters ("Tuyên Quang") the Bengali articles write in their script
    report = evaluate(seeds_searcher, read_questions(DATA / "follow_up_place_questions.jsonl"))
    assert report.recall_at_1 >= 0.88 and report.false_abstain == 0, report
    assert report.abstain_correct >= 8, report


def test_a_new_question_replied_to_an_old_answer_is_searched_alone(seeds_searcher):
    # a question clear alone is not pulled towards the earlier one
    earlier = "How many people visited the cross-border e-commerce fair in Guangzhou?"
    question = "How many AI training courses did the Tuyen Quang business association organise?"
    alone, replied = seeds_searcher.search(question), seeds_searcher.search(question, follow_up_of=earlier)
    assert not replied.follow_up
    assert [h.chunk.id for h in replied.hits] == [h.chunk.id for h in alone.hits]
    followed = seeds_searcher.search("and when did it close?", follow_up_of=earlier)
    assert followed.follow_up and followed.question == "and when did it close?"
    assert followed.hits[0].chunk.doc.startswith("000_")


def test_a_question_finds_its_answer_in_another_script_over_passages_in_its_own(seeds_searcher, monkeypatch):
    # Bengali questions answered by the Thai article and Thai ones by Bengali articles, written for
    # this test: measured with the same-language pull recall@1 0.913 and recall@3 1.0; without it
    # 0.783 and 0.783, the Bengali articles' passages on the same subject ranking first
    questions = read_questions(DATA / "cross_script_questions.jsonl")
    pulled = evaluate(seeds_searcher, questions)
    monkeypatch.setattr(retrieval, "SAME_LANGUAGE_PULL", 0.0)
    unpulled = evaluate(seeds_searcher, questions)
    assert pulled.recall_at_1 >= 0.87 and pulled.recall_at_3 >= 0.95, pulled
    assert pulled.recall_at_3 > unpulled.recall_at_3 + 0.1, (pulled, unpulled)
    assert pulled.false_abstain == 0, pulled


@pytest.mark.parametrize("question", ["dong nai er livestream proshikkhon e koto jon chilo",
                                      "dong nai livestream training e koto manush join korechilo"])
def test_a_figure_from_the_top_three_is_taken_only_from_the_best_passages_article(seeds_searcher, monkeypatch,
                                                                                   question):
    # read by guess (Banglish), so the figure may come from the top three: but the Thai college's
    # "more than 6,000 trainees" there counts another training than Dong Nai's
    assert not seeds_searcher.search(question).found
    monkeypatch.setattr(retrieval, "_answered", lambda hits, gives, n: any(gives[:n]))
    assert seeds_searcher.search(question).found  # what the rule prevents


def test_a_year_no_article_names_is_warned_of(seeds_searcher):
    # a false premise read off the digits: the seed articles name 2020, 2024 and 2025 only
    result = seeds_searcher.search("গুয়াংজু মেলা ২০১৯ সালে কেন বাতিল হয়েছিল?")
    assert result.unknown_names == ("২০১৯",) and not is_confident(result)
    assert seeds_searcher.search("Why was the 2024 Guangzhou fair a success?").unknown_names == ()


@pytest.mark.parametrize("question", ["who is Le Hoang Oanh?", "Who is Lê Hoàng Oanh?", "Lê Hoàng Oanh là ai?"])
def test_a_person_asked_by_name_finds_the_passage_naming_her(seeds_searcher, question):
    # a user test got the paragraph of another "Le" (Le Cao Thang) first, and hers scored under
    # the quoting threshold: her name, marked by her title, now lifts it (retrieval.PERSON_BONUS)
    hits = seeds_searcher.search(question).hits
    assert hits and hits[0].chunk.doc.startswith("003_") and "লে হোয়াং ওয়ান" in hits[0].chunk.text



def test_a_passage_naming_the_person_asked_about_is_quoted_without_the_caveat(seeds_searcher):
    # his words matched at 0.37, under the caveat's 0.38; the passage names him, which the
    # person's bonus counts towards confidence too
    question = "What did Chu Shijia say was set up at the fair for the first time?"
    result = seeds_searcher.search(question)
    assert is_confident(result) and "ছু শিচিয়া" in result.hits[0].chunk.text
    # no person named: the same words are as sure as their match, under the caveat's line
    unnamed = seeds_searcher.search("What was set up at the fair for the first time?")
    assert unnamed.found and not is_confident(unnamed)


def test_a_runner_up_counting_what_is_asked_may_trail_further(seeds_searcher):
    # the fair's "most platforms" paragraph matched 0.48, its "40 platforms" one 0.38: past the
    # runner-up's gap of 0.10, an eleventh user test's "how many platforms" was refused
    result = seeds_searcher.search("সিসিইএফে কয়টা প্ল্যাটফর্ম ছিল")
    assert result.found and "৪০টি নেতৃত্বাধীন" in result.hits[0].chunk.text
    # typed in Latin letters with the English noun: the same passage, quoted
    banglish = seeds_searcher.search("ccef e koyta platform chilo")
    assert banglish.found and any("৪০টি নেতৃত্বাধীন" in hit.chunk.text for hit in banglish.hits[:3])


def test_a_name_its_article_writes_elsewhere_than_the_passage_found(seeds_searcher):
    # Alibaba is named in one paragraph of the Guangzhou fair's article; the fair's total visitors,
    # in its lead, had answered a question about Alibaba's booth, confidently
    for question in ("How many people visited the Alibaba stand at the Guangzhou fair?",
                     "Gian hàng của Alibaba ở hội chợ Quảng Châu đón bao nhiêu khách?"):
        refused = seeds_searcher.search(question)
        assert not refused.found and refused.related, question
    # the passage naming what is asked comes first where one of the first three does
    moved = seeds_searcher.search("Tuyen Quang farmers were taught to use ChatGPT for what?")
    assert moved.found and "ChatGPT" in moved.hits[0].chunk.text
    for question in ("How much did Alibaba's cross-border exports grow?", "What did Qiu Zhongbing of Alibaba say?"):
        answered = seeds_searcher.search(question)
        assert answered.found and "আলিবাবা" in answered.hits[0].chunk.text, question


def test_why_something_ended_is_answered_only_where_a_passage_tells_of_it(seeds_searcher):
    # no article tells of a cancelled event or a fall in a ranking: the fair's lead, saying it
    # closed with 56,000 visitors, had answered "why was it cancelled?"
    for question in ("Why was the Lai Chau e-commerce event called off?",
                     "কুয়াংচৌ মেলা কেন বাতিল হয়েছিল?",
                     "ทำไมโครงการสายไหมอีคอมเมิร์ซถึงถูกยกเลิก",
                     "Why did Dong Nai fall in the EBI ranking?"):
        result = seeds_searcher.search(question)
        assert not result.found and result.not_found_reason == "not_stated" and result.related, question
    # a "why not" the articles do answer: the mountain provinces' products lacking markets
    assert seeds_searcher.search("Why can't products from the northern mountains reach big markets?").found


def test_a_rare_phrase_of_the_passage_named_in_the_question_is_no_guess(seeds_searcher):
    # the Dong Nai article's own term, asked about in its words, scored 0.36: under the caveat
    result = seeds_searcher.search("সর্বজনীন চ্যানেল মডেল আসলে কী?")
    assert is_confident(result) and "সর্বজনীন চ্যানেল মডেল" in result.hits[0].chunk.text
    index = seeds_searcher.index
    # a run of three words many passages write says nothing of which one answers
    texts = [c.text.casefold() for c in index.chunks]
    runs = {" ".join(words[i:i + 3]) for text in texts for words in [text.split()] for i in range(len(words) - 2)}
    common = next(run for run in sorted(runs) if retrieval._PHRASE_WORD.findall(run) == run.split() and sum(run in t for t in texts) > 3)
    chunk = next(c for c in index.chunks if common in c.text.casefold())
    folded = chunk.text.casefold()
    assert not retrieval._shares_phrase(common, folded, texts), common
    assert retrieval._shares_phrase(common, folded, [folded])


def test_a_person_asked_with_a_title_is_not_taken_for_someone_unknown(seeds_searcher):
    # "Mrs Dinh" had been heard as one name, "mlstin", like nothing in the articles: a question
    # about the Hmong woman of the Tuyen Quang article was refused as naming no one they mention
    result = seeds_searcher.search("In which province did Mrs Dinh and her husband look for work?")
    assert result.found and result.unknown_names == ()
    assert "বাক নিন" in " ".join(hit.chunk.text for hit in result.hits[:3])


def test_what_someone_earns_is_money_not_a_count(seeds_searcher):
    # the Tuyen Quang article counts Vang Thi Dinh's daily orders and the tonnes she buys a month,
    # never her income: "how much does she earn" had been read as a count and answered with those
    refused(seeds_searcher, ("How much does the Hmong woman from Ma Hong village earn by livestreaming?",
                             "ভ্যাং থি দিন অনলাইনে পণ্য বিক্রি করে মাসে কত আয় করেন?"), "no_figure")
    orders = seeds_searcher.search("How many orders does the Hmong woman from Ma Hong village ship a day?")
    assert orders.found and "৪০-৫০টি" in orders.hits[0].chunk.text


def test_a_count_of_followers_is_not_answered_by_a_count_of_orders(seeds_searcher):
    # the Tuyen Quang article counts Vang Thi Dinh's daily orders and the tonnes she buys, never
    # her shop's followers: those figures had answered "how many followers", confidently
    refused(seeds_searcher, ("How many followers does Vang Thi Dinh's TikTok channel have?",
                             "Kênh TikTok của chị Dính có bao nhiêu lượt theo dõi?",
                             "ร้านค้าบน TikTok ของหญิงชาวม้งจากหมู่บ้านหม่าฮง มีผู้ติดตามกี่คน",
                             "মা হং গ্রামের হ'মং বিক্রেতার টিকটক শপের ফলোয়ার কতজন?"), "no_figure")
    # a passage counting the noun asked answers, in another script
    countries = seeds_searcher.search("To how many countries has China's Silk Road e-commerce cooperation grown?")
    assert countries.found and "35 ประเทศ" in countries.hits[0].chunk.text
    orders = seeds_searcher.search("Cửa hàng của người phụ nữ H'Mông ở Ma Hong giao bao nhiêu đơn hàng mỗi ngày?")
    assert orders.found and "৪০-৫০টি" in orders.hits[0].chunk.text


def test_which_university_is_answered_only_by_a_passage_naming_one(seeds_searcher):
    # the Guangxi college works "with universities and companies" (มหาวิทยาลัยและบริษัทต่าง ๆ) and
    # no article names a university: four of our sets' questions got that passage, confidently
    questions = ("Which university does the Guangxi vocational college cooperate with?",
                 "কুয়াংসির বৃত্তিমূলক কলেজ কোন বিশ্ববিদ্যালয়ের সাথে সহযোগিতা করে?",
                 "Trường cao đẳng nghề Quảng Tây hợp tác với trường đại học nào?",
                 "วิทยาลัยอาชีวศึกษากว่างซีร่วมมือกับมหาวิทยาลัยใด")
    for question, result in zip(questions, refused(seeds_searcher, questions, "no_university")):
        assert result.related, question  # the passages on the topic, on request
    # the college itself is named: asked which college, it answers
    college = seeds_searcher.search("Which college set up the Guihai Business Hub platforms abroad?")
    assert college.found and "วิทยาลัย" in college.hits[0].chunk.text


def test_a_company_no_article_names_in_any_script_is_not_answered(seeds_searcher):
    # "Amazon" and "Jack Ma" are English words to the sound check, and a Bengali or Thai spelling
    # it cannot hear at all: user tests asking of them got the Guangzhou fair's passages, confidently
    for question, name in (("Did Amazon open a booth at the Guangzhou cross-border e-commerce fair?", "Amazon"),
                           ("অ্যামাজনের বুথে কুয়াংচৌ মেলায় কী দেখানো হয়েছিল?", "Amazon"),
                           ("แจ็ค หม่า กล่าวอะไรเกี่ยวกับความร่วมมืออีคอมเมิร์ซเส้นทางสายไหม", "Jack Ma"),
                           ("Temu có gian hàng ở hội chợ Quảng Châu không?", "Temu")):
        result = seeds_searcher.search(question)
        assert not result.found and result.not_found_reason == "not_mentioned", question
        assert name in result.unknown_names, question
    # one the articles name, in another script, is answered; one set aside is named on purpose
    assert seeds_searcher.search("What did Alibaba bring to the Guangzhou fair?").found
    assert seeds_searcher.search("Which platforms took part in the Guangzhou fair besides Amazon?").found


DINH = "004_2ae2260a8322f133.txt"
BAC_NINH = "বাক নিনে"  # where Vang Thi Dinh and her husband left to work


@pytest.mark.parametrize("question", [
    "Where did Vang Thi Dinh work before going home?",
    "Chị Vàng Thị Dình từng đi làm ăn ở đâu?",
    "ভ্যাং থি দিন বাড়ি ফেরার আগে কোথায় কাজ করতেন?",
])
def test_of_the_best_three_the_passage_naming_a_place_answers_where(seeds_searcher, monkeypatch, question):
    # the passage on the couple's return home matched better than the one saying where they went
    result = seeds_searcher.search(question)
    assert result.found and result.hits[0].chunk.doc == DINH and BAC_NINH in result.hits[0].chunk.text, result
    monkeypatch.setattr(retrieval, "WHERE_FROM", 0)
    unmoved = seeds_searcher.search(question)
    assert unmoved.found and BAC_NINH not in unmoved.hits[0].chunk.text
    assert any(BAC_NINH in hit.chunk.text for hit in unmoved.hits[:3])


def test_a_place_the_question_names_itself_does_not_answer_where():
    def hit(text: str, lang: str) -> Hit:
        return Hit(Chunk("a#0", "h", "a.txt", "title", lang, 1, 0, len(text), text), 0.5, 1)

    home = hit("টুয়েন কোয়াং-এর কৃষকরা অনলাইনে পণ্য বিক্রি করেন।", "bn")  # Tuyen Quang's farmers sell online
    away = hit("তারা বাক নিনে কাজ করার জন্য শহর ছেড়ে যান।", "bn")  # they left to work in Bac Ninh
    for asked in (["Where do Tuyen Quang's farmers sell?"], ["টুয়েন কোয়াংয়ের কৃষকরা কোথায় বিক্রি করেন?"]):
        names_other = retrieval._names_place_besides(asked)
        assert not names_other(home) and names_other(away)
    names_other = retrieval._names_place_besides(["Where do the farmers sell?"])
    assert names_other(home) and not names_other(hit("They sell online.", "en"))

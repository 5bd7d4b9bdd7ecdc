"""A message asking several questions: what the reply quotes first, and, with the real model,
two questions each answered surely alone, from two articles."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.answer import Asked
from bot.i18n import t
from bot.render import render_answer, render_answer_page, render_plain
from bot.service import answer_question
from bot.several import reply_to
from index import Searcher, SearchResult, is_confident
from tests.test_render import EN, make_hit, make_result


class PassageSearcher:
    """Answers the questions it knows with their results, anything else with nothing found."""

    def __init__(self, results: dict[str, SearchResult]) -> None:
        self.results = results

    def search(self, question: str, follow_up_of: str | None = None) -> SearchResult:
        return self.results.get(question) or SearchResult(question, (), False, 0.2, "off_topic")


def test_each_question_answered_surely_alone_has_its_passage_after_the_best() -> None:
    visited, qiu = "How many people visited the fair?", "Who is Qiu Zhongbing?"
    text = f"{visited} {qiu}"
    searcher = PassageSearcher({
        visited: make_result(make_hit(EN, "en", rank=1), make_hit(EN, "en", rank=2), question=visited),
        qiu: make_result(make_hit(EN, "en", rank=3), confidence=0.5, question=qiu),
    })
    reply = reply_to(searcher, text, SearchResult(text, (), False, 0.4, "no_figure"), None)
    assert reply.result.question == visited, "the question answered best"
    assert [(hit.chunk.id, hit.rank) for hit in reply.result.hits] == \
        [("001_en#1", 1), ("003_en#3", 2), ("002_en#2", 3)], "the second question's passage right after the best"
    assert reply.questions == (Asked(visited, "001_en#1", True), Asked(qiu, "003_en#3", True))


def test_a_passage_answering_one_of_several_questions_surely_is_on_the_first_page() -> None:
    # scoring far below the best (another question's score), it would wait behind "More sources"
    best, sure = make_hit(EN, "en", rank=1), make_hit(EN, "en", rank=2, scores=(0.3, 0.45, 0.3))
    close = make_hit(EN, "en", rank=3, scores=(0.3, 0.69, 0.3))
    result = make_result(best, sure, close)
    asked = (Asked("How many people visited?", best.chunk.id, True),
             Asked("Who is Qiu Zhongbing?", sure.chunk.id, True))
    first = render_answer(result, "en", questions=asked)
    assert render_plain(first.messages[0]).startswith(t("answer_header", "en")), "both answered: no note"
    assert "[3]" in render_plain(first.messages[0]) and not first.has_more, "and the passage close to the best"
    unsure = render_plain(render_answer(result, "en", questions=(asked[0], replace(asked[1], sure=False))).messages[0])
    assert "[2]" not in unsure and t("several_left_one", "en", questions="“Who is Qiu Zhongbing?”") in unsure


@pytest.fixture(scope="module")
def searcher(real_index, embedder) -> Searcher:
    return Searcher.open(real_index, embedder)


def _first_page(searcher: Searcher, text: str) -> tuple[object, str]:
    answer = answer_question(searcher, text)
    return answer, render_plain(render_answer_page(answer, 0, 3).messages[0])


@pytest.mark.model
def test_two_questions_answered_surely_alone_are_both_answered(searcher) -> None:
    # the two passages are in two articles: the reply was the first question's, and the second was
    # asked to be sent again, though searched alone it is answered surely
    answer, first = _first_page(searcher, "How many visitors came to the CCEF? When did the Lai Chau e-commerce "
                                          "event take place?")
    assert all(asked.sure for asked in answer.questions) and len(answer.questions) == 2
    assert first.startswith(t("answer_header", "en")), "no question left to send again"
    assert "৫৬ হাজার" in first and "২৪ থেকে ২৫ মে" in first, "the CCEF's visitors, the Lai Chau event's dates"

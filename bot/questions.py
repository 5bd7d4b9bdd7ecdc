"""What of a message to search: itself, the question a message too long to search ends with, or,
of a message asking several, the question answered best alone. Pure, but for ``best_question``,
which searches (in the service's worker thread)."""

from __future__ import annotations

import bisect
import re

from index import EmptyQuery, SearchResult, Searcher, is_confident

_MOST_QUESTIONS = 5  # of a message asking several, those searched one by one (~20 ms each)
# a run of marks ends one question; one inside a word is a link's ("…/news?id=7"), not a question's
_QUESTION_MARK = re.compile(r"[?？]+(?!\w)")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?।？。])\s+|\n+")


def fit_question(text: str, limit: int) -> tuple[str, bool] | None:
    """What to search for a message: itself, if it fits ``limit`` characters; else the question it
    ends with (``last_question``), flagged as shortened; None when it is too long and asks none."""
    if len(text) <= limit:
        return text, False
    asked = last_question(text, limit)
    return (asked, True) if asked is not None else None


def last_question(text: str, limit: int) -> str | None:
    """The question a message too long to search ends with ("…a pasted paragraph… how many people
    visited the fair?"): the sentence its last question mark closes, if that fits ``limit``
    characters; else None (it asks nothing we can tell, and is refused as too long)."""
    questions = questions_in(text)
    return questions[-1] if questions and len(questions[-1]) <= limit else None


def questions_in(text: str) -> list[str]:
    """The questions ``text`` asks, in order: the sentence each question mark closes."""
    breaks = [match.end() for match in _SENTENCE_BREAK.finditer(text)]
    questions = []
    for mark in _QUESTION_MARK.finditer(text):
        before = bisect.bisect_right(breaks, mark.start())  # the breaks ending before the mark
        question = text[breaks[before - 1] if before else 0:mark.end()].strip()
        if len(question) > 1:  # a lone "?" asks nothing
            questions.append(question)
    return questions


def best_question(searcher: Searcher, text: str, whole: SearchResult,
                  follow_up_of: str | None) -> SearchResult | None:
    """For a message asking several questions that, searched whole, found no sure answer: the
    result of the one of them answered best when searched alone, if that is surer; else None.

    Searched whole, "How many visitors came? … Which platforms took part?" blends its questions:
    a user's message of five, each answered alone, got "figure not found" for the blend."""
    questions = questions_in(text)[:_MOST_QUESTIONS]
    if len(questions) < 2:
        return None
    results = []
    for question in questions:
        try:
            results.append(searcher.search(question, follow_up_of=follow_up_of))
        except EmptyQuery:  # "🤔?" or only a link: nothing to search for
            continue

    def sureness(result: SearchResult) -> tuple[bool, bool]:
        return is_confident(result), result.found

    best = max(results, key=lambda result: (*sureness(result), result.confidence), default=None)
    return best if best is not None and sureness(best) > sureness(whole) else None

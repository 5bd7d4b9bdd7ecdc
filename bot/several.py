"""A message asking several questions ("How many people visited the CCEF? When did it close? Who is
Qiu Zhongbing?", or two joined in one sentence by "and", see ``joined``): which result to reply
with, the best passage of each question answered surely alone among its first; and each question
with the passage that answers it, so that the reply can say which of them it answers and which to
send again on their own. A user test's three questions got the two the fair's first paragraph
answers, and no word on the third. Searches (in the service's worker thread); the reply's words are
``render``'s.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from index import EmptyQuery, SearchResult, Searcher, is_confident, ranked

from .answer import Asked
from .follow_up import refers_back
from .joined import names_nothing
from .questions import asked_parts

MOST_SEARCHED = 5  # of a message's questions, those searched one by one (~20 ms each); the rest are listed


@dataclass(frozen=True)
class Reply:
    """What a message is answered with: a result, the question it was searched after (a
    follow-up's), and, for a message asking several questions, each of them."""

    result: SearchResult
    follow_up_of: str | None = None
    questions: tuple[Asked, ...] = ()


@dataclass(frozen=True)
class _Part:
    question: str
    follow_up_of: str | None  # the question before it in the message, whose subject "it" may be
    result: SearchResult


def reply_to(searcher: Searcher, text: str, whole: SearchResult, follow_up_of: str | None) -> Reply:
    """The reply to ``text``, searched whole as ``whole`` (after ``follow_up_of``, if given).

    A message asking several questions has each searched too, and is answered with ``whole``
    when that is sure and its best passage is one of theirs: the fair's first paragraph answers
    both "How many people visited?" and "When did it close?". Else with the question answered
    best alone, when that is surer (searched whole, a user's five questions blended into "figure
    not found", though the first, alone, is answered); else with ``whole``, none being answered.
    Either way with the best passage of each question answered surely alone right after its own
    best (``_with_answers``)."""
    questions = asked_parts(text)
    if len(questions) < 2:  # most messages: nothing more to search
        return Reply(whole, follow_up_of)
    parts, unsearched = _search_each(searcher, questions, follow_up_of)
    asked = tuple(Asked(part.question, _best_passage(part.result), is_confident(part.result)) for part in parts) + \
        tuple(Asked(question) for question in unsearched)
    if len(asked) < 2:  # the others were no questions ("🤔?")
        return Reply(whole, follow_up_of)
    if is_confident(whole) and _best_passage(whole) in {one.passage for one in asked}:
        return Reply(_with_answers(whole, parts), follow_up_of, asked)
    best = max(parts, key=lambda part: (*_sureness(part.result), part.result.confidence), default=None)
    if best and (is_confident(best.result) or _sureness(best.result) > _sureness(whole)):
        return Reply(_with_answers(best.result, parts), best.follow_up_of, asked)
    return Reply(whole, follow_up_of, asked)


def _with_answers(result: SearchResult, parts: list[_Part]) -> SearchResult:
    """``result`` (a found one) with the best passage of each question answered surely alone right
    after its own best passage, in the questions' order, each once; its other passages after them.
    The reply is one question's result, or the whole message's: another question, answered surely
    by a passage that result ranks low or not at all, was asked to be sent again though its answer
    had been found. Each passage comes as its own question found it, the sentence answering it marked."""
    lead = {result.hits[0].chunk.id: result.hits[0]}
    for part in parts:
        if is_confident(part.result):
            lead.setdefault(part.result.hits[0].chunk.id, part.result.hits[0])
    if len(lead) == 1:  # all answered by the best passage, or only one question answered
        return result
    hits = [*lead.values(), *(hit for hit in result.hits if hit.chunk.id not in lead)]
    return replace(result, hits=ranked(hits))


def _search_each(searcher: Searcher, questions: list[tuple[str, bool]],
                 follow_up_of: str | None) -> tuple[list[_Part], list[str]]:
    """The first ``MOST_SEARCHED`` questions searched, each that carries on (``refers_back``) after
    the one before it, and the first after ``follow_up_of``: "When did it close?" alone finds
    nothing, and the question before it says what "it" is. But "Who is Qiu Zhongbing?" after "How
    many people visited the CCEF?" is a question of its own: searched after it, it found the
    visitors' passage, and the reply dropped it without a word (a user test). A half cut off at
    "and" that names nothing of its own (``names_nothing``) carries on too: a blind user test's
    "ให้คนกี่คน" (for how many people), alone, found another article's trainees, and the reply asked
    for it again, though the passage it quoted for the courses gave the 1,200 people as well. And
    the questions after them, unsearched."""
    parts, before = [], follow_up_of
    for n, (question, goes_on) in enumerate(questions):
        if len(parts) == MOST_SEARCHED:
            return parts, [rest for rest, _ in questions[n:]]
        carries_on = refers_back(question) or (goes_on and names_nothing(question))
        after = before if not parts or carries_on else None
        try:
            parts.append(_Part(question, after, searcher.search(question, follow_up_of=after)))
        except EmptyQuery:  # "🤔?" or only a link: no question
            continue
        before = question
    return parts, []


def _best_passage(result: SearchResult) -> str | None:
    return result.hits[0].chunk.id if result.found else None


def _sureness(result: SearchResult) -> tuple[bool, bool]:
    return is_confident(result), result.found

"""What of a message to search: itself, or the question a message too long to search ends with (the
asker's own words of it, without a paste run into it); and the questions a message asks, which
``several`` searches one by one. Pure."""

from __future__ import annotations

import bisect
import re

from index import detect_language

from .joined import split_joined

# a run of marks ends one question; one inside a word is a link's ("…/news?id=7"), not a question's
_QUESTION_MARK = re.compile(r"[?？]+(?!\w)")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?।？。])\s+|\n+")
# Up to the last Bengali letter, and up to the last Thai one (their digits left out: "in ২০২৪?"
# ends an English question): where a paste in that script may end
_UP_TO_LAST_LETTER = (re.compile(r".*[\u0980-\u09E5\u09F0-\u09FF]", re.S),
                      re.compile(r".*[\u0E01-\u0E4F\u0E5A-\u0E7F]", re.S))


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
    characters; else None (it asks nothing we can tell, and is refused as too long). Of that
    sentence, only the asker's own words (``own_words``)."""
    questions = questions_in(text)
    asked = own_words(questions[-1]) if questions else None
    return asked if asked and len(asked) <= limit else None


def own_words(question: str) -> str:
    """``question`` without the pasted text run into it: a paste cut mid-sentence runs straight
    into the question typed under it ("…পরিচালক ছু শিচিয়া ব্যাখ্য So how many booths were there?"),
    and the reply was in the paste's language, its note quoting the fragment.

    The asker's words start after the last Bengali or Thai letter when what follows reads as a
    language of its own (the shortest such end, if both scripts precede). A Latin name or term in
    a Bengali or Thai question is no such end: "Dong Nai-র EBI rank কত?" ends in Bengali, and
    "ใครคือ Qiu Zhongbing?" in a name alone, which reads as no language."""
    ends = (pattern.match(question) for pattern in _UP_TO_LAST_LETTER)
    tails = (question[end.end():].strip() for end in ends if end)
    return min((tail for tail in tails if detect_language(tail)), key=len, default=question)


def reply_language_text(text: str) -> str:
    """The part of a message whose language the reply takes: with a paste above its last question
    (more text before the question than in it), the asker's own words of that question, when they
    read as a language; else the whole message. A user test pasted a Bengali paragraph under "My
    colleague sent me this, I can't read it. By how much did exports grow…?" and got the reply in
    Bengali: the paste outvoted the question."""
    questions = questions_in(text)
    if not questions:
        return text
    asked = own_words(questions[-1])
    pasted = len(text) - len(asked)
    return asked if pasted > len(asked) and detect_language(asked) else text


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


def asked_questions(text: str) -> list[str]:
    """The questions ``text`` asks, one by one: those ``questions_in`` finds (or, asking without a
    question mark, the message itself when it is one sentence), each cut where it joins two with
    "and" (``split_joined``): "Who is Qiu Zhongbing and how many booths did the Lai Chau exhibition
    have?" asks two."""
    return [asked for asked, _ in asked_parts(text)]


def asked_parts(text: str) -> list[tuple[str, bool]]:
    """``asked_questions``, each with whether it goes on from the one before in one sentence (a
    half after the first that ``split_joined`` cuts off at "and")."""
    text = text.strip()
    questions = questions_in(text) or ([text] if text and not _SENTENCE_BREAK.search(text) else [])
    return [(asked, n > 0) for question in questions for n, asked in enumerate(split_joined(question))]

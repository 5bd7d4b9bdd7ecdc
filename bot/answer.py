"""What answering a question gives: the search result and how the reply should be written."""

from __future__ import annotations

from dataclasses import dataclass

from index import SearchResult


@dataclass(frozen=True)
class Asked:
    """One question of a message that asks several, and the best passage it finds searched on its
    own (a chunk id; None: none found, or not searched). ``sure``: that passage answers it with
    confidence (``is_confident``), so the reply quotes it on its first page."""

    question: str
    passage: str | None = None
    sure: bool = False


@dataclass(frozen=True)
class Answer:
    """A search result and the language the reply should be written in."""

    result: SearchResult
    lang: str
    # the question is in a language we do not reply in (Russian, French…): the reply says so
    other_language: bool = False
    follow_up_of: str | None = None  # the earlier question given as this one's context
    shortened: bool = False  # the message was too long to search whole: its last question was searched
    # the message asks several questions: each of them, for the reply to say which it answers
    # (``result`` is the whole message's, or that of the one of them answered best alone)
    questions: tuple[Asked, ...] = ()

"""Typed data passed between the index's modules and to its users."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Literal


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of an article's cleaned text, numbered from 1, as a character span."""

    number: int
    start: int
    end: int


@dataclass(frozen=True)
class Article:
    """A cleaned article: ``text`` is what chunk spans point into."""

    doc: str  # file name under seeds/, e.g. "000_9d5ab8d44f53d486.txt"
    title: str
    lang: str
    text: str
    paragraphs: tuple[Paragraph, ...]
    url: str | None = None
    credits: tuple[str, ...] = ()  # "লেখা এবং ছবি: নগুয়েন ডাট", "ข้อมูล : People's Daily": not quoted, listed

    @property
    def article_id(self) -> str:
        return self.doc.rsplit(".", 1)[0]


@dataclass(frozen=True)
class Sentence:
    """A sentence of a chunk, as a span of the article's text (for excerpts and scoring)."""

    start: int
    end: int


@dataclass(frozen=True)
class Chunk:
    """A passage: a span ``[start, end)`` of its article's text, in one or more sentences."""

    id: str  # readable and stable: "<article_id>#<n>", shown as the citation
    content_hash: str  # hash of what was embedded; unchanged hash = reuse the old vector
    doc: str
    title: str
    lang: str
    paragraph: int
    start: int
    end: int
    text: str
    url: str | None = None
    sentences: tuple[Sentence, ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class Hit:
    """A chunk found for a question. ``sentence_scores`` align with ``chunk.sentences``."""

    chunk: Chunk
    score: float
    rank: int
    sentence_scores: tuple[float, ...] = ()
    # for a question asking for a figure: the sentences (indices into ``chunk.sentences``) near the
    # best one that state a figure of the kind asked, to quote beside it (the best sentence often
    # names the event and the next one gives its figure)
    answer_sentences: tuple[int, ...] = ()
    # the sentences stating a figure of the measure the question names (a streak "in a row", a
    # score, a rank: see ``focus``), which the bold prefers over others stating one of its kind
    measure_sentences: tuple[int, ...] = ()
    # for a question asking what someone said: the sentences attributing a statement and leading on
    # into it ("นายหลี่ หมิงเทา … กล่าวว่า", Mr Li Mingtao … said that), which the bold runs on from
    statement_leads: tuple[int, ...] = ()


def ranked(hits: Iterable[Hit]) -> tuple[Hit, ...]:
    """``hits`` in the order given, ranked again from 1: after a passage is moved up."""
    return tuple(replace(hit, rank=rank) for rank, hit in enumerate(hits, start=1))


@dataclass(frozen=True)
class Place:
    """A place a follow-up asks the earlier question's figure for ("what about Thailand?"): its
    ``name`` as the follow-up or the articles write it, and ``country``, its ISO code where CLDR
    knows it as a country (then told in every script; see ``places``)."""

    name: str
    country: str | None = None


@dataclass(frozen=True)
class SearchResult:
    """What a search found. ``found`` is False when nothing relevant enough was retrieved;
    then ``hits`` is empty, so callers cannot quote weak matches by accident (passages on the
    topic of a missing figure are in ``related``, to show only when a reader asks for them)."""

    question: str
    hits: tuple[Hit, ...]
    found: bool
    confidence: float
    # why nothing was found: "off_topic" (no passage is close), "no_figure" (the question asks
    # for a figure and the best passage states none where it matches the question) or "no_post"
    # (it asks who heads something and the best passage names no head, or only a deputy),
    # "not_mentioned" (it names something no article mentions, in ``unknown_names``) or
    # "other_subject" (it names something the best passage's article does not, and another does)
    # or "not_stated" (it asks which one did not do something, and the best passage says nothing
    # did not: see ``polarity``), or "no_place" (it asks which city or province of Vietnam or
    # Thailand, and the best passage names none: see ``provinces``), or "no_university" (it asks which
    # university, and the best passage names none: see ``institutions``), or "no_leader" (it asks
    # which one leads, is the most or the best, and none of the best three says: see ``superlatives``)
    not_found_reason: Literal["off_topic", "no_figure", "no_post", "not_mentioned", "other_subject",
                              "not_stated", "no_place", "no_university", "no_leader"] | None = None
    # with any reason but "off_topic": the passages on the topic, which a reader may still ask to see; those that
    # state a figure of the kind asked come first, and ``related_give_figure`` says whether any does
    # (a weaker match than the best passage: the figure may be another thing's, or the answer)
    related: tuple[Hit, ...] = ()
    related_give_figure: bool = False
    # the question's language where the search read it in a form it was not typed in (Bengali
    # typed in Latin letters: "bn", which language detection would call English)
    asked_in: str | None = None
    # the hits were found with the question it follows up (``Searcher.search``'s ``follow_up_of``)
    follow_up: bool = False
    # names the question asks about that no article mentions ("Phuket" in a corpus that never
    # names it): the passages quoted, if any, are about something else (see ``retrieval``)
    unknown_names: tuple[str, ...] = ()
    # with "no_figure": the place a follow-up asked the earlier question's figure for ("and in
    # Thailand?"), which no passage stating such a figure speaks of (see ``places``)
    figure_for: Place | None = None
    # the question compares two subjects of different articles ("How does the Guangzhou fair differ
    # from the Lai Chau exhibition?") and the second hit is the second subject's best passage: the
    # first page quotes both, however much lower the second scores
    compared: bool = False

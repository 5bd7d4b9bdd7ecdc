"""Passages of one paragraph that overlap, quoted as one citation.

A long paragraph is indexed as several passages sharing a sentence or two at each end (see
``index.chunking``). Quoted under a citation each, a question finding more of them cut the
paragraph into pieces, out of order: a user test read a woman's TikTok shop as [1], who she is as
[2] and what she buys a month as [3], each "same article as [1] · ¶1". Such passages are quoted as
one citation, under their numbers ("[1, 2, 3]"), in one quote that reads as the article does.

The quote is chosen from the passages' sentences together (``paragraph_hit``), as ``excerpt``
chooses from one passage's, within ``MERGED_SLACK`` times the first one's limit: the bold from the
first passage, then what states the figure asked for, each other passage's best sentence, the best
ones' next sentences, and only then those scoring nearly as well as the first one's best. Each
passage's own excerpt, joined,
had quoted up to its own limit each: 1,000 to 1,266 characters of one paragraph for a one-fact
question. On our question sets the 31 merged first quotes this changes are 30% shorter, and every
page that showed its question's evidence still does (at the first one's limit alone, 2 lost it: the
answer was a merged passage's second sentence).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from index import Hit, Sentence

from .excerpt import Piece, excerpt

# The cleaned text has one space between the sentences of a paragraph (``index.cleaning``), so
# passages this far apart touch: the space between them is in neither
_TOUCH = 1


def overlapping_groups(hits: Sequence[Hit]) -> list[list[int]]:
    """Positions in ``hits`` grouped into passages of one paragraph of one article whose spans
    overlap or touch (through each other: the first and third of a paragraph join through the
    second), each group in position order, the groups in the order of their first member."""
    by_paragraph: dict[tuple[str, int], list[int]] = {}
    for position, hit in enumerate(hits):
        by_paragraph.setdefault((hit.chunk.doc, hit.chunk.paragraph), []).append(position)
    groups = []
    for positions in by_paragraph.values():
        reach = None
        for position in sorted(positions, key=lambda p: (hits[p].chunk.start, p)):
            chunk = hits[position].chunk
            if reach is None or chunk.start > reach + _TOUCH:
                groups.append([])
                reach = chunk.end
            groups[-1].append(position)
            reach = max(reach, chunk.end)
    return sorted((sorted(group) for group in groups), key=lambda group: group[0])


# A quote of several passages may be this much longer than one passage's: it spans more of the
# paragraph, and each passage was found for a sentence of its own
MERGED_SLACK = 1.25


def quote_together(passages: Sequence[tuple[Hit, int]], skip: Sequence[tuple[int, int]] = ()) -> list[Piece]:
    """One excerpt of overlapping passages ``(hit, limit)``, the first ranked best, within
    ``MERGED_SLACK`` times the first one's limit, leaving out ``skip``."""
    group, lead, anchors = paragraph_hit([hit for hit, _ in passages])
    return excerpt(group, int(passages[0][1] * MERGED_SLACK), skip, lead, anchors)


def paragraph_hit(hits: Sequence[Hit]) -> tuple[Hit, frozenset[int], frozenset[int]]:
    """One hit over the overlapping (or touching) passages ``hits`` of a paragraph, the first
    ranked best: their span of the article, their sentences once each with what the search found
    of them (a sentence's score is the same in every passage: it is the sentence's own vector's).
    With it, the indices of its sentences that the first passage holds, and those that are another
    passage's best (by what ``excerpt`` bolds first: a figure asked for, its measure, the score)."""
    chunks = sorted((hit.chunk for hit in hits), key=lambda chunk: (chunk.start, chunk.end))
    start, end, text = chunks[0].start, chunks[0].end, chunks[0].text
    for chunk in chunks[1:]:
        if chunk.end > end:  # a touching passage starts after the space between them
            text += " " * max(0, chunk.start - end) + chunk.text[max(0, end - chunk.start):]
            end = chunk.end
    spans = sorted({(sentence.start, sentence.end) for hit in hits for sentence in hit.chunk.sentences})
    where = {span: n for n, span in enumerate(spans)}
    scores = [-1.0] * len(spans)
    answers: set[int] = set()
    measures: set[int] = set()
    leads: set[int] = set()
    anchors: set[int] = set()
    for hit in hits:
        at = [where[(sentence.start, sentence.end)] for sentence in hit.chunk.sentences]
        for i, score in zip(at, hit.sentence_scores):
            scores[i] = max(scores[i], score)
        answers.update(at[i] for i in hit.answer_sentences if i < len(at))
        measures.update(at[i] for i in hit.measure_sentences if i < len(at))
        leads.update(at[i] for i in hit.statement_leads if i < len(at))
        if hit is not hits[0] and hit.sentence_scores:
            anchors.add(at[max(range(len(hit.sentence_scores)), key=lambda i: (
                i in hit.answer_sentences, i in hit.measure_sentences, hit.sentence_scores[i]))])
    first = hits[0]
    chunk = replace(first.chunk, start=start, end=end, text=text,
                    sentences=tuple(Sentence(a, b) for a, b in spans))
    group = replace(first, chunk=chunk, sentence_scores=tuple(scores), answer_sentences=tuple(sorted(answers)),
                    measure_sentences=tuple(sorted(measures)), statement_leads=tuple(sorted(leads)))
    lead = frozenset(where[(sentence.start, sentence.end)] for sentence in first.chunk.sentences)
    return group, lead, frozenset(anchors)

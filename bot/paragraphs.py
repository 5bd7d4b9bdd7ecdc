"""Passages of one paragraph that overlap, quoted as one citation.

A long paragraph is indexed as several passages sharing a sentence or two at each end (see
``index.chunking``). Quoted under a citation each, a question finding more of them cut the
paragraph into pieces, out of order: a user test read a woman's TikTok shop as [1], who she is as
[2] and what she buys a month as [3], each "same article as [1] · ¶1". Such passages are quoted as
one citation, under their numbers ("[1, 2, 3]"), their excerpts (each as ``excerpt`` chooses it,
leaving out what the ones before it quote) put back in the article's order: the same sentences as
before, in one quote that reads as the article does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from index import Chunk, Hit

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


def quote_together(passages: Sequence[tuple[Hit, int]], skip: Sequence[tuple[int, int]] = ()) -> list[Piece]:
    """One excerpt of overlapping passages, each ``(hit, limit)``: the excerpt of each within its
    limit, leaving out ``skip`` and what the passages before it quote, merged by ``merge_pieces``."""
    excerpts, quoted = [], list(skip)
    for hit, limit in passages:
        pieces = excerpt(hit, limit, quoted)
        excerpts.append(pieces)
        quoted += [piece.span for piece in pieces if piece.span]
    return merge_pieces(excerpts, [hit.chunk for hit, _ in passages])


def merge_pieces(excerpts: Sequence[list[Piece]], chunks: Sequence[Chunk]) -> list[Piece]:
    """The pieces of ``excerpts`` (of ``chunks``' passages) in article order, pieces that the
    article joins (overlapping, or only spaces apart) made one. Only the first excerpt's bold
    sentence stays bold: it is the answer's, the others were each their passage's best."""
    lead = next((n for n, pieces in enumerate(excerpts) if any(piece.bold for piece in pieces)), 0)
    pieces = [piece if n == lead else replace(piece, bold=None)
              for n, one in enumerate(excerpts) for piece in one]
    if any(piece.span is None for piece in pieces):  # nothing to order them by: as they came
        return pieces
    merged: list[Piece] = []
    for piece in sorted(pieces, key=lambda piece: piece.span):
        between = _between(merged[-1].span[1], piece.span[0], chunks) if merged else None
        if between is None or between.strip():
            merged.append(piece)
        else:
            merged[-1] = _joined(merged[-1], between, piece)
    return merged


def _between(start: int, end: int, chunks: Sequence[Chunk]) -> str | None:
    """The article's text from ``start`` to ``end`` ("" where they overlap), or None when no
    passage holds it."""
    if end <= start:
        return ""
    for chunk in chunks:
        if chunk.start <= start and end <= chunk.end:
            return chunk.text[start - chunk.start:end - chunk.start]
    return " " if end - start == _TOUCH else None


def _joined(first: Piece, between: str, second: Piece) -> Piece:
    """``first`` and ``second`` as one piece, ``between`` (article text) joining them; where they
    overlap, the text they share once. A piece's text is the article's over its span."""
    start, end = first.span
    offset = second.span[0] - start  # where the second starts in the joined text
    if second.span[1] <= end:  # inside the first
        text, cut = first.text, first.cut
    else:
        text, cut = first.text + between + second.text[max(0, end - second.span[0]):], second.cut
    bold = first.bold or (second.bold and (second.bold[0] + offset, second.bold[1] + offset))
    return Piece(text, bold, cut, (start, max(end, second.span[1])))

"""Excerpts: which sentences of a passage to quote, as exact article text.

The best sentence (by the search's sentence scores) is always quoted and marked bold. For a
question asking for a figure, the sentences the search found stating one (``Hit.answer_sentences``)
join it first, nearest first: the best sentence often names the event and its neighbour gives the
number asked for. Sentences scoring within ``NEAR_BEST`` of the best answer too and join next, in
text order, up to a length limit.
Neighbouring sentences keep the article's own spacing; others are joined with " … ". A sentence
too long to fit is cut at a space, never inside a grapheme (combining marks, joiners, the Bengali
virama), so the quote is always real text of the article.
"""

from __future__ import annotations

import html
import unicodedata
from dataclasses import dataclass

from index import Hit

NEAR_BEST = 0.06  # sentences scoring within this of the best one answer too
_GAP = " … "  # between non-adjacent sentences of one excerpt
CUT = "…"  # after a sentence shortened to fit
_BENGALI_VIRAMA = "\u09cd"


@dataclass(frozen=True)
class Piece:
    """Consecutive article text in an excerpt; ``bold`` is the best sentence's span within it."""

    text: str
    bold: tuple[int, int] | None = None
    cut: bool = False


def excerpt(hit: Hit, limit: int) -> list[Piece]:
    """The best sentence plus those scoring nearly as well, in text order, within ``limit`` chars."""
    text = hit.chunk.text
    spans = _sentence_spans(hit)
    if not spans:  # no sentence scores to go by: quote the passage's opening
        return [_shortened(text.strip(), limit, bold=False)]
    best = max(range(len(spans)), key=lambda i: spans[i][2])
    start, end, top = spans[best][:3]
    if end - start > limit:
        return [_shortened(text[start:end], limit, bold=True)]
    chosen = {best}
    answers = sorted((i for i in range(len(spans)) if i != best and spans[i][3]), key=lambda i: abs(i - best))
    near = sorted((i for i in range(len(spans)) if i != best and spans[i][2] >= top - NEAR_BEST),
                  key=lambda i: (-spans[i][2], abs(i - best)))
    for i in answers + near:
        if _runs_length(spans, chosen | {i}) <= limit:
            chosen.add(i)
    return [_run_piece(text, spans, run, spans[best]) for run in _runs(sorted(chosen))]


def _sentence_spans(hit: Hit) -> list[tuple[int, int, float, bool]]:
    """``(start, end, score, states the figure asked for)`` of each sentence as offsets into
    ``chunk.text``, in text order."""
    chunk = hit.chunk
    spans = []
    for i, (sentence, score) in enumerate(zip(chunk.sentences, hit.sentence_scores)):
        start = max(0, sentence.start - chunk.start)
        end = min(len(chunk.text), sentence.end - chunk.start)
        if start < end:
            spans.append((start, end, score, i in hit.answer_sentences))
    spans.sort()
    kept: list[tuple[int, int, float, bool]] = []
    for span in spans:  # overlapping spans would quote text twice
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


def _runs(indices: list[int]) -> list[tuple[int, int]]:
    """Sorted sentence indices grouped into ``(first, last)`` runs of neighbours."""
    runs: list[tuple[int, int]] = []
    for i in indices:
        if runs and runs[-1][1] == i - 1:
            runs[-1] = (runs[-1][0], i)
        else:
            runs.append((i, i))
    return runs


def _runs_length(spans: list[tuple[int, int, float, bool]], chosen: set[int]) -> int:
    runs = _runs(sorted(chosen))
    return sum(spans[last][1] - spans[first][0] for first, last in runs) + len(_GAP) * (len(runs) - 1)


def _run_piece(text: str, spans: list[tuple[int, int, float, bool]], run: tuple[int, int],
               best: tuple[int, int, float, bool]) -> Piece:
    # A run spans neighbouring sentences with the article's own spacing between them.
    start, end = spans[run[0]][0], spans[run[1]][1]
    bold = (best[0] - start, best[1] - start) if start <= best[0] < end else None
    return Piece(text[start:end], bold)


def _shortened(text: str, limit: int, bold: bool) -> Piece:
    if len(text) <= limit:
        return Piece(text, (0, len(text)) if bold and text else None)
    head = cut_text(text, limit - len(CUT))
    return Piece(head, (0, len(head)) if bold else None, cut=True)


def cut_text(text: str, limit: int) -> str:
    """A prefix of at most ``limit`` chars, ending at a space if one is near, never inside a letter."""
    limit = max(1, limit)
    for i in range(min(limit, len(text) - 1), limit // 2, -1):
        if text[i].isspace():
            head = text[:i].rstrip()
            if head:
                return head
    cut = limit
    while cut > 0 and _joins_previous(text, cut):
        cut -= 1
    return text[:cut] or text[:limit]


def _joins_previous(text: str, i: int) -> bool:
    # Cutting before a combining mark, a joiner or a skin-tone modifier, or after a Bengali
    # virama, would leave half a letter (or half an emoji) at the end of the quote.
    ch, before = text[i], text[i - 1]
    return (
        unicodedata.category(ch) in ("Mn", "Mc", "Me")
        or ch in "\u200c\u200d" or before in "\u200c\u200d" or before == _BENGALI_VIRAMA
        or "\U0001F3FB" <= ch <= "\U0001F3FF"
    )


def excerpt_html(pieces: list[Piece]) -> str:
    parts = []
    for piece in pieces:
        text = piece.text
        if piece.bold:
            a, b = piece.bold
            part = f"{esc(text[:a])}<b>{esc(text[a:b])}</b>{esc(text[b:])}"
        else:
            part = esc(text)
        parts.append(part + (CUT if piece.cut else ""))
    return _GAP.join(parts)


def excerpt_plain(pieces: list[Piece]) -> str:
    return _GAP.join(piece.text + (CUT if piece.cut else "") for piece in pieces)


def esc(text: str) -> str:
    """HTML-escape text for Telegram; quotes are fine in text and leaving them keeps lengths honest."""
    return html.escape(text, quote=False)

"""Split an article into overlapping passages sized in model tokens, on sentence boundaries.

Pure functions of text and explicit sizes. Scripts end sentences differently: Bengali with the
danda "।", English and Vietnamese with Latin punctuation, and Thai has no sentence punctuation at
all: it writes words together and puts a space between sentences and clauses. A space in Thai is
therefore a boundary, but so is the space around a number or a foreign name, so short Thai pieces
are joined to their neighbour before packing.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from .models import Article, Chunk, Sentence

TokenCounter = Callable[[str], int]

_STOP = r"""[।॥.!?…]["'”’»)\]]*"""  # a full stop in any of our scripts, closing quotes after it
_SENTENCE_END = re.compile(_STOP + r"\s+")
_ENDS_WITH_STOP = re.compile(_STOP + r"\s*$")
_ABBREVIATION = re.compile(r"(?:\b[A-Z]|\b(?:Mr|Ms|Mrs|Dr|St|No|Jr|Sr|vs|etc|Inc|Ltd|Co|TP|Th\.S|TS))\.$")
_THAI_CHAR = re.compile(r"[\u0E00-\u0E7F]")
_MIN_THAI_PIECE = 40  # characters; shorter Thai pieces are name/number fragments, not clauses
# A sentence listing things with semicolons, and the colon that opens the list ("…such as: expert
# seminars; mega livestream sessions on the TikTok Shop platform; training for cooperatives…")
_ITEM_BREAK = re.compile(r"[;；]\s*|:\s+")
_MIN_ITEM = 12  # characters: shorter pieces ("etc.") say too little to match on their own
# An item longer than this is cut at commas too, into pieces of _MIN_PIECE characters or more (names
# in a row, "সমবায়, ব্যবসায়িক পরিবার", stay in their item); measured alike at 120/40 and 150/30
_LONG_ITEM = 150
_MIN_PIECE = 30


@dataclass(frozen=True)
class ChunkSizes:
    max_tokens: int = 160
    overlap_tokens: int = 40
    min_tokens: int = 24  # paragraphs shorter than this (subheadings) join the next one


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends with a full stop ("।", ".", "?"…), as a subheading or a byline does not."""
    return bool(_ENDS_WITH_STOP.search(text))


def _latin_sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    pos = start
    for match in _SENTENCE_END.finditer(text, start, end):
        head = text[max(pos, match.start() - 6):match.start() + 1]
        if _ABBREVIATION.search(head):  # "Mr. Li", "U.S. firms": not an end
            continue
        yield pos, match.start() + len(match.group().rstrip())
        pos = match.end()
    if pos < end:
        yield pos, end


def _thai_pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Split a Thai sentence at spaces between Thai characters, joining short pieces."""
    pieces, pos = [], start
    for match in re.finditer(r" +", text[start:end]):
        cut = start + match.start()
        before, after = text[cut - 1], text[cut + len(match.group())] if cut + len(match.group()) < end else ""
        if _THAI_CHAR.match(before) and _THAI_CHAR.match(after or " "):
            pieces.append((pos, cut))
            pos = cut + len(match.group())
    pieces.append((pos, end))
    merged: list[tuple[int, int]] = []
    for piece in pieces:
        if merged and (merged[-1][1] - merged[-1][0] < _MIN_THAI_PIECE or piece[1] - piece[0] < _MIN_THAI_PIECE // 2):
            merged[-1] = (merged[-1][0], piece[1])
        else:
            merged.append(piece)
    yield from merged


def _line_sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Sentences line by line: a line break ends a sentence (a subheading has no full stop)."""
    for line in re.finditer(r"[^\n]+", text[start:end]):
        yield from _latin_sentences(text, start + line.start(), start + line.end())


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]``, in order, without surrounding whitespace."""
    end = len(text) if end is None else end
    spans = []
    for s, e in _line_sentences(text, start, end):
        pieces = _thai_pieces(text, s, e) if _THAI_CHAR.search(text, s, e) else [(s, e)]
        for ps, pe in pieces:
            while ps < pe and text[ps].isspace():
                ps += 1
            while pe > ps and text[pe - 1].isspace():
                pe -= 1
            if pe > ps:
                spans.append((ps, pe))
    return spans


def _split_long(text: str, span: tuple[int, int], count: TokenCounter, limit: int) -> list[tuple[int, int]]:
    """Cut a sentence longer than ``limit`` tokens at spaces (or anywhere, for unspaced text)."""
    start, end = span
    if count(text[start:end]) <= limit:
        return [span]
    parts, pos = [], start
    while pos < end:
        lo, hi = pos + 1, end
        while lo < hi:  # longest prefix within the limit
            mid = (lo + hi + 1) // 2
            lo, hi = (mid, hi) if count(text[pos:mid]) <= limit else (lo, mid - 1)
        cut = lo
        if cut < end:
            space = text.rfind(" ", pos + 1, cut)
            cut = space if space > pos + (cut - pos) // 2 else cut
        parts.append((pos, cut))
        pos = cut
        while pos < end and text[pos].isspace():
            pos += 1
    return parts


def _paragraph_groups(article: Article, count: TokenCounter, sizes: ChunkSizes) -> list[tuple[int, int, int]]:
    """(first paragraph number, start, end): short paragraphs (subheadings) join the next."""
    groups, pending = [], None
    for para in article.paragraphs:
        start = pending[1] if pending else para.start
        number = pending[0] if pending else para.number
        if count(article.text[start:para.end]) < sizes.min_tokens and para is not article.paragraphs[-1]:
            pending = (number, start)
            continue
        if pending is None and groups and count(article.text[para.start:para.end]) < sizes.min_tokens:
            groups[-1] = (groups[-1][0], groups[-1][1], para.end)  # a short last line (a tag) joins the end
        else:
            groups.append((number, start, para.end))
        pending = None
    return groups


def _pack(spans: list[tuple[int, int]], lengths: list[int], sizes: ChunkSizes) -> Iterator[list[int]]:
    """Greedy windows of sentence indices within max_tokens, overlapping by ~overlap_tokens."""
    i = 0
    while i < len(spans):
        j, total = i, 0
        while j < len(spans) and (j == i or total + lengths[j] <= sizes.max_tokens):
            total += lengths[j]
            j += 1
        yield list(range(i, j))
        if j >= len(spans):
            return
        back, carried = j, 0
        while back - 1 > i and carried + lengths[back - 1] <= sizes.overlap_tokens:
            back -= 1
            carried += lengths[back]
        i = back


def content_hash(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:20]


def chunk_article(article: Article, count: TokenCounter, sizes: ChunkSizes = ChunkSizes()) -> list[Chunk]:
    """Chunks of ``article``: sentence-aligned spans of ``article.text`` of at most
    ``sizes.max_tokens`` tokens (a single longer sentence is cut), consecutive chunks of a
    paragraph overlapping by whole sentences."""
    chunks: list[Chunk] = []
    text = article.text
    for number, start, end in _paragraph_groups(article, count, sizes):
        spans = [part for s in split_sentences(text, start, end) for part in _split_long(text, s, count, sizes.max_tokens)]
        lengths = [count(text[s:e]) for s, e in spans]
        for window in _pack(spans, lengths, sizes):
            c_start, c_end = spans[window[0]][0], spans[window[-1]][1]
            body = text[c_start:c_end]
            chunks.append(Chunk(
                id=f"{article.article_id}#{len(chunks) + 1}",
                content_hash=content_hash(body),
                doc=article.doc, title=article.title, lang=article.lang, paragraph=number,
                start=c_start, end=c_end, text=body, url=article.url,
                sentences=tuple(Sentence(*spans[k]) for k in window),
            ))
    return chunks


@dataclass(frozen=True)
class SentenceUnits:
    """The sentences of a list of chunks as the index stores them: each distinct sentence once,
    in chunk order (overlapping chunks share sentences, known by their article and start). The
    build embeds ``texts`` in this order, so sentence vector i is that of ``texts[i]``; search
    finds a chunk's sentence vectors through ``ids``. Build and search must agree on this order,
    or vectors are paired with the wrong sentences: both call ``sentence_units``."""

    texts: tuple[str, ...]
    rows: tuple[int, ...]  # sentence i is first met in chunks[rows[i]]
    ids: tuple[tuple[int, ...], ...]  # chunks[r].sentences[j] is sentence ids[r][j]
    # the units after the sentences are the items of their list sentences (``list_items``): item i
    # is of sentence items_of[i], and is unit len(texts) - len(items_of) + i
    items_of: tuple[int, ...] = ()


def sentence_text(chunk: Chunk, sentence: Sentence) -> str:
    return chunk.text[sentence.start - chunk.start:sentence.end - chunk.start]


def list_items(sentence: str) -> list[str]:
    """The items of a sentence listing things with semicolons, each embedded on its own as well:
    one item of a long list is drowned in the sentence's vector ("which platform was the mega
    livestream on?" matched "…such as: seminars; mega livestream sessions on the TikTok Shop
    platform; training…" at 0.32, the event's lead at 0.48). [] for any other sentence."""
    if ";" not in sentence and "；" not in sentence:
        return []
    items = [item for part in _ITEM_BREAK.split(sentence) if len(item := part.strip(" \t\n.।")) >= _MIN_ITEM]
    return [piece for item in items for piece in (item, *_comma_pieces(item))]


def _comma_pieces(item: str) -> list[str]:
    """A long item's pieces between commas, as well: it is often a list in itself ("mega livestream
    sessions on the TikTok Shop platform, cooperatives, business households, young start-ups…")."""
    if len(item) <= _LONG_ITEM:
        return []
    return [piece for part in item.split(", ") if len(piece := part.strip()) >= _MIN_PIECE]


def sentence_units(chunks: Sequence[Chunk]) -> SentenceUnits:
    """The distinct sentences of ``chunks``, then the items of those listing things
    (``list_items``), in the order of the index's sentence vectors."""
    texts: list[str] = []
    rows: list[int] = []
    number: dict[tuple[str, int], int] = {}  # (doc, start) -> its sentence number
    ids = []
    for row, chunk in enumerate(chunks):
        for sentence in chunk.sentences:
            key = (chunk.doc, sentence.start)
            if key not in number:
                number[key] = len(texts)
                texts.append(sentence_text(chunk, sentence))
                rows.append(row)
        ids.append(tuple(number[(chunk.doc, s.start)] for s in chunk.sentences))
    items_of = []
    for sentence, text in enumerate(texts[:]):
        for item in list_items(text):
            texts.append(item)
            rows.append(rows[sentence])
            items_of.append(sentence)
    return SentenceUnits(tuple(texts), tuple(rows), tuple(ids), tuple(items_of))

"""Turn a raw article file into a clean ``Article``: NFC text, paragraphs kept, layout debris gone.

News pages scraped to text carry debris that hurts retrieval and looks bad when quoted: lone table
pipes, markdown image stubs, photo captions (which end in a table pipe), bylines (credit lines, and
a short unpunctuated last line) and photo credits, comment counters, and "source: URL" footers.
The footer is kept as the article's URL and the credit lines as its credits: /sources lists them,
so "who wrote it" and "where is it from" have an answer, while the passages stay free of them.
"""

from __future__ import annotations

import re
import unicodedata

from .chunking import ends_sentence
from .language import detect_language
from .models import Article, Paragraph

LANGUAGE_SAMPLE_CHARS = 4000  # of an article's text, enough to tell its language
_MAX_TITLE_CHARS = 200  # a longer "first line" is a lead paragraph, not a headline
_SHORT_LINE = 80
_BYLINE_WORDS = 3  # a last line this short, with no full stop, signs the article: "Hải Quân"
_THAI = re.compile(r"[\u0e00-\u0e7f]")

_MARKDOWN_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_ONLY_PUNCTUATION = re.compile(r"^[\W_]*$")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
# Invisible characters that carry no meaning here (ZWJ/ZWNJ are kept: Bengali spelling uses them).
_INVISIBLE = dict.fromkeys(map(ord, "\ufeff\u200b\u2060\u00ad"))
_SOURCE_LINE = re.compile(r"^(?:সূত্র|source|nguồn|ที่มา)\s*:\s*(\S+)\s*$", re.IGNORECASE)
_CREDIT_LINE = re.compile(
    r"^(?:ছবি|লেখা(?: এবং|ও)? ছবি|লেখা|ভিডিও|ข้อมูล|เครดิตภาพ|ภาพ|ที่มาภาพ|photo|photos|image|"
    r"credit|credits|text and photos?|ảnh|bài và ảnh|video)\s*:",
    re.IGNORECASE,
)
_COMMENT_COUNTER = re.compile(
    r"^(?:মন্তব্য|comments?|bình luận|ความคิดเห็น)\s*\(\d+\)$", re.IGNORECASE
)


def normalise(text: str) -> str:
    """NFC, no invisible debris, one space between words, Unix newlines."""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))


def _is_debris(line: str) -> bool:
    stripped = _MARKDOWN_IMAGE.sub("", line).strip()
    if _ONLY_PUNCTUATION.match(stripped):
        return True
    if stripped.endswith("|"):  # photo captions come as one-cell layout tables
        return True
    return bool(_COMMENT_COUNTER.match(stripped))


def _is_credit(line: str) -> bool:
    return len(line) <= _SHORT_LINE and bool(_CREDIT_LINE.match(line))


def _is_byline(line: str) -> bool:
    # The author's name closes a news page; quoted with the last paragraph it reads as part of it
    # (article 002 ends "নৌবাহিনী": "Hải Quân", a name, translated as "navy"). Thai is left alone:
    # it ends no sentence with a stop, so a short last sentence would look the same.
    return (len(line.split()) <= _BYLINE_WORDS and len(line) <= _SHORT_LINE // 2
            and not ends_sentence(line) and not _THAI.search(line))


def _split_title(lines: list[str]) -> tuple[str, list[str]]:
    """The first line is the title; a paragraph-length first line is also kept as body text."""
    first = lines[0]
    if len(first) <= _MAX_TITLE_CHARS:
        return first, lines[1:]
    sentence = re.split(r"(?<=[।.!?])\s", first, maxsplit=1)[0]
    title = sentence if len(sentence) <= _MAX_TITLE_CHARS else sentence[:_MAX_TITLE_CHARS].rsplit(" ", 1)[0] + "…"
    return title, lines


def clean_article(raw: str, doc: str) -> Article:
    """Build an ``Article`` from a file's text. Pure: no I/O."""
    url = None
    lines, credits = [], []
    for line in normalise(raw).split("\n"):
        source = _SOURCE_LINE.match(line)
        if source:
            url = source.group(1) if source.group(1).startswith("http") else url
        elif line and _is_credit(line):
            credits.append(line.rstrip(" |"))
        elif line and not _is_debris(line):
            lines.append(line)
    if len(lines) > 2 and _is_byline(lines[-1]):
        lines.pop()
    if not lines:
        raise ValueError("no text left after cleaning")  # the caller names the file
    title, body = _split_title(lines)
    if not body:  # a one-line article is its own body
        body = [title]
    paragraphs, offset = [], 0
    for number, line in enumerate(body, start=1):
        paragraphs.append(Paragraph(number, offset, offset + len(line)))
        offset += len(line) + 2
    text = "\n\n".join(body)
    # an article is in one language, and its opening says which: detecting it on a 3 MB file took minutes
    lang = detect_language(text[:LANGUAGE_SAMPLE_CHARS]) or "en"
    return Article(doc=doc, title=title, lang=lang, text=text, paragraphs=tuple(paragraphs), url=url,
                   credits=tuple(credits))

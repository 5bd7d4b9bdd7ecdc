"""Which seed files are articles, and each one's text with its file format taken off.

Plain text is read as it is; Markdown and HTML lose their markup first, so titles and quotes show
the words, not ``# ``, ``**`` or ``<p>``. Anything else an admin leaves in ``seeds/`` (notes.json, a
.bin, a README) is reported, not read: an article made of it would be quoted in answers.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePath

from .html_text import html_to_text
from .markdown_text import markdown_to_text

_READERS: dict[str, Callable[[str], str]] = {
    ".txt": str, ".md": markdown_to_text, ".markdown": markdown_to_text, ".html": html_to_text, ".htm": html_to_text,
}
_KINDS = "articles are .txt, .md or .html files"


def not_an_article(name: str) -> str | None:
    """Why the seed file ``name`` is not read as an article, or None when it is."""
    path = PurePath(name)
    if path.stem.lower() == "readme":
        return "a README describes the folder, not an article (rename it if it is one)"
    suffix = path.suffix.lower()
    if not suffix:
        # A LICENSE or a Makefile has no extension either: an article must say it is one.
        return f"no file extension; {_KINDS} (rename it to {path.name}.txt if it is one)"
    if suffix not in _READERS:
        return f"not a text article ({suffix}); {_KINDS}"
    return None


def article_source(raw: str, name: str) -> str:
    """The text of the seed file ``name`` (an article, by ``not_an_article``) without markup."""
    return _READERS[PurePath(name).suffix.lower()](raw)


def decode(data: bytes) -> str:
    """A file's bytes as text; ValueError saying why when they are not UTF-8 text."""
    try:
        # utf-8-sig: a byte-order mark (Windows Notepad writes one) would hide a Markdown "# " heading
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"not UTF-8 text ({_UTF16_HINT if _looks_utf16(data) else exc.reason})") from None
    if "\x00" in text:
        raise ValueError(f"not UTF-8 text ({_UTF16_HINT if _looks_utf16(data) else 'a binary file: NUL bytes'})")
    return text


_UTF16_HINT = "looks like UTF-16; save it as UTF-8"


def _looks_utf16(data: bytes) -> bool:
    """A UTF-16 byte-order mark (Notepad's "Unicode"), or NUL as one byte of most pairs: UTF-16 of
    Latin text, which decodes as UTF-8 full of NULs. A binary file has NULs at both places."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    head = data[:4096]
    if len(head) < 16:
        return False
    fewer, more = sorted((head[0::2].count(0), head[1::2].count(0)))
    pairs = len(head) // 2
    return more >= pairs // 2 and fewer <= pairs // 20

"""HTML to the plain text an article is cleaned from: its title, then one block of text a line.

The standard library's ``html.parser`` is enough here: a saved news page needs its words, its
headline and its paragraph breaks, not a DOM. What a reader never sees (scripts, styles, menus)
is dropped; entities arrive decoded (``convert_charrefs``).
"""

from __future__ import annotations

from html.parser import HTMLParser

# Elements whose start and end break the text into lines: each becomes a paragraph of the article.
_BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure",
    "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "ol", "p", "pre",
    "section", "table", "td", "th", "tr", "ul",
})
# Elements whose text is not the article: code, styling, menus and fallbacks a reader never reads.
_HIDDEN = frozenset({"nav", "noscript", "script", "style", "svg", "template"})


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.title = ""  # the <title>
        self.h1 = ""  # the first <h1>
        self._buffer: list[str] = []
        self._hidden = 0  # depth inside _HIDDEN elements
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _HIDDEN:
            self._hidden += 1
        elif tag == "title":
            self._in_title = True
        elif tag in _BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag == "title":
            self._in_title = False
        elif tag in _BLOCKS:
            line = self._flush()
            if tag == "h1" and line and not self.h1:
                self.h1 = line

    def handle_data(self, data: str) -> None:
        if self._hidden:
            return
        if self._in_title:
            self.title = _one_line(self.title + data)
        else:
            self._buffer.append(data)

    def close(self) -> None:
        super().close()
        self._flush()

    def _flush(self) -> str:
        """The text since the last block boundary as one line (HTML collapses whitespace)."""
        line = _one_line("".join(self._buffer))
        self._buffer.clear()
        if line:
            self.lines.append(line)
        return line


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _parse(source: str) -> _TextParser:
    parser = _TextParser()
    parser.feed(source)
    parser.close()
    return parser


def html_lines(source: str) -> list[str]:
    """The visible text of an HTML fragment, one block a line (for HTML inside Markdown)."""
    return _parse(source).lines


def html_to_text(source: str) -> str:
    """A page's headline (its first ``<h1>``, else its ``<title>``), then its blocks, one a line.
    Pure: no I/O."""
    page = _parse(source)
    # The <h1> is the article's headline; a <title> often adds the site's name ("… | Daily News").
    title = page.h1 or page.title
    body = list(page.lines)
    if page.h1:
        body.remove(page.h1)  # it is the title now, not also the first paragraph
    return "\n".join([title, *body] if title else body)

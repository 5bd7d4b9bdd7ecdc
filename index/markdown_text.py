"""Markdown to the plain text an article is cleaned from: the words a reader sees, one block a line.

Parsed with markdown-it-py (CommonMark), not stripped with regexes: only a parser knows that the
``_`` in ``snake_case`` and the ``*`` in ``2 * 3`` are text while ``*this*`` is emphasis, or that a
``-`` starts a bullet only at a line's start. A paragraph's lines are joined with spaces, as
Markdown renders them, so a hard-wrapped paragraph stays one paragraph of the article.

Front matter (the ``---``-fenced YAML block that Jekyll, Hugo and most static-site generators put
first) is metadata, not words a reader sees: its ``title`` becomes the article's title line, the rest
is dropped. A fenced block that is not a YAML mapping is kept as text, so nothing is lost.
"""

from __future__ import annotations

from collections.abc import Sequence

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from .html_text import html_lines

_PARSER = MarkdownIt("commonmark").enable(["table", "strikethrough"]).use(front_matter_plugin)


def _front_matter_title(block: str) -> str | None:
    """The ``title`` of a front matter block: "" when it is metadata without one, None when the
    block is not YAML metadata at all (a page that merely opens with a ``---`` rule)."""
    try:
        meta = yaml.safe_load(block)
    except yaml.YAMLError:
        return None
    if not isinstance(meta, dict):
        return None
    title = meta.get("title")
    return " ".join(str(title).split()) if title not in (None, "") else ""


def _inline_text(children: Sequence[Token]) -> str:
    """The words of one block: emphasis, link and code marks dropped, images left out."""
    parts = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
        # image (its alt text describes a picture that is not there), html_inline (a tag) and the
        # open/close marks of emphasis and links carry no words
    return "".join(parts)


def markdown_to_text(source: str) -> str:
    """Headings, paragraphs, list items and table rows of ``source``, one a line. Pure: no I/O."""
    lines: list[str] = []
    title = ""  # from front matter; a first heading that repeats it is not said twice
    row: list[str] | None = None  # the cells of the table row being read
    number = ""  # an ordered item's "2. ": a text may refer to its steps by number; bullets go
    for token in _PARSER.parse(source):
        if token.type == "list_item_open" and token.info:
            number = f"{token.info}{token.markup} "
        elif token.type == "tr_open":
            row = []
        elif token.type == "tr_close" and row is not None:
            # " | " between cells, none after the last: cleaning drops a line ending in "|" as layout debris
            lines.append(" | ".join(row))
            row = None
        elif token.type == "inline":
            text = _inline_text(token.children or ())
            if row is not None:
                row.append(text)
            elif text.strip():  # a paragraph of nothing but an image leaves nothing
                lines.append(number + text)
                number = ""
        elif token.type in ("fence", "code_block"):
            lines.extend(token.content.splitlines())
        elif token.type == "html_block":
            lines.extend(html_lines(token.content))
        elif token.type == "front_matter":
            found = _front_matter_title(token.content)
            if found is None:
                lines.extend(line for line in token.content.splitlines() if line.strip())
            else:
                title = found
    if title and (not lines or lines[0].strip() != title):
        lines.insert(0, title)
    return "\n".join(lines)

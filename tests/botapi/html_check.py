"""Validation of Telegram's HTML parse mode, as used by the Bot API emulator.

Telegram accepts only a small subset of HTML (see
https://core.telegram.org/bots/api#html-style). This module is deliberately a
little stricter than the real server on one point: a bare ``<``, ``>`` or
``&`` in the text is rejected, so that a bot which forgets to escape user
content fails its tests instead of failing (or rendering garbage) in
production.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

# Tag name -> entity type produced by Telegram. "code" is special-cased: inside
# <pre> it only carries the language, otherwise it is a "code" entity.
_TAG_ENTITIES: dict[str, str] = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "span": "spoiler",
    "tg-spoiler": "spoiler",
    "a": "text_link",
    "code": "code",
    "pre": "pre",
    "blockquote": "blockquote",
    "tg-emoji": "custom_emoji",
}

_START_TAG = re.compile(
    r"<([a-zA-Z][a-zA-Z0-9-]*)"
    r"((?:\s+[^\s=/>\"']+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'>]+))?)*)"
    r"\s*(/?)>"
)
_END_TAG = re.compile(r"</([a-zA-Z][a-zA-Z0-9-]*)\s*>")
_ATTRIBUTE = re.compile(r"([^\s=/>\"']+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s\"'>]+))?")
_ENTITY = re.compile(r"&(?:(lt|gt|amp|quot)|#([0-9]{1,8})|#[xX]([0-9a-fA-F]{1,6}));")
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_SPECIAL = re.compile(r"[<>&]")


class HtmlParseError(ValueError):
    """The text is not valid Telegram HTML; ``str(exc)`` is the short reason."""


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, the unit Telegram uses for lengths and offsets."""
    return len(text.encode("utf-16-le")) // 2


def check_telegram_html(text: str) -> str | None:
    """Return None if ``text`` is valid for parse_mode=HTML, else a short reason."""
    try:
        parse_telegram_html(text)
    except HtmlParseError as exc:
        return str(exc)
    return None


def telegram_len(text: str) -> int:
    """UTF-16 length of the text Telegram would display (tags stripped, entities decoded).

    Invalid HTML falls back to a rough strip so that callers always get a number.
    """
    try:
        plain, _ = parse_telegram_html(text)
    except HtmlParseError:
        plain = html.unescape(re.sub(r"<[^>]*>", "", text))
    return utf16_len(plain)


def parse_telegram_html(text: str) -> tuple[str, list[dict[str, object]]]:
    """Parse Telegram HTML into (plain text, MessageEntity dicts) like the Bot API does.

    Raises HtmlParseError with a Telegram-like reason on invalid input.
    """
    parser = _Parser(text)
    parser.run()
    return "".join(parser.out), sorted(parser.entities, key=_entity_order)


def _entity_order(entity: dict[str, object]) -> tuple[int, int]:
    # Telegram lists outer entities before inner ones that start at the same offset.
    return int(entity["offset"]), -int(entity["length"])  # type: ignore[call-overload]


@dataclass
class _OpenTag:
    name: str
    attrs: dict[str, str]
    start: int  # UTF-16 offset in the plain text where the entity begins
    language: str | None = None  # set on <pre> by a nested <code class="language-x">


@dataclass
class _Parser:
    source: str
    pos: int = 0
    out: list[str] = field(default_factory=list)
    out_len: int = 0  # running UTF-16 length of ``out``
    stack: list[_OpenTag] = field(default_factory=list)
    entities: list[dict[str, object]] = field(default_factory=list)

    def run(self) -> None:
        while self.pos < len(self.source):
            match = _SPECIAL.search(self.source, self.pos)
            end = match.start() if match else len(self.source)
            self._emit(self.source[self.pos : end])
            self.pos = end
            if match:
                self._special(match.group())
        if self.stack:
            raise HtmlParseError(
                f'Can\'t find end tag corresponding to start tag "{self.stack[-1].name}"'
            )

    def _emit(self, chunk: str) -> None:
        if chunk:
            self.out.append(chunk)
            self.out_len += utf16_len(chunk)

    def _byte_offset(self) -> int:
        # Telegram reports positions as UTF-8 byte offsets into the original text.
        return len(self.source[: self.pos].encode("utf-8"))

    def _special(self, char: str) -> None:
        if char == "&":
            self._emit(self._entity())
        elif char == ">":
            raise HtmlParseError(f"Unescaped '>' at byte offset {self._byte_offset()}")
        elif self.source.startswith("</", self.pos):
            self._end_tag()
        else:
            self._start_tag()

    def _entity(self) -> str:
        match = _ENTITY.match(self.source, self.pos)
        if not match:
            raise HtmlParseError(
                f"Unsupported HTML entity or unescaped '&' at byte offset {self._byte_offset()}"
            )
        value = _decode_entity(match)
        if value is None:
            raise HtmlParseError(
                f"Invalid character reference at byte offset {self._byte_offset()}"
            )
        self.pos = match.end()
        return value

    def _start_tag(self) -> None:
        match = _START_TAG.match(self.source, self.pos)
        if not match:
            raise HtmlParseError(
                f"Unescaped '<' or malformed tag at byte offset {self._byte_offset()}"
            )
        name = match.group(1).lower()
        if name not in _TAG_ENTITIES:
            raise HtmlParseError(
                f'Unsupported start tag "{name}" at byte offset {self._byte_offset()}'
            )
        if match.group(3):
            raise HtmlParseError(
                f'Unsupported self-closing tag "{name}" at byte offset {self._byte_offset()}'
            )
        attrs = _parse_attributes(match.group(2))
        _check_attributes(name, attrs)
        self.stack.append(_OpenTag(name, attrs, self.out_len))
        self.pos = match.end()

    def _end_tag(self) -> None:
        match = _END_TAG.match(self.source, self.pos)
        if not match:
            raise HtmlParseError(f"Malformed end tag at byte offset {self._byte_offset()}")
        name = match.group(1).lower()
        if not self.stack:
            raise HtmlParseError(f"Unexpected end tag at byte offset {self._byte_offset()}")
        top = self.stack[-1]
        if top.name != name:
            raise HtmlParseError(
                f"Unmatched end tag at byte offset {self._byte_offset()}, "
                f'expected "</{top.name}>", found "</{name}>"'
            )
        self.stack.pop()
        self._close(top)
        self.pos = match.end()

    def _close(self, tag: _OpenTag) -> None:
        parent = self.stack[-1] if self.stack else None
        if tag.name == "code" and parent is not None and parent.name == "pre":
            # <pre><code class="language-x"> is a single "pre" entity with a language.
            parent.language = _code_language(tag) or parent.language
            return
        length = self.out_len - tag.start
        if length > 0:  # Telegram silently drops empty entities
            self.entities.append(_make_entity(tag, length))


def _decode_entity(match: re.Match[str]) -> str | None:
    named, decimal, hexadecimal = match.groups()
    if named:
        return _NAMED[named]
    code = int(decimal) if decimal else int(hexadecimal, 16)
    if code == 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        return None
    return chr(code)


def _unescape_value(value: str) -> str:
    """Attribute values may contain the same (and only the same) entities as text."""
    parser = _Parser(value)
    parser.run()
    return "".join(parser.out)


def _parse_attributes(raw: str) -> dict[str, str]:
    attrs: dict[str, str] = {}
    for match in _ATTRIBUTE.finditer(raw):
        value = match.group(2) or ""
        if value[:1] in ("'", '"'):
            value = value[1:-1]
        attrs[match.group(1).lower()] = _unescape_value(value)
    return attrs


def _check_attributes(name: str, attrs: dict[str, str]) -> None:
    if name == "span" and attrs.get("class") != "tg-spoiler":
        raise HtmlParseError('Tag "span" must have class "tg-spoiler"')
    if name == "a" and not attrs.get("href"):
        raise HtmlParseError('Tag "a" must have attribute "href"')
    if name == "tg-emoji" and not attrs.get("emoji-id", "").isdigit():
        raise HtmlParseError('Tag "tg-emoji" must have a numeric attribute "emoji-id"')


def _code_language(tag: _OpenTag) -> str | None:
    css = tag.attrs.get("class", "")
    if not css.startswith("language-"):
        return None
    return css[len("language-") :] or None


def _make_entity(tag: _OpenTag, length: int) -> dict[str, object]:
    kind = _TAG_ENTITIES[tag.name]
    if tag.name == "blockquote" and "expandable" in tag.attrs:
        kind = "expandable_blockquote"
    entity: dict[str, object] = {"offset": tag.start, "length": length, "type": kind}
    if kind == "text_link":
        entity["url"] = tag.attrs["href"]
    elif kind == "custom_emoji":
        entity["custom_emoji_id"] = tag.attrs["emoji-id"]
    elif kind == "pre" and tag.language:
        entity["language"] = tag.language
    return entity
